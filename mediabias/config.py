"""Configuration: user-defined parties and word lists, from options and TOML.

A config file is TOML with a ``[parties]`` table mapping a party name to
its aliases, either a list or a comma-separated string::

    [parties]
    Russia = ["Russia", "Russian", "Moscow", "Kremlin", "Konashenkov"]
    "Amnesty International" = "Amnesty International, Amnesty"

A ``[lexicons]`` table replaces packaged word lists with the user's own
files (paths relative to the config file), as ``--lexicon hedge=FILE`` does::

    [lexicons]
    hedge = "my_hedges.txt"

A top-level ``group_people = true`` (before the table) counts a person's
mentions toward the party the person speaks for (``--group-people``).

One ``Config`` object is built by the command line (or by the caller of
``analyze``) and passed down; it is immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Mapping

PartySpec = dict[str, tuple[str, ...]]
LexiconSpec = dict[str, tuple[str, ...]]  # word-list name -> entries
# Word lists a user may replace (--lexicon NAME=FILE, [lexicons] NAME = "FILE").
LEXICON_NAMES = ("hedge", "distancing", "weasel", "booster")


class ConfigError(ValueError):
    """A party spec or config file is unusable; the message says where."""


@dataclass(frozen=True)
class Config:
    parties: PartySpec | None = None  # None: detect parties automatically
    lexicons: LexiconSpec | None = None  # None: the packaged word lists
    group_people: bool = False  # count a person's mentions toward the party they speak for

    @classmethod
    def from_file(cls, path: str | Path) -> "Config":
        data = load_config_file(path)
        return cls(parties=data.get("parties"), lexicons=data.get("lexicons"), group_people=data.get("group_people", False))

    def with_parties(self, extra: PartySpec) -> "Config":
        merged = dict(self.parties or {})
        for name, aliases in extra.items():
            merged[name] = tuple(dict.fromkeys(merged.get(name, ()) + aliases))
        return replace(self, parties=merged or None)

    def with_lexicons(self, extra: LexiconSpec) -> "Config":
        return replace(self, lexicons={**(self.lexicons or {}), **extra} or None)


def load_lexicon(name: str, path: str | Path, *, where: str) -> tuple[str, ...]:
    """Entries of the user's word list ``path`` replacing the list ``name``."""
    from mediabias.lexicons import LexiconError, load_user_list

    if name not in LEXICON_NAMES:
        raise ConfigError(f"{where}: unknown word list {name!r} (known: {', '.join(LEXICON_NAMES)})")
    try:
        return load_user_list(path, name=name)
    except LexiconError as e:
        raise ConfigError(str(e)) from None


def parse_lexicon_spec(spec: str) -> tuple[str, tuple[str, ...]]:
    """``"hedge=my_hedges.txt"`` -> ``("hedge", (entries of my_hedges.txt))``."""
    name, sep, path = spec.partition("=")
    name = name.strip()
    if not sep or not name or not path.strip():
        raise ConfigError(f"lexicon spec {spec!r}: expected NAME=FILE with NAME one of {', '.join(LEXICON_NAMES)}")
    return name, load_lexicon(name, path.strip(), where=f"lexicon spec {spec!r}")


def _clean_aliases(raw: Iterable[str], *, where: str) -> tuple[str, ...]:
    aliases = []
    for a in raw:
        if not isinstance(a, str):
            raise ConfigError(f"{where}: aliases must be strings, got {a!r}")
        a = " ".join(a.split())
        if not a:
            raise ConfigError(f"{where}: empty alias")
        aliases.append(a)
    if not aliases:
        raise ConfigError(f"{where}: no aliases")
    return tuple(dict.fromkeys(aliases))


def parse_party_spec(spec: str) -> tuple[str, tuple[str, ...]]:
    """``"Russia=Russia,Russian,Moscow"`` -> ``("Russia", ("Russia", "Russian", "Moscow"))``.

    A spec without ``=`` is a party whose only alias is its name.
    """
    name, sep, rest = spec.partition("=")
    name = " ".join(name.split())
    if not name:
        raise ConfigError(f"party spec {spec!r}: no party name before '='")
    if not sep:
        return name, (name,)
    parts = rest.split(",")
    if any(not p.strip() for p in parts):
        raise ConfigError(f"party spec {spec!r}: empty alias (check for a stray comma)")
    return name, _clean_aliases(parts, where=f"party spec {spec!r}")


def normalise_parties(parties: Mapping[str, Iterable[str] | str]) -> PartySpec:
    """Validate a ``{name: aliases}`` mapping given from Python."""
    out: PartySpec = {}
    for name, aliases in parties.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"party name must be a non-empty string, got {name!r}")
        if isinstance(aliases, str):
            aliases = aliases.split(",")
        out[name.strip()] = _clean_aliases(aliases, where=f"party {name!r}")
    return out


def load_config_file(path: str | Path) -> dict:
    """Parse a config file; errors name the file and the key."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"config file {path}: {e.strerror or e}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise ConfigError(f"config file {path}: not UTF-8 ({e.reason} at byte {e.start})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"config file {path}: {e}") from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise ConfigError(f"config file {path}: arrays or tables nested too deeply to read") from None
    out: dict = {}
    known = {"parties", "lexicons", "group_people"}
    for key in data:
        if key not in known:
            raise ConfigError(f"config file {path}: unknown table or key [{key}] (known: {', '.join(sorted(known))})")
    if "group_people" in data:
        if not isinstance(data["group_people"], bool):
            raise ConfigError(f"config file {path}: group_people must be true or false, got {data['group_people']!r}")
        out["group_people"] = data["group_people"]
    if "parties" in data:
        table = data["parties"]
        if not isinstance(table, dict):
            raise ConfigError(f"config file {path}: [parties] must be a table of name = [aliases]")
        parties: PartySpec = {}
        for name, aliases in table.items():
            where = f"config file {path}: parties.{name}"
            if isinstance(aliases, str):
                aliases = aliases.split(",")
            if not isinstance(aliases, list):
                raise ConfigError(f"{where}: expected a list of aliases or a comma-separated string")
            parties[name] = _clean_aliases(aliases, where=where)
        out["parties"] = parties or None
    if "lexicons" in data:
        table = data["lexicons"]
        if not isinstance(table, dict):
            raise ConfigError(f"config file {path}: [lexicons] must be a table of name = \"FILE\"")
        lexicons: LexiconSpec = {}
        for name, file in table.items():
            where = f"config file {path}: lexicons.{name}"
            if not isinstance(file, str) or not file.strip():
                raise ConfigError(f"{where}: expected the path of a word-list file")
            lexicons[name] = load_lexicon(name, path.parent / file.strip(), where=where)
        out["lexicons"] = lexicons or None
    return out
