"""Role nouns and descriptors that refer back to a named party, and names
inside hyphenated words.

A noun of ``role_nouns.toml`` after "the", "this", "that" or "his"/"her"/
"its"/"their", with at most three modifiers between (lower-case words or a
party's name: "the CIA chief", "the London-based rights group"), is a mention
of a party named before it -- never of one named only after it, and never
across to a text with no candidate:

* a person's role ("the president", "the prime minister") goes to the
  person who bears it in the text ("President Donald Trump", "spokesman Igor
  Konashenkov"; "leader" is borne by presidents, prime ministers and
  chancellors, "chief" by directors) and was named last; with no such
  person, to the only person named in the sentence and the two before it;
* an institution's name ("the committee", "the ministry", "the party") to the
  last organisation whose name has that word ("Democratic National
  Committee"); a generic one ("the group", "the company", "the NGO") and a
  country's, place's or medium's ("the country", "the city", "the
  broadcaster") to the first party of that kind in the nearest of the last
  four sentences that names one.

A role noun followed by a name or by "of" + a name ("the spokesman Garba
Shehu", "the leader of Japan") is part of that name's phrase, not a mention.
Each look-up is bounded (a window of sentences, a sorted list searched by
bisection), so an article of a thousand role nouns stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress, count, repeat
from operator import contains
from typing import TYPE_CHECKING

from mediabias.lexicons import load_words
from mediabias.measures.parties.lexicon import gazetteer
from mediabias.text.document import Document

if TYPE_CHECKING:  # pragma: no cover
    from mediabias.measures.parties.records import PartyIndex

DETERMINERS = frozenset({"the", "this", "that", "his", "her", "its", "their"})
_SENTENCES_BACK = 4
_TOKENS_BACK = 250
_PERSON_SENTENCES = 2
# a person's role noun is also borne by these titles
_SYNONYMS = {
    "leader": {"president", "prime minister", "premier", "chancellor", "dictator", "leader", "king", "queen",
               "emir", "chairman", "supreme leader"},
    "chief": {"director", "chief", "chairman", "chairwoman", "head", "ceo", "chief executive"},
    "official": {"minister", "secretary", "official", "director", "spokesman", "spokeswoman", "ambassador"},
    "pontiff": {"pope", "pontiff"},
}
# institution nouns that must match a word of the organisation's name
_TYPED_ORGS = frozenset({"agency", "bank", "bureau", "club", "college", "commission", "committee", "council",
                         "court", "department", "exchange", "federation", "foundation", "fund", "institute",
                         "league", "legislature", "ministry", "museum", "parliament", "party", "school", "team",
                         "tribunal", "union", "university", "association"})
_NOT_MODIFIERS = frozenset({"of", "for", "to", "in", "on", "at", "by", "from", "with", "about", "as", "than", "that",
                            "which", "who", "is", "was", "are", "were", "be", "been", "has", "had", "have", "and",
                            "or", "but", "not", "no", "said", "says", "a", "an"})
# role words that are also adjectives: a role only at the head of their phrase ("general audience")
_ADJECTIVAL = frozenset({"general", "chief", "executive", "premier", "star", "host", "counsel", "daily", "paper"})
_RELATION_TAILS = frozenset({"led", "backed", "funded", "sponsored", "supported", "run", "owned", "controlled",
                             "allied", "aligned", "linked", "affiliated", "brokered", "imposed"})
# nouns for non-governmental organisations: never a government's or an intergovernmental body
_NGO_NOUNS = frozenset({"ngo", "charity", "watchdog", "rights group", "advocacy group"})
_COMPATIBLE = {"organisation": ("organisation",), "group": ("group", "organisation"), "country": ("country",),
               "place": ("place",), "media": ("media",)}


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return load_words("report_verbs.txt")


def head(noun: str) -> str:
    return noun.rsplit(" ", 1)[-1]


def role_mentions(doc: Document, index: "PartyIndex", matches, person_roles: dict[str, set[str]], make) -> list:
    """Mentions for the role nouns ``matches`` ((t0, t1, noun, kind) over ``doc.lowers``).

    ``person_roles``: person party -> the role nouns and titles it bears;
    ``make(t0, t1, party, via)`` builds a Mention.
    """
    toks, lows = doc.tokens, doc.lowers
    n = len(toks)
    mentions = index.mentions  # sorted by start
    tok_starts = [m.tok_start for m in mentions]
    # who bears each role, in text order: role word -> [(token, party)]
    bearers: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        for role in person_roles.get(m.party, ()):
            bearers.setdefault(role, []).append((m.tok_start, m.party))
    org_words: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        p = index.parties[m.party]
        if p.kind in ("organisation", "media", "group"):
            for w in m.party.lower().split():
                if w in _TYPED_ORGS:
                    org_words.setdefault(w, []).append((m.tok_start, m.party))
    out = []
    for t0, t1, noun, kind in matches:
        if index.mention_at_token(t0) is not None or index.mention_at_token(t1 - 1) is not None:
            continue
        nxt = lows[t1] if t1 < n else ""
        after_of = t1 + 1 + (t1 + 1 < n and lows[t1 + 1] == "the")
        if t1 < n and (toks[t1][0].isupper() or (nxt in ("of", ",") and after_of < n and toks[after_of][0].isupper())):
            continue  # "the spokesman Garba Shehu", "the leader of Japan": the name's own phrase
        if head(noun) in _ADJECTIVAL and nxt.isalpha() and toks[t1].islower() and nxt not in _NOT_MODIFIERS \
                and nxt not in _verbs() and not nxt.endswith("ed"):
            continue  # "general audience", "chief economist" -- but "the general accused"
        k = t0 - 1
        named_modifier = False
        first = t0  # the span: the noun and the lower-case modifiers right before it
        while k >= 0 and t0 - k <= 4 and lows[k] not in DETERMINERS:
            m = index.mention_at_token(k)
            if m is not None:
                # "the British government" is Britain's phrase, "the Saudi-led coalition" a new one;
                # "the London-based rights group" is neither
                named_modifier = named_modifier or m.end == doc.tok_ends[k] or (
                    lows[k].rsplit("-", 1)[-1] in _RELATION_TAILS)
            elif not (toks[k].islower() and toks[k][0].isalpha() and lows[k] not in _NOT_MODIFIERS):
                break
            elif first == k + 1:
                first = k
            k -= 1
        if k < 0 or lows[k] not in DETERMINERS or t0 - k > 4:
            continue
        if named_modifier and kind != "person":
            continue  # "the British government", "the Trump administration", "the Odessa region": a name's phrase
        if k > 1 and lows[k - 1] == "," and index.mention_at_token(k - 2) is not None:
            continue  # "Todd Leebow, the president and chief executive of ...": an apposition
        possessive = lows[k] in ("his", "her", "its", "their")
        if kind == "person":
            party = _person(doc, index, t0, noun, bearers, possessive)
        else:
            party = _other(doc, index, t0, noun, kind, org_words, tok_starts, bearers)
        if party is not None:
            out.append(make(first, t1, party, "role noun" if kind == "person" else "descriptor"))
    return out


def _latest(hits: list[tuple[int, str]] | None, t0: int) -> tuple[int, str] | None:
    if not hits:
        return None
    k = bisect_left(hits, (t0,)) - 1
    return hits[k] if k >= 0 else None


def _person(doc: Document, index: "PartyIndex", t0: int, noun: str, bearers, possessive: bool) -> str | None:
    roles = {noun, head(noun)} | _SYNONYMS.get(head(noun), set())
    best = None
    for r in roles:
        h = _latest(bearers.get(r), t0)
        if h is not None and (best is None or h[0] > best[0]):
            best = h
    if best is not None or possessive:  # "his spokesman" is not the man named before
        return best[1] if best is not None else None
    si = doc.tok_sent[t0]
    first = doc.sentences[max(0, si - _PERSON_SENTENCES)].start
    verbs = _verbs()
    lows = doc.lowers
    people = set()
    for m in index.mentions_in(max(first, doc.tok_starts[max(0, t0 - _TOKENS_BACK)]), doc.tok_starts[t0]):
        if index.parties[m.party].kind != "person":
            continue
        if doc.tok_sent[m.tok_start] == si and m.tok_end < len(lows) and (
                lows[m.tok_end] in verbs or (lows[m.tok_end] == "," and lows[m.tok_end + 1] in verbs)):
            continue  # "Shehu said the president ...": the speaker is not the one spoken of
        people.add(m.party)
    return people.pop() if len(people) == 1 else None


def _other(doc: Document, index: "PartyIndex", t0: int, noun: str, kind: str, org_words, tok_starts,
           bearers) -> str | None:
    h = head(noun)
    hit = _latest(bearers.get(noun), t0)  # introduced with this noun: "the advocacy group Rivers Watch"
    if hit is not None and t0 - hit[0] <= 4 * _TOKENS_BACK:
        return hit[1]
    if kind == "organisation" and h in _TYPED_ORGS:
        hit = _latest(org_words.get(h), t0)
        return hit[1] if hit is not None and t0 - hit[0] <= 4 * _TOKENS_BACK else None
    if kind == "place":
        return None  # "the capital", "the valley": only a place introduced with that word (above)
    kinds = _COMPATIBLE.get(kind, (kind,))
    gz = gazetteer()
    si = doc.tok_sent[t0]
    lo = max(0, t0 - _TOKENS_BACK)
    for s in range(si, max(-1, si - _SENTENCES_BACK - 1), -1):
        sent = doc.sentences[s]
        if sent.tok_end <= lo:
            break
        a = max(sent.tok_start, lo)
        b = min(sent.tok_end, t0)
        i = bisect_left(tok_starts, a)
        while i < len(tok_starts) and tok_starts[i] < b:
            m = index.mentions[i]
            if index.parties[m.party].kind in kinds and m.via not in ("role noun", "descriptor") and not (
                    noun in _NGO_NOUNS and m.party in gz.kinds and m.party not in gz.ngos):
                return m.party
            i += 1
    return None


def hyphenated(doc: Document, index: "PartyIndex", forms: dict[str, str], make_span) -> list:
    """Mentions inside hyphenated words: "anti-Trump", "pro-Russian", "Trump-Russia".

    ``forms()``: single-word name -> party (built only when needed); ``make_span(start, end,
    tok, party)`` builds a Mention.
    """
    out = []
    toks = doc.tokens
    known: dict[str, str] | None = None
    for i in compress(count(), map(contains, toks, repeat("-"))):  # tokens with a hyphen, found in C
        t = toks[i]
        if index.mention_at_token(i) is not None or not any(part[:1].isupper() for part in t.split("-")):
            continue
        pos = doc.tok_starts[i]
        if known is None:
            known = forms()
        for part in t.split("-"):
            party = known.get(part) if part[:1].isupper() else None
            if party is not None:
                out.append(make_span(pos, pos + len(part), i, party))
            pos += len(part) + 1
    return out
