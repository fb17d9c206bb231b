"""The registry copies beside the repository (``OBZVON_NUMBERING_DIR`` or ``<repo>/../shared/numbering``)."""

from pathlib import Path

import pytest
from obzvon_numbering import NumberingIndex
from obzvon_numbering.paths import registry_dir


@pytest.fixture(scope="session")
def numbering_dir() -> Path:
    folder = registry_dir()
    assert (folder / "DEF-9xx.csv").is_file(), (
        f"registry copy not found in {folder} (set OBZVON_NUMBERING_DIR)"
    )
    return folder


@pytest.fixture(scope="session")
def def_index(numbering_dir: Path) -> NumberingIndex:
    return NumberingIndex.from_files([numbering_dir / "DEF-9xx.csv"], numbering_dir / "region_tz.csv")
