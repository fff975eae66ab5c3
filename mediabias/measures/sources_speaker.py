"""Who said it: the speaker of each cue (``sources.score``'s first pass).

For each cue: its source as written (``_source``: the subject before it, the
name after it, the object of "according to", the agent of a passive), then who
that is (``speaker``): a pronoun or relative resolved (``sources_resolve``), a
joined clause ("..., saying", "and called") given the sentence's subject, the
phrase checked to be someone who can speak (``sources_types.classify``); no
speaker, no citation.  A cue that only makes a document or a picture ("wrote
the report", "videos posted by activists") is no statement (``no_statement``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from mediabias.lexicons import load_words
from mediabias.measures import sources_spans as spans
from mediabias.measures import sources_subject as subject
from mediabias.measures import sources_types as types
from mediabias.measures.sources_cues import (
    COPULAS, DETERMINERS, POSSESSIVES, PREPOSITIONS, QUOTE_MARKS, Cue, skip_adverbials, skip_left,
)
from mediabias.measures.sources_resolve import Recent
from mediabias.text.document import Document

_TELL = frozenset(
    "told tell tells telling informed inform informs assured assure assures reminded remind reminds warned warn "
    "warns urged urge urges".split()
)
_AFTER_ADDRESSEE = frozenset({"that", ",", ":", ".", "on", "in", "at", "last", "this", "during", "after", "before", "about"})


def source(doc: Document, cue: Cue, s0: int, s1: int, joined: bool | None = None) -> tuple[int, int] | None:
    """The source token range of one cue as written, or None (no source in the text)."""
    lows = doc.lowers
    end = cue.end
    if cue.cls == "phrase" and lows[cue.start] in ("according", "in", "as"):
        return spans.right_np(doc, end, s1)  # "according to X", "in the words of X"
    if lows[cue.head].endswith("ly"):
        return None  # "reportedly": no source in the text
    if cue.cls == "colon":
        a = cue.start - 1
        while a > s0 and lows[a - 1] not in ("-", "\u2014", "\u2013"):
            a -= 1
        return spans.trim(doc, a, cue.start)
    if cue.cls == "noun":  # "Trump's claim that", "his remarks:", "claims by Amnesty that", "Russian claims that"
        prev = cue.start - 1
        j = prev
        while j >= s0 and j > cue.start - 4 and doc.tokens[j][:1].islower() and lows[j].replace("-", "").isalpha() \
                and lows[j] not in POSSESSIVES and lows[j] not in ("the", "a", "an", "this", "these", "those", "that"):
            j -= 1  # "the Islamic Republic's initial denial", "Trump's recent evidence-free assertion"
        if j < prev and j >= s0 and (lows[j] in ("'s", "'") or lows[j] in POSSESSIVES):
            prev = j
        if prev >= s0 and (lows[prev] == "'s" or (lows[prev] == "'" and prev > s0 and lows[prev - 1].endswith("s"))):
            return subject.possessor(doc, prev - 1, s0)  # (and "budget hawks' warnings")
        if prev >= s0 and lows[prev] in POSSESSIVES:
            return (prev, prev + 1)
        if end + 1 < s1 and lows[end] == "by":
            return spans.right_np(doc, end + 1, s1)
        if prev > s0 and doc.tokens[prev][:1].isupper() and lows[prev - 1] not in (".",):
            return (prev, prev + 1)  # "Russian claims that ..."
        return None
    if spans.is_passive(doc, cue, s0):
        agent = spans.passive_agent(doc, cue, s1)
        if agent is not None or cue.cls != "attitude" or lows[cue.head] in _anonymous_passives() or not (
            cue.end < s1 and lows[cue.end] in ("that", "about", "with", "over", "to", "by", "at", "of")
        ):
            return agent  # none: "it was reported that", someone unnamed, or a plain passive (the caller)
        # "his supporters were worried that ...": whoever feels it is the subject
    start = cue.start
    if cue.cls in ("speech", "attitude") and lows[cue.head].endswith("ing") and (
        continues(doc, cue, s0) if joined is None else joined
    ):
        return None  # "..., saying": the subject of the sentence's clause, found by the caller
    if cue.cls == "adjective":  # "Trump is confident that": the subject of "is"
        while start - 1 >= s0 and (lows[start - 1] in COPULAS or lows[start - 1] in ("very", "so", "not", "also", "increasingly", "deeply")):
            start -= 1
    src = spans.source_left(doc, start, s0)
    if src is not None and src[0] - 2 >= s0 and lows[src[0] - 1] in PREPOSITIONS and (
        lows[src[0] - 2] in ("said", "says", "told", "wrote", "writes") or lows[src[0] - 2].endswith("ed")
    ):
        return None  # "said in a staff note": the object of a preposition after a verb is no subject
    before = lows[start - 1] if start > s0 else ""
    if cue.cls != "speech":
        return src  # only a verb of speech comes before its speaker ("..., usually considered a harbinger")
    if (src is None and (not before or before in (",", ":") or before in QUOTE_MARKS)) or (src is not None and lows[src[0]] == "it" and src[1] - src[0] == 1 and before in QUOTE_MARKS):
        # inverted order: '"...," said X', 'Said Comey, "..."'
        right = spans.source_right(doc, end, s1)
        if right is not None:
            return right
    return src


def continues(doc: Document, cue: Cue, s0: int) -> bool:
    """Does the cue open a clause joined to the one before it, with no subject of its own:
    "X said ..., adding that", "X said ... and on Monday called for ...", "..., by denying",
    "X criticized Y while praising Z"?"""
    if cue.cls not in ("speech", "attitude", "adjective") and not (cue.cls == "phrase" and _verbal_phrase(doc, cue)):
        return False
    lows = doc.lowers
    k = skip_adverbials(doc, cue.start - 1, s0)
    while k >= s0 and lows[k] in QUOTE_MARKS:
        k -= 1
    if k < s0:
        return False
    ing = lows[cue.head].endswith("ing")
    if ing and (lows[k] in (",", "-", "\u2014", "\u2013", "--") or lows[k] in PARTICIPLE_LINKS):
        return True  # "..., saying", "..., by denying", "while praising", "-- implying"
    if lows[k] in ("when", "if", "once", "unless") and subject.participle(lows[cue.head]):
        return True  # "she said when asked whether ..."
    return lows[k] in ("and", "but", "or", "then")


def _says_something(doc: Document, cue: Cue, s1: int) -> bool:
    """Is the cue followed by what was said: "that ...", ": ...", a quotation?"""
    lows = doc.lowers
    k = cue.end
    while k < s1 and lows[k] == ",":
        k += 1
    return k < s1 and (lows[k] in ("that", ":") or lows[k] in QUOTE_MARKS)


_FINITE_BE = frozenset({"is", "are", "was", "were", "'s", "'re", "been"})


def _anonymous_passive(doc: Document, cue: Cue, s0: int, s1: int) -> bool:
    """An agentless passive that cites someone unnamed: a finite form of "be" and something said
    ("it was reported that", "40 civilians are thought to have died", "the plan was described as");
    not "declined to be quoted", "being told", "could be expected", "Perry and LNG are not discussed"."""
    lows = doc.lowers
    if not spans.is_passive(doc, cue, s0) or _told_nothing(doc, cue, s1):
        return False
    k = cue.head - 1
    while k >= s0 and (lows[k] in ("not", "n't", "also", "widely", "generally", "still", "now", "often") or lows[k].endswith("ly")):
        k -= 1
    if k < s0 or lows[k] not in _FINITE_BE:
        return False
    nxt = cue.end
    while nxt < s1 and lows[nxt] == ",":
        nxt += 1
    if nxt < s1 and lows[nxt] in spans.PREPOSITIONS_BEFORE_THAT and "that" in lows[nxt : min(s1, nxt + 6)]:
        return True  # "it is widely believed in the capital that"
    if nxt < s1 and lows[nxt] == "to":
        # "are thought to have died", not "was posted to YouTube", "was reported to the police"
        return nxt + 1 < s1 and doc.tokens[nxt + 1][:1].islower() and lows[nxt + 1] not in DETERMINERS
    return nxt < s1 and (lows[nxt] in ("that", "as", ":") or lows[nxt] in QUOTE_MARKS)


def _told_nothing(doc: Document, cue: Cue, s1: int) -> bool:
    """A verb of telling in the passive with nothing told: "whether Estenergo was warned" (the
    subject is whom it was told to; "was warned that ...", 'was asked, "..."' do tell)."""
    lows = doc.lowers
    if lows[cue.head] not in _TELL and lows[cue.head] not in ("asked", "questioned"):
        return False
    nxt = cue.end
    while nxt < s1 and lows[nxt] == ",":
        nxt += 1
    return not (nxt < s1 and (lows[nxt] in ("that", ":", "to", "about", "whether", "if", "why", "how", "what") or lows[nxt] in QUOTE_MARKS))


def _after_comma(doc: Document, cue: Cue, s0: int) -> bool:
    """A verb cue right after a comma, with no subject of its own ("Clinton supports A, opposes B")."""
    if cue.cls not in ("speech", "attitude"):
        return False
    k = skip_adverbials(doc, cue.start - 1, s0)
    return k > s0 and doc.lowers[k] == ","


def _verbal_phrase(doc: Document, cue: Cue) -> bool:
    """A phrase cue that is a verb phrase ("took aim at", "made it clear"), not "according to" or "reportedly"."""
    w = doc.lowers[cue.start]
    return w not in ("according", "in", "as") and not doc.lowers[cue.head].endswith("ly")


PARTICIPLE_LINKS = frozenset({"by", "while", "after", "before", "when", "in", "without"})


def addressee(doc: Document, cue: Cue, s1: int) -> tuple[int, int] | None:
    """Whom a source told: "told RT that ...", "told reporters: ..." (the NP after a verb of telling)."""
    lows = doc.lowers
    if lows[cue.head] not in _TELL or cue.end >= s1:
        return None
    np = spans.right_np(doc, cue.end, s1)
    if np is None:
        return None
    if np[1] < s1 and lows[np[1]] not in _AFTER_ADDRESSEE and lows[np[1]] not in QUOTE_MARKS:
        head = lows[np[1] - 1]
        lx = types.lists()
        if not (head in lx["media"] or head in lx["organisation"] or types.is_human(head) or head in ("reporters", "him", "her", "them", "us", "me")):
            return None  # "told the story", not whom it was told to
    return np


# verbs of making a document: a cue only with something said ("wrote that", "posted on Twitter: ..."),
# not with the document as their object ("wrote Wednesday's report", "released a video")
_MAKE = frozenset(
    "wrote write writes writing written published publish publishes publishing released release releases releasing "
    "issued issue issues issuing posted post posts posting filmed film films filming".split()
)


_NOT_PLAIN_DETERMINERS = frozenset("a an the this these those his her its their our my your some several another".split())


def no_statement(doc: Document, cue: Cue, s0: int, s1: int) -> bool:
    """Is the cue an act with no statement: making a document or a picture ("wrote the report",
    "videos posted by activists"), or a passive whose subject is no statement ("much of this war
    is documented by civilians")?"""
    lows = doc.lowers
    lx = types.lists()
    head = lows[cue.head]
    if head in ("add", "adds", "added", "adding") and cue.end < s1 and (
        lows[cue.end] in _NOT_PLAIN_DETERMINERS or (doc.tokens[cue.end][:1].islower() and lows[cue.end] not in ("that", "to"))
    ):
        return True  # "prosecutors were adding a new charge": adding a thing, not words
    if head in _MAKE and cue.end < s1:
        np = spans.right_np(doc, cue.end, s1)
        if np is not None and np[0] == cue.end:
            h = lows[np[1] - 1]
            nxt = lows[np[1]] if np[1] < s1 else ""
            if (h in lx["document"] or h in lx["not"]) and nxt not in ("that", ":", "saying"):
                return True
    if cue.cls in ("speech", "attitude") and subject.participle(head) and cue.end < s1 and lows[cue.end] == "by":
        k = skip_left(doc, cue.start - 1, s0)
        if k >= s0 and doc.tokens[k][:1].isalnum():
            subj = spans.left_np(doc, k, s0)
            if subj is not None:
                a, b = subj
                words = lows[a:b]
                if "of" in words and words.index("of") + 1 < len(words):
                    words = words[words.index("of") + 1 :]  # "much of this war"
                core = [w for w in words if w not in ("in", "on", "at")]
                if core and core[-1] in lx["not"]:
                    return True
    return False


class Found(NamedTuple):
    """A cue with its speaker, before its content is read."""

    cue: Cue
    si: int
    src: tuple[int, int] | None  # token range as written
    ante: tuple[int, int] | None  # what a pronoun or relative source refers to
    speaker: types.Speaker
    phrase: tuple[int, int] | None  # token range that makes the source anonymous
    left: int  # token where the speaker's phrase starts (with an apposition before a name), or the cue
    extent: tuple[int, int] | None
    addressee: tuple[int, int] | None


@lru_cache(maxsize=1)
def _anonymous_passives() -> frozenset:
    return load_words("anonymous_passives.txt")


_ANONYMOUS = types.Speaker("anonymous", True, None, (0, 0), None)


def speaker(
    doc: Document, parties, recent: Recent, cue: Cue, src, si: int, s0: int, s1: int, headline: bool = False,
    joined: bool | None = None,
) -> Found | None:
    """The cue with who said it, or None when no one who can speak is found."""
    lows = doc.lowers
    told = addressee(doc, cue, s1)
    if src is None and cue.start <= s0 + 1 and (subject.participle(lows[cue.head]) or lows[cue.head].endswith("ing")):
        # "Asked at a briefing whether ..., the minister said": the main clause's subject
        k = cue.end
        while k < s1 and lows[k] != ",":
            k += 1
        if k < s1:
            src = subject.sentence_subject(doc, k + 1, s1)
    elif src is None and ((continues(doc, cue, s0) if joined is None else joined) or _after_comma(doc, cue, s0)):
        # a joined clause with no earlier cue in its sentence: the sentence's subject
        # ("The Kremlin began its campaign ..., saying"; "Clinton's lawyers looked ... and found that")
        src = subject.sentence_subject(doc, s0, cue.start)
    if src is None:
        # no source in the text: someone unnamed ("reportedly", "it is widely believed", "claims that"), or no citation
        if (cue.cls == "phrase" and lows[cue.head].endswith("ly")) or (
            (cue.cls == "speech" or lows[cue.head] in _anonymous_passives()) and _anonymous_passive(doc, cue, s0, s1)
        ):
            a = cue.start - 1 if cue.start > s0 and lows[cue.start - 1] == "it" else cue.start
            return Found(cue, si, None, None, _ANONYMOUS, (a, cue.end), cue.start, None, told)
        return None
    a, b = src
    word = lows[a] if b - a == 1 else None
    ante = None
    extent = None
    if word in spans.RELATIVES:
        ante = spans.relative_antecedent(doc, a, s0)
        if ante is None:
            return None
        if word != "who" and not (lows[a - 1] == "," and doc.tokens[ante[1] - 1][:1].isupper()):
            # "a report by Amnesty that said": the report (not "voters who", "a request by The Post, which")
            ante = subject.subject_np(doc, ante, s0, ("by", "from", "of"))
        sp = types.classify(doc, parties, ante, headline)
    elif word in types.REFERRING_PRONOUNS:
        found = recent.pronoun(word, a, si)
        if found is None:
            opens = a == s0 or lows[a - 1] in (",", ";", "and", "but", "so", "then") or lows[a - 1] in QUOTE_MARKS
            if word != "they" or not (_says_something(doc, cue, s1) or (cue.cls == "speech" and opens)):
                return None  # "It also contradicts a statement": nothing it could refer to
            sp = types.Speaker("group", False, None, src, None)  # "they say that ...": people named before, not found
        else:
            ante, sp = found
    elif word in types.PERSON_PRONOUNS:
        ante, party = recent.person()
        sp = types.Speaker("person", False, party, src, None)
    else:
        rel = subject.relative_head(doc, src, s0) if src[0] < cue.start and cue.cls in ("speech", "attitude", "adjective") else None
        if rel is not None:
            extent = (rel[0], b)  # "Engineers who have studied similar failures"
            src = rel
        if src[0] < cue.start and cue.cls in ("speech", "attitude", "adjective"):
            src = subject.subject_np(doc, src, s0)
        sp = types.classify(doc, parties, src, headline)
        if sp is not None and sp.anonymous and src[0] - 2 >= s0 and lows[src[0] - 1] == "and":
            # "Trump and his aides insist", "The president and his aides said": a named first conjunct names them
            first = spans.left_np(doc, src[0] - 2, s0)
            named = types.classify(doc, parties, first, headline) if first is not None else None
            if named is not None and not named.anonymous:
                sp = named._replace(span=(first[0], src[1]), noun=None)
                src = sp.span
        if sp is not None:
            src = sp.span
            ref = recent.definite(sp.noun) if sp.noun is not None and (sp.party is None or sp.anonymous) else None
            if ref is not None:
                # "the ministry" after "the Russian Defense Ministry spokesman"; "the official" after a named one
                ante = ref[0]
                sp = sp._replace(party=ref[1], anonymous=False, type="person" if sp.type == "anonymous" else sp.type)
            elif sp.type == "person" and sp.party is None and sp.noun is not None and not doc.tokens[b - 1][:1].isupper():
                ante, party = recent.person()  # "the general-major added": the person cited last
                sp = sp._replace(party=party)
            elif sp.type == "person" and doc.tokens[src[1] - 1][:1].isupper():
                sp = sp._replace(party=recent.surname_party(src, sp.party))
    if sp is None:
        return None
    left = cue.start if src[0] >= cue.end else _left_edge(doc, src, s0)
    phrase = (ante or src) if sp.anonymous else None
    return Found(cue, si, src, ante, sp, phrase, left, extent, told)


def _left_edge(doc: Document, src: tuple[int, int], s0: int) -> int:
    """Where the speaker's phrase starts: before an apposition that names the role
    ("Deputy Spokesman for the Secretary-General, Farhan Haq said")."""
    a = src[0]
    lows = doc.lowers
    if a - 2 >= s0 and lows[a - 1] == "and":
        # "security analyst and former intelligence officer Charles Shoebridge told RT"
        outer = spans.left_np(doc, a - 2, s0)
        if outer is not None and (lows[outer[1] - 1] in types.lists()["office"] or lows[outer[1] - 1].endswith(types.ROLE_SUFFIXES)):
            return outer[0]
    if a - 2 >= s0 and lows[a - 1] == ",":
        outer = spans.left_np(doc, a - 2, s0)
        if outer is not None:
            head = lows[outer[1] - 1]
            if head in types.lists()["office"] or (types.is_human(head) and head.endswith(types.ROLE_SUFFIXES)):
                return outer[0]
    return a
