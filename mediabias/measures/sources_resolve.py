"""Sources that refer back: pronouns and definite descriptions.

* "he"/"she" -- the person cited last (their span is given as ``refers_to``
  and their party is the source's);
* "it" -- an organisation, country, document or medium named or cited before
  it in its sentence ("a statement by the ministry, in which it insisted"),
  else the subject of the sentence before ("The Kremlin began its campaign
  ... It has repeatedly denied"); "they" -- the same, or people ("The
  Russian authorities have claimed ... After some attacks, they have
  responded"); with nothing to refer to, the cue is no citation ("The use
  violates ... It also contradicts");
* "one"/"another" -- the plural speaker noun of the sentence before ("four
  inspection notes ... One, from November 2023, warns");
* "the ministry", "the report", "the official" -- the source cited last
  with that noun and a party ("the ministry" after "a Russian Defense
  Ministry spokesman").

Each look-up walks back over a bounded number of citations and mentions, so
it stays linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from mediabias.measures.parties import PartyIndex
from mediabias.measures.sources_cues import QUOTE_MARKS
from mediabias.measures.sources_subject import sentence_subject
from mediabias.measures.sources_types import KINDS, Speaker, _kind_at, classify, is_human, lists
from mediabias.text.document import Document

_LOOKBACK = 12  # citations looked at, at most
_IT_TYPES = frozenset({"organisation", "country", "document", "media", "group"})
_THEY_TYPES = _IT_TYPES | {"anonymous"}


@lru_cache(maxsize=1)
def _nouns() -> frozenset:
    """Common nouns a definite description can refer back with ("the ministry", "the report", "the official")."""
    lx = lists()
    return lx["organisation"] | lx["document"] | lx["media"] | lx["office"] | lx["human"]


class Recent:
    """The speakers cited so far in one article."""

    def __init__(self, doc: Document, parties: PartyIndex | None) -> None:
        self.doc = doc
        self.parties = parties
        self.cited: list[tuple[int, int, tuple[int, int], Speaker]] = []  # (token, sentence, span, speaker)
        self.last_person: tuple[tuple[int, int], str | None] | None = None
        self.by_noun: dict[str, tuple[tuple[int, int], str]] = {}  # noun -> (span, party) of the source cited with it
        self.surnames: dict[str, str] = {}  # a person's last name -> the party they were cited for ("Amnesty's Luther")
        self._mention_tokens = [m.tok_start for m in parties.mentions] if parties is not None else []

    def add(self, tok: int, si: int, span: tuple[int, int], speaker: Speaker, pronoun: bool) -> None:
        self.cited.append((tok, si, span, speaker))
        if speaker.type == "person" and not pronoun:
            self.last_person = (span, speaker.party)
            if speaker.party is not None and self.doc.tokens[span[1] - 1][:1].isupper():
                self.surnames[self.doc.lowers[span[1] - 1]] = speaker.party
        if speaker.party is not None and not pronoun:
            nouns = _nouns()
            for w in self.doc.lowers[span[0] : span[1]]:
                if w in nouns:
                    self.by_noun[w] = (span, speaker.party)

    def person(self) -> tuple[tuple[int, int] | None, str | None]:
        """(span, party) of the person cited last ("he said")."""
        if self.last_person is None:
            return None, None
        return self.last_person

    def surname_party(self, span: tuple[int, int], party: str | None) -> str | None:
        """The party a person was cited for before ("said Amnesty's Luther" ... "Luther added"),
        when their own mention names no other party (only themselves, or nothing)."""
        last = self.doc.lowers[span[1] - 1]
        known = self.surnames.get(last)
        if known is None or (party is not None and self.parties is not None and self.parties.parties.get(party) is not None
                             and self.parties.parties[party].kind != "person"):
            return party
        return known

    def definite(self, noun: str | None) -> tuple[tuple[int, int], str] | None:
        """(span, party) of the source a definite description refers back to."""
        return self.by_noun.get(noun) if noun else None

    def pronoun(self, word: str, tok: int, si: int) -> tuple[tuple[int, int], Speaker] | None:
        """(antecedent span, its speaker) for "it", "they", "one", "another" at token ``tok``: an
        organisation, country, document or medium (for "they" also people) named or cited before it in
        its sentence, else the subject of the sentence before ("The Kremlin began ... It has denied")."""
        if word in ("one", "another"):
            return self._partitive(tok, si)
        word = {"its": "it", "their": "they", "them": "they"}.get(word, word)
        types = _IT_TYPES if word == "it" else _THEY_TYPES
        s0 = self.doc.sentences[si].tok_start
        best = None
        for ctok, csi, span, sp in reversed(self.cited[-_LOOKBACK:]):
            if csi < si:
                break
            if ctok < tok and sp.type in types and (word != "it" or not self._plural(span)):
                best = (span[0], span, sp)
                break
        mention = self._mention(tok, s0)
        if mention is not None and (best is None or mention[0] > best[0]):
            best = mention
        if best is not None:
            return best[1], best[2]
        if si == 0 or (tok > s0 + 2 and self.doc.lowers[tok - 1] != ","):
            return None  # only a pronoun opening its sentence (or its main clause) refers to the subject before
        prev = self.doc.sentences[si - 1]
        if self.doc.lowers[prev.tok_start] in QUOTE_MARKS or self.doc.tokens[prev.tok_start] in ("*", "_"):
            # the sentence before opens with a quotation ('"...," the company wrote. It added, ...'):
            # the speaker it gave the quotation to
            for ctok, csi, span, sp in reversed(self.cited[-_LOOKBACK:]):
                if csi < si - 1:
                    break
                if csi == si - 1 and sp.type in types:
                    return span, sp
            return None
        subj = sentence_subject(self.doc, prev.tok_start, prev.tok_end)
        sp = classify(self.doc, self.parties, subj) if subj is not None else None
        if sp is None or (word == "it" and self._plural(sp.span)):
            return self._cited_in(si - 1, word, types)
        if sp.type not in types and not (word == "they" and sp.type == "person" and "and" in self.doc.lowers[subj[0] : subj[1]]):
            return self._cited_in(si - 1, word, types)  # ("they" after "Sens. Mike Crapo and Jim Risch" is both)
        return sp.span, sp

    def _cited_in(self, si: int, word: str, types: frozenset) -> tuple[tuple[int, int], Speaker] | None:
        """The one source of sentence ``si`` that "it"/"they" can be ("10 servers, the congressional
        report said. It accused the FDIC"), when the sentence's subject is none."""
        found = None
        for ctok, csi, span, sp in reversed(self.cited[-_LOOKBACK:]):
            if csi < si:
                break
            if csi == si and sp.type in types and (word != "it" or not self._plural(span)):
                if found is not None and found[0] != span:
                    return None  # two candidates: no guess
                found = (span, sp)
        return found

    def _plural(self, span: tuple[int, int]) -> bool:
        w = self.doc.lowers[span[1] - 1]
        return w.endswith("s") and not self.doc.tokens[span[1] - 1][:1].isupper() and w not in ("news", "series")

    def _mention(self, tok: int, floor: int):
        """The last party mention of an organisation, country or medium in ``[floor, tok)``."""
        if self.parties is None:
            return None
        i = bisect_left(self._mention_tokens, tok) - 1
        for _ in range(8):
            if i < 0:
                return None
            m = self.parties.mentions[i]
            if m.tok_start < floor:
                return None
            kind = _kind_at(self.parties, m.tok_start) or "other"
            if kind == "place" and self.parties.party_of(m.party) == m.party:
                kind = "other"  # a village is no speaker; a capital speaks for its country
            if KINDS.get(kind, "person") in _IT_TYPES:
                span = (m.tok_start, m.tok_end)
                return (m.tok_start, span, Speaker(KINDS[kind], False, self.parties.party_of(m.party), span, None))
            i -= 1
        return None

    def _partitive(self, tok: int, si: int) -> tuple[tuple[int, int], Speaker] | None:
        """"One, from November 2023, warns": the plural speaker noun of the sentence before."""
        doc = self.doc
        if si == 0:
            return None
        prev = doc.sentences[si - 1]
        lx = lists()
        for t in range(prev.tok_end - 1, max(prev.tok_start, prev.tok_end - 60) - 1, -1):
            w = doc.lowers[t]
            if not w.endswith("s") or not doc.tokens[t][:1].islower():
                continue
            if w in lx["document"]:
                return (t, t + 1), Speaker("document", False, None, (t, t + 1), None)
            if w in lx["organisation"]:
                return (t, t + 1), Speaker("organisation", False, None, (t, t + 1), None)
            if is_human(w):
                return (t, t + 1), Speaker("anonymous", True, None, (t, t + 1), None)
        return None
