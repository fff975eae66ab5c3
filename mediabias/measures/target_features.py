"""What a party mention's sentence says about it: named features and the model.

The sentence is read once (:mod:`mediabias.measures.valence`: VADER's words
and rules over a news-adapted lexicon, names silenced).  For one mention,
:func:`features` sums the valences around it by side and distance (near:
1-3 words, mid: 4-8, far: further), by clause (the mention's own clause --
cut at ``;``, ``:``, dashes, "but", "however", "while" ... -- or another),
and by voice (words inside a quotation the mention is not in); it notes the
mention's role without a parser -- the subject of the verb after it, of a
passive ("was condemned") or of a predicate ("is unfit"), the possessor of
the noun after it ("X's failure"), the object of the verb or noun before it
("criticism of X"), the agent after "by", an apposition ("X, a notorious
liar,") -- whether an accusation is aimed at it ("X was accused", "charges
against X"), whether it is a speaker ("X said"), and negation in its clause.

Aim.  The words in those role slots are *aimed* at the mention.  A word
aimed at another party's mention of the sentence (and not at this one)
counts with the words nearer another party.  An *event word*
(:attr:`Words.events`: "war", "defeat", "crisis" ... -- derived from
NewsMTSC's annotations by the training script) counts only where it is
aimed at the mention: a war in its sentence says nothing about it.

Evidence.  A mention with no word with a valence around it (after the
above) and no accusation aimed at it or near it has no evidence
(:func:`has_evidence`): its probabilities are the model's no-evidence
calibration, negative and positive equal, so its score is 0 and its label
neutral -- silence is not hostility.

Next to the named features, :func:`lexical` gives the words around the
mention as features of their own, by side: "slammed" two words to the right
of the mention, "praised" before it (within 20 words, each weighted
e^-(d-1)/12 by its distance d; words stemmed crudely -- "slamming" and
"slammed" are "slamm"; other parties' mentions masked as ``<ent>``), and the
words and word pairs right next to it.  The weights of these ~7,500 word
features (``lexicons/sentiment_words.tsv``) are what the model learned of
news vocabulary that VADER's lexicon does not carry.

:func:`probabilities` turns both into probabilities of negative / neutral /
positive with a multinomial logistic regression whose weights
(``lexicons/sentiment_model.toml``, ``sentiment_words.tsv``)
``benchmarks/train_sentiment.py`` fits on NewsMTSC's training split; the
mention's score is P(positive) - P(negative), in [-1, 1], and its label the
most probable class after two small offsets (:func:`label`).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from mediabias.lexicons import load_toml, load_words
from mediabias.measures import vader
from mediabias.measures.valence import Words, stem

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
             said: tuple[int, int] | None = None) -> list[float]:
    """Feature vector (in :data:`FEATURES` order) of the mention at tokens ``[a, b)``.

    ``[w0, w1)`` is its sentence and ``hits`` the sentence's tokens with a
    valence (from :meth:`Words.sentence`).  ``said`` is the token range of
    what the mention said when it is the source of a citation (from the
    sources measure); without it, a verb of saying next to the mention
    ("X said ...", "... said X") marks the rest of the sentence.
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


def shown_words(w: Words, a: int, b: int, w0: int, w1: int, hits: list[int]) -> list[int]:
    """The words with a valence in the mention's clause (within its window) that count for it:
    not its own, and not an event word aimed elsewhere (the evidence listed in the record)."""
    clo, chi = w.clause_range(a, w0, w1)
    lo, hi = max(w0, a - WINDOW, clo), min(w1, b + WINDOW, chi)
    got = [j for j in hits[bisect_left(hits, lo):bisect_left(hits, hi)] if not a <= j < b]
    events = w.events
    if events and any(j in events for j in got):
        aimed = _role(w, a, b, clo, chi)[1]
        got = [j for j in got if j not in events or j in aimed]
    return got


WORD_WINDOW = 20  # words either side that are word features
WORD_DECAY = 12.0  # a word feature's value: e^-(d-1)/WORD_DECAY at distance d
MASK = "<ent>"  # another party's mention, as a word feature
_DECAY = tuple(math.exp(-(d - 1) / WORD_DECAY) for d in range(WORD_WINDOW + 2))


def lexical(w: Words, a: int, b: int, w0: int, w1: int) -> dict[str, float]:
    """The word features of the mention at tokens ``[a, b)`` in the sentence ``[w0, w1)``:
    ``L|stem`` / ``R|stem`` (the nearest occurrence's distance weight), and the words right
    before and after it ``P1|``, ``N1|``, ``P2|prev2_prev``, ``N2|next_next2`` (value 1)."""
    st = stems(w)
    out: dict[str, float] = {}
    for j in range(max(w0, a - WORD_WINDOW), a):
        out["L|" + st[j]] = _DECAY[a - j]  # nearer words come later and win
    for j in range(min(w1, b + WORD_WINDOW) - 1, b - 1, -1):
        out["R|" + st[j]] = _DECAY[j - b + 1]
    out.update(dict.fromkeys(_near_features(st, a, b, w0, w1), 1.0))
    return out


def _near_features(st: list[str], a: int, b: int, w0: int, w1: int) -> tuple[str, str, str, str]:
    """The names of the features of the words right before and after the mention."""
    prev = st[a - 1] if a > w0 else "<s>"
    nxt = st[b] if b < w1 else "</s>"
    return ("P1|" + prev, "N1|" + nxt, "P2|" + (st[a - 2] if a - 1 > w0 else "<s>") + "_" + prev,
            "N2|" + nxt + "_" + (st[b + 1] if b + 1 < w1 else "</s>"))


CLASSES = ("negative", "neutral", "positive")


# Features that say where the mention stands, not what is said about it: they can be non-zero
# with no evaluative word around the mention, and do not make it evaluated.
STRUCTURAL = ("mention_quoted", "speaker", "negated", "sentence_subject", "other_entities")
_EVIDENCE = itemgetter(*(i for i, f in enumerate(FEATURES) if f not in STRUCTURAL))


def has_evidence(x: list[float]) -> bool:
    """Whether the mention with named features ``x`` has evaluative evidence around it: a word
    with a valence in its window (an event word only where aimed at it) or an accusation."""
    return any(_EVIDENCE(x))


class Model:
    """Weights relative to neutral: ``bias`` and each named feature's (negative, positive) pair;
    the word features as ``sides`` (stem -> left negative, left positive, right negative, right
    positive) and ``near`` (the ``P1|``/``N1|``/``P2|``/``N2|`` features -> negative, positive);
    ``silent``: z_negative = z_positive of a mention with no evidence (:func:`has_evidence`);
    ``offsets`` added to log P(negative), log P(positive) before the label is chosen."""

    def __init__(self, bias: tuple[float, float], dense: list[tuple[float, float]], sides: dict, near: dict,
                 offsets: tuple[float, float], silent: float = -1.0) -> None:
        self.bias, self.dense, self.sides, self.near, self.offsets = bias, dense, sides, near, offsets
        self.silent = silent

    def weight(self, feature: str) -> tuple[float, float] | None:
        """The (negative, positive) weight of one word feature by its name, e.g. ``L|slamm``."""
        kind = feature[:2]
        if kind in ("L|", "R|"):
            t = self.sides.get(feature[2:])
            return None if t is None else t[:2] if kind == "L|" else t[2:]
        return self.near.get(feature)


def stems(w: Words) -> list[str]:
    """Every token's word-feature form (its stem, or ``<ent>`` in a party's mention), once per document."""
    got = w._stems
    if got is None:
        got = list(map(stem, w.lows))
        for j in w._muted:
            got[j] = MASK
        w._stems = got
    return got


_DECAY_FROM_1 = _DECAY[1:]


def _side(forms: list[str], weights: list, k: int) -> tuple[float, float]:
    """Sum of decay(d) x weight over a window (nearest first, d = 1, 2, ...), counting only the
    nearest occurrence of a word; ``forms`` its words, ``weights`` their (left n, left p, right n,
    right p) weights or None; ``k``: 0 for the left weights, 2 for the right."""
    zn = zp = 0.0
    if len(set(forms)) == len(forms):  # the common case: no word repeats
        for d, t in zip(_DECAY_FROM_1, weights):
            if t is not None:
                zn += d * t[k]
                zp += d * t[k + 1]
        return zn, zp
    seen = set()
    for d, x, t in zip(_DECAY_FROM_1, forms, weights):
        if x in seen:
            continue
        seen.add(x)
        if t is not None:
            zn += d * t[k]
            zp += d * t[k + 1]
    return zn, zp


def word_logits(w: Words, a: int, b: int, w0: int, w1: int, m: Model | None = None) -> tuple[float, float]:
    """What the word features of the mention add to (z_negative, z_positive): the same sum as
    :func:`logits` over :func:`lexical`, without building the feature names (the run-time path)."""
    m = m or model()
    st = stems(w)
    wts = w._side_weights
    if wts is None:  # each token's side weights, looked up once per document
        wts = w._side_weights = list(map(m.sides.get, st))
    lo, hi = max(w0, a - WORD_WINDOW), min(w1, b + WORD_WINDOW)
    ln, lp = _side(st[lo:a][::-1], wts[lo:a][::-1], 0)
    rn, rp = _side(st[b:hi], wts[b:hi], 2)
    zn, zp = ln + rn, lp + rp
    get = m.near.get
    for f in _near_features(st, a, b, w0, w1):
        t = get(f)
        if t is not None:
            zn += t[0]
            zp += t[1]
    return zn, zp


@lru_cache(maxsize=1)
def model() -> Model:
    """The fitted model (``sentiment_model.toml`` and ``sentiment_words.tsv``)."""
    from mediabias.cache import cached, file_key
    from mediabias.lexicons import _HERE

    data = load_toml("sentiment_model.toml")
    weights = data["weights"]
    missing = [f for f in FEATURES if f not in weights]
    if missing:
        raise ValueError(f"sentiment_model.toml lacks weights for {missing}; retrain with benchmarks/train_sentiment.py")
    path = _HERE / "sentiment_words.tsv"

    def parse() -> tuple[dict, dict]:
        sides: dict[str, list[float]] = {}
        near: dict[str, tuple[float, float]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                f, n, p = line.split("\t")
                if f[:2] in ("L|", "R|"):
                    k = 0 if f[0] == "L" else 2
                    t = sides.setdefault(f[2:], [0.0, 0.0, 0.0, 0.0])
                    t[k], t[k + 1] = float(n), float(p)
                else:
                    near[f] = (float(n), float(p))
        return {w: tuple(t) for w, t in sides.items()}, near

    sides, near = cached("sentiment-words", ("sides+near", file_key([path])), parse)
    off = data["offsets"]
    return Model(tuple(data["bias"]), [tuple(weights[f]) for f in FEATURES], sides, near,
                 (float(off["negative"]), float(off["positive"])), float(data["no_evidence"]["logit"]))


def logits(x: list[float], lex: dict[str, float] | tuple[float, float] | None = None,
           m: Model | None = None) -> tuple[float, float]:
    """(z_negative, z_positive) relative to z_neutral = 0; ``lex``: the word features
    (:func:`lexical`) or what they add (:func:`word_logits`).  A mention with no evidence
    (:func:`has_evidence`) has the model's ``silent`` logits whatever its word features."""
    m = m or model()
    if not has_evidence(x):
        return m.silent, m.silent
    zn, zp = m.bias
    if isinstance(lex, tuple):
        zn += lex[0]
        zp += lex[1]
        lex = None
    dense = m.dense
    for i in compress(range(len(x)), x):  # most features are 0: add up the others only
        xi = x[i]
        wn, wp = dense[i]
        zn += xi * wn
        zp += xi * wp
    if lex:
        get = m.weight
        for f, v in lex.items():
            wt = get(f)
            if wt is not None:
                zn += v * wt[0]
                zp += v * wt[1]
    return zn, zp


def assess(x: list[float], lex: tuple[float, float], m: Model | None = None) -> tuple[list[float], str]:
    """(probabilities, label) of a mention: :func:`probabilities` and :func:`label` from one sum."""
    m = m or model()
    zn, zp = logits(x, lex, m)
    return _softmax(zn, zp), _argmax(zn, zp, m)


def silent_probabilities(m: Model | None = None) -> list[float]:
    """P(negative), P(neutral), P(positive) of a mention with no evidence."""
    m = m or model()
    return _softmax(m.silent, m.silent)


def _softmax(zn: float, zp: float) -> list[float]:
    top = max(zn, 0.0, zp)
    en, e0, ep = math.exp(zn - top), math.exp(-top), math.exp(zp - top)
    s = en + e0 + ep
    return [en / s, e0 / s, ep / s]


def _argmax(zn: float, zp: float, m: Model) -> str:
    # log P(c) + offset, up to the same constant: z_c + offset
    scores = (zn + m.offsets[0], 0.0, zp + m.offsets[1])
    return CLASSES[max(range(3), key=scores.__getitem__)]


def probabilities(x: list[float], lex: dict[str, float] | None = None, m: Model | None = None) -> list[float]:
    """P(negative), P(neutral), P(positive) for named features ``x`` and word features ``lex``."""
    return _softmax(*logits(x, lex, m))


def predict(x: list[float], lex: dict[str, float] | None = None) -> float:
    """The mention's score in [-1, 1]: P(positive) - P(negative)."""
    p = probabilities(x, lex)
    return p[2] - p[0]


def label(x: list[float], lex: dict[str, float] | None = None, m: Model | None = None) -> str:
    """The mention's label: the most probable class after the offsets (chosen by the training
    script on out-of-fold predictions, so that a mention with no evidence stays neutral)."""
    m = m or model()
    return _argmax(*logits(x, lex, m), m)
