"""Page furniture: recognised on small texts written for these tests, left out of every
measure, listed in the record; the seeds' furniture and none of their news."""

import json
import time

import pytest

from conftest import assert_linear, seed_text
from mediabias import analyze
from mediabias.text import furniture


def kinds(text):
    return [(text[s.start : s.end], s.kind) for s in furniture.find(text)]


BODY = (
    "The ministry said on Tuesday that the dam had been inspected twice in the past year and that no fault "
    "was found, a finding the engineers who worked there dispute."
)
BODY2 = (
    "Residents of the valley, many of whom lost their homes in the flood, say the warnings were ignored for years "
    "and that nobody answered their letters."
)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("24/12/2015", "dateline"),
        ("December 23, 2015", "dateline"),
        ("Updated: Dec. 4, 2015 10:34 AM ET", "dateline"),
        ("Syria: December 23, 2015", "dateline"),
        ("Estova Today, 14 March", "dateline"),
        ("6 years ago", "dateline"),
        ("By Jane Roe and John Doe", "byline"),
        ("By Continental Press Agency staff", "byline"),
        ("-- James Miller", "byline"),
        ("A frame grab taken from footage released by the ministry shows a strike on a convoy.", "caption"),
        ("Screen Shot 2015-12-23 at 11.38.59 AM", "caption"),
        ("Photo credit: Amnesty International via CNES/Astrium", "caption"),
        ("Protesters march in the capital on Sunday. (Reuters)", "caption"),
        ("The minister arrives for the talks. Jane Roe/Getty Images", "caption"),
        ("[READ MORE: Hospitals the ministry bombed do not exist](#)", "read-more"),
        ("Read more: Why the dam failed", "read-more"),
        ("More from The Daily Ledger", "read-more"),
        ("Send in e-mailSend in e-mail", "prompt"),
        ("Share this article on Facebook Twitter Email", "prompt"),
        ("Request Invitation", "prompt"),
        ("Click the alert icon to follow topics:", "prompt"),
        ("Advertisement Continue reading the main story", "prompt"),
        ("Rus MoD comments on the brief, Dec 18-23 <http://on.fb.me/1OLuJXN>", "embed"),
    ],
)
def test_each_kind_on_its_own_line(line, kind):
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert kinds(text) == [(line, kind)]


def test_a_wire_dateline_opens_a_paragraph_and_only_it_is_skipped():
    text = f"KESTREL, March 13 (CPA) - {BODY}\n\nREUTERS - {BODY2}\n\nNATO said the talks had failed."
    assert kinds(text) == [("KESTREL, March 13 (CPA) - ", "dateline"), ("REUTERS - ", "dateline")]


@pytest.mark.parametrize(
    "line",
    [
        # sentences that look a little like furniture are news
        "The differences can be traced back to several sources: state laws and local panels.",
        "Related to this, the ministry said the dam was old.",
        "Share prices fell sharply after the ministry said the dam was old.",
        "Online Political Advertisements",
        "Readers who click on the link see the report.",
        "On Sunday the minister said the dam was safe (it was not).",
        "He said by then the dam was gone.",
    ],
)
def test_news_sentences_are_not_furniture(line):
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert kinds(text) == []


def test_a_dash_line_after_a_quotation_names_its_speaker_and_stays():
    text = f'{BODY}\n\n"Why did you sanction Turkey?"\n\n-- Sen. Graham\n\n{BODY2}'
    assert kinds(text) == []


def test_repeated_lines_keep_the_first_copy():
    para = "Almost immediately after the strikes began, activists accused the ministry of hitting a market in the north."
    caption = "A tank fires during an exercise near the border."
    text = f"{para}\n\n{BODY}\n\n{para}\n\n{caption}\n{caption}\n\n{BODY2}"
    got = kinds(text)
    assert got == [(para, "repeat"), (caption, "repeat")]
    assert furniture.find(text)[0].start == text.rindex(para)  # the second copy
    # a short sentence said twice is not skipped (a quotation in a teaser and in the body)
    short = '"Tonight I am here to tell you one thing: Iran lied."'
    assert kinds(f"{short}\n\n{BODY}\n\n{short}\n\n{BODY2}") == []


def test_header_bylines_and_another_storys_headline():
    text = (
        "Request Invitation\n\nPublished in Stream:\nSyria: December 23, 2015\nPress by\nThe Interpreter\n"
        "Amnesty Unmasks Russian Claims That It Is Not Killing Civilians\n6 years\n"
        "Russia Says Taliban Interests Coincide With Its Own, Even As Moscow Supplies Arms\n\n" + BODY
    )
    got = kinds(text)
    assert ("Amnesty Unmasks Russian Claims That It Is Not Killing Civilians", "sidebar") not in got  # the headline stays
    assert got == [
        ("Request Invitation", "prompt"),
        ("Published in Stream:", "byline"),
        ("Syria: December 23, 2015", "dateline"),
        ("Press by\nThe Interpreter", "byline"),
        ("6 years", "dateline"),
        ("Russia Says Taliban Interests Coincide With Its Own, Even As Moscow Supplies Arms", "sidebar"),
    ]
    assert kinds(f"Dam files show warnings were ignored\n\nThe Civic Ledger\n\nPolicy Lens | Analysis\n\n{BODY}") == [
        ("The Civic Ledger\n\nPolicy Lens | Analysis", "byline")
    ]


def test_sidebar_after_more_from_when_it_is_other_stories():
    tail = (
        "More from The Daily Ledger\n\nLessons for the Next War\n\nTwelve experts weigh in on how to prevent the next conflict.\n\n"
        "It Is Time to Prepare for the Collapse\n\nNot planning for it betrays a lack of imagination."
    )
    text = f"{BODY}\n\n{tail}"
    assert kinds(text) == [("More from The Daily Ledger", "read-more"), (tail[tail.index("Lessons") :], "sidebar")]
    # the same header followed by the article's own sentences (one a line) leaves them alone
    sentences = "\n".join(["The chairmen said the memos were clear.", "Comey never wrote that he felt obstructed, they said."] * 3)
    assert kinds(f"{BODY}\nRelated:\n{sentences}") == [("Related:", "read-more")]


def test_spans_are_sorted_disjoint_and_blanking_keeps_offsets_and_line_breaks():
    text = seed_text("004")
    spans = furniture.find(text)
    assert spans and all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert all(s.kind in furniture.KINDS and 0 <= s.start < s.end <= len(text) for s in spans)
    blanked = furniture.blank(text, spans)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    for s in spans:
        assert blanked[s.start : s.end].strip() == ""
    outside = [c for i, c in enumerate(text) if not any(s.start <= i < s.end for s in spans)]
    assert outside == [c for i, c in enumerate(blanked) if not any(s.start <= i < s.end for s in spans)]


def test_no_measure_sees_furniture_and_the_record_lists_it():
    caption = "A frame grab released by the ministry shows strikes which, according to the ministry, hit militants."
    text = f"REUTERS - {BODY}\n\n{caption}\n\nRead more: Officials said the dam was safe"
    record = analyze(text).to_dict()
    assert record["skipped"] == [
        {"start": 0, "end": 10, "kind": "dateline"},
        {"start": text.index("A frame"), "end": text.index("A frame") + len(caption), "kind": "caption"},
        {"start": text.index("Read more"), "end": len(text), "kind": "read-more"},
    ]
    cues = [c["cue"]["text"] for c in record["sources"]["citations"]]
    assert cues == ["said"]  # the ministry's, in the body; none from the caption or the read-more line
    for hit in record["hedging"]["hits"]:
        assert not any(s["start"] <= hit["start"] < s["end"] for s in record["skipped"])
    assert record["words"] == len(BODY.split())


def test_seed_furniture(seeds):
    reuters = seed_text("002")
    got = kinds(reuters)
    assert [k for _, k in got] == ["prompt", "caption", "dateline", "prompt"]
    assert got[2][0] == "REUTERS - "
    interpreter = seed_text("001")
    got = dict(kinds(interpreter))
    assert got["Syria: December 23, 2015"] == "dateline"
    assert got["-- James Miller"] == "byline"
    assert any(k == "sidebar" and t.startswith("Russia Says Taliban") for t, k in got.items())
    fp = seed_text("004")
    got = kinds(fp)
    tail = fp.index("More from Foreign Policy")
    assert [k for t, k in got if fp.index(t) >= tail] == ["read-more", "sidebar"]
    assert sum(1 for _, k in got if k == "repeat") == 1  # paragraphs 8-12 printed again as 14-18


def test_no_seed_or_example_citation_is_lost_to_furniture(seeds):
    """Every citation of the gold set (judged by reading) lies outside the skipped spans."""
    from conftest import ROOT, SHARED

    gold = [json.loads(line) for line in open(ROOT / "benchmarks" / "data" / "citations_gold.jsonl", encoding="utf-8")]
    texts = {}
    for g in gold:
        if g["type"] != "citation" or not g["citation"]:
            continue
        key = g["article"]
        if key not in texts:
            path = SHARED / key if key.startswith("seeds/") else ROOT / key
            texts[key] = furniture.find(path.read_text(encoding="utf-8"))
        span = g["cue"] or g["content"]
        assert not any(s.start <= span["start"] < s.end for s in texts[key]), (key, span)


@pytest.mark.parametrize(
    "unit",
    ["Photo: Jane Roe/Getty Images\n", "Send in e-mail\n", "REUTERS - " + BODY + "\n", "x\n" * 3 + "More from X\n", ":" * 50 + "\n"],
)
def test_linear_time(unit):
    def timer(text):
        t0 = time.perf_counter()
        furniture.find(text)
        return time.perf_counter() - t0

    assert_linear(f"furniture on {unit[:20]!r}", unit, timer)


def test_a_huge_line_is_not_read_by_the_short_line_rules():
    line = "Photo: " + "word " * 200_000
    t0 = time.perf_counter()
    assert furniture.find(line) == []
    assert time.perf_counter() - t0 < 2.0
