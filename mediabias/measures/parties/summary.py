"""The parties block of ``mediabias parties``: every party with its aliases and counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mediabias.measures.parties.records import Party, PartyIndex


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
