"""Text layer: the Document (tokens, sentences, quotes) and phrase matching."""

from mediabias.text.document import Document, Sentence, lower_same_length

__all__ = ["Document", "Sentence", "lower_same_length"]
