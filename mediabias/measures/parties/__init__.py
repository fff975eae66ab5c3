"""Find the parties of a story, what kind each is, and every mention of them.

A party has a ``kind``: person, organisation, country, place, media, group
(armed groups and collectives that are no organisation) or other.  Parties
come from:

* the packaged **gazetteer** (``lexicons/gazetteer.toml``: countries with
  demonyms, capitals and government metonyms; international, governmental
  and non-governmental organisations, companies and platforms; armed
  groups; media), matched case-sensitively.  A capital used as a location
  ("talks in Moscow", "the capital Abuja") is a place of its own;
* **names** in the text (:mod:`.names`), typed by the evidence around them
  (:mod:`.kinds`): head words ("Rivers Watch International"), a person's
  marks (titles, given names, roles), descriptors ("the dating app Tinder"),
  known places (``places.toml``) and context ("in X", "the X", "X said").
  People are folded into one party per person (:mod:`.people`);
* **role nouns** that refer back to one named party ("the president", "the
  rights group", "the country") and names inside hyphenated words
  ("anti-Trump") (:mod:`.roles`).

Every mention says how it was found (``via``: alias, name, surname, given
name, title, hyphenated, role noun, descriptor) and what it names (``kind``:
"Irina Vasko" is a person even as an alias of the user party "Estova").

**User-defined** parties (``--party``, ``[parties]`` in a config) replace
automatic detection: exactly those parties, each alias matched in the text
(an alias written with a capital letter case-sensitively, an all-lower-case
alias case-insensitively).  They are typed like detected ones -- the kind of
the party's own name where the text or the word lists tell it, else of its
other non-person aliases -- and flagged ``user_defined``.  A user party that
never occurs is listed with 0 mentions.

:func:`summary` lists the parties with every alias and its mention count
for ``mediabias parties``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from mediabias.measures.parties import kinds as kinds_mod
from mediabias.measures.parties import names as names_mod
from mediabias.measures.parties import people, roles
from mediabias.measures.parties.lexicon import KINDS, SUFFIXES, gazetteer, lists, places, role_nouns
from mediabias.measures.parties.people import name_key, same_person
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher

NAME = "parties"
__all__ = ["KINDS", "Mention", "Party", "PartyIndex", "PartiesResult", "detect", "summary", "name_key",
           "same_person", "user_matchers"]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    party: str
    tok_start: int
    tok_end: int
    via: str  # alias | name | surname | given name | title | hyphenated | role noun | descriptor
    alias: str | None = None  # the configured or gazetteer alias that matched
    kind: str = ""  # what the words name (a person's name is a person even as an alias of a country)


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    kind: str  # person | organisation | country | place | media | group | other
    aliases: tuple[str, ...]
    affiliation: str | None = None
    user_defined: bool = False


@dataclass(slots=True)
class PartyIndex:
    """The parties of one document and their mentions in text order."""

    parties: dict[str, Party] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    detected: "PartyIndex | None" = None  # with user parties: what automatic detection found
    _starts: list[int] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def finish(self) -> "PartyIndex":
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._by_token = {i: m for m in self.mentions for i in range(m.tok_start, m.tok_end)}
        return self

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside the character span ``[start, end)``."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_at_token(self, i: int) -> Mention | None:
        return self._by_token.get(i)

    def kind_at_token(self, i: int) -> str | None:
        """What token ``i`` names (a person, an organisation ...): its mention's kind, or with
        user parties, the kind automatic detection gives a name the config does not list."""
        m = self._by_token.get(i)
        if m is None and self.detected is not None:
            m = self.detected._by_token.get(i)
        return None if m is None else (m.kind or self.parties.get(m.party, Party(m.party, "other", ())).kind)

    def party_of(self, name: str) -> str:
        """The party a mention's party speaks for (its affiliation, if any)."""
        p = self.parties.get(name)
        return p.affiliation if p is not None and p.affiliation else name

    def mention_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {name: 0 for name in self.parties}
        for m in self.mentions:
            counts[m.party] = counts.get(m.party, 0) + 1
        return counts


def _mention(doc: Document, t0: int, t1: int, party: str, via: str, alias: str | None, kind: str,
             start: int | None = None, end: int | None = None) -> Mention:
    """A mention of tokens ``[t0, t1)`` (or of the characters ``[start, end)`` inside them);
    ``alias`` defaults to the words as written."""
    start = doc.tok_starts[t0] if start is None else start
    end = doc.tok_ends[t1 - 1] if end is None else end
    return Mention(start, end, party, t0, t1, via, doc.text[start:end] if alias is None else alias, kind)


def detect(doc: Document, user_parties: dict[str, tuple[str, ...]] | None = None) -> PartyIndex:
    """Parties and mentions of ``doc``; ``user_parties`` replaces automatic detection."""
    auto = _Detector(doc).run()
    if user_parties:
        return _user(doc, user_parties, auto)
    return auto


# -- automatic detection ------------------------------------------------------------

class _Detector:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.gz = gazetteer()
        self.index = PartyIndex()
        self.person_roles: dict[str, set[str]] = {}
        self.initials: dict[str, str] = {}

    def run(self) -> PartyIndex:
        doc, gz = self.doc, self.gz
        gaz_at: dict[int, tuple[int, str, str]] = {}
        for m in gz.matcher.find(doc.tokens):
            gaz_at[m.tok_start] = (m.tok_end, *m.payload)
        noun_kinds, noun_matcher = role_nouns()
        role_matches = [(m.tok_start, m.tok_end, m.payload, noun_kinds[m.payload]) for m in noun_matcher.find(doc.lowers)]
        roles_by_end = {t1: (t0, noun, kind) for t0, t1, noun, kind in role_matches}
        cands = names_mod.candidates(doc, gaz_at)
        typer = kinds_mod.Typer(doc, roles_by_end)
        infos: dict[str, kinds_mod.NameInfo] = {}
        for c in cands:
            g = gaz_at.get(c.a)
            if g is not None and g[0] == c.b and doc.text[c.start:c.end] == g[2]:
                c.gaz = (g[1], g[2])
                continue
            if c.key in gz.of_alias:  # "Russian-backed" -> "Russian"
                c.gaz = (gz.of_alias[c.key], c.key)
                continue
            info = infos.get(c.key)
            if info is None:
                info = infos[c.key] = kinds_mod.NameInfo(c.key, [])
            info.cands.append(c)
            if c.headline or c.quoted:
                continue
            if not c.initial:
                info.mid = True
            typer.intrinsic(c, info)
            if info.best < kinds_mod.HEAD:  # nothing in the context outweighs a head word
                typer.context(c, info)
        for info in infos.values():
            info.kind = kinds_mod.decide(info)
        self._fold_people(infos)
        self._emit(cands, infos, gaz_at, typer, roles_by_end)
        index = self.index.finish()
        people._affiliate(doc, index, Party)
        # role nouns and hyphenated words, once the named parties are known
        index.mentions.extend(roles.role_mentions(
            doc, index, role_matches, self.person_roles,
            lambda t0, t1, party, via: _mention(doc, t0, t1, party, via, None, index.parties[party].kind)))
        index.finish()
        index.mentions.extend(roles.hyphenated(doc, index, self._forms, self._hyphen_mention))
        return index.finish()

    def _hyphen_mention(self, start: int, end: int, i: int, party: str) -> Mention:
        if party not in self.index.parties:  # a gazetteer party named only here: "pro-Russian"
            self.index.parties[party] = Party(party, self.gz.kinds[party], self.gz.aliases[party])
        return _mention(self.doc, i, i + 1, party, "hyphenated", None, self.index.parties[party].kind, start, end)

    # -- people ---------------------------------------------------------------------
    def _fold_people(self, infos: dict[str, kinds_mod.NameInfo]) -> None:
        """Single words and partial names of a person's full name are that person."""
        full_words: set[str] = set()
        for info in infos.values():
            if info.kind == "person" and people.full_name(name_key(info.key)):
                full_words.update(name_key(info.key))
        initials = self.initials = {}
        for info in infos.values():
            if info.kind == "person" and people.full_name(name_key(info.key)):
                words = [w for w in info.key.split() if w[0].isupper() and w.lower().strip(".") not in SUFFIXES]
                initials["".join(w[0] for w in words)] = info.key
        for info in infos.values():
            if info.best <= kinds_mod.ACRONYM and info.key.replace(".", "") in initials:
                info.kind = "person"  # "MLK" after "Martin Luther King Jr."
                continue
            key = name_key(info.key)
            if key and not people.full_name(key) and all(w in full_words for w in key) and (
                info.kind is None or info.best < kinds_mod.PERSON
            ) and any(not c.headline and not c.quoted for c in info.cands):
                info.kind = "person"
            elif key and info.kind is None and all(w in full_words for w in key):
                info.kind = "person"  # seen only in headlines: a known person's name

    # -- parties and mentions ---------------------------------------------------------
    def _emit(self, cands, infos, gaz_at, typer, roles_by_end) -> None:
        doc, index, gz = self.doc, self.index, self.gz
        folder = people.Folder()
        for c in cands:
            info = infos.get(c.key) if c.gaz is None else None
            if info is not None and info.kind == "person" and people.full_name(name_key(c.key)):
                folder.add_full(name_key(c.key), c.key, c.a)
        folder.finish()
        others = _OtherNames(infos)
        place_forms = places()
        known = {k for k, i in infos.items() if i.kind is not None} | set(gz.of_alias) | set(folder.by_word)
        for c in cands:
            if c.gaz is not None:
                self._gaz_mention(c, c.a, c.b, c.gaz[0], c.gaz[1], typer, place_forms)
                continue
            info = infos[c.key]
            if c.headline and (info.kind is None or not info.mid):
                self._headline(c, infos, folder, others, gaz_at, typer, place_forms)
                continue
            g = gaz_at.get(c.a)
            if g is not None and g[0] < c.b and self.gz.kinds[g[1]] == "country" \
                    and all(doc.lowers[t] in lists().government or doc.lowers[t] in lists().org_heads
                            or doc.lowers[t] in ("of", "for", "the", "and") or not doc.tokens[t][0].isalnum()
                            for t in range(g[0], c.b)):
                self._gaz_mention(c, c.a, g[0], g[1], g[2], typer, place_forms)
                continue  # "the Russian Defense Ministry": Russia's own, a mention of Russia
            if "-" in c.key and " " not in c.key and info.best < kinds_mod.HEAD and any(
                    p in known or p.lower() in known for p in c.key.split("-") if p[:1].isupper()):
                continue  # "Trump-Russia", "Mills-Perry": names inside a hyphenated word, found below
            if info.kind is None:
                self._inner_gaz(c, gaz_at, typer, place_forms)
                continue
            if c.quoted and info.best < kinds_mod.PERSON:
                continue
            if info.kind == "person":
                key = name_key(c.key)
                if people.full_name(key):
                    party, via = folder.add_full(key, c.key, c.a), "name"
                else:
                    party = folder.partial(key, c.a)
                    full = self.initials.get(c.key.replace(".", ""))
                    if party is None and full is not None:
                        party, via = folder.canonical.get(name_key(full), full), "name"  # "MLK"
                    elif party is None:
                        party, via = c.key, ("title" if c.title else "name")
                    else:
                        pk = name_key(party)
                        via = "surname" if key and pk and key[-1] == people._core(pk)[0][-1] else "given name"
                self._add(party, "person", c, via)
                self._roles(party, c, roles_by_end)
                continue
            if info.kind in ("organisation", "media") and self._owned_institution(c):
                continue  # "Estova's Energy Ministry": the country's own, a mention of it already
            party = others.canonical(c.key, info.kind)
            self._add(party, info.kind, c, "name")
            self._roles(party, c, roles_by_end)

    def _roles(self, party: str, c, roles_by_end) -> None:
        """The roles a party is introduced with: a title ("President Trump"), a noun before the
        name ("spokesman Igor", "the advocacy group Rivers Watch")."""
        here = self.person_roles.setdefault(party, set())
        if c.title:
            here.add(c.title)
        r = roles_by_end.get(c.a) or (roles_by_end.get(c.a - 1) if c.a > 0 and self.doc.tokens[c.a - 1] == ","
                                      else None)
        if r is not None:
            here.update((r[1], roles.head(r[1])))

    def _owned_institution(self, c) -> bool:
        """A name of government words only ("Energy Ministry") right after a country's possessive."""
        doc, a = self.doc, c.a
        L = lists()
        if a < 2 or doc.lowers[a - 1] != "'s":
            return False
        if not all(w.lower() in L.government or w.lower() in L.org_heads for w in doc.tokens[c.a : c.b]):
            return False
        m = self.index.mentions[-1] if self.index.mentions else None
        return m is not None and m.tok_end == a - 1 and m.kind == "country"

    def _headline(self, c, infos, folder, others, gaz_at, typer, place_forms) -> None:
        """A title-case headline is no evidence of a name: only names known from the text are
        found in it ("Sanders Told A Female Reporter ..." after "Bernie Sanders said")."""
        doc = self.doc
        j = c.a
        while j < c.b:
            g = gaz_at.get(j)
            if g is not None and g[0] <= c.b:
                sub = names_mod.Cand(j, g[0], doc.tok_starts[j], doc.tok_ends[g[0] - 1], g[2])
                self._gaz_mention(sub, j, g[0], g[1], g[2], typer, place_forms)
                j = g[0]
                continue
            word = doc.tokens[j]
            info = infos.get(word)
            sub = names_mod.Cand(j, j + 1, doc.tok_starts[j], doc.tok_ends[j], word)
            if info is not None and info.kind not in (None, "person") and info.mid:
                self._add(others.canonical(word, info.kind), info.kind, sub, "name")
            elif word[0].isupper():
                person = folder.partial(name_key(word), j) if name_key(word) else None
                if person is not None:
                    self._add(person, "person", sub, "surname")
            j += 1

    def _add(self, party: str, kind: str, c, via: str, alias: str | None = None) -> None:
        if party not in self.index.parties:
            self.index.parties[party] = Party(party, kind, (party,))
        self.index.mentions.append(_mention(self.doc, c.a, c.b, party, via, alias, kind, c.start, c.end))

    def _gaz_mention(self, c, a: int, b: int, party: str, alias: str, typer, place_forms) -> None:
        doc = self.doc
        kind = self.gz.kinds[party]
        span = (c.start, c.end) if c is not None and c.a == a and c.b == b else (None, None)
        if kind == "country" and alias != party and a > 0 and doc.lowers[a - 1] == "in" and alias.endswith(
                ("an", "ese", "ish", "ic", "i", "ch")) and (b >= len(doc.tokens) or doc.lowers[b] in (
                ",", ".", ";", ")", "and", "or", '"', "\u201d", "'", "\u2019")):
            return  # "which means 'faithful' in Russian": the language
        if alias in place_forms and kind == "country" and c is not None:
            place = place_forms[alias]
            strong_only = alias == party  # "Georgia": a place only where the context insists
            info = kinds_mod.NameInfo(alias, [])
            typer.context(c, info)
            if info.votes and info.votes.most_common(1)[0][0] == "place" and (
                info.best >= kinds_mod.PLACE_STRONG or (not strong_only and info.best >= kinds_mod.PLACE_WEAK)
            ) or self._capital_apposition(a):
                if place not in self.index.parties:  # a place in the country: it speaks for it
                    self.index.parties[place] = Party(place, "place", (place,), party)
                self.index.mentions.append(_mention(doc, a, b, place, "alias", alias, "place", *span))
                return
        if a > 0 and people.is_cap(doc.tokens[a - 1]) and b - a == 1 and doc.lowers[a - 1] in lists().given \
                and doc.tok_starts[a] - doc.tok_ends[a - 1] == 1:
            return  # "Michael Jordan": a person, not the country
        if party not in self.index.parties:
            self.index.parties[party] = Party(party, kind, self.gz.aliases[party])
        self.index.mentions.append(_mention(doc, a, b, party, "alias", alias, kind, *span))

    def _capital_apposition(self, a: int) -> bool:
        """"the capital Abuja", "the Georgian capital Tbilisi"."""
        lows = self.doc.lowers
        return a > 0 and lows[a - 1] in ("capital", "city", "town", "village", "a", "an")

    def _inner_gaz(self, c, gaz_at, typer, place_forms) -> None:
        """An untyped longer name ("Instagram Transformed" in a headline): its gazetteer aliases alone."""
        j = c.a
        while j < c.b:
            g = gaz_at.get(j)
            if g is not None and g[0] <= c.b:
                sub = names_mod.Cand(j, g[0], self.doc.tok_starts[j], self.doc.tok_ends[g[0] - 1], g[2])
                self._gaz_mention(sub, j, g[0], g[1], g[2], typer, place_forms)
                j = g[0]
            else:
                j += 1

    def _forms(self) -> dict[str, str]:
        """Single words that name exactly one party (for hyphenated words)."""
        forms: dict[str, str] = {}
        seen: Counter = Counter()
        for m in self.index.mentions:
            text = self.doc.text[m.start : m.end]
            words = [text] if " " not in text else ([text.split()[-1]] if self.index.parties[m.party].kind ==
                                                      "person" else [])
            for w in words:
                if forms.get(w) != m.party:
                    seen[w] += 1
                forms[w] = m.party
        out = dict(_country_words())  # "pro-Russian", "U.S.-led"
        out.update((w, p) for w, p in forms.items() if seen[w] == 1)
        return out


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Single-word gazetteer aliases of countries ("Russian", "U.S.")."""
    gz = gazetteer()
    return {a: p for a, p in gz.of_alias.items() if " " not in a and gz.kinds[p] == "country"}


class _OtherNames:
    """Names of organisations, media, places and groups: a short form, an
    acronym or a longer form of another name of the same kind is one party
    ("Rivers Watch" / "Rivers Watch International", "DNC" / "Democratic
    National Committee", "Warriors" / "Golden State Warriors")."""

    def __init__(self, infos: dict[str, Any]) -> None:
        by_kind: dict[str, list[str]] = {}
        for key, info in infos.items():
            if info.kind not in (None, "person"):
                group = "institution" if info.kind in ("organisation", "media", "group") else info.kind
                by_kind.setdefault(group, []).append(key)
        self.canon: dict[str, str] = {}
        heads = lists().org_heads
        for keys in by_kind.values():
            if len(keys) < 2:
                continue
            keys.sort(key=lambda k: (-len(k.split()), k))
            # longer names by their first word, their last word and their initials
            by_edge: dict[str, list[str]] = {}
            for key in keys:
                words = key.split()
                if len(words) > 1:
                    by_edge.setdefault(words[0], []).append(key)
                    by_edge.setdefault(words[-1], []).append(key)
                    by_edge.setdefault("".join(w[0] for w in words if w[0].isupper()), []).append(key)
            for key in keys:
                words = key.split()
                probe = by_edge.get(words[0], []) + by_edge.get(words[-1], []) + by_edge.get(key.replace(".", ""), [])
                for longer in probe:
                    if longer != key and _short_form(key, longer, heads):
                        self.canon[key] = longer
                        break

    def canonical(self, key: str, kind: str) -> str:
        return self.canon.get(key, key)


def _short_form(short: str, long: str, heads) -> bool:
    s, l_ = short.split(), long.split()
    if len(s) < len(l_) and (l_[: len(s)] == s or l_[-len(s) :] == s):
        return not (len(s) == 1 and s[0].lower() in heads)
    letters = short.replace(".", "")
    if letters.isupper() and len(letters) >= 2:
        return "".join(w[0] for w in l_ if w[0].isupper()) == letters
    return False


# -- user-defined parties ------------------------------------------------------------

def user_matchers(spec: dict[str, tuple[str, ...]]) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Case-sensitive and case-insensitive matchers for user aliases."""
    sensitive, insensitive = [], []
    for name, aliases in spec.items():
        for a in aliases:
            (insensitive if a == a.lower() else sensitive).append((a, (name, a)))
    return PhraseMatcher(sensitive, case_sensitive=True), PhraseMatcher(insensitive)


def _user(doc: Document, spec: dict[str, tuple[str, ...]], auto: PartyIndex) -> PartyIndex:
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


# -- the parties block ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PartiesResult:
    """The parties of one article, each alias with its mention count (``mediabias parties``)."""

    user_defined: bool
    parties: tuple[tuple[Party, tuple[tuple[str, int], ...], int, tuple[str, ...], tuple[tuple[str, int], ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "user_defined": self.user_defined,
            "parties": [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "user_defined": p.user_defined,
                    "affiliation": p.affiliation,
                    "mentions": total,
                    "aliases": [{"text": a, "mentions": n} for a, n in aliases],
                    "role_nouns": [{"text": a, "mentions": n} for a, n in role_forms],
                    "people": list(members),
                }
                for p, aliases, total, members, role_forms in self.parties
            ],
        }


def summary(index: PartyIndex) -> PartiesResult:
    """Every party with its aliases and mention counts, most mentioned first.

    A user party lists its configured aliases (0 for one that never occurs);
    a detected party the forms found in the text, and apart from them the role
    nouns and descriptors that refer back to it ("president", "rights group").
    ``people`` are the detected people affiliated to the party.
    """
    counts: dict[str, dict[str, int]] = {name: {} for name in index.parties}
    roles_of: dict[str, dict[str, int]] = {name: {} for name in index.parties}
    for name, p in index.parties.items():
        if p.user_defined:
            counts[name] = {a: 0 for a in p.aliases}
    for m in index.mentions:
        key = m.alias if m.alias is not None else m.party
        by_form = (roles_of if m.via in ("role noun", "descriptor") else counts).setdefault(m.party, {})
        by_form[key] = by_form.get(key, 0) + 1
    members: dict[str, list[str]] = {}
    for name, p in index.parties.items():
        if p.kind == "person" and p.affiliation:
            members.setdefault(p.affiliation, []).append(name)
    rows = []
    for name, p in index.parties.items():
        aliases = tuple(counts[name].items()) if p.user_defined else tuple(
            sorted(counts[name].items(), key=lambda kv: -kv[1]))
        role_forms = tuple(sorted(roles_of[name].items(), key=lambda kv: -kv[1]))
        total = sum(n for _, n in aliases) + sum(n for _, n in role_forms)
        rows.append((p, aliases, total, tuple(members.get(name, ())), role_forms))
    rows.sort(key=lambda r: (-r[2], r[0].name))
    return PartiesResult(any(p.user_defined for p in index.parties.values()), tuple(rows))
