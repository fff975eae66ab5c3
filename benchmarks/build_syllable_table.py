"""Build mediabias/lexicons/syllable_table.tsv: syllable counts of common news words.

    python benchmarks/build_syllable_table.py ../shared/data

The table is only a head start for the per-process memo in
mediabias/text/syllables.py: every count in it is computed by that module's
own algorithm (pyphen's en_US patterns), so results are the same with or
without it.  The vocabulary is every word (letters, 3+ occurrences, up to 24
characters) of the PolNeAR training articles and NewsMTSC training sentences
-- not of media_valid.jsonl, the corpus the speed benchmark runs on, so the
benchmark does not flatter itself.  Words are grouped by syllable count, one
line per count: ``N<TAB>word word ...``.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

from mediabias.text.syllables import _points, _patterns

PUNCT = re.compile(r"[^\w\s]")


def main(data: Path) -> None:
    counts: collections.Counter[str] = collections.Counter()
    for path in sorted((data / "polnear" / "train" / "text").glob("*.txt")):
        counts.update(PUNCT.sub("", path.read_text(encoding="utf-8").lower()).split())
    with (data / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            counts.update(PUNCT.sub("", json.loads(line)["sentence_normalized"].lower()).split())
    words = sorted(w for w, n in counts.items() if n >= 3 and len(w) <= 24 and w.isalpha())
    patterns, maxlen = _patterns()
    groups: dict[int, list[str]] = collections.defaultdict(list)
    for w in words:
        groups[_points(w, patterns, maxlen) + 1].append(w)
    out = Path(__file__).resolve().parents[1] / "mediabias" / "lexicons" / "syllable_table.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Syllable counts (pyphen en_US hyphenation points + 1, as textstat counts them) of\n")
        fh.write("# common news words; built by benchmarks/build_syllable_table.py. One line per count.\n")
        for n in sorted(groups):
            fh.write(f"{n}\t{' '.join(groups[n])}\n")
    print(f"{out}: {len(words)} words")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
