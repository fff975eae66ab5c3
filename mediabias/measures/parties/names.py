"""Names in the text: runs of capitalised words, split into candidate names.

A run is a sequence of capitalised words, acronyms and gazetteer aliases in
one sentence, with name particles ("bin", "al-", "de"), initials ("J."),
suffixes ("Jr.") and, inside an organisation's name, the connectors "of",
"for", "the" and "&" ("University of Pennsylvania", "Center for Strategic &
International Studies").  A run never crosses two spaces or a line break
(texts whose commas were stripped keep the gap), a quotation mark or other
punctuation.  Titles ("Maj. Gen.", "President") split a run and are
remembered for the name after them; words that are never names
(``not_names.txt``: "The", "Monday", "CEO") split it and are dropped.  Runs of
two or more words in capitals ("PALM BEACH", "NO COLLUSION") are shouting or
datelines, not names.

What each candidate is (a person, an organisation, a place ...) is decided
over all its occurrences by :mod:`.kinds`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter

from mediabias.measures.parties.lexicon import SUFFIXES, lists
from mediabias.text.document import Document

PARTICLES = frozenset({"bin", "ibn", "van", "von", "de", "da", "di", "du", "le", "la", "abu", "del", "der", "den", "dos"})
PARTICLE_PREFIXES = ("al-", "el-", "ad-", "as-", "bin-", "abu-")
_CONNECTORS = frozenset({"of", "for"})
# after these a capital letter starts a sentence of its own: a quotation, a colon's clause
_INNER = frozenset({",", ";", "&", "'s", "'", "\u2019", "/"})
_OPENERS = frozenset({":", '"', "\u201c", "'", "\u2018", "(", "[", "\u2014", "\u2013", "-", "#", "@"})
# lower-case tails of a hyphenated word that end a name ("Los Angeles-based", "Russian-backed")
HYPHEN_TAILS = frozenset(
    {"based", "led", "backed", "funded", "run", "owned", "born", "style", "era", "like", "made", "allied", "aligned",
     "controlled", "held", "linked", "sponsored", "supported", "friendly", "leaning", "bound", "area", "wide",
     "brokered", "imposed", "occupied", "appointed", "related", "listed", "registered", "produced", "inspired"}
)


@dataclass(slots=True)
class Cand:
    """One occurrence of a candidate name."""

    a: int  # first token
    b: int  # one past the last token
    start: int  # character offsets of the name (a hyphen tail cut off)
    end: int
    key: str  # the name written out ("Moon Jae-in", "Martin Luther King Jr.")
    title: str | None = None  # the title words right before it ("president", "maj gen", "secretary general")
    initial: bool = False  # it starts its sentence
    headline: bool = False  # it is in a title-case line
    quoted: bool = False  # it fills a quotation ("The Drum Major Instinct")
    gaz: tuple[str, str] | None = None  # (party, alias) when the whole name is a gazetteer alias
    pretitle: bool = False  # right before a title: "Energy" in "Energy Minister Pavel Drozdov"
    bare_title: bool = False  # a title word alone ("King"): a name only as part of a known person's


def is_cap(tok: str) -> bool:
    return tok[0].isupper() and (len(tok) == 1 or any(c.islower() for c in tok[1:]))


def is_acronym(tok: str) -> bool:
    """"CIA", "D.N.C.", "U.S.": two to five capitals (dots allowed)."""
    letters = tok.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def particle(low: str) -> bool:
    return low in PARTICLES or low.startswith(PARTICLE_PREFIXES)


def title_case_line(doc: Document, t0: int, t1: int) -> bool:
    """A headline in title case: no full stop at the end, most words capitalised."""
    if t1 > t0 and doc.tokens[t1 - 1] in (".", "!", "?"):
        return False
    words = [t for t in doc.tokens[t0:t1] if t[0].isalpha() and len(t) > 3]
    return len(words) >= 4 and sum(1 for t in words if t[0].isupper()) >= 0.7 * len(words)


def write_out(toks: list[str]) -> str:
    """Tokens as a name: no space around "-" or before "." and "&" kept ("Mar-a-Lago")."""
    out = ""
    for i, t in enumerate(toks):
        if i and t not in ("-", ".") and toks[i - 1] != "-":
            out += " "
        out += t
    return out


def name_starts(doc: Document) -> list[int]:
    """Tokens a name may start at: those that start with a capital (the loop runs in C)."""
    return list(compress(count(), map(str.isupper, map(itemgetter(0), doc.tokens))))


def _gap(doc: Document, j: int) -> bool:
    """Two spaces or a line break between token ``j - 1`` and token ``j``."""
    s, e = doc.tok_ends[j - 1], doc.tok_starts[j]
    return e - s >= 2 or (e > s and "\n" in doc.text[s:e])


_TITLES: frozenset[str] = frozenset()


def candidates(doc: Document, gaz_at: dict[int, tuple[int, str, str]]) -> list[Cand]:
    """Every candidate name of ``doc`` in text order (``gaz_at``: token -> (end, party, alias))."""
    global _TITLES
    L = lists()
    _TITLES = L.titles
    titles, stop = L.titles, L.not_names
    heads = L.org_heads | L.place_heads | L.media_heads
    toks, lows, starts_, ends_ = doc.tokens, doc.lowers, doc.tok_starts, doc.tok_ends
    text = doc.text
    n = len(toks)
    starts = name_starts(doc)
    out: list[Cand] = []
    k0 = 0
    for sent in doc.sentences:
        k1 = bisect_left(starts, sent.tok_end, k0)
        if k0 == k1:
            continue
        headline = title_case_line(doc, sent.tok_start, sent.tok_end)
        first = sent.tok_start
        while first < sent.tok_end and not toks[first][0].isalnum():
            first += 1
        i = sent.tok_start
        for start in starts[k0:k1]:
            if start < i:
                continue
            if lows[start] in stop and start not in gaz_at and (start + 1 >= n or not toks[start + 1][0].isupper()):
                continue  # "The", "But", "He" before a lower-case word
            run: list[int] = []  # name tokens (dots and connectors included)
            shout = 0
            has_head = False
            j = start
            while j < sent.tok_end:
                if run:
                    d = starts_[j] - ends_[j - 1]
                    if d >= 2 or (d == 1 and text[ends_[j - 1]] == "\n"):
                        break  # two spaces or a line break

                g = gaz_at.get(j)
                if g is not None and g[0] <= sent.tok_end:
                    run.extend(range(j, g[0]))
                    j = g[0]
                    continue
                t = toks[j]
                low = lows[j]
                if t[0].isupper():
                    if len(t) > 1 and t[1:].isupper():
                        if not is_acronym(t):
                            break  # "MOSCOW", "BITCOIN": shouting or a dateline
                        shout += 1
                    run.append(j)
                    has_head = has_head or low in heads
                    j += 1
                    if "-" in low and low.rpartition("-")[2] in HYPHEN_TAILS:
                        break  # "New York-based Human Rights Watch": the name ends inside the word
                    if j < sent.tok_end and toks[j] == "." and not _gap(doc, j) and (
                        len(t) == 1 or low in titles or low in SUFFIXES or low in ("st", "mt", "ft")
                    ):
                        run.append(j)  # "J." initial, "Gen." title, "Jr." suffix, "St. Louis"
                        j += 1
                    continue
                if run and "-" in low and particle(low) and not _gap(doc, j):
                    run.append(j)  # "Jabal Zayn al-Abidin", "Bashar al-Assad"
                    j += 1
                    continue
                if run and j + 1 < sent.tok_end and toks[j + 1][0].isupper():
                    if particle(low) or t == "&" or (low in _CONNECTORS and has_head):
                        run.append(j)
                        j += 1
                        continue
                    if low in _CONNECTORS and lows[run[-1]] in ("republic", "kingdom", "estate"):
                        run.append(j)  # "Republic of Biafra", "Estate of Martin Luther King Jr."
                        j += 1
                        continue
                if run and low in _CONNECTORS and has_head and j + 2 < sent.tok_end and lows[j + 1] == "the" \
                        and toks[j + 2][0].isupper():
                    run.extend((j, j + 1))  # "Federal District Court for the District of Columbia"
                    j += 2
                    continue
                if run and t == "-" and j + 1 < sent.tok_end and not _gap(doc, j) and not _gap(doc, j + 1):
                    nxt = lows[j + 1]
                    if toks[j + 1].islower() and len(nxt) <= 3 and (
                        j + 2 >= sent.tok_end or toks[j + 2] == "-" or not toks[j + 2][0].isalnum()
                        or toks[j + 2][0].isupper()
                    ):
                        run.extend((j, j + 1))  # "Moon Jae - in", "Mar - a - Lago"
                        j += 2
                        continue
                break
            i = max(j, start + 1)
            if shout >= 2 and shout == sum(1 for k in run if toks[k][0].isalpha()):
                continue  # "NO COLLUSION": capitals for emphasis
            if len(run) == 1:  # the common case: one word
                k = run[0]
                if k in gaz_at or lows[k] not in stop:
                    c = _cand(doc, k, k + 1, None, first, headline)
                    if c is not None:
                        c.bare_title = lows[k] in titles and k not in gaz_at
                        out.append(c)
                    continue
            before = len(out)
            _split(doc, run, sent.tok_start, first, headline, titles, stop, gaz_at, out)
            if len(run) > 1 and len(out) > before and _fills_quote(doc, run[0], run[-1] + 1):
                for c in out[before:]:
                    c.quoted = True  # "The Drum Major Instinct": a title of a work
        k0 = k1
    return out


def _split(doc: Document, run: list[int], sent_start: int, first: int, headline: bool, titles, stop, gaz_at,
           out: list[Cand]) -> None:
    """Split one run at titles and at words that are never names; add the pieces to ``out``."""
    toks, lows = doc.tokens, doc.lowers
    name: list[int] = []
    title: str | None = None
    k = 0
    while k < len(run):
        idx = run[k]
        g = gaz_at.get(idx)
        if g is not None:  # a gazetteer alias is one unit
            width = g[0] - idx
            name.extend(run[k : k + width])
            k += width
            continue
        low = lows[idx]
        if toks[idx] == ".":
            if name:
                name.append(idx)  # "J.", "Jr.", "St."; a title's dot is dropped with the title
            k += 1
            continue
        if (low in stop and toks[idx][0].isupper()) or (low in titles and _titles_a_name(doc, run, k)):
            before = len(out)
            _flush(doc, name, title, first, headline, out)
            if low in titles and len(out) > before:
                out[-1].pretitle = True
            chain = title is not None and not name  # "Maj. Gen.", "Secretary General": one title
            name = []
            title = (f"{title} {low}" if chain else low) if low in titles else None
            k += 1
            continue
        name.append(idx)
        k += 1
    _flush(doc, name, title, first, headline, out)


def _titles_a_name(doc: Document, run: list[int], k: int) -> bool:
    """The title word ``run[k]`` stands before a name: "King Abdullah", not "Martin Luther King
    Jr." or "The King Center"."""
    toks, lows = doc.tokens, doc.lowers
    L = lists()
    k += 1
    while k < len(run) and (toks[run[k]] == "." or lows[run[k]] in L.titles):
        k += 1
    if k >= len(run):
        return False
    low = lows[run[k]]
    return low not in SUFFIXES and low not in L.org_heads and low not in L.place_heads and low not in L.media_heads


def _flush(doc: Document, name: list[int], title: str | None, first: int, headline: bool, out: list[Cand]) -> None:
    toks, lows = doc.tokens, doc.lowers
    while name and (toks[name[-1]] in ("-", "&", ".") and not (toks[name[-1]] == "." and len(name) > 1
                    and (len(toks[name[-2]]) == 1 or lows[name[-2]] in SUFFIXES))
                    or lows[name[-1]] in _CONNECTORS or lows[name[-1]] == "the"):
        name = name[:-1]
    while name and not toks[name[0]][0].isalnum():
        name = name[1:]
    titles = _TITLES or lists().titles
    if name:
        c = _cand(doc, name[0], name[-1] + 1, title, first, headline)
        if c is not None:
            # "Mr President", "King": title words only -- a name only as part of a known person's
            c.bare_title = all(lows[t] in titles or not toks[t][0].isalnum() for t in name)
            out.append(c)


_QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")


def _fills_quote(doc: Document, a: int, b: int) -> bool:
    start, end = doc.tok_starts[a], doc.tok_ends[b - 1]
    if not doc.quotes or start == 0 or doc.text[start - 1] not in _QUOTE_MARKS:
        return False
    q = doc.quote_at(start, end)
    return q is not None and doc.text[q.content_start : q.content_end].strip(" ,.?!") == doc.text[start:end]


def _cand(doc: Document, a: int, b: int, title: str | None, first: int, headline: bool) -> Cand | None:
    words = doc.tokens[a:b]
    start, end = doc.tok_starts[a], doc.tok_ends[b - 1]
    if words[-1].endswith("\u00e2") and doc.text[end : end + 1] in ("\x80", "\u20ac"):
        end -= 1  # "Saakashvili\u00e2\x80\x99s": a curly apostrophe decoded as Latin-1
        words = words[:-1] + [words[-1][:-1]]
        if len(words[-1]) < 2:
            return None
    last = words[-1]
    if "-" in last:
        head, _, tail = last.rpartition("-")
        if tail.islower() and tail in HYPHEN_TAILS and head:
            end -= len(tail) + 1  # "Los Angeles-based" -> "Los Angeles"
            words = words[:-1] + [head]
    prev = doc.tokens[a - 1] if a > 0 else ""
    initial = a == first or prev in _OPENERS or (bool(prev) and not prev[0].isalnum() and prev not in _INNER)
    return Cand(a, b, start, end, write_out(words), title, initial, headline, _fills_quote(doc, a, b))
