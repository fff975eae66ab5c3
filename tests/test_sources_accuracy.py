"""The PolNeAR harness (benchmarks/sources_accuracy.py) on brat files written here."""

import json
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import sources_accuracy as acc  # noqa: E402

TEXT = "Trump said the vote was rigged. The poll shows Clinton ahead, aides said."


def _ann(lines):
    return "\n".join("\t".join(parts) for parts in lines) + "\n"


def _span(sub, start=0):
    s = TEXT.index(sub, start)
    return f"{s} {s + len(sub)}"


GOLD_A = _ann([
    ("T1", f"Source {_span('Trump')}", "Trump"),
    ("T2", f"Cue {_span('said')}", "said"),
    ("T3", f"Content {_span('the vote was rigged')}", "the vote was rigged"),
    ("T4", f"Attribution {_span('said')}", "said"),
    ("E1", "Attribution:T4 Source:T1 Cue:T2 Content:T3"),
    # a discontinuous content and a second content span, tied to one cue
    ("T5", f"Cue {_span('shows')}", "shows"),
    ("T6", f"Content {_span('Clinton')};{_span('ahead')}", "Clinton ahead"),
    ("T7", f"Source {_span('The poll')}", "The poll"),
    ("T8", f"Attribution {_span('shows')}", "shows"),
    ("E2", "Attribution:T8 Cue:T5 Source:T7 Content:T6"),
    # no source in the text
    ("T9", f"Cue {_span('said', 40)}", "said"),
    ("T10", f"Attribution-no-source {_span('said', 40)}", "said"),
    ("E3", "Attribution-no-source:T10 Cue:T9"),
    ("T11", f"Discuss {_span('aides')}", "aides"),
])


def test_parse_ann_reads_spans_events_and_discontinuous_fragments():
    ann = acc.parse_ann(GOLD_A, TEXT)
    assert ann.attributions == 3
    said1, shows, said2 = TEXT.index("said"), TEXT.index("shows"), TEXT.index("said", 40)
    assert ann.cues == {((said1, said1 + 4),), ((shows, shows + 5),), ((said2, said2 + 4),)}
    assert ann.sources == {((0, 5),), ((TEXT.index("The poll"), TEXT.index("The poll") + 8),)}
    c = TEXT.index("Clinton")
    a = TEXT.index("ahead")
    assert ((c, c + 7), (a, a + 5)) in ann.contents


def test_span_matching_overlap_exact_and_tokens():
    gold = {((0, 4),), ((10, 20), (25, 30))}
    pred = {((2, 4),), ((26, 28),), ((40, 45),)}
    assert acc.span_match(pred, gold, exact=False) == (2, 3, 2, 2)
    assert acc.span_match({((0, 4),), ((10, 30),)}, gold, exact=True) == (2, 2, 2, 2)  # hull of a discontinuous span
    assert acc.token_match({1, 2, 3}, {2, 3, 4, 5}) == (2, 3, 2, 4)
    f = acc.PRF()
    f.add(2, 3, 2, 4)
    assert f.figures() == {"p": round(2 / 3, 4), "r": 0.5, "f1": round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 4)}


def test_spearman_with_ties():
    assert acc.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert acc.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert acc.spearman([1, 1, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486833, abs=1e-6)
    assert acc.spearman([1, 2], [1, 2]) is None


def test_command_on_a_tiny_split_with_two_annotators(tmp_path, capsys):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "one.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "one_a1.ann").write_text(GOLD_A, encoding="utf-8")
    (split / "attributions" / "one_a2.ann").write_text(GOLD_A.split("T5\t")[0], encoding="utf-8")  # only the first attribution
    other = "Officials said the bridge was safe."
    (split / "text" / "two.txt").write_text(other, encoding="utf-8")
    (split / "attributions" / "two_a1.ann").write_text(
        _ann([("T1", "Source 0 9", "Officials"), ("T2", "Cue 10 14", "said"), ("T3", "Attribution 10 14", "said"),
              ("E1", "Attribution:T3 Source:T1 Cue:T2")]), encoding="utf-8")
    out = tmp_path / "res.json"
    assert acc.main([str(tmp_path), "--split", "dev", "--json", str(out)]) == 0
    res = json.loads(out.read_text())
    assert res["articles"] == 2 and res["annotations"] == 3
    assert res["human_reference"]["articles"] == 1
    # the first annotator (three cues) scored against the second (one of them): precision 1/3, recall 1
    assert res["human_reference"]["cue_overlap"] == {"p": round(1 / 3, 4), "r": 1.0, "f1": 0.5}
    for m in acc.METRICS:
        assert 0.0 <= res[m]["f1"] <= 1.0
    # "said" twice and "Officials said": every gold "said" is found
    assert res["cue_overlap"]["r"] >= 0.8
    assert "cue_overlap" in capsys.readouterr().out


def test_command_needs_a_polnear_folder(tmp_path):
    with pytest.raises(SystemExit):
        acc.main([str(tmp_path)])
