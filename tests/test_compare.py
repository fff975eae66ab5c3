import json

import pytest
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
    assert groups["sentiment"]["summary"].startswith(
        "Toward Russia, State TV is the least negative (mean mention score -0.05, 3 mentions) and Advocacy the most "
        "negative (-0.60, 3 mentions)")
    assert groups["sources"]["summary"] == "State TV cites Russia 8\u00d7 as often as Amnesty International; the others do the opposite."
    cites = {r["key"]: r for r in groups["sources"]["rows"]}["sources.cites.Russia"]
    assert cites["values"] == [8, 1, 0] and cites["details"][0] == {"quoted_words": 190}


def party(name, mentions, score, kind="person", **extra):
    return {"name": name, "kind": kind, "mentions": mentions, "score": score, "label": "neutral",
            "positive": 0, "neutral": mentions, "negative": 0,
            "by_voice": {"author": {"mentions": mentions, "score": score}, "quoted": {"mentions": 0, "score": None}}, **extra}


def story(label, parties, cites=None, words=800, sentences=30):
    return {"id": label, "outlet": label, "words": words, "sentences": sentences,
            "hedging": {"per_1k_words": 0.0, "count": 0, "by_category": {"hedge": 0, "distancing": 0, "weasel": 0, "booster": 0},
                        "author_voice": {"per_1k_words": 0.0, "count": 0}, "quoted": {"per_1k_words": 0.0, "count": 0},
                        "by_party": {}},
            "sentiment": {"parties": parties},
            "sources": {"attributions": 10, "per_100_words": 2.0, "share_anonymous": 0.1, "direct_quotes": 4,
                        "share_words_quoted": 0.2, "by_party": cites or {}},
            "readability": {"flesch_reading_ease": 50.0, "flesch_kincaid_grade": 10.0, "gunning_fog": 12.0, "smog_index": 11.0}}


def test_people_are_one_row_across_articles_by_their_names():
    """'Trump' in two outlets and 'Donald Trump' in three are one person; so are
    'Kim', 'Kim Jong' and 'Kim Jong-un'; 'Cheney' could be Liz or Dick: left alone."""
    cites = lambda n: {"attributions": n, "quoted_words": 2 * n}  # noqa: E731
    recs = [
        story("L", [party("Trump", 21, -0.2), party("Kim", 9, -0.3), party("Kim Jong", 1, 0.1), party("Cheney", 2, 0.0)],
              {"Trump": cites(15)}),
        story("LL", [party("Donald Trump", 6, 0.1), party("Kim Jong-un", 2, 0.0), party("Liz Cheney", 3, 0.0)],
              {"Donald Trump": cites(1)}),
        story("M", [party("Donald Trump", 28, 0.0), party("Kim Jong Un", 1, 0.0), party("Dick Cheney", 4, 0.0)],
              {"Donald Trump": cites(15)}),
        story("R", [party("Trump", 10, 0.0), party("North Korea", 5, -0.1, kind="country")], {"Trump": cites(11)}),
        story("RR", [party("Donald Trump", 5, 0.1), party("President Donald J. Trump", 1, 0.0)], {"Donald Trump": cites(4)}),
    ]
    c = compare(recs)
    # one display name per person: the most mentioned of its longest forms
    assert c["names"] == {"Trump": "Donald Trump", "President Donald J. Trump": "Donald Trump", "Kim": "Kim Jong-un",
                          "Kim Jong": "Kim Jong-un", "Kim Jong Un": "Kim Jong-un"}
    assert "Trump" not in c["parties"] and "Cheney" not in c["parties"]
    assert {"Donald Trump", "Kim Jong-un"} <= set(c["parties"])
    rows = {r["key"]: r for g in c["groups"] for r in g["rows"]}
    trump = rows["sentiment.Donald Trump"]
    assert trump["support"] == [21, 6, 28, 10, 6]  # RR: 5 + 1 mentions
    assert trump["details"][4]["folded"] == ["Donald Trump", "President Donald J. Trump"]
    assert trump["values"][4] == pytest.approx((0.1 * 5 + 0.0 * 1) / 6)
    kim = rows["sentiment.Kim Jong-un"]
    assert kim["support"] == [10, 2, 1, None, None]
    assert kim["values"][0] == pytest.approx((-0.3 * 9 + 0.1 * 1) / 10)
    assert rows["sources.cites.Donald Trump"]["values"] == [15, 1, 15, 11, 4]
    assert "sources.cites.Trump" not in rows
    assert "Trump" not in " ".join(g["summary"].replace("Donald Trump", "") for g in c["groups"])


def test_one_star_rule_ties_and_thin_cells_are_not_starred():
    # a tie for the furthest cell: no star
    recs = [story(x, [party("Russia", 5, v, kind="country")]) for x, v in (("A", -0.6), ("B", 0.0), ("C", 0.6))]
    assert {r["key"]: r for g in compare(recs)["groups"] for r in g["rows"]}["sentiment.Russia"]["marked"] == []
    # the furthest cell rests on 2 mentions: no star, and the summary does not use it
    recs = [story("A", [party("Russia", 2, 0.9, kind="country")])] + [
        story(x, [party("Russia", 6, v, kind="country")]) for x, v in (("B", -0.5), ("C", -0.4), ("D", -0.3))]
    c = compare(recs)
    row = {r["key"]: r for g in c["groups"] for r in g["rows"]}["sentiment.Russia"]
    assert row["deviation"] > 1 and row["marked"] == []
    summary = next(g["summary"] for g in c["groups"] if g["name"] == "sentiment")
    assert summary.startswith("Toward Russia, D is the least negative") and "A" not in summary.split(",")[1]
    # resting on 3: starred, and one star at most in every row
    recs[0]["sentiment"]["parties"][0]["mentions"] = 3
    c = compare(recs)
    assert {r["key"]: r for g in c["groups"] for r in g["rows"]}["sentiment.Russia"]["marked"] == [0]
    assert all(len(r["marked"]) <= 1 for g in c["groups"] for r in g["rows"])


def test_the_star_rule_is_stated_in_one_wording_everywhere():
    from mediabias.compare import STAR_RULE

    assert c_star(STAR_RULE) in " ".join((EXAMPLES.parents[1] / "README.md").read_text(encoding="utf-8").split())
    r = CliRunner().invoke(main, ["compare", str(EXAMPLES), "--format", "table", "-j", "1"], env={"COLUMNS": "300"})
    assert c_star(STAR_RULE) in " ".join(r.stdout.split())
    assert c_star(STAR_RULE) in compare([record("A"), record("B")])["star_rule"]


def c_star(text):
    return " ".join(text.split())


def stance_record(label, russia_stance, voices):
    p = party("Russia", 17, -0.6, kind="country", stance={"score": russia_stance, "label": "neutral"}, voices=voices)
    return story(label, [p])


def voice(speaker, words, credence, self_=False, mentions=3):
    return {"speaker": speaker, "party": speaker, "type": "party", "self": self_, "mentions": mentions, "words": words,
            "score": -0.5, "label": "negative", "credence": credence, "credence_evidence": []}


def test_stance_is_the_headline_and_the_voices_are_rows_beneath_it():
    recs = [
        stance_record("RT", -0.05, [voice("Russia", 663, "neutral", True), voice("Amnesty International", 18, "distanced")]),
        stance_record("Reuters", -0.45, [voice("Amnesty International", 91, "neutral"), voice("Russia", 47, "neutral", True)]),
        stance_record("FP", -0.50, [voice("Amnesty International", 247, "endorsed")]),
    ]
    c = compare(recs)
    rows = next(g for g in c["groups"] if g["name"] == "sentiment")["rows"]
    assert [r["label"] for r in rows] == ["Russia", "voice: Russia (self)", "voice: Amnesty International"]
    assert rows[0]["values"] == [-0.05, -0.45, -0.50] and rows[0]["details"][0]["mean"] == -0.6
    russia, amnesty = rows[1], rows[2]
    assert russia["values"] == [663, 47, 0] and russia["parent"] == "sentiment.Russia" and russia["marked"] == []
    assert [d and d["credence"] for d in amnesty["details"]] == ["distanced", "neutral", "endorsed"]
    summary = next(g for g in c["groups"] if g["name"] == "sentiment")["summary"]
    assert summary.startswith("Toward Russia, RT is the least negative (stance -0.05, 17 mentions) and FP the most negative")
    assert "RT distances Amnesty International's words about Russia" in summary
    r = CliRunner().invoke(main, ["compare", "-"], input="")  # nothing to analyse
    assert r.exit_code == 1
    from mediabias.render.compare_table import render_comparison
    import io

    out = io.StringIO()
    render_comparison(c, out)
    text = out.getvalue()
    assert "voice: Russia (self)" in text and "663 w" in text and "distanced" in text


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
    assert "a comparison needs two articles" in r.stderr and "single article's record" in r.stderr
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


def test_newswcl50_event0_aligns_people_across_outlets(data, tmp_path):
    rows = [json.loads(line) for line in (data / "newswcl50" / "newswcl50_docs.jsonl").open(encoding="utf-8")]
    path = tmp_path / "event0.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows if r["event_id"] == 0), encoding="utf-8")
    r = CliRunner().invoke(main, ["compare", str(path), "--text-field", "sentences", "--id-field", "doc_id",
                                  "--format", "json", "-j", "1"])
    assert r.exit_code == 0, r.output
    c = json.loads(r.stdout)
    # the parties measure gives "Trump" in L and R, "Kim Jong" and "Kim Jong-un" in RR, "Moon Jae" in L and R
    assert c["names"]["Trump"] == "Donald Trump"
    assert c["names"]["Kim Jong"] == c["names"]["Kim Jong-un"] == "Kim Jong Un"
    assert c["names"]["Moon Jae"] == "Moon Jae-in"
    assert not {"Trump", "Kim", "Kim Jong", "Kim Jong-un", "Moon Jae"} & set(c["parties"])
    keys = {r["key"]: r for g in c["groups"] for r in g["rows"]}
    trump = keys["sentences.Donald Trump".replace("sentences", "sentiment")]
    assert all(v is not None for v in trump["values"])  # every outlet mentions him: one row
    # the folded row is the sum of each article's attributions to every name of the same person
    records = [json.loads(x) for x in CliRunner().invoke(
        main, ["sources", str(path), "--text-field", "sentences", "--id-field", "doc_id", "--format", "jsonl", "-j", "1"]
    ).stdout.splitlines()]
    for i in (0, 2):
        by_party = records[i]["sources"]["by_party"]
        expected = sum(d["attributions"] for name, d in by_party.items() if c["names"].get(name, name) == "Donald Trump")
        assert expected >= 10 and keys["sources.cites.Donald Trump"]["values"][i] == expected
    assert not any("stands out on cites Trump" in g["summary"] for g in c["groups"])
