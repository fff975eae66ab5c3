"""Bytes -> text: byte-order marks, UTF-16 without one, UTF-8 (with a few
stray bytes), or the encoding charset-normalizer detects; binary data refused.

Also the one rule for lone surrogates (``\\udXXX`` escapes in JSON): not
characters, not writable as UTF-8, so read as U+FFFD, one for one.
"""

from __future__ import annotations

import re
from typing import Any

_BINARY_SNIFF = 8192
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(Exception):
    """An input could not be turned into text; ``kind`` names the failure."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NUL bytes only on one side of each pair
    (the high byte of Latin text), on at least a third of them."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if odd >= pairs / 3 and even == 0:
        return "utf-16-le"
    if even >= pairs / 3 and odd == 0:
        return "utf-16-be"
    return None


def without_lone_surrogates(value: Any) -> Any:
    """``value`` (a JSON value) with every lone surrogate replaced by U+FFFD."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_lone_surrogates(k): without_lone_surrogates(v) for k, v in value.items()}
    return value


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and the encoding used (None for plain UTF-8).

    Byte-order marks first (UTF-8, UTF-32, UTF-16); NUL bytes all on one side
    of each byte pair are UTF-16 without a mark; then UTF-8; text that is UTF-8
    but for a few stray bytes (more valid multi-byte characters than invalid
    bytes: a scraped page with one Windows-1252 quote) stays UTF-8, the stray
    bytes replaced by U+FFFD (``encoding: "utf-8"``); anything else is what
    charset-normalizer detects, and failing that UTF-8 with replacements when
    they are at most 1% of the text -- an error otherwise.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as e:
                raise InputError("decode", f"starts with a {codec.upper()} byte-order mark but is not "
                                           f"{codec.upper()} ({e.reason})") from None
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        try:
            text = data.decode(encoding) if encoding else None
        except UnicodeDecodeError:
            text = None
        if text is None:
            raise InputError("binary", "binary data (NUL bytes), not text")
        return _not_binary(text), encoding
    try:
        text = data.decode("utf-8")
        encoding = None
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        encoding = "utf-8"
        stray = text.count("\ufffd") - data.count("\ufffd".encode())
        multibyte = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
        if multibyte <= stray:  # not UTF-8 with a few stray bytes: another encoding
            from charset_normalizer import from_bytes

            matches = list(from_bytes(data))
            if matches:
                best = matches[0]
                # Western single-byte encodings often tie; prefer Windows-1252, the
                # usual legacy encoding of English and Western European news.
                for m in matches:
                    if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01:
                        best = m
                        break
                text = str(best)
                encoding = best.encoding
            elif stray > max(1, len(text) // 100):
                raise InputError("decode", "not UTF-8 and no text encoding could be detected")
    return _not_binary(text), encoding


def _not_binary(text: str) -> str:
    sample = text[:_BINARY_SNIFF]
    controls = sum(1 for c in sample if c < " " and c not in "\n\r\t\f\v")
    if sample and controls > max(2, len(sample) // 100):
        raise InputError("binary", f"binary data ({controls} control characters in the first {len(sample)}), not text")
    return text
