"""Who the subject of a cue really is, when the noun phrase before it is not the whole story.

* a prepositional phrase hangs from a head ("The organization's research into
  [these strikes] indicate" -> the research; "a video posted online by [local
  activists] shows" -> the video; "A report by [Amnesty] that said" -> the report);
* a restrictive relative clause ("Engineers who have studied [similar failures]
  say" -> Engineers);
* a possessor of a nominal cue is a name or a short description ("Russia's
  claims", "the ministry's denial"), never a clause;
* a joined clause ("..., saying", "and called for") takes the subject opening
  its sentence, after a connective or an introductory phrase ("On Wednesday,
  Russia's Defense Ministry slammed ..., saying").

Each walk is bounded (a few tokens), so everything stays linear in the text.
"""

from __future__ import annotations

from mediabias.measures.sources_cues import DETERMINERS
from mediabias.measures.sources_spans import _INNER_PREPS, _MONTH_WORDS, _STOP, relative_antecedent
from mediabias.text.document import Document

_ALL_PREPS = _INNER_PREPS | frozenset(
    "on with to by into about over under against between among through during without within toward towards upon "
    "amid despite across around near behind beyond inside outside via like".split()
)
# an introductory phrase before the subject: "After the vote, X said", "In a report published Wednesday, X accuses"
_INTRO = _ALL_PREPS | frozenset("after before since following until while when as".split())
_IRREGULAR_PARTICIPLES = frozenset(
    "taken written given made seen shown known done held sent built led run found brought put set kept told said "
    "paid bought caught thought".split()
)
_VERBISH_STOP = DETERMINERS | _ALL_PREPS | frozenset("and or but that which who whom whose".split())


def participle(word: str) -> bool:
    """A past participle ("posted", "released", "taken", "written")."""
    return word.isalpha() and (word.endswith("ed") or word.endswith("en") or word in _IRREGULAR_PARTICIPLES)


def subject_np(doc: Document, np: tuple[int, int], floor: int, preps: frozenset | tuple = ()) -> tuple[int, int]:
    """The subject a noun phrase before a cue belongs to, when it is the object of a preposition:
    "The organization's research into [these strikes] indicate" -> the research ...; "a video
    posted online by [local activists] shows" -> a video ...; "A report by [Amnesty] that said"."""
    lows = doc.lowers
    a, b = np
    for _ in range(3):
        p = a - 1
        if p <= floor or lows[p] not in (preps or _ALL_PREPS):
            break
        q = p - 1
        if lows[p] == "by":
            # "posted on October 7 by activists": the thing posted is the subject
            j = q
            while j >= floor and p - j <= 6 and not participle(lows[j]) and lows[j] not in (",", ".", ";", ":"):
                j -= 1
            if j >= floor and participle(lows[j]) and p - j <= 6 and doc.tokens[j][:1].islower():
                q = j - 1
        if q < floor or not doc.tokens[q][:1].isalnum() or lows[q] in _STOP or (doc.tokens[q][:1].islower() and participle(lows[q])):
            break  # "forces opened against [armed groups]": a verb, no noun, before the preposition
        a = _head_np(doc, q, floor)
    return (a, b)


def _head_np(doc: Document, q: int, floor: int) -> int:
    """Start of the short noun phrase ending at ``q`` that a prepositional phrase hangs from
    ("a report" in "The accusations follow a report by X"): back to its determiner, four words at most."""
    toks, lows = doc.tokens, doc.lowers
    a = q
    while a - 1 >= floor and q - a < 4:
        w = lows[a - 1]
        if w in ("'s", "'") and a - 2 >= floor and toks[a - 2][:1].isalnum():
            a -= 2  # "The organization's research": over the possessor
            continue
        if w in DETERMINERS:
            return a - 1
        if not toks[a - 1][:1].isalnum() and w not in ("'s", "'", "-"):
            break
        if w in _STOP or (toks[a - 1][:1].islower() and participle(w)):
            break
        if toks[a - 1][:1].islower() and w.endswith("s") and toks[a][:1].isupper():
            break  # "violates United Nations", "the dates Russia": a verb or a noun before a name
        a -= 1
    return a


def relative_head(doc: Document, np: tuple[int, int], floor: int) -> tuple[int, int] | None:
    """The noun a restrictive relative clause before the cue belongs to: "Engineers who have
    studied [similar failures] say" -> Engineers; "Independent engineers who reviewed [the
    documents] said" -> Independent engineers.  None when the phrase is no relative clause's object."""
    lows, toks = doc.lowers, doc.tokens
    verbish = toks[np[0]][:1].islower() and (participle(lows[np[0]]) or lows[np[0]].endswith("ing"))
    j = np[0] - 1
    steps = 0
    while j > floor and steps < 4:
        w = lows[j]
        if w in ("who", "that"):
            if not verbish:
                return None
            return relative_antecedent(doc, j, floor)
        if w in _SKIP_AUX or w.endswith("ly"):
            j -= 1
            steps += 1
            continue
        if toks[j][:1].islower() and w.isalpha() and w not in _VERBISH_STOP:
            verbish = True
            j -= 1
            steps += 1
            continue
        if w in _ALL_PREPS and verbish is False and j - 1 > floor and doc.tokens[j - 1][:1].islower():
            j -= 1  # "officials who spoke with [The Huffington Post] said"
            steps += 1
            continue
        return None
    return None


_SKIP_AUX = frozenset(
    "has have had is was were are be been being will would can could may might must should do does did not n't also "
    "still just recently previously".split()
)


def possessor(doc: Document, k: int, floor: int) -> tuple[int, int] | None:
    """The possessor ending at token ``k``: a name ("Russia's claims") or a short description
    ("the ministry's denial"), never a whole clause."""
    toks, lows = doc.tokens, doc.lowers
    if k < floor or not toks[k][:1].isalnum():
        return None
    a = k
    if toks[k][:1].isupper():
        while a - 1 >= floor and (toks[a - 1][:1].isupper() or toks[a - 1] == ".") and k - a < 5:
            a -= 1
        while a < k and not toks[a][:1].isalnum():
            a += 1
        return (a, k + 1)
    while a - 1 >= floor and k - a < 3 and toks[a - 1][:1].isalnum() and lows[a - 1] not in _STOP:
        a -= 1
        if lows[a] in DETERMINERS:
            break
    return (a, k + 1)


_SUBJECT_SKIP = frozenset("but and so yet however meanwhile also then now still".split())


def sentence_subject(doc: Document, s0: int, limit: int) -> tuple[int, int] | None:
    """The subject opening a sentence ("The Kremlin began ..., saying"; "Amnesty's report
    detailed ..., saying"), after a connective or an introductory phrase ending in a comma."""
    from mediabias.measures.sources_types import is_human, lists

    toks, lows = doc.tokens, doc.lowers
    i = s0
    while i < limit and (lows[i] in _SUBJECT_SKIP or not toks[i][:1].isalnum()):
        i += 1
    if i < limit and lows[i] in _INTRO:
        # "On Wednesday, Russia's Defense Ministry slammed ...", "In a report published Wednesday,
        # 23 December, Amnesty International accuses ...": after the introductory phrase's commas
        j = i
        while j < limit and j - i < 20:
            if lows[j] == "," and j + 1 < limit and not (toks[j + 1][:1].isdigit() or lows[j + 1] in _MONTH_WORDS):
                break
            j += 1
        i = j + 1
    lx = lists()

    def noun(j: int) -> bool:  # a lower-case noun that can head a speaker
        w = lows[j]
        return toks[j][:1].islower() and (
            w in lx["document"] or w in lx["organisation"] or w in lx["media"] or w in lx["office"] or is_human(w)
        )

    if i < limit and lows[i] in ("he", "she", "they", "it", "we", "i"):
        return (i, i + 1)  # "However, he held his fire on Carson, calling him ..."
    best = None
    j = i
    while j < limit and j - i < 7:
        if (toks[j][:1].isupper() and lows[j] not in ("the", "a", "an")) or noun(j):
            best = j + 1
        elif lows[j] in ("'s", "-", ".") or (best is None and lows[j] in DETERMINERS):
            pass
        elif lows[j] == "and" and best is not None and j + 1 < limit and toks[j + 1][:1].isupper():
            pass  # "Obama and Biden"
        elif toks[j][:1].islower() and toks[j].isalpha() and j + 1 < limit and (
            noun(j + 1) or (j + 2 < limit and toks[j + 1][:1].islower() and lows[j + 1] not in DETERMINERS and noun(j + 2))
        ):
            pass  # "the Russian defense ministry", "human rights watchdog" (not "The Kremlin began its campaign")
        else:
            break
        j += 1
    if best is None and i == s0:
        # "The day before, at a rally, Mr. Trump was just as blunt": after the opening phrase
        for j in range(i, min(limit, i + 8)):
            if lows[j] == ",":
                return sentence_subject(doc, j + 1, limit) if j + 1 < limit else None
    return (i, best) if best is not None else None
