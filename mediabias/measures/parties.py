"""Find the parties of a story and every mention of them.

Two sources of parties:

* **user-defined** (``--party``, ``[parties]`` in a config): exactly those
  parties, each with its aliases.  An alias written with a capital letter is
  matched case-sensitively, an all-lower-case alias case-insensitively.
* **automatic**: the packaged gazetteer (countries with demonyms, capitals
  and government metonyms; organisations; armed groups; media) plus people
  found from runs of capitalised words.  A person needs two name words
  ("Farhan Haq") or a title ("Gen. Konashenkov"); later surname-only
  mentions are folded into the full name; titles are stripped.

A person's *affiliation* is the country or organisation named next to the
first full mention: "Russian defense ministry spokesman Igor Konashenkov"
(Russia, before the name) or "Philip Luther, director ... at Amnesty
International" (after it, in the apposition).

Weak spots: place names written like people ("Los Angeles"), people named
only once by surname, and title-case headlines (skipped for new names).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from mediabias.lexicons import load_toml, load_words
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher

NAME = "parties"
_PARTICLES = frozenset({"bin", "ibn", "van", "von", "de", "da", "di", "du", "le", "la", "abu", "del", "der", "den", "dos"})
_PARTICLE_PREFIXES = ("al-", "el-", "ad-", "as-", "bin-", "abu-")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    party: str
    tok_start: int
    tok_end: int
    via: str  # "alias" | "name" | "surname"


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    kind: str  # country | organisation | armed_group | media | person | user
    aliases: tuple[str, ...]
    affiliation: str | None = None


@dataclass(slots=True)
class PartyIndex:
    """The parties of one document and their mentions in text order."""

    parties: dict[str, Party] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def finish(self) -> "PartyIndex":
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._by_token = {i: m for m in self.mentions for i in range(m.tok_start, m.tok_end)}
        return self

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside the character span ``[start, end)``."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_at_token(self, i: int) -> Mention | None:
        return self._by_token.get(i)

    def party_of(self, name: str) -> str:
        """The party a mention's party speaks for (its affiliation, if any)."""
        p = self.parties.get(name)
        return p.affiliation if p is not None and p.affiliation else name

    def mention_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {name: 0 for name in self.parties}
        for m in self.mentions:
            counts[m.party] = counts.get(m.party, 0) + 1
        return counts


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Party], PhraseMatcher]:
    data = load_toml("gazetteer.toml")
    parties = {}
    phrases = []
    for name, entry in data.items():
        aliases = tuple(entry["aliases"])
        parties[name] = Party(name, entry.get("kind", "organisation"), aliases)
        for a in aliases:
            phrases.append((a, name))
            if a.startswith("the ") and len(a) > 4:
                phrases.append(("The " + a[4:], name))
    return parties, PhraseMatcher(phrases, case_sensitive=True)


def user_matchers(spec: dict[str, tuple[str, ...]]) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Case-sensitive and case-insensitive matchers for user aliases."""
    sensitive, insensitive = [], []
    for name, aliases in spec.items():
        for a in aliases:
            (insensitive if a == a.lower() else sensitive).append((a, name))
    return PhraseMatcher(sensitive, case_sensitive=True), PhraseMatcher(insensitive)


def _is_cap(tok: str) -> bool:
    return tok[0].isupper() and (len(tok) == 1 or any(c.islower() for c in tok[1:]))


def _is_particle(low: str) -> bool:
    return low in _PARTICLES or low.startswith(_PARTICLE_PREFIXES)


def _title_case_line(doc: Document, t0: int, t1: int) -> bool:
    """A headline in title case: no full stop at the end, most words capitalised."""
    if t1 > t0 and doc.tokens[t1 - 1] in (".", "!", "?"):
        return False
    words = [t for t in doc.tokens[t0:t1] if t[0].isalpha() and len(t) > 3]
    return len(words) >= 4 and sum(1 for t in words if t[0].isupper()) >= 0.7 * len(words)


def detect(doc: Document, user_parties: dict[str, tuple[str, ...]] | None = None) -> PartyIndex:
    """Parties and mentions of ``doc``; ``user_parties`` replaces auto-detection."""
    index = PartyIndex()
    if user_parties:
        for name, aliases in user_parties.items():
            index.parties[name] = Party(name, "user", tuple(aliases))
        sens, insens = user_matchers(user_parties)
        taken: set[int] = set()
        for matcher, toks in ((sens, doc.tokens), (insens, doc.lowers)):
            for m in matcher.find(toks):
                if any(i in taken for i in range(m.tok_start, m.tok_end)):
                    continue
                taken.update(range(m.tok_start, m.tok_end))
                index.mentions.append(_mention(doc, m.tok_start, m.tok_end, m.payload, "alias"))
        return index.finish()

    gaz, matcher = _gazetteer()
    covered: set[int] = set()
    for m in matcher.find(doc.tokens):
        index.mentions.append(_mention(doc, m.tok_start, m.tok_end, m.payload, "alias"))
        covered.update(range(m.tok_start, m.tok_end))
        if m.payload not in index.parties:
            index.parties[m.payload] = gaz[m.payload]
    _detect_people(doc, index, covered)
    return index.finish()


def _mention(doc: Document, t0: int, t1: int, party: str, via: str) -> Mention:
    return Mention(doc.tok_starts[t0], doc.tok_ends[t1 - 1], party, t0, t1, via)


def _detect_people(doc: Document, index: PartyIndex, covered: set[int]) -> None:
    titles = load_words("titles.txt")
    stop = load_words("not_names.txt")
    toks, lows = doc.tokens, doc.lowers
    n = len(toks)
    candidates: list[tuple[int, list[int], bool]] = []  # (sentence, name token ids, titled)
    singles: list[int] = []
    for sent_i, sent in enumerate(doc.sentences):
        headline = _title_case_line(doc, sent.tok_start, sent.tok_end)
        i = sent.tok_start
        while i < sent.tok_end:
            if i in covered or not _is_cap(toks[i]):
                i += 1
                continue
            # collect a run of capitalised words, initials and name particles
            run: list[int] = []
            j = i
            while j < sent.tok_end and j not in covered:
                t = toks[j]
                if _is_cap(t) or (run and _is_particle(lows[j]) and j + 1 < n):
                    run.append(j)
                    j += 1
                    if j < sent.tok_end and toks[j] == "." and (len(t) == 1 or lows[j - 1] in titles):
                        j += 1  # "J." initial or "Gen." title
                    continue
                break
            i = max(j, i + 1)
            # split the run into names at title and non-name words
            titled = False
            name: list[int] = []
            for k in run + [-1]:
                low = lows[k] if k >= 0 else ""
                if k >= 0 and low in titles and not name:
                    titled = True
                    continue
                if k < 0 or low in stop or low in titles:
                    if name and not headline:
                        candidates.append((sent_i, name, titled))
                    elif name and headline:
                        singles.extend(name)
                    name = []
                    titled = k >= 0 and low in titles
                    continue
                name.append(k)
    # full names first: two or more words, or one word after a title
    people: dict[str, list[int]] = {}
    surname_of: dict[str, str] = {}
    for sent_i, name, titled in candidates:
        if len(name) >= 2:
            full = " ".join(toks[k] for k in name)
            people.setdefault(full, name)
            last = toks[name[-1]]
            surname_of[last] = full
            if _is_particle(last.lower()) and "-" in last:
                surname_of[last.split("-", 1)[1]] = full
    for sent_i, name, titled in candidates:
        if len(name) == 1 and titled and toks[name[0]] not in surname_of:
            surname_of[toks[name[0]]] = toks[name[0]]
            people.setdefault(toks[name[0]], name)
    if not people:
        return
    for sent_i, name, titled in candidates:
        if len(name) >= 2:
            full = " ".join(toks[k] for k in name)
            _add_person(doc, index, full, name[0], name[-1] + 1, "name")
        else:
            for k in name:
                full = surname_of.get(toks[k])
                if full:
                    _add_person(doc, index, full, k, k + 1, "surname" if full != toks[k] else "name")
    for k in singles:
        full = surname_of.get(toks[k])
        if full:
            _add_person(doc, index, full, k, k + 1, "surname")
    _affiliate(doc, index)


def _add_person(doc: Document, index: PartyIndex, full: str, t0: int, t1: int, via: str) -> None:
    if full not in index.parties:
        index.parties[full] = Party(full, "person", (full,))
    index.mentions.append(_mention(doc, t0, t1, full, via))


def _affiliate(doc: Document, index: PartyIndex) -> None:
    """Affiliate each person to a country/organisation named beside them."""
    by_token: dict[int, Mention] = {}
    for m in index.mentions:
        by_token[m.tok_start] = m
    seen: set[str] = set()
    lows = doc.lowers
    titles = load_words("titles.txt")
    for m in sorted(index.mentions, key=lambda m: m.start):
        p = index.parties[m.party]
        if p.kind != "person" or m.party in seen or m.via != "name":
            continue
        seen.add(m.party)
        sent = doc.sentences[doc.tok_sent[m.tok_start]]
        found = None
        # before the name: "Russian defense ministry spokesman Igor Konashenkov"
        for k in range(m.tok_start - 1, max(sent.tok_start, m.tok_start - 10) - 1, -1):
            other = by_token.get(k)
            if other is not None and index.parties[other.party].kind in ("country", "organisation", "armed_group", "media"):
                found = other.party
                break
            if lows[k] == "." and k > 0 and lows[k - 1] in titles:
                continue  # "Maj. Gen."
            if lows[k] in (".", ";", "said", "says", "told"):
                break
        # after the name, in an apposition: "Philip Luther, director ... at Amnesty"
        if found is None and m.tok_end < sent.tok_end and lows[m.tok_end] == ",":
            for k in range(m.tok_end + 1, min(sent.tok_end, m.tok_end + 16)):
                if lows[k] in (",", ";", "said", "says", "told"):
                    break
                other = by_token.get(k)
                if other is not None and index.parties[other.party].kind in ("country", "organisation", "armed_group", "media"):
                    found = other.party
                    break
        if found:
            index.parties[m.party] = Party(p.name, p.kind, p.aliases, found)
