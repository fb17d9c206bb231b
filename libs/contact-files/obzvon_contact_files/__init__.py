"""Contact base files (F-30…F-35): reading, checking and importing uploaded XLSX/CSV bases
(``imports``) and writing formula-safe CSV/XLSX downloads of contacts (``exports``). Used by the
gateway (upload preview, statistics, downloads) and by reporting (the import itself)."""
