"""``rawi tag-ner FILE.conll [-o OUT]``: add rawi's predicted NER tag to each token line.

In Python: ``rawi.ner.io.tag_conll_lines(lines, rawi.ner.tagger.get_tagger())``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from rawi.ner.io import tag_conll_lines
    from rawi.ner.tagger import ModelMissing, get_tagger

    try:
        if args.file == "-":
            lines = sys.stdin.readlines()
        else:
            lines = Path(args.file).read_text(encoding="utf-8-sig").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"rawi tag-ner: {args.file}: {exc}", file=sys.stderr)
        return 2
    try:
        tagger = get_tagger()
    except ModelMissing as exc:
        print(f"rawi tag-ner: {exc}", file=sys.stderr)
        return 2
    window = None if args.window < 0 else args.window
    out_lines = tag_conll_lines(lines, tagger, window=window)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.writelines(out_lines)
    else:
        sys.stdout.writelines(out_lines)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tag-ner",
        help="tag a CoNLL file with rawi's NER model (predicted tag as a new last column)",
        description="Read CoNLL (token[<TAB>gold...] per line, a blank line between "
        "sentences) and write the same lines with the predicted IOB2 tag (B-PERS, I-LOC...) "
        "appended as one more tab-separated column; blank lines are kept.",
    )
    p.add_argument("file", help="CoNLL file (UTF-8), or - for stdin")
    p.add_argument("-o", "--output", help="write here instead of stdout")
    p.add_argument("--window", type=int, default=20,
                   help="sentences either side treated as one document when making repeated "
                   "names agree (0: off; -1: the whole file is one document; default 20)")
    p.set_defaults(func=run)
