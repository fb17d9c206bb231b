"""Fixtures shared by the base import and export tests."""

from ..import_fixtures import numbering_index, pg, project_id

__all__ = ["numbering_index", "pg", "project_id"]
