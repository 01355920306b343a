"""Regenerate the per-country institution entries (governments.gen.tsv, armed_forces.gen.tsv).

Run after editing countries.tsv or institutions.tsv:
    .venv/bin/python scripts/actors_generate.py
"""

from rawi.actors.generate import write

if __name__ == "__main__":
    for path in write():
        print(f"wrote {path}")
