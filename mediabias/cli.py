"""The ``mediabias`` command: parse options, read inputs, analyse, render.

No analysis happens here.  Heavy modules (rich, the measures, textstat) are
imported inside the commands so that ``mediabias --help`` starts at once.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from typing import Any, Callable

import click

from mediabias import __version__
from mediabias.render import FORMATS
from mediabias.cli_corpus import Session, corpus_options, page_options, report_profiles, store_options, summarize_command
from mediabias.cli_options import (
    check_options,
    engine_options,
    explain_option,
    field_map,
    input_options,
    make_config,
    report_options,
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 130, 143

EXIT_CODES_HELP = """\b
Exit codes:
  0  every input was analysed
  1  error: nothing to analyse, or nothing could be (bad config, all inputs failed),
     or the output could not be written (disk full)
  2  usage error: bad option, missing path
  3  some inputs failed in a batch (or a folder could not be read);
     the others were analysed and printed
130  interrupted (Ctrl-C)
143  terminated (SIGTERM); complete records only, as for Ctrl-C"""


def _safe(message: str) -> str:
    from mediabias.render.safe import terminal_text

    return terminal_text(message)


def _say(message: str) -> None:
    """A line on standard error; article-derived parts (file names) cannot drive the terminal."""
    from mediabias.render.safe import terminal_text

    click.echo(f"mediabias: {terminal_text(message)}", err=True)


def _run_dask(measures: tuple[str, ...], opts: dict[str, Any], config, field_map: dict[str, str]) -> None:
    from importlib.util import find_spec

    if not opts.get("output_dir"):
        raise click.UsageError("--engine dask needs --output-dir (results are written there by the workers)")
    missing = [name for name in ("dask", "distributed") if find_spec(name) is None]
    if missing:
        raise click.ClickException(f"the Dask engine needs {' and '.join(missing)}, which are not installed: "
                                   "pip install 'mediabias[dask]'")
    from mediabias import engine_dask
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
    from mediabias.cli_inputs import FailureLog, InputsError, MetaTable, nonempty, with_meta
    from mediabias.inputs import DEFAULT_MAX_BYTES, iter_inputs

    check_options(opts)
    if sys.stdout is None and measure != "report":  # started with standard output closed (>&-)
        _say("cannot write the output: standard output is closed")
        sys.exit(EXIT_ERROR)
    config = make_config(opts.get("party_specs", ()), opts.get("config_path"), opts.get("lexicon_specs", ()),
                         opts.get("group_people"))
    fields = field_map(opts["field_specs"])
    if opts.get("engine") == "dask":
        Session.refuse(opts, "--engine dask")  # the workers write their own output files
        return _run_dask(measures, opts, config, fields)
    fmt = opts.get("fmt")
    if opts.get("explain"):
        if fmt not in (None, "table"):
            raise click.UsageError("--explain prints the text with its spans; it cannot be combined with --format " + fmt)
        fmt = "explain"
    elif measure == "report":
        fmt = "html"
    else:
        fmt = fmt or ("table" if sys.stdout.isatty() else ("json" if measure == "compare" else "jsonl"))
    try:
        meta = MetaTable.read(opts["meta_path"]) if opts.get("meta_path") else None
        items = nonempty(with_meta(
            iter_inputs(
                opts["paths"],
                patterns=opts["patterns"],
                text_field=opts["text_field"],
                id_field=opts["id_field"],
                field_map=fields,
                stdin_jsonl=opts["stdin_jsonl"],
                max_bytes=opts["max_bytes"] or DEFAULT_MAX_BYTES,
                notify=lambda message: _say(f"skipped {message}"),
                html_field=opts.get("html_field"),
            ),
            paths=opts["paths"], outlet=opts.get("outlet"), outlet_from_dir=opts.get("outlet_from_dir"), meta=meta,
        ), opts["paths"], opts["patterns"])
    except InputsError as e:
        raise click.ClickException(_safe(str(e))) from None
    except KeyboardInterrupt:  # while the first input is read (standard input, say)
        _say("interrupted after 0 input(s)")
        sys.exit(EXIT_INTERRUPTED)
    session = Session.open(opts, config, measures)  # --db, --save-text
    show_progress = opts["progress"] if opts["progress"] is not None else sys.stderr.isatty()
    counts = {"done": 0, "failed": 0}
    from mediabias.render.safe import terminal_text

    failures = FailureLog(lambda line: click.echo(terminal_text(line), err=True))

    def on_record(record: dict) -> None:
        counts["done"] += 1
        if "error" in record:
            counts["failed"] += 1
            failures.add(record)

    results = session.wrap(batch.run(items, config=config, measures=measures, jobs=opts["jobs"], known=session.known))
    if show_progress:
        from mediabias.inputs import estimate_count
        from mediabias.render.progress import with_progress

        # views that print each article as it arrives (the others print once at the end)
        interleaved = fmt == "explain" or (fmt == "table" and measure in ("hedging", "sentiment", "sources", "parties"))
        results = with_progress(results, estimate_count(opts["paths"], patterns=opts["patterns"]),
                                interleaved=interleaved and sys.stdout.isatty(), note=session.progress_note)
    guard = _InterruptGuard()
    try:
        _render(measure, fmt, results, on_record, opts, guard)
    except KeyboardInterrupt:
        _flush_or_discard()
        what = "terminated" if guard.signum == signal.SIGTERM else "interrupted"
        _say(f"{what} after {counts['done']} input(s)")
        sys.exit(EXIT_TERMINATED if guard.signum == signal.SIGTERM else EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader (head, jq ...) went away: stop quietly (the batch engine
        # never lets a worker's broken pipe escape, so this is standard output)
        _discard_stdout()
        sys.exit(EXIT_OK)
    except OSError as e:
        # disk full, a quota, an I/O error on the output: a message, not a traceback
        _discard_stdout()
        what = "cannot write the output" if e.errno in _OUTPUT_ERRNOS else "error"
        _say(f"{what}: {e.strerror or e}")
        sys.exit(EXIT_ERROR)
    finally:
        session.close()  # commits what the database has not yet written
    failures.finish()
    if meta is not None and meta.unused():
        lines = meta.unused()
        _say(f"{opts['meta_path']}: {len(lines)} row(s) matched no input (line {', '.join(map(str, lines[:5]))}"
             f"{' ...' if len(lines) > 5 else ''})")
    if counts["failed"]:
        ok = counts["done"] - counts["failed"]
        _say(f"{counts['failed']} of {counts['done']} input(s) failed")
        sys.exit(EXIT_PARTIAL if ok else EXIT_ERROR)


_OUTPUT_ERRNOS = {getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS", "EBADF", "ENXIO")
                  if hasattr(errno, name)}


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush
    of what is still buffered cannot fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _flush_or_discard() -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _discard_stdout()


class _InterruptGuard:
    """Hold Ctrl-C (and SIGTERM) back while a record is being written, so that
    an interrupted run leaves only complete lines; anywhere else (waiting for
    workers) either raises KeyboardInterrupt at once."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False
        self.signum: int | None = None

    def handler(self, signum, frame) -> None:
        self.signum = signum
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self.handler)

    def __call__(self) -> "_InterruptGuard":
        return self

    def __enter__(self) -> None:
        self.writing = True

    def __exit__(self, exc_type, exc, tb) -> None:
        self.writing = False
        if self.pending and exc_type is None:
            raise KeyboardInterrupt


def _render(measure: str, fmt: str, results, on_record: Callable[[dict], None], opts: dict[str, Any],
            guard: _InterruptGuard) -> None:
    from mediabias.render.safe import terminal_item, terminal_value, writable

    out = writable(sys.stdout)
    guard.install()
    if fmt in ("table", "explain"):
        # terminal views show article text with its control characters made inert
        results = ((terminal_item(item), terminal_value(record), record) for item, record in results)
    else:
        results = ((item, record, record) for item, record in results)
    if measure == "summarize":
        from mediabias.cli_corpus import write_summary

        def counted(results):
            for _, _, record in results:
                on_record(record)
                yield record

        write_summary(counted(results), opts, fmt, out)
        return
    if measure in ("compare", "report"):
        from mediabias.render.story import render_story

        pairs = []
        for item, shown, record in results:
            on_record(record)
            pairs.append((item, shown))
        render_story(measure, fmt, pairs, out, opts.get("output"), everything=opts.get("all", False),
                     profiles=report_profiles(pairs, opts) if measure == "report" else None)
        return
    if fmt == "explain":
        from mediabias.render.explain import ExplainView

        view = ExplainView(measure, out)
        for item, shown, record in results:
            view.add(item, shown)
            on_record(record)
        return
    if fmt == "toml":  # parties: the suggested [parties] config alone, to save with '>'
        from mediabias.render.parties_view import write_config

        write_config((record for _, _, record in results), out, on_record)
        return
    if fmt == "csv" and measure in ("hedging", "sources"):  # one row per hit / citation
        from mediabias.render.hits_csv import write_hits_csv

        write_hits_csv(measure, ((item, record) for item, _, record in results), out, on_record, guard)
        return
    if fmt in ("jsonl", "json", "csv"):
        from mediabias.render import records as writers

        records = (record for _, _, record in results)
        if fmt == "csv":
            writers.write_csv(records, out, on_record, guard, parties=measure == "parties")
        else:
            write = {"jsonl": writers.write_jsonl, "json": writers.write_json}[fmt]
            write(records, out, on_record, guard)
    else:
        from mediabias.render.table import make_table_view

        view = make_table_view(measure, out)
        for item, shown, record in results:
            view.add(item, shown)
            on_record(record)
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
      mediabias score examples/articles
      mediabias score examples/articles/wire_service.txt --format json
      mediabias score corpus.jsonl --format csv > scores.csv
      mediabias hedging examples/articles/state_broadcaster.txt
      cat examples/articles/wire_service.txt | mediabias sentiment - --party "Estova=Estova,Estovan"
    """


def _command(name: str, measures: tuple[str, ...], doc: str, extra: Callable | None = None, **option_set: Any) -> None:
    """A command: the input options it uses (``option_set``: see input_options), and ``extra`` options."""

    @input_options(**option_set)
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
    extra=lambda f: store_options(page_options(explain_option(engine_options(f)))),
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
    extra=lambda f: store_options(page_options(explain_option(f))),
    group_people=False,
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
    extra=lambda f: store_options(page_options(explain_option(f))),
    lexicons=False,
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
    extra=lambda f: store_options(page_options(explain_option(f))),
    lexicons=False,
    group_people=False,
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
    extra=lambda f: store_options(page_options(f)),
    lexicons=False,
    group_people=False,
    formats=FORMATS + ("toml",),
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
    extra=lambda f: store_options(page_options(f)),
    parties=False,
    lexicons=False,
    group_people=False,
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
    extra=page_options,
)


_command(
    "report",
    ("hedging", "sentiment", "sources", "readability"),
    """One self-contained HTML report for a story cluster: the comparison
    table, charts (party sentiment by outlet, citations by party, hedging by
    category) and every article with its spans highlighted (hover for the
    category or score). No external files or requests: it opens offline.
    --by FIELD adds profiles of the groups (outlets ...): each measure's
    mean with its 95% interval, as summarize computes them.

    \b
    Examples:
      mediabias report ../shared/seeds -o seeds.html
      mediabias report examples/articles -o examples/report.html
      mediabias report corpus.jsonl --field outlet=source --by outlet -o profiles.html
    """,
    extra=lambda f: corpus_options(by_default=None)(page_options(report_options(f))),
    formats=None,
)

main.add_command(summarize_command(_run, input_options(), EXIT_CODES_HELP))


if __name__ == "__main__":  # pragma: no cover
    main()
