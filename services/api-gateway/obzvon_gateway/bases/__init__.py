"""Contact bases of a project (F-30..F-35): upload, mapping, import, statistics, downloads."""
