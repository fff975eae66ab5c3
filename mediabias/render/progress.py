"""Progress on stderr for batch runs (only when asked or on a terminal).

On a terminal: a bar that refreshes from the loop itself (no refresh
thread), at most ten times a second, so worker processes are never forked
while another thread runs.  When standard output is the same terminal and
the command prints as results arrive (the detail and --explain views), the
bar is taken down before each result is handed on and put back after, so
it never stays glued to what is printed.

Not on a terminal (``--progress 2>log``): a plain line every few seconds
and one at the end -- a bar's control codes would be noise in a file.
"""

from __future__ import annotations

import sys
import time
from typing import Callable, Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")
PLAIN_EVERY_S = 5.0  # seconds between plain progress lines


def with_progress(results: Iterable[T], total: int | None = None, *, interleaved: bool = False,
                  stream: TextIO | None = None, note: Callable[[], str] | None = None) -> Iterator[T]:
    """``results`` unchanged, with progress on ``stream`` (stderr).
    ``interleaved``: standard output is printed to while results arrive;
    ``note()`` adds a word to the bar or line (e.g. "312 already stored")."""
    stream = stream if stream is not None else sys.stderr
    if not stream.isatty():
        yield from _plain(results, total, stream, note)
        return
    yield from _bar(results, total, stream, interleaved, note)


def _plain(results: Iterable[T], total: int | None, stream: TextIO,
           note: Callable[[], str] | None = None) -> Iterator[T]:
    every = PLAIN_EVERY_S
    start = last = time.monotonic()
    done = 0
    of = f"/{total:,}" if total else ""

    def line(now: float, final: bool = False) -> None:
        rate = done / (now - start) if now > start else 0.0
        what = "done:" if final else "analysed"
        stream.write(f"mediabias: {what} {done:,}{'' if final else of} article(s) in {now - start:.1f} s "
                     f"({rate:.0f}/s{'; ' + note() if note and note() else ''})\n")
        stream.flush()

    for result in results:
        yield result
        done += 1
        now = time.monotonic()
        if now - last >= every:
            line(now)
            last = now
    line(time.monotonic(), final=True)


def _bar(results: Iterable[T], total: int | None, stream: TextIO, interleaved: bool,
         note: Callable[[], str] | None = None) -> Iterator[T]:
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    console = Console(file=stream)
    columns = [
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TextColumn("{task.fields[note]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    progress = Progress(*columns, console=console, transient=True, auto_refresh=False)
    task = progress.add_task("analysing", total=total, rate="-", note="")
    start = last = time.monotonic()
    done = 0
    progress.start()
    try:
        for result in results:
            if interleaved:
                progress.stop()  # transient: the bar's lines are erased before the result is printed
            yield result
            done += 1
            now = time.monotonic()
            progress.update(task, completed=done, rate=f"{done / max(now - start, 1e-9):.0f}", note=note() if note else "")
            if interleaved:
                progress.start()  # drawn again below what was printed
            elif now - last >= 0.1:
                progress.refresh()
                last = now
    finally:
        progress.stop()
