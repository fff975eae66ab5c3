"""How a party's stance and the voices carried about it read on a terminal
(the HTML report and ``compare`` use the same words).

A voice is somebody the article lets speak about the party -- the party
itself (``self``), a person, another party, or anonymous -- with the words
given to it and the author's credence toward it: endorsed, neutral or
distanced (scare quotes around its words, "claims", "so-called").
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

CREDENCE_STYLE = {"distanced": "magenta", "endorsed": "cyan", "neutral": ""}
CREDENCE_MARK = {"distanced": "DISTANCED", "endorsed": "endorsed", "neutral": "neutral"}


def voice_name(voice: dict[str, Any]) -> str:
    """'Russia (self)', 'Charles Shoebridge', 'anonymous'."""
    return str(voice.get("speaker") or "anonymous") + (" (self)" if voice.get("self") else "")


def voice_line(voice: dict[str, Any]) -> str:
    """'Russia (self) 663 words, neutral'."""
    return f"{voice_name(voice)} {voice.get('words', 0)} words, {voice.get('credence') or 'neutral'}"


def voices_text(party: dict[str, Any], k: int = 3) -> Text:
    """The party's voices with most words, one a line, credence coloured (and
    a distanced voice in capitals, so it shows without colour too)."""
    out = Text()
    voices = party.get("voices") or []
    for i, v in enumerate(voices[:k]):
        if i:
            out.append("\n")
        credence = v.get("credence") or "neutral"
        out.append(f"{voice_name(v)} {v.get('words', 0)} w, ")
        out.append(CREDENCE_MARK.get(credence, credence), style=CREDENCE_STYLE.get(credence, ""))
    if len(voices) > k:
        out.append(f"\n+{len(voices) - k} more", style="dim")
    return out
