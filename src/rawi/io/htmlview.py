"""One self-contained HTML page of analyses: each article's text with its layers marked,
and the attributions, actors, times and places beside it, for a person to look at.

The page needs no network and no server (inline CSS and a few lines of script): open it
in any browser, attach it to a mail, keep it with the case file. It renders rawi/1
objects, so it works the same on a fresh analysis and on a stored one.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import IO, Any

from rawi.model import Doc

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;
 color:#1f2328}
header.page{background:#1f2937;color:#fff;padding:10px 20px;font-size:15px}
header.page b{font-size:18px;margin-right:8px}
.legend span{margin:0 4px;padding:1px 6px;border-radius:3px;background:#fff;color:#1f2328}
.legend span.content{background:#fff4c2}.legend span.speaker{background:#dbeafe}
article{background:#fff;margin:16px 20px;padding:14px 20px;border:1px solid #d8dee4;
 border-radius:6px}
article h2{margin:0 0 4px;font-size:18px}
.meta{color:#57606a;font-size:13px;margin-bottom:10px}
.text{direction:rtl;text-align:right;font-family:"Noto Naskh Arabic","Amiri","Arial",serif;
 font-size:20px;line-height:2.1;border-top:1px solid #eee;padding-top:8px}
.e-PER{border-bottom:3px solid #2563eb}.e-ORG{border-bottom:3px solid #c026d3}
.e-LOC{border-bottom:3px solid #16a34a}.e-MISC{border-bottom:3px solid #ca8a04}
.content{background:#fff4c2}.cue{color:#b91c1c;font-weight:700}
.speaker{background:#dbeafe}.time{outline:1px dashed #7c3aed;outline-offset:1px}
.hl{background:#fde68a !important;box-shadow:0 0 0 2px #f59e0b}
.cols{display:flex;flex-wrap:wrap;gap:18px;margin-top:12px}
.cols section{flex:1 1 420px;min-width:320px}
h3{font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:8px 0}
.card{border:1px solid #d8dee4;border-radius:5px;padding:6px 10px;margin-bottom:8px;font-size:14px}
.card.hl{box-shadow:0 0 0 2px #f59e0b}
.card .said{direction:rtl;text-align:right;font-family:"Noto Naskh Arabic","Arial",serif;
 font-size:17px}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;margin-right:4px;
 background:#eef1f4;color:#1f2328}
.m-asserted{background:#dcfce7}.m-hedged{background:#fef3c7}.m-denied{background:#fee2e2}
.m-question{background:#dbeafe}.m-belief{background:#e0f2fe}.m-alleged{background:#fae8ff}
table{border-collapse:collapse;font-size:14px;width:100%}
td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
td.ar{direction:rtl;text-align:right;font-family:"Noto Naskh Arabic","Arial",serif;font-size:16px}
.none{color:#8c959f;font-style:italic}
"""

# hovering a card lights its spans in the text, and hovering a span its cards
_SCRIPT = """
document.addEventListener('mouseover',function(ev){
 var el=ev.target.closest('[data-a]');
 document.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl')});
 if(!el)return;
 el.getAttribute('data-a').split(' ').forEach(function(id){
  document.querySelectorAll('[data-a~="'+id+'"]').forEach(function(x){x.classList.add('hl')});
 });
});
"""

_LEGEND = ('<span class="e-PER">person</span><span class="e-ORG">organisation</span>'
           '<span class="e-LOC">place</span><span class="e-MISC">other name</span>'
           '<span class="speaker">speaker</span><span class="cue">cue</span>'
           '<span class="content">what was said</span><span class="time">time</span>')


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _marks(data: dict) -> list[tuple[int, int, str, str, str]]:
    """(start, end, css class, tooltip, attribution id) of every span to mark."""
    out = []
    for e in data.get("entities", []):
        actor = e.get("actor") or {}
        tip = f"{e['type']}: {actor.get('name') or 'no actor linked'}"
        out.append((e["start"], e["end"], f"e-{e['type']}", tip, ""))
    for t in data.get("times", []):
        out.append((t["start"], t["end"], "time", f"{t['type']} {t['value']}", ""))
    for a in data.get("attributions", []):
        aid = a["id"]
        out.append((a["content"]["start"], a["content"]["end"], "content", "", aid))
        out.append((a["cue"]["start"], a["cue"]["end"], "cue", f"cue of {aid}", aid))
        sp = a.get("speaker")
        if sp:
            out.append((sp["start"], sp["end"], "speaker", f"speaker of {aid}", aid))
    return out


def marked_text(data: dict) -> str:
    """The article text as HTML, each stretch carrying the classes of the spans over it."""
    text = data["text"]
    marks = [m for m in _marks(data) if 0 <= m[0] < m[1] <= len(text)]
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        over = [m for m in marks if m[0] <= a and b <= m[1]]
        piece = _e(text[a:b]).replace("\n", "<br>")
        if not over:
            parts.append(piece)
            continue
        classes = " ".join(dict.fromkeys(m[2] for m in over))
        tips = " · ".join(dict.fromkeys(m[3] for m in over if m[3]))
        ids = " ".join(sorted({m[4] for m in over if m[4]}))
        attrs = f' class="{classes}"' + (f' title="{_e(tips)}"' if tips else "")
        attrs += f' data-a="{ids}"' if ids else ""
        parts.append(f"<span{attrs}>{piece}</span>")
    return "".join(parts)


def _attribution_card(a: dict, times: dict[str, dict]) -> str:
    sp = a.get("speaker")
    if sp is None:
        who = '<span class="none">speaker not found</span>'
    else:
        actor = sp.get("actor") or {}
        name = actor.get("name") or ("anonymous source" if sp.get("anonymous") else "")
        who = f"<b>{_e(name)}</b> " if name else ""
        who += f'<bdi dir="rtl">«{_e(sp["text"])}»</bdi>'
    badges = [f'<span class="badge m-{_e(a["modality"])}">{_e(a["modality"])}</span>']
    ch = a.get("channel")
    if ch:
        label = ch["type"] + (f" ({ch['platform']})" if ch.get("platform") else "")
        badges.append(f'<span class="badge">via {_e(label)}</span>')
    for ev in a.get("evidence", []):
        badges.append(f'<span class="badge">evidence: {_e(ev["type"])}</span>')
    if a.get("time") and a["time"] in times:
        badges.append(f'<span class="badge">on {_e(times[a["time"]]["value"])}</span>')
    if a.get("direct"):
        badges.append('<span class="badge">quoted</span>')
    if a.get("parent"):
        badges.append(f'<span class="badge">inside {_e(a["parent"])}</span>')
    return (f'<div class="card" data-a="{_e(a["id"])}">{_e(a["id"])} · {who} · '
            f'<bdi dir="rtl" class="cue">{_e(a["cue"]["text"])}</bdi> {" ".join(badges)}'
            f'<div class="said">{_e(a["content"]["text"])}</div></div>')


def _table(head: Iterable[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f'<p class="none">{_e(empty)}</p>'
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f"<table><tr>{cells}</tr>{body}</table>"


def _actor_rows(data: dict) -> list[list[str]]:
    def mentions(actor: dict) -> int:
        return len(actor.get("mentions", [])) + len(actor.get("spans", []))

    rows = []
    for a in sorted(data.get("actors", []), key=mentions, reverse=True):
        count = mentions(a)
        rows.append([f"<td>{_e(a.get('name'))}</td>", f'<td class="ar">{_e(a.get("name_ar"))}</td>',
                     f"<td>{_e(a.get('type'))}</td>", f"<td>{_e(a.get('country') or '')}</td>",
                     f"<td>{count}</td>"])
    return rows


def _place_rows(data: dict) -> list[list[str]]:
    """One row per place, with the ways the text wrote it and how often."""
    grouped: dict[tuple, list[dict]] = {}
    for p in data.get("places", []):
        grouped.setdefault((p.get("name"), p.get("lat"), p.get("lon")), []).append(p)
    rows = []
    for mentions in grouped.values():
        p = mentions[0]
        written = " · ".join(dict.fromkeys(m["text"] for m in mentions))
        where = ""
        if p.get("lat") is not None and p.get("lon") is not None:
            lat, lon = p["lat"], p["lon"]
            url = f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=9/{lat}/{lon}"
            where = f'<a href="{url}">{lat:.3f}, {lon:.3f}</a>'
        rows.append([f'<td class="ar">{_e(written)}</td>', f"<td>{_e(p.get('name'))}</td>",
                     f"<td>{_e(p.get('country') or '')}</td>", f"<td>{where}</td>",
                     f"<td>{len(mentions)}</td>"])
    return rows


def render_article(data: dict) -> str:
    """One article of a rawi/1 object as an HTML ``<article>`` block."""
    times = {t["id"]: t for t in data.get("times", [])}
    meta = " · ".join(_e(v) for v in (data.get("id"), data.get("published"), data.get("source"))
                      if v)
    if data.get("url"):
        meta += f' · <a href="{_e(data["url"])}">source</a>'
    counts = (f"{len(data.get('entities', []))} entities · "
              f"{len(data.get('attributions', []))} attributions · "
              f"{len(times)} times · {len(data.get('places', []))} places")
    cards = "".join(_attribution_card(a, times) for a in data.get("attributions", []))
    time_rows = [[f'<td class="ar">{_e(t["text"])}</td>', f"<td>{_e(t['type'])}</td>",
                  f"<td>{_e(t['value'])}</td>"] for t in times.values()]
    places = _table(("as written", "place", "country", "where", "mentions"), _place_rows(data),
                    "none")
    return (
        f'<article><h2 dir="auto">{_e(data.get("title") or data.get("id"))}</h2>'
        f'<div class="meta">{meta} · {counts}</div>'
        f'<div class="text" lang="ar">{marked_text(data)}</div>'
        '<div class="cols"><section><h3>Who said what</h3>'
        f'{cards or "<p class=none>no attributed statements found</p>"}</section>'
        "<section><h3>Actors</h3>"
        f"{_table(('actor', 'Arabic', 'type', 'country', 'mentions'), _actor_rows(data), 'none')}"
        "<h3>Places</h3>"
        f"{places}"
        "<h3>Times</h3>"
        f"{_table(('as written', 'type', 'value'), time_rows, 'none')}"
        "</section></div></article>"
    )


def page_start(title: str = "rawi") -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}'
            f'</title><meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<style>{_CSS}</style></head><body><header class="page"><b>rawi</b> '
            f'<span class="legend">{_LEGEND}</span></header>')


def page_end() -> str:
    return f"<script>{_SCRIPT}</script></body></html>\n"


class HtmlWriter:
    """Writes one page; each analysed article is appended as it comes (streams)."""

    def __init__(self, out: IO[str], title: str = "rawi") -> None:
        self.out, self.count = out, 0
        out.write(page_start(title))

    def write(self, doc: Doc | dict) -> None:
        data = doc if isinstance(doc, dict) else doc.to_dict()
        self.out.write(render_article(data))
        self.count += 1

    def close(self) -> None:
        if self.count == 0:
            self.out.write('<article><p class="none">no articles</p></article>')
        self.out.write(page_end())
        self.out.flush()


def render_page(objects: Iterable[dict], title: str = "rawi") -> str:
    """A whole page for rawi/1 objects (e.g. the lines of a ``rawi analyze`` JSONL file)."""
    body = "".join(render_article(o) for o in objects)
    return page_start(title) + (body or '<article><p class="none">no articles</p></article>') \
        + page_end()
