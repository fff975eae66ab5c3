"""Saved web pages as input: the article's text and metadata from HTML.

A page is read with trafilatura, a main-text extractor made for news pages:
navigation, cookie banners, related links, comments, share buttons and
author boxes are left out, and the page's title, author, date and site name
become the record's ``title``, ``author``, ``date`` and ``outlet``.  The
extracted paragraphs are joined with blank lines; every offset in the record
points into that extracted text (``--save-text DIR`` writes it out).

trafilatura (and lxml) are imported only when a page is read, so start-up is
unchanged; extraction needs no network (it never fetches anything).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# Fewer words than this is not an article: an index page, a cookie wall or an
# error page, of which the extractor keeps a menu or a notice.
MIN_ARTICLE_WORDS = 20
# A document that opens (after a BOM, white space and comments) with a doctype
# or an <html> tag is a page, whatever its file name.
_HTML_START = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


class NoArticleText(Exception):
    """The page holds no article text the extractor could find."""


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    meta: dict[str, Any]  # title, author, date, outlet, url: only those found
    extractor: str  # "trafilatura 2.3.1"


def looks_like_html(text: str) -> bool:
    return "<" in text[:2048] and _HTML_START.match(text[:4096]) is not None


def _quiet() -> None:
    """trafilatura logs pages it finds nothing in; we report those ourselves."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _without_repeats(paragraphs: list[str], longest: int = 40) -> list[str]:
    """Leave out a short paragraph whose words all appear, in order, inside a
    longer one: a pull quote or a teaser repeating the article's own words,
    which would otherwise be counted twice."""
    words = [" " + " ".join(re.findall(r"\w+", p.lower())) + " " for p in paragraphs]
    keep = []
    for i, p in enumerate(paragraphs):
        short = len(words[i].split()) <= longest
        if short and words[i].strip() and any(j != i and len(w) > len(words[i]) and words[i] in w
                                              for j, w in enumerate(words)):
            continue
        keep.append(p)
    return keep


def extract(html: str, *, url: str | None = None) -> Page:
    """The article in ``html``; raises :class:`NoArticleText` when there is none."""
    import trafilatura

    _quiet()
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False, include_links=False,
        )
    except (ValueError, TypeError, AttributeError) as e:  # a tree lxml cannot build
        raise NoArticleText(f"the page could not be parsed ({type(e).__name__}: {e})") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = _without_repeats([" ".join(line.split()) for line in text.splitlines() if line.strip()])
    text = "\n\n".join(paragraphs)
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        found = f"only {words} word{'s' if words != 1 else ''} outside the page's menus and notices" if words else "nothing"
        raise NoArticleText(f"no article text in the page (HTML): the extractor found {found}")
    meta = {
        "title": doc.title,
        "author": doc.author,
        "date": doc.date,
        "outlet": doc.sitename or doc.hostname,
        "url": doc.url,
    }
    return Page(text, {k: v for k, v in meta.items() if v}, f"trafilatura {trafilatura.__version__}")
