"""Readability: Flesch reading ease, Flesch-Kincaid grade, Gunning fog and
SMOG, equal to what textstat 0.7.3 gives for the same text (a test compares
them on the example and seed articles) -- computed here in a few C-level
regular-expression passes with textstat's own definitions, and without
importing textstat (its import alone costs ~0.2 s) or pyphen:

* words: the text with every character that is not a letter, digit, ``_``
  or white space removed, split on white space (so "Ki-moon" is one word);
* sentences: textstat's regex ``\\b[^.!?]+[.!?]*``, ignoring those of two
  words or fewer (at least 1);
* syllables: hyphenation points of pyphen's en_US patterns plus one
  (:mod:`mediabias.text.syllables`);
* averages rounded to one decimal before they enter the formulas, results
  rounded half away from zero as textstat does;
* Gunning fog's "difficult words": distinct lower-cased words (apostrophes
  kept) with three or more syllables that are not on the Dale-Chall list of
  easy words (textstat's own file, read from its package);
* SMOG is 0 for fewer than three sentences, as in textstat.

Weak spots: the formulas were fitted on school texts in the 1940s-70s;
headlines and lists without full stops read as one long sentence; numbers
count as one-syllable words; proper names count as difficult words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from mediabias.text.syllables import counts as syllable_counts
from mediabias.text.syllables import syllables

NAME = "readability"

_PUNCT = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_DIFFICULT_TOKEN = re.compile(r"[\w\='‘’]+")
_DROP_FROM_TOKEN = str.maketrans("", "", "='‘’")  # the non-word characters _DIFFICULT_TOKEN keeps
_HAS_WORD_CHAR = re.compile(r"\w")
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLL_PER_WORD = 206.835, 1.015, 84.6
SYLLABLE_THRESHOLD = 3


@dataclass(frozen=True, slots=True)
class ReadabilityResult:
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "flesch_reading_ease": self.flesch_reading_ease,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
            "gunning_fog": self.gunning_fog,
            "smog_index": self.smog_index,
        }


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall easy words as shipped with textstat (read, not imported)."""
    spec = find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("textstat is not installed; its easy-word list is needed for Gunning fog")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


def _round(number: float, points: int) -> float:
    """textstat's legacy rounding: half away from zero."""
    p = 10**points
    return float(math.floor((number * p) + math.copysign(0.5, number))) / p


def _token_syllables(token: str) -> int:
    """textstat's syllable_count of a lower-case _DIFFICULT_TOKEN match (no white space in it)."""
    word = token.translate(_DROP_FROM_TOKEN)
    return syllables(word) if word else 0


def _short(sentence: str) -> bool:
    """textstat's ``lexicon_count(sentence) <= 2``: at most two white-space
    tokens that keep a word character once punctuation is removed."""
    found = 0
    for part in sentence.split():
        if _HAS_WORD_CHAR.search(part):
            found += 1
            if found > 2:
                return False
    return True


def score(text: str, n_words: int) -> ReadabilityResult:
    if n_words == 0:
        return ReadabilityResult(None, None, None, None)
    cleaned = _PUNCT.sub("", text)
    words = cleaned.split()
    n = len(words)
    if n == 0:
        return ReadabilityResult(None, None, None, None)
    # each whitespace token of the text, lower-cased without punctuation:
    # textstat's syllable_count of the text is their sum, and its
    # polysyllable count (for SMOG) counts those with three or more
    lower = text.lower()
    # textstat lower-cases first, then removes punctuation; for ASCII text the
    # other order gives the same words and saves a pass
    counts = syllable_counts((cleaned.lower() if text.isascii() else _PUNCT.sub("", lower)).split())
    n_syllables = sum(counts)
    found = _SENTENCE.findall(text)
    n_sentences = max(1, len(found) - sum(map(_short, found)))

    asl = _round(n / n_sentences, 1)
    asw = _round(n_syllables / n, 1)
    fre = _round(FRE_BASE - FRE_SENTENCE_LENGTH * asl - FRE_SYLL_PER_WORD * asw, 2)
    fkg = _round(0.39 * asl + 11.8 * asw - 15.59, 1)

    # distinct tokens not on the easy list; most have no ' = ‘ ’ and are looked up as they are
    candidates = set(_DIFFICULT_TOKEN.findall(lower)) - easy_words()
    plain = [w for w in candidates if w.isalnum()]
    difficult = sum(1 for c in syllable_counts(plain) if c >= SYLLABLE_THRESHOLD)
    if len(plain) < len(candidates):
        difficult += sum(1 for w in candidates - set(plain) if _token_syllables(w) >= SYLLABLE_THRESHOLD)
    fog = _round(0.4 * (asl + difficult / n * 100), 2)

    if n_sentences >= 3:
        poly = sum(1 for c in counts if c >= 3)
        smog = _round(1.043 * (30 * (poly / n_sentences)) ** 0.5 + 3.1291, 1)
    else:
        smog = 0.0
    return ReadabilityResult(fre, fkg, fog, smog)
