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
most probable class after one offset on both (:func:`label`).

The package: :mod:`~mediabias.measures.target_features.named` (the named
features and the evidence test), :mod:`~mediabias.measures.target_features.words`
(the word features) and :mod:`~mediabias.measures.target_features.model`
(weights, probabilities, labels); their public names are re-exported here.
"""

from mediabias.measures.target_features.named import (
    FEATURES, MID, NEAR, STRUCTURAL, WINDOW, aimed_words, features, has_evidence,
)
from mediabias.measures.target_features.model import (
    CLASSES, Model, assess, label, logits, model, predict, probabilities, silent_probabilities,
)
from mediabias.measures.target_features.words import (
    MASK, WORD_DECAY, WORD_WINDOW, lexical, stems, word_logits,
)
from mediabias.measures.valence import stem

__all__ = [
    "CLASSES", "FEATURES", "MASK", "MID", "NEAR", "STRUCTURAL", "WINDOW", "WORD_DECAY", "WORD_WINDOW", "Model",
    "aimed_words", "assess", "features", "has_evidence", "label", "lexical", "logits", "model", "predict",
    "probabilities", "silent_probabilities", "stem", "stems", "word_logits",
]
