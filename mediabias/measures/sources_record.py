"""The sources measure's records: one citation, one article's result, and their JSON form."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, NamedTuple

_WORD_RE = re.compile(r"\S+")


class Citation(NamedTuple):
    """One attribution (immutable; a named tuple because an article has dozens and they are built in a tight loop)."""

    kind: str  # "direct" (quoted content) | "indirect" | "quote" (uncued quotation, carried speaker)
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_type: str  # person | organisation | country | group | document | media | anonymous
    content: tuple[int, int] | None
    quoted_words: int  # words inside quotation marks in the content (each quotation counted once per article)
    anonymous: bool
    party: str | None
    cue_class: str | None = None  # speech | attitude | noun | adjective | phrase | colon
    refers_to: tuple[int, int] | None = None  # what a pronoun or relative source ("it", "he", "who") stands for
    via: tuple[int, int] | None = None  # the outlet the words were given to ("told RT")
    via_party: str | None = None
    extent: tuple[int, int] | None = None  # the source with its apposition ("X, a spokesman for Y")
    anonymous_phrase: tuple[int, int] | None = None  # what makes the source anonymous ("Western officials", "reportedly")

    def to_dict(self, text: str, words: "WordCounter | None" = None) -> dict[str, Any]:
        """The record; ``words`` counts the content's words (one counter per article keeps it linear)."""

        def span(sp):
            return None if sp is None else {"text": text[sp[0] : sp[1]], "start": sp[0], "end": sp[1]}

        src = span(self.source)
        if src is not None:
            src["type"] = self.source_type
            if self.refers_to is not None:
                src["refers_to"] = span(self.refers_to)
            if self.extent is not None:
                src["extent"] = span(self.extent)
        content = None if self.content is None else {"start": self.content[0], "end": self.content[1]}
        via = span(self.via)
        if via is not None:
            via["party"] = self.via_party
        return {
            "kind": self.kind,
            "cue": span(self.cue),
            "cue_class": self.cue_class,
            "source": src,
            "source_type": self.source_type,
            "content": content,
            "content_words": (words or WordCounter(text))(self.content),
            "quoted_words": self.quoted_words,
            "via": via,
            "anonymous": self.anonymous,
            "anonymous_phrase": span(self.anonymous_phrase),
            "party": self.party,
        }


@dataclass(frozen=True, slots=True)
class SourcesResult:
    text: str
    citations: tuple[Citation, ...]
    n_words: int
    n_sentences: int
    direct_quotes: int
    quoted_words: int
    sentences_with_attribution: int

    def to_dict(self) -> dict[str, Any]:
        words = WordCounter(self.text)
        records = [c.to_dict(self.text, words) for c in self.citations]
        cited = [c for c in self.citations if c.cue is not None]
        n = len(cited)
        anonymous = sum(1 for c in cited if c.anonymous)
        by_party: dict[str, dict[str, int]] = {}
        for c, r in zip(self.citations, records):
            if c.party:
                d = by_party.setdefault(c.party, {"attributions": 0, "quoted_words": 0, "content_words": 0})
                if c.cue is not None:
                    d["attributions"] += 1
                d["quoted_words"] += c.quoted_words
                d["content_words"] += r["content_words"]
        by_type: dict[str, int] = {}
        for c in cited:
            by_type[c.source_type] = by_type.get(c.source_type, 0) + 1
        per = (lambda x, d, k: None if d == 0 else x * k / d)
        return {
            "attributions": n,
            "per_100_words": per(n, self.n_words, 100),
            "per_sentence": per(n, self.n_sentences, 1),
            "share_sentences_attributed": per(self.sentences_with_attribution, self.n_sentences, 1),
            "direct_quotes": self.direct_quotes,
            "share_words_quoted": per(self.quoted_words, self.n_words, 1),
            "named": n - anonymous,
            "anonymous": anonymous,
            "share_anonymous": per(anonymous, n, 1),
            "by_source_type": dict(sorted(by_type.items())),
            "by_party": dict(sorted(by_party.items(), key=lambda kv: (-kv[1]["attributions"], -kv[1]["quoted_words"], kv[0]))),
            "citations": records,
        }


class WordCounter:
    """Words (white-space separated) in a character span: split() while the
    spans counted add up to a few times the text, then an index of word
    starts -- so thousands of overlapping contents stay linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.budget = 4 * len(text) + 10_000
        self.word_starts: list[int] | None = None

    def __call__(self, span: tuple[int, int] | None) -> int:
        if span is None:
            return 0
        a, b = span
        if self.word_starts is None and b - a <= self.budget:
            self.budget -= b - a
            return len(self.text[a:b].split())
        if self.word_starts is None:
            self.word_starts = [m.start() for m in _WORD_RE.finditer(self.text)]
        return bisect_left(self.word_starts, b) - bisect_left(self.word_starts, a)
