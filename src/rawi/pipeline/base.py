"""The one shape every stage has."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from rawi.model import Doc


@runtime_checkable
class Stage(Protocol):
    """A callable that adds one annotation layer to a Doc.

    ``reads`` names the layers it needs, ``writes`` the layers it fills; a
    stage may also declare ``uses``, layers it reads when an earlier stage filled
    them and does without otherwise (so ``--stages text,places`` still runs). The
    registry test checks that every layer read or used is written by an earlier
    stage. Stages never change ``doc.text``.
    """

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...
