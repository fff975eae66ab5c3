"""``mediabias parties`` on a terminal: the parties of each article, then a
``[parties]`` config over all articles to start from."""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mediabias.inputs import Item
from mediabias.render.safe import cell
from mediabias.render.table import article_name

Record = dict[str, Any]


def _toml_key(name: str) -> str:
    return name if name.replace("_", "").replace("-", "").isalnum() and name.isascii() else json.dumps(name)


def config_lines(aliases: dict[str, dict[str, None]]) -> list[str]:
    """A ``[parties]`` TOML table: party name -> aliases (in the order first seen)."""
    lines = ["[parties]"]
    for name, found in aliases.items():
        lines.append(f"{_toml_key(name)} = [{', '.join(json.dumps(a, ensure_ascii=False) for a in found)}]")
    return lines


class PartiesView:
    def __init__(self, out: TextIO) -> None:
        self.console = Console(file=out)
        self.config: dict[str, dict[str, None]] = {}  # party -> aliases, over all articles
        self.user_defined = False

    def add(self, item: Item, record: Record) -> None:
        self.console.rule(cell(article_name(record), style="bold"))
        if "error" in record:
            self.console.print(cell(f"error: {record['error']['message']}", style="red"))
            return
        block = record["parties"]
        self.user_defined = self.user_defined or block["user_defined"]
        t = Table(show_header=True, expand=True)
        t.add_column("party", no_wrap=True)
        t.add_column("kind")
        t.add_column("mentions", justify="right")
        t.add_column("speaks for")
        t.add_column("aliases (mentions)", ratio=1)
        t.add_column("people", ratio=1)
        for p in block["parties"]:
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
            t.add_row(cell(p["name"]), p["kind"], str(p["mentions"]), cell(p.get("affiliation")), aliases,
                      cell(", ".join(p.get("people", []))))
            self._collect(p)
        self.console.print(t)

    def _collect(self, p: Record) -> None:
        if p["kind"] == "person" and p.get("affiliation"):
            target = self.config.setdefault(p["affiliation"], {})
        else:
            target = self.config.setdefault(p["name"], {})
        for a in p["aliases"]:
            if a["mentions"] or self.user_defined:
                target.setdefault(a["text"], None)

    def finish(self) -> None:
        if not self.config:
            return
        self.console.rule("[bold]a config to start from[/bold] (save as parties.toml, edit, use with --config)")
        # people are folded into the party they speak for, as aliases
        self.console.print(Text("\n".join(config_lines({k: v for k, v in self.config.items() if v}))))
