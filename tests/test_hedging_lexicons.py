"""User word lists for hedging (--lexicon NAME=FILE, [lexicons] in a config)
and the accuracy harness, run on files written here."""

import json
import subprocess
import sys

from click.testing import CliRunner

from conftest import ROOT
from mediabias import analyze
from mediabias.cli import main
from mediabias.config import Config

TEXT = "Officials conjectured that the strikes may have hit a hospital."


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def hedging_hits(stdout):
    return [(h["text"], h["category"]) for h in json.loads(stdout)["hedging"]["hits"]]


def test_lexicon_option_replaces_the_packaged_list(tmp_path):
    words = tmp_path / "hedges.txt"
    words.write_text("# my hedges\nConjectured\n\n", encoding="utf-8")
    r = run("hedging", "-", "--format", "json", input=TEXT)
    assert hedging_hits(r.stdout) == [("may have", "hedge")]
    r = run("hedging", "-", "--format", "json", "--lexicon", f"hedge={words}", input=TEXT)
    assert r.exit_code == 0, r.output
    assert hedging_hits(r.stdout) == [("conjectured", "hedge")]  # entries are lower-cased


def test_lexicon_in_config_is_relative_to_the_config_file(tmp_path):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "weasel.txt").write_text("officials\n", encoding="utf-8")
    cfg = tmp_path / "mediabias.toml"
    cfg.write_text('[lexicons]\nweasel = "lists/weasel.txt"\n', encoding="utf-8")
    r = run("hedging", "-", "--format", "json", "--config", str(cfg), input=TEXT)
    assert r.exit_code == 0, r.output
    assert hedging_hits(r.stdout) == [("Officials", "weasel"), ("may have", "hedge")]
    # and from Python
    config = Config.from_file(cfg)
    assert config.lexicons == {"weasel": ("officials",)}
    got = analyze(TEXT, config=config).to_dict()["hedging"]["by_category"]
    assert got == {"hedge": 1, "distancing": 0, "weasel": 1, "booster": 0}


def test_bad_lexicon_files_name_the_file_and_line(tmp_path):
    missing = tmp_path / "nope.txt"
    r = run("hedging", "-", "--lexicon", f"hedge={missing}", input=TEXT)
    assert r.exit_code == 2 and str(missing) in r.stderr

    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    r = run("hedging", "-", "--lexicon", f"hedge={empty}", input=TEXT)
    assert r.exit_code == 2 and str(empty) in r.stderr and "no entries" in r.stderr

    latin = tmp_path / "latin1.txt"
    latin.write_bytes("perhaps\nmaybe\npeut-\xeatre\n".encode("latin-1"))
    r = run("hedging", "-", "--lexicon", f"hedge={latin}", input=TEXT)
    assert r.exit_code == 2 and str(latin) in r.stderr and "line 3" in r.stderr and "UTF-8" in r.stderr

    punct = tmp_path / "punct.txt"
    punct.write_text("perhaps\n...\n", encoding="utf-8")
    r = run("hedging", "-", "--lexicon", f"hedge={punct}", input=TEXT)
    assert r.exit_code == 2 and str(punct) in r.stderr and "line 2" in r.stderr and "never match" in r.stderr

    r = run("hedging", "-", "--lexicon", f"hedges={punct}", input=TEXT)
    assert r.exit_code == 2 and "unknown word list 'hedges'" in r.stderr
    r = run("hedging", "-", "--lexicon", "hedge", input=TEXT)
    assert r.exit_code == 2 and "NAME=FILE" in r.stderr


def test_bad_lexicon_in_config_names_config_and_list(tmp_path):
    (tmp_path / "bad.txt").write_text("!!\n", encoding="utf-8")
    cfg = tmp_path / "c.toml"
    cfg.write_text('[lexicons]\nbooster = "bad.txt"\n', encoding="utf-8")
    r = run("score", "-", "--config", str(cfg), input=TEXT)
    assert r.exit_code == 1 and "bad.txt, line 1" in r.stderr
    cfg.write_text('[lexicons]\nboosters = "bad.txt"\n', encoding="utf-8")
    r = run("score", "-", "--config", str(cfg), input=TEXT)
    assert r.exit_code == 1 and str(cfg) in r.stderr and "lexicons.boosters" in r.stderr


def test_accuracy_harness_scores_the_real_measure(tmp_path):
    data = tmp_path / "test.csv"  # a file named test.csv is scored whole
    data.write_text(
        "text,label\n"
        "The strikes may have hit a hospital.,1\n"  # hedge: true positive
        "The bridge opened in 1990.,0\n"  # true negative
        "Some say the mayor lied.,1\n"  # weasel: true positive
        "The museum is clearly the largest.,0\n"  # a booster is not uncertainty: true negative
        "Critics say the law is vague.,0\n"  # weasel: false positive
        "The town has 300 people.,1\n",  # false negative
        encoding="utf-8",
    )
    out = tmp_path / "figures.json"
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "hedging_accuracy.py"), str(data), "--json", str(out)],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))["parts"]["all"]
    assert figures == {"sentences": 6, "uncertain": 3, "precision": 0.6667, "recall": 0.6667, "f1": 0.6667}
