"""Automatic detection: gazetteer aliases, typed names, people, role nouns and hyphenated words."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from mediabias.measures.parties import kinds as kinds_mod
from mediabias.measures.parties import names as names_mod
from mediabias.measures.parties import people, roles
from mediabias.measures.parties.lexicon import SUFFIXES, gazetteer, lists, places, role_nouns
from mediabias.measures.parties.people import name_key
from mediabias.measures.parties.records import Mention, Party, PartyIndex
from mediabias.measures.parties.records import make_mention as _mention
from mediabias.text.document import Document


class Detector:
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
            if g is not None and g[0] < c.b and gz.kinds[g[1]] in ("organisation", "media") and (
                    _abbreviates(doc.tokens[g[0]:c.b], g[1]) or (g[0] in gaz_at and gaz_at[g[0]][0] == c.b
                                                                  and gz.kinds[gaz_at[g[0]][1]] == "country")):
                c.gaz = (g[1], g[2])  # "Amnesty Int", "Amnesty International UK": the organisation
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
            if info.best < kinds_mod.PERSON:  # nothing in the context outweighs a head word or a person's marks
                typer.context(c, info)
        for info in infos.values():
            info.kind = kinds_mod.decide(info)
        self._fold_people(infos)
        kinds_mod.coordinate(doc, cands, infos)
        self._emit(cands, infos, gaz_at, typer, roles_by_end)
        index = self.index.finish()
        people.affiliate(doc, index)
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
        initials = self.initials = {}
        for info in infos.values():
            if info.kind == "person":
                key = name_key(info.key)
                if people.full_name(key):
                    full_words.update(key)
                    words = [w for w in info.key.split() if w[0].isupper() and w.lower().strip(".") not in SUFFIXES]
                    initials["".join(w[0] for w in words)] = info.key
        if not full_words:
            return
        for info in infos.values():
            if info.best >= kinds_mod.PERSON and info.kind != "person":
                continue  # a head word or a descriptor says what it is
            if info.best <= kinds_mod.ACRONYM and info.key.replace(".", "") in initials:
                info.kind = "person"  # "MLK" after "Martin Luther King Jr."
                continue
            key = name_key(info.key)
            if key and info.kind != "person" and all(w in full_words for w in key) and not people.full_name(key):
                # seen in body text, or only in headlines but a known person's name
                info.kind = "person"

    # -- parties and mentions ---------------------------------------------------------
    def _emit(self, cands, infos, gaz_at, typer, roles_by_end) -> None:
        doc, gz = self.doc, self.gz
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
            here.update(_title_roles(c.title))
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


# abbreviated titles and the role nouns they stand for ("Maj. Gen. Konashenkov" ... "the general")
_TITLE_WORDS = {"gen": "general", "maj": "major", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant",
                "capt": "captain", "adm": "admiral", "brig": "brigadier", "cpl": "corporal", "sen": "senator",
                "rep": "representative", "gov": "governor", "pres": "president", "prof": "professor",
                "dr": "doctor", "rev": "reverend"}


def _title_roles(title: str) -> set[str]:
    """The role nouns a title makes its bearer answer to: "Maj. Gen." -> general, "Secretary
    General" -> secretary (a general of no army), "General-Major" -> general."""
    words = [_TITLE_WORDS.get(w, w) for w in title.replace("-", " ").split()]
    if len(words) > 1 and words[-1] == "general" and words[-2] not in _RANKS:
        return {words[0], " ".join(words)}
    return {words[-1], " ".join(words)} | ({words[0]} if words[-1] in _RANKS else set())


_RANKS = frozenset({"major", "lieutenant", "brigadier", "general", "colonel", "captain", "sergeant", "admiral"})


def _abbreviates(words: list[str], party: str) -> bool:
    """``words`` shorten the rest of the party's name after its first word ("Int" for
    "International" in "Amnesty Int")."""
    rest = party.split()[1:]
    words = [w for w in words if w != "."]
    return 0 < len(words) <= len(rest) and all(
        len(w) >= 2 and r.lower().startswith(w.lower()) for w, r in zip(words, rest))


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Single-word gazetteer aliases of countries ("Russian", "U.S.")."""
    gz = gazetteer()
    return {a: p for a, p in gz.of_alias.items() if " " not in a and gz.kinds[p] == "country"}


_PROBE = 64  # longer names compared with one name, at most (a pathological text stays linear)


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
                probe = (by_edge.get(words[0], [])[:_PROBE] + by_edge.get(words[-1], [])[:_PROBE]
                         + by_edge.get(key.replace(".", ""), [])[:_PROBE])
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
