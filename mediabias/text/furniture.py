"""Page furniture in plain text: the lines a web page puts around an article
that are not the article -- left out of every measure.

Scraped or copied news text carries datelines, bylines, photo captions,
"Read more" and "Related" lines, share and subscription prompts, embedded
posts and the headlines of other stories.  Analysed as news they become
citations ("Syria: December 23, 2015" as a speaker's colon), hedges and
party mentions.  :func:`find` recognises them line by line; the pipeline
blanks their characters to spaces (line breaks kept) before it builds the
Document, so no measure sees them and every offset still points into the
original text, and the record lists them as ``skipped``.

Kinds, and what each rule looks for (a line is the text between two line
breaks; rules read the line with markdown marks and links stripped):

* ``dateline`` -- a line that is only a date or a time ("24/12/2015",
  "December 23, 2015", "Updated: 10:34 AM", "6 years ago", "Syria: December
  23, 2015", "Estova Today, 14 March"), or a wire dateline opening a
  paragraph ("KESTREL, March 13 (CPA) - ", "REUTERS - ": a place or agency in
  capitals, or an agency in brackets, then a dash);
* ``byline`` -- "By X" lines, a closing signature ("-- James Miller"), and in
  the header (the lines before the first line of 20 words or more)
  the outlet or section lines after the headline ("The Civic Ledger",
  "Policy Lens | Analysis", "Press by" / "The Interpreter");
* ``caption`` -- a photo caption or credit ("A frame grab ... shows",
  "Screen Shot 2015-12-23 at 11.38.59 AM", "Photo credit: ...", "...
  (Reuters)", ".../Getty Images");
* ``read-more`` -- "Read more", "Related", "More from X", "See also", tag
  and trend lines, a line that is mostly links;
* ``prompt`` -- share and subscription prompts ("Send in e-mail", "Request
  Invitation", "Click the alert icon to follow topics:", a line telling
  "you" to click), from ``furniture_prompts.txt`` and a few shapes;
* ``embed`` -- a short line ending in a web address (an embedded post);
* ``sidebar`` -- the other stories' headlines and teasers: after a "More
  from X" / "Related" header, everything to the end when it is all short
  paragraphs and at least two in five are title-case headlines; in the header, a title-case headline after the article's own
  headline and a date line;
* ``repeat`` -- a line that repeats the line before it (an image's alt text
  and its caption) or an earlier line of 15 words or more, word for word
  (pages that print a paragraph twice); the first copy is kept.

Conservative by design: a false positive removes real news from every
measure, so every rule wants a short line (or a rigid shape) and the
article's own headline is kept.  Linear in the text: one pass over the
lines, each rule a bounded regular expression or a set lookup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mediabias.lexicons import load_list

KINDS = ("dateline", "byline", "caption", "read-more", "prompt", "embed", "sidebar", "repeat")
BODY_WORDS = 20  # a line this long is the article's body: the header ends there
REPEAT_WORDS = 15  # a line this long that repeats an earlier one is skipped (the line just before: any length)
SHORT = 300  # characters: longer lines are only looked at by the wire-dateline rule


class Skipped(NamedTuple):
    start: int
    end: int
    kind: str


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?"
_DATE = (
    rf"(?:{_WEEKDAY},?\s*)?"
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}})"
    rf"(?:,?\s*(?:at\s+)?{_TIME})?"
)
_AGO = r"\d{1,3}\s+(?:second|minute|min|hour|hr|day|week|month|year)s?(?:\s+ago)?"
_STAMP = r"(?:(?:first\s+)?published|updated|last\s+updated|posted|modified)(?:\s+on)?\s*:?\s*"
# a date line, optionally after a stamp word or a short label ("Syria: December 23, 2015")
_DATE_LINE = re.compile(rf"(?:{_STAMP})?(?:[a-z][\w ]{{0,30}}:\s*)?(?:{_DATE}|{_AGO}|{_TIME})\s*", re.I)
# an outlet and a date: "Estova Today, 14 March"
_OUTLET_DATE = re.compile(rf"[A-Z][\w.&' ]{{1,40}},\s*{_DATE}\s*", re.I)
_STAMP_LINE = re.compile(rf"{_STAMP}\S", re.I)
# "KESTREL, March 13 (CPA) - ", "WASHINGTON (Reuters) - ", "REUTERS - "
_CAP_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WIRE = re.compile(
    rf"(?:(?P<place>[A-Z][A-Z.'-]{{2,}}(?:[ /][A-Z][A-Z.'-]+){{0,3}})(?:,\s*[A-Z][A-Za-z.]+)?,?\s*(?:{_CAP_MONTH}\s+\d{{1,2}},?\s*(?:\d{{4}})?\s*)?)?"
    r"(?:\((?P<agency>[A-Z][\w.&' -]{1,30})\)\s*)?(?:-{1,2}|\u2013|\u2014)\s+(?=[A-Z\"\u201c'\u2018])"
)
_BYLINE = re.compile(r"[Bb][Yy]:?\s+[A-Z][\w.'\u2019-]*(?:(?:\s+|,\s*)(?:[A-Z][\w.'\u2019-]*|and|&|of|the|staff|in|for))*\s*")
_SIGNATURE = re.compile(r"(?:--|\u2014|\u2013)\s*[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}\s*")
_ENDS_BY = re.compile(r"(?:\w+\s+)?by:?\s*", re.I)
_CAPTION_START = re.compile(
    r"(?:an?\s+|the\s+)?(?:frame\s*grab|still\s+(?:image|from)|screen\s*shot|screengrab|screen\s*grab|file\s+photo|"
    r"photo(?:graph)?\s*:|image\s*:|picture\s*:|caption\s*:)",
    re.I,
)
# "Photo: X", "Credit: Reuters", "Source: Bloomberg" (capitalised keyword) anywhere in a short line
_CREDIT = re.compile(r"(?:Photo\s*credit|PHOTO|Photo|Photograph(?:er)?|Image|Picture|Source|Credit|CREDIT)s?:\s*\S")
# a credit closing the line: ".../Getty Images", "... | AFP | Getty Images", "(Reuters)", "(AP Photo/Name)"
_CREDIT_END = re.compile(
    r"(?:[/|]\s*(?:Getty\s+Images|AFP|AP|Reuters|REUTERS|EPA|TASS|Bloomberg)\b[^()\n]{0,40}|Getty\s+Images(?:\s+[A-Z]\w+){0,2}|"
    r"\((?:AP|AFP|Reuters|REUTERS|Getty\s+Images|EPA|File)(?:\s+[Pp]hoto[^)]{0,60})?\)|\([^()]{1,60}/(?:Getty\s+Images|AFP|AP|Reuters|EPA)[^()]{0,30}\))\s*$"
)
_READ_MORE = re.compile(
    r"(?P<m>read\s+more|also\s+read|read\s+also|see\s+also|more\s+from|more\s+on|more\s+stories|most\s+popular|most\s+read|"
    r"you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|related(?:\s+(?:articles?|stories|coverage|content|topics|links|news))?|"
    r"trends|trending|tags|topics|more)\b(?P<colon>\s*:)?",
    re.I,
)
_TAIL_HEADER = re.compile(
    r"(?:more\s+from|related(?:\s+(?:articles?|stories|coverage|content))?|recommended|most\s+popular|most\s+read|"
    r"you\s+(?:may|might)\s+also\s+like|more\s+stories|read\s+more)\b",
    re.I,
)
_SHARE_WORDS = frozenset(
    "share shares tweet email e-mail mail print send in on via this article story page link copy facebook twitter x "
    "whatsapp linkedin reddit pinterest telegram messenger comment comments save subscribe follow us to a friend "
    "the".split()
)
_SHARE_TOKEN = re.compile(r"e-mail|[a-z]+", re.I)
_MD_LINK = re.compile(r"\[([^\]\n]{0,200})\]\([^)\n]{0,300}\)")
_URL_END = re.compile(r"(?:<?https?://\S+>?|www\.\S+)\s*$", re.I)
_MARKS = re.compile(r"^[\s#>*_\-\u2022|\[]+|[\s*_\]]+$")
_MARK_CHARS = frozenset(" \t\r\f\v#>*_-\u2022|[]\u00a0")
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
_CLOSE_QUOTES = "\"\u201d\u00bb'\u2019"
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]*_]*\s*$")


@lru_cache(maxsize=1)
def _prompts() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in load_list("furniture_prompts.txt")) + r")\b")


def _clean(line: str) -> str:
    """The line with markdown marks and links stripped ("[READ MORE: x](#)" -> "READ MORE: x")."""
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    first, last = line[:1], line[-1:]
    if first in _MARK_CHARS or last in _MARK_CHARS or first.isspace() or last.isspace():
        line = _MARKS.sub("", line)
    return line


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and sum(1 for w in long if w[0].isupper()) >= 0.7 * len(long)


def _is_prompt(clean: str, low: str, words: list[str]) -> bool:
    if len(words) <= 12 and len(clean) <= 120:
        tokens = _SHARE_TOKEN.findall(low)
        if tokens and all(t in _SHARE_WORDS for t in tokens) and any(t not in ("in", "on", "to", "a", "the", "this") for t in tokens):
            return True
    if len(words) <= 15 and _prompts().search(low):
        return True
    if len(words) <= 50 and ("click" in low or "tap " in low) and (" you" in f" {low}" or "your " in low):
        return True
    return len(words) <= 6 and low.startswith("watch") and "video" in low


def _line_kind(raw: str, clean: str, words: list[str]) -> str | None:
    """The kind of one line judged on its own, or None."""
    n = len(words)
    if n == 0:
        return None
    low = clean.lower()
    if len(clean) <= SHORT:
        if n <= 12 and (_DATE_LINE.fullmatch(clean) or _OUTLET_DATE.fullmatch(clean)):
            return "dateline"
        if n <= 8 and _STAMP_LINE.match(clean) and any(c.isdigit() for c in clean):
            return "dateline"
        if n <= 10 and (_BYLINE.fullmatch(clean) and clean[:2].lower() == "by"):
            return "byline"
        if n <= 5 and _SIGNATURE.fullmatch(raw.strip()) and not raw.rstrip().endswith("."):
            return "byline"
        if n <= 60 and _CAPTION_START.match(clean):
            return "caption"
        if (n <= 40 and _CREDIT.search(clean)) or (n <= 80 and _CREDIT_END.search(clean)):
            return "caption"
        m = _READ_MORE.match(clean)
        if m and (m.group("colon") or (n <= 8 and not _SENTENCE_END.search(clean)) or _MD_LINK.search(raw)):
            if m.group("m").lower() != "more" or m.group("colon"):
                return "read-more"
        if _is_prompt(clean, low, words):
            return "prompt"
        if n <= 30 and _URL_END.search(raw):
            return "embed"
        linked = sum(len(t) for t in _MD_LINK.findall(raw))
        if linked and linked >= 0.5 * len(clean) and n <= 30:
            return "read-more"
    return None


def find(text: str) -> list[Skipped]:
    """The page furniture of ``text``: spans (whole lines, or a wire dateline's
    prefix) with their kind, in text order, consecutive lines of a kind merged."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    kinds: list[str | None] = [None] * len(lines)
    cut: dict[int, int] = {}  # line index -> end of a wire dateline prefix
    seen: dict[str, int] = {}
    doubled: set[int] = set()  # lines printed twice in a row (a picture's alt text and caption)
    cleaned = []
    for k, (s, e) in enumerate(lines):
        raw = text[s:e]
        clean = _clean(raw) if len(raw) <= 4 * SHORT else raw.strip()
        words = _words(clean) if len(clean) <= 4 * SHORT else []
        cleaned.append((clean, words))
        kind = _line_kind(raw, clean, words) if words else None
        if kind == "byline" and raw.lstrip()[:1] in "-\u2014\u2013" and k and text[lines[k - 1][0] : lines[k - 1][1]].rstrip()[-1:] in _CLOSE_QUOTES:
            kind = None  # '"...?"' then '-- Sen. Graham': who said the quotation, not a byline
        if kind is None and len(words) >= 3:
            key = " ".join(words).lower()
            prev = seen.get(key)
            if prev is not None and (prev == k - 1 or len(words) >= REPEAT_WORDS):
                kind = "repeat"  # an image's alt text then its caption; a paragraph printed twice
                if prev == k - 1:
                    doubled.add(prev)
            seen.setdefault(key, k)
        if kind is None:
            m = _WIRE.match(raw.lstrip())
            if m and (m.group("agency") or (m.group("place") and m.group("place").isupper())) and len(words) >= 10:
                lead = len(raw) - len(raw.lstrip())
                cut[k] = s + lead + m.end()
        kinds[k] = kind
    _header(text, lines, cleaned, kinds)
    _tail(cleaned, kinds, doubled)
    out: list[Skipped] = []
    for k, (s, e) in enumerate(lines):
        if kinds[k] is not None:
            if out and out[-1].kind == kinds[k] and text[out[-1].end : s].strip() == "":
                out[-1] = Skipped(out[-1].start, e, kinds[k])
            else:
                out.append(Skipped(s, e, kinds[k]))
        elif k in cut:
            out.append(Skipped(s, cut[k], "dateline"))
    return out


def _header(text: str, lines, cleaned, kinds) -> None:
    """Bylines and other stories' headlines among the lines before the body."""
    headline = -1
    after_date = False
    prev_by = False
    for k, (clean, words) in enumerate(cleaned):
        n = len(words)
        if kinds[k] is not None:
            after_date = after_date or (headline >= 0 and kinds[k] == "dateline")
            prev_by = False
            continue
        if n >= BODY_WORDS:
            return
        if n == 0:
            continue
        if prev_by and n <= 5:
            kinds[k] = "byline"  # "Press by" / "The Interpreter"
            prev_by = False
            continue
        prev_by = False
        if n <= 3 and _ENDS_BY.fullmatch(clean):
            kinds[k] = "byline"
            prev_by = True
            continue
        if n <= 4 and clean.endswith(":") and k + 1 < len(cleaned) and kinds[k + 1] is not None:
            kinds[k] = "byline"  # a label over a date or a byline ("Published in Stream:")
            continue
        if headline < 0:
            headline = k
            continue
        if " | " in clean and n <= 8:
            kinds[k] = "byline"  # "Policy Lens | Analysis"
        elif n <= 5 and not _SENTENCE_END.search(clean) and _title_case(words) and words[0][0].isupper():
            kinds[k] = "byline"  # the outlet's or the section's name under the headline
        elif after_date and n >= 4 and _title_case(words) and not _SENTENCE_END.search(clean):
            kinds[k] = "sidebar"  # another story's headline after the article's own and its date


def _tail(cleaned, kinds, doubled) -> None:
    """After a "More from X" / "Related" header, the rest when it is all short paragraphs,
    two in five of them title-case headlines (one backward pass: suffix counts)."""
    n_rest = words_rest = headlines = longest = 0
    first = None  # the earliest header whose rest qualifies
    for k in range(len(cleaned) - 1, -1, -1):
        clean, words = cleaned[k]
        if 0 < len(words) <= 8 and _TAIL_HEADER.match(clean) and not _SENTENCE_END.search(clean):
            if n_rest and longest <= 40 and words_rest <= 400 and headlines >= 0.4 * n_rest:
                first = k
        if words and kinds[k] is None and k not in doubled:
            n_rest += 1
            words_rest += len(words)
            longest = max(longest, len(words))
            if longest > 40 or words_rest > 400:
                break  # no header before this line can qualify (the common case: a paragraph of the body)
            headlines += _title_case(words)
    if first is not None:
        kinds[first] = kinds[first] or "read-more"
        for j in range(first + 1, len(cleaned)):
            if cleaned[j][1]:
                kinds[j] = kinds[j] if kinds[j] in ("caption", "prompt") else "sidebar"


def blank(text: str, skipped: list[Skipped]) -> str:
    """``text`` with the characters of ``skipped`` spans turned to spaces (line breaks kept)."""
    if not skipped:
        return text
    parts = []
    pos = 0
    for s, e, _ in skipped:
        parts.append(text[pos:s])
        parts.append(re.sub(r"[^\n]", " ", text[s:e]))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)
