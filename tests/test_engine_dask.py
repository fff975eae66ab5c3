"""The Dask engine gives the same records as a local run (a real LocalCluster)."""

import json

import pytest

from conftest import EXAMPLES

distributed = pytest.importorskip("distributed", reason="the Dask engine is an extra: pip install 'mediabias[dask]'")
db = pytest.importorskip("dask.bag")

from mediabias import batch  # noqa: E402
from mediabias.engine_dask import run, score_bag  # noqa: E402
from mediabias.inputs import iter_inputs  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture
def shards(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    folder = tmp_path / "shards"
    folder.mkdir()
    for k in range(3):
        with (folder / f"shard{k}.jsonl").open("w", encoding="utf-8") as fh:
            for i, text in enumerate(texts):
                fh.write(json.dumps({"id": f"{k}-{i}", "text": text, "outlet": f"outlet {i}"}) + "\n")
            fh.write("{broken json\n")
    (folder / "single.txt").write_text(texts[0], encoding="utf-8")
    return folder


def test_run_on_a_cluster_equals_the_local_run(client, shards, tmp_path):
    out = tmp_path / "out"
    summary = run([str(shards)], output_dir=out, client=client)
    got = [json.loads(line) for part in summary["jsonl"] for line in open(part, encoding="utf-8")]
    want = [record for _, record in batch.run(iter_inputs([str(shards)]), jobs=1)]
    assert got == want
    assert summary["records"] == 3 * 5 + 1 and summary["failed"] == 3
    assert json.loads((out / "summary.json").read_text())["records"] == summary["records"]
    assert len(summary["jsonl"]) == 4  # one partition per file


def test_score_bag(client):
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    bag = db.from_sequence([{"id": str(i), "text": t} for i, t in enumerate(texts)] + [42], npartitions=2)
    records = score_bag(bag).compute()
    assert [r["id"] for r in records[:-1]] == [str(i) for i in range(len(texts))]
    assert records[0]["hedging"] == json.loads(json.dumps(batch.analyze_item(
        next(iter_inputs([str(sorted(EXAMPLES.glob('*.txt'))[0])])), batch.Config())["hedging"]))
    assert records[-1]["error"]["kind"] == "field"


def test_cli_engine_dask(shards, tmp_path):
    from click.testing import CliRunner

    from mediabias.cli import main

    out = tmp_path / "cli-out"
    r = CliRunner().invoke(main, ["score", str(shards), "--engine", "dask", "--output-dir", str(out)])
    assert r.exit_code == 3, r.output  # the broken lines failed, the rest were analysed
    summary = json.loads((out / "summary.json").read_text())
    assert summary["records"] == 16 and summary["failed"] == 3
    r = CliRunner().invoke(main, ["score", str(shards), "--engine", "dask"])
    assert r.exit_code == 2 and "--output-dir" in r.output
