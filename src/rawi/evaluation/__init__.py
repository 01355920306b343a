"""Evaluation: score rawi's output against hand-annotated gold files.

``rawi.evaluation.gold`` loads a directory of gold files (the format of
``../shared/data/gold-dev``), runs the pipeline and scores every layer with the
small pure scorers of ``rawi.evaluation.scorers``.
"""

from rawi.evaluation.gold import GoldArticle, evaluate_dir, load_gold_dir, score_article

__all__ = ["GoldArticle", "evaluate_dir", "load_gold_dir", "score_article"]
