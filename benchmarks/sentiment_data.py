"""Readers for the party-sentiment data sets, shared by the accuracy harness
(``sentiment_accuracy.py``) and the training script (``train_sentiment.py``).

* NewsMTSC (Hamborg & Donnay, EACL 2021): JSON Lines, one sentence per line
  (``sentence_normalized``) with ``targets`` (``from``/``to`` character
  offsets, ``polarity`` 2 = negative, 4 = neutral, 6 = positive).
* PerSenT (Bastan et al., COLING 2020): CSV with ``TARGET_ENTITY``,
  ``DOCUMENT`` (paragraphs split by newlines) and ``TRUE_SENTIMENT``
  (Negative / Neutral / Positive): the author's stance toward the entity
  over the whole document.

Each target is scored the way ``mediabias`` scores a party mention in an
article: the sentence becomes a Document, parties are detected in it (their
names are silenced), and the target's tokens are the mention.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Iterator

from mediabias.measures import parties, sentiment, sources
from mediabias.measures.parties import Mention
from mediabias.text.document import Document

LABELS = ("negative", "neutral", "positive")
NEWSMTSC_LABEL = {2: 0, 4: 1, 6: 2}
PERSENT_LABEL = {"Negative": 0, "Neutral": 1, "Positive": 2}


def newsmtsc_targets(path: Path) -> Iterator[tuple[list[float], dict[str, float], int, int]]:
    """(named features, word features, gold label index, sentence number) for every target in a NewsMTSC file."""
    for reader, a, b, gold, sid in newsmtsc_mentions(path):
        yield (*reader.features(a, b), gold, sid)


def newsmtsc_mentions(path: Path) -> Iterator[tuple[sentiment.Reader, int, int, int, int]]:
    """(reader of the target's sentence, target token start, end, gold label index, sentence number)
    for every target in a NewsMTSC file."""
    with path.open(encoding="utf-8") as fh:
        for sid, line in enumerate(fh):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["sentence_normalized"]
            doc = Document(text)
            index = parties.detect(doc)
            spans = []
            for t in row["targets"]:
                t0 = doc.token_index(t["from"])
                t1 = max(t0 + 1, doc.token_index(max(t["from"], t["to"] - 1)) + 1)
                if t0 >= len(doc.tokens):
                    continue
                spans.append((t0, min(t1, len(doc.tokens)), NEWSMTSC_LABEL[int(t["polarity"])]))
            mentions = index.mentions + [Mention(doc.tok_starts[a], doc.tok_ends[b - 1], "target", a, b, "alias") for a, b, _ in spans]
            reader = sentiment.Reader(doc, mentions, sources.score(doc, index))
            for a, b, gold in spans:
                yield reader, a, b, gold, sid


def persent_documents(path: Path) -> Iterator[tuple[str, str, str, int]]:
    """(document index, target entity, document text, gold label index) per PerSenT row."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = PERSENT_LABEL.get(row["TRUE_SENTIMENT"].strip())
            if label is not None:
                yield row["DOCUMENT_INDEX"], row["TARGET_ENTITY"].strip(), row["DOCUMENT"], label


def target_aliases(entity: str) -> tuple[str, ...]:
    """What a user would write for a person or organisation: the name and its last word."""
    words = entity.split()
    aliases = [entity]
    if len(words) > 1 and len(words[-1]) > 2:
        aliases.append(words[-1])
    return tuple(aliases)


def persent_party(text: str, entity: str, group_people: bool = False) -> "sentiment.PartySentiment | None":
    """The sentiment record of ``entity`` in the article, as ``mediabias`` computes it (sources,
    hedging, sentiment); None when it is never found."""
    doc = Document(text)
    index = parties.detect(doc, {entity: target_aliases(entity)})
    src = sources.score(doc, index)
    result = sentiment.score(doc, index, sources=src, group_people=group_people)
    party = next((p for p in result.parties if p.name == entity), None)
    return party if party is not None and party.evidence else None


def persent_score(text: str, entity: str, group_people: bool = False) -> float | None:
    """The article's mean mention score toward ``entity`` (None when it is never found)."""
    party = persent_party(text, entity, group_people)
    return party.score if party is not None else None


def macro_f1(gold: list[int], pred: list[int]) -> dict[str, float]:
    """Macro-F1, accuracy and per-class F1 over the three labels."""
    out: dict[str, float] = {}
    f1s = []
    for c, name in enumerate(LABELS):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[f"f1_{name}"] = f1
        f1s.append(f1)
    out["macro_f1"] = sum(f1s) / 3
    out["accuracy"] = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    out["n"] = len(gold)
    return out


def label_index(score: float, positive: float, negative: float) -> int:
    return 2 if score >= positive else 0 if score <= negative else 1
