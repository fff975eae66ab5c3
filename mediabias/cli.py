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


def _make_config(
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


def _explain_option(f: Callable) -> Callable:
    return click.option("--explain", is_flag=True,
                        help="Print each article's text with the spans behind the numbers highlighted, a legend "
                             "and the numbers (marks instead of colour with NO_COLOR or when piped).")(f)


def _engine_options(f: Callable) -> Callable:
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


def _run_dask(measures: tuple[str, ...], opts: dict[str, Any], config, field_map: dict[str, str]) -> None:
    if not opts.get("output_dir"):
        raise click.UsageError("--engine dask needs --output-dir (results are written there by the workers)")
    try:
        from mediabias import engine_dask
    except ImportError as e:
        raise click.ClickException(f"the Dask engine needs dask and distributed: pip install 'mediabias[dask]' ({e})")
    try:
        summary = engine_dask.run(
            opts["paths"], output_dir=opts["output_dir"], scheduler=opts["scheduler"], config=config,
            measures=measures, patterns=opts["patterns"], text_field=opts["text_field"], id_field=opts["id_field"],
            field_map=field_map, max_bytes=opts["max_bytes"],
        )
    except (ImportError, ValueError, OSError) as e:
        raise click.ClickException(str(e)) from None
    click.echo(
        f"mediabias: {summary['records']} records ({summary['failed']} failed) in {summary['seconds']} s "
        f"-> {opts['output_dir']}/summary.json", err=True,
    )
    if summary["failed"]:
        sys.exit(EXIT_PARTIAL if summary["failed"] < summary["records"] else EXIT_ERROR)


def _run(measure: str, measures: tuple[str, ...], opts: dict[str, Any]) -> None:
    """Common body of every analysing command (and of compare and report)."""
    from mediabias import batch
    from mediabias.inputs import DEFAULT_MAX_BYTES, iter_inputs

    config = _make_config(opts["party_specs"], opts["config_path"], opts["lexicon_specs"], opts.get("group_people"))
    field_map = _field_map(opts["field_specs"])
    if opts.get("engine") == "dask":
        return _run_dask(measures, opts, config, field_map)
    if opts.get("explain"):
        if opts["fmt"] not in (None, "table"):
            raise click.UsageError("--explain prints the text with its spans; it cannot be combined with --format "
                                   + opts["fmt"])
        fmt = "explain"
    elif measure == "report":
        fmt = "html"
    else:
        fmt = opts["fmt"] or ("table" if sys.stdout.isatty() else ("json" if measure == "compare" else "jsonl"))
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
        from mediabias.inputs import estimate_count
        from mediabias.render.progress import with_progress

        results = with_progress(results, estimate_count(opts["paths"], patterns=opts["patterns"]))
    try:
        _render(measure, fmt, results, on_record, opts)
    except KeyboardInterrupt:
        sys.stdout.flush()
        click.echo(f"mediabias: interrupted after {counts['done']} input(s)", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader (head, jq ...) went away: stop quietly (the batch engine
        # never lets a worker's broken pipe escape, so this is standard output)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    if counts["failed"]:
        ok = counts["done"] - counts["failed"]
        click.echo(f"mediabias: {counts['failed']} of {counts['done']} input(s) failed", err=True)
        sys.exit(EXIT_PARTIAL if ok else EXIT_ERROR)


class _InterruptGuard:
    """Hold Ctrl-C back while a record is being written, so that an
    interrupted run leaves only complete lines; anywhere else (waiting for
    workers) Ctrl-C raises KeyboardInterrupt at once."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False

    def handler(self, signum, frame) -> None:
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def __call__(self) -> "_InterruptGuard":
        return self

    def __enter__(self) -> None:
        self.writing = True

    def __exit__(self, exc_type, exc, tb) -> None:
        self.writing = False
        if self.pending and exc_type is None:
            raise KeyboardInterrupt


def _render(measure: str, fmt: str, results, on_record: Callable[[dict], None], opts: dict[str, Any]) -> None:
    import signal

    out = sys.stdout
    records = (record for _, record in results)
    guard = _InterruptGuard()
    signal.signal(signal.SIGINT, guard.handler)
    if measure in ("compare", "report"):
        from mediabias.render.story import render_story

        pairs = []
        for item, record in results:
            on_record(record)
            pairs.append((item, record))
        render_story(measure, fmt, pairs, out, opts.get("output"))
        return
    if fmt == "explain":
        from mediabias.render.explain import ExplainView

        view = ExplainView(measure, out)
        for item, record in results:
            on_record(record)
            view.add(item, record)
        return
    if fmt in ("jsonl", "json", "csv"):
        from mediabias.render import records as writers

        write = {"jsonl": writers.write_jsonl, "json": writers.write_json, "csv": writers.write_csv}[fmt]
        write(records, out, on_record, guard)
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


def _command(name: str, measures: tuple[str, ...], doc: str, extra: Callable | None = None) -> None:
    @_input_options
    def command(**opts: Any) -> None:
        _run(name, measures, opts)

    if extra is not None:
        command = extra(command)
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
      mediabias score article.txt --explain
      mediabias score shards/ --engine dask --scheduler tcp://10.0.0.5:8786 --output-dir out/
    """,
    extra=lambda f: _explain_option(_engine_options(f)),
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
      mediabias hedging article.txt --explain
    """,
    extra=_explain_option,
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
      mediabias sentiment article.txt --explain
    """,
    extra=_explain_option,
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
      mediabias sources article.txt --explain
    """,
    extra=_explain_option,
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

_command(
    "compare",
    ("hedging", "sentiment", "sources", "readability"),
    """Articles on one story side by side: one column per article (labelled
    by outlet, title or file name), rows for hedging, sentiment toward each
    party (aligned across articles), sources and readability; the cells that
    differ most are marked and each group ends with a one-line summary of its
    largest gap. --format json (or jsonl, one line) gives the comparison as
    data; csv gives it in long form (group, row, article, value).

    \b
    Examples:
      mediabias compare ../shared/seeds
      mediabias compare examples/articles --format json
      jq -c 'select(.event_id == 0)' newswcl50_docs.jsonl | mediabias compare - --jsonl --text-field sentences
    """,
)


def _report_options(f: Callable) -> Callable:
    return click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
                        help="The HTML file to write (written whole or not at all).")(f)


_command(
    "report",
    ("hedging", "sentiment", "sources", "readability"),
    """One self-contained HTML report for a story cluster: the comparison
    table, charts (party sentiment by outlet, citations by party, hedging by
    category) and every article with its spans highlighted (hover for the
    category or score). No external files or requests: it opens offline.

    \b
    Examples:
      mediabias report ../shared/seeds -o seeds.html
      mediabias report examples/articles -o examples/report.html
    """,
    extra=_report_options,
)


if __name__ == "__main__":  # pragma: no cover
    main()
