"""What was said: the content of a cue, and which quotation belongs to whom.

* a **quotation next to the cue** is its content (a *direct* citation) when
  news writing gives it to that speaker: after the cue ('X said: "..."',
  'X said "..."' closing the clause), or just before the speaker in the same
  paragraph ('"...," X said', '"...?" he asked', '"..." , said X'); never
  across a paragraph break, never a quotation another cue already took;
* else the **clause**: the rest of the sentence after the cue (after "that",
  after an adjunct "in a statement that"), kept to its own stretch -- it ends
  where a new clause brings its own attribution ("X said A, and Y said B",
  "..., which Y said ..."), at a parenthesis, and, for a cue inside the
  subject of its sentence ("A report that said A is biased, Y said";
  "Claims that A are not new"), before the sentence's own verb; or, when
  nothing follows but an adjunct (", X said on Wednesday."), the clause
  before the speaker, with any attribution nested in it;
* "X reports:" closing a paragraph takes the next paragraph (a block).

Quoted words are counted once per article: every quotation goes to the
innermost citation whose content holds it (a speaker's own quotation, not
the block or the sentence that frames it), and a quotation no citation
holds is carried to the previous speaker only when it continues them (same
paragraph, or opening the next one).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right

from mediabias.measures import sources_spans as spans
from mediabias.measures.sources_cues import Cue
from mediabias.text.document import Document

_QUOTE_END_PUNCT = frozenset(",?!\u2014\u2013-\u2026")
_CLOSING = frozenset(".,;:?!\n\u2014\u2013-)")
# what can follow a cue when nothing said follows it: "said on Wednesday", "told a briefing in Geneva"
ADJUNCT = _ADJUNCT = frozenset(
    "on in at during after before last this late earlier later yesterday today tonight with via through while "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_ADJUNCT_MAX = 6  # tokens
CLAUSE_MAX = 150  # tokens of a clause read after a cue (a sentence of a million words stays linear)
_REASONS = frozenset({"since", "because", "although", "though", "whereas"})
_COPULAS = frozenset({"is", "are", "was", "were"})
_OPENING_MARKS = " \t*_>#"


def quote_after(doc: Document, pos: int, claimed: set[int]):
    """The quotation opening right after character ``pos`` that is a cue's whole content."""
    if not doc.quotes:
        return None
    q = doc.quote_starting_after(pos)
    if q is None or q.start in claimed or q.start - pos > 6:
        return None
    text = doc.text
    gap = text[pos : q.start]
    if gap.strip(" ,:*_\t\r\n") != "" or ("\n" in gap and ":" not in gap and text[pos - 1 : pos] != ":"):
        return None
    rest = text[q.end : q.end + 4].lstrip(" *_\t")
    if rest and rest[0] not in _CLOSING and rest[0] not in "\"'\u201c\u201d\u2018\u2019":
        return None  # 'dismisses "desk study" of the report': a phrase inside the clause
    return q


def quote_before(doc: Document, pos: int, claimed: set[int]):
    """The quotation ending right before character ``pos`` (the speaker's left edge) in the same
    paragraph, in the shape of a quotation given to the speaker after it ('"...," X said')."""
    if not doc.quotes:
        return None
    q = doc.quote_ending_before(pos)
    if q is None or q.start in claimed or pos - q.end > 6:
        return None
    text = doc.text
    gap = text[q.end : pos]
    if gap.strip(" ,*_\t") != "" or "\n" in gap:
        return None
    last = text[q.content_start : q.content_end].rstrip(" *_\t")[-1:]
    if "," not in gap and last not in _QUOTE_END_PUNCT:
        return None  # '"... ." The general concluded that ...': a sentence of its own
    sentence = doc.sentences[doc.sentence_index(q.start)]
    if any(c.isalnum() for c in text[sentence.start : q.start]):
        return None  # 'the report consists of "fakes and cliches", the spokesman said': a phrase of the clause
    return q


def next_paragraph(doc: Document, pos: int) -> tuple[int, int] | None:
    """The first paragraph starting after character ``pos``."""
    i = bisect_right(doc.paragraphs, pos, key=lambda p: p[0])
    return doc.paragraphs[i] if i < len(doc.paragraphs) else None


def clause(
    doc: Document, cue: Cue, src, left: int, after: int, s0: int, s1: int, in_subject: bool, floor: int | None = None
) -> tuple[tuple[int, int] | None, bool]:
    """(content token range, whether it is the clause before the speaker) for a cue without a
    quotation: ``left`` is the speaker's left edge (or the cue), ``after`` the token after the
    cue and its inverted source or addressee, ``[s0, s1)`` the stretch of sentence the cue owns;
    ``floor``: where the clause before the speaker may start (after the sentence's previous cue)."""
    lows = doc.lowers
    right_src = src is not None and src[0] >= cue.end
    # the stretch before the speaker: from the sentence start (or ``floor``), or from the last ";",
    # dash or parenthesis before it ("Mr. Bush also praised X -- 'faith that ...,' he said --")
    b0 = max(s0, floor or s0)
    for t in range(left - 1, max(b0, left - 80) - 1, -1):
        if lows[t] in (";", "-", "--", "\u2014", "\u2013", "("):
            b0 = t + 1
            break
    before = _balanced(doc, spans.trim(doc, b0, cue.start if right_src else left))
    if cue.cls == "phrase" and lows[cue.start] in ("according", "in", "as") and src is not None:
        # "According to X, ..." / "..., according to X."
        span = spans.trim(doc, src[1], s1) if cue.start <= s0 + 1 else spans.trim(doc, s0, cue.start)
        return span, False
    end = _clause_end(doc, after, min(s1, after + CLAUSE_MAX), cue.cls == "phrase" and lows[cue.head].endswith("ly"))
    r0 = after
    while r0 < end and lows[r0] in (",", ":", "that"):
        r0 += 1
    if r0 == after and r0 < end and lows[r0] in _ADJUNCT:
        # "said in a statement that ...", "said on Wednesday." (nothing said after it)
        j = r0
        while j < end and j - r0 < 10 and lows[j] not in ("that", ":", ","):
            j += 1
        if j < end and lows[j] in ("that", ":"):
            r0 = j + 1
        elif before is not None and end - r0 <= _ADJUNCT_MAX and "to" not in lows[r0:end]:
            return before, True
    if in_subject:
        end = _subject_end(lows, r0, end)
    span = _balanced(doc, spans.trim(doc, r0, end))
    if (span is None or (span[1] - span[0] < 3 and right_src)) and before is not None:
        return before, True
    return span, False


def _balanced(doc: Document, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A clause with a quotation mark trimmed off its edge gets it back when the other mark of the
    pair is inside ('consists of "fakes and cliches"', not '... "fakes and cliches')."""
    if span is None:
        return None
    a, b = span
    lows = doc.lowers
    after = b < len(lows) and lows[b] in _DOUBLE
    if not (after or (a > 0 and lows[a - 1] in _DOUBLE)) or b - a > _BALANCE_MAX:
        return span  # no mark at its edge (or too long a stretch to count in: linear on bad input)
    marks = sum(1 for t in range(a, b) if lows[t] in _DOUBLE)
    if marks % 2 and after:
        b += 1
    elif marks % 2 and a > 0 and lows[a - 1] in _DOUBLE:
        a -= 1
    return (a, b)


_DOUBLE = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb"})
_BALANCE_MAX = 2 * CLAUSE_MAX


def _clause_end(doc: Document, start: int, s1: int, adverb: bool = False) -> int:
    """Where a clause that starts at ``start`` ends: a parenthesis opening (or, for a cue inside
    one, closing), a semicolon, ", since/because ...", and after "reportedly" the next comma
    (C-level searches of the token list: no Python loop over the clause)."""
    lows = doc.lowers
    if start >= s1:
        return s1
    lo = max(doc.sentences[doc.tok_sent[start - 1]].tok_start if start else 0, start - 40)
    before = lows[lo:start]
    inside = "(" in before and (")" not in before or len(before) - before[::-1].index("(") > len(before) - before[::-1].index(")"))
    end = s1
    for mark in ("(", ";", ")", ","):
        if mark == ")" and not inside:
            continue
        if mark == "," and not adverb:
            continue
        t = _find(lows, mark, start + (mark != ")"), end)
        if t is not None:
            end = t
    t = start + 1
    while True:  # ", since ...", ", because ..."
        t = _find(lows, ",", t, end)
        if t is None:
            break
        if t + 1 < end and lows[t + 1] in _REASONS:
            return t
        t += 1
    return end


def _find(lows: list[str], w: str, a: int, b: int) -> int | None:
    try:
        return lows.index(w, a, b)
    except ValueError:
        return None


def _subject_end(lows: list[str], r0: int, end: int) -> int:
    """A cue inside its sentence's subject ("Claims that Russia is using X are not new"): its
    content ends before the sentence's own verb, the last "is/are/was/were"."""
    for t in range(end - 1, r0 + 1, -1):
        if lows[t] in _COPULAS:
            return t
    return end


class QuoteWords:
    """Top-level quotations and their words, for counting each once."""

    def __init__(self, doc: Document) -> None:
        self.quotes = [q for q in doc.quotes if q.depth == 0]
        self.words = [len(doc.text[q.content_start : q.content_end].split()) for q in self.quotes]

    def assign(self, contents: list[tuple[int, int] | None]) -> list[int | None]:
        """For each quotation, the index of the innermost content holding it (its opening mark
        within two characters of the content's start, or inside it), or None: a sweep with a heap
        of the contents open at the quotation, shortest first -- O((n + m) log n)."""
        order = sorted((c[0], k) for k, c in enumerate(contents) if c is not None)
        heap: list[tuple[int, int, int]] = []  # (length, end, index)
        out: list[int | None] = []
        i = 0
        for q in self.quotes:
            while i < len(order) and order[i][0] <= q.start + 2:
                k = order[i][1]
                a, b = contents[k]
                heapq.heappush(heap, (b - a, b, k))
                i += 1
            while heap and heap[0][1] <= q.start:
                heapq.heappop(heap)  # ended before this quotation: before every later one too
            out.append(heap[0][2] if heap else None)
        return out


def continues(doc: Document, q, cue_pos: int) -> bool:
    """Does the quotation ``q`` continue the speaker cited at character ``cue_pos``: in the same
    paragraph, or opening the next paragraph?  (A text with no blank lines: its lines are its paragraphs.)"""
    text = doc.text
    if len(doc.paragraphs) > 1:
        paras = doc.paragraphs
        i = bisect_right(paras, q.start, key=lambda p: p[0]) - 1
        j = bisect_right(paras, cue_pos, key=lambda p: p[0]) - 1
        if i == j:
            return True
        return i == j + 1 and i >= 0 and _opens(doc, q, paras[i][0], paras[i][1])
    between = text[cue_pos : q.start]
    breaks = between.count("\n")
    if breaks == 0:
        return True
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.start)
    return breaks == 1 and _opens(doc, q, line_start, len(text) if line_end < 0 else line_end)


def _opens(doc: Document, q, start: int, end: int) -> bool:
    """Does the quotation open the paragraph ``[start, end)``, or make most of a one-sentence
    paragraph ('There is also "evidence suggesting ..."')?"""
    text = doc.text
    if text[start : q.start].strip(_OPENING_MARKS) == "":
        return True
    if doc.sentence_index(start) != doc.sentence_index(max(start, end - 1)):
        return False
    return 2 * len(text[q.content_start : q.content_end].split()) > len(text[start:end].split())
