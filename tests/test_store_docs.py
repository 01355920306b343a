"""Every corpus command and option is documented in docs/store.md."""

from __future__ import annotations

from pathlib import Path

from rawi.cli import build_parser

COMMANDS = ("ingest", "search", "claims", "actors", "timeline", "pairs", "stats", "export")
DOC = Path(__file__).resolve().parents[1] / "docs" / "store.md"


def test_every_command_and_option_documented():
    doc = DOC.read_text("utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    missing = []
    for name in COMMANDS:
        if f"rawi {name}" not in doc:
            missing.append(name)
        for action in sub.choices[name]._actions:
            missing += [f"{name} {o}" for o in action.option_strings
                        if o.startswith("--") and o != "--help" and o not in doc]
    assert not missing, f"undocumented in docs/store.md: {missing}"
