"""Where the registry files are on a development machine.

The product does not ship the registry: ``obzvon numbering import`` loads it from files, and
``obzvon numbering update`` downloads the official ones. Development and tests read the copies kept
beside the repository, ``<repo>/../shared/numbering``, or the folder named by ``OBZVON_NUMBERING_DIR``.
"""

import os
import re
from pathlib import Path

ZONE_TABLE_NAME = "region_tz.csv"
#: Official registry file names (dated or other copies are not picked up automatically).
REGISTRY_FILE = re.compile(r"^(?:ABC-[348]xx|DEF-9xx)\.csv$")


def repo_root() -> Path:
    """The repository this package is checked out in (``libs/numbering/obzvon_numbering/`` → root)."""
    return Path(__file__).resolve().parents[3]


def registry_dir() -> Path:
    """``$OBZVON_NUMBERING_DIR`` or ``<repo>/../shared/numbering``."""
    configured = os.environ.get("OBZVON_NUMBERING_DIR")
    return Path(configured) if configured else repo_root().parent / "shared" / "numbering"


def registry_files(folder: Path) -> list[Path]:
    """The official registry files present in ``folder``, sorted by name."""
    return sorted(path for path in folder.iterdir() if REGISTRY_FILE.match(path.name))


def find_zone_table(files: list[Path], explicit: Path | None = None) -> Path:
    """``explicit``, else ``region_tz.csv`` beside the first file, else in :func:`registry_dir`."""
    if explicit is not None:
        if not explicit.is_file():
            raise FileNotFoundError(f"zone table {explicit} not found")
        return explicit
    candidates = [path.parent / ZONE_TABLE_NAME for path in files[:1]]
    candidates.append(registry_dir() / ZONE_TABLE_NAME)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"no {ZONE_TABLE_NAME} found (looked at {', '.join(str(c) for c in candidates)}); "
        "pass --tz FILE or set OBZVON_NUMBERING_DIR"
    )
