"""Find quoted spans: straight and curly double quotes, guillemets, doubled
apostrophes and backticks (``''quoted''``, the New York Times archive's
convention, and PTB-style ````quoted''``), and single quotes told apart
from apostrophes.

One left-to-right pass over the quote marks (linear in the text; an odd or
huge number of marks cannot make it slow or crash):

* each double mark is classed as opening, closing or ambiguous from its
  neighbours (space before and a letter after opens; a letter or
  punctuation before and space after closes);
* a paragraph break (one or more blank lines) inside an open quotation
  continues it when the next paragraph re-opens it at its start (the
  newspaper convention for quotations running over several paragraphs) or
  closes it; otherwise the quotation is closed at the paragraph end as
  ``closed=False`` -- so a quotation that never closes, or whose closing
  mark comes paragraphs later, never takes more than its own paragraph
  (and the look-ahead stops at the next paragraph: linear in the text);
* single quotes (``'``, ``‘ ’``) open only after white space or an opening
  bracket/double quote and before a letter, and close only when an opener is
  pending in the same paragraph within 400 characters -- so apostrophes in
  "Russia's" or "the Russians' claims" are not taken for quotation marks.

Weak spots: a plural possessive right after a single-quoted phrase opener
("'the Joneses' house") can close the single quote early; quotes in
languages with other conventions („...“ German low-high) are only partly
handled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two apostrophes (or two backticks) are one double mark: the New York
# Times' archive and PTB-style text write ''quoted'' and ``quoted''.
# A run of blank lines is one paragraph-break mark.
_MARK_RE = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019]|\n(?:[ \t\r\f\v]*\n)+")
_DOUBLE_OPEN = {"\u201c", "\u201e", "\u00ab"}
_DOUBLE_CLOSE = {"\u201d", "\u00bb"}
_SINGLE_WINDOW = 400


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks; ``content_*`` not."""

    start: int
    end: int
    content_start: int
    content_end: int
    kind: str  # "double" | "single"
    closed: bool
    depth: int  # 0 = top level, 1 = inside another quotation


def _space_or_open(c: str) -> bool:
    return c.isspace() or c in "([{\u2014\u2013-/*_>\u201c\"\u00ab'`"


def _classify_double(text: str, i: int, length: int = 1) -> int:
    """+1 opening, -1 closing, 0 ambiguous (the mark is ``text[i:i+length]``)."""
    c = text[i]
    if c in _DOUBLE_OPEN or c == "`":
        return 1
    if c in _DOUBLE_CLOSE:
        return -1
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    b_open = _space_or_open(before)
    a_space = after.isspace() or after in ".,;:!?)]}*_\u2014\u2013-"
    if b_open and not a_space:
        return 1
    if a_space and not b_open:
        return -1
    return 0


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text)]
    n = len(marks)
    open_at = -1  # start of the open double quotation, -1 if none
    open_len = 1  # length of its opening mark
    single_open = -1  # pending single-quote opener
    single_depth = 0
    k = 0
    while k < n:
        pos, mark = marks[k]
        if mark[0] == "\n":
            single_open = -1
            if open_at >= 0:
                # the first double mark of the next paragraph decides whether the
                # quotation runs on (none there: it ends with this paragraph)
                nxt = k + 1
                while nxt < n and marks[nxt][1] in "'\u2018\u2019":
                    nxt += 1
                runs_on = False
                if nxt < n and marks[nxt][1][0] != "\n":
                    cls = _classify_double(text, marks[nxt][0], len(marks[nxt][1]))
                    para_start = pos + len(mark)
                    if cls < 0:
                        runs_on = True
                    elif cls > 0 and text[para_start : marks[nxt][0]].strip(" *_>") == "":
                        runs_on = True  # re-opened at the start of the next paragraph
                        k = nxt  # skip the re-opening mark
                if not runs_on:
                    end = pos
                    quotes.append(Quote(open_at, end, open_at + open_len, end, "double", False, 0))
                    open_at = -1
            k += 1
            continue
        if mark in "'\u2018\u2019":
            before = text[pos - 1] if pos > 0 else " "
            after = text[pos + 1] if pos + 1 < len(text) else " "
            if single_open < 0 or pos - single_open > _SINGLE_WINDOW:
                single_open = -1
                if mark != "\u2019" and _space_or_open(before) and (after.isalnum() or after in "*_"):
                    single_open = pos
                    single_depth = 1 if open_at >= 0 else 0
            elif (
                mark != "\u2018"
                and not before.isspace()
                and (after.isspace() or not after.isalnum())
            ):
                quotes.append(
                    Quote(single_open, pos + 1, single_open + 1, pos, "single", True, single_depth)
                )
                single_open = -1
            k += 1
            continue
        cls = _classify_double(text, pos, len(mark))
        if open_at < 0:
            if cls >= 0:
                open_at = pos
                open_len = len(mark)
                single_open = -1
            # a closing mark with nothing open is a stray mark: ignored
        else:
            if cls <= 0:
                quotes.append(Quote(open_at, pos + len(mark), open_at + open_len, pos, "double", True, 0))
                open_at = -1
                single_open = -1
            # an opening mark inside an open quotation: nested or stray, ignored
        k += 1
    if open_at >= 0:
        end = len(text.rstrip())
        end = max(end, open_at + open_len)
        quotes.append(Quote(open_at, end, open_at + open_len, end, "double", False, 0))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes
