"""A progress bar on stderr for batch runs (only when asked or on a terminal).

It refreshes from the loop itself (no refresh thread), at most ten times a
second, so worker processes are never forked while another thread runs.
"""

from __future__ import annotations

import time
from typing import Iterable, Iterator, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

T = TypeVar("T")


def with_progress(results: Iterable[T], total: int | None = None) -> Iterator[T]:
    console = Console(stderr=True)
    columns = [
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("analysing", total=total, rate="-")
        start = last = time.monotonic()
        done = 0
        for result in results:
            yield result
            done += 1
            now = time.monotonic()
            if now - last >= 0.1:
                progress.update(task, completed=done, rate=f"{done / (now - start):.0f}")
                progress.refresh()
                last = now
        progress.update(task, completed=done)
