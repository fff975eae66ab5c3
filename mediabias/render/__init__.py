"""Renderers: records -> text on a stream.  A renderer never recomputes a
number; it only selects, rounds and lays out what the record holds."""

FORMATS = ("table", "json", "jsonl", "csv")
