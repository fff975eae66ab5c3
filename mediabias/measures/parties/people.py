"""People: one party per person however the text names them, and the party each speaks for.

**Folding.** A person named in full ("Benjamin Koellmann", "Kim Jong Un")
and later by one of those words ("Koellmann", "Kim", "Tiger" for Tiger
Woods) is one party: a partial name goes to the nearest full name before it
that contains the word (so "Cheney" after "Mary Cheney" is Mary, after "Liz
Cheney" Liz), or, with none before, the first one after it. Two full names
are one person when one's words are the other's with the same surname
("Roger Stone", "Roger J. Stone Jr."); a suffix keeps two apart ("Donald
Jr." is not Donald Trump). :func:`name_key` and :func:`same_person` expose
the rule for aligning people across articles.

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
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from mediabias.lexicons import load_words
from mediabias.measures.parties.lexicon import SUFFIXES
from mediabias.measures.parties.names import is_cap, particle
from mediabias.measures.parties.records import Party, PartyIndex
from mediabias.text.document import Document

_STOP_SCAN = frozenset({".", ";", "said", "says", "told", "?", "!"})
# between a party and the name it speaks for, only a role phrase may stand
_ROLE_FILLER = frozenset({"'s", "'", "of", "for", "the", "a", "an", "and", ",", "-", "former", "senior", "top",
                          "acting", "deputy", "chief", "head", "press", "state", "affairs", "department", "office",
                          "security", "public", "human", "rights", "programme", "program", "division", "branch",
                          "service", "services", "agency", "council", "committee", "group", "team", "campaign",
                          "international", "national", "federal", "regional", "general", "ministry", "uk", "usa"})
PARTY_KINDS = frozenset({"country", "organisation", "group", "media"})
# roles of office: they speak for a country (through a government word), never for the organisation named last
POLITICAL = frozenset({"minister", "premier", "president", "secretary", "ambassador", "envoy", "diplomat", "general",
                       "general-major", "commander", "chancellor", "governor", "mayor", "senator", "leader",
                       "councillor", "delegate", "prosecutor", "negotiator"})
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


# -- names ---------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def name_key(name: str) -> tuple[str, ...]:
    """A person's name folded for comparison: lower case, no accents, no titles,
    initials or punctuation; a suffix ("jr") kept last.

    >>> name_key("Maj. Gen. Igor Konashenkov")
    ('igor', 'konashenkov')
    >>> name_key("Roger J. Stone Jr.")
    ('roger', 'stone', 'jr')
    """
    titles = _lists()[0]
    text = name
    if not name.isascii():
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = []
    raw = [w.strip(".,'\"()").lower() for w in text.replace("\u2019", "'").split()]
    raw = [w[:-2] if w.endswith("'s") else w for w in raw]
    raw = [w for w in raw if w and w != "-" and not (len(w) == 1 and w.isalpha())]
    for i, w in enumerate(raw):
        if not words and w in titles and i < len(raw) - 1:
            continue  # a title before the name; a title word alone is kept ("King")
        words.append(w)
    core = [w for w in words if w not in SUFFIXES]
    return tuple(core + [w for w in words if w in SUFFIXES][:1])


def _core(key: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    if key and key[-1] in SUFFIXES:
        return key[:-1], key[-1]
    return key, None


def same_person(a: str, b: str) -> bool:
    """Whether two names can be one person: the same words, or one's words all
    in the other's with the same last word ("Roger Stone" / "Roger J. Stone
    Jr.") and no different suffix; a single word is the same person as a full
    name that contains it ("Cheney" / "Liz Cheney" -- also "Mary Cheney":
    across articles, compare full names where you can).
    """
    ka, sa = _core(name_key(a))
    kb, sb = _core(name_key(b))
    if not ka or not kb:
        return False
    if ka == kb:
        return sa == sb or sa is None or sb is None
    if len(ka) == 1 or len(kb) == 1:
        one, full = (ka, kb) if len(ka) == 1 else (kb, ka)
        return (sa is None if one is ka else sb is None) and one[0] in full
    if sa != sb:
        return False
    small, big = (ka, kb) if len(ka) < len(kb) else (kb, ka)
    return small[-1] == big[-1] and set(small) <= set(big)


@lru_cache(maxsize=4096)
def full_name(key: tuple[str, ...]) -> bool:
    """Two or more words, or a name with a suffix ("Donald Jr.")."""
    core, suffix = _core(key)
    return len([w for w in core if not particle(w)]) >= 2 or (suffix is not None and bool(core))


class Folder:
    """Partial names to the full name they refer to (nearest before, else first after)."""

    def __init__(self) -> None:
        self.by_word: dict[str, list[tuple[int, str]]] = {}  # word -> [(token, canonical full name)]
        self.canonical: dict[tuple[str, ...], str] = {}
        self.by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # surname -> [(key, name)]

    def add_full(self, key: tuple[str, ...], display: str, pos: int) -> str:
        """Register a full name seen at token ``pos``; returns its canonical display name."""
        canon = self.canonical.get(key)
        if canon is None:
            core = _core(key)[0]
            # two full names are one person only with the same surname: compare with those alone
            same_last = self.by_last.setdefault(core[-1] if core else "", [])
            for other, name in same_last:
                if len(core) > 1 and len(_core(other)[0]) > 1 and same_person(" ".join(key), " ".join(other)):
                    canon = name
                    break
            if canon is None:
                canon = display
                same_last.append((key, display))
            self.canonical[key] = canon
        core, _ = _core(key)
        for w in core:
            if not particle(w) and len(w) > 1:
                self.by_word.setdefault(w, []).append((pos, canon))
            if "-" in w and particle(w.split("-")[0] + "-"):
                self.by_word.setdefault(w.split("-", 1)[1], []).append((pos, canon))
        return canon

    def finish(self) -> None:
        for v in self.by_word.values():
            v.sort()

    def partial(self, key: tuple[str, ...], pos: int) -> str | None:
        """The full name a partial name at token ``pos`` refers to."""
        core, _ = _core(key)
        if not core:
            return None
        found: list[tuple[int, str]] | None = None
        for w in core:
            hits = self.by_word.get(w)
            if not hits:
                return None
            found = hits if found is None else [h for h in found if any(h[1] == x[1] for x in hits)]
        if not found:
            return None
        k = bisect_right(found, (pos, "\uffff")) - 1
        return found[k][1] if k >= 0 else found[0][1]


# -- affiliation ----------------------------------------------------------------------

def affiliate(doc: Document, index: PartyIndex) -> None:
    """Give each person the party named beside one of their full mentions."""
    done: set[str] = set()
    attached = _attached_countries(doc, index)
    for m in list(index.mentions):
        p = index.parties[m.party]
        if p.kind != "person" or m.party in done or m.via != "name" or p.user_defined:
            continue
        found, words = _beside(doc, index, m.tok_start, m.tok_end)
        if found is None and words is not None:
            found = _named_before(doc, index, m.tok_start, words, attached)
        if found:
            done.add(m.party)
            index.parties[m.party] = Party(p.name, p.kind, p.aliases, found, p.user_defined)


def _party_kind(index: PartyIndex, name: str) -> str:
    return index.parties[name].kind


def _beside(doc: Document, index: PartyIndex, t0: int, t1: int) -> tuple[str | None, set[str] | None]:
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
        owner = None  # "Amnesty International UK's Syria campaign manager": the possessor
        after: set[str] = set()
        for k in range(t1 + 1, min(sent.tok_end, t1 + 18)):
            low = lows[k]
            if low in (",", ";", "said", "says", "told", "who", "which", "\u2014"):
                break
            other = index.mention_at_token(k)
            if other is not None and _party_kind(index, other.party) in PARTY_KINDS:
                # else the last: "director of the Middle East Programme at Amnesty International"
                party = other.party
                if owner is None and other.tok_end == k + 1 and k + 1 < len(lows) and lows[k + 1] in ("'s", "'"):
                    owner = other.party
            elif low in roles or low in gov:
                after.add(low)
            elif is_cap(toks[k]) and low not in titles:
                unknown = True
        if party is not None and (after & roles):
            return owner or party, None
        seen |= after
    return None, (seen if seen and not unknown else None)


def _attached_countries(doc: Document, index: PartyIndex) -> list[tuple[int, str, str]]:
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


def _named_before(doc: Document, index: PartyIndex, t0: int, words: set[str], attached) -> str | None:
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
    if not (words & roles) - POLITICAL:
        return None  # a minister or a general named with no institution speaks for no organisation near by
    first = doc.sentences[max(0, doc.tok_sent[t0] - _BACK_SENTENCES)].tok_start
    first = max(first, t0 - _BACK_TOKENS)
    for m in reversed(index.mentions_in(doc.tok_starts[first], doc.tok_starts[t0])):
        if _party_kind(index, m.party) == "organisation":
            return m.party
    return None
