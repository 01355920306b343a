"""The command reference is generated from the parser and must be current."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts/gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date():
    rendered = _generator().render()
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == rendered, "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_every_command_has_help_text():
    rendered = _generator().render()
    assert "rawi analyze" in rendered
    for line in rendered.splitlines():
        assert "%(default)" not in line
