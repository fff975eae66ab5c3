"""Progress on stderr: a bar on a terminal that never stays glued to what is
printed, plain lines off a terminal (``--progress 2>log``)."""

import io

from click.testing import CliRunner

from conftest import EXAMPLES
from mediabias.cli import main
from mediabias.render import progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_is_taken_down_before_each_result_is_handed_on():
    stream = FakeTerminal()
    seen = []
    for item in progress.with_progress(iter(range(3)), 3, interleaved=True, stream=stream):
        text = stream.getvalue()
        seen.append(item)
        assert "analysing" in text  # it was drawn ...
        assert text.endswith("\x1b[1A\x1b[2K") or text.endswith("\x1b[2K"), repr(text[-40:])  # ... and erased
    assert seen == [0, 1, 2]
    assert stream.getvalue().endswith("\x1b[2K")  # nothing left on the screen at the end


def test_off_a_terminal_plain_lines(monkeypatch):
    monkeypatch.setattr(progress, "PLAIN_EVERY_S", 0.0)
    stream = io.StringIO()
    assert list(progress.with_progress(iter("abc"), 3, stream=stream)) == ["a", "b", "c"]
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("mediabias: analysed 1/3 article(s) in ")
    assert lines[-1].startswith("mediabias: done: 3 article(s) in ") and "\x1b" not in stream.getvalue()


def test_progress_can_be_forced_when_stderr_is_a_file():
    r = CliRunner().invoke(main, ["score", str(EXAMPLES), "--progress", "-j", "1"])
    assert r.exit_code == 0
    assert "mediabias: done: 4 article(s) in" in r.stderr
    r = CliRunner().invoke(main, ["score", str(EXAMPLES), "-j", "1"])
    assert "article(s) in" not in r.stderr  # off by default when stderr is not a terminal
