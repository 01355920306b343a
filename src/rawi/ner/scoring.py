"""Entity-level precision, recall and F1 with the CoNLL (conlleval / seqeval) conventions.

An entity is a maximal chunk of IOB tags of one type: it starts at ``B-X``, or at
``I-X`` after ``O`` or after another type; it counts as found only when type,
start and end all match the gold chunk exactly. Micro scores pool every entity;
macro scores average the per-type precision, recall and F1 (as seqeval's
``macro avg`` row does).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def entities(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Chunks ``(type, start, end)`` (token indices, ``end`` exclusive) in IOB tags."""
    out: list[tuple[str, int, int]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if prefix not in ("B", "I"):
            prefix, typ = "O", ""
        begins = prefix == "B" or (prefix == "I" and typ != kind)
        if start >= 0 and (prefix == "O" or begins):
            out.append((kind, start, i))
            start, kind = -1, ""
        if begins:
            start, kind = i, typ
    return out


@dataclass(slots=True)
class TypeScore:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    """Per-type counts; ``micro`` and ``macro`` computed from them."""

    types: dict[str, TypeScore] = field(default_factory=dict)

    @property
    def micro(self) -> TypeScore:
        total = TypeScore()
        for s in self.types.values():
            total.tp += s.tp
            total.pred += s.pred
            total.gold += s.gold
        return total

    @property
    def macro(self) -> tuple[float, float, float]:
        scores = list(self.types.values())
        if not scores:
            return 0.0, 0.0, 0.0
        n = len(scores)
        return (
            sum(s.precision for s in scores) / n,
            sum(s.recall for s in scores) / n,
            sum(s.f1 for s in scores) / n,
        )

    def as_dict(self) -> dict[str, dict[str, float]]:
        rows: dict[str, dict[str, float]] = {}
        for name, s in sorted(self.types.items()):
            rows[name] = {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                          "support": s.gold}
        m = self.micro
        rows["micro"] = {"precision": m.precision, "recall": m.recall, "f1": m.f1,
                         "support": m.gold}
        p, r, f = self.macro
        rows["macro"] = {"precision": p, "recall": r, "f1": f, "support": m.gold}
        return rows

    def format(self) -> str:
        """A seqeval-style table, percentages with two decimals."""
        lines = [f"{'':>8} {'precision':>9} {'recall':>9} {'f1':>9} {'support':>8}"]
        for name, row in self.as_dict().items():
            if name == "micro":
                lines.append("")
            lines.append(
                f"{name:>8} {100 * row['precision']:9.2f} {100 * row['recall']:9.2f} "
                f"{100 * row['f1']:9.2f} {int(row['support']):8d}"
            )
        return "\n".join(lines)


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Report:
    """Score predicted tag sequences against gold ones, sentence by sentence."""
    report = Report()
    for n, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if len(g) != len(p):
            raise ValueError(f"sentence {n + 1}: {len(g)} gold tags but {len(p)} predicted")
        gold_set = set(entities(g))
        pred_set = set(entities(p))
        for kind, count in Counter(e[0] for e in gold_set).items():
            report.types.setdefault(kind, TypeScore()).gold += count
        for kind, count in Counter(e[0] for e in pred_set).items():
            report.types.setdefault(kind, TypeScore()).pred += count
        for kind, count in Counter(e[0] for e in gold_set & pred_set).items():
            report.types[kind].tp += count
    return report
