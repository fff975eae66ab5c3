"""What mediabias writes can always be written, and never drives the terminal.

Two policies, each applied in one place:

* **Terminal views** (tables, detail views, ``--explain``, ``compare``'s
  table, messages on standard error) show article-derived text through
  :func:`terminal_text`: control characters that a terminal would obey --
  C0 controls other than line feed and tab (ESC starts the sequences that
  set a window title, colours or clear the screen; CR and backspace
  overwrite what was printed), DEL, the C1 controls (0x9B is an 8-bit CSI),
  the bidirectional embeddings, overrides and isolates that reorder what is
  displayed ("Trojan source"), and lone surrogates -- are replaced one
  character for one by a visible stand-in (``␛`` for ESC, ``␀`` for NUL, a
  space for CR, VT and FF, U+FFFD for the rest).  One for one, so every
  offset of a span still points at the same character.  JSON, JSON Lines and
  CSV carry the text exactly as read.
* **Any output stream**: :func:`writable` sets an encoding error handler on a
  text stream so that no character can fail a write: a lone surrogate is
  written as U+FFFD, and a character the stream's encoding cannot hold (a
  Latin-1 terminal) as a JSON-style ``\\uXXXX`` escape -- valid inside a JSON
  string, readable anywhere else.  A UTF-8 stream is only affected by lone
  surrogates, which are not characters and have no UTF-8 form.

:func:`write_text` writes a record's text whole: through the file descriptor,
looping over partial writes.  (A ``BufferedWriter`` whose blocking write to a
full pipe is cut short by a signal -- Ctrl-C or SIGTERM while a slow reader
lags -- drops the rest of the line: 6 runs in 8 lost part of a 9 kB line in
a test here; the loop loses nothing.)
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import replace
from typing import Any, TextIO

_CONTROL_PICTURE = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\n\t"}
_CONTROL_PICTURE.update({0x0D: " ", 0x0B: " ", 0x0C: " ", 0x7F: "\u2421"})
_TABLE: dict[int, str] = dict(_CONTROL_PICTURE)
_TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_TABLE.update({c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_TABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")


def terminal_text(text: str) -> str:
    """``text`` with every character a terminal would obey made visible and inert
    (one character for one: offsets into ``text`` stay valid)."""
    return text.translate(_TABLE) if _UNSAFE.search(text) else text


def cell(value: Any, style: str = ""):
    """Article-derived text for a rich table cell or rule: a ``Text``, so rich
    never reads it as markup (a title "[/x]" would stop the view with a
    MarkupError; "[red]" would restyle it), with :func:`terminal_text` applied."""
    from rich.text import Text

    return Text(terminal_text("" if value is None else str(value)), style=style)


def terminal_value(value: Any) -> Any:
    """A copy of a record (any JSON value) with :func:`terminal_text` applied to
    every string, keys included."""
    if isinstance(value, str):
        return terminal_text(value)
    if isinstance(value, dict):
        return {terminal_text(k) if isinstance(k, str) else k: terminal_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [terminal_value(v) for v in value]
    return value


def terminal_item(item):
    """An :class:`~mediabias.inputs.Item` as a terminal view may show it."""
    if item is None or item.text is None:
        return item
    return replace(item, text=terminal_text(item.text))


# -- writing to a stream -------------------------------------------------------------------
ERRORS = "mediabias.output"


def _escape(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _output_errors(exc: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        if "\ud800" <= ch <= "\udfff":
            ch = "\ufffd"
        try:
            out.append(ch.encode(exc.encoding))
        except (UnicodeError, LookupError):
            out.append(_escape(ch).encode("ascii"))
    return b"".join(out), exc.end


codecs.register_error(ERRORS, _output_errors)


def writable(stream: TextIO) -> TextIO:
    """``stream``, set so that no character can make a write fail (see above)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors=ERRORS)
        except (ValueError, TypeError, OSError):
            pass
    return stream


def write_text(stream: TextIO, text: str) -> None:
    """Write ``text`` to ``stream`` and flush it, all of it (see above)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.StringIO, a test runner's capture
        fd = None
    if fd is None or os.linesep != "\n":  # no descriptor, or newlines to translate: the stream's own way
        stream.write(text)
        stream.flush()
        return
    stream.flush()  # whatever the stream holds goes first
    data = memoryview(text.encode(getattr(stream, "encoding", None) or "utf-8", ERRORS))
    while data:
        data = data[os.write(fd, data):]
