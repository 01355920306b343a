"""Pure scorers: (gold records of one article, predicted Doc) -> Scores.

Each function follows the rules of ``gold-dev/README.md`` (see ``docs/eval.md``).
Gold records are the dicts of a gold file, already checked by the loader; spans
are ``[start, end)`` lists. Optional gold items count on neither side: a gold
optional item is never a miss, and a prediction that only matches optional gold
items is not a false alarm.
"""

from __future__ import annotations

from typing import Any

from rawi.evaluation.matching import haversine_km, names_match, overlaps, token_f1
from rawi.evaluation.scores import Scores
from rawi.model import Actor, Attribution, Doc

Gold = dict[str, Any]
_SHOW = 60  # characters of a span shown in details


def _show(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOW else text[: _SHOW - 1] + "…"


def _span(doc: Doc, span: list[int] | tuple[int, int]) -> str:
    return _show(doc.text[span[0] : span[1]])


def _where(doc: Doc, span: list[int] | tuple[int, int]) -> str:
    return f"{doc.article.id}@{span[0]}"


def actor_names(actor: Actor | dict[str, Any] | None) -> list[str]:
    """English name and aliases of a predicted actor (object or contract dict)."""
    if actor is None:
        return []
    if isinstance(actor, dict):
        return [actor.get("name") or "", *(actor.get("aliases") or [])]
    return [actor.name, *actor.aliases]


# --------------------------------------------------------------------- entities
def score_entities(gold: list[Gold], doc: Doc) -> Scores:
    """Typed overlap ('entities') and untyped overlap ('entities_untyped')."""
    out = Scores()
    for name, typed in (("entities", True), ("entities_untyped", False)):
        layer = out.layer(name)
        for g in gold:
            if g["optional"]:
                continue
            layer.gold += 1
            hit = any(
                overlaps(g["span"], (p.start, p.end)) and (not typed or p.type == g["type"])
                for p in doc.entities
            )
            if hit:
                layer.found += 1
            elif typed:
                layer.details.append(
                    f"{_where(doc, g['span'])} MISS {g['type']} «{_span(doc, g['span'])}»"
                )
        for p in doc.entities:
            ps = (p.start, p.end)
            if any(
                not g["optional"] and overlaps(g["span"], ps) and (not typed or g["type"] == p.type)
                for g in gold
            ):
                layer.predicted += 1
                layer.correct += 1
            elif any(g["optional"] and overlaps(g["span"], ps) for g in gold):
                continue  # matches an optional item only: not counted
            else:
                layer.predicted += 1
                if typed:
                    other = [g["type"] for g in gold if overlaps(g["span"], ps)]
                    note = f" (gold {other[0]})" if other else ""
                    layer.details.append(
                        f"{_where(doc, ps)} FALSE {p.type} «{_show(p.text)}»{note}"
                    )
    return out


def score_actors(gold: list[Gold], doc: Doc) -> Scores:
    """Actor linking of entity mentions: 'actors' P/R/F1 and 'actor_link' accuracy
    (right links among gold actor mentions that some predicted entity overlaps)."""
    out = Scores()
    layer, acc = out.layer("actors"), out.acc("actor_link")
    linked = [p for p in doc.entities if p.actor is not None]
    for g in gold:
        if g["optional"] or not g.get("actor"):
            continue
        layer.gold += 1
        over = [p for p in doc.entities if overlaps(g["span"], (p.start, p.end))]
        ok = any(names_match(actor_names(p.actor), g["actor"]) for p in over)
        if ok:
            layer.found += 1
        if over:
            acc.total += 1
            acc.correct += ok
        if not ok:
            got = "; ".join(actor_names(p.actor)[0] for p in over if p.actor) or "-"
            layer.details.append(
                f"{_where(doc, g['span'])} MISS «{_span(doc, g['span'])}» "
                f"gold {g['actor'][0]!r} got {got!r}"
            )
    for p in linked:
        ps = (p.start, p.end)
        hits = [g for g in gold if overlaps(g["span"], ps)]
        counted = [g for g in hits if not g["optional"] and g.get("actor")]
        if any(names_match(actor_names(p.actor), g["actor"]) for g in hits if g.get("actor")):
            layer.predicted += 1
            layer.correct += 1
        elif hits and not counted:
            continue  # optional or actor-less gold (a city): not judged
        else:
            layer.predicted += 1
            layer.details.append(
                f"{_where(doc, ps)} FALSE «{_show(p.text)}» -> {actor_names(p.actor)[0]!r}"
            )
    return out


# ----------------------------------------------------------------- attributions
def _match_attributions(
    gold: list[Gold], contents: list[str], preds: list[Attribution]
) -> dict[int, int]:
    """Greedy one-to-one matching gold index -> prediction index: cue overlap and
    content token-F1 >= 0.5, best F1 first."""
    pairs = []
    for gi, (g, content) in enumerate(zip(gold, contents, strict=True)):
        for pi, p in enumerate(preds):
            if overlaps(g["cue"], (p.cue.start, p.cue.end)):
                f1 = token_f1(content, p.content.text)
                if f1 >= 0.5:
                    pairs.append((-f1, gi, pi))
    pairs.sort()
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _speaker_right(g: Gold, p: Attribution) -> bool:
    sp = p.speaker
    if g["speaker"]:
        return sp is not None and names_match(actor_names(sp.actor), g["speaker"])
    if g.get("speaker_span"):
        return sp is not None and overlaps(g["speaker_span"], (sp.start, sp.end))
    return sp is None or sp.anonymous


def _speaker_mention_right(g: Gold, p: Attribution, gold_entities: list[Gold]) -> bool:
    """Diagnostic independent of actor linking: the predicted speaker span overlaps the
    gold speaker span, or a gold entity whose actor is the gold speaker."""
    sp = p.speaker
    if sp is None:
        return not g["speaker"] and not g.get("speaker_span")
    ps = (sp.start, sp.end)
    if g.get("speaker_span") and overlaps(g["speaker_span"], ps):
        return True
    if g["speaker"]:
        return any(
            e.get("actor") and overlaps(e["span"], ps) and names_match(e["actor"], g["speaker"])
            for e in gold_entities
        )
    return False


def score_attributions(gold: list[Gold], doc: Doc, gold_entities: list[Gold] = ()) -> Scores:
    """'attributions' P/R/F1 plus speaker, modality, speaker_mention, channel, direct and
    time accuracies over the found (non-optional) gold attributions."""
    out = Scores()
    layer = out.layer("attributions")
    for name in ("speaker", "modality", "speaker_mention"):
        out.acc(name)  # always reported, even at 0 of 0
    contents = [doc.text[g["content"][0] : g["content"][1]] for g in gold]
    preds = list(doc.attributions)
    matched = _match_attributions(gold, contents, preds)
    times = {t.id: t for t in doc.times}
    for gi, g in enumerate(gold):
        if g["optional"]:
            continue
        layer.gold += 1
        cue = _span(doc, g["cue"])
        where = _where(doc, g["cue"])
        if gi not in matched:
            near = [p for p in preds if overlaps(g["cue"], (p.cue.start, p.cue.end))]
            why = ""
            if near:
                got = near[0].content.text
                why = f" (content F1 {token_f1(contents[gi], got):.2f}: «{_show(got)}»)"
            layer.details.append(f"{where} MISS cue «{cue}» content «{_show(contents[gi])}»{why}")
            continue
        layer.found += 1
        p = preds[matched[gi]]
        _judge(out, "speaker", where, _speaker_right(g, p), _speaker_note(g, p, doc))
        _judge(
            out, "speaker_mention", where, _speaker_mention_right(g, p, list(gold_entities)),
            _speaker_note(g, p, doc),
        )
        if g["modality"] != "asserted":
            _judge(out, "modality", where, p.modality == g["modality"],
                   f"cue «{cue}» gold {g['modality']} got {p.modality}")
        if g.get("channel"):
            got = p.channel.type if p.channel else None
            _judge(out, "channel", where, got == g["channel"],
                   f"cue «{cue}» gold {g['channel']} got {got}")
        if g.get("direct") is not None:
            _judge(out, "direct", where, p.direct == g["direct"],
                   f"cue «{cue}» gold {g['direct']} got {p.direct}")
        if g.get("time"):
            got_t = times[p.time].value if p.time in times else None
            _judge(out, "statement_time", where, got_t == g["time"],
                   f"cue «{cue}» gold {g['time']} got {got_t}")
    used = {pi for gi, pi in matched.items() if not gold[gi]["optional"]}
    optional_hits = {pi for gi, pi in matched.items() if gold[gi]["optional"]}
    for pi, p in enumerate(preds):
        if pi in used or pi in optional_hits:
            continue  # right, or matches an optional item only: not counted
        pc = (p.cue.start, p.cue.end)
        if any(g["optional"] and overlaps(g["cue"], pc) for g in gold):
            continue
        layer.predicted += 1
        layer.details.append(
            f"{_where(doc, pc)} FALSE cue «{_show(p.cue.text)}» content «{_show(p.content.text)}»"
        )
    layer.predicted += len(used)
    layer.correct += len(used)
    return out


def _speaker_note(g: Gold, p: Attribution, doc: Doc) -> str:
    sp = p.speaker
    gold_span = f" «{_span(doc, g['speaker_span'])}»" if g.get("speaker_span") else ""
    got = "none"
    if sp is not None:
        names = actor_names(sp.actor)
        got = f"«{_show(sp.text)}»" + (f" -> {names[0]!r}" if names else "")
        got += " (anonymous)" if sp.anonymous else ""
    gold_names = repr(g["speaker"][0]) if g["speaker"] else "anonymous"
    return f"cue «{_span(doc, g['cue'])}» gold {gold_names}{gold_span} got {got}"


def _judge(out: Scores, name: str, where: str, right: bool, note: str) -> None:
    acc = out.acc(name)
    acc.total += 1
    if right:
        acc.correct += 1
    else:
        acc.details.append(f"{where} WRONG {note}")


# ------------------------------------------------------------------------ times
def score_times(gold: list[Gold], doc: Doc) -> Scores:
    """'times' (overlap and equal value) and 'times_span' (overlap only). Only predicted
    DATE and TIME expressions are judged; durations and sets are not annotated."""
    out = Scores()
    preds = [t for t in doc.times if t.type in ("DATE", "TIME")]
    for name, need_value in (("times", True), ("times_span", False)):
        layer = out.layer(name)
        for g in gold:
            if g["optional"]:
                continue
            layer.gold += 1
            over = [p for p in preds if overlaps(g["span"], (p.start, p.end))]
            if any(not need_value or p.value == g["value"] for p in over):
                layer.found += 1
            elif need_value:
                got = ", ".join(p.value for p in over) or "nothing"
                layer.details.append(
                    f"{_where(doc, g['span'])} MISS «{_span(doc, g['span'])}» "
                    f"gold {g['value']} got {got}"
                )
        for p in preds:
            ps = (p.start, p.end)
            hits = [g for g in gold if overlaps(g["span"], ps)]
            counted = [g for g in hits if not g["optional"]]
            if any(not need_value or g["value"] == p.value for g in counted):
                layer.predicted += 1
                layer.correct += 1
            elif hits and not counted:
                continue
            else:
                layer.predicted += 1
                if need_value and not hits:
                    layer.details.append(
                        f"{_where(doc, ps)} FALSE «{_show(p.text)}» = {p.value}"
                    )
    return out


# ----------------------------------------------------------------------- places
def _near(g: Gold, p: Any) -> bool:
    if p.lat is None or p.lon is None:
        return False
    return haversine_km(g["lat"], g["lon"], p.lat, p.lon) <= g["tol_km"]


def score_places(gold: list[Gold], doc: Doc) -> Scores:
    """'places' (overlap and within tol_km), 'places_span' (overlap only) and the
    'place_distance' accuracy over gold places that some prediction overlaps."""
    out = Scores()
    acc = out.acc("place_distance")
    for name, need_near in (("places", True), ("places_span", False)):
        layer = out.layer(name)
        for g in gold:
            if g.get("optional"):
                continue
            layer.gold += 1
            over = [p for p in doc.places if overlaps(g["span"], (p.start, p.end))]
            ok = any(not need_near or _near(g, p) for p in over)
            layer.found += ok
            if need_near and over:
                acc.total += 1
                acc.correct += ok
            if need_near and not ok:
                got = ", ".join(
                    f"{p.name} ({haversine_km(g['lat'], g['lon'], p.lat, p.lon):.0f} km)"
                    if p.lat is not None and p.lon is not None else f"{p.name} (no point)"
                    for p in over
                ) or "nothing"
                layer.details.append(
                    f"{_where(doc, g['span'])} MISS «{_span(doc, g['span'])}» "
                    f"gold {g['names'][0] if g.get('names') else '?'} got {got}"
                )
        for p in doc.places:
            ps = (p.start, p.end)
            hits = [g for g in gold if overlaps(g["span"], ps)]
            counted = [g for g in hits if not g.get("optional")]
            if any(not need_near or _near(g, p) for g in counted):
                layer.predicted += 1
                layer.correct += 1
            elif hits and not counted:
                continue
            else:
                layer.predicted += 1
                if need_near and not hits:
                    layer.details.append(f"{_where(doc, ps)} FALSE «{_show(p.text)}» = {p.name}")
    return out
