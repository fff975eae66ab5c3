"""What a careful reader sees in the five seed articles (../shared/seeds).

000 RT, 001 The Interpreter, 002 Reuters via Haaretz, 003 an aggregator's
rewrite, 004 Foreign Policy.  These tests read the seeds from ../shared and
skip when it is missing; test_voices.py pins the same behaviour on passages
written for this project.
"""

import json

import pytest
from click.testing import CliRunner

from mediabias.cli import main


@pytest.fixture(scope="module")
def records():
    from conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    r = CliRunner().invoke(main, ["score", str(SEEDS), "--format", "jsonl", "-j", "1"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(recs) == 5
    return {rec["id"].rsplit("/", 1)[-1][:3]: rec for rec in recs}


def test_rt_distances_itself_from_the_report(records):
    rt = records["000"]["hedging"]
    distancing = {h["text"].lower() for h in rt["hits"] if h["category"] == "distancing"}
    assert {"alleged", "supposedly", "suspected", "remote investigation"} <= distancing
    # the highest distancing rate toward Amnesty International of the five
    def toward_amnesty(rec):
        return (rec["hedging"]["by_party"].get("Amnesty International") or {}).get("distancing_per_1k_words") or 0

    assert rt["by_party"]["Amnesty International"]["distancing"] >= 3
    assert toward_amnesty(records["000"]) > max(toward_amnesty(r) for k, r in records.items() if k != "000")


def test_rt_quotes_russian_officials_at_length(records):
    by_party = records["000"]["sources"]["by_party"]
    assert by_party["Russia"]["attributions"] >= 4
    assert by_party["Russia"]["quoted_words"] >= 150
    others = [r["sources"]["by_party"].get("Russia", {}).get("quoted_words", 0) for k, r in records.items() if k != "000"]
    assert by_party["Russia"]["quoted_words"] > max(others)
    # RT's voices are dominated by Russia: more attributions than any other party, listed first
    assert list(by_party)[0] == "Russia"
    assert by_party["Russia"]["attributions"] > 1.5 * max(d["attributions"] for p, d in by_party.items() if p != "Russia")


def test_interpreter_cites_many_outside_sources(records):
    s = records["001"]["sources"]
    cited = set(s["by_party"])
    assert {"Amnesty International", "Human Rights Watch", "Sputnik", "Al Jazeera"} <= cited
    # "Sputnik reports:", "Al Jazeera reports:" -- outlets as sources, each introducing a block
    media = [c for c in s["citations"] if c["source_type"] == "media"]
    assert {c["party"] for c in media} >= {"Sputnik", "Al Jazeera"}
    assert all(c["content"] is not None for c in media)
    # the rights groups' quoted words outweigh Russia's, whose denials the Interpreter reports to rebut them
    words = {p: d["quoted_words"] for p, d in s["by_party"].items()}
    assert words["Amnesty International"] + words["Human Rights Watch"] > words["Russia"]


def test_reuters_attributes_nearly_every_claim(records):
    reuters = records["002"]["sources"]
    assert reuters["share_sentences_attributed"] >= 0.5
    assert reuters["per_100_words"] == max(r["sources"]["per_100_words"] for r in records.values())


def test_sentiment_toward_amnesty_is_most_negative_in_rt_and_mostly_in_others_voices(records):
    def party(rec, name):
        return next(p for p in rec["sentiment"]["parties"] if p["name"] == name)

    amnesty = {k: party(rec, "Amnesty International") for k, rec in records.items()}
    assert min(amnesty, key=lambda k: amnesty[k]["score"]) == "000"
    rt = amnesty["000"]
    others = rt["by_voice"]["quoted"]["mentions"] + rt["by_voice"]["reported"]["mentions"]
    assert others > rt["by_voice"]["author"]["mentions"]
    assert max(rt["by_speaker"], key=lambda k: rt["by_speaker"][k]["mentions"]) == "Russia"
    # every outlet reports accusations against Russia: all five are negative toward it
    assert all(party(rec, "Russia")["label"] == "negative" for rec in records.values())


# -- stance, voices and credence (measures/stance.py) --------------------------------------------


def _party(rec, name):
    return next(p for p in rec["sentiment"]["parties"] if p["name"] == name)


def _author_distancing(rec):
    """Distancing hits in the author's own words, by the party whose words they distance."""
    out = {}
    for h in rec["hedging"]["hits"]:
        if h["category"] == "distancing" and not h["in_quote"] and h["speaker"] is None and h["target_party"]:
            out[h["target_party"]] = out.get(h["target_party"], 0) + 1
    return out


def test_stance_toward_russia_is_least_negative_in_rt_by_a_clear_margin(records):
    stance = {k: _party(rec, "Russia")["stance"]["score"] for k, rec in records.items()}
    others = max(v for k, v in stance.items() if k != "000")
    assert stance["000"] > others + 0.3, stance
    # while every outlet's mentions of Russia, all voices together, read negative (war vocabulary)
    assert all(_party(rec, "Russia")["score"] < -0.3 for rec in records.values())


def test_stance_toward_amnesty_is_most_negative_in_rt(records):
    stance = {k: _party(rec, "Amnesty International")["stance"]["score"] for k, rec in records.items()}
    others = min(v for k, v in stance.items() if k != "000")
    assert stance["000"] < others - 0.2, stance
    assert _party(records["000"], "Amnesty International")["stance"]["label"] == "negative"


def test_distancing_is_aimed_at_whose_words_are_distanced(records):
    rt, interpreter = _author_distancing(records["000"]), _author_distancing(records["001"])
    assert rt.get("Amnesty International", 0) >= 3 and rt["Amnesty International"] > rt.get("Russia", 0)
    assert interpreter.get("Russia", 0) >= 3 and interpreter["Russia"] > interpreter.get("Amnesty International", 0)
    # the ministry quotes the report's hedges back: they are Amnesty's words, not Russia's hedging
    hits = {h["text"]: h for h in records["000"]["hedging"]["hits"]}
    assert (hits["supposedly"]["target_party"], hits["supposedly"]["speaker"]) == ("Amnesty International",) * 2
    assert (hits["possible"]["target_party"], hits["possible"]["speaker"]) == ("Amnesty International",) * 2


def test_rt_carries_russian_voices_neutrally_and_distances_amnestys(records):
    rt_russia = _party(records["000"], "Russia")
    voices = {v["speaker"]: v for v in rt_russia["voices"]}
    russia = voices["Russia"]
    assert russia["self"] and russia["credence"] == "neutral" and russia["words"] >= 200
    assert russia["view"] == 1.0 and russia["weight"] == max(v["weight"] for v in voices.values())
    amnesty = voices["Amnesty International"]
    assert amnesty["credence"] == "distanced"
    assert sum(1 for x in amnesty["credence_evidence"] if x["why"] == "scare quotes around their words") >= 3
    # toward Amnesty, RT gives Russia's words the floor: a negative voice carried neutrally
    carried = {v["speaker"]: v for v in _party(records["000"], "Amnesty International")["voices"]}
    assert carried["Russia"]["credence"] == "neutral" and carried["Russia"]["score"] < -0.3
    # The Interpreter holds Russia's claims at arm's length
    interp = {v["speaker"]: v for v in _party(records["001"], "Russia")["voices"]}
    assert interp["Russia"]["self"] and interp["Russia"]["credence"] == "distanced"
