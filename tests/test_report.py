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
