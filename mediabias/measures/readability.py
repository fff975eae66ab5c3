"""Readability: Flesch reading ease, Flesch-Kincaid grade, Gunning fog and
SMOG, exactly as textstat 0.7.3 computes them for the same text (a test
compares them).

textstat is imported on first use only (it imports pkg_resources, ~0.2 s).
Its definitions are its own: sentences are counted by its regex (runs of
text ending in . ! or ?, ignoring those of two words or fewer), words by
whitespace after removing punctuation, syllables with pyphen's en_US
hyphenation patterns.  Weak spots: the formulas were fitted on school texts
in the 1940s-70s; headlines and lists without full stops read as one long
sentence; numbers count as words of one syllable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NAME = "readability"
_CACHE_LIMIT = 200_000  # characters; textstat memoises every call on the text


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


def score(text: str, n_words: int) -> ReadabilityResult:
    if n_words == 0:
        return ReadabilityResult(None, None, None, None)
    import textstat

    result = ReadabilityResult(
        textstat.flesch_reading_ease(text),
        textstat.flesch_kincaid_grade(text),
        textstat.gunning_fog(text),
        textstat.smog_index(text),
    )
    if len(text) > _CACHE_LIMIT:
        textstat.textstat._cache_clear()  # do not keep a huge text alive in its caches
    return result
