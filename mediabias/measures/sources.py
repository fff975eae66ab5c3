"""Source citation: who is cited, how, and how much of the story rests on it.

An *attribution* (citation) is a cue with its source and, where the text
gives it, its content:

* **cues** (``sources_cues``) -- reporting verbs in any form and order
  (said, told reporters, was quoted as saying), verbs of stance and belief
  (criticized, believes, wants, polls show), "according to", "X: ..."
  before a quotation, nominal cues ("his claim that"); never inside a
  quotation;
* **source** (``sources_speaker``, ``sources_spans``, ``sources_subject``)
  -- the subject before the cue (the noun a prepositional phrase or a
  relative clause hangs from: "research into these strikes", "engineers who
  reviewed the documents"), the name after it, the object of "according
  to", the agent of a passive; "it", "they", "he", "which" and "the
  ministry" are resolved to what they refer to (``sources_resolve``);
* **who it is** (``sources_types``) -- a person, organisation, country,
  group, document or medium; a source that is no one who can speak (an object
  of perception, an event, a verb-phrase fragment, a pronoun with nothing to
  refer to) makes no citation; ``anonymous`` only for unnamed people or
  institutions ("officials", "a source close to", "rights groups"), with the
  phrase that makes them so, or a cue that names no one ("reportedly", "it
  is widely believed", "claims that");
* **content** (``sources_content``, here) -- the quotation news writing gives to
  the speaker ('"...," X said', 'X said: "..."'), else the clause the cue
  governs; each quotation goes to one speaker and its words are counted
  once; a quotation with no cue continues the previous speaker when it
  follows in the same paragraph or opens the next (``kind: "quote"``).

Everything is linear in the text: one pass over the tokens for the cues, a
bounded walk per cue, a heap sweep for the quotations.  The records
(``Citation``, ``SourcesResult``) are in ``sources_record``.
"""

from __future__ import annotations

from mediabias.measures import sources_content as contents
from mediabias.measures import sources_spans as spans
from mediabias.measures import sources_types as types
from mediabias.measures.parties import PartyIndex
from mediabias.measures.sources_cues import QUOTE_MARKS, Cue, Headlines, find_cues
from mediabias.measures.sources_record import Citation, SourcesResult
from mediabias.measures.sources_resolve import Recent
from mediabias.measures.sources_speaker import PARTICIPLE_LINKS, Found, addressee, continues, no_statement, source, speaker
from mediabias.text.document import Document

__all__ = ["NAME", "Citation", "SourcesResult", "score"]

NAME = "sources"
MIN_QUOTE_WORDS = 5
CARRY_SENTENCES = 4  # an uncued quotation is carried this many sentences at most
_WEAK = frozenset({"attitude", "adjective"})
_CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas", "although", "though", "--", "\u2014"})


def score(doc: Document, parties: PartyIndex | None = None) -> SourcesResult:
    anon_heads = types.lists()["human"]
    lows = doc.lowers
    sentences = doc.sentences
    # pass 1: each cue's speaker
    recent = Recent(doc, parties)
    found: list[Found] = []
    headlines = Headlines(doc)
    cues = find_cues(doc, parties, anon_heads, headlines)
    for n_cue, cue in enumerate(cues):
        si = doc.tok_sent[cue.start]
        s0, s1 = sentences[si].tok_start, sentences[si].tok_end
        joined = continues(doc, cue, s0)
        if joined and found and found[-1].si == si and found[-1].src is not None:
            # "X said ..., adding that" / "X said ... and called for": the same speaker
            prev = found[-1]
            found.append(prev._replace(cue=cue, left=cue.start, addressee=addressee(doc, cue, s1)))
            continue
        if no_statement(doc, cue, s0, s1):
            continue
        f = speaker(doc, parties, recent, cue, source(doc, cue, s0, s1, joined), si, s0, s1, headlines.lazy(si), joined)
        if f is None:
            continue
        if f.src is None and cue.cls == "noun" and n_cue + 1 < len(cues) and cues[n_cue + 1].start - cue.end <= 4:
            continue  # "the alleged warnings that Rivers Watch says were ignored": a relative clause, not a claim
        found.append(f)
        if f.src is not None:
            word = lows[f.src[0]] if f.src[1] - f.src[0] == 1 else None
            recent.add(f.src[0], si, f.ante or f.src, f.speaker,
                       pronoun=word in types.PERSON_PRONOUNS or word in types.REFERRING_PRONOUNS)
    # pass 2: contents, each kept to its own stretch of the sentence
    claimed: set[int] = set()
    rows = []  # (found, content char span, direct, before-part)
    for n, f in enumerate(found):
        cue, src = f.cue, f.src
        s0, s1 = sentences[f.si].tok_start, sentences[f.si].tok_end
        right_src = src is not None and src[0] >= cue.end
        if n + 1 < len(found) and found[n + 1].si == f.si:
            s1 = min(s1, _next_clause(doc, cue, found[n + 1], s1))
        after = min(src[1] if right_src else f.addressee[1] if f.addressee else cue.end, s1)
        floor = None
        if n > 0 and found[n - 1].si == f.si and found[n - 1].cue.cls not in _WEAK and not _nested(doc, found[n - 1]):
            # what a speaker at the end of the sentence said starts after the sentence's previous
            # cue, unless that cue sits inside what they said ("A report that said ..., X said")
            p = found[n - 1]
            floor = p.src[1] if p.src is not None and p.src[0] >= p.cue.end else p.cue.end
        content, direct, before = _content(doc, f, after, s0, s1, claimed, floor)
        rows.append((f, content, direct, before))
    # a stance cue inside what a later speaker says ("X ignored the warnings, the group said") is theirs;
    # "reportedly" beside a named source ("X is reportedly working on it, according to Bloomberg") is theirs too
    rows = [r for k, r in enumerate(rows) if not _reported(doc, rows, k) and not _named_beside(rows, k)]
    quotes = contents.QuoteWords(doc)
    # a quotation inside a block ("Sputnik reports:" + a paragraph) may still continue its own speaker
    owner = quotes.assign([None if before == "block" else content for _, content, _, before in rows])
    citations = [_citation(doc, parties, f, content, direct) for f, content, direct, _ in rows]
    carried = _carried(doc, citations, quotes, owner)
    if carried:
        citations = sorted(citations + carried, key=lambda c: (c.cue or c.content)[0])
    if carried or any(before == "block" for _, _, _, before in rows):
        owner = quotes.assign([c.content for c in citations])
    words = [0] * len(citations)
    for k, w in zip(owner, quotes.words):
        if k is not None:
            words[k] += w
    if any(words):
        citations = [c._replace(quoted_words=w) if w else c for c, w in zip(citations, words)]
    long_quotes = [w for w in quotes.words if w >= MIN_QUOTE_WORDS]
    attributed = len({f.si for f, _, _, _ in rows})
    return SourcesResult(doc.text, tuple(citations), doc.n_words, len(sentences), len(long_quotes), sum(long_quotes), attributed)


def _next_clause(doc: Document, cue: Cue, nxt: Found, s1: int) -> int:
    """Where this cue's stretch ends when the sentence's next cue brings its own clause:
    "X said A, and Y said B"; "..., which Y said ..."."""
    lows = doc.lowers
    nsrc = nxt.src
    edge = nsrc[0] if nsrc is not None and cue.end < nsrc[0] < nxt.cue.start else nxt.cue.start
    if edge <= cue.end:
        return s1
    if lows[edge - 1] in _CLAUSE_BREAKS or lows[edge - 1] in QUOTE_MARKS:
        return edge - 1
    if (lows[edge - 1] in spans.RELATIVES or lows[edge - 1] in PARTICIPLE_LINKS) and edge - 2 > cue.end and lows[edge - 2] == ",":
        return edge - 2  # "..., which Y said", "..., by denying"
    return s1


def _nested(doc: Document, f: Found) -> bool:
    """Is the cue inside a clause another cue reports: a relative clause ("a report that said"), a
    nominal cue ("Russia's claims that"), "according to"?"""
    return f.cue.cls in ("noun", "phrase") or (f.src is not None and doc.lowers[f.src[0]] in spans.RELATIVES)


def _content(doc: Document, f: Found, after: int, s0: int, s1: int, claimed: set[int], floor: int | None = None):
    """(content character span, direct, is the clause before the speaker) of one cue."""
    starts, ends, lows = doc.tok_starts, doc.tok_ends, doc.lowers
    cue, src = f.cue, f.src
    q = contents.quote_before(doc, starts[f.left], claimed) or (
        contents.quote_after(doc, ends[after - 1], claimed) if after > cue.start else None
    )
    if q is not None:
        claimed.add(q.start)
        return (q.content_start, q.content_end), True, False
    colon = after if after < s1 and lows[after] == ":" else after - 1 if lows[after - 1] == ":" else -1
    if colon >= 0 and spans.trim(doc, colon + 1, s1) is None:
        # "Sputnik reports:" closing a paragraph: the next paragraph is the content
        block = contents.next_paragraph(doc, ends[colon])
        if block is not None:
            return block, False, "block"
    if cue.cls == "phrase" and lows[cue.start] == "according" and src is not None and s0 + 1 < cue.start and (
        src[1] < s1 and lows[src[1]] == ","
    ):
        # "The warnings were, according to the ministry, routine notes": the sentence around it
        span = spans.trim(doc, s0, s1)
        return (None if span is None else (starts[span[0]], ends[span[1] - 1])), False, False
    obj = _relative_object(doc, f, after, s0, s1)
    if obj is not None:
        # "An independent inquiry, which the United Nations has requested, ...": what was requested
        return (starts[obj[0]], ends[obj[1] - 1]), False, False
    in_subject = (
        (f.ante is not None and src is not None and lows[src[0]] in spans.RELATIVES and f.ante[0] <= s0 + 1)
        or (cue.cls == "noun" and (cue.start <= s0 + 1 or (src is not None and src[1] <= cue.start and _opens(doc, src[0], s0))))
        or (src is not None and src[0] - 1 > s0 and lows[src[0] - 1] in ("that", "which", "who") and _starts_sentence(doc, src[0] - 1, s0))
    )
    if src is None and spans.is_passive(doc, cue, s0) and cue.start - 1 >= s0 and (
        after >= s1 or lows[after] in (",", ".", ";", ")") or lows[after] in contents.ADJUNCT
    ):
        # "the deal was announced (on Tuesday)": what was announced is the subject
        subj = spans.left_np(doc, cue.start - 1, s0)
        if subj is not None and lows[subj[0]] != "it":
            return (starts[subj[0]], ends[subj[1] - 1]), False, False
    span, before = contents.clause(doc, cue, src, f.left, after, s0, s1, in_subject, floor)
    if span is None:
        return None, False, False
    return (starts[span[0]], ends[span[1] - 1]), False, before


def _relative_object(doc: Document, f: Found, after: int, s0: int, s1: int) -> tuple[int, int] | None:
    """For "[NP], which X requested," / "[NP] that X says were ignored": the NP, when nothing said
    follows the cue (what X said is the NP the relative pronoun stands for)."""
    src, lows = f.src, doc.lowers
    if src is None or src[0] >= f.cue.start or src[0] - 1 <= s0 or lows[src[0] - 1] not in ("which", "that"):
        return None
    if after < s1 and lows[after] not in (",", ".", ";", ")") and lows[after] not in QUOTE_MARKS:
        return None
    return spans.relative_antecedent(doc, src[0] - 1, s0)


def _opens(doc: Document, k: int, s0: int) -> bool:
    """Does token ``k`` open its sentence (after a connective: "For example, Trump's assertion that")?"""
    if k <= s0 + 1:
        return True
    return k - 1 > s0 and doc.lowers[k - 1] == "," and k - s0 <= 4


def _starts_sentence(doc: Document, rel: int, s0: int) -> bool:
    """Does the relative clause at token ``rel`` hang from the sentence's subject ("The alleged
    warnings that X says were ignored were ...")?"""
    ante = spans.relative_antecedent(doc, rel, s0)
    return ante is not None and ante[0] <= s0 + 1


def _named_beside(rows, k: int) -> bool:
    """Is row ``k`` a "reportedly" whose sentence names the source in another citation?"""
    f = rows[k][0]
    if f.src is not None or f.cue.cls != "phrase":
        return False
    return any(g.si == f.si and g is not f and g.src is not None and not g.speaker.anonymous for g, _, _, _ in rows[max(0, k - 3) : k + 4])


def _reported(doc: Document, rows, k: int) -> bool:
    """Is the stance cue of row ``k`` inside what another speaker of its sentence says: the clause
    a later speaker is given ("X ignored the warnings, the group said"), or what an earlier stance
    cue reports ("the report appears to show that the company knew about ...")?"""
    f = rows[k][0]
    if f.cue.cls not in _WEAK:
        return False
    at = doc.tok_starts[f.cue.start]
    lows = doc.lowers
    said = f.cue.end < len(lows) and (lows[f.cue.end] in ("that", ":", "to") or lows[f.cue.end] in QUOTE_MARKS)
    for g, content, _, before in rows[k + 1 : k + 4]:
        if g.si != f.si:
            break
        later = before is True or (g.cue.cls == "phrase" and content is not None and content[1] <= doc.tok_starts[g.cue.start])
        if later and not said and g.cue.cls not in _WEAK and content is not None and content[0] <= at < content[1]:
            return True  # (a stance with its own complement is a nested attribution: "a resolution which demanded
            # that ...", "Officials declined to comment, a spokesman said")
    for g, content, _, before in reversed(rows[max(0, k - 3) : k]):
        if g.si != f.si:
            break
        if g.cue.cls in _WEAK and before is False and content is not None and content[0] <= at < content[1] and g.src != f.src:
            return True
    return False


def _citation(doc: Document, parties, f: Found, content, direct: bool) -> Citation:
    starts, ends = doc.tok_starts, doc.tok_ends
    chars = lambda sp: None if sp is None else (starts[sp[0]], ends[sp[1] - 1])  # noqa: E731
    sp = f.speaker
    via = types.via(parties, f.addressee) if f.addressee is not None else None
    extent = f.extent
    if f.src is not None:
        ext = spans.extent(doc, f.src, f.cue, doc.sentences[f.si].tok_start, doc.sentences[f.si].tok_end)
        lo = min(ext[0], f.left if f.left < f.src[0] < f.cue.start else ext[0], extent[0] if extent else ext[0])
        hi = max(ext[1], extent[1] if extent else ext[1])
        extent = None if (lo, hi) == f.src else (lo, hi)
    return Citation(
        "direct" if direct else "indirect", chars((f.cue.start, f.cue.end)), chars(f.src), sp.type, content, 0,
        sp.anonymous, sp.party, f.cue.cls, chars(f.ante), chars(via), via and types.party_in(parties, via),
        chars(extent), chars(f.phrase),
    )


def _carried(doc: Document, citations: list[Citation], quotes: contents.QuoteWords, owner) -> list[Citation]:
    """Quotations no citation holds, given to the previous speaker when they continue them."""
    carried = []
    k = -1  # index of the last citation whose cue starts before the quotation
    for q, words, held in zip(quotes.quotes, quotes.words, owner):
        if held is not None or words < MIN_QUOTE_WORDS:
            continue
        while k + 1 < len(citations) and (citations[k + 1].cue or citations[k + 1].content)[0] < q.start:
            k += 1
        prev = citations[k] if k >= 0 else None
        if prev is None or prev.source is None or prev.cue is None:
            continue
        if doc.sentence_index(q.start) - doc.sentence_index(prev.cue[0]) > CARRY_SENTENCES:
            continue
        if not contents.continues(doc, q, prev.cue[0]):
            continue
        carried.append(
            Citation("quote", None, prev.source, prev.source_type, (q.content_start, q.content_end), 0,
                     prev.anonymous, prev.party, None, prev.refers_to, anonymous_phrase=prev.anonymous_phrase)
        )
    return carried
