"""The records of party detection: a party, a mention, and the index of one document's."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from mediabias.text.document import Document


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    party: str
    tok_start: int
    tok_end: int
    via: str  # alias | name | surname | given name | title | hyphenated | role noun | descriptor
    alias: str | None = None  # the configured or gazetteer alias that matched
    kind: str = ""  # what the words name (a person's name is a person even as an alias of a country)


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    kind: str  # person | organisation | country | place | media | group | other
    aliases: tuple[str, ...]
    affiliation: str | None = None
    user_defined: bool = False


@dataclass(slots=True)
class PartyIndex:
    """The parties of one document and their mentions in text order."""

    parties: dict[str, Party] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    detected: "PartyIndex | None" = None  # with user parties: what automatic detection found
    _starts: list[int] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def finish(self) -> "PartyIndex":
        self.mentions.sort(key=lambda m: (m.start, m.end))
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

    def kind_at_token(self, i: int) -> str | None:
        """What token ``i`` names (a person, an organisation ...): its mention's kind, or with
        user parties, the kind automatic detection gives a name the config does not list."""
        m = self._by_token.get(i)
        if m is None and self.detected is not None:
            m = self.detected._by_token.get(i)
        return None if m is None else (m.kind or self.parties.get(m.party, Party(m.party, "other", ())).kind)

    def party_of(self, name: str) -> str:
        """The party a mention's party speaks for (its affiliation, if any)."""
        p = self.parties.get(name)
        return p.affiliation if p is not None and p.affiliation else name

    def mention_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {name: 0 for name in self.parties}
        for m in self.mentions:
            counts[m.party] = counts.get(m.party, 0) + 1
        return counts


def make_mention(doc: Document, t0: int, t1: int, party: str, via: str, alias: str | None, kind: str,
             start: int | None = None, end: int | None = None) -> Mention:
    """A mention of tokens ``[t0, t1)`` (or of the characters ``[start, end)`` inside them);
    ``alias`` defaults to the words as written."""
    start = doc.tok_starts[t0] if start is None else start
    end = doc.tok_ends[t1 - 1] if end is None else end
    return Mention(start, end, party, t0, t1, via, doc.text[start:end] if alias is None else alias, kind)
