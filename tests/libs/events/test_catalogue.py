"""The generated event catalogue in docs/events.md is up to date (DESIGN.md "Events")."""

from pathlib import Path

from obzvon_events import registered
from obzvon_events.catalogue import main, render

REPO_ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = REPO_ROOT / "docs" / "events.md"


def test_docs_events_md_is_not_stale() -> None:
    assert CATALOGUE.read_text(encoding="utf-8") == render(), (
        "docs/events.md is stale: run `uv run python -m obzvon_events.catalogue` from the repository root"
    )


def test_catalogue_lists_every_message_with_its_routing_key_and_fields() -> None:
    text = render()
    for cls in registered():
        assert f"### `{cls.name}` v{cls.version}" in text
        assert f"`{cls.routing_key}`" in text
        for field_name in cls.model_fields:
            assert f"| `{field_name}` |" in text


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    output = tmp_path / "events.md"
    assert main(["--check", "--output", str(output)]) == 1
    assert main(["--output", str(output)]) == 0
    assert main(["--check", "--output", str(output)]) == 0
    output.write_text(output.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert main(["--check", "--output", str(output)]) == 1
