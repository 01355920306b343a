"""Score the pipeline against a directory of gold files, layer by layer.

In Python::

    from rawi.evaluation import evaluate_dir
    result = evaluate_dir("../shared/data/gold-dev")
    print(format_table(result))

The pipeline runs each gold article as ``Article(text, id, published)``; layers
the registered stages do not produce simply score 0 found. Each stage's time is
recorded so a stage's cost can be read against the text layer's.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rawi.evaluation.goldfile import GoldArticle, GoldError, load_gold_dir
from rawi.evaluation.scorers import (
    score_actors,
    score_attributions,
    score_entities,
    score_places,
    score_times,
)
from rawi.evaluation.scores import Scores
from rawi.model import Article, Doc

__all__ = [
    "LAYERS", "EvalResult", "GoldArticle", "GoldError", "evaluate_dir", "format_table",
    "load_gold_dir", "score_article",
]

#: scored layer -> scorer(gold article, predicted doc)
SCORERS: dict[str, Callable[[GoldArticle, Doc], Scores]] = {
    "entities": lambda g, d: score_entities(g.entities, d),
    "actors": lambda g, d: score_actors(g.entities, d),
    "attributions": lambda g, d: score_attributions(g.attributions, d, g.entities),
    "times": lambda g, d: score_times(g.times, d),
    "places": lambda g, d: score_places(g.places, d),
}
LAYERS = tuple(SCORERS)


@dataclass
class EvalResult:
    scores: Scores = field(default_factory=Scores)
    articles: int = 0
    chars: int = 0
    stages: list[str] | None = None  # None: predictions were given, nothing was run
    stage_seconds: dict[str, float] = field(default_factory=dict)
    per_article: dict[str, Scores] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        text_s = self.stage_seconds.get("text")
        return {
            "articles": self.articles,
            "chars": self.chars,
            "stages": self.stages,
            **self.scores.to_dict(),
            "timing": {
                name: {"seconds": round(s, 4),
                       "vs_text": round(s / text_s, 3) if text_s else None}
                for name, s in self.stage_seconds.items()
            },
            "per_article": {k: v.to_dict() for k, v in self.per_article.items()},
            "problems": list(self.problems),
            "errors": list(self.errors),
        }


def score_article(gold: GoldArticle, doc: Doc, layers: Sequence[str] = LAYERS) -> Scores:
    """All requested layers' figures for one article."""
    scores = Scores()
    for layer in layers:
        scores.merge(SCORERS[layer](gold, doc))
    return scores


def _run(stages: list[Any], article: Article, seconds: dict[str, float]) -> Doc:
    doc = Doc(article=article)
    for stage in stages:
        t0 = time.perf_counter()
        doc = stage(doc)
        seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - t0
    return doc


def evaluate_dir(
    directory: str | Path,
    layers: Sequence[str] = LAYERS,
    stages: Sequence[str] | None = None,
    predictions: dict[str, Doc] | None = None,
) -> EvalResult:
    """Run the pipeline (``stages``: registered names, default all) over every gold
    article of ``directory`` and score ``layers``. With ``predictions`` (article id ->
    Doc, e.g. read from ``rawi analyze`` output) nothing is run."""
    unknown = [x for x in layers if x not in SCORERS]
    if unknown:
        raise GoldError(f"unknown layer(s) {', '.join(unknown)}; known: {', '.join(LAYERS)}")
    golds, problems = load_gold_dir(directory)
    result = EvalResult(problems=problems)
    built: list[Any] = []
    if predictions is None:
        from rawi.pipeline.registry import build_stage, stage_names

        for name in stages if stages is not None else stage_names():
            try:
                built.append(build_stage(name))
            except KeyError:
                raise
            except Exception as exc:  # a stage still being written must not block the rest
                result.errors.append(f"stage {name!r} could not be built: "
                                     f"{type(exc).__name__}: {exc}; run without it")
        result.stages = [s.name for s in built]
    for gold in golds:
        article = Article(text=gold.text, id=gold.id, published=gold.published)
        if predictions is not None:
            doc = predictions.get(gold.id)
            if doc is None or doc.text != gold.text:
                result.errors.append(f"{gold.path}: no prediction with this id and text")
                doc = Doc(article=article)
        else:
            try:
                doc = _run(built, article, result.stage_seconds)
            except Exception as exc:  # one broken article must not stop the evaluation
                where = traceback.extract_tb(exc.__traceback__)[-1]
                result.errors.append(
                    f"{gold.path}: pipeline failed: {type(exc).__name__}: {exc} "
                    f"({Path(where.filename).name}:{where.lineno}); scored as empty"
                )
                doc = Doc(article=article)
        scores = score_article(gold, doc, layers)
        result.per_article[gold.id] = scores
        result.scores.merge(scores)
        result.articles += 1
        result.chars += len(gold.text)
    return result


def _stages_line(stages: list[str] | None) -> str:
    if stages is None:
        return "(predictions given)"
    return ", ".join(stages) or "(none)"


def format_table(result: EvalResult, details: bool = False) -> str:
    """The human table: one row per layer, then accuracies, timing and (optionally) misses."""
    s = result.scores
    lines = [
        f"gold articles: {result.articles} ({result.chars} chars); "
        f"stages: {_stages_line(result.stages)}",
        "",
        f"{'layer':<18}{'gold':>6}{'pred':>6}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for name, x in s.layers.items():
        lines.append(
            f"{name:<18}{x.gold:>6}{x.predicted:>6}{x.found:>7}"
            f"{x.precision:>8.3f}{x.recall:>8.3f}{x.f1:>8.3f}"
        )
    if s.accuracy:
        lines += ["", f"{'accuracy':<18}{'right':>6}{'of':>6}{'acc':>8}"]
        for name, a in s.accuracy.items():
            lines.append(f"{name:<18}{a.correct:>6}{a.total:>6}{a.accuracy:>8.3f}")
    if result.stage_seconds:
        text_s = result.stage_seconds.get("text")
        lines += ["", f"{'stage':<18}{'seconds':>9}{'x text':>8}"]
        for name, sec in result.stage_seconds.items():
            ratio = f"{sec / text_s:>8.2f}" if text_s else f"{'-':>8}"
            lines.append(f"{name:<18}{sec:>9.3f}{ratio}")
    for title, items in (("problems", result.problems), ("errors", result.errors)):
        if items:
            lines += ["", f"{title}:"] + [f"  {p}" for p in items]
    if details:
        for name, x in s.layers.items():
            if x.details:
                lines += ["", f"== {name}: misses and false alarms =="]
                lines += [f"  {d}" for d in x.details]
        for name, a in s.accuracy.items():
            if a.details:
                lines += ["", f"== {name}: wrong =="] + [f"  {d}" for d in a.details]
    return "\n".join(lines)
