"""What a person's dictionary names allow: which words of them may refer back alone, and
the guards that keep a PER entity from another person of the same family («علي العامري»
is no «هادي العامري», «متعب بن عبدالله بن عبدالعزيز» is no King Abdullah)."""

from __future__ import annotations

from difflib import SequenceMatcher

from rawi.actors.dictionary import Entry
from rawi.actors.index import ActorIndex
from rawi.actors.keys import phrase_keys
from rawi.actors.matcher import TITLES, TokenKeys
from rawi.text.normalize import normalize

#: name particles that never refer to a person alone
_PARTICLES = frozenset({"بن", "ابن", "بنت", "ابو", "ام", "عبد", "ال", "ولد", "آل", "دي",
                        "فون", "فان", "عبدال", "الدين", "الله", "الرحمن"})
#: surnames that are also everyday words: never taken alone as a back-reference
_COMMON_SURNAMES = frozenset({
    "سريع", "حق", "الحق", "حافظ", "قاسم", "راضي", "كبير", "الكبير", "جديد", "قوي", "حسن",
    "سعيد", "جميل", "كريم", "عادل", "امين", "الامين", "نبيل", "شريف", "حميد", "رشيد",
    "سليم", "منصور", "فاضل", "صالح", "الصالح", "عزيز", "العزيز", "رسول", "المالكي",
    "التركي", "الانصاري", "الرفاعي", "النعمان", "زيد", "خان", "باشا", "محمود", "عباس",
    "سلام", "السلام", "الحمد", "نصر", "النصر", "فرح", "امل", "عيد", "العيد", "صباح",
})
#: words that make a mention a title rather than a name («خادم الحرمين الشريفين»)
_TITLE_WORDS = frozenset({"خادم", "الحرمين", "الشريفين", "شيخ", "مفتي", "امير", "ولي", "العهد",
                          "بابا", "الفاتيكان", "المرشد", "الاعلي", "سمو", "جلاله", "فخامه"})
#: words that carry a lineage on after a name («بن عبدالعزيز», «آل سعود»)
LINEAGE = frozenset({"بن", "ابن", "بنت", "ال", "آل"})
#: words before a family name («آل سعود», «آل ثاني»): what follows is no given name
_FAMILY = frozenset({"ال", "آل"})
#: how alike two spellings of a first name are («جيرمي» ~ «جيريمي»), difflib ratio
SPELT_ALIKE = 0.7


class PersonNames:
    """Tables built once from the dictionary's persons, and the checks that use them."""

    def __init__(self, index: ActorIndex) -> None:
        self.person_keys: dict[str, set[str]] = {
            e.id: {k for form in e.ar for k in phrase_keys(form)}
            for e in index.dictionary if e.type == "person"
        }
        firsts: dict[str, set[str]] = {}
        for e in index.dictionary:
            if e.type == "person":
                for form in e.ar:
                    keys = phrase_keys(form)
                    if len(keys) > 1:
                        firsts.setdefault(keys[0], set()).add(e.id)
        #: given names that open three or more persons' names: too common to corefer alone
        self.given = frozenset(w for w, ids in firsts.items() if len(ids) >= 3)
        #: words of a person's names that alone may refer back to them (not particles,
        #: common given names, titles or very short words)
        self.person_words: dict[str, frozenset[str]] = {
            ident: frozenset(w for w in ws if len(w) >= 3 and w not in self.given
                             and w not in _COMMON_SURNAMES
                             and w not in _PARTICLES and w not in TITLES and not w.isascii())
            for ident, ws in self.person_keys.items()
        }

    @staticmethod
    def common_tail(tk: TokenKeys, first: int, end: int) -> bool:
        """Tokens from ``first`` up to character ``end`` are definite common words no name
        in the dictionary holds («المسجون», «المعارض»): a description, not more name."""
        k = first
        while k < len(tk.tokens) and tk.tokens[k].start < end:
            t = tk.tokens[k]
            if t.kind != "word" or tk.keys[k] or "ال" not in t.prefix.split("+"):
                return False
            k += 1
        return k > first

    @staticmethod
    def lineage_agrees(entry: Entry, head: list[str], tail: list[str]) -> bool:
        """No name of ``entry`` carries the matched words on differently: «محمد بن عبدالرحمن
        بن عبدالعزيز» is no «محمد بن عبدالرحمن آل ثاني»."""
        head = [w.replace(" ", "") for w in head]
        for form in entry.ar:
            words = normalize(form).replace("عبد ال", "عبدال").split()
            if words[:len(head)] == head and len(words) > len(head):
                ext = words[len(head):]
                n = min(len(ext), len(tail))
                if ext[:n] != tail[:n]:
                    return False
        return True

    def other_first_name(self, entry: Entry, tk: TokenKeys, first: int, last: int) -> bool:
        """The entity opens with a name none of ``entry``'s names holds or spells alike:
        the son in «متعب بن عبدالله بن عبدالعزيز» (not King Abdullah), another person in
        «سام العامري» (not Hadi al-Amiri); «جيرمي كوربين» is Corbyn spelt otherwise."""
        if entry.type != "person":
            return False
        words = [w for w in (tk.tokens[i].norm for i in range(first, last))
                 if w not in TITLES and w not in _TITLE_WORDS]
        if len(words) > 2 and len(words[0]) == 1:
            words = [words[0] + words[1], *words[2:]]  # a stray space: «ز يد بن رعد»
        if len(words) < 2:
            return False
        names = self.person_keys.get(entry.id, set())
        head = words[0]
        if head in names or head in _PARTICLES or (head.startswith("ال") and head[2:] in names):
            return False
        if words[1] in ("بن", "ابن", "بنت"):
            return True  # a patronymic chain: the dictionary name is the father's
        return not any(SequenceMatcher(None, head, n).ratio() >= SPELT_ALIKE for n in names)

    def other_given_name(self, entry: Entry, tk: TokenKeys, first: int, last: int) -> bool:
        """The entity names a person with a common given name that none of ``entry``'s
        names has: another person of the same family name."""
        if entry.type != "person":
            return False
        words = self.person_keys.get(entry.id, set())
        return any(tk.keys[i] and not words.intersection(tk.keys[i])
                   and set(tk.keys[i]) <= self.given
                   and not (i > first and tk.norms[i - 1] in _FAMILY)  # «آل سعود»
                   for i in range(first, last))


    def other_family_name(self, entry: Entry, tk: TokenKeys, first: int, last: int) -> bool:
        """«محمد بن عبد الرحمن المخرج» is not «محمد بن عبد الرحمن» (Qatar's prime minister):
        a patronymic chain that ends in a family name none of ``entry``'s names has is
        another man with the same father's name."""
        if entry.type != "person" or last - first < 3:
            return False
        norms = tk.norms
        tail = last - 1
        while tail > first and (tk.tokens[tail].kind != "word" or not norms[tail].isalpha()):
            tail -= 1  # «... آل سعود ــ»
        if not any(norms[i] in ("بن", "ابن") for i in range(first + 1, tail)):
            return False
        if norms[tail] in TITLES or norms[tail] in _TITLE_WORDS or norms[tail - 1] in LINEAGE:
            return False  # «... آل ثاني», «... بن عبدالعزيز»: the lineage goes on
        return not self.person_keys.get(entry.id, set()).intersection(tk.keys[tail] or
                                                                       (tk.tokens[tail].stem,))
