"""Every stage rawi knows, in pipeline order, in one place.

Entries are ``"module:Class"`` strings imported on first use, so importing
rawi stays cheap and a stage's model loads only when the stage is built.
"""

from __future__ import annotations

import importlib

from rawi.pipeline.base import Stage

#: (stage name, "module:factory") in the order the default pipeline runs them.
STAGES: list[tuple[str, str]] = [
    ("text", "rawi.text.stage:TextStage"),
    ("entities", "rawi.ner.stage:EntitiesStage"),
    ("actors", "rawi.actors.stage:ActorsStage"),
    ("times", "rawi.time.stage:TimeStage"),
    ("places", "rawi.places.stage:PlacesStage"),
    ("attributions", "rawi.attribution.stage:AttributionStage"),
]

#: Layers present before any stage runs.
INPUT_LAYERS = ("article", "text")


def stage_names() -> list[str]:
    return [name for name, _ in STAGES]


def build_stage(name: str) -> Stage:
    """Import and construct the stage registered under ``name``."""
    for registered, target in STAGES:
        if registered == name:
            module_name, _, attr = target.partition(":")
            factory = getattr(importlib.import_module(module_name), attr)
            return factory()
    known = ", ".join(stage_names())
    raise KeyError(f"unknown stage {name!r}; known stages: {known}")
