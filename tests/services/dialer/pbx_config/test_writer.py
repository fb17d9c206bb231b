"""Generated files are replaced atomically with mode 0640 (asterisk/README.md, generator rule 3–4)."""

import os
import stat
from pathlib import Path

import pytest
from obzvon_dialer.pbx_config.writer import write_atomically


def test_writes_with_mode_0640_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "conf" / "pjsip_obzvon_trunks.conf"
    assert write_atomically(target, "[a]\n", group=None)
    assert target.read_text(encoding="utf-8") == "[a]\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(target.parent) == [target.name]


def test_an_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "pjsip_obzvon_trunks.conf"
    assert write_atomically(target, "[a]\n", group=None)
    inode = target.stat().st_ino
    assert not write_atomically(target, "[a]\n", group=None)
    assert write_atomically(target, "[b]\n", group=None)
    assert target.stat().st_ino != inode  # a new file renamed over the old one, not an edit in place
    assert target.read_text(encoding="utf-8") == "[b]\n"


def test_a_failed_write_keeps_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "pjsip_obzvon_trunks.conf"
    write_atomically(target, "[old]\n", group=None)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, "[new]\n" * 1000, group=None)
    assert target.read_text(encoding="utf-8") == "[old]\n"
    assert os.listdir(tmp_path) == [target.name]
