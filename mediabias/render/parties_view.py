"""``mediabias parties``: the parties of each article on a terminal, and a
``[parties]`` config over all articles to start from -- printed after the
tables, or alone with ``--format toml`` (so ``> parties.toml`` saves it).

The suggested config lists each alias under one party only (the party it
named most often over the articles: a person counts toward the party they
speak for), and leaves out all-lower-case aliases ("ngo", "the watchdog"):
in a config those match in any case, anywhere.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable, TextIO

Record = dict[str, Any]


def _toml_key(name: str) -> str:
    return name if name.replace("_", "").replace("-", "").isalnum() and name.isascii() else json.dumps(name)


def config_lines(aliases: dict[str, Iterable[str]], width: int = 78) -> list[str]:
    """A ``[parties]`` TOML table: party name -> aliases (in the order given);
    a list longer than ``width`` runs over several lines (valid TOML)."""
    lines = ["[parties]"]
    for name, found in aliases.items():
        items = [json.dumps(a, ensure_ascii=False) for a in found]
        line = f"{_toml_key(name)} = [{', '.join(items)}]"
        if len(line) <= width:
            lines.append(line)
            continue
        lines.append(f"{_toml_key(name)} = [")
        current = "    "
        for item in items:
            if len(current) + len(item) + 1 > width and current.strip():
                lines.append(current.rstrip())
                current = "    "
            current += item + ", "
        lines.append(current.rstrip())
        lines.append("]")
    return lines


class Suggestion:
    """The parties of many records folded into one config."""

    def __init__(self) -> None:
        self.votes: dict[str, dict[str, int]] = {}  # alias -> party -> mentions under it
        self.order: dict[str, int] = {}  # party -> mentions over all articles (ordering)
        self.user_defined = False

    def add(self, record: Record) -> None:
        block = record.get("parties") or {}
        self.user_defined = self.user_defined or bool(block.get("user_defined"))
        for p in block.get("parties", []):
            party = p["affiliation"] if p.get("kind") == "person" and p.get("affiliation") else p["name"]
            self.order[party] = self.order.get(party, 0) + p.get("mentions", 0)
            for a in p.get("aliases", []):
                if not (a["mentions"] or self.user_defined) or a["text"] == a["text"].lower():
                    continue
                votes = self.votes.setdefault(a["text"], {})
                votes[party] = votes.get(party, 0) + max(a["mentions"], 1)

    def config(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for alias, votes in self.votes.items():
            party = max(votes, key=lambda name: (votes[name], self.order.get(name, 0)))
            out.setdefault(party, []).append(alias)
        ranked = sorted(out, key=lambda name: -self.order.get(name, 0))
        return {name: sorted(out[name], key=lambda a: -sum(self.votes[a].values())) for name in ranked}


def write_config(records: Iterable[Record], out: TextIO, on_record: Callable[[Record], None]) -> None:
    """``--format toml``: only the suggested config, ready to save."""
    suggestion = Suggestion()
    for r in records:
        on_record(r)
        if "error" not in r:
            suggestion.add(r)
    out.write("# mediabias parties: a config to start from; edit it, then use it with --config\n")
    out.write("\n".join(config_lines(suggestion.config())) + "\n")
    out.flush()


class PartiesView:
    def __init__(self, out: TextIO, layout=None) -> None:
        from rich.console import Console

        self.console = Console(file=out)
        self.layout = layout
        self.suggestion = Suggestion()

    def add(self, item: Any, record: Record) -> None:
        from rich.text import Text

        from mediabias.render.layout import Col, Grid
        from mediabias.render.safe import cell
        from mediabias.render.table import article_name

        self.console.rule(cell(article_name(record), style="bold"))
        if "error" in record:
            self.console.print(cell(f"error: {record['error']['message']}", style="red"))
            return
        t = Grid([Col("party", card="head"), Col("kind", card="head"), Col("mentions", "right"), Col("speaks for"),
                  Col("aliases (mentions)", ratio=1), Col("people", ratio=1)])
        for p in record["parties"]["parties"]:
            aliases = Text()
            for i, a in enumerate(p["aliases"]):
                if i:
                    aliases.append(", ")
                aliases.append(a["text"], style="" if a["mentions"] else "dim red")
                aliases.append(f" ({a['mentions']})", style="dim")
            for i, a in enumerate(p.get("role_nouns", [])):  # "the group (2)": role nouns referring back
                aliases.append(", " if p["aliases"] or i else "")
                aliases.append(f"the {a['text']}", style="italic")
                aliases.append(f" ({a['mentions']})", style="dim")
            t.add(p["name"], p["kind"], str(p["mentions"]), p.get("affiliation") or "", aliases,
                  ", ".join(p.get("people", [])))
        t.print(self.console, self.layout, expand=True)
        self.suggestion.add(record)

    def finish(self) -> None:
        from rich.text import Text

        config = self.suggestion.config()
        if not config:
            return
        self.console.rule("[bold]a config to start from[/bold]")
        self.console.print(Text("save it with --format toml > parties.toml, edit it, use it with --config", style="dim"))
        self.console.print(Text("\n".join(config_lines(config))))
