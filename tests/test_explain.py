import re

from click.testing import CliRunner

from mediabias.cli import main

TEXT = 'Officials said the alleged strikes may have hit Moscow. "It is clearly false," Igor Konashenkov said.'


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), input=TEXT, env=env or {})


def test_no_color_marks_every_span():
    r = run("score", "-", "--explain", env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "[alleged|D]" in out and "[may have|H]" in out and "[clearly|B]" in out
    assert "{Moscow|" in out
    assert re.search(r"\{<Igor Konashenkov\|SRC>\|[+-]\d\.\d\d\}", out)  # equal spans nest, they do not cross
    assert "<said|CUE>" in out and "<Officials|SRC>" in out and "\u00ab" in out
    assert "hedging: [text|H] hedge" in out  # the legend
    assert "attributions" in out and "per 1k words" in out  # the numbers beneath


def test_one_measure_shows_only_its_spans():
    r = run("hedging", "-", "--explain", env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert "[alleged|D]" in r.stdout and "CUE>" not in r.stdout and "{Moscow" not in r.stdout


def test_narrow_terminal_wraps():
    r = run("sources", "-", "--explain", env={"NO_COLOR": "1", "COLUMNS": "40"})
    assert r.exit_code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 40


def test_explain_with_a_machine_format_is_a_usage_error():
    r = run("score", "-", "--explain", "--format", "json")
    assert r.exit_code == 2 and "--explain" in r.stderr


def test_legend_matches_the_mode():
    from io import StringIO

    from rich.console import Console

    from mediabias.render.explain import colour_legend

    plain = run("hedging", "-", "--explain", env={"NO_COLOR": "1", "COLUMNS": "200"}).stdout
    assert "[text|H] hedge" in plain and "green" not in plain and "red" not in plain
    out = StringIO()
    Console(file=out, force_terminal=True, color_system="standard", width=200).print(colour_legend("hedging"))
    coloured = out.getvalue()
    assert "\x1b[" in coloured and "|H]" not in coloured  # colour samples, not the no-colour marks


def test_no_color_evidence_keeps_the_words_that_moved_a_score():
    text = "Critics slammed Russia for the brutal attack. Officials praised Amnesty for its careful work."
    r = CliRunner().invoke(main, ["sentiment", "-", "--format", "table"], input=text, env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert r.exit_code == 0
    assert "{Russia}" in r.stdout and "[brutal|-]" in r.stdout and "[praised|+]" in r.stdout
    assert "[word|+] / [word|-]" in r.stdout  # and the caption says what the marks mean
