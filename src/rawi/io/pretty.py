"""A readable, coloured summary of an analysis, for a person at a terminal."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rawi.model import Doc

_TYPE_STYLE = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "yellow"}
_MODALITY_STYLE = {
    "asserted": "green", "hedged": "yellow", "denied": "red",
    "question": "blue", "belief": "cyan", "alleged": "magenta",
}
_SNIPPET = 90


def _short(text: str, limit: int = _SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PrettyWriter:
    """Prints one block per article: header, entities, attributions, times, places."""

    def __init__(self, out: IO[str], color: bool | None = None) -> None:
        force = None if color is None else color
        self.console = Console(file=out, force_terminal=force, no_color=color is False,
                               width=120, highlight=False)

    def write(self, doc: Doc) -> None:
        c = self.console
        a = doc.article
        head = Text(f"■ {a.id}", style="bold")
        for label, value in (("published", a.published), ("source", a.source)):
            if value:
                head.append(f"   {label}: {value}", style="dim")
        c.print(head)
        if a.title:
            c.print(Text(a.title, style="bold"))
        c.print(Text(_short(doc.text, 200), style="dim"))
        c.print(
            f"{len(doc.sentences)} sentences · {len(doc.tokens)} tokens · "
            f"{len(doc.entities)} entities · {len(doc.attributions)} attributions · "
            f"{len(doc.times)} times · {len(doc.places)} places"
        )
        self._attributions(doc)
        self._entities(doc)
        self._times_places(doc)
        c.print()

    def _attributions(self, doc: Doc) -> None:
        if not doc.attributions:
            return
        table = Table(title="who said what", title_justify="left", show_lines=False)
        for column in ("speaker", "cue", "content", "modality", "channel", "evidence", "time"):
            table.add_column(column, overflow="fold")
        for x in doc.attributions:
            speaker = "—"
            if x.speaker:
                speaker = x.speaker.text or "(implied)"
                if x.speaker.actor:
                    speaker += f" → {x.speaker.actor.name}"
            time = next((t.value for t in doc.times if t.id == x.time), "") if x.time else ""
            content = _short(x.content.text, 70)
            table.add_row(
                speaker,
                x.cue.text,
                f"«{content}»" if x.direct else content,
                Text(x.modality, style=_MODALITY_STYLE.get(x.modality, "")),
                f"{x.channel.type}{'/' + x.channel.platform if x.channel.platform else ''}"
                if x.channel else "",
                ", ".join(sorted({e.type for e in x.evidence})),
                time,
            )
        self.console.print(table)

    def _entities(self, doc: Doc) -> None:
        if not doc.entities:
            return
        line = Text("entities: ")
        seen: set[tuple[str, str]] = set()
        for e in doc.entities:
            key = (e.text, e.type)
            if key in seen:
                continue
            seen.add(key)
            line.append(e.text, style=_TYPE_STYLE.get(e.type, ""))
            label = e.type + (f"={e.actor.name}" if e.actor else "")
            line.append(f" [{label}]  ", style="dim")
        self.console.print(line)

    def _times_places(self, doc: Doc) -> None:
        if doc.times:
            line = Text("times: ")
            for t in doc.times:
                line.append(t.text, style="bold")
                line.append(f" = {t.value}  ", style="dim")
            self.console.print(line)
        if doc.places:
            line = Text("places: ")
            seen: set[tuple[str, str]] = set()
            for p in doc.places:
                if (p.text, p.name) in seen:
                    continue
                seen.add((p.text, p.name))
                line.append(p.text, style="bold green")
                if p.lat is None or p.lon is None:
                    line.append(" (not in the gazetteer)  ", style="dim")
                    continue
                where = f"{p.name}" + (f", {p.country}" if p.country else "")
                where += f" ({p.lat:.2f}, {p.lon:.2f})"
                if p.qualifier:
                    where += f", {p.qualifier}"
                line.append(f" = {where}  ", style="dim")
            self.console.print(line)

    def close(self) -> None:
        self.console.file.flush()
