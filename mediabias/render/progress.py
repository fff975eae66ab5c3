"""A progress bar on stderr for batch runs (only when asked or on a terminal).

It refreshes from the loop itself (no refresh thread), at most ten times a
second, so worker processes are never forked while another thread runs.
"""

from __future__ import annotations

import time
from typing import Callable, Iterable, Iterator, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

T = TypeVar("T")


def with_progress(results: Iterable[T], total: int | None = None, note: Callable[[], str] | None = None) -> Iterator[T]:
    """Yield ``results`` while a bar counts them; ``note()`` adds a word to the bar (e.g. "312 already stored")."""
    console = Console(stderr=True)
    columns = [
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TextColumn("{task.fields[note]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("analysing", total=total, rate="-", note="")
        start = last = time.monotonic()
        done = 0
        for result in results:
            yield result
            done += 1
            now = time.monotonic()
            if now - last >= 0.1:
                progress.update(task, completed=done, rate=f"{done / (now - start):.0f}", note=note() if note else "")
                progress.refresh()
                last = now
        progress.update(task, completed=done)
