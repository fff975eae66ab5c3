"""What a name is -- person, organisation, country, place, media, group --
decided over all its occurrences, from the evidence a reader uses.

Evidence, strongest first (the strongest found in any occurrence wins; a
tie goes to the kind most occurrences show):

1. a **head word** (``org_heads.txt``, ``media_heads.txt``, ``place_heads.txt``,
   ``group_heads.txt``): "Rivers Watch International", "San Francisco
   Chronicle", "Madison Square Garden", "Kafr Zeita";
2. a **person's marks**: a title ("Gen. Konashenkov"), a suffix ("Jr."), a
   given name first ("Blake Griffin"), a role or kinship noun beside it
   ("founder Jordan Ferney", "Philip Luther, director of ...", "her son
   Jackson"), a word of a person's full name ("Koellmann" after "Benjamin
   Koellmann");
3. a **descriptor** beside it (``role_nouns.toml``): "the dating app Tinder",
   "the advocacy group Rivers Watch", "the Georgian Dream party", "the
   Odessa region", "the town of Kafr Zeita", "a law firm, Cohen Milstein";
   "X's government" makes X a country;
4. a **known place** (``places.toml``), an **acronym** (an organisation);
5. **place context**: "X province", "X-based", "Atlanta, Georgia", then "in
   X", "near X", "traveled to X";
6. **organisation context**: "the X", "on X", "X employees", "the president
   of X"; **media context**: "told X", "X reported"; a person's weaker
   marks: a verb of saying ("X said", "said X"), "X's wife".

A name with no evidence, or only weak evidence at the start of a sentence
("Critics said"), in a title-case headline or filling a quotation ("The
Drum Major Instinct"), is not a party.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from mediabias.measures.parties.lexicon import SUFFIXES, lists, places, role_nouns
from mediabias.measures.parties.names import Cand, is_acronym, particle
from mediabias.text.document import Document

HEAD, PERSON, DESCRIPTOR, KNOWN, PLACE_STRONG, PLACE_WEAK, CONTEXT, ACRONYM, WEAK, FAINT = (
    80, 70, 65, 60, 45, 40, 35, 30, 25, 20)
# what is said of people and rarely of institutions: "Jackson was fired", "Mills decided"
HUMAN_VERBS = frozenset({"decided", "thought", "thinks", "believes", "believed", "felt", "feels", "hopes", "hoped",
                         "wants", "wanted", "smiled", "laughed", "cried", "died", "resigned", "retired", "married",
                         "recalled", "insisted", "admitted", "joked", "sighed", "shrugged", "graduated", "grew"})
HUMAN_PASSIVES = frozenset({"fired", "hired", "born", "elected", "appointed", "arrested", "sentenced", "charged",
                            "indicted", "convicted", "jailed", "killed", "injured", "wounded", "kidnapped",
                            "married", "nominated", "sworn", "buried", "named", "quoted", "interviewed", "drafted",
                            "traded", "suspended", "acquitted", "detained", "released", "assassinated"})
_PLACE_BEFORE = frozenset({"in", "near", "outside", "inside", "across", "throughout", "around", "into", "toward",
                           "towards"})
_MOTION = frozenset({"traveled", "travelled", "flew", "went", "returned", "moved", "trip", "visit", "headed", "came",
                     "fled", "deployed", "journey", "travel", "travels", "moving"})
_VISIT = frozenset({"visited", "visiting", "visits"})
KINSHIP = frozenset({"son", "daughter", "wife", "husband", "brother", "sister", "mother", "father", "widow", "widower",
                     "fiance", "fiancee", "fiancé", "fiancée", "grandson", "granddaughter", "grandmother",
                     "grandfather", "uncle", "aunt", "nephew", "niece", "cousin", "stepson", "stepdaughter", "mom",
                     "dad", "girlfriend", "boyfriend", "partner", "spouse", "children", "family", "parents",
                     "career", "life", "death", "body", "house", "home", "funeral", "birthday", "memoir"})
_STAFF = frozenset({"officials", "employees", "engineers", "executives", "staff", "staffers", "workers", "board",
                    "shareholders", "headquarters", "users", "posts", "post", "account", "accounts", "app", "website",
                    "founders", "founder", "ceo", "stores", "products", "shares", "subscribers", "customers"})
_COUNTRY_OWNED = frozenset({"government", "parliament", "army", "military", "ministry", "embassy", "courts",
                            "prosecutor", "capital", "constitution", "economy", "currency", "borders", "territory",
                            "citizens", "president", "parliamentary", "navy", "cabinet", "regime"})
_AFTER_THE = frozenset({"is", "was", "has", "had", "have", "are", "were", "said", "says", "will", "would", "could",
                        "can", "and", "or", "of", "in", "on", "to", "for", "with", "that", "which", "who", "'s",
                        "did", "does", "also", "team", "franchise"})


@lru_cache(maxsize=1)
def _person_roles() -> frozenset[str]:
    """Single-word roles and titles that say the name after them is a person's."""
    kinds, _ = role_nouns()
    person = frozenset(n for n, k in kinds.items() if k == "person" and " " not in n)
    return person | lists().roles | lists().titles


@dataclass(slots=True)
class NameInfo:
    """The evidence about one name (all its occurrences)."""

    key: str
    cands: list[Cand]
    best: int = 0
    votes: Counter | None = None
    mid: bool = False  # seen in body text, not at a sentence start or in a headline
    kind: str | None = None

    def add(self, priority: int, kind: str) -> None:
        if priority < 0:
            return
        if priority > self.best:
            self.best, self.votes = priority, Counter()
        if priority == self.best:
            self.votes[kind] += 1


class Typer:
    """Collects evidence over a document's candidate names and types them."""

    def __init__(self, doc: Document, roles_by_end: dict[int, tuple[int, str, str]]) -> None:
        self.doc = doc
        self.roles_by_end = roles_by_end  # end token -> (start token, noun, kind) of role-noun matches
        self.roles_by_start = {s: (e, n, k) for e, (s, n, k) in roles_by_end.items()}
        self.L = lists()
        self.places = places()
        self._by_key: dict[str, list[tuple[int, str]]] = {}

    # -- evidence from the name itself ------------------------------------------------
    def intrinsic(self, c: Cand, info: NameInfo) -> None:
        found = self._by_key.get(c.key)
        if found is None:
            found = self._by_key[c.key] = self._name_evidence(c)
        for priority, kind in found:
            info.add(priority, kind)
        if c.title is not None:
            info.add(PERSON, "person")
        elif found and found[-1][0] == -1 and not c.headline:
            info.add(PERSON, "person")  # a given name first (read as a name only outside headlines)

    def _name_evidence(self, c: Cand) -> list[tuple[int, str]]:
        """What the words of the name say, whatever its context (computed once per name)."""
        L = self.L
        out: list[tuple[int, str]] = []
        words = [w for w in self.doc.tokens[c.a : c.b] if w[0].isalnum()]
        lows = [w.lower() for w in words]
        last = lows[-1] if lows else ""
        before_of = lows[: lows.index("of")] if "of" in lows else lows[: lows.index("for")] if "for" in lows else None
        head_words = {last} | ({before_of[-1]} if before_of else set())
        media_before = len(lows) > 2 and lows[-1] in L.org_heads and lows[-2] in L.media_heads  # "Press Agency"
        if (head_words & L.media_heads or media_before) and len(words) > 1:
            out.append((HEAD, "media"))
        elif head_words & L.group_heads and len(words) > 1:
            out.append((HEAD, "group"))
        elif head_words & L.org_heads and (len(words) > 1 or any(
                w not in L.org_heads and w not in L.government for w in lows)):
            out.append((HEAD, "organisation"))
        elif (last in L.place_heads and len(words) > 1) or (lows and lows[0] in L.place_prefixes and len(words) > 1):
            out.append((HEAD, "place"))
        elif lows and lows[0] in ("republic", "kingdom") and "of" in lows:
            out.append((HEAD, "place"))
        if any(w in SUFFIXES for w in lows):
            out.append((PERSON, "person"))
        if c.key in self.places:
            single_given = len(words) == 1 and lows[0] in L.given
            out.append((PLACE_WEAK if single_given else KNOWN, "place"))
        if len(words) == 1 and is_acronym(words[0]):
            out.append((ACRONYM, "organisation"))
        name_words = [w for w in lows if w not in SUFFIXES and not particle(w)]
        if len(name_words) >= 2 and name_words[0] in L.given:
            out.append((-1, "person"))  # marker: a given name first
        return out

    # -- evidence from the words around one occurrence ------------------------------------
    def context(self, c: Cand, info: NameInfo) -> None:
        doc = self.doc
        toks, lows = doc.tokens, doc.lowers
        n = len(toks)
        a, b = c.a, c.b
        L = self.L
        prev = lows[a - 1] if a > 0 else ""
        prev2 = lows[a - 2] if a > 1 else ""
        nxt = lows[b] if b < n else ""
        nxt2 = lows[b + 1] if b + 1 < n else ""
        person_roles = _person_roles()
        # a descriptor right before: "the dating app Tinder", "spokesman Igor", "the town of X", "a firm, X"
        for end in (a, a - 1 if prev == "," else -1, a - 1 if prev == "of" else -1):
            r = self.roles_by_end.get(end)
            if r is not None and end > 0:
                kind = r[2]
                if prev == "of" and end == a - 1 and kind not in ("place",):
                    if kind == "person":
                        info.add(CONTEXT, "organisation")  # "the president of Majestic Steel USA"
                    continue
                info.add(DESCRIPTOR, kind)
                break
        if prev in KINSHIP and prev not in ("career", "life", "death", "body", "house", "home", "funeral",
                                            "birthday", "memoir", "family", "children", "parents"):
            info.add(DESCRIPTOR, "person")  # "her son Jackson"
        if prev in person_roles and prev not in ("general",):
            info.add(PERSON, "person")
        # right after: "the Georgian Dream party", "the Odessa region", ", a professor at"
        r = self.roles_by_start.get(b)
        hyphen_tail = c.end < doc.tok_ends[b - 1]
        if r is not None and r[2] != "person" and not hyphen_tail:
            info.add(DESCRIPTOR, r[2])
        if nxt == "ethnic" and nxt2 == "group":
            info.add(DESCRIPTOR, "group")
        if nxt == ",":
            k = b + 1
            while k < min(n, b + 5) and (lows[k] in ("a", "an", "the", "his", "her", "its", "their", "former",
                                                      "senior", "deputy", "longtime", "then") or (
                    toks[k].islower() and self.roles_by_start.get(k) is None)):
                k += 1
            r = self.roles_by_start.get(k)
            if r is not None:
                info.add(PERSON if r[2] == "person" else DESCRIPTOR, r[2])
            elif k < n and lows[k] in L.roles:
                info.add(PERSON, "person")
        if hyphen_tail and doc.text[c.end + 1 : doc.tok_ends[b - 1]] == "based":
            info.add(PLACE_STRONG, "place")  # "Los Angeles-based"
        # "Atlanta, Georgia": after a known place; "West Palm Beach, Fla.": before a known state
        if a >= 2 and (prev == "," or _gap(doc, a)) and self._place_before(a - (2 if prev == "," else 1)):
            info.add(PLACE_STRONG, "place")
        if nxt == "," and b + 1 < n and toks[b + 1] in self.places and b + 2 <= n:
            info.add(PLACE_STRONG, "place")
        if prev == "of" and prev2 in ("state", "states", "town", "village", "city", "province", "provinces", "region",
                                      "regions", "governorate"):
            info.add(PLACE_STRONG, "place")
        if nxt == "(" and a == self._sentence_start(a) and b + 2 < n and toks[b + 1][0].isupper() \
                and toks[b + 2] == ")":
            info.add(PLACE_STRONG, "place")  # a dateline: "Washington (AFP) -"
        if prev in _PLACE_BEFORE or prev in _VISIT or (prev == "to" and prev2 in _MOTION):
            info.add(PLACE_WEAK, "place")
        # organisation and media context
        if prev == "the" or (a >= 2 and lows[a - 2] == "the" and toks[a - 1].islower() and toks[a - 1].isalpha()
                             and self.roles_by_end.get(a) is None):
            if b >= n or not toks[b][0].isalpha() or nxt in _AFTER_THE or toks[b][0].isupper():
                info.add(CONTEXT, "organisation")
        if prev == "on" and prev2 not in ("focused", "based", "depend", "depends", "relies", "rely"):
            info.add(CONTEXT, "organisation")
        if nxt in _STAFF or (nxt == "'s" and nxt2 in _STAFF):
            info.add(CONTEXT, "organisation")
        if nxt == "'s" and nxt2 in _COUNTRY_OWNED:
            info.add(DESCRIPTOR, "country")
        if prev == "told" or prev == "interviewed" or (prev == "by" and prev2 == "interviewed") or nxt == "reported":
            info.add(CONTEXT, "media")
        verbs = L.verbs
        if nxt in verbs or (nxt == "," and nxt2 in verbs) or prev in verbs or (prev == "to" and prev2 == "according"):
            if not (nxt in verbs and nxt in ("reported", "reports")):
                info.add(WEAK, "person")
        if nxt == "'s" and nxt2 in KINSHIP:
            info.add(WEAK, "person")
        if nxt == "," and nxt2.isdigit() and len(nxt2) <= 3 and b + 2 < n and toks[b + 2] == ",":
            info.add(PERSON, "person")  # "Benjamin Koellmann, 34, bought": an age
        if nxt in HUMAN_VERBS or (nxt in ("was", "is", "has", "had", "been", "being") and (
                nxt2 in HUMAN_PASSIVES or (nxt2 == "been" and b + 2 < n and lows[b + 2] in HUMAN_PASSIVES))):
            info.add(WEAK, "person")
        if nxt == "'s" and b + 1 < n and toks[b + 1].islower() and not any(
                r is not None and r[2] != "person" for r in (self.roles_by_start.get(b + 1), self.roles_by_start.get(b + 2))):
            info.add(FAINT, "person")  # "Merenstein's special yogurt", not "Estova's energy company"

    def _place_before(self, k: int) -> bool:
        """Token ``k`` ends a known place name ("Atlanta" in "Atlanta, Georgia")."""
        toks = self.doc.tokens
        if k < 0 or not toks[k][0].isupper():
            return False
        j = k
        while j > 0 and toks[j - 1][0].isupper() and k - j < 3:
            j -= 1
        return any(" ".join(toks[i : k + 1]) in self.places for i in range(j, k + 1))

    def _sentence_start(self, a: int) -> int:
        return self.doc.sentences[self.doc.tok_sent[a]].tok_start


def _gap(doc: Document, j: int) -> bool:
    s, e = doc.tok_ends[j - 1], doc.tok_starts[j]
    return e - s >= 2 or (e > s and "\n" in doc.text[s:e])


def decide(info: NameInfo) -> str | None:
    """The kind of a name from its evidence, or None when it is no party.

    A name in body text with nothing to say what it is ("Merenstein's special
    yogurt", "the Mills-Perry team") is a party of kind ``other``.
    """
    if all(c.bare_title for c in info.cands):
        return None  # "King", "Mr President": a person's name only if a full name has the word (folding)
    if not info.votes or (info.best < KNOWN and all(c.pretitle for c in info.cands)):
        return "other" if info.mid and not any(c.pretitle for c in info.cands) else None
    if not info.mid and info.best < KNOWN:
        return None  # only at sentence starts, in headlines or quotations, with weak evidence
    return info.votes.most_common(1)[0][0]


_COORDINATORS = frozenset({"and", "or", ",", "&", "nor"})


def coordinate(doc: Document, cands: list[Cand], infos: dict[str, NameInfo]) -> None:
    """A name nothing types, in a list with a typed one, is of its kind ("Ebonyi and Anambra",
    "Russell Westbrook and Paul Georgeson"): readers read a list as things of one sort."""
    by_start = {c.a: c for c in cands}
    by_end = {c.b: c for c in cands}
    lows = doc.lowers
    for c in cands:
        info = infos.get(c.key)
        if info is None or info.kind != "other":
            continue
        kinds = Counter()
        for other in (by_end.get(c.a - 1) if c.a > 0 and lows[c.a - 1] in _COORDINATORS else None,
                      by_start.get(c.b + 1) if c.b < len(lows) and lows[c.b] in _COORDINATORS else None):
            o = infos.get(other.key) if other is not None else None
            # not an organisation's: "Ministry of Foreign Affairs and Expatriates" is one name
            if o is not None and o.kind not in (None, "other", "organisation") and o.best >= CONTEXT:
                kinds[o.kind] += 1
        if len(kinds) == 1:
            info.kind = next(iter(kinds))
