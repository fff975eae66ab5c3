"""Whose claim a hedging hit bears on (``target_party``) and whose words hold it (``speaker``).

Distancing is aimed at whoever's words are kept at arm's length, not at a
party named inside them:

* a **scare quote** targets the speaker of the quoted words: the party of a
  possessive just before it (*Amnesty*'s 'remote investigation'), else the
  source of the indirect attribution whose content holds it ("the Russian
  authorities have claimed that their forces strike "terrorist" targets" ->
  Russia), else the subject of its clause -- the first party mention before
  it in the sentence ("Amnesty researched the attacks "remotely", going as
  far as to accuse Russia of ... "massive destruction"" -> Amnesty); a
  party named only inside the quote is never its target;
* a **claims-type cue** ("Russia's *claims that*", "Moscow *claimed that*")
  targets the source of the attribution it is the cue of (a hedge that is a
  cue likewise: "Shoebridge told RT, *suggesting* ..." bears on Shoebridge's
  claim, not on RT);
* a hedge that is only **mentioned** -- a phrase quoted after "expressions
  such as", "words like", "the term", "called" -- is the words of whoever
  the clause says uses them: in "The report constantly uses expressions
  such as 'supposedly Russian strikes,' 'possible violations'" the hedges
  are the report's (its owner: the party last named with "report"), not the
  speaker's who quotes them back; so both its ``speaker`` and its target
  are that owner (its speaker "anonymous" when the text does not say whose
  they are).

Every other hit keeps the nearest-party rule (:meth:`Targets.nearest`): a
party inside the hit, a possessive before it, a party in the noun phrase it
modifies, else the nearest mention in its clause, looking back first.

``speaker`` is the party (or, without one, the name; "anonymous" for an
unnamed source) whose words hold the hit: for a word-list hit the source of
the innermost citation whose content holds it, for a scare quote the source
of the quotation it is nested in; ``None`` is the author's own words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from mediabias.measures.parties import PartyIndex
from mediabias.measures.speech import ANONYMOUS, Speech
from mediabias.text.document import Document

_CLAUSE_REACH = 30  # tokens: bounds the search so a huge unpunctuated text stays linear
_CLAUSE_BREAKS = frozenset({";", ":", "\u2014", "\u2013", "(", ")"})
_NP_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "\u2014", "\u2013", "(", ")", '"', "\u201c", "\u201d",
                        "that", "which", "who", "and", "but", "or", "as", "is", "are", "was", "were",
                        "has", "have", "had", "to", "in", "on", "at", "for", "after", "since", "of", "by",
                        "with", "from", "against"})
# a quoted phrase right after one of these is mentioned, not used ("expressions such as 'X'")
_MENTION_WORDS = frozenset({"expression", "expressions", "word", "words", "phrase", "phrases", "term", "terms",
                            "wording", "language", "called", "calling", "calls", "dubbed", "termed", "labelled",
                            "labeled", "branded", "describing", "described"})
_MENTION_GLUE = frozenset({"such", "as", "like", "it", "them", "this", "these", "the", "a", "an", "of", "including"})
_LIST_GLUE = frozenset({",", "and", "or", "*", "_"})
_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "''", "``"})
_CHAIN_REACH = 12  # tokens: a listed phrase whose closing mark was not paired ends this far at most


class Targets:
    """Finds a hit's target party and speaker from the party mentions and, when the sources
    measure ran, its citations.  Each look-up is a binary search and a few tokens' walk."""

    __slots__ = ("doc", "parties", "speech", "mentions", "starts", "_mentioned", "_mentioned_starts", "_cues",
                 "_cue_starts")

    def __init__(self, doc: Document, parties: PartyIndex | None, speech: Speech | None = None) -> None:
        self.doc = doc
        self.parties = parties
        self.speech = speech
        self.mentions = sorted(parties.mentions, key=lambda m: m.tok_start) if parties is not None else []
        self.starts = [m.tok_start for m in self.mentions]
        self._mentioned = _mentioned_phrases(doc, speech) if speech is not None and parties is not None else []
        self._mentioned_starts = [s for s, _, _ in self._mentioned]
        cues = []
        if speech is not None:
            for k, c in enumerate(speech.citations):
                if c.cue is not None:
                    cues.append((c.cue[0], c.cue[1], k))
        cues.sort()
        self._cues = cues
        self._cue_starts = [c[0] for c in cues]

    # -- the three kinds of hit ----------------------------------------------------
    def word_hit(self, i: int, j: int, category: str) -> tuple[str | None, str | None]:
        """(target party, speaker) of a word-list hit on tokens ``[i, j)``."""
        s, e = self.doc.tok_starts[i], self.doc.tok_ends[j - 1]
        mentioned, owner = self._mentioned_owner(s, e)
        if mentioned:
            return owner, owner or ANONYMOUS  # a hedge only mentioned: its owner's words
        speaker = self._speaker_at(s, e)
        k = self._cue_at(s, e)
        if k is not None:
            # the cue of an attribution bears on its source's claim: "Moscow claimed that", "Russia's
            # claims that" (the claimant, never a party named in the claim), "X told RT, suggesting"
            party = self.speech.speaker(k).party
            if party is not None or category == "distancing":
                return party, speaker
        return self.nearest(i, j), speaker

    def scare_quote(self, s: int, e: int, i: int, j: int, nested: bool) -> tuple[str | None, str | None]:
        """(target party, speaker) of a scare quote: characters ``[s, e)``, tokens ``[i, j)``."""
        speaker = self._speaker_at(s, e) if nested else None
        mentioned, owner = self._mentioned_owner(s, e)
        if mentioned:
            return owner, speaker
        possessive = self._possessive_before(i)
        if possessive is not None:
            return possessive, speaker
        if self.speech is not None:
            k = self.speech.citation_at(s, e)
            c = self.speech.citations[k] if k is not None else None
            if c is not None and c.kind == "indirect":
                if c.cue_class in ("attitude", "adjective"):
                    # "Russia rejected Amnesty's findings and its 'remote investigation'": the words
                    # of the party the attitude is about, named first in the content
                    about = self._first_party(self.doc.token_index(c.content[0]), i)
                    if about is not None:
                        return about, speaker
                return self.speech.speaker(k).party, speaker  # the reported speaker's words
        sent = self.doc.sentences[self.doc.tok_sent[i]]
        lo = sent.tok_start
        if nested:
            q = self.doc.quote_at(s, e)
            if q is not None:
                lo = max(lo, self.doc.token_index(q.content_start))
        return self._first_party(lo, i), speaker

    # -- helpers ---------------------------------------------------------------------
    def _speaker_at(self, s: int, e: int) -> str | None:
        if self.speech is None:
            return None
        k = self.speech.citation_at(s, e)
        return None if k is None else self.speech.speaker(k).key

    def _cue_at(self, s: int, e: int) -> int | None:
        """The citation whose cue overlaps characters ``[s, e)``."""
        k = bisect_left(self._cue_starts, e) - 1
        if k >= 0 and self._cues[k][1] > s:
            return self._cues[k][2]
        return None

    def _mentioned_owner(self, s: int, e: int) -> tuple[bool, str | None]:
        """(whether ``[s, e)`` is inside a phrase only mentioned, the phrase's owner)."""
        k = bisect_right(self._mentioned_starts, s) - 1
        if k >= 0 and e <= self._mentioned[k][1]:
            return True, self._mentioned[k][2]
        return False, None

    def _possessive_before(self, i: int) -> str | None:
        k = bisect_left(self.starts, i)
        before = self.mentions[k - 1] if k > 0 else None
        lows = self.doc.lowers
        if before is not None and before.tok_end in (i - 1, i - 2) and lows[before.tok_end] in ("'s", "'"):
            return self._of(before)
        return None

    def _first_party(self, lo: int, hi: int) -> str | None:
        """The party of the first mention in tokens ``[lo, hi)`` (within reach of ``hi``)."""
        k = bisect_left(self.starts, max(lo, hi - 4 * _CLAUSE_REACH))
        if k < len(self.mentions) and self.mentions[k].tok_end <= hi:
            return self._of(self.mentions[k])
        return None

    def nearest(self, i: int, j: int) -> str | None:
        """The party a hit on tokens ``[i, j)`` bears on by position.

        In order: a party inside the hit (a scare quote) or a possessive just
        before it ("*Amnesty*'s alleged findings"), a party in the noun phrase
        the hit modifies ("suspected *Russian* airstrikes"), else the nearest
        party mention in the same clause, looking back first (the subject:
        "*Russia* appears to have") -- a person counts for their affiliation.
        """
        if not self.mentions:
            return None
        lows = self.doc.lowers
        sent = self.doc.sentences[self.doc.tok_sent[i]]
        k = bisect_left(self.starts, i)  # first mention starting at or after the hit
        before = self.mentions[k - 1] if k > 0 else None
        after = self.mentions[k] if k < len(self.mentions) else None
        if before is not None and before.tok_end > i:
            return self._of(before)  # the hit starts inside a mention
        if after is not None and after.tok_start < j:
            return self._of(after)  # a mention inside the hit: 'remote Russian strikes'
        if before is not None and before.tok_end in (i - 1, i - 2) and lows[before.tok_end] == "'s":
            return self._of(before)  # Amnesty's (so-called) findings
        if after is not None and after.tok_start < min(j + 3, sent.tok_end) and _NP_BREAKS.isdisjoint(lows[j : after.tok_start]):
            return self._of(after)  # the noun phrase the hit modifies
        if (before is not None and before.tok_start >= sent.tok_start and i - before.tok_end < _CLAUSE_REACH
                and _CLAUSE_BREAKS.isdisjoint(lows[before.tok_end : i])):
            return self._of(before)
        if (after is not None and after.tok_start < sent.tok_end and after.tok_start - j < _CLAUSE_REACH // 2
                and _CLAUSE_BREAKS.isdisjoint(lows[j : after.tok_start])):
            return self._of(after)
        return None

    def _of(self, mention) -> str:
        return self.parties.party_of(mention.party)


def _mentioned_phrases(doc: Document, speech: Speech) -> list[tuple[int, int, str | None]]:
    """``(start, end, owner)`` of the quoted phrases that are mentioned, not used: a quotation
    right after "expressions such as", "words like", "the term", "called" ..., and the phrases
    listed after it ("'A,' 'B' and 'C'"); the owner is the party of the clause's subject.

    Read from the quotation marks as tokens, so a list whose marks the quotation finder paired
    otherwise -- straight quotes nested in straight quotes, a phrase broken by a paragraph -- is
    still read as a list: each phrase runs from a mark to the next one."""
    lows, starts, ends = doc.lowers, doc.tok_starts, doc.tok_ends
    n = len(lows)
    out: list[tuple[int, int, str | None]] = []
    if not doc.quotes:
        return out
    reached = -1  # the last token of the list found before
    for k in [k for k, w in enumerate(lows) if w in _MENTION_WORDS]:
        i = k + 1
        while i < n and i - k <= 2 and lows[i] in _MENTION_GLUE:
            i += 1
        if i >= n or i <= reached or lows[i] not in _QUOTE_MARKS or doc.tok_sent[k] != doc.tok_sent[i]:
            continue
        t, last = i, -1
        while t < n and lows[t] in _QUOTE_MARKS:
            u = t + 1
            while u < min(n, t + _CHAIN_REACH) and lows[u] not in _QUOTE_MARKS:
                u += 1
            if u >= n or lows[u] not in _QUOTE_MARKS or u == t + 1:
                break
            last = u
            t = u + 1
            while t < n and lows[t] in _LIST_GLUE:
                t += 1
        if last < 0:
            continue
        sent = doc.sentences[doc.tok_sent[i]]
        lo = sent.tok_start
        outer = doc.quote_at(starts[k])
        if outer is not None:
            lo = max(lo, doc.token_index(outer.content_start))
        out.append((starts[i], ends[last], speech.subject_party(k, lo)))
        reached = last
    return out
