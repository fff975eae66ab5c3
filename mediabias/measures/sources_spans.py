"""Who said it and what was said: the source and content spans of a cue.

Token ranges ``(start, end)`` (half-open) throughout; no parser, only the
shape of English reporting clauses:

* **source left of the cue** -- the noun phrase before it, after
  auxiliaries and adverbs ("Trump has repeatedly said"), jumping an
  apposition ("X, a spokesman for Y, said" -> X; "the spokesman, Igor
  Konashenkov, said" -> the name) or a parenthesis ("Rep. Hank Johnson
  (D-Ga.) said"); keeping "of/for/in/from" inside it ("a statement from the
  ministry") and "close to" ("a source close to X"); a relative pronoun is
  kept, and ``relative_antecedent`` finds what it stands for;
* **source right of the cue** -- inverted order ('"...," said X'), the
  object of "according to" / "in the words of", the agent of a passive
  ("was criticised by X", "a statement issued by X");
* helpers for contents: the quotation adjacent to a cue, and trimming a
  token range of its edge punctuation.
"""

from __future__ import annotations

from mediabias.measures.sources_cues import ADVERBS, DETERMINERS, QUOTE_MARKS, Cue, skip_adverbials
from mediabias.text.document import Document

MAX_NP = 10  # tokens in a source noun phrase
_APPOSITION_MAX = 40  # tokens searched back for the comma opening an apposition
_PRONOUNS = frozenset("he she they we i you it".split())
RELATIVES = frozenset({"who", "which", "that", "whom"})
PREPOSITIONS_BEFORE_THAT = frozenset("in on at by among across throughout within around".split())
# words that cannot be inside a source noun phrase (read leftwards from the cue)
_STOP = frozenset(
    "that which who whom whose and but or nor as when while because if after before since where than so what how "
    "whether to is was were are am has have had be been being do does did will would can could may might must "
    "shall should it there said says told say in on at by with from into about over under against during through "
    "after without upon among between not also then now".split()
)
# sentence adverbs that open a sentence before its subject ("Furthermore Moscow said")
_CONNECTIVES = frozenset(
    "furthermore moreover however meanwhile also still instead later then now yet thus indeed yesterday today "
    "separately earlier finally additionally similarly likewise nevertheless nonetheless besides again tonight".split()
)
_NP_GLUE = frozenset({"'s", "&", "'"})  # (a "-" standing alone is a dash, not part of a name: "cross - Adel Nefzi said")
# "director of the FBI", "spokesman for the campaign", "officials in Damascus",
# "a statement from the ministry"
_INNER_PREPS = frozenset({"of", "for", "at", "in", "from"})
# "a source close to the ministry", "people familiar with the talks"
LINK_ADJECTIVES = frozenset("close familiar briefed knowledgeable involved loyal allied tied linked connected".split())
# heads of a role that an apposition then names ("spokesman, Igor Konashenkov, said")
_ROLE_HEADS = frozenset(
    "spokesman spokeswoman spokesperson official director secretary minister chairman chairwoman president "
    "leader head chief adviser advisor aide analyst expert researcher professor author lawyer attorney "
    "representative envoy ambassador general colonel commander".split()
)
_BE = frozenset({"is", "was", "were", "are", "been", "be", "being", "'s", "'re", "get", "got", "gets"})
_DOUBLE_MARKS = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "`"})
_EDGE = frozenset({",", ":", ".", "*", "_", ";", "-", "\u2014", "\u2013", "(", ")", "!", "?"}) | QUOTE_MARKS


def _wordlike(tok: str) -> bool:
    return tok[0].isalnum()


# words a phrase does not start with ("and Sanders", "Furthermore Moscow")
_LEADING = _NP_GLUE | _INNER_PREPS | _CONNECTIVES | {"and"}
# words the phrase loop must look at closely (anything else is a plain word of the phrase)
_SPECIAL = _NP_GLUE | _INNER_PREPS | _STOP | _PRONOUNS | {"to", "with", "on", "and"}


_SMALL_NUMBERS_ORDER = "one two three four five six seven eight nine ten".split()
_SMALL_NUMBERS = frozenset(_SMALL_NUMBERS_ORDER)


def _count(word: str) -> int | None:
    if word in _SMALL_NUMBERS:
        return _SMALL_NUMBERS_ORDER.index(word) + 1
    return int(word) if word.isdecimal() and len(word) <= 3 else None  # not isdigit: "²" is a digit int() refuses


def share_start(lows: list[str], k: int, floor: int) -> int | None:
    """Where a share of people ending at ``k`` starts: "47 %", "six in 10", "two out of three"
    (not "10 in 2012")."""
    if lows[k] == "%" and k - 1 >= floor and lows[k - 1].replace(".", "").isdigit():
        return k - 1
    whole = _count(lows[k])
    if whole is None or whole > 100:
        return None
    j = k - 1
    if j - 1 >= floor and lows[j] == "of" and lows[j - 1] == "out":
        j -= 1
    elif not (j >= floor and lows[j] == "in"):
        return None
    part = _count(lows[j - 1]) if j - 1 >= floor else None
    return j - 1 if part is not None and part <= whole else None


def left_np(doc: Document, k: int, floor: int, strict: bool = False) -> tuple[int, int] | None:
    """Token range of the noun phrase ending at token ``k`` (inclusive); ``strict``: stop at
    any lower-case "-ed" word before a name (a relative clause's antecedent is short)."""
    toks, lows = doc.tokens, doc.lowers
    if k < floor:
        return None
    if toks[k] == ")":  # "Rep. Hank Johnson (D-Ga.)": jump the parenthesis
        j = k - 1
        while j > floor and k - j < 25 and toks[j] != "(":
            j -= 1
        if toks[j] == "(" and j - 1 >= floor:
            inner = left_np(doc, j - 1, floor, strict)
            return (inner[0], k + 1) if inner else None
        return None
    if lows[k] in _PRONOUNS:
        return (k, k + 1)
    low = lows[k]
    if low == "%" or low[:1].isdigit() or low in _SMALL_NUMBERS:
        share = share_start(lows, k, floor)
        if share is not None:
            return (share, k + 1)  # "47% say", "six in 10 said": people polled
    if not (toks[k][0].isalpha() or any(c.isalpha() for c in toks[k])) or lows[k] in _STOP:
        return None
    a = k
    while a - 1 >= floor and k - a < MAX_NP:
        t, low = toks[a - 1], lows[a - 1]
        if low in DETERMINERS and low not in ("'s",) and t[0].isalpha():
            # a determiner opens the phrase, unless it opens the object of "of", "from" ...: "a statement from the ministry"
            a -= 1
            if a - 1 >= floor and lows[a - 1] in _INNER_PREPS and a - 2 >= floor and _wordlike(toks[a - 2]):
                continue
            break
        if t[0].isalnum() and low not in _SPECIAL and not (t[0].islower() and low.endswith(("ly", "ed"))):
            a -= 1  # the common case: a plain word of the phrase
            continue
        if low in _NP_GLUE:
            a -= 1
            continue
        if t == "." and a - 2 >= floor and len(toks[a - 2]) <= 4 and toks[a - 2][0].isupper():
            a -= 1  # "Gen." "Rep." "Mr."
            continue
        if low in _INNER_PREPS and a - 2 >= floor and _wordlike(toks[a - 2]) and lows[a - 2] not in _STOP and (
            toks[a][0].isupper() or lows[a] in DETERMINERS
        ):
            a -= 1
            continue
        if low in ("to", "with", "on") and a - 2 >= floor and lows[a - 2] in LINK_ADJECTIVES:
            a -= 2  # "a source close to the ministry"
            continue
        if low == "and" and a - 2 >= floor and toks[a - 2][0].isupper() and toks[a][0].isupper():
            a -= 1  # "Clinton and Sanders"
            continue
        if not _wordlike(t) or low in _STOP or low in _PRONOUNS or (t[0].islower() and low.endswith("ly")):
            break  # "... reportedly taken in X": an adverb ends the phrase
        if t[0].islower() and low.endswith("ed") and (lows[a] in DETERMINERS or (strict and toks[a][0].isupper())):
            break  # "... angered the ministry", "The report angered Cramer, who": a verb before its object
        a -= 1
    while a < k and lows[a] in _LEADING:
        a += 1
    return (a, k + 1)


def right_np(doc: Document, k: int, end: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token ``k``."""
    toks, lows = doc.tokens, doc.lowers
    if k >= end:
        return None
    if lows[k] in _PRONOUNS:
        return (k, k + 1)
    b = k
    while b < end and b - k < MAX_NP:
        t, low = toks[b], lows[b]
        if b > k and low in DETERMINERS and low != "'s" and lows[b - 1] not in _INNER_PREPS and lows[b - 1] not in DETERMINERS:
            break  # "told the news agency [the market was hit]"
        if _wordlike(t) and (low not in _STOP or (t[0].isupper() and b + 1 < end and toks[b + 1][:1].isupper())):
            b += 1  # (a capitalised "Will" or "May" before a name is a name: "said Will Doyle")
            continue
        if low in _NP_GLUE or (t == "." and b > k and len(toks[b - 1]) <= 4 and toks[b - 1][0].isupper() and b + 1 < end and toks[b + 1][0].isupper()):
            b += 1
            continue
        if low in _INNER_PREPS and b > k and b + 1 < end and (toks[b + 1][0].isupper() or lows[b + 1] in DETERMINERS):
            b += 1
            continue
        break
    while b > k and (lows[b - 1] in _NP_GLUE or lows[b - 1] in _INNER_PREPS):
        b -= 1
    return (k, b) if b > k else None


def _double_quote(lows: list[str], j: int) -> bool:
    """A double quotation mark (a single one is part of '' or is a scare quote)."""
    if lows[j] in _DOUBLE_MARKS:
        return True
    return lows[j] == "'" and ((j > 0 and lows[j - 1] == "'") or (j + 1 < len(lows) and lows[j + 1] == "'"))


def relative_antecedent(doc: Document, k: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``k`` refers to ("officials who", "Cramer, who",
    "resolution 2139 of February 22, 2014, which")."""
    lows = doc.lowers
    toks = doc.tokens
    j = k - 1
    if j >= floor and lows[j] == ",":
        j -= 1
    if j >= floor and lows[k] == "who" and toks[j][:1].isupper():
        # "a damning reaction from U.S. President Barack Obama, who": the name (and its title)
        a = j
        while a - 1 >= floor and j - a < 6 and (toks[a - 1][:1].isupper() or toks[a - 1] == "."):
            a -= 1
        while a < j and not toks[a][:1].isalnum():
            a += 1
        return (a, j + 1)
    np = left_np(doc, j, floor, strict=True)
    if np is None:
        # a date or a number closes the phrase: "resolution 2139 of February 22, 2014, which"
        i = j
        while i >= floor and j - i < 8 and (lows[i].isdigit() or lows[i] in _MONTH_WORDS or lows[i] in (",", "of", ".")):
            i -= 1
        if i < j and i >= floor:
            np = left_np(doc, i, floor, strict=True)
    if np is not None:
        toks = doc.tokens
        for t in range(np[1] - 2, np[0], -1):
            if toks[t][:1].islower() and lows[t].endswith("s") and lows[t] != "'s" and toks[t + 1][:1].isupper():
                np = (t + 1, np[1])  # "The use violates United Nations resolution, which": the resolution
                break
    return np


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec".split()
)


def source_left(doc: Document, cue_start: int, floor: int) -> tuple[int, int] | None:
    """The subject before a cue starting at ``cue_start`` (a relative pronoun is kept as it is)."""
    lows = doc.lowers
    k = skip_adverbials(doc, cue_start - 1, floor)
    if k < floor:
        return None
    if lows[k] in RELATIVES:
        return (k, k + 1) if relative_antecedent(doc, k, floor) is not None else None
    if lows[k] in _DASHES:
        return _before_dashes(doc, k, floor)
    if lows[k] != ",":
        return left_np(doc, k, floor)
    if lows[k] == ",":
        opening = _opening_name(doc, floor, k)
        if opening is not None:
            return opening  # "Gregory Kline, 46, a lawyer in Severna Park, Md., who is a Republican, said"
    # "X, who ..., said" / "X, a spokesman for ..., said" / "X -- a Y -- said": jump the apposition
    mark = lows[k]
    j = k - 1
    stop = max(floor, k - _APPOSITION_MAX)
    for _ in range(3):
        while j >= stop and lows[j] != mark and lows[j] not in _DOUBLE_MARKS and not (lows[j] == "'" and _double_quote(lows, j)):
            j -= 1
        if j < stop or j <= floor or lows[j] != mark:
            return None
        if mark == "," and (lows[j - 1].isdigit() or _place_abbreviation(doc, j - 1) or _non_subject(doc, j - 1, floor)):
            j -= 1  # "Ramil Carr, 31, a photographer, said"; "Trump, speaking in Wilmington, N.C., warned"
            continue
        break
    outer = left_np(doc, j - 1, floor)
    if outer is not None and lows[outer[0]] in _CONNECTIVES and outer[1] - outer[0] == 1:
        outer = None  # "However, Senator Orrin G. Hatch of Utah, the senior Republican ..., said"
    if outer is None or lows[outer[1] - 1] in _ROLE_HEADS or not doc.tokens[outer[1] - 1][:1].isupper():
        # "the ministry's spokesman, General-Major Igor Konashenkov, said", "The French minister of
        # environment and energy, Segolene Royal, alluded": the name inside
        inner = left_np(doc, k - 1, j + 1)
        if inner is not None and inner[0] == j + 1 and doc.tokens[inner[1] - 1][:1].isupper():
            return inner
    return outer


_DASHES = frozenset({"-", "--", "\u2014", "\u2013", "\u2015"})


def _before_dashes(doc: Document, k: int, floor: int) -> tuple[int, int] | None:
    """The subject before a dash closing an aside ("Democrats -- including Clinton -- quickly
    accused"), or before a lone dash ("three former Bush administration big shots ― have said")."""
    lows = doc.lowers
    while k - 1 >= floor and lows[k - 1] in _DASHES:
        k -= 1  # "--" written as two hyphens
    j = k - 1
    stop = max(floor, k - _APPOSITION_MAX)
    while j >= stop and lows[j] not in _DASHES:
        j -= 1
    if j >= stop:
        while j - 1 >= floor and lows[j - 1] in _DASHES:
            j -= 1
        outer = left_np(doc, j - 1, floor)
        if outer is not None:
            return outer
    return left_np(doc, k - 1, floor)


_STATE_ABBREVIATIONS = frozenset("n.c. n.h. n.y. n.j. calif. fla. tex. ill. mich. ohio va. ga. mass. pa. conn. colo. wis. md. s.c. ky. tenn. ala. la. miss. ariz. nev. ore. wash. mo. iowa minn. ind. okla. kan. neb. utah d.c.".split())


def _opening_name(doc: Document, floor: int, k: int) -> tuple[int, int] | None:
    """A name opening the sentence and followed by a comma, when the cue's subject is a chain of
    appositions after it (at most four commas and 40 tokens before the one at ``k``)."""
    toks, lows = doc.tokens, doc.lowers
    a = floor
    while a < k and not toks[a][:1].isalnum():
        a += 1
    if a >= k or not toks[a][:1].isupper() or lows[a] in _CONNECTIVES or lows[a] in DETERMINERS:
        return None
    b = a
    while b < k and (toks[b][:1].isupper() or toks[b] == "." or lows[b] == "'s") and b - a < 6:
        b += 1
    name_end = b
    if b < k and toks[b] == "(":  # "Rep. Steve Chabot (R., Ohio), a member of ..., said"
        close = b
        while close < k and close - b < 8 and toks[close] != ")":
            close += 1
        if close < k and toks[close] == ")":
            b = close + 1
    if b >= k or lows[b] != "," or name_end - a < 2 or k - b > 40 or lows[b:k].count(",") > 4:
        return None  # two words at least: a person's name ("Gregory Kline"), not "Moscow, meanwhile,"
    return (a, b)


def _place_abbreviation(doc: Document, k: int) -> bool:
    """'N.C.' or 'Tex.' (a state after a town: "in Wilmington, N.C., warned")."""
    lows = doc.lowers
    if k < 2:
        return False
    if lows[k] == "." and lows[k - 1] + "." in _STATE_ABBREVIATIONS:
        k -= 1
    elif lows[k] not in _STATE_ABBREVIATIONS:
        return False
    return lows[k - 1] == ","  # "in Wilmington, N.C.,": the state after its town


def _non_subject(doc: Document, k: int, floor: int) -> bool:
    """Does the phrase ending at ``k`` sit inside a participle or prepositional phrase (", speaking at
    a rally in Wilmington,") rather than name a subject?"""
    lows = doc.lowers
    for t in range(k, max(floor, k - 8) - 1, -1):
        if lows[t] == ",":
            return False
        if lows[t].endswith("ing") and doc.tokens[t][:1].islower() and t - 1 >= floor and lows[t - 1] == ",":
            return True
    return False


def source_right(doc: Document, k: int, end: int) -> tuple[int, int] | None:
    """Inverted order: the name right after the cue ('"...," said Igor Konashenkov')."""
    toks, lows = doc.tokens, doc.lowers
    if k >= end:
        return None
    if lows[k] in ("he", "she", "they", "we", "i"):
        return (k, k + 1)
    if lows[k] in ("his", "her", "their", "its"):
        # '..., said his family.' (not '..., said his plan would work')
        np = right_np(doc, k, end)
        return np if np is not None and (np[1] >= end or lows[np[1]] in (",", ".", ";")) else None
    if not (toks[k][0].isupper() or lows[k] in ("the", "a", "an", "one", "two", "three", "several", "many", "another")):
        # '"...," said retired Army Lt. Gen. Mick Bednarek', 'said spokesman John Kirby', 'tweeted another'
        if not any(toks[t][:1].isupper() for t in range(k + 1, min(end, k + 5))):
            return None
    return right_np(doc, k, end)


def passive_agent(doc: Document, cue: Cue, end: int) -> tuple[int, int] | None:
    """'was criticized by X', 'a statement issued by X': X."""
    lows, toks = doc.lowers, doc.tokens
    k = cue.head + 1
    if k + 1 >= end or lows[k] != "by" or not toks[k + 1][0].isalpha() or lows[k + 1] in _STOP:
        return None
    return right_np(doc, k + 1, end)


def is_passive(doc: Document, cue: Cue, floor: int) -> bool:
    """A past participle after a form of "be" ("it was reported"), or before "by X"."""
    lows = doc.lowers
    head = lows[cue.head]
    if not head.endswith(("ed", "told", "said", "known", "shown", "seen", "thought", "written", "made", "given")):
        return False
    if lows[cue.end - 1] == "saying":
        return False  # "X was quoted as saying": X said it
    if cue.end < len(lows) and lows[cue.end] == "by":
        return True
    k = cue.head - 1
    while k >= floor and (lows[k] in ADVERBS or lows[k] in ("not", "n't") or lows[k].endswith("ly")):
        k -= 1
    return k >= floor and lows[k] in _BE


def trim(doc: Document, a: int, b: int) -> tuple[int, int] | None:
    """``[a, b)`` without punctuation at either edge; None when no word is left."""
    toks = doc.tokens
    while a < b and toks[a] in _EDGE:
        a += 1
    while b > a and toks[b - 1] in _EDGE:
        b -= 1
    return (a, b) if b > a and any(_wordlike(toks[t]) for t in range(a, b)) else None


def adjacent_quote(doc: Document, pos: int, direction: int, skip: str = " ,:*_\n\r\t"):
    """A quotation ending just before character ``pos`` (direction -1) or starting just after it (+1)."""
    if direction < 0:
        q = doc.quote_ending_before(pos)
        if q is None or pos - q.end > 6:
            return None
        gap = doc.text[q.end : pos]
    else:
        q = doc.quote_starting_after(pos)
        if q is None or q.start - pos > 6:
            return None
        gap = doc.text[pos : q.start]
    return q if gap.strip(skip) == "" else None


# words that open an apposition after a name ("said Philip Luther, director of ...",
# "Jack Dorsey, Twitter's chief executive,")
_APPOSITION_OPENERS = frozenset({"a", "an", "the", "who", "whose", "former", "then", "now", "one"}) | _ROLE_HEADS
_APPOSITION_ENDS = frozenset({",", ";", ".", ":", "(", "!", "?"}) | QUOTE_MARKS
_APPOSITION_RIGHT_MAX = 25


def extent(doc: Document, src: tuple[int, int], cue: Cue, floor: int, end: int) -> tuple[int, int]:
    """The source as a reader delimits it: with its apposition ("Philip Luther, director of the
    programme at Amnesty International"), as PolNeAR's annotators mark sources.  ``src`` is the
    core noun phrase the type and party are read from."""
    lows, toks = doc.lowers, doc.tokens
    a, b = src
    if b <= cue.start:  # "X, who ..., said": up to the comma before the cue
        k = skip_adverbials(doc, cue.start - 1, floor)
        if k > b and lows[k] == "," and lows[b] == ",":
            return (a, k)
        return src
    if b + 1 < end and lows[b] == "," and a >= cue.end:  # '"...," said X, a spokesman for Y.'
        nxt = toks[b + 1]
        if lows[b + 1] in _APPOSITION_OPENERS or (nxt[0].isupper() and lows[b + 1] not in _CONNECTIVES) or (
            b + 2 < end and lows[b + 2] == "'s"
        ):
            j = b + 1
            stop = min(end, b + 1 + _APPOSITION_RIGHT_MAX)
            while j < stop and lows[j] not in _APPOSITION_ENDS:
                j += 1
            if j < stop or j == end:
                return (a, j)
    return src
