"""Options shared by the commands and the Config they build, for mediabias.cli.

Only click (and the renderers' light package module, for FORMATS) is imported here;
everything else when a command runs.
"""

from __future__ import annotations

from typing import Callable

import click

from mediabias.render import FORMATS


def input_options(f: Callable) -> Callable:
    """Options shared by every analysing command, in one place."""
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True)),
        click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Output format. Default: table on a terminal, jsonl when piped."),
        click.option("--glob", "patterns", multiple=True, metavar="PATTERN",
                     help="In directories, only files matching PATTERN (repeatable), e.g. --glob '*.txt'."),
        click.option("--jsonl", "stdin_jsonl", is_flag=True,
                     help="Read standard input ('-') as a JSONL corpus instead of one article."),
        click.option("--text-field", default="text", show_default=True, help="JSONL field holding the article text."),
        click.option("--id-field", default="id", show_default=True, help="JSONL field holding the article id."),
        click.option("--field", "field_specs", multiple=True, metavar="KEY=FIELD",
                     help="Take title/outlet/author/date/url from another JSONL field, e.g. --field outlet=source; "
                          "any other KEY is carried in the record's fields (--field leaning=bias_text)."),
        click.option("--party", "party_specs", multiple=True, metavar="NAME=ALIAS,...",
                     help='Define a party and its aliases (repeatable), e.g. --party "Russia=Russia,Russian,Moscow,Kremlin". '
                          "Replaces automatic detection."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                     help="TOML file with a [parties] table of name = [aliases] (and [lexicons], as --lexicon)."),
        click.option("--lexicon", "lexicon_specs", multiple=True, metavar="NAME=FILE",
                     help="Replace a packaged word list with FILE (one phrase a line), e.g. --lexicon hedge=my_hedges.txt; "
                          "NAME: hedge, distancing, weasel, booster."),
        click.option("--group-people/--no-group-people", "group_people", default=None,
                     help="Count a person's mentions toward the party they speak for (Konashenkov -> Russia) "
                          "instead of listing the person apart. Default: off, or the config's group_people."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes for batches. Default: all cores; 1 = in this process."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                     help="Refuse inputs (files, JSONL lines) larger than this many bytes: an error record, the batch goes on. Default 16 MiB; analysis needs ~80x an input's size in memory."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress bar on stderr. Default: on when stderr is a terminal."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def make_config(
    party_specs: tuple[str, ...], config_path: str | None, lexicon_specs: tuple[str, ...] = (),
    group_people: bool | None = None,
):
    from dataclasses import replace

    from mediabias.config import Config, ConfigError, parse_lexicon_spec, parse_party_spec

    try:
        config = Config.from_file(config_path) if config_path else Config()
        if party_specs:
            extra: dict[str, tuple[str, ...]] = {}
            for spec in party_specs:
                name, aliases = parse_party_spec(spec)
                extra[name] = extra.get(name, ()) + aliases
            # --party replaces the config's parties of the same name, keeps the others
            base = {k: v for k, v in (config.parties or {}).items() if k not in extra}
            config = replace(config, parties=base or None).with_parties(extra)
        if group_people is not None:
            config = replace(config, group_people=group_people)
    except ConfigError as e:
        if party_specs and "party spec" in str(e):
            raise click.BadParameter(str(e), param_hint="'--party'") from None
        raise click.ClickException(str(e)) from None
    try:
        if lexicon_specs:
            config = config.with_lexicons(dict(parse_lexicon_spec(spec) for spec in lexicon_specs))
    except ConfigError as e:
        raise click.BadParameter(str(e), param_hint="'--lexicon'") from None
    return config


def field_map(specs: tuple[str, ...]) -> dict[str, str]:
    """``--field KEY=FIELD``: title, outlet, author, date and url become the
    record's own keys; any other KEY (a topic, a leaning) is carried in its
    ``fields``."""
    import re

    from mediabias.report import FIELDS_KEY, INPUT_KEYS

    out = {}
    for spec in specs:
        key, sep, name = spec.partition("=")
        if not sep or not name or not re.fullmatch(r"[A-Za-z_][\w.-]*", key) or key in (set(INPUT_KEYS) - {
                "title", "outlet", "author", "date", "url"}) or key == FIELDS_KEY:
            raise click.BadParameter(f"{spec!r}: expected KEY=FIELD, e.g. outlet=source or leaning=bias_text "
                                     "(KEY: title, outlet, author, date, url, or a name of your own)",
                                     param_hint="'--field'")
        out[key] = name
    return out


def explain_option(f: Callable) -> Callable:
    return click.option("--explain", is_flag=True,
                        help="Print each article's text with the spans behind the numbers highlighted, a legend "
                             "and the numbers (marks instead of colour with NO_COLOR or when piped).")(f)


def engine_options(f: Callable) -> Callable:
    """`score` only: run on a Dask cluster instead of this machine."""
    options = [
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where to analyse: this machine, or a Dask cluster (pip install 'mediabias[dask]')."),
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)."),
        click.option("--output-dir", type=click.Path(file_okay=False), default=None,
                     help="With --engine dask: write part-*.jsonl (and Parquet) and summary.json here."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def report_options(f: Callable) -> Callable:
    return click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
                        help="The HTML file to write (written whole or not at all).")(f)
