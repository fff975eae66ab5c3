import json
import subprocess
import sys

import jsonschema
import pytest

import mediabias
from conftest import EXAMPLES, SEEDS
from mediabias.config import ConfigError
from mediabias.schema import load_schema


def test_analyze_returns_a_report_with_the_documented_record():
    report = mediabias.analyze("Officials said the strikes may have hit a market.")
    d = report.to_dict()
    assert d["schema_version"] == mediabias.SCHEMA_VERSION
    assert {"words", "sentences", "hedging", "sentiment", "sources", "readability"} <= set(d)
    assert json.loads(json.dumps(d)) == d


def test_parties_argument():
    d = mediabias.analyze("Moscow said no.", parties={"Russia": ["Moscow"]}).to_dict()
    assert d["sentiment"]["parties"][0]["name"] == "Russia"
    with pytest.raises(ConfigError):
        mediabias.analyze("x", parties={"Russia": [""]})
    with pytest.raises(TypeError):
        mediabias.analyze(b"bytes")


def test_records_validate_against_the_schema():
    validator = jsonschema.Draft202012Validator(load_schema())
    paths = sorted(EXAMPLES.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
    for p in paths:
        validator.validate(mediabias.analyze(p.read_text(encoding="utf-8"), id=p.name, source=str(p)).to_dict())
    validator.validate(mediabias.analyze("").to_dict())
    from mediabias.report import error_record

    validator.validate(error_record("binary data", kind="binary", id="x", source="x"))


def test_every_offset_points_into_the_text():
    for p in EXAMPLES.glob("*.txt"):
        text = p.read_text(encoding="utf-8")
        d = mediabias.analyze(text).to_dict()
        for h in d["hedging"]["hits"]:
            assert text[h["start"]:h["end"]] == h["text"]
        for party in d["sentiment"]["parties"]:
            for e in party["evidence"]:
                assert text[e["start"]:e["end"]] == e["text"]
        for c in d["sources"]["citations"]:
            for key in ("cue", "source"):
                if c[key]:
                    assert text[c[key]["start"]:c[key]["end"]] == c[key]["text"]


HEAVY = ("rich.table", "rich.console", "textstat", "nltk", "numpy", "vaderSentiment", "pkg_resources",
         "trafilatura", "lxml", "sqlite3", "msgspec", "jinja2")


@pytest.mark.parametrize("module", ["mediabias", "mediabias.cli"])
def test_import_stays_light(module):
    code = f"import sys, {module}; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_stays_light():
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom mediabias.cli import main\n"
        "CliRunner().invoke(main, ['score', '--help'])\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_analyze_stays_the_function_after_submodules_are_imported():
    code = "import mediabias.batch, mediabias.cli, mediabias; print(callable(mediabias.analyze))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_disk_cache_gives_the_same_results(tmp_path):
    """Records are identical with the derived-data cache off, cold and warm."""
    from conftest import EXAMPLES

    text = (EXAMPLES / "state_broadcaster.txt").read_text(encoding="utf-8")
    code = (
        "import json, sys, mediabias; "
        "print(json.dumps(mediabias.analyze(sys.stdin.read()).to_dict(), sort_keys=True))"
    )
    runs = []
    for env in ({"MEDIABIAS_NO_CACHE": "1"}, {"MEDIABIAS_CACHE_DIR": str(tmp_path)}, {"MEDIABIAS_CACHE_DIR": str(tmp_path)}):
        import os

        p = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True,
                           env={**os.environ, **env})
        runs.append(p.stdout)
    assert runs[0] == runs[1] == runs[2]
    assert any(tmp_path.glob("matcher-*.marshal")) and any(tmp_path.glob("news-lexicon-*.marshal"))
