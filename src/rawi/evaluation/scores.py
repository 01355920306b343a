"""Count containers for the gold scorers: per-layer P/R/F1 and accuracy figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass
class LayerScore:
    """Detection counts of one layer.

    ``found`` counts gold items matched by some prediction (recall side);
    ``correct`` counts predictions that match some gold item (precision side).
    They differ when several predictions overlap one gold item.
    """

    gold: int = 0
    predicted: int = 0
    found: int = 0
    correct: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def merge(self, other: LayerScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.found += other.found
        self.correct += other.correct
        self.details.extend(other.details)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "found": self.found,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Right answers among the gold items an accuracy figure is defined on."""

    correct: int = 0
    total: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total)

    def merge(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total
        self.details.extend(other.details)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.accuracy, 4)}


@dataclass
class Scores:
    """All figures of one article or of a whole directory (``merge`` sums them)."""

    layers: dict[str, LayerScore] = field(default_factory=dict)
    accuracy: dict[str, Accuracy] = field(default_factory=dict)

    def layer(self, name: str) -> LayerScore:
        return self.layers.setdefault(name, LayerScore())

    def acc(self, name: str) -> Accuracy:
        return self.accuracy.setdefault(name, Accuracy())

    def merge(self, other: Scores) -> None:
        for name, score in other.layers.items():
            self.layer(name).merge(score)
        for name, acc in other.accuracy.items():
            self.acc(name).merge(acc)

    def to_dict(self) -> dict[str, Any]:
        return {
            "layers": {k: v.to_dict() for k, v in self.layers.items()},
            "accuracy": {k: v.to_dict() for k, v in self.accuracy.items()},
        }
