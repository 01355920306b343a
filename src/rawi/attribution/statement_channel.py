"""The channel of a statement when its own clause names none: a tail after the content
(«حسبما جاء في حسابها على تويتر»), the speaker itself («قالت شبكة NBC»), the statement a
«وأضاف» goes on with, or the next sentence («جاء ذلك في تغريدة»)."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from rawi.attribution.context import _START, Context
from rawi.attribution.cues import bare
from rawi.attribution.features import find_channel
from rawi.attribution.index import TAIL_WORDS
from rawi.model import Attribution, Channel, Speaker
from rawi.text.normalize import normalize

if TYPE_CHECKING:
    from rawi.attribution.stage import _Draft

#: prepositions that introduce the channel between a cue and its content
CHANNEL_PREPOSITIONS = frozenset({"في", "خلال", "عبر"})

#: cues that go on with the statement before («وأضاف»): it keeps that statement's channel
GOES_ON = frozenset({"اضاف", "تابع", "اردف", "استطرد", "استدرك"})
#: sentences a «وأضاف» may follow its statement by and still be the same interview
GOES_ON_SENTENCES = 2


def same_statement_channel(ctx: Context, before: Attribution, d: _Draft) -> Channel | None:
    """«قال أبو الفتوح في حوار مع ...» then «وأضاف أبو الفتوح أن ...»: the same speaker
    going on, a sentence or two later, speaks on the same channel."""
    if before.channel is None or d.speaker is None or before.speaker is None:
        return None
    same = (d.speaker.actor is not None and before.speaker.actor is not None
            and d.speaker.actor.id == before.speaker.actor.id) or \
        set(d.speaker.text.split()) <= set(before.speaker.text.split())  # «قعوار»
    if not same:
        return None
    toks = ctx.tokens
    k = bisect_left(toks, before.cue.start, key=_START)
    if ctx.sent_of[d.cue.i] - ctx.sent_of[k] > GOES_ON_SENTENCES:
        return None
    return before.channel


def speaker_channel(ctx: Context, d: _Draft) -> Channel | None:
    """«قالت شبكة NBC», «ذكرت وكالة ...»: the speaker itself is the channel."""
    sp = d.speaker
    if sp is None or sp.start < ctx.tokens[d.cue.i].start:
        return None
    b = bisect_left(ctx.tokens, sp.end, key=_START)
    ch = find_channel(ctx, d.cue.j, b) if b > d.cue.j else None
    if ch is not None and ch.type in ("tv", "radio", "agency", "newspaper"):
        return ch
    return None


#: «جاء ذلك في ...», «وجاءت تصريحاته خلال ...»: the next sentence names the channel
CAME = frozenset({"جاء", "جاءت"})
CAME_WHAT = frozenset({"ذلك", "هذا", "تصريحاته", "تصريحاتها", "تصريحات", "كلامه", "كلامها",
                       "حديثه", "حديثها"})
#: words between «جاء ذلك» and the preposition that make it a time, not a channel
CAME_NOT = frozenset({"بعد", "قبل", "بالتزامن", "عقب", "اثر", "تزامنا"})
#: how many words after its preposition the channel may end
CAME_REACH = 5


def came_in_channel(ctx: Context, d: _Draft) -> Channel | None:
    """«قال الوزير إن ... . جاء ذلك في تغريدة على تويتر»: the sentence right after the
    statement opens with «جاء ذلك» and names where it was said."""
    toks = ctx.tokens
    k = d.content[1]
    while k < len(toks) and toks[k].kind == "punct":
        k += 1
    if k + 2 >= len(toks) or bare(toks[k]) not in CAME or bare(toks[k + 1]) not in CAME_WHAT:
        return None
    if ctx.sent_of[k] == ctx.sent_of[d.cue.i] or ctx.sentence(k)[0] != k:
        return None  # not a sentence of its own
    end = ctx.sentence(k)[1]
    # the channel's preposition right after «جاء ذلك» (or the speaker's name after
    # «جاءت تصريحات»), the channel right after it: «جاءت تصريحاته بعد انتشار وسم على
    # تويتر» says when, not where
    prep = next((m for m in range(k + 2, min(end, k + 6))
                 if bare(toks[m]) in CHANNEL_PREPOSITIONS), None)
    if prep is None or not all(toks[m].kind == "word" and bare(toks[m]) not in CAME_NOT
                               for m in range(k + 2, prep)):
        return None
    ch = find_channel(ctx, prep + 1, min(end, prep + CAME_REACH))
    return ch if ch is not None and ch.type != "agency" else None


def tail_channel(ctx: Context, d: _Draft) -> Channel | None:
    """«...، حسبما جاء في حسابها على تويتر»: a channel named after the content."""
    toks = ctx.tokens
    k = d.content[1]
    end = ctx.sentence(max(0, k - 1))[1]
    while k < end and toks[k].kind == "punct":
        k += 1
    if k < end and toks[k].norm in TAIL_WORDS:
        return find_channel(ctx, k, end)
    return None


#: words after «وكالة» that keep it a news agency («وكالة الأنباء السعودية», «الوكالة
#: الرسمية»); any other word makes it another agency («وكالة الطاقة الدولية», «وكالة سفر»)
NEWS_WORDS = frozenset({"انباء", "الانباء", "للانباء", "الاعلام", "الرسميه", "الرسمي"})


def news_agency(speaker: Speaker | None, channel: Channel) -> bool:
    """An «agency» channel inside the speaker's own phrase counts only for a news agency:
    a media actor, or «وكالة» alone, quoted or followed by «الأنباء»/«الرسمية»."""
    if speaker is None or not (speaker.start <= channel.start < speaker.end):
        return True
    if speaker.actor is not None:
        return speaker.actor.type == "media"
    words = normalize(speaker.text).split()
    at = next((n for n, w in enumerate(words) if "وكال" in w), None)
    if at is None or at + 1 >= len(words):
        return True
    after = words[at + 1]
    return after in NEWS_WORDS or not after[:1].isalpha()
