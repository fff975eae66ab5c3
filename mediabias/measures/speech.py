"""Whose words are where: the speakers of an article's citations.

Built once per article from the sources measure's citations, it answers
what the hedging and sentiment measures ask about a span of text:

* :meth:`Speech.citation_at` -- the innermost citation whose content holds
  the span (the words are that source's; no citation: the author's);
* :meth:`Speech.speaker` -- who that source is, as a voice: the party it
  speaks for (a person's affiliation counts: Konashenkov -> Russia), an
  unaffiliated person, or ``anonymous``;
* :attr:`Speech.own_words` -- the words of each citation's content that are
  not inside a citation nested in it (each word of the article is given to
  one voice at most);
* :meth:`Speech.subject_party` -- the party a clause is about when it is
  its subject: a party mention before the word, or a definite description
  ("the report", "the ministry") that refers back to the party last named
  with that noun ("the Amnesty International report", "Russia's Defense
  Ministry").

Everything is built in one pass over the citations and the mentions and
each question is a binary search, so it stays linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple

from mediabias.measures.parties import PartyIndex
from mediabias.measures.sources_record import WordCounter
from mediabias.text.document import Document

_DEFINITE = frozenset({"the", "this", "that", "its", "their"})
_POSSESSIVE = frozenset({"'s", "'"})
_LINK = frozenset({"by", "from", "of"})  # "a report by Amnesty", "the statement from the ministry"
_BREAKS = frozenset({";", ":", "\u2014", "\u2013", "(", ")", "--"})
_REACH = 40  # tokens looked back for a subject, so a huge unpunctuated text stays linear
ANONYMOUS = "anonymous"
# common nouns a definite description refers back to a party with ("the report", "the ministry")
REFERRING_NOUNS = frozenset(
    "report reports briefing statement study survey investigation findings research ministry government "
    "department agency office committee council commission military army authorities administration "
    "group organisation organization watchdog ngo charity campaign company court party coalition "
    "network newspaper channel broadcaster spokesman spokeswoman spokesperson".split()
)


class Speaker(NamedTuple):
    """A voice: ``key`` is its display name (the party's name, a source's text, or "anonymous")."""

    key: str
    party: str | None
    type: str  # party | person | anonymous


class Speech:
    """The citations of one article, ordered by where their content starts."""

    __slots__ = ("doc", "parties", "citations", "starts", "own_words", "words", "_speakers", "_nouns")

    def __init__(self, doc: Document, parties: PartyIndex | None, sources: Any = None) -> None:
        self.doc = doc
        self.parties = parties
        cites = [c for c in (sources.citations if sources is not None else ()) if c.content is not None]
        cites.sort(key=lambda c: (c.content[0], -c.content[1]))
        self.citations = cites
        self.starts = [c.content[0] for c in cites]
        self._speakers: list[Speaker | None] = [None] * len(cites)
        self._nouns: dict[str, tuple[list[int], list[str]]] | None = None
        self.words = WordCounter(doc.text)  # words in a character span, linear over many spans
        self.own_words = self._own_words()

    # -- whose words ------------------------------------------------------------
    def citation_at(self, start: int, end: int) -> int | None:
        """Index of the innermost citation whose content holds ``[start, end)``, or None."""
        k = bisect_right(self.starts, start) - 1
        for _ in range(4):  # contents rarely nest deeper than this
            if k < 0:
                return None
            if end <= self.citations[k].content[1]:
                return k
            k -= 1
        return None

    def speaker(self, k: int) -> Speaker:
        """The voice of citation ``k``."""
        got = self._speakers[k]
        if got is None:
            got = self._speakers[k] = self._voice(self.citations[k])
        return got

    def _voice(self, c: Any) -> Speaker:
        if c.party:
            p = self.parties.parties.get(c.party) if self.parties is not None else None
            return Speaker(c.party, c.party, "person" if p is not None and p.kind == "person" else "party")
        if c.anonymous or c.source is None:
            return Speaker(ANONYMOUS, None, "anonymous")
        text = " ".join(self.doc.text[c.source[0] : c.source[1]].split())
        return Speaker(text, None, "person" if c.source_type == "person" else "party")

    def _own_words(self) -> list[int]:
        """Words of each content not inside a content nested in it (a stack over the sorted spans)."""
        total = [self.words(c.content) for c in self.citations]
        own = list(total)
        stack: list[int] = []
        for k, c in enumerate(self.citations):
            s, e = c.content
            while stack and self.citations[stack[-1]].content[1] <= s:
                stack.pop()
            if stack and e <= self.citations[stack[-1]].content[1]:
                own[stack[-1]] -= total[k]  # a nested content's words are its own speaker's
            stack.append(k)
        return [max(0, w) for w in own]

    # -- what a clause is about ----------------------------------------------------
    def subject_party(self, tok: int, lo: int) -> str | None:
        """The party of the subject of the clause that holds token ``tok``, looking back to
        token ``lo`` at most: the first party mention after the last clause break, else a
        definite description there that refers back to a party ("The report constantly uses")."""
        if self.parties is None:
            return None
        lows = self.doc.lowers
        k = tok - 1
        while k > lo and tok - k < _REACH and lows[k - 1] not in _BREAKS:
            k -= 1
        for t in range(k, tok):
            m = self.parties.mention_at_token(t)
            if m is not None:
                return self.parties.party_of(m.party)
            if lows[t] in _DEFINITE:
                # "the report", "the latest report": a referring noun within two words
                for n in (t + 1, t + 2):
                    if n < tok and lows[n] in REFERRING_NOUNS:
                        party = self.definite(lows[n], t)
                        if party is not None:
                            return party
                        break
        return None

    def definite(self, noun: str, before: int) -> str | None:
        """The party last named with ``noun`` before token ``before``: "<party> report", "<party>'s
        report", "report by <party>"."""
        if self._nouns is None:
            self._nouns = self._index_nouns()
        got = self._nouns.get(noun)
        if got is None:
            return None
        toks, names = got
        i = bisect_left(toks, before) - 1
        return names[i] if i >= 0 else None

    def _index_nouns(self) -> dict[str, tuple[list[int], list[str]]]:
        out: dict[str, tuple[list[int], list[str]]] = {}
        if self.parties is None:
            return out
        doc, lows = self.doc, self.doc.lowers
        n = len(lows)
        for m in self.parties.mentions:
            party = self.parties.party_of(m.party)
            sent_end = doc.sentences[doc.tok_sent[m.tok_start]].tok_end
            j = m.tok_end
            if j < sent_end and lows[j] in _POSSESSIVE:
                j += 1
            for t in (j, j + 1):  # "Amnesty International report", "Amnesty's latest report"
                if t < min(n, sent_end) and lows[t] in REFERRING_NOUNS:
                    ts, names = out.setdefault(lows[t], ([], []))
                    ts.append(t)
                    names.append(party)
                    break
            j = m.tok_start - 1
            if j >= 1 and lows[j] in _LINK and lows[j - 1] in REFERRING_NOUNS:
                ts, names = out.setdefault(lows[j - 1], ([], []))
                ts.append(j - 1)
                names.append(party)
        for ts, names in out.values():
            order = sorted(range(len(ts)), key=ts.__getitem__)
            ts[:] = [ts[i] for i in order]
            names[:] = [names[i] for i in order]
        return out

