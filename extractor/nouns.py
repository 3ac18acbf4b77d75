"""The counted-noun reader: from the words after a figure to the noun it counts.

`counted_noun(text, pos)` reads modifiers -- adjectives, nationality lists ("Polish, Lithuanian
and Latvian"), model designations ("M113AS4", "Leopard 1A5", "155mm"), "more"/"other" -- up to
the head noun, and gives the unit (singular, lower case; compounds kept whole).  The word lists
it uses are data (extractor/data/lexicon.yaml, section `noun_phrase`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extractor.gazetteer import gazetteer
from extractor.lexicon import lexicon

# A word of a counted noun phrase: letters, or a model designation with digits ("AH-64",
# "M1A1", "PAC-3"), or a number inside the phrase ("Challenger 2").
TOKEN = re.compile(
    r"(?:[ \t]+|[ \t]*\n(?![ \t]*\n)[ \t]*)"
    r"(?P<w>(?:[A-Z]\.){2,}|[A-Za-z][\w'’-]*|\d[\w,.'’-]*)"
)


@cache
def demonyms() -> frozenset[str]:
    """Plural nationality nouns ('Ukrainians', 'Russians'): counted as people."""
    gaz = gazetteer()
    return frozenset(
        s for s, (_, form) in gaz.surfaces.items() if form == "adjective" and s.endswith("s")
    )


@cache
def nationalities() -> frozenset[str]:
    """Every nationality word of the gazetteer ('Ukrainian', 'Polish', 'Chinese', 'Kiwis')."""
    return frozenset(s for s, (_, form) in gazetteer().surfaces.items() if form == "adjective")


def singular(word: str) -> str:
    """The singular, lower-case unit of a plural noun ('servicemen' -> 'serviceman')."""
    lex = lexicon()
    low = word.lower()
    if low in lex.irregular_plurals:
        return lex.irregular_plurals[low]
    if low in lex.invariant_nouns:
        return low
    if len(word) > 2 and word[:-1].isupper() and word.endswith("s"):
        return word[:-1]  # IFVs -> IFV
    if low.endswith("men") and len(low) > 4:
        return low[:-3] + "man"
    if low.endswith("children") and low.isalpha():
        return low[:-3]  # "schoolchildren" -> "schoolchild"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes", "zes")):
        return low[:-2]
    if low.endswith("s"):
        return low[:-1]
    return low


# Words that end in -men and are singular
_SINGULAR_MEN = frozenset(
    "specimen abdomen regimen stamen acumen bitumen albumen cyclamen hymen omen amen".split()
)


def is_plural(word: str) -> bool:
    lex = lexicon()
    low = word.lower()
    if low in lex.irregular_plurals or low in lex.invariant_nouns:
        return True
    if len(word) > 2 and word[:-1].isupper() and word.endswith("s"):
        return True
    if word.isupper():
        return False
    if word[0].isupper() and low.endswith("is") and len(low) > 4:
        return True  # "Iraqis", "Israelis", "Tutsis" (a lower-case -is word is a "crisis")
    if low.endswith("men") and len(low) > 4 and low.isalpha() and low not in _SINGULAR_MEN:
        return word.islower()  # "airmen", "seamen", "crewmen" (not "Yemen", "specimen")
    if low.endswith("children") and low.isalpha():
        return True  # "schoolchildren", "grandchildren"
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low.isalpha() is not False
    )


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD_CHARS = _LETTERS | frozenset("'’-")


def word_before(text: str, pos: int) -> str:
    """The word ending at `pos` (spaces or tabs between; a newline right before `pos` too),
    looked at within 30 characters: what re.search(r"([A-Za-z][A-Za-z'’-]*)[ \t]*$") finds
    there, read backwards instead (a search that ends in $ is tried at all 30 positions)."""
    lo = max(0, pos - 30)
    end = pos
    if end > lo and text[end - 1] == "\n":
        end -= 1  # $ matches before a final newline
    while end > lo and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > lo and text[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and text[start] not in _LETTERS:
        start += 1
    return text[start:end]


@dataclass
class Noun:
    unit: str
    end: int
    phrase: str
    modifiers: tuple[str, ...]
    head: str


# Between two modifiers of one noun: "Polish, Lithuanian and Latvian troops".
_COORD = re.compile(r",(?:[ \t]+(?:and|or)(?=[ \t]))?")


@cache
def _invariant_demonyms() -> frozenset[str]:
    """Nationality words that are their own plural ('300,000 Chinese', 'the Swiss')."""
    gaz = gazetteer()
    return frozenset(
        s
        for s, (_, form) in gaz.surfaces.items()
        if form == "adjective" and s.endswith(("ese", "ch", "sh", "ss"))
    )


def coordinable(word: str) -> bool:
    """A modifier that may be listed with others before one noun: an adjective, a
    nationality, a lower-case noun used as a modifier ('ground, maritime and air forces')."""
    if word[0].islower():
        return not is_plural(word) and word not in lexicon().np_stop
    if "." in word:
        return True  # "U.S., allied and partner forces"
    return (
        word in demonyms()
        or word in gazetteer().surfaces
        or word.endswith(lexicon().adjective_endings)
    )


def _plural_ahead(text: str, pos: int, limit: int = 3) -> bool:
    """Does a plural noun follow within `limit` words, with no word that ends a phrase
    between ("Chinese navy ships", "Abrams M1A1 tanks")?"""
    stop = lexicon().np_stop
    for _ in range(limit):
        m = TOKEN.match(text, pos)
        if m is None or m.group("w").lower() in stop:
            return False
        if _is_head(m.group("w"), m.group("w").lower()):
            return True
        pos = m.end()
    return False


def _listed(text: str, m: re.Match[str]) -> bool:
    """Is the word of `m`, after 'and' or a comma in a modifier list, one more modifier: an
    adjective or nationality, or a capitalised name of a group before the head noun ("North
    Vietnamese and Viet Cong fighters")?"""
    word = m.group("w")
    return coordinable(word) or (word[0].isupper() and _plural_ahead(text, m.end()))


def _demonym_ends(mods: list[str], word: str) -> bool:
    """Does the phrase end in a demonym of one to three words ('Australians', 'New
    Zealanders', 'Papua New Guineans')?"""
    if word in demonyms():
        return True
    if not (word[0].isupper() and mods and mods[-1][:1].isupper()):
        return False
    return any(" ".join([*mods[-k:], word]) in demonyms() for k in (1, 2) if len(mods) >= k)


def _is_head(word: str, low: str) -> bool:
    return is_plural(word) and low not in lexicon().not_plural


@cache
def _compound_index() -> dict[str, tuple[tuple[str, str], ...]]:
    """The compound units by their last word, longest first as in the lexicon: a compound can
    only end a noun phrase that ends in its last word.  Each with its " "-prefixed form."""
    index: dict[str, list[tuple[str, str]]] = {}
    for compound in lexicon().compound_units:
        index.setdefault(compound.rpartition(" ")[2], []).append((compound, " " + compound))
    return {last: tuple(rows) for last, rows in index.items()}


def _compounds_ending_in(last: str) -> tuple[tuple[str, str], ...]:
    return _compound_index().get(last, ())


def counted_noun(text: str, pos: int, *, value: Decimal) -> Noun | None:
    """The noun phrase a number counts: '128,000 servicemen' -> serviceman.

    Reads up to eight words of modifiers -- adjectives, nationality lists ('Polish, Lithuanian
    and Latvian'), model designations ('M113AS4', 'Leopard 1A5', '155mm'), 'more'/'other' --
    to the head noun, the first plural noun that ends the phrase.
    """
    lex = lexicon()
    mods: list[str] = []
    start_phrase = pos
    for _ in range(8):
        m = TOKEN.match(text, pos)
        if m is None and mods and coordinable(mods[-1]):
            c = _COORD.match(text, pos)
            m = TOKEN.match(text, c.end()) if c else None
            if m is None or not (coordinable(m.group("w")) or _is_head(m.group("w"), "")):
                return None
        elif (
            m is not None
            and m.group("w") in ("and", "or")
            and mods
            and (coordinable(mods[-1]) or mods[-1][0].isupper())
        ):
            nxt = TOKEN.match(text, m.end())
            if nxt is None or not _listed(text, nxt):
                return None
            m = nxt  # "artillery and multiple launch rocket systems"
        if not m:
            return None
        word = m.group("w")
        low = word.lower()
        if not mods and low in lexicon().np_leading:
            nxt = TOKEN.match(text, m.end())
            if nxt and nxt.group("w").lower() not in lexicon().np_stop:
                mods.append(word)
                pos = m.end()
                continue
        if low in lexicon().np_stop or word.endswith(("'s", "’s")):
            return None
        if word[0].isdigit():
            # a model number inside the phrase: "18 Challenger 2 tanks", "six M777 155mm
            # howitzers", "25 Leopard 1A5 tanks"
            designation = any(ch.isalpha() for ch in word)
            if (designation or (mods and mods[-1][0].isupper())) and "," not in word:
                mods.append(word.rstrip("."))
                pos = m.start("w") + len(word.rstrip("."))
                continue
            return None
        if word in _invariant_demonyms():
            nxt = TOKEN.match(text, m.end())
            c = _COORD.match(text, m.end())
            listed = TOKEN.match(text, c.end()) if c else None
            if nxt is not None and nxt.group("w") in ("and", "or"):
                listed = TOKEN.match(text, nxt.end())
            if listed is not None and _listed(text, listed):
                pass  # "Polish, Lithuanian and Latvian troops": one of a list of modifiers
            elif not _plural_ahead(text, m.end()):  # not "three Chinese navy ships"
                return Noun(
                    "person", m.end(), text[start_phrase : m.end()].strip(), tuple(mods), word
                )
        if _is_head(word, low):
            nxt = TOKEN.match(text, m.end())
            nxt_word = nxt.group("w") if nxt else ""
            proper = word[0].isupper() or low in lex.invariant_nouns
            if (
                nxt
                and low not in lex.irregular_plurals
                and nxt_word.lower() not in lexicon().np_stop
                and (
                    (proper and _plural_ahead(text, m.end()))
                    or (
                        _is_head(nxt_word, nxt_word.lower())
                        and not (
                            TOKEN.match(text, nxt.end())
                            and _is_head((TOKEN.match(text, nxt.end()) or nxt).group("w"), "")
                        )
                    )
                )
            ):
                # "aircraft carriers", "Abrams M1A1 tanks", "special operations vehicles": the
                # first plural-looking word is a modifier
                mods.append(word)
                pos = m.end()
                continue
            end = m.end()
            unit = "person" if _demonym_ends(mods, word) else singular(word)
            unit = lex.person_nouns.get(unit, unit)  # "12,000 civilian deaths": people
            if low in lex.measure_nouns:
                of = re.match(r"\s+of\s+([A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)", text[end : end + 60])
                if of:
                    tail = of.group(1).split()
                    # "pieces of hardware including" -> stop at a function word
                    keep = [tail[0]] + [w for w in tail[1:2] if w.lower() not in lexicon().np_stop]
                    unit = f"{unit} of {' '.join(keep).lower()}"
                    end = end + of.start(1) + len(" ".join(keep))
            words = [w.lower() for w in mods] + [unit]
            joined = " ".join(words)
            for compound, spaced in _compounds_ending_in(joined.rpartition(" ")[2]):
                if joined == compound or joined.endswith(spaced):
                    unit = compound
                    break
            return Noun(unit, end, text[start_phrase:end].strip(), tuple(mods), word)
        mods.append(word)
        pos = m.end()
    return None


def plural(unit: str) -> str:
    """The plural of a unit, for prose: 'country' -> 'countries', 'piece of hardware' ->
    'pieces of hardware', 'person' -> 'people'."""
    if unit in ("personnel", "aircraft", "staff", "police") or unit.endswith("s"):
        return unit
    if " of " in unit:
        head, rest = unit.split(" of ", 1)
        return f"{plural(head)} of {rest}"
    if unit.endswith("man"):
        return unit[:-3] + "men"
    if unit == "person":
        return "people"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    return unit + "s"
