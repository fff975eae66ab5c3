"""Text -> Report: build the Document once and run the measures on it.

The measures run in a fixed order because later ones use earlier results:
parties are found first (hedging targets, sentiment and sources all refer
to them), then sources (who said what: hedging and sentiment ask it whose
words a span is), hedging (sentiment reads its distancing for credence),
sentiment, then readability.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from mediabias.config import Config, normalise_parties
from mediabias.measures import hedging, readability, sentiment, sources
from mediabias.measures import parties as party_detection
from mediabias.measures.speech import Speech
from mediabias.report import Report
from mediabias.text import furniture
from mediabias.text.document import Document

MEASURES = ("hedging", "sentiment", "sources", "readability")
# blocks a caller can ask for on top of the measures: "parties" lists the
# parties found with every alias and its mention count (``mediabias parties``)
EXTRA_BLOCKS = ("parties",)


def analyze(
    text: str,
    *,
    parties: Mapping[str, Iterable[str]] | None = None,
    config: Config | None = None,
    measures: Iterable[str] = MEASURES,
    id: str | None = None,
    source: str | None = None,
    meta: Mapping[str, Any] | None = None,
    encoding: str | None = None,
    extractor: str | None = None,
) -> Report:
    """Analyse one article.

    ``parties`` maps a party name to its aliases (``{"Russia": ["Russia",
    "Moscow", "Kremlin"]}``) and replaces automatic party detection;
    ``config`` is a :class:`mediabias.config.Config` (``parties`` wins over
    the config's parties).  ``measures`` selects which blocks the report
    carries.
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs a str, not {type(text).__name__}")
    cfg = config or Config()
    party_spec = normalise_parties(parties) if parties is not None else cfg.parties
    wanted = set(measures)
    unknown = wanted - set(MEASURES) - set(EXTRA_BLOCKS)
    if unknown:
        raise ValueError(
            f"unknown measure(s): {', '.join(sorted(unknown))}; choose from {', '.join(MEASURES + EXTRA_BLOCKS)}"
        )
    # page furniture (datelines, captions, "Read more" ...) is blanked to spaces: no measure sees it,
    # and every offset still points into ``text``
    skipped = furniture.find(text)
    doc = Document(furniture.blank(text, skipped))
    index = party_detection.detect(doc, party_spec)
    # hedging and sentiment ask the sources measure who said quoted and reported words
    sources_result = sources.score(doc, index) if wanted & {"sources", "sentiment", "hedging"} else None
    speech = Speech(doc, index, sources_result) if wanted & {"sentiment", "hedging"} else None
    # sentiment reads the distancing hits for the credence an article gives each voice
    hedging_result = (
        hedging.score(doc, index, lexicons=cfg.lexicons, speech=speech) if wanted & {"hedging", "sentiment"} else None
    )
    sentiment_result = (
        sentiment.score(doc, index, sources=sources_result, hedging=hedging_result, speech=speech,
                        group_people=cfg.group_people)
        if "sentiment" in wanted else None
    )
    readability_result = readability.score(doc.text, doc.n_words) if "readability" in wanted else None
    parties_result = party_detection.summary(index) if "parties" in wanted else None
    return Report(
        id=id,
        source=source,
        words=doc.n_words,
        sentences=len(doc.sentences),
        chars=len(text),
        meta=dict(meta or {}),
        encoding=encoding,
        skipped=tuple(skipped),
        extractor=extractor,
        hedging=hedging_result if "hedging" in wanted else None,
        sentiment=sentiment_result,
        sources=sources_result if "sources" in wanted else None,
        readability=readability_result,
        parties=parties_result,
    )

