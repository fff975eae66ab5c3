"""The HTML report in a real browser: headless Chromium loads it, no console
errors, charts and highlights in the DOM, a screenshot that is not blank.

Needs Debian's chromium (.ci/run installs it with apt-get when missing);
skips with the reason where no browser can be found.
"""

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, SEEDS
from mediabias.cli import main

BROWSER = next((b for b in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if b), None)
if BROWSER is None and os.environ.get("MEDIABIAS_REQUIRE_BROWSER"):
    raise RuntimeError("MEDIABIAS_REQUIRE_BROWSER is set (CI) but no Chromium was found")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]
CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\]? ?(.*)")


def chromium(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [BROWSER, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def console_messages(stderr: str) -> list[str]:
    return [m.group(1) for m in map(CONSOLE.search, stderr.splitlines()) if m]


def non_white_share(png: bytes) -> float:
    """Share of pixels that are not (near) white in an 8-bit RGB/RGBA PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    coloured = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        coloured += sum(1 for x in range(0, stride, bpp) if min(line[x:x + 3]) < 200)
        prev = line
    return coloured / (width * height)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = SEEDS if SEEDS.is_dir() else EXAMPLES
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = CliRunner().invoke(main, ["report", str(folder), "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    return out


def test_console_errors_are_detected(tmp_path):
    """The detector itself: a page with an error must be caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><script>undefinedFunction();</script></body></html>", encoding="utf-8")
    messages = console_messages(chromium(bad, tmp_path, "--dump-dom").stderr)
    assert any("undefinedFunction" in m for m in messages), messages


def test_report_renders_without_console_errors_with_charts_and_highlights(report, tmp_path):
    p = chromium(report, tmp_path, "--dump-dom")
    assert p.returncode == 0, p.stderr[-2000:]
    assert console_messages(p.stderr) == []
    dom = p.stdout
    assert dom.count("<svg") == 3
    assert len(re.findall(r'<rect class="bar"', dom)) >= 10
    assert len(re.findall(r'class="hl ', dom)) >= 50
    for chart in ("chart-sentiment", "chart-citations", "chart-hedging"):
        assert f'id="{chart}"' in dom


def test_screenshot_is_not_blank(report, tmp_path):
    shot = tmp_path / "shot.png"
    p = chromium(report, tmp_path, f"--screenshot={shot}", "--window-size=1000,1400", "--hide-scrollbars")
    assert shot.exists(), p.stderr[-2000:]
    share = non_white_share(shot.read_bytes())
    assert share > 0.03, f"only {share:.1%} of the screenshot is not white"


def test_report_by_outlet_adds_profile_charts_that_render(tmp_path):
    """report --by outlet: one inline-SVG profile per measure (a dot per group
    on its interval bar), in the same self-contained page, no console errors."""
    import json

    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    corpus = tmp_path / "c.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(24):
            name = sorted(texts)[i % 4]
            fh.write(json.dumps({"id": f"{name}-{i}", "text": texts[name] + f"\nOfficials said on day {i} it may rain.",
                                 "outlet": name.replace("_", " ")}) + "\n")
    out = tmp_path / "profiles.html"
    r = CliRunner().invoke(main, ["report", str(corpus), "--by", "outlet", "--min-articles", "3", "--resamples", "200",
                                  "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html  # self-contained
    p = chromium(out, tmp_path, "--dump-dom")
    assert p.returncode == 0, p.stderr[-2000:]
    assert console_messages(p.stderr) == []
    dom = p.stdout
    assert 'id="profiles"' in dom
    profiles = re.findall(r'<figure class="profile" id="profile-([^"]+)"', dom)
    assert "hedging.per_1k_words" in profiles and "sources.share_anonymous" in profiles and len(profiles) >= 12
    assert dom.count("<svg") == 3 + len(profiles)
    # four outlets in every chart: one interval (bar and dot) each
    assert len(re.findall(r'<circle class="dot', dom)) >= 4 * 12
    assert 'class="dot significant"' in dom  # the outlets' texts differ: some means differ beyond chance
    shot = tmp_path / "shot.png"
    chromium(out, tmp_path, f"--screenshot={shot}", "--window-size=1000,1400", "--hide-scrollbars")
    assert non_white_share(shot.read_bytes()) > 0.03
