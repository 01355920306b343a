"""The command reference is generated from the parser and must be current."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_up_to_date(load_script):
    rendered = load_script("gen_cli_docs").render()
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == rendered, "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_every_command_has_help_text(load_script):
    rendered = load_script("gen_cli_docs").render()
    assert "rawi analyze" in rendered
    for line in rendered.splitlines():
        assert "%(default)" not in line
