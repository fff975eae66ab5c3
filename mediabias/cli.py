"""The ``mediabias`` command: parse options, read inputs, analyse, render.

No analysis happens here.  Heavy modules (rich, the measures, textstat) are
imported inside the commands so that ``mediabias --help`` starts at once.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

import click

from mediabias import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXIT_CODES_HELP = """\b
Exit codes:
  0  every input was analysed
  1  error: nothing could be analysed (bad config, all inputs failed)
  2  usage error: bad option, missing path
  3  some inputs failed in a batch; the others were analysed and printed
130  interrupted (Ctrl-C)"""

FORMATS = ("table", "json", "jsonl", "csv")


def _input_options(f: Callable) -> Callable:
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
                     help="Take title/outlet/date/url from another JSONL field, e.g. --field outlet=source."),
        click.option("--party", "party_specs", multiple=True, metavar="NAME=ALIAS,...",
                     help='Define a party and its aliases (repeatable), e.g. --party "Russia=Russia,Russian,Moscow,Kremlin". '
                          "Replaces automatic detection."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                     help="TOML file with a [parties] table of name = [aliases]."),
        click.option("--group-people/--no-group-people", "group_people", default=None,
                     help="Count a person's mentions toward the party they speak for (Konashenkov -> Russia) "
                          "instead of listing the person apart. Default: off, or the config's group_people."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes for batches. Default: all cores; 1 = in this process."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                     help="Refuse inputs larger than this many bytes (default 100 MB)."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress bar on stderr. Default: on when stderr is a terminal."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _make_config(party_specs: tuple[str, ...], config_path: str | None, group_people: bool | None = None):
    from dataclasses import replace

    from mediabias.config import Config, ConfigError, parse_party_spec

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
    return config


def _field_map(specs: tuple[str, ...]) -> dict[str, str]:
    from mediabias.report import META_FIELDS

    out = {}
    for spec in specs:
        key, sep, name = spec.partition("=")
        if not sep or key not in META_FIELDS or not name:
            raise click.BadParameter(f"{spec!r}: expected KEY=FIELD with KEY one of {', '.join(META_FIELDS)}",
                                     param_hint="'--field'")
        out[key] = name
    return out


def _run(measure: str, measures: tuple[str, ...], opts: dict[str, Any]) -> None:
    """Common body of every analysing command."""
    from mediabias import batch
    from mediabias.inputs import DEFAULT_MAX_BYTES, iter_inputs

    config = _make_config(opts["party_specs"], opts["config_path"], opts.get("group_people"))
    field_map = _field_map(opts["field_specs"])
    fmt = opts["fmt"] or ("table" if sys.stdout.isatty() else "jsonl")
    items = iter_inputs(
        opts["paths"],
        patterns=opts["patterns"],
        text_field=opts["text_field"],
        id_field=opts["id_field"],
        field_map=field_map,
        stdin_jsonl=opts["stdin_jsonl"],
        max_bytes=opts["max_bytes"] or DEFAULT_MAX_BYTES,
    )
    show_progress = opts["progress"] if opts["progress"] is not None else sys.stderr.isatty()
    counts = {"done": 0, "failed": 0}

    def on_record(record: dict) -> None:
        counts["done"] += 1
        if "error" in record:
            counts["failed"] += 1
            click.echo(f"mediabias: {record.get('source')}: {record['error']['message']}", err=True)

    results = batch.run(items, config=config, measures=measures, jobs=opts["jobs"])
    if show_progress:
        from mediabias.render.progress import with_progress

        results = with_progress(results)
    try:
        _render(measure, fmt, results, on_record)
    except KeyboardInterrupt:
        sys.stdout.flush()
        click.echo(f"mediabias: interrupted after {counts['done']} input(s)", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader (head, jq ...) went away: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    if counts["failed"]:
        ok = counts["done"] - counts["failed"]
        click.echo(f"mediabias: {counts['failed']} of {counts['done']} input(s) failed", err=True)
        sys.exit(EXIT_PARTIAL if ok else EXIT_ERROR)


def _render(measure: str, fmt: str, results, on_record: Callable[[dict], None]) -> None:
    out = sys.stdout
    records = (record for _, record in results)
    if fmt == "jsonl":
        from mediabias.render.records import write_jsonl

        write_jsonl(records, out, on_record)
    elif fmt == "json":
        from mediabias.render.records import write_json

        write_json(records, out, on_record)
    elif fmt == "csv":
        from mediabias.render.records import write_csv

        write_csv(records, out, on_record)
    else:
        from mediabias.render.table import make_table_view

        view = make_table_view(measure, out)
        for item, record in results:
            on_record(record)
            view.add(item, record)
        view.finish()


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # definition order, not alphabetical


@click.group(cls=_Group, epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="mediabias")
def main() -> None:
    """Measure how news articles tell a story: hedging and distancing,
    sentiment toward each party, and whom they cite -- with the character
    offsets of the evidence behind every number.

    \b
    Examples:
      mediabias score examples/
      mediabias score article.txt --format json
      mediabias score corpus.jsonl --format csv > scores.csv
      mediabias hedging examples/state_broadcaster.txt
      cat article.txt | mediabias sentiment - --party "Russia=Russia,Moscow"
    """


def _command(name: str, measures: tuple[str, ...], doc: str) -> None:
    @_input_options
    def command(**opts: Any) -> None:
        _run(name, measures, opts)

    command.__doc__ = doc
    main.command(name, epilog=EXIT_CODES_HELP)(command)


_command(
    "score",
    ("hedging", "sentiment", "sources", "readability"),
    """All measures for each article: one summary row per article on a
    terminal, the full records (with evidence spans) in json/jsonl/csv.

    \b
    Examples:
      mediabias score article.txt
      mediabias score articles/ --glob '*.txt'
      mediabias score corpus.jsonl --text-field content --field outlet=source --format jsonl | jq .hedging.per_1k_words
      mediabias score articles/ --format csv > scores.csv
    """,
)
_command(
    "hedging",
    ("hedging",),
    """Hedging and distancing: each hedge, distancing word or scare quote,
    weasel phrase and booster, with its sentence context, category, voice
    (author or quoted source) and the party it bears on.

    \b
    Examples:
      mediabias hedging article.txt
      mediabias hedging articles/ --format jsonl | jq '.hedging.by_category'
    """,
)
_command(
    "sentiment",
    ("sentiment",),
    """Sentiment toward each party: score in [-1, 1], label, mention counts,
    author voice vs quoted, and every mention used as evidence.

    \b
    Examples:
      mediabias sentiment article.txt
      mediabias sentiment article.txt --party "Russia=Russia,Russian,Moscow,Kremlin" --party "Amnesty=Amnesty"
      mediabias sentiment articles/ --config parties.toml --format json
    """,
)
_command(
    "sources",
    ("sources",),
    """Source citation: each attribution with its cue, source, content and
    party; density per 100 words, direct quotes, named vs anonymous.

    \b
    Examples:
      mediabias sources article.txt
      mediabias sources articles/ --format csv > sources.csv
    """,
)
_command(
    "parties",
    ("parties",),
    """The parties found in each article: every alias with its mention count,
    the people with the party they speak for, and (on a terminal) a [parties]
    config to start from.  With --party or --config, the aliases you defined,
    each with its count (0 for one that never occurs).

    \b
    Examples:
      mediabias parties articles/
      mediabias parties article.txt --format json | jq '.parties.parties[] | {name, mentions}'
      mediabias parties articles/ --config parties.toml
    """,
)
_command(
    "readability",
    ("readability",),
    """Readability: Flesch reading ease, Flesch-Kincaid grade, Gunning fog
    and SMOG (equal to textstat 0.7.3's values).

    \b
    Examples:
      mediabias readability articles/
      mediabias readability article.txt --format json
    """,
)


if __name__ == "__main__":  # pragma: no cover
    main()
