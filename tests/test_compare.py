import json

from click.testing import CliRunner

from conftest import EXAMPLES
from mediabias.cli import main
from mediabias.compare import compare


def record(label, words=1000, distancing=0, hedge=0, russia=None, cites=None, fre=50.0):
    parties = []
    if russia is not None:
        parties.append({"name": "Russia", "mentions": 3, "score": russia, "label": "negative" if russia <= -0.05 else "neutral",
                        "by_voice": {"author": {"score": russia}, "quoted": {"score": None, "mentions": 0}}})
    parties.append({"name": "Amnesty International", "mentions": 2, "score": 0.0, "label": "neutral", "by_voice": {}})
    return {
        "id": label, "outlet": label, "words": words,
        "hedging": {"per_1k_words": (distancing + hedge) * 1000 / words, "by_category": {"hedge": hedge, "distancing": distancing, "weasel": 0, "booster": 0},
                    "author_voice": {"per_1k_words": 0.0}, "quoted": {"per_1k_words": 0.0},
                    "by_party": {"Amnesty International": {"distancing": distancing}} if distancing else {}},
        "sentiment": {"parties": parties},
        "sources": {"per_100_words": 2.0, "share_anonymous": 0.1, "share_words_quoted": 0.2, "by_party": cites or {}},
        "readability": {"flesch_reading_ease": fre, "flesch_kincaid_grade": 10.0, "gunning_fog": 12.0, "smog_index": 11.0},
    }


def test_outlier_cells_are_marked_and_summarised():
    recs = [
        record("State TV", distancing=9, russia=-0.05, cites={"Russia": {"attributions": 8, "quoted_words": 190}, "Amnesty International": {"attributions": 1, "quoted_words": 0}}),
        record("Wire", distancing=1, russia=-0.40, cites={"Russia": {"attributions": 1, "quoted_words": 0}, "Amnesty International": {"attributions": 3, "quoted_words": 20}}),
        record("Advocacy", distancing=0, russia=-0.60, cites={"Russia": {"attributions": 0, "quoted_words": 0}, "Amnesty International": {"attributions": 4, "quoted_words": 50}}),
    ]
    c = compare(recs)
    assert [a["label"] for a in c["articles"]] == ["State TV", "Wire", "Advocacy"]
    assert c["parties"] == ["Russia", "Amnesty International"]  # as many articles; more mentions first
    groups = {g["name"]: g for g in c["groups"]}
    rows = {r["key"]: r for r in groups["hedging"]["rows"]}
    dist = rows["hedging.distancing_per_1k_words"]
    assert dist["values"] == [9.0, 1.0, 0.0] and dist["marked"] == [0]
    assert groups["hedging"]["summary"].startswith("State TV stands out on distancing per 1k words: 9.0 against a median of 0.5")
    assert "Toward Russia, State TV is the least negative (-0.05) and Advocacy the most negative (-0.60)" in groups["sentiment"]["summary"]
    assert groups["sources"]["summary"] == "State TV cites Russia 8\u00d7 as often as Amnesty International; the others do the opposite."
    cites = {r["key"]: r for r in groups["sources"]["rows"]}["sources.cites.Russia"]
    assert cites["values"] == [8, 1, 0] and cites["details"][0] == {"quoted_words": 190}


def test_failed_article_is_a_column_with_its_error():
    recs = [record("A", distancing=1), {"id": "b.txt", "source": "b.txt", "error": {"kind": "binary", "message": "binary data"}}, record("C")]
    c = compare(recs)
    assert c["articles"][1] == {"label": "b.txt", "id": "b.txt", "source": "b.txt", "words": None, "error": "binary data"}
    assert all(r["values"][1] is None for g in c["groups"] for r in g["rows"])


def test_duplicate_labels_are_made_unique():
    c = compare([record("RT"), record("RT")])
    assert [a["label"] for a in c["articles"]] == ["RT", "RT (2)"]


def test_cli_compare_json_and_table(tmp_path):
    r = CliRunner().invoke(main, ["compare", str(EXAMPLES), "--format", "json", "-j", "1"])
    assert r.exit_code == 0, r.output
    c = json.loads(r.stdout)
    assert len(c["articles"]) == 4 and {g["name"] for g in c["groups"]} == {"hedging", "sentiment", "sources", "readability"}
    r = CliRunner().invoke(main, ["compare", str(EXAMPLES), "--format", "table", "-j", "1"], env={"COLUMNS": "160"})
    assert r.exit_code == 0 and "Hedging and distancing" in r.stdout and "state_broadcaster.txt" in r.stdout
    r = CliRunner().invoke(main, ["compare", str(EXAMPLES), "--format", "csv", "-j", "1"])
    lines = r.stdout.splitlines()
    assert lines[0] == "group,row,key,article,value,marked" and len(lines) > 40


def test_compare_one_article_says_so_and_shows_it():
    r = CliRunner().invoke(main, ["compare", str(EXAMPLES / "wire_service.txt"), "--format", "json"])
    assert r.exit_code == 0
    assert "a comparison needs two articles" in r.stderr
    assert json.loads(r.stdout)["id"].endswith("wire_service.txt")


def test_fifty_articles_page_the_table(tmp_path):
    text = (EXAMPLES / "wire_service.txt").read_text(encoding="utf-8")
    for i in range(50):
        (tmp_path / f"a{i:02d}.txt").write_text(text.replace("61", str(i)), encoding="utf-8")
    r = CliRunner().invoke(main, ["compare", str(tmp_path), "--format", "table", "-j", "1"], env={"COLUMNS": "120"})
    assert r.exit_code == 0
    assert "(articles 1\u2013" in r.stdout and "of 50)" in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) <= 120


def test_newswcl50_event_clusters(data, tmp_path):
    """NewsWCL50: one event told by five outlets from far left to far right."""
    rows = [json.loads(line) for line in (data / "newswcl50" / "newswcl50_docs.jsonl").open(encoding="utf-8")]
    events = sorted({r["event_id"] for r in rows})
    assert len(events) == 10
    for event in events[:3]:
        path = tmp_path / f"event{event}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows if r["event_id"] == event), encoding="utf-8")
        r = CliRunner().invoke(main, ["compare", str(path), "--text-field", "sentences", "--id-field", "doc_id",
                                      "--format", "json", "-j", "1"])
        assert r.exit_code == 0, r.output
        c = json.loads(r.stdout)
        assert [a["label"] for a in c["articles"]] == ["L", "LL", "M", "R", "RR"]
        assert len(c["parties"]) >= 3  # parties aligned across outlets
        sentiment = next(g for g in c["groups"] if g["name"] == "sentiment")
        assert sum(v is not None for v in sentiment["rows"][0]["values"]) >= 2
        assert all(g["summary"] for g in c["groups"])
