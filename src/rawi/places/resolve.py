"""Choose one candidate per mention, by prominence and the article's context.

Score = prominence (feature + log population) + the cue before the name
(«محافظة» favours a province, «مدينة» a town) + the countries the article is
about: those of its dateline, of its outlet, and of the places it names that
have only one reading. Two passes: the first finds the unambiguous places, the
second lets them decide the ambiguous ones (حماة in Syria, not Hamah in Iraq,
when the article also names حلب and دمشق).
"""

from __future__ import annotations

from collections import Counter

from rawi.places.detect import Mention
from rawi.places.gazetteer import Candidate

POPULATED = frozenset({"PPL", "PPLC", "PPLX", "CMPRF", "MILB", "AIRP", "PSTB"})
#: Bonuses added to a candidate's prominence.
CUE_BONUS = 5.0
CONTEXT_BONUS = 4.0
DATELINE_BONUS = 2.0
OUTLET_BONUS = 2.0
#: A city that gives its name to a province is meant unless a province word is there.
SHADOWED_PROVINCE = -4.0
#: A mention whose best candidate leads by this much counts as unambiguous context.
CLEAR_MARGIN = 2.0


def _cue_bonus(c: Candidate, cue: str | None) -> float:
    if cue == "admin":
        return CUE_BONUS if c.feature == "ADM1" else 0.0
    if cue == "settlement":
        return CUE_BONUS if c.feature in POPULATED else 0.0
    if cue == "area":
        return CUE_BONUS / 2 if c.feature not in POPULATED else 0.0
    if cue == "country":
        return CUE_BONUS if c.feature == "PCLI" else 0.0
    return 0.0


def _shadowed(c: Candidate, cands: list[Candidate], cue: str | None) -> bool:
    if c.feature != "ADM1" or cue == "admin":
        return False
    return any(o.country == c.country and o.feature in ("PPL", "PPLC") and o.population >= 10000
               for o in cands)


def score(c: Candidate, m: Mention, countries: Counter[str], dateline: str | None,
          outlet: str | None) -> float:
    s = c.prominence + _cue_bonus(c, m.cue)
    if _shadowed(c, m.candidates, m.cue):
        s += SHADOWED_PROVINCE
    # Context decides between places of comparable size; a namesake ten times larger
    # keeps its lead (a population of 0 is unknown in GeoNames, not small).
    top = max(o.population for o in m.candidates)
    weight = 0.0 if 0 < c.population * 10 < top and c.source == "geonames" else 1.0
    if c.country and countries.get(c.country):
        s += CONTEXT_BONUS * weight
    if c.country and c.country == dateline:
        s += DATELINE_BONUS
    if c.country and c.country == outlet:
        s += OUTLET_BONUS
    return s


def _ranked(m: Mention, countries: Counter[str], dateline: str | None,
            outlet: str | None) -> list[tuple[float, Candidate]]:
    scored = [(score(c, m, countries, dateline, outlet), c) for c in m.candidates]
    return sorted(scored, key=lambda sc: (-sc[0], sc[1].key))


def resolve(mentions: list[Mention], dateline: Mention | None = None,
            outlet: str | None = None) -> list[Candidate | None]:
    """The chosen candidate for each mention (None where there is none)."""
    first = [_ranked(m, Counter(), None, outlet) for m in mentions]
    countries: Counter[str] = Counter()
    own: list[str | None] = []  # the country each mention itself votes for
    dateline_cc = None
    for m, ranked in zip(mentions, first, strict=True):
        own.append(None)
        if not ranked:
            continue
        best_score, best = ranked[0]
        clear = len(ranked) == 1 or best_score - ranked[1][0] >= CLEAR_MARGIN or \
            len({c.country for _, c in ranked}) == 1
        if clear and best.country:
            countries[best.country] += 1
            own[-1] = best.country
        if m is dateline:
            dateline_cc = best.country
    out: list[Candidate | None] = []
    for m, vote in zip(mentions, own, strict=True):
        others = countries.copy()
        if vote:
            others[vote] -= 1  # a mention is no context for itself
        ranked = _ranked(m, +others, dateline_cc, outlet)
        out.append(ranked[0][1] if ranked else None)
    return out
