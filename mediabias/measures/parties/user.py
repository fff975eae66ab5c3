"""User-defined parties: exactly the configured aliases, typed like detected parties."""

from __future__ import annotations

from collections import Counter

from mediabias.measures.parties.lexicon import gazetteer, lists, places
from mediabias.measures.parties.records import Party, PartyIndex
from mediabias.measures.parties.records import make_mention as _mention
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher


def user_matchers(spec: dict[str, tuple[str, ...]]) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Case-sensitive and case-insensitive matchers for user aliases."""
    sensitive, insensitive = [], []
    for name, aliases in spec.items():
        for a in aliases:
            (insensitive if a == a.lower() else sensitive).append((a, (name, a)))
    return PhraseMatcher(sensitive, case_sensitive=True), PhraseMatcher(insensitive)


def detect_user(doc: Document, spec: dict[str, tuple[str, ...]], auto: PartyIndex) -> PartyIndex:
    index = PartyIndex(detected=auto)
    sens, insens = user_matchers(spec)
    taken: set[int] = set()
    for matcher, toks in ((sens, doc.tokens), (insens, doc.lowers)):
        for m in matcher.find(toks):
            if any(i in taken for i in range(m.tok_start, m.tok_end)):
                continue
            taken.update(range(m.tok_start, m.tok_end))
            name, alias = m.payload
            index.mentions.append(_mention(doc, m.tok_start, m.tok_end, name, "alias", alias,
                                           _alias_kind(doc, auto, m.tok_start, m.tok_end, alias)))
    for name, aliases in spec.items():
        own = [m.kind for m in index.mentions if m.party == name and m.alias in (name, name + "'s")]
        kind = _word_kind(name, auto) or (Counter(own).most_common(1)[0][0] if own else None)
        if kind is None:
            rest = Counter(m.kind for m in index.mentions if m.party == name and m.kind not in ("person", "other"))
            kind = rest.most_common(1)[0][0] if rest else "other"
        index.parties[name] = Party(name, kind, tuple(aliases), None, True)
    return index.finish()


def _alias_kind(doc: Document, auto: PartyIndex, t0: int, t1: int, alias: str) -> str:
    """What a user alias names where it stands: the detected party there, else its own words."""
    for i in range(t0, t1):
        m = auto.mention_at_token(i)
        if m is not None and m.tok_start >= t0 and m.tok_end <= t1:
            return m.kind
    return _word_kind(alias, auto) or "other"


def _word_kind(name: str, auto: PartyIndex) -> str | None:
    """The kind of a name from the word lists and the parties detected in the text."""
    gz = gazetteer()
    text = name[4:] if name.lower().startswith("the ") else name
    if text in gz.of_alias:
        return gz.kinds[gz.of_alias[text]]
    p = auto.parties.get(text)
    if p is not None:
        return p.kind
    if text in places():
        return "place"
    words = text.lower().split()
    if not words:
        return None
    L = lists()
    if words[-1] in L.media_heads and len(words) > 1:
        return "media"
    if words[-1] in L.org_heads or words[-1] in L.government:
        return "organisation"
    if words[-1] in L.place_heads and len(words) > 1:
        return "place"
    if len(words) >= 2 and words[0] in L.given:
        return "person"
    return None
