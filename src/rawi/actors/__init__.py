"""Actors: the canonical actor dictionary, matching, linking and coreference.

In Python::

    from rawi.actors import ActorsStage, load_actors, match, resolve_at
    use_actor_files(["my_actors.tsv"])    # what rawi analyze --actors FILE does
    stage = ActorsStage()                 # or ActorsStage(extra_files=[...])
    doc = stage(doc)                                     # needs doc.tokens (text stage)
    resolve_at(doc, start, end)                          # who is «الوزارة» here?
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rawi.actors.coref import resolve_at
from rawi.actors.dictionary import Dictionary, Entry, load_actors
from rawi.actors.index import ActorIndex, get_index
from rawi.actors.matcher import Matcher, Mention
from rawi.actors.stage import ActorsStage, use_actor_files
from rawi.model import Token

__all__ = ["ActorIndex", "ActorsStage", "Dictionary", "Entry", "Matcher", "Mention",
           "get_index", "load_actors", "match", "resolve_at", "use_actor_files"]

_matchers: dict[tuple[str, ...], Matcher] = {}


def match(tokens: list[Token], date: str | None = None,
          extra_files: Iterable[Path | str] = ()) -> list[Mention]:
    """Dictionary mentions in a token list (for the NER stage's dictionary features)."""
    key = tuple(str(p) for p in extra_files)
    if key not in _matchers:
        _matchers[key] = Matcher(get_index(key))
    return _matchers[key](tokens, date)
