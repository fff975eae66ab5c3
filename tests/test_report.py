import os
import re

from click.testing import CliRunner

from conftest import EXAMPLES
from mediabias.cli import main

HOSTILE = (
    'Officials said <script>alert("x")</script> the alleged strikes "may" have hit. '
    'The minister said: "It was <b>bold</b> and \' onmouseover=\'alert(1)\' x=\'". '
    "Russia denied it. </textarea></style><img src=x onerror=alert(2)>"
)


def test_report_escapes_article_text(tmp_path):
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "fine.txt").write_text((EXAMPLES / "wire_service.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    shown = re.sub(r"<[^>]+>", "", html)  # the article text as shown, whatever spans highlight parts of it
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in shown
    assert "&lt;img src=x onerror=alert(2)&gt;" in shown
    # the only script is the report's own toggle script
    assert len(re.findall(r"<script", html)) == 1
    # no attribute can be broken out of: every title= value is quoted and escaped
    assert "onmouseover='alert" not in html.replace("&#39;", "'").split("<body>")[0]
    for title in re.findall(r' title="([^"]*)"', html):
        assert "<" not in title and ">" not in title


def test_report_is_self_contained_and_small(tmp_path, seeds):
    out = tmp_path / "seeds.html"
    r = CliRunner().invoke(main, ["report", str(seeds), "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert out.stat().st_size < 1_000_000
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched
    assert "<link" not in html and "@import" not in html
    assert html.count("<svg") == 3 and 'class="hl h-distancing"' in html and "party p-neg" in html
    assert "wrote" in r.stderr and "5 articles" in r.stderr


def test_unwritable_output_is_an_error_naming_it_and_leaves_nothing(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        target = folder / "r.html"
        r = CliRunner().invoke(main, ["report", str(EXAMPLES), "-o", str(target), "-j", "1"])
        if os.geteuid() != 0:  # root can write anyway
            assert r.exit_code == 1 and str(target) in r.stderr
            assert list(folder.iterdir()) == []
    finally:
        os.chmod(folder, 0o700)
    missing = tmp_path / "no" / "such" / "dir" / "r.html"
    r = CliRunner().invoke(main, ["report", str(EXAMPLES), "-o", str(missing), "-j", "1"])
    assert r.exit_code == 1 and str(missing) in r.stderr
    assert not missing.parent.exists()


def test_fifty_articles_stay_a_few_megabytes(data, tmp_path):
    out = tmp_path / "wcl50.html"
    corpus = data / "newswcl50" / "newswcl50_docs.jsonl"
    r = CliRunner().invoke(main, ["report", str(corpus), "--text-field", "sentences", "--id-field", "doc_id",
                                  "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    assert out.stat().st_size < 3_000_000
    assert out.stat().st_mode & 0o044  # readable like any file the user writes
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="article"') == 50


def _pair(label, russia_stance, voices, text="Russia denied it. Amnesty said so."):
    from mediabias.inputs import Item

    record = {
        "id": label, "source": label, "outlet": label, "words": 300, "sentences": 12,
        "hedging": {"per_1k_words": 10.0, "count": 3, "hits": [],
                    "by_category": {"hedge": 1, "distancing": 1, "weasel": 1, "booster": 0},
                    "author_voice": {"per_1k_words": 5.0, "count": 2}, "quoted": {"per_1k_words": 5.0, "count": 1},
                    "by_party": {}},
        "sentiment": {"parties": [{
            "name": "Russia", "kind": "country", "mentions": 6, "score": -0.6, "label": "negative",
            "positive": 0, "neutral": 1, "negative": 5, "evidence": [
                {"start": 0, "end": 6, "score": -0.6, "label": "negative", "words": []}],
            "by_voice": {"author": {"mentions": 6, "score": -0.6}, "quoted": {"mentions": 0, "score": None}},
            "stance": {"score": russia_stance, "label": "negative" if russia_stance < -0.05 else "neutral"},
            "voices": voices}]},
        "sources": {"attributions": 4, "per_100_words": 1.3, "share_anonymous": 0.0, "direct_quotes": 1,
                    "share_words_quoted": 0.1, "citations": [], "by_party": {"Russia": {"attributions": 3, "quoted_words": 10}}},
        "readability": {"flesch_reading_ease": 50.0, "flesch_kincaid_grade": 10.0, "gunning_fog": 12.0, "smog_index": 11.0},
    }
    return Item(label, label, text), record


def _voice(speaker, words, credence, self_=False):
    return {"speaker": speaker, "party": speaker, "type": "party", "self": self_, "mentions": 3, "words": words,
            "score": -0.5, "label": "negative", "credence": credence,
            "credence_evidence": [{"text": "Amnesty", "start": 18, "end": 25, "why": "scare quotes"}] if credence == "distanced" else []}


def test_report_shows_stance_as_the_headline_with_the_voices_and_colours_by_sign():
    from mediabias.render.html import render_html

    pairs = [_pair("RT", -0.04, [_voice("Russia", 663, "neutral", True), _voice("Amnesty International", 18, "distanced")]),
             _pair("Reuters", -0.45, [_voice("Amnesty International", 91, "neutral"), _voice("Russia", 47, "neutral", True)]),
             _pair("FP", 0.30, [_voice("Amnesty International", 247, "endorsed")])]
    html = render_html(pairs)
    table = html.split('id="group-sentiment"', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<td class="([^"]*)"[^>]*>([+\-]\d\.\d\d)', table)
    assert [(c.strip(), v) for c, v in cells] == [("", "-0.04"), ("marked neg", "-0.45"), ("pos", "+0.30")]
    assert '<tr class="voice"><td>voice: Russia (self)</td>' in table and "663 words" in table
    assert '<span class="cred-distanced">distanced</span>' in table and '<span class="cred-endorsed">endorsed</span>' in table
    # the distanced voice's words are marked in the article
    assert 'class="hl s-distanced" title="the author distances Amnesty International (scare quotes)"' in html


def test_charts_have_an_axis_a_scale_and_their_values():
    from mediabias.compare import compare
    from mediabias.render import charts

    pairs = [_pair("RT", -0.04, []), _pair("Reuters", -0.45, []), _pair("FP", 0.30, [])]
    for chart in charts.cluster_charts(compare(r for _, r in pairs)):
        ticks = [t for t in chart["texts"] if "tick" in t["cls"]]
        values = [t for t in chart["texts"] if "value" in t["cls"]]
        assert len(ticks) >= 3 and chart["lines"], chart["id"]
        assert len(values) >= len([b for b in chart["rects"]]) or chart["id"] == "chart-citations", chart["id"]
    sentiment = charts.sentiment_chart(compare(r for _, r in pairs))
    assert [t["text"] for t in sentiment["texts"] if "value" in t["cls"]] == ["-0.04", "-0.45", "+0.30"]
    assert {t["text"] for t in sentiment["texts"] if t["cls"] == "tick"} >= {"-1.0", "0", "+1.0"}


def test_above_the_limit_the_report_is_the_corpus_view_unless_all(tmp_path, monkeypatch):
    from mediabias.render import limits

    monkeypatch.setattr(limits, "REPORT_ALL_UP_TO", 3)
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["report", str(EXAMPLES), "-o", str(out), "-j", "1"])
    assert r.exit_code == 0 and "4 articles is more than 3" in r.stderr and "--all" in r.stderr
    html = out.read_text(encoding="utf-8")
    assert '<section class="article"' not in html and 'id="corpus-table"' in html and html.count("<svg") == 3
    assert html.count("<tr><td>") == 4  # one row per article
    r = CliRunner().invoke(main, ["report", str(EXAMPLES), "-o", str(out), "-j", "1", "--all"])
    assert r.exit_code == 0 and "more than" not in r.stderr
    assert out.read_text(encoding="utf-8").count('<section class="article"') == 4
