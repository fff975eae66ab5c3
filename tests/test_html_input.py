"""Saved web pages as input: the article, and nothing of the page around it,
reaches the analysis; the page's metadata fills the record; offsets point into
the extracted text that --save-text writes and --explain shows.

The pages in tests/pages/ were written for these tests (an invented event, as
in examples/): a wire story with a cookie banner, navigation, share buttons, a
promo, a caption, an author box, related links, comments and a footer; a
blog-style analysis with a top bar, a sidebar, share and related blocks, tags,
an author box, comments and a cookie notice; a broadcaster's page with ads, a
newsletter box and a video embed inside the article and a pull quote; and a
page with no article.
"""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediabias.cli import main
from mediabias.inputs import iter_inputs

PAGES = Path(__file__).parent / "pages"

# The article as written in each page (paragraph by paragraph), and page text
# that is not the article and must not be analysed.
ARTICLES = {
    "wire_dam_report.html": {
        "title": "Rights group says Estova ignored warnings before deadly dam collapse",
        "meta": {"outlet": "Continental Press Agency", "author": "Marta Kowalczyk", "date": "2024-03-13",
                 "url": "https://cpa.example/world/2024/03/13/estova-dam-warnings"},
        "first": "KESTREL, March 13 (CPA) - Estova's state energy company ignored at least four written warnings",
        "last": "the investigation should be open to international experts.",
        "boilerplate": [
            "We use cookies", "Accept all", "Manage preferences", "Subscribe today", "Search the archive",
            "Share on Facebook", "Email this story", "Sign up for our morning briefing", "Rescue workers search",
            "Central Europe correspondent", "Danube Notebook", "More stories by this reporter", "Related coverage",
            "Death toll from Merrow flooding", "Estenergo bonds slide", "Comments (3)", "Absolutely disgraceful",
            "My cousin lived in the valley", "Wait for the official investigation", "Join the conversation",
            "Advertise with us", "All rights reserved", "Breadcrumbs", "Europe",
        ],
    },
    "analysis_blog.htm": {
        "title": "Who knew about the cracks?",
        "meta": {"outlet": "Basin Monitor", "author": "Jonas Berg", "date": "2024-03-19"},
        "first": "Two months after the Merrow Dam gave way",
        "last": "treat confident claims on either side with some caution.",
        "boilerplate": [
            "Log in", "Donate to keep independent journalism", "About the project", "Podcasts", "Posted on",
            "Share this", "A timeline of the Merrow disaster", "Evacuation orders came too late", "Tags:",
            "engineer turned journalist", "two cats", "Responses to", "Excellent piece", "Western propaganda",
            "inspection scans", "Leave a Reply", "will not be published", "Most read this week",
            "Glacier melt", "weekly digest", "Archives", "reader-funded nonprofit", "uses cookies",
        ],
    },
    "broadcaster_live.html": {
        "title": "Estova blames record rain for Merrow disaster",
        "meta": {"outlet": "National Broadcasting Service", "author": "Irena Vasic", "date": "2024-03-14"},
        "first": "Energy Minister Pavel Drozdov on Thursday rejected a report",
        "last": "the committee on energy would hear him in April.",
        "boilerplate": [
            "Skip to content", "Advertisement", "Live TV", "Weather", "Culture", "political correspondent",
            "18:05", "top stories from NBS", "Sign up now", "Watch: aerial footage", "may not be republished",
            "Most popular", "Pension reform", "Heatwave warning", "public broadcaster", "Accessibility",
        ],
        "once": ['"Nature, not negligence, destroyed this dam"'],  # its pull quote is left out
    },
}


def _article_text(name: str) -> str:
    """The article's own words, read from the page's article paragraphs."""
    html = (PAGES / name).read_text(encoding="utf-8")
    body = re.search(r'class="(?:story-body|entry-content|article-body)">(.*?)</div>\s*'
                     r'(?:<div class="author|<div class="entry-util|<footer class="article)', html, re.S).group(1)
    body = re.sub(r"<(aside|figure|div|blockquote)\b.*?</\1>", " ", body, flags=re.S)  # promos, captions, pull quotes
    paragraphs = re.findall(r"<p>(.*?)</p>", body, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", p) for p in paragraphs)


def _words(text: str) -> Counter:
    return Counter(re.findall(r"[\w']+", text.lower()))


@pytest.fixture(scope="module")
def items():
    return {Path(i.source).name: i for i in iter_inputs([str(PAGES)])}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_the_article_reaches_the_analysis_and_the_page_around_it_does_not(items, name):
    item = items[name]
    expected = ARTICLES[name]
    article = _words(_article_text(name))
    assert sum(article.values()) > 150  # the article paragraphs were found in the page
    got = _words(item.text)
    kept = sum(min(n, got[w]) for w, n in article.items()) / sum(article.values())
    assert kept >= 0.95, f"only {kept:.1%} of the article's words were extracted"
    for phrase in expected["boilerplate"]:
        assert phrase.lower() not in item.text.lower(), phrase
    # no word that occurs only in the page around the article reaches the analysis
    page_words = _words(re.sub(r"<[^>]+>", " ", (PAGES / name).read_text(encoding="utf-8")))
    title_words = _words(expected["title"])
    extra = {w for w in got if w not in article and w not in title_words}
    assert not extra, f"words from outside the article: {sorted(extra)[:20]}"
    assert page_words  # the check above compared against real page text
    assert item.text.startswith(expected["title"]) or item.text.startswith(expected["first"])
    assert expected["first"] in item.text and item.text.rstrip().endswith(expected["last"])
    for phrase in expected.get("once", []):
        assert item.text.count(phrase[1:-1]) == 1, phrase


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_page_metadata_becomes_the_record_fields(items, name):
    item = items[name]
    assert item.meta["title"] == ARTICLES[name]["title"]
    for key, value in ARTICLES[name]["meta"].items():
        assert item.meta[key] == value, key
    assert item.extractor.startswith("trafilatura ")


def test_a_page_without_an_article_is_an_error_record_and_the_batch_goes_on(tmp_path):
    r = CliRunner().invoke(main, ["score", str(PAGES), "--format", "jsonl", "-j", "1"])
    assert r.exit_code == 3, r.output
    records = {Path(rec["source"]).name: rec for rec in map(json.loads, r.stdout.splitlines())}
    assert set(records) == {"wire_dam_report.html", "analysis_blog.htm", "broadcaster_live.html", "empty_index.html"}
    bad = records["empty_index.html"]
    assert bad["error"]["kind"] == "no_text" and "no article text" in bad["error"]["message"]
    assert "empty_index.html" in r.stderr
    good = records["wire_dam_report.html"]
    assert good["outlet"] == "Continental Press Agency" and good["author"] == "Marta Kowalczyk"
    assert good["extractor"].startswith("trafilatura") and good["words"] > 250


def test_offsets_point_into_the_extracted_text_that_save_text_writes(tmp_path):
    out = tmp_path / "texts"
    page = PAGES / "wire_dam_report.html"
    r = CliRunner().invoke(main, ["score", str(page), "--format", "json", "--save-text", str(out)])
    assert r.exit_code == 0, r.output
    record = json.loads(r.stdout)
    saved = list(out.rglob("*.txt"))
    assert [p.name for p in saved] == ["wire_dam_report.html.txt"]
    text = saved[0].read_text(encoding="utf-8")
    assert record["chars"] == len(text)
    spans = [(h["start"], h["end"], h["text"]) for h in record["hedging"]["hits"]]
    spans += [(e["start"], e["end"], e["text"]) for p in record["sentiment"]["parties"] for e in p["evidence"]]
    spans += [(c["cue"]["start"], c["cue"]["end"], c["cue"]["text"]) for c in record["sources"]["citations"] if c["cue"]]
    assert len(spans) > 20
    for start, end, span in spans:
        assert text[start:end] == span
    assert "Mbeki" in text and "cookies" not in text


def test_explain_shows_the_extracted_text():
    r = CliRunner().invoke(main, ["hedging", str(PAGES / "analysis_blog.htm"), "--explain"], env={"NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    assert "Energy Minister Pavel Drozdov" in r.stdout
    assert "Leave a Reply" not in r.stdout and "Most read" not in r.stdout


def test_jsonl_with_an_html_field(tmp_path):
    corpus = tmp_path / "pages.jsonl"
    lines = [{"id": "w1", "page": (PAGES / "wire_dam_report.html").read_text(encoding="utf-8"), "outlet": "CPA wire"},
             {"id": "b1", "page": (PAGES / "analysis_blog.htm").read_text(encoding="utf-8")},
             {"id": "x1", "text": "no page here"}]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    items = list(iter_inputs([str(corpus)], html_field="page"))
    assert items[0].meta["outlet"] == "CPA wire"  # the corpus's own field wins over the page's site name
    assert items[0].meta["author"] == "Marta Kowalczyk" and items[0].text.startswith("Rights group says")
    assert items[1].meta["outlet"] == "Basin Monitor"
    assert items[2].error == ("field", "line 3: field 'page' is missing")
    r = CliRunner().invoke(main, ["score", str(corpus), "--html-field", "page", "--format", "jsonl"])
    assert r.exit_code == 3
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == ["w1", "b1", "x1"]
    # without --html-field: a line with no text is read from its "html" field; a line with text, from its text
    plain = tmp_path / "html.jsonl"
    plain.write_text(json.dumps({"id": "h1", "html": lines[0]["page"]}) + "\n" + json.dumps(lines[2]) + "\n"
                     + json.dumps({"id": "t1", "text": "Officials said so.", "html": lines[1]["page"]}) + "\n",
                     encoding="utf-8")
    items = list(iter_inputs([str(plain)]))
    assert items[0].extractor and items[0].meta["author"] == "Marta Kowalczyk"
    assert items[1].text == "no page here" and items[1].extractor is None
    assert items[2].text == "Officials said so." and items[2].extractor is None


def test_html_is_recognised_by_its_content_on_stdin_and_in_other_files(tmp_path):
    page = (PAGES / "analysis_blog.htm").read_text(encoding="utf-8")
    (tmp_path / "saved_page").write_text(page, encoding="utf-8")
    (tmp_path / "note.txt").write_text("A plain note about <b> tags in a sentence that is not a page.", encoding="utf-8")
    items = {Path(i.source).name: i for i in iter_inputs([str(tmp_path)])}
    assert items["saved_page"].extractor and items["saved_page"].text.startswith("Who knew about the cracks?")
    assert items["note.txt"].extractor is None and items["note.txt"].text.startswith("A plain note")
    r = CliRunner().invoke(main, ["score", "-", "--format", "json"], input=page)
    assert json.loads(r.stdout)["outlet"] == "Basin Monitor"


def test_extraction_works_offline_and_is_imported_only_for_pages(tmp_path):
    """No network: every socket connection fails, extraction still works. And
    neither trafilatura nor lxml is imported to read plain text."""
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k):\n    raise OSError('network disabled in this test')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
        "from mediabias.inputs import iter_inputs\n"
        f"plain = list(iter_inputs([{str(tmp_path / 'plain.txt')!r}]))\n"
        "print('trafilatura' in sys.modules, 'lxml' in sys.modules)\n"
        f"page = list(iter_inputs([{str(PAGES / 'wire_dam_report.html')!r}]))[0]\n"
        "print(page.meta['author'], len(page.text.split()))\n"
    )
    (tmp_path / "plain.txt").write_text("Officials said it may rain.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "False False"
    assert out[1].startswith("Marta Kowalczyk") and int(out[1].split()[-1]) > 250


def test_the_report_shows_the_extracted_text(tmp_path):
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["report", str(PAGES / "wire_dam_report.html"), str(PAGES / "analysis_blog.htm"),
                                  "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    import html as html_lib

    html = html_lib.unescape(re.sub(r"<[^>]+>", "", out.read_text(encoding="utf-8")))  # the text, without highlights
    assert '"These deaths were preventable,"' in html and "Who knew about the cracks?" in html
    for phrase in ("Absolutely disgraceful", "Leave a Reply", "Manage preferences", "Most read this week"):
        assert phrase not in html


def test_a_pull_quote_repeating_the_articles_words_is_kept_once():
    from mediabias.inputs_html import _without_repeats

    body = ['"Nature, not negligence, destroyed this dam," he said at the briefing.',
            '"Nature, not negligence, destroyed this dam"', "A short paragraph of its own."]
    assert _without_repeats(body) == [body[0], body[2]]
    assert _without_repeats(["Same words.", "Same words."]) == ["Same words.", "Same words."]  # no longer one holds them


def test_page_records_and_carried_fields_validate_against_the_schema(tmp_path):
    import jsonschema

    from mediabias.schema import load_schema

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "p1", "html": (PAGES / "analysis_blog.htm").read_text(encoding="utf-8"),
                                  "lean": "center", "topic": ["dams", "energy"]}) + "\n"
                      + json.dumps({"id": "p2", "html": (PAGES / "empty_index.html").read_text(encoding="utf-8"),
                                    "lean": "left"}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["score", str(corpus), "--html-field", "html", "--field", "leaning=lean",
                                  "--field", "topic=topic", "--format", "jsonl"])
    records = [json.loads(line) for line in r.stdout.splitlines()]
    validator = jsonschema.Draft202012Validator(load_schema())
    for record in records:
        validator.validate(record)
    assert records[0]["fields"] == {"leaning": "center", "topic": ["dams", "energy"]}
    assert records[0]["extractor"].startswith("trafilatura") and records[0]["author"] == "Jonas Berg"
    assert records[1]["error"]["kind"] == "no_text" and records[1]["fields"] == {"leaning": "left"}
