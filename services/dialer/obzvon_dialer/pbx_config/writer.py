"""Atomic writes of the generated files: a temp file in the same directory, fsync, rename, fsync the
directory. Mode 0640; group ``asterisk`` when the dialer runs as root and that group exists."""

import contextlib
import grp
import os
import tempfile
from pathlib import Path

FILE_MODE = 0o640


def _group_id(group: str | None) -> int | None:
    if not group or os.geteuid() != 0:
        return None
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        return None


def write_atomically(path: Path, text: str, *, group: str | None = "asterisk") -> bool:
    """Replace ``path`` with ``text`` in one rename (readers see the old or the new file, never a part).

    Returns False, touching nothing, when the file already holds exactly this text."""
    data = text.encode("utf-8")
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            gid = _group_id(group)
            if gid is not None:
                os.fchown(handle.fileno(), 0, gid)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return True
