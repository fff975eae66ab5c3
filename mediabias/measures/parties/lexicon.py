"""The word lists party detection reads, loaded once per process.

All of them are data files in :mod:`mediabias.lexicons` (each says in its
header what it holds): the gazetteer of parties, the places, the head words
that type a name, the role nouns, titles, given names and the words that are
never names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mediabias.lexicons import load_toml, load_words
from mediabias.text.phrases import PhraseMatcher

KINDS = ("person", "organisation", "country", "place", "media", "group", "other")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# a name made of these alone says nothing ("Ministry", "Energy Ministry" is a name)
GOVERNMENT_EXTRA = frozenset(
    {"affairs", "armed", "forces", "force", "air", "navy", "justice", "finance", "energy", "health", "security",
     "intelligence", "state", "national", "federal", "supreme", "central", "office", "department", "court",
     "parliament", "consulate", "police", "ministry", "foreign", "defence", "defense", "interior", "army",
     "military", "government", "embassy", "trade", "economy", "economic", "education", "culture", "emergencies",
     "emergency", "environment", "agriculture", "transport", "information", "communications", "home",
     "arab", "revolutionary", "guards", "republican", "ground", "special", "operations", "staff", "general"}
)


@dataclass(frozen=True)
class Lists:
    titles: frozenset[str]
    not_names: frozenset[str]
    given: frozenset[str]
    roles: frozenset[str]
    government: frozenset[str]
    verbs: frozenset[str]
    org_heads: frozenset[str]
    media_heads: frozenset[str]
    group_heads: frozenset[str]
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]


@lru_cache(maxsize=1)
def lists() -> Lists:
    place = load_words("place_heads.txt")
    return Lists(
        titles=load_words("titles.txt"),
        not_names=load_words("not_names.txt"),
        given=load_words("given_names.txt"),
        roles=load_words("roles.txt"),
        government=load_words("government_roles.txt") | GOVERNMENT_EXTRA,
        verbs=load_words("report_verbs.txt"),
        org_heads=load_words("org_heads.txt"),
        media_heads=load_words("media_heads.txt"),
        group_heads=load_words("group_heads.txt"),
        place_heads=frozenset(w for w in place if " " not in w),
        place_prefixes=frozenset(w.split()[0] for w in place if w.endswith(" prefix")),
    )


@dataclass(frozen=True)
class Gazetteer:
    kinds: dict[str, str]  # party name -> kind
    aliases: dict[str, tuple[str, ...]]  # party name -> aliases
    of_alias: dict[str, str]  # alias -> party name
    matcher: PhraseMatcher  # case-sensitive, payload (party, alias)
    ngos: frozenset[str]  # the non-governmental organisations ("the NGO", "the rights group")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = load_toml("gazetteer.toml")
    kinds, aliases, of_alias, phrases, ngos = {}, {}, {}, [], set()
    for name, entry in data.items():
        kinds[name] = entry.get("kind", "organisation")
        if entry.get("ngo"):
            ngos.add(name)
        aliases[name] = tuple(entry["aliases"])
        for a in entry["aliases"]:
            of_alias[a] = name
            phrases.append((a, (name, a)))
            if a.startswith("the ") and len(a) > 4:
                phrases.append(("The " + a[4:], (name, a)))
    return Gazetteer(kinds, aliases, of_alias, PhraseMatcher(phrases, case_sensitive=True), frozenset(ngos))


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Every form of a known place -> the place's name ("Fla." -> "Florida")."""
    out: dict[str, str] = {}
    for entries in load_toml("places.toml").values():
        for entry in entries:
            forms = [f.strip() for f in entry.split("|")]
            for f in forms:
                out.setdefault(f, forms[0])
    return out


@lru_cache(maxsize=1)
def role_nouns() -> tuple[dict[str, str], PhraseMatcher]:
    """Role noun -> kind, and a matcher of them over lower-case tokens (payload: the noun)."""
    data = load_toml("role_nouns.toml")
    kinds = {noun: kind for kind, nouns in data.items() for noun in nouns}
    return kinds, PhraseMatcher((n, n) for n in kinds)

