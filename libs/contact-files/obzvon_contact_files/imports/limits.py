"""Upload caps (OWASP ASVS 5.2: checked from the file and its zip directory before any parsing)."""

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """Defaults follow the product's security baseline; a deployment may lower or raise them."""

    max_file_bytes: int = 50 * MIB
    max_uncompressed_bytes: int = 300 * MIB
    max_zip_members: int = 50
    max_compression_ratio: float = 100.0
    #: Members smaller than this are not ratio-checked one by one (tiny XML parts compress very well).
    ratio_check_min_bytes: int = 1 * MIB
    max_rows: int = 1_048_576
    max_columns: int = 500
    #: Longest text kept in a card field; longer cells are cut (XLSX cells hold up to 32,767 characters).
    max_cell_chars: int = 4_000
    #: Per-row errors kept in the report (the counters stay exact beyond it).
    max_reported_errors: int = 100_000


DEFAULT_LIMITS = UploadLimits()
