"""People by name, and the party each one speaks for.

**Names** are runs of capitalised words (with initials, "bin", "al-" ...)
inside a sentence, split at titles ("Maj. Gen."), which are stripped, and at
words that are never names (``not_names.txt``: "Ministry", "Monday", "The").
A run of two or more words is a person only when something vouches for it
in at least one of its occurrences -- a given name first (``given_names.txt``:
"Igor", "Maria"), a title before it, a role beside it ("spokesman Igor
Konashenkov", "Philip Luther, director of ..."), or a verb of saying
("Farhan Haq said", "said Kristyan Benedict") -- so "Request Invitation",
"Screen Shot" or "Kafr Halab" are not people.  One word after a title is a
person ("Gen. Konashenkov"); a later surname alone is folded into the full
name.  Title-case headlines are not mined for new names.

**Affiliation** is read from the text around a full mention:

* a party in the role phrase before the name: "Russian Foreign Ministry
  spokesperson Maria Zakharova", "Amnesty's Luther";
* a party in an apposition with a role: "Philip Luther, director of the
  Middle East programme at Amnesty International";
* a role with no party beside it ("ministry spokesman Igor Konashenkov told
  a briefing", "said Ole Solvang, deputy emergencies director") takes the
  party named last in the three sentences before -- a country when the
  role is a government one (``government_roles.txt``: ministry, defence,
  army ...), else an organisation.  Ranks and independent roles ("Maj.
  Gen.", "security analyst") do not: they speak for nobody in particular.

Weak spots: a surname shared by two people goes to the last full name; a
vouched place name ("said in Kafr Zeita") can still pass; pronouns ("he")
are not people.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

from mediabias.lexicons import load_words
from mediabias.text.document import Document

if TYPE_CHECKING:  # pragma: no cover
    from mediabias.measures.parties import PartyIndex

_PARTICLES = frozenset({"bin", "ibn", "van", "von", "de", "da", "di", "du", "le", "la", "abu", "del", "der", "den", "dos"})
_PARTICLE_PREFIXES = ("al-", "el-", "ad-", "as-", "bin-", "abu-")
_PLACE_BEFORE = frozenset({"in", "near", "at", "outside", "inside", "across", "into", "toward", "towards", "around"})
_STOP_SCAN = frozenset({".", ";", "said", "says", "told", "?", "!"})
# between a party and the name it speaks for, only a role phrase may stand
_ROLE_FILLER = frozenset({"'s", "'", "of", "for", "the", "a", "an", "and", ",", "-", "former", "senior", "top",
                          "acting", "deputy", "chief", "head", "press", "state", "affairs", "department", "office",
                          "security", "public", "human", "rights", "programme", "program", "division", "branch",
                          "service", "services", "agency", "council", "committee", "group", "team", "campaign",
                          "international", "national", "federal", "regional", "general", "ministry", "uk", "usa"})
PARTY_KINDS = frozenset({"country", "organisation", "armed_group", "media", "user"})
_BACK_SENTENCES = 3
_BACK_TOKENS = 80
_ATTACHED_BACK = 50  # government words looked back over, at most


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return (
        load_words("titles.txt"),
        load_words("not_names.txt"),
        load_words("given_names.txt"),
        load_words("roles.txt"),
        load_words("government_roles.txt"),
        load_words("report_verbs.txt"),
    )


def is_cap(tok: str) -> bool:
    return tok[0].isupper() and (len(tok) == 1 or any(c.islower() for c in tok[1:]))


def _is_particle(low: str) -> bool:
    return low in _PARTICLES or low.startswith(_PARTICLE_PREFIXES)


def given_name_before(doc: Document, i: int) -> bool:
    """Token ``i - 1`` is a capitalised given name ("Michael" before "Jordan")."""
    return i > 0 and is_cap(doc.tokens[i - 1]) and doc.lowers[i - 1] in _lists()[2]


def title_case_line(doc: Document, t0: int, t1: int) -> bool:
    """A headline in title case: no full stop at the end, most words capitalised."""
    if t1 > t0 and doc.tokens[t1 - 1] in (".", "!", "?"):
        return False
    words = [t for t in doc.tokens[t0:t1] if t[0].isalpha() and len(t) > 3]
    return len(words) >= 4 and sum(1 for t in words if t[0].isupper()) >= 0.7 * len(words)


def _capitalised(toks: list[str]) -> set[int]:
    """Indices of the tokens ``is_cap`` accepts, found in one comprehension
    (``t[1:] != t[1:].upper()``: something after the first letter is lower-case)."""
    return {i for i, t in enumerate(toks) if t[0].isupper() and (len(t) == 1 or t[1:] != t[1:].upper())}


def _candidates(doc: Document, covered: set[int]) -> tuple[list[tuple[list[int], bool]], list[int]]:
    """Name runs ``(tokens, titled)`` in body text, and capitalised words of headlines."""
    titles, stop = _lists()[0], _lists()[1]
    toks, lows = doc.tokens, doc.lowers
    n = len(toks)
    caps = _capitalised(toks)
    starts = sorted(caps - covered)  # where a run may begin
    out: list[tuple[list[int], bool]] = []
    singles: list[int] = []
    k0 = 0
    for sent in doc.sentences:
        k1 = bisect_left(starts, sent.tok_end, k0)
        if k0 == k1:
            continue  # no capitalised word in this sentence
        headline = title_case_line(doc, sent.tok_start, sent.tok_end)
        i = sent.tok_start
        for start in starts[k0:k1]:
            if start < i:
                continue  # inside the previous run
            run: list[int] = []  # capitalised words, initials and name particles
            j = start
            while j < sent.tok_end and j not in covered:
                t = toks[j]
                if j in caps or (run and _is_particle(lows[j]) and j + 1 < n):
                    run.append(j)
                    j += 1
                    if j < sent.tok_end and toks[j] == "." and (len(t) == 1 or lows[j - 1] in titles):
                        j += 1  # "J." initial or "Gen." title
                    continue
                break
            i = max(j, start + 1)
            titled = False
            name: list[int] = []
            for k in run + [-1]:  # split the run at titles and words that are never names
                low = lows[k] if k >= 0 else ""
                if k >= 0 and low in titles and not name:
                    titled = True
                    continue
                if k < 0 or low in stop or low in titles:
                    if name:
                        (singles.extend(name) if headline else out.append((name, titled)))
                    name = []
                    titled = k >= 0 and low in titles
                    continue
                name.append(k)
        k0 = k1
    return out, singles


def _vouched(doc: Document, name: list[int], titled: bool) -> bool:
    """Something in the text says this run is a person."""
    titles, _, given, roles, _, verbs = _lists()
    lows = doc.lowers
    a, b = name[0], name[-1] + 1
    if titled or lows[a] in given:
        return True
    prev = a - 1
    while prev >= 0 and lows[prev] in (",", "."):
        prev -= 1
    if prev >= 0 and lows[prev] in _PLACE_BEFORE:
        return False
    if prev >= 0 and (lows[prev] in roles or lows[prev] in titles or lows[prev] in verbs):
        return True
    if prev >= 1 and lows[prev] == "to" and lows[prev - 1] == "according":
        return True
    nxt = b + 1 if b < len(lows) and lows[b] == "," else b
    if nxt < len(lows) and lows[nxt] in verbs:
        return True
    if b < len(lows) and lows[b] == ",":
        return any(lows[k] in roles for k in range(b + 1, min(len(lows), b + 7)))
    return False


def detect_people(doc: Document, index: "PartyIndex", covered: set[int], add) -> None:
    """Add the people of ``doc`` to ``index`` (``add(full, t0, t1, via)`` records a mention)."""
    from mediabias.measures.parties import Party

    toks = doc.tokens
    candidates, singles = _candidates(doc, covered)
    vouched: set[str] = set()
    for name, titled in candidates:
        if len(name) >= 2 and _vouched(doc, name, titled):
            vouched.add(" ".join(toks[k] for k in name))
    surname_of: dict[str, str] = {}
    for name, titled in candidates:
        full = " ".join(toks[k] for k in name)
        if len(name) >= 2 and full in vouched:
            last = toks[name[-1]]
            surname_of[last] = full
            if _is_particle(last.lower()) and "-" in last:
                surname_of[last.split("-", 1)[1]] = full  # "al-Assad" -> "Assad"
    for name, titled in candidates:
        if len(name) == 1 and titled and toks[name[0]] not in surname_of:
            surname_of[toks[name[0]]] = toks[name[0]]
    if not surname_of:
        return
    for name, titled in candidates:
        full = " ".join(toks[k] for k in name)
        if len(name) >= 2:
            if full in vouched:
                add(full, name[0], name[-1] + 1, "name")
        else:
            for k in name:
                person = surname_of.get(toks[k])
                if person:
                    add(person, k, k + 1, "surname" if person != toks[k] else "name")
    for k in singles:
        person = surname_of.get(toks[k])
        if person:
            add(person, k, k + 1, "surname")
    index.finish()
    _affiliate(doc, index, Party)


def _affiliate(doc: Document, index: "PartyIndex", Party) -> None:
    """Give each person the party named beside one of their full mentions."""
    done: set[str] = set()
    attached = _attached_countries(doc, index)
    for m in list(index.mentions):
        p = index.parties[m.party]
        if p.kind != "person" or m.party in done or m.via != "name":
            continue
        found, words = _beside(doc, index, m.tok_start, m.tok_end)
        if found is None and words is not None:
            found = _named_before(doc, index, m.tok_start, words, attached)
        if found:
            done.add(m.party)
            index.parties[m.party] = Party(p.name, p.kind, p.aliases, found)


def _party_kind(index: "PartyIndex", name: str) -> str:
    return index.parties[name].kind


def _beside(doc: Document, index: "PartyIndex", t0: int, t1: int) -> tuple[str | None, set[str] | None]:
    """The party in the role phrase before the name or in an apposition after it.

    With none, the role words seen (``None`` when there is no role to go on,
    or the phrase names an institution the gazetteer does not know).
    """
    titles, _, _, roles, gov, _ = _lists()
    lows, toks = doc.lowers, doc.tokens
    sent = doc.sentences[doc.tok_sent[t0]]
    seen: set[str] = set()
    unknown = False
    # before: "Russian Foreign Ministry spokesperson Maria Zakharova"
    k = t0 - 1
    while k >= max(sent.tok_start, t0 - 12):
        low = lows[k]
        other = index.mention_at_token(k)
        if other is not None and _party_kind(index, other.party) in PARTY_KINDS:
            return other.party, None
        if low in _STOP_SCAN and not (low == "." and k > 0 and lows[k - 1] in titles):
            break
        if low == "former":
            return None, None  # a former official speaks for nobody now
        if low in roles or low in gov:
            seen.add(low)
        elif is_cap(toks[k]) and low not in titles and low not in _ROLE_FILLER:
            unknown = True  # "Marquette Law School poll director": an institution we do not know
        if not (low in roles or low in titles or low in gov or low in _ROLE_FILLER or low == "." or is_cap(toks[k])):
            break
        k -= 1
    # after, in an apposition with a role: "Philip Luther, director of ... at Amnesty International"
    if t1 < sent.tok_end and lows[t1] == ",":
        party = None
        after: set[str] = set()
        for k in range(t1 + 1, min(sent.tok_end, t1 + 18)):
            low = lows[k]
            if low in (",", ";", "said", "says", "told", "who", "which", "\u2014"):
                break
            other = index.mention_at_token(k)
            if other is not None and _party_kind(index, other.party) in PARTY_KINDS:
                party = party or other.party
            elif low in roles or low in gov:
                after.add(low)
            elif is_cap(toks[k]) and low not in titles:
                unknown = True
        if party is not None and (after & roles):
            return party, None
        seen |= after
    return None, (seen if seen and not unknown else None)


def _attached_countries(doc: Document, index: "PartyIndex") -> list[tuple[int, str, str]]:
    """(token, government word, country) for every country named with a government word:
    "Russia's Defense Ministry", "the Russian defence ministry", "Ministry of Defence of Russia"."""
    gov = _lists()[4]
    lows = doc.lowers
    out = []
    for m in index.mentions:
        if _party_kind(index, m.party) != "country":
            continue
        for k in range(max(0, m.tok_start - 3), min(len(lows), m.tok_end + 3)):
            if lows[k] in gov:
                out.append((m.tok_start, lows[k], m.party))
    out.sort()
    return out


def _named_before(doc: Document, index: "PartyIndex", t0: int, words: set[str], attached) -> str | None:
    """A role with no party beside it: whose is it?

    A government role ("ministry spokesman") belongs to the country last named
    with the same government word before it ("Russia's Defense Ministry");
    another role ("deputy emergencies director") to the organisation named
    last in the few sentences before.
    """
    gov, roles = _lists()[4], _lists()[3]
    gwords = words & gov
    if gwords:
        k = bisect_left(attached, (t0,))
        for tok, word, country in reversed(attached[max(0, k - _ATTACHED_BACK) : k]):
            if word in gwords:
                return country
        return None
    if not words & roles:
        return None
    first = doc.sentences[max(0, doc.tok_sent[t0] - _BACK_SENTENCES)].tok_start
    first = max(first, t0 - _BACK_TOKENS)
    for m in reversed(index.mentions_in(doc.tok_starts[first], doc.tok_starts[t0])):
        if _party_kind(index, m.party) in ("organisation", "user"):
            return m.party
    return None
