"""Who a source is: its type (person, organisation, document, media,
anonymous), whether it is named, and the party it speaks for.

The head of the source phrase decides most of it ("officials" -> anonymous,
"the report" -> document, "the ministry" -> organisation); a party mention in
the phrase gives the party and, for a gazetteer party, the type (Sputnik ->
media); a person counts for the party of their affiliation (Konashenkov ->
Russia).  A head in ``anonymous_sources.txt`` is anonymous unless a name that
is no party stands in the phrase ("officials in Damascus" is anonymous and
Syria's).
"""

from __future__ import annotations

from functools import lru_cache

from mediabias.lexicons import load_words
from mediabias.measures.parties import PartyIndex
from mediabias.measures.sources_spans import LINK_ADJECTIVES
from mediabias.text.document import Document

PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_GROUP_PRONOUNS = frozenset({"they", "we", "it", "you"})
_GENERIC = frozenset(
    "the a an its his her their this that these those 's new latest our my your such whose".split()
)
_ORG_HEADS = frozenset(
    {"ministry", "government", "department", "agency", "office", "council", "committee", "organization",
     "organisation", "group", "army", "military", "police", "commission", "administration", "authorities",
     "embassy", "campaign", "party", "court", "senate", "house", "congress", "company", "firm", "union",
     "network", "newspaper", "board", "staff", "team", "coalition", "foundation", "institute", "center", "centre",
     "panel", "watchdog", "bureau", "parliament", "assembly", "legislature", "tribunal", "association", "federation",
     "alliance", "movement", "charity", "ngo", "university", "bank"}
)
_HEAD_ENDS = frozenset({"of", "for", "at", "in", "from", "("})
# common nouns a definite description can refer back with ("the ministry", "the report")
COMMON_HEADS = _ORG_HEADS | frozenset({"report", "statement", "briefing", "study", "survey", "poll", "letter", "group"})
_MEDIA_HEADS = frozenset({"newspaper", "network", "channel", "outlet", "broadcaster", "magazine", "daily", "tabloid"})


@lru_cache(maxsize=1)
def lists() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """Unnamed-source heads, document heads, titles, and the words that name nobody."""
    anon, docs, titles = load_words("anonymous_sources.txt"), load_words("document_sources.txt"), load_words("titles.txt")
    return anon, docs, titles, anon | docs | _ORG_HEADS | _GENERIC


def _is_name(tok: str) -> bool:
    return tok[:1].isupper()


def classify(doc: Document, parties: PartyIndex | None, span: tuple[int, int] | None) -> tuple[str, bool, str | None]:
    """(source type, anonymous, party) of a source token span."""
    if span is None:
        return "anonymous", True, None
    a, b = span
    lows = doc.lowers
    if b - a == 1 and lows[a] in PERSON_PRONOUNS:
        return "person", False, None  # "he said": the party is the last person's, found by the caller
    anon_heads, doc_heads, _, generic = lists()
    party = None
    ptype = None
    if parties is not None:
        for i in range(a, b):
            m = parties.mention_at_token(i)
            if m is not None and (m.kind != "place" or parties.party_of(m.party) != m.party):
                party = parties.party_of(m.party)  # a place speaks only for its country ("in Damascus")
            # what the words name, not the party's kind: a user party's aliases decide whose
            # source it is, never whether it is a person ("Irina Vasko" of "Estova", or a name
            # the config does not list)
            kind = parties.kind_at_token(i)
            if kind is not None:
                ptype = kind
                if ptype == "person":
                    break
    end = b
    for i in range(a + 1, b):
        # "officials in Damascus", "a statement from X", "Rep. X (D-Ga.)", "a source close to X"
        if lows[i] in _HEAD_ENDS or lows[i] in LINK_ADJECTIVES:
            end = i
            break
    head = lows[end - 1]
    if doc.tokens[end - 1][0].isupper():
        # a name after its common noun ("the advocacy group Rivers Watch", "campaign aide John
        # Smith"): the noun says what the name is
        k = end - 1
        while k > a and doc.tokens[k][0].isupper():
            k -= 1
        if k < end - 1 and doc.tokens[k][0].islower() and lows[k] not in generic - _ORG_HEADS - anon_heads:
            head = lows[k]
    if head in doc_heads:
        return "document", False, party
    if ptype == "person" or head in PERSON_PRONOUNS:
        return "person", False, party
    if head in anon_heads:
        first = doc.sentences[doc.tok_sent[a]].tok_start  # a capital there says nothing
        named = any(
            _is_name(doc.tokens[i]) and i != first and lows[i] not in generic
            and (parties is None or parties.mention_at_token(i) is None)
            for i in range(a, b)
        )
        if not named:
            return "anonymous", True, party
    if ptype == "media" or head in _MEDIA_HEADS:
        return "media", False, party
    if ptype in ("organisation", "group", "country") or head in _ORG_HEADS:
        return "organisation", False, party
    if head in _GROUP_PRONOUNS:
        return "anonymous", False, party
    has_name = any(_is_name(doc.tokens[i]) and lows[i] not in generic for i in range(a, b))  # not "The"
    return ("person" if has_name else "anonymous"), not has_name, party


def via(parties: PartyIndex | None, addressee: tuple[int, int] | None) -> tuple[int, int] | None:
    """The addressee when it is a news outlet ("told RT"): the medium the words were given to."""
    if addressee is None or parties is None:
        return None
    for i in range(*addressee):
        m = parties.mention_at_token(i)
        if m is not None and parties.parties[m.party].kind == "media":
            return addressee
    return None


def party_in(parties: PartyIndex, span: tuple[int, int]) -> str | None:
    for i in range(*span):
        m = parties.mention_at_token(i)
        if m is not None:
            return m.party
    return None
