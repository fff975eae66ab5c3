"""Find the parties of a story and every mention of them.

Two sources of parties:

* **user-defined** (``--party``, ``[parties]`` in a config): exactly those
  parties, each with its aliases -- which may be people and metonyms
  ("Russia = Russia, Moscow, Kremlin, Konashenkov").  An alias written with
  a capital letter is matched case-sensitively, an all-lower-case alias
  case-insensitively.  User parties replace automatic detection.
* **automatic**: the packaged gazetteer (``lexicons/gazetteer.toml``:
  countries with demonyms, capitals and government metonyms; international
  and non-governmental organisations with their short forms; armed groups;
  media) plus people by name and the party each speaks for
  (:mod:`mediabias.measures.people`).

:func:`summary` lists the parties with every alias and its mention count
(configured aliases that never occur count 0) for ``mediabias parties``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from typing import Any

from mediabias.lexicons import load_list, load_toml
from mediabias.measures import people
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher

NAME = "parties"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    party: str
    tok_start: int
    tok_end: int
    via: str  # "alias" | "name" | "surname" | "descriptor"
    alias: str | None = None  # the configured or gazetteer alias that matched


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
            phrases.append((a, (name, a)))
            if a.startswith("the ") and len(a) > 4:
                phrases.append(("The " + a[4:], (name, a)))
    return parties, PhraseMatcher(phrases, case_sensitive=True)


def user_matchers(spec: dict[str, tuple[str, ...]]) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Case-sensitive and case-insensitive matchers for user aliases."""
    sensitive, insensitive = [], []
    for name, aliases in spec.items():
        for a in aliases:
            (insensitive if a == a.lower() else sensitive).append((a, (name, a)))
    return PhraseMatcher(sensitive, case_sensitive=True), PhraseMatcher(insensitive)


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
                name, alias = m.payload
                index.mentions.append(_mention(doc, m.tok_start, m.tok_end, name, "alias", alias))
        return index.finish()

    gaz, matcher = _gazetteer()
    covered: set[int] = set()
    for m in matcher.find(doc.tokens):
        name, alias = m.payload
        if m.tok_end - m.tok_start == 1 and people.given_name_before(doc, m.tok_start):
            continue  # "Michael Jordan", "George Washington": a person, not the place
        index.mentions.append(_mention(doc, m.tok_start, m.tok_end, name, "alias", alias))
        covered.update(range(m.tok_start, m.tok_end))
        if name not in index.parties:
            index.parties[name] = gaz[name]

    def add(full: str, t0: int, t1: int, via: str) -> None:
        if full not in index.parties:
            index.parties[full] = Party(full, "person", (full,))
        index.mentions.append(_mention(doc, t0, t1, full, via, doc.text[doc.tok_starts[t0] : doc.tok_ends[t1 - 1]]))

    people.detect_people(doc, index, covered, add)
    _descriptors(doc, index.finish())
    return index.finish()


_DETERMINERS = frozenset({"the", "this", "that"})
_DESCRIPTOR_BACK = 5  # sentences


@lru_cache(maxsize=1)
def _descriptor_matcher() -> PhraseMatcher:
    return PhraseMatcher((d, d) for d in load_list("descriptors.txt"))


def _descriptors(doc: Document, index: PartyIndex) -> None:
    """"the NGO", "the human rights watchdog": the organisation named last before."""
    lows, toks = doc.lowers, doc.tokens
    found = []
    for m in _descriptor_matcher().find(lows):
        if index.mention_at_token(m.tok_start) is not None:
            continue
        k = m.tok_start - 1  # a determiner at most three lower-case modifiers before
        while k >= 0 and m.tok_start - k <= 4 and lows[k] not in _DETERMINERS and (toks[k].islower() or "-" in toks[k]):
            k -= 1
        if k < 0 or lows[k] not in _DETERMINERS or m.tok_start - k > 4:
            continue
        first = max(doc.sentences[max(0, doc.tok_sent[k] - _DESCRIPTOR_BACK)].start, doc.tok_starts[max(0, k - 400)])
        for prev in reversed(index.mentions_in(first, doc.tok_starts[k])):
            if index.parties[prev.party].kind == "organisation":
                found.append(_mention(doc, k + 1, m.tok_end, prev.party, "descriptor", m.payload))
                break
    index.mentions.extend(found)


def _mention(doc: Document, t0: int, t1: int, party: str, via: str, alias: str | None = None) -> Mention:
    return Mention(doc.tok_starts[t0], doc.tok_ends[t1 - 1], party, t0, t1, via, alias)


@dataclass(frozen=True, slots=True)
class PartiesResult:
    """The parties of one article, each alias with its mention count (``mediabias parties``)."""

    user_defined: bool
    parties: tuple[tuple[Party, tuple[tuple[str, int], ...], int, tuple[str, ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "user_defined": self.user_defined,
            "parties": [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "affiliation": p.affiliation,
                    "mentions": total,
                    "aliases": [{"text": a, "mentions": n} for a, n in aliases],
                    "people": list(members),
                }
                for p, aliases, total, members in self.parties
            ],
        }


def summary(index: PartyIndex) -> PartiesResult:
    """Every party with its aliases and mention counts, most mentioned first.

    A user party lists its configured aliases (0 for one that never occurs);
    a detected party the forms found in the text.  ``people`` are the
    detected people affiliated to the party.
    """
    counts: dict[str, dict[str, int]] = {name: {} for name in index.parties}
    for name, p in index.parties.items():
        if p.kind == "user":
            counts[name] = {a: 0 for a in p.aliases}
    for m in index.mentions:
        key = m.alias if m.alias is not None else m.party
        by_alias = counts.setdefault(m.party, {})
        by_alias[key] = by_alias.get(key, 0) + 1
    members: dict[str, list[str]] = {}
    for name, p in index.parties.items():
        if p.kind == "person" and p.affiliation:
            members.setdefault(p.affiliation, []).append(name)
    rows = []
    for name, p in index.parties.items():
        aliases = tuple(sorted(counts[name].items(), key=lambda kv: -kv[1]) if p.kind != "user" else counts[name].items())
        rows.append((p, aliases, sum(n for _, n in aliases), tuple(members.get(name, ()))))
    rows.sort(key=lambda r: (-r[2], r[0].name))
    return PartiesResult(any(p.kind == "user" for p in index.parties.values()), tuple(rows))
