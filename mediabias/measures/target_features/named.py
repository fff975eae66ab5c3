"""The named features of a party mention: valences around it by side, distance, clause and voice,
its role, the words aimed at it, accusations, whether it is a speaker -- and whether it has any
evaluative evidence at all (:func:`has_evidence`).  See :mod:`mediabias.measures.target_features`."""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter

from mediabias.lexicons import load_words
from mediabias.measures import vader
from mediabias.measures.valence import Words

NEAR, MID = 3, 8  # distance bins in words: 1-3 near, 4-8 mid, further far
WINDOW = 40  # words either side of a mention that are read at most
_AUX = frozenset({"is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would", "could",
                  "should", "may", "might", "must", "can", "did", "does", "do", "also", "not", "never", "n't",
                  "'s", "'re", "remains", "remained", "seems", "seemed", "still", "now", "just"})
_COPULA = frozenset({"is", "was", "were", "are", "be", "been", "being", "'s", "'re", "remains", "remained", "seems", "seemed"})
_PREPOSITIONS = frozenset({"of", "for", "against", "on", "to", "with", "toward", "towards", "at", "from", "over"})
_ARTICLES = frozenset({"the", "a", "an"})
_BEFORE_ACCUSATION = frozenset({"who", "faces", "faced", "facing", ","})


@lru_cache(maxsize=1)
def _report_verbs() -> frozenset[str]:
    return load_words("report_verbs.txt")


FEATURES = (
    "pos_near_left", "pos_near_right", "neg_near_left", "neg_near_right",
    "pos_mid", "pos_far", "neg_mid", "neg_far",
    "pos_other_clause", "neg_other_clause",
    "as_subject", "as_passive_subject", "as_predicate_subject", "as_possessor", "as_object", "as_agent_by",
    "in_apposition", "accused", "accusation_near",
    "sentence_compound",
    "mention_quoted", "pos_quoted_other", "neg_quoted_other",
    "speaker", "pos_said_by_it", "neg_said_by_it",
    "negated", "pos_nearer_another", "neg_nearer_another",
    "sentence_subject", "other_entities",
)


def _role(w: Words, a: int, b: int, clo: int, chi: int) -> tuple[list[float], tuple[int, ...]]:
    """Valences (VADER scale / 4) of the words the mention is subject, possessor or object of, and
    those words' token indices (the words *aimed* at the mention); computed once per mention.

    ``[clo, chi)`` is the mention's clause (token indices); nothing outside it is looked at.
    """
    got = w._aimed.get((a, b))
    if got is None:
        got = w._aimed[a, b] = _roles(w, a, b, clo, chi)
    return got


def _roles(w: Words, a: int, b: int, clo: int, chi: int) -> tuple[list[float], tuple[int, ...]]:
    lows, get = w.lows, w.val.get
    subj = passive = pred = poss = obj = by = appos = 0.0
    aimed: list[int] = []
    nxt = lows[b] if b < chi else ""
    if nxt == "'s" or nxt == "'":
        for j in range(b + 1, min(chi, b + 4)):
            if get(j):
                poss = get(j)
                aimed.append(j)
                break
    elif nxt == ",":
        for j in range(b + 1, min(chi, b + 10)):  # "X, a notorious liar, ..."
            if lows[j] == ",":
                break
            if get(j):
                appos += get(j)
                aimed.append(j)
    else:
        seen_be = False
        for j in range(b, min(chi, b + 5)):
            low = lows[j]
            v = get(j)
            if not v and (low in _AUX or low.endswith("ly")):
                seen_be = seen_be or low in _COPULA
                continue
            if v:
                if seen_be and low.endswith(("ed", "en")):
                    passive = v
                elif seen_be:
                    pred = v
                else:
                    subj = v
                aimed.append(j)
            break
    j = a - 1
    if j >= clo:
        low = lows[j]
        k = -1
        if low == "by" and j - 1 >= clo:
            k = j - 1
            by = get(k, 0.0)
        elif (low in _PREPOSITIONS or low in _ARTICLES) and j - 1 >= clo:
            k = j - 1 if get(j - 1) or not (j - 2 >= clo and lows[j - 1] in _ARTICLES) else j - 2
            obj = get(k, 0.0)
        else:
            k = j
            obj = get(j, 0.0)
        if get(k):
            aimed.append(k)
    return [subj / 4, passive / 4, pred / 4, poss / 4, obj / 4, by / 4, appos / 4], tuple(aimed)


def _accusation_aimed(w: Words, a: int, b: int, clo: int, chi: int) -> tuple[float, float]:
    """(aimed at the mention, elsewhere near it in its clause) for accusation words.

    Aimed: "X was accused", "X, who is suspected", "accused X", "charges
    against X", "X's alleged role", "X faces an investigation".  Not aimed:
    "X accused Y" (X is the accuser).
    """
    acc = w.accused
    k0, k1 = bisect_left(acc, max(clo, a - 6)), bisect_left(acc, min(chi, b + 6))
    if k0 == k1:
        return 0.0, 0.0
    lows = w.lows
    j = b
    while j < min(chi, b + 4) and (lows[j] in _AUX or lows[j] in _BEFORE_ACCUSATION):
        j += 1
    if j < chi and j in acc[k0:k1] and (j > b or (j + 1 < chi and lows[j + 1] in ("of", "in", "with", "by"))):
        return 1.0, 0.0
    j = a - 1
    if j > clo and lows[j] in ("against", "into", "of", "the", "on"):
        j -= 1
    if j >= clo and j in acc[k0:k1]:
        return 1.0, 0.0
    near = sum(1 for k in acc[k0:k1] if not a <= k < b)
    return 0.0, float(min(near, 2))


def _aimed_in_sentence(w: Words, si: int, w0: int, w1: int) -> dict[int, list[int]]:
    """Token -> the first tokens of the party mentions of sentence ``si`` (tokens ``[w0, w1)``) it is
    aimed at; computed once per sentence (one role reading per mention: linear in the sentence)."""
    got = w._aimed_by.get(si)
    if got is None:
        got = w._aimed_by[si] = {}
        starts, ends = w.mention_starts, w.mention_ends
        for k in range(bisect_left(starts, w0), bisect_left(starts, w1)):
            s = starts[k]
            clo, chi = w.clause_range(s, w0, w1)
            for j in _role(w, s, min(ends[k], w1), clo, chi)[1]:
                got.setdefault(j, []).append(s)
    return got


def features(w: Words, a: int, b: int, w0: int, w1: int, hits: list[int],
             said: tuple[int, int] | None = None, shown: list[int] | None = None) -> list[float]:
    """Feature vector (in :data:`FEATURES` order) of the mention at tokens ``[a, b)``.

    ``[w0, w1)`` is its sentence and ``hits`` the sentence's tokens with a
    valence (from :meth:`Words.sentence`).  ``said`` is the token range of
    what the mention said when it is the source of a citation (from the
    sources measure); without it, a verb of saying next to the mention
    ("X said ...", "... said X") marks the rest of the sentence.  ``shown``, when given, gets the
    tokens of the words that count for the mention inside its clause (the evidence listed in the
    record: not its own words, not an event word aimed elsewhere).
    """
    lows, val, quoted = w.lows, w.val, w.quoted
    clo, chi = w.clause_range(a, w0, w1)
    mq = quoted(a)
    pnl = pnr = nnl = nnr = pm = pf = nm = nf = po = no = pq = nq = ps = ns = total = 0.0
    lo, hi = max(w0, a - WINDOW), min(w1, b + WINDOW)
    # a speaker ("X said ...", "..., said X"): what X said is about others
    verbs = _report_verbs()
    said_lo = said_hi = -1
    if said is not None:
        said_lo, said_hi = said
    elif b < w1 and lows[b] in verbs:
        said_lo, said_hi = b + 1, w1
    elif b + 1 < w1 and lows[b] in _AUX and lows[b + 1] in verbs:
        said_lo, said_hi = b + 2, w1
    elif a > w0 and lows[a - 1] in verbs:
        said_lo, said_hi = w0, a - 1
    speaker = 1.0 if said_lo >= 0 else 0.0
    po2 = no2 = 0.0
    lcut, rcut = w.neighbours(a, b, w.doc.tok_sent[a])
    roles, aimed = _role(w, a, b, clo, chi)
    events = w.events
    aimed_by = _aimed_in_sentence(w, w.doc.tok_sent[a], w0, w1)
    for j in hits[bisect_left(hits, lo):bisect_left(hits, hi)]:
        if a <= j < b or (j in events and j not in aimed):
            continue  # an event word counts only where it is aimed at the mention
        v = val[j]
        total += v
        if shown is not None and clo <= j < chi:
            shown.append(j)
        if j not in aimed and (j < lcut or j > rcut or j in aimed_by):  # about another party
            if v > 0:  # nearer another party: probably about it
                po2 += v
            else:
                no2 -= v
        elif said_lo <= j < said_hi:
            if v > 0:
                ps += v
            else:
                ns -= v
        elif quoted(j) != mq:
            if v > 0:
                pq += v
            else:
                nq -= v
        elif not clo <= j < chi:
            if v > 0:
                po += v
            else:
                no -= v
        elif j < a and a - j <= NEAR:
            if v > 0:
                pnl += v
            else:
                nnl -= v
        elif j >= b and j - b < NEAR:
            if v > 0:
                pnr += v
            else:
                nnr -= v
        elif (a - j if j < a else j - b + 1) <= MID:
            if v > 0:
                pm += v
            else:
                nm -= v
        elif v > 0:
            pf += v
        else:
            nf -= v
    accused, near = _accusation_aimed(w, a, b, clo, chi)
    negs = w.negs
    k = bisect_left(negs, clo)
    negated = 1.0 if k < len(negs) and negs[k] < chi else 0.0
    sq = math.log1p
    subject = 1.0 if a == w0 or (a == w0 + 1 and lows[w0] in _ARTICLES) else 0.0
    others = float(min(3, w.entity_count(w.doc.tok_sent[a]) - 1))
    return [
        sq(pnl), sq(pnr), sq(nnl), sq(nnr), sq(pm), sq(pf), sq(nm), sq(nf),
        sq(po), sq(no),
        *roles, accused, near,
        vader.normalize(total) if total else 0.0,
        1.0 if mq else 0.0, sq(pq), sq(nq),
        speaker, sq(ps), sq(ns),
        negated, sq(po2), sq(no2),
        subject, max(others, 0.0),
    ]


def aimed_words(w: Words, a: int, b: int, w0: int, w1: int, hits: list[int]) -> list[tuple[int, bool]]:
    """The words with a valence in the mention's window (tokens ``[a, b)``, sentence ``[w0, w1)``,
    ``hits`` from :meth:`Words.sentence`), each with whether it is aimed at the mention (the
    word it is subject, object or possessor of, its apposition, the agent of its passive)."""
    clo, chi = w.clause_range(a, w0, w1)
    aimed = _role(w, a, b, clo, chi)[1]
    lo, hi = max(w0, a - WINDOW), min(w1, b + WINDOW)
    return [(j, j in aimed) for j in hits[bisect_left(hits, lo):bisect_left(hits, hi)] if not a <= j < b]


# Features that say where the mention stands, not what is said about it: they can be non-zero
# with no evaluative word around the mention, and do not make it evaluated.
STRUCTURAL = ("mention_quoted", "speaker", "negated", "sentence_subject", "other_entities")
_EVIDENCE = itemgetter(*(i for i, f in enumerate(FEATURES) if f not in STRUCTURAL))


def has_evidence(x: list[float]) -> bool:
    """Whether the mention with named features ``x`` has evaluative evidence around it: a word
    with a valence in its window (an event word only where aimed at it) or an accusation."""
    return any(_EVIDENCE(x))
