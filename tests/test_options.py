"""Every option of every command does something: no option is accepted and ignored.

For each command and each of its options, the command is run once without
the option and once with it, on inputs where the option applies.  The
option must change what the command does -- standard output, standard
error, the file it writes or the exit code (a usage error, exit 2, counts:
an option that cannot apply is refused, not ignored).  The walk takes the
options from the commands themselves, so a new option without a case here
fails the test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mediabias.cli import main

TEXT = ("Russian Foreign Ministry spokeswoman Maria Zakharova said the report was biased and may be wrong. "
        "Zakharova called the so-called findings \"a lie\". Critics say Amnesty International was right. ")
# options whose effect is, by design, not in the output
HOW_NOT_WHAT = {
    ("*", "jobs"): "how many processes analyse: the output is the same by design (test_cli checks -j 2 against -j 1)",
    ("summarize", "id_field"): "summarize prints groups, not articles: the ids go only into --db",
}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    root = tmp_path_factory.mktemp("options")
    (root / "dir").mkdir()
    (root / "dir" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "dir" / "b.md").write_text((EXAMPLES / "wire_service.txt").read_text(encoding="utf-8") + "\n\n" + TEXT,
                                       encoding="utf-8")
    (root / "outlets" / "RT").mkdir(parents=True)
    (root / "outlets" / "RT" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "outlets" / "Wire").mkdir()
    (root / "outlets" / "Wire" / "b.txt").write_text((EXAMPLES / "wire_service.txt").read_text(encoding="utf-8"), encoding="utf-8")
    lines = [{"doc": f"d{i}", "body": TEXT if i else (EXAMPLES / "wire_service.txt").read_text(encoding="utf-8"),
              "text": "Short text.", "site": f"Outlet {i}", "id": f"i{i}"} for i in range(2)]
    (root / "corpus.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (root / "parties.toml").write_text('[parties]\nRussia = ["Russian", "Zakharova"]\n', encoding="utf-8")
    (root / "hedges.txt").write_text("biased\nwrong\n", encoding="utf-8")
    (root / "meta.csv").write_text("path,outlet,title\ndir/a.txt,State TV,Biased\ndir/b.md,Wire,Dam\n", encoding="utf-8")
    page = (Path(__file__).parent / "pages" / "wire_dam_report.html").read_text(encoding="utf-8")
    (root / "pages.jsonl").write_text(json.dumps({"id": "p1", "text": "Short text.", "page": page}) + "\n",
                                      encoding="utf-8")
    records = CliRunner().invoke(main, ["score", str(root / "dir"), "--outlet", "X", "-j", "1"]).stdout
    (root / "records.jsonl").write_text(records, encoding="utf-8")
    return root


def _has_stance() -> bool:
    from mediabias import analyze

    return any("stance" in p for p in analyze("Russia denied it.").to_dict()["sentiment"]["parties"])


STANCE = _has_stance()


def cases(root, command: str) -> dict[str, tuple[list[str], list[str], str | None]]:
    """option name -> (base arguments, the option's arguments, standard input)."""
    d, corpus = str(root / "dir"), str(root / "corpus.jsonl")
    # summarize groups by outlet (and says so when there is none); report --by needs the same
    grouped = ["--outlet", "X"] if command == "summarize" else []
    stats = [str(EXAMPLES), "--outlet", "X", "--config", str(EXAMPLES.parent / "parties.toml")] + (
        ["--by", "outlet"] if command == "report" else [])
    table = {
        "fmt": ([d, *grouped], ["--format", "csv"], None),
        "patterns": ([d, *grouped], ["--glob", "*.md"], None),
        "stdin_jsonl": (["-", *grouped], ["--jsonl"], (root / "corpus.jsonl").read_text(encoding="utf-8")),
        "text_field": ([corpus, *grouped], ["--text-field", "body"], None),
        "id_field": ([corpus, *grouped], ["--id-field", "doc"], None),
        "field_specs": ([corpus], ["--field", "outlet=site"], None),
        "outlet": ([d], ["--outlet", "RT"], None),
        "outlet_from_dir": ([str(root / "outlets")], ["--outlet-from-dir"], None),
        "meta_path": ([d], ["--meta", str(root / "meta.csv")], None),
        "party_specs": ([d, *grouped], ["--party", "Russia=Russian,Zakharova"], None),
        "config_path": ([d, *grouped], ["--config", str(root / "parties.toml")], None),
        "lexicon_specs": ([d, *grouped], ["--lexicon", f"hedge={root / 'hedges.txt'}"], None),
        "group_people": ([d, *grouped, *(["--min-articles", "2"] if command == "summarize" else [])],
                         ["--group-people"], None),
        "jobs": ([d, *grouped], ["--jobs", "2"], None),
        "max_bytes": ([d, *grouped], ["--max-bytes", "100"], None),
        "progress": ([d, *grouped], ["--progress"], None),
        "explain": ([d], ["--explain"], None),
        "engine": ([d], ["--engine", "dask"], None),
        "scheduler": ([d], ["--scheduler", "tcp://127.0.0.1:1"], None),
        "output_dir": ([d], ["--output-dir", str(root / "out")], None),
        "all": ([d], ["--all"], None),
        "html_field": ([str(root / "pages.jsonl"), *grouped], ["--html-field", "page"], None),
        "save_text": ([d, *grouped], ["--save-text", str(root / "side" / "texts")], None),
        "db_path": ([d, *grouped], ["--db", str(root / "side" / "r.sqlite")], None),
        "force": ([d, *grouped, "--db", str(root / "side" / "r.sqlite")], ["--force"], None),
        "by": ([d, "--outlet", "X"], ["--by", "title"], None),
        "period": ([d, *grouped], ["--period", "year"], None),
        "min_articles": (stats, ["--min-articles", "2"], None),
        "resamples": (stats, ["--resamples", "20", "--seed", "3"], None),
        "seed": (stats, ["--seed", "7"], None),
        # the party columns need parties in --min-articles articles: the four examples, so 2
        "top_parties": (stats + ["--min-articles", "2"], ["--top-parties", "0"], None),
        "families": (stats, ["--measures", "hedging"], None),
        "records": ([], ["--records", str(root / "records.jsonl")], None),
    }
    return table


def run(root, command: str, args: list[str], stdin: str | None, keep_side: bool = False):
    """Exit code, stdout, stderr, the report written and the files written beside (--db, --save-text)."""
    extra = ["-o", str(root / f"{command}.html")] if command == "report" else []
    out, side = root / f"{command}.html", root / "side"
    if out.exists():
        out.unlink()
    if side.exists() and not keep_side:
        shutil.rmtree(side)
    side.mkdir(exist_ok=True)
    r = CliRunner().invoke(main, [command, *args, *extra], input=stdin, env={"COLUMNS": "200"})
    written = out.read_text(encoding="utf-8") if out.exists() else None
    beside = sorted(str(f.relative_to(side)) for f in side.rglob("*")) if side.exists() else []
    return r.exit_code, r.stdout, r.stderr, written, beside


def _params(command: str) -> list:
    return [p for p in main.commands[command].params if p.name not in ("paths", "help", "output")]


@pytest.mark.parametrize("command", list(main.commands))
def test_no_option_is_accepted_and_ignored(sandbox, command, monkeypatch):
    from mediabias.render import limits

    monkeypatch.setattr(limits, "REPORT_ALL_UP_TO", 1)  # so that --all has something to add on two articles
    table = cases(sandbox, command)
    ignored = []
    for param in _params(command):
        assert param.name in table, f"{command} --{param.name}: no case in this test for a new option"
        if ("*", param.name) in HOW_NOT_WHAT or (command, param.name) in HOW_NOT_WHAT:
            continue
        if not STANCE and (param.name == "top_parties" or (command == "summarize" and param.name == "group_people")):
            continue  # they act on the parties' stance columns, which need the stance in the records
        base, option, stdin = table[param.name]
        before = run(sandbox, command, base, stdin)
        if param.name == "force":  # against a second run, which finds everything stored
            before = run(sandbox, command, base, stdin, keep_side=True)
        after = run(sandbox, command, base + option, stdin, keep_side=param.name == "force")
        if after == before:
            ignored.append(" ".join(option))
    assert not ignored, f"mediabias {command}: accepted and ignored: {ignored}"


@pytest.mark.parametrize("command", ["readability", "report"])
def test_options_that_cannot_apply_are_not_offered(command):
    names = {p.name for p in _params(command)}
    if command == "readability":
        assert not names & {"party_specs", "config_path", "lexicon_specs", "group_people"}
    else:
        assert "fmt" not in names  # the report is HTML


def test_usage_errors_name_the_option(sandbox):
    d = str(sandbox / "dir")
    for args, flag in (([str(sandbox / "dir" / "a.txt"), "--glob", "*.txt"], "--glob"),
                       ([d, "--jsonl"], "--jsonl"),
                       ([str(sandbox / "dir" / "a.txt"), "--text-field", "body"], "--text-field"),
                       ([d, "--output-dir", "x"], "--output-dir"),
                       ([d, "--outlet", "A", "--outlet-from-dir"], "--outlet")):
        r = CliRunner().invoke(main, ["score", *args])
        assert r.exit_code == 2 and flag in r.stderr, (args, r.stderr)
    r = CliRunner().invoke(main, ["report", d, "--format", "csv", "-o", str(sandbox / "r.html")])
    assert r.exit_code == 2 and "--format" in r.stderr
    r = CliRunner().invoke(main, ["score", d, "--engine", "dask", "--output-dir", str(sandbox / "o")])
    try:
        import dask  # noqa: F401
    except ImportError:
        assert r.exit_code == 1 and "pip install 'mediabias[dask]'" in r.stderr
