"""Every example command runs and exits as documented: the ``Examples:`` of
every ``--help`` text and every line of the README's code blocks marked
runnable (```` ```sh runnable ````; a line ending in ``# exit N`` is expected
to exit N, any other line 0).

They run in a bash shell in a scratch folder that holds the names the
examples use -- ``article.txt``, ``articles/``, ``coverage/OUTLET/``,
``corpus.jsonl``, ``scores.jsonl`` and ``results.sqlite`` (its records), ``saved_page.html``, ``parties.toml``, ``my_hedges.txt``, ``empty/``, a copy of
``examples/`` and ``../shared``
-- with this environment's ``mediabias`` first on the PATH.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, SHARED
from mediabias.cli import main

BIN = Path(sys.executable).parent
# what a line needs that this machine may not have
NEEDS = {"jq": lambda: shutil.which("jq") is not None, "pandas": lambda: _importable("pandas")}
NOT_HERE = re.compile(r"--scheduler tcp://")  # a Dask cluster at an address of the reader's


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def help_examples() -> list[tuple[str, str]]:
    out = []
    for name, args in [("mediabias", [])] + [(f"mediabias {c}", [c]) for c in main.commands]:
        text = CliRunner().invoke(main, [*args, "--help"], env={"COLUMNS": "250"}).output
        block = text.split("Examples:", 1)[1].split("\n\n", 1)[0] if "Examples:" in text else ""
        out += [(f"{name} --help", line.strip()) for line in block.splitlines() if line.strip()]
    return out


def readme_examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"^```sh runnable\n(.*?)^```", text, flags=re.S | re.M):
        out += [("README", line.strip()) for line in block.splitlines() if line.strip() and not line.startswith("#")]
    return out


EXAMPLES_TO_RUN = help_examples() + readme_examples()


def test_there_are_examples_to_run():
    where = {w for w, _ in EXAMPLES_TO_RUN}
    assert "mediabias --help" in where and "mediabias report --help" in where and "README" in where
    assert len([1 for w, _ in EXAMPLES_TO_RUN if w == "README"]) >= 15


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    root = tmp_path_factory.mktemp("examples")
    work = root / "work"
    work.mkdir()
    shutil.copytree(ROOT / "examples", work / "examples")
    shutil.copytree(EXAMPLES, work / "articles")
    shutil.copy(EXAMPLES / "state_broadcaster.txt", work / "article.txt")
    shutil.copy(ROOT / "examples" / "parties.toml", work / "parties.toml")
    (work / "my_hedges.txt").write_text("# my hedges\nmay\nperhaps\nreportedly\n", encoding="utf-8")
    lines = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "content": p.read_text(encoding="utf-8"),
              "source": p.stem.split("_")[0], "title": p.stem, "date": f"2025-03-{14 + i}"}
             for i, p in enumerate(sorted(EXAMPLES.glob("*.txt")))]
    (work / "corpus.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    # what summarize's examples read: records with a date and a leaning, and a results database
    r = CliRunner().invoke(main, ["score", str(work / "corpus.jsonl"), "--field", "leaning=source", "--field",
                                  "outlet=source", "--db", str(work / "results.sqlite"), "-j", "1"])
    assert r.exit_code == 0, r.output
    (work / "scores.jsonl").write_text(r.stdout, encoding="utf-8")
    (work / "empty").mkdir()
    shutil.copy(Path(__file__).parent / "pages" / "wire_dam_report.html", work / "saved_page.html")
    for outlet, name in (("Estova Today", "state_broadcaster.txt"), ("Continental Press", "wire_service.txt")):
        (work / "coverage" / outlet).mkdir(parents=True)
        shutil.copy(EXAMPLES / name, work / "coverage" / outlet / name)
    (work / "shards").mkdir()
    shutil.copy(work / "corpus.jsonl", work / "shards" / "part1.jsonl")
    if SHARED.is_dir():
        (root / "shared").symlink_to(SHARED)
        wcl = SHARED / "data" / "newswcl50" / "newswcl50_docs.jsonl"
        if wcl.exists():
            shutil.copy(wcl, work / "newswcl50_docs.jsonl")
    return work


@pytest.mark.parametrize("where,line", EXAMPLES_TO_RUN, ids=[f"{w}: {l[:60]}" for w, l in EXAMPLES_TO_RUN])
def test_example_runs_and_exits_as_documented(scratch, where, line):
    command, *comment = re.split(r"\s+#\s", line, maxsplit=1)
    m = re.search(r"\bexit (\d+)", comment[0]) if comment else None
    expected = int(m.group(1)) if m else 0
    if NOT_HERE.search(command):
        pytest.skip("needs a Dask cluster at the reader's address")
    for need, available in NEEDS.items():
        if re.search(rf"\b{need}\b", line) and not available():
            pytest.skip(f"needs {need}")
    if "../shared" in command and not (scratch.parent / "shared").exists():
        pytest.skip("../shared is not here")
    if "newswcl50_docs.jsonl" in command and not (scratch / "newswcl50_docs.jsonl").exists():
        pytest.skip("NewsWCL50 is not here")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "100"}
    p = subprocess.run(["bash", "-c", f"set -o pipefail; {command} > /dev/null"], cwd=scratch, env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == expected, f"{where}: {command!r} exited {p.returncode}, documented {expected}\n{p.stderr[-2000:]}"
