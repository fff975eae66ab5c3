"""Text layer: the Document (tokens, sentences, quotes) and phrase matching."""

from mediabias.text.document import Document, Sentence

__all__ = ["Document", "Sentence"]
