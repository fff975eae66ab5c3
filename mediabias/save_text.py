"""``--save-text DIR``: the text each article was analysed as, one file each.

For a web page this is the extracted text that every offset in its record
points into; for other inputs the decoded text.  A file is named after the
article's id, its path parts kept as folders and every other character
outside letters, digits, ``.``, ``-`` and ``_`` replaced by ``_``
(``pages/a.html`` -> ``DIR/pages/a.html.txt``, ``corpus.jsonl:5`` ->
``DIR/corpus.jsonl_5.txt``); a second article with the same name gets ``~2``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_UNSAFE = re.compile(r"[^\w.-]+")


def file_name(article_id: str) -> Path:
    parts = [_UNSAFE.sub("_", part) for part in re.split(r"[/\\]+", article_id)]
    parts = [p for p in parts if p not in ("", ".", "..")] or ["article"]
    parts = [p[:120] for p in parts]
    return Path(*parts[:-1], parts[-1] + ".txt")


class TextSaver:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.used: set[Path] = set()

    def save(self, item: Any) -> Path | None:
        """Write ``item``'s text; None for an input that could not be read."""
        if item.text is None:
            return None
        name = file_name(str(item.id if item.id is not None else item.source))
        path, n = name, 1
        while path in self.used:
            n += 1
            path = name.with_name(f"{name.stem}~{n}.txt")
        self.used.add(path)
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.text, encoding="utf-8", errors="replace", newline="")
        return target
