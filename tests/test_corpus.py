"""Corpus summaries: what is read from each record, the statistics (checked
against brute force), and summarize on hand-made records and through the CLI."""

import csv
import io
import itertools
import json
import random

import numpy as np
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mediabias.cli import main
from mediabias.corpus import summarize
from mediabias.corpus.stats import benjamini_hochberg, bootstrap, permutation_p
from mediabias.corpus.values import date_bucket, group_of, party_values


def record(i, outlet=None, hedging=10.0, stance=None, party="Estova", score=None, share_anonymous=0.5, words=500,
           **extra):
    """A hand-made record with the fields a summary reads."""
    r = {"schema_version": "1.0", "id": f"r{i:03d}", "source": f"c.jsonl:{i}", "words": words, "chars": 6 * words,
         "sentences": words // 20,
         "hedging": {"per_1k_words": hedging, "by_category_per_1k_words": {"hedge": hedging / 2, "distancing": 1.0,
                                                                        "weasel": hedging / 2, "booster": 0.0},
                     "author_voice": {"per_1k_words": hedging}, "quoted": {"per_1k_words": 0.0},
                     "by_party": {party: {"distancing": 1, "distancing_per_1k_words": 2.0}} if stance is not None else {}},
         "sources": {"per_100_words": 3.0, "share_anonymous": share_anonymous, "share_words_quoted": 0.1},
         "readability": {"flesch_reading_ease": 50.0, "flesch_kincaid_grade": 10.0},
         "sentiment": {"parties": []}}
    if outlet is not None:
        r["outlet"] = outlet
    if stance is not None or score is not None:
        p = {"name": party, "mentions": 3, "score": score if score is not None else 0.0}
        if stance is not None:
            p["stance"] = {"score": stance, "label": "neutral"}
        r["sentiment"]["parties"].append(p)
    r.update(extra)
    return r


def cell(summary, group, measure):
    return next(c for c in summary["cells"] if c["group"] == group and c["measure"] == measure)


# -- what is read from a record -------------------------------------------------------

@pytest.mark.parametrize("value,period,expected", [
    ("2019-03-14", "month", "2019-03"), ("2019-03-14T22:10:00Z", "day", "2019-03-14"),
    ("2019-03-14", "week", "2019-W11"), ("2020-12-31", "week", "2020-W53"), ("2021-01-03", "week", "2020-W53"),
    ("2019-03-14", "year", "2019"), ("2019-3-4", "month", "2019-03"), ("2019/03/14", "day", "2019-03-14"),
    ("2019", "year", "2019"), ("2019", "month", None), ("2019-03", "day", None), ("1/21", "month", None),
    ("2019-02-30", "day", None), ("March 3, 2019", "year", None), ("2019-13-01", "month", None),
])
def test_date_buckets(value, period, expected):
    assert date_bucket(value, period) == expected


def test_groups_from_top_level_and_carried_fields():
    r = {"outlet": " Daily  Planet ", "date": "2019-03-14", "fields": {"leaning": "left", "tags": ["a", "b"]}}
    assert group_of(r, "outlet", None) == ("Daily Planet", "")
    assert group_of(r, "leaning", None) == ("left", "")
    assert group_of(r, "tags", None) == ("a, b", "")
    assert group_of(r, "date", "year") == ("2019", "")
    assert group_of({}, "outlet", None) == (None, "missing")
    assert group_of({"outlet": ""}, "outlet", None) == (None, "missing")
    assert group_of({"date": "soon"}, "date", "month") == (None, "unparseable")


def test_party_values_read_stance_then_the_older_score():
    r = record(1, stance=-0.4, score=0.3)
    assert party_values(r) == {"Estova": (-0.4, 2.0)}
    older = record(2, score=0.3)  # written before stance existed
    assert party_values(older) == {"Estova": (0.3, 0.0)}  # no distancing aimed at it: 0 per 1,000 words
    older["sentiment"]["parties"][0]["mentions"] = 0  # a user-defined party that never occurs
    assert party_values(older) == {}
    hedging_only = {"hedging": {"by_party": {"Estova": {"distancing_per_1k_words": 4.0}}}}
    assert party_values(hedging_only) == {"Estova": (None, 4.0)}


# -- statistics against brute force ----------------------------------------------------

def test_permutation_p_equals_the_exact_permutation_distribution():
    values = np.array([[1.0], [2.0], [2.5], [7.0], [8.0], [3.0], [4.0], [9.5]])
    ok = np.ones_like(values)
    n = len(values)

    def exact(group):
        rest = [i for i in range(n) if i not in group]
        obs = abs(values[list(group)].mean() - values[rest].mean())
        hits = total = 0
        for subset in itertools.combinations(range(n), len(group)):
            other = [i for i in range(n) if i not in subset]
            total += 1
            hits += abs(values[list(subset)].mean() - values[other].mean()) >= obs - 1e-12
        return hits / total

    groups = [np.array([3, 4, 7]), np.array([0, 1, 2, 3, 4, 5]), np.array([0, 6])]
    p = permutation_p(values, ok, groups, 20000, np.random.default_rng(5))
    for g, rows in enumerate(groups):
        assert p[g, 0] == pytest.approx(exact(set(rows.tolist())), abs=0.015)


def test_permutation_p_with_missing_values_compares_the_means_of_those_present():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, 2))
    x[:20, 1] += 3  # the first 20 articles differ in the second measure only
    has = np.ones_like(x)
    has[::3, 1] = 0  # a third of the second measure missing
    x0 = np.where(has > 0, x, 0.0)
    p = permutation_p(x0, has, [np.arange(20)], 2000, np.random.default_rng(2))
    assert p[0, 0] > 0.05 and p[0, 1] == pytest.approx(1 / 2001)


def test_bootstrap_interval_is_the_usual_width_and_degenerate_when_constant():
    rng = np.random.default_rng(3)
    sample = rng.normal(10, 2, size=(400, 1))
    low, high = bootstrap(sample, np.ones_like(sample), 2000, np.random.default_rng(4))
    half = 1.96 * sample.std() / np.sqrt(400)
    assert low[0] < sample.mean() < high[0]
    assert (high[0] - low[0]) / 2 == pytest.approx(half, rel=0.12)
    const = np.full((30, 1), 5.0)
    assert bootstrap(const, np.ones_like(const), 100, np.random.default_rng(0)) == (pytest.approx([5.0]), pytest.approx([5.0]))


def test_benjamini_hochberg_by_hand():
    p = np.array([[0.01, 0.04], [0.03, 0.005], [np.nan, 0.5]])
    # sorted 0.005 0.01 0.03 0.04 0.5 (5 tests) -> x5/rank 0.025 0.025 0.05 0.05 0.5 -> running min from the top
    adjusted = benjamini_hochberg(p)
    assert adjusted[0].tolist() == pytest.approx([0.025, 0.05])
    assert adjusted[1].tolist() == pytest.approx([0.05, 0.025])
    assert np.isnan(adjusted[2, 0]) and adjusted[2, 1] == pytest.approx(0.5)


# -- summaries of hand-made records ------------------------------------------------------

def corpus():
    rnd = random.Random(7)
    records = []
    for i in range(15):
        records.append(record(len(records), "Low Hedge", hedging=5 + rnd.random(), stance=-0.5 + rnd.random() / 10))
    for i in range(15):
        records.append(record(len(records), "High Hedge", hedging=20 + rnd.random(), stance=-0.45 + rnd.random() / 10 if i < 3 else None))
    for i in range(15):
        records.append(record(len(records), "Middle", hedging=12 + rnd.random(), stance=-0.48 + rnd.random() / 10))
    for i in range(3):
        records.append(record(len(records), "Tiny", hedging=12.5))
    records.append(record(len(records)))  # no outlet
    records.append(record(len(records), outlet="  "))  # an empty one
    records.append({"schema_version": "1.0", "id": "bad", "source": "x", "error": {"kind": "binary", "message": "binary"}})
    return records


def test_groups_means_intervals_tests_and_what_is_too_small():
    s = summarize(corpus(), min_articles=10, resamples=500)
    assert s["articles"] == 50 and s["failed"] == 1
    groups = {g["group"]: g for g in s["groups"]}
    assert [g["group"] for g in s["groups"]] == ["High Hedge", "Low Hedge", "Middle", "Tiny", "(unknown)", "(all)"]
    assert groups["Tiny"]["too_small"] and groups["(unknown)"]["too_small"] and not groups["Middle"]["too_small"]
    assert s["unknown"] == {"articles": 2, "missing": 2}
    low = cell(s, "Low Hedge", "hedging.per_1k_words")
    assert low["n"] == 15 and low["low"] <= low["mean"] <= low["high"] and 5 < low["mean"] < 6
    assert low["significant"] and low["mean"] < low["rest_mean"] and low["p"] == pytest.approx(1 / 501)
    assert cell(s, "High Hedge", "hedging.per_1k_words")["significant"]
    tiny = cell(s, "Tiny", "hedging.per_1k_words")
    assert tiny["mean"] == 12.5 and tiny["low"] is None and tiny["p"] is None and tiny["note"] == "group too small"
    everything = cell(s, "(all)", "hedging.per_1k_words")
    assert everything["n"] == 50 and everything["p"] is None and everything["low"] < everything["mean"] < everything["high"]
    # a party's stance: only where it occurs in enough of the group's articles
    stance = cell(s, "Low Hedge", "stance.Estova")
    assert stance["n"] == 15 and -0.5 <= stance["mean"] <= -0.4 and stance["low"] is not None
    few = cell(s, "High Hedge", "stance.Estova")
    assert few["n"] == 3 and few["low"] is None and few["note"] == "fewer than 10 articles with a value"
    assert cell(s, "Low Hedge", "hedging.distancing_at.Estova")["mean"] == 2.0
    # every test of the summary is counted in the correction
    tested = [c for c in s["cells"] if c["p"] is not None]
    assert len(tested) == s["method"]["tests"] and all(c["p_adjusted"] >= c["p"] for c in tested)
    # a label never goes against its numbers: a marked cell's difference has the sign of its mark
    for c in tested:
        assert (c["p_adjusted"] < 0.05) == c["significant"]


def test_the_input_order_does_not_change_the_summary():
    records = corpus()
    first = summarize(records, min_articles=10, resamples=200, seed=3)
    random.Random(1).shuffle(records)
    assert summarize(records, min_articles=10, resamples=200, seed=3) == first
    assert summarize(records, min_articles=10, resamples=200, seed=4) != first


def test_under_the_null_almost_nothing_is_marked_and_intervals_cover_the_mean():
    """Eight outlets drawn from one distribution: Benjamini-Hochberg keeps the chance of any marked
    cell near 5 %, and the 95 % intervals cover the true mean about 95 % of the time (a little
    less for a skewed measure in groups of 30)."""
    datasets_with_marks = covered = intervals = 0
    for rep in range(20):
        rnd = random.Random(rep)
        records = [record(i, f"O{i % 8}", hedging=rnd.expovariate(1 / 10), share_anonymous=rnd.random())
                   for i in range(240)]
        s = summarize(records, resamples=300, seed=rep, families=["hedging", "sources"])
        datasets_with_marks += any(c["significant"] for c in s["cells"])
        for c in s["cells"]:
            if c["measure"] == "hedging.per_1k_words" and c["group"] != "(all)":
                intervals += 1
                covered += c["low"] <= 10 <= c["high"]
    assert datasets_with_marks <= 3
    assert 0.85 <= covered / intervals <= 0.99


def test_nothing_to_summarise():
    from mediabias.corpus import SummaryError

    with pytest.raises(SummaryError, match="no records to summarise"):
        summarize([{"id": "x", "error": {"kind": "io", "message": "gone"}}])
    records = [record(i, "Wire", fields={"leaning": "left"}) for i in range(12)]
    with pytest.raises(SummaryError, match="no record has a field 'lean' to group by; the records carry leaning, outlet"):
        summarize(records, by="lean")


# -- the command ------------------------------------------------------------------------------

def run(*args, input=None, columns=200):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env={"COLUMNS": str(columns)})


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus()), encoding="utf-8")
    return path


def test_long_form_formats(records_file):
    r = run("summarize", "--records", records_file, "--format", "jsonl", "--resamples", "200")
    assert r.exit_code == 3  # the error record in the file is left out, and said so
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"group", "measure", "mean", "low", "high", "n", "p", "p_adjusted"} <= set(rows[0])
    assert len({(x["group"], x["measure"]) for x in rows}) == len(rows)
    table = list(csv.DictReader(io.StringIO(run("summarize", "--records", records_file, "-f", "csv",
                                                "--resamples", "200").stdout)))
    assert len(table) == len(rows) and table[0]["group"] == "High Hedge"
    whole = json.loads(run("summarize", "--records", records_file, "-f", "json", "--resamples", "200").stdout)
    assert whole["method"]["resamples"] == 200 and "Benjamini-Hochberg" in whole["method"]["correction"]
    piped = run("summarize", "--records", "-", "-f", "json", "--resamples", "200",
                input=records_file.read_text(encoding="utf-8"))
    assert json.loads(piped.stdout) == whole


def test_malformed_lines_are_reported_by_number_and_the_rest_summarised(records_file):
    lines = records_file.read_text(encoding="utf-8").splitlines()
    lines[1] = '{"id": "cut off", "words":'
    lines.insert(5, "[1, 2]")
    records_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("summarize", "--records", records_file, "-f", "json", "--resamples", "100")
    assert r.exit_code == 3
    assert f"{records_file}:2: malformed JSON" in r.stderr and f"{records_file}:6: expected a JSON object" in r.stderr
    assert json.loads(r.stdout)["articles"] == 49


def test_the_table_fits_80_columns_and_marks_significant_cells(records_file):
    r = run("summarize", "--records", records_file, "--format", "table", "--resamples", "200", columns=80)
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    text = r.stdout
    assert "Low Hedge" in text and "High Hedge" in text and "(all)" in text
    assert "\u25bc" in text and "\u25b2" in text  # lower and higher than the rest
    flat = " ".join(text.split())
    assert "Too small" in flat and "Tiny 3" in flat and "(unknown) 2" in flat
    assert "2 missing" in flat


def test_options_that_need_another(records_file):
    assert run("summarize", "--records", records_file, "--period", "year").exit_code == 2
    assert run("summarize").exit_code == 2
    assert run("summarize", EXAMPLES, "--records", records_file).exit_code == 2
    r = run("report", EXAMPLES, "-o", "x.html", "--min-articles", "3")
    assert r.exit_code == 2 and "--min-articles needs --by" in r.output


def test_by_date_and_by_a_carried_field(tmp_path):
    corpus_path = tmp_path / "c.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with corpus_path.open("w", encoding="utf-8") as fh:
        for i in range(24):
            fh.write(json.dumps({"id": f"a{i}", "body": texts[i % 4], "published": f"20{18 + i % 2}-05-0{1 + i % 5}",
                                 "lean": "left" if i % 3 else "right"}) + "\n")
    args = ["summarize", corpus_path, "--text-field", "body", "--field", "date=published", "--field", "leaning=lean",
            "-j", "1", "--min-articles", "3", "--resamples", "100", "-f", "json"]
    by_year = json.loads(run(*args, "--by", "date", "--period", "year").stdout)
    assert [g["group"] for g in by_year["groups"]] == ["2018", "2019", "(all)"]
    by_leaning = json.loads(run(*args, "--by", "leaning").stdout)
    assert {g["group"]: g["articles"] for g in by_leaning["groups"]} == {"left": 16, "right": 8, "(all)": 24}


def test_from_articles_records_and_database_the_summary_is_the_same(tmp_path):
    corpus_path = tmp_path / "c.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with corpus_path.open("w", encoding="utf-8") as fh:
        for i in range(16):
            fh.write(json.dumps({"id": f"a{i}", "text": texts[i % 4] + f"\nIt may rain on day {i}.",
                                 "outlet": ["Wire", "Broadcaster"][i % 2]}) + "\n")
    common = ["--min-articles", "3", "--resamples", "100", "-f", "json"]
    db = tmp_path / "r.sqlite"
    direct = run("summarize", corpus_path, "-j", "2", "--db", db, *common)
    assert direct.exit_code == 0, direct.output
    scored = run("score", corpus_path, "-j", "1", "-f", "jsonl")
    records = tmp_path / "records.jsonl"
    records.write_text(scored.stdout, encoding="utf-8")
    from_records = run("summarize", "--records", records, *common)
    from_db = run("summarize", "--db", db, *common)
    assert json.loads(direct.stdout) == json.loads(from_records.stdout) == json.loads(from_db.stdout)
    # rerun on the database: nothing analysed again, the same summary
    again = run("summarize", corpus_path, "-j", "2", "--db", db, *common)
    assert "16 already stored" in again.stderr and again.stdout == direct.stdout
