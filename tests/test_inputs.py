import io
import json

from mediabias.inputs import decode_bytes, iter_inputs


def test_utf8_bom_utf16_and_legacy_encodings_are_decoded():
    assert decode_bytes("Café".encode("utf-8")) == ("Café", None)
    assert decode_bytes(b"\xef\xbb\xbfCaf\xc3\xa9") == ("Café", "utf-8-sig")
    assert decode_bytes("Café crème".encode("utf-16")) == ("Café crème", "utf-16")
    text = "Le ministère a déclaré que les frappes étaient « très précises » et que l'armée était prête. " * 3
    decoded, enc = decode_bytes(text.encode("cp1252"))
    assert decoded == text and enc is not None


def test_binary_is_an_error_item(tmp_path):
    (tmp_path / "a.txt").write_text("Fine article.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 10)
    items = list(iter_inputs([str(tmp_path)]))
    assert [i.id.rsplit("/", 1)[-1] for i in items] == ["a.txt", "b.txt"]
    assert items[0].error is None and items[0].text == "Fine article."
    assert items[1].error[0] == "binary"


def test_directory_walk_is_recursive_sorted_skips_hidden_and_globs(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.txt", ".hidden.txt", ".git/x.txt", "notes.csv", "page.HTML", "c.jsonl"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x" if not name.endswith("jsonl") else '{"text": "x"}\n', encoding="utf-8")
    # without --glob, the article files only: not notes.csv
    names = [i.id[len(str(tmp_path)) + 1:] for i in iter_inputs([str(tmp_path)])]
    assert names == ["a.md", "b.txt", "c.jsonl:1", "page.HTML", "sub/c.txt"]
    names = [i.id[len(str(tmp_path)) + 1:] for i in iter_inputs([str(tmp_path)], patterns=("*.csv",))]
    assert names == ["notes.csv"]
    names = [i.id[len(str(tmp_path)) + 1:] for i in iter_inputs([str(tmp_path)], patterns=("*.txt",))]
    assert names == ["b.txt", "sub/c.txt"]


def test_jsonl_fields_errors_and_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "One.", "outlet": "RT", "title": "T", "extra": 1}),
        "{not json",
        "",
        json.dumps({"id": "a3", "body": "wrong field"}),
        json.dumps(["a", "list"]),
        json.dumps({"content": "Two.", "source": "Reuters"}),
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [(i.id, i.error[0] if i.error else None) for i in items] == [
        ("a1", None), (f"{path}:2", "json"), ("a3", "field"), (f"{path}:5", "json"), (f"{path}:6", "field"),
    ]
    assert items[0].meta == {"title": "T", "outlet": "RT"}
    assert items[1].error[1].startswith("line 2: malformed JSON")
    items = list(iter_inputs([str(path)], text_field="content", field_map={"outlet": "source"}))
    assert items[-1].text == "Two." and items[-1].meta == {"outlet": "Reuters"}


def test_stdin_text_and_jsonl():
    items = list(iter_inputs(["-"], stdin=io.BytesIO(b"Some text.")))
    assert items[0].text == "Some text." and items[0].source == "<stdin>"
    items = list(iter_inputs(["-"], stdin_jsonl=True, stdin=io.BytesIO(b'{"text": "A."}\n{"text": "B."}\n')))
    assert [i.text for i in items] == ["A.", "B."]


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100, encoding="utf-8")
    item = next(iter_inputs([str(p)], max_bytes=100))
    assert item.error[0] == "too_large"


def test_jsonl_text_given_as_a_list_of_sentences(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"doc_id": "0_L", "sentences": ["One.", "Two."], "outlet": "L"}) + "\n", encoding="utf-8")
    item = next(iter_inputs([str(path)], text_field="sentences", id_field="doc_id"))
    assert item.text == "One.\nTwo." and item.id == "0_L" and item.meta == {"outlet": "L"}


def test_estimate_count_for_the_progress_bar(tmp_path):
    from mediabias.inputs import estimate_count

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "1"}\n{"text": "2"}\n{"text": "3"}\n', encoding="utf-8")
    assert estimate_count([str(tmp_path)]) == 4
    assert estimate_count([str(tmp_path), "-"]) is None


# -- hostile trees (issue 15 item 4) ------------------------------------------------------
import os
import socket
import stat
import sys
import threading

import pytest

from mediabias.inputs import display_name


def _names(items, root):
    return [i.id[len(str(root)) + 1:] for i in items]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_in_a_folder_are_skipped_with_a_message_never_opened(tmp_path):
    (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
    os.mkfifo(tmp_path / "b.fifo")  # opening it would block until a writer comes: forever
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "c.sock"))
    (tmp_path / "d.txt").write_text("Also fine.", encoding="utf-8")
    messages = []
    try:
        items = list(iter_inputs([str(tmp_path)], notify=messages.append))
    finally:
        sock.close()
    assert _names(items, tmp_path) == ["a.txt", "d.txt"] and all(i.error is None for i in items)
    assert len(messages) == 2
    assert "b.fifo: a FIFO, not read" in messages[0] and "c.sock: a socket, not read" in messages[1]


@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="mknod needs root")
def test_a_device_in_a_folder_is_skipped(tmp_path):
    os.mknod(tmp_path / "null", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    messages = []
    assert list(iter_inputs([str(tmp_path)], notify=messages.append)) == []
    assert messages == [f"{tmp_path / 'null'}: a character device, not read (name it on the command line to read it as a stream)"]


def test_a_folder_that_cannot_be_listed_is_an_error_item_naming_it(tmp_path, monkeypatch):
    for name in ("a.txt", "locked/x.txt", "z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Fine.", encoding="utf-8")
    real = os.scandir

    def scandir(path):  # root can read any folder: make this one fail as it would for a user
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_inputs([str(tmp_path)]))
    assert _names(items, tmp_path) == ["a.txt", "z.txt", "locked"]
    assert items[2].error == ("io", "cannot read folder: Permission denied")
    assert items[0].error is None and items[1].error is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_for_real(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("x", encoding="utf-8")
    os.chmod(tmp_path / "locked", 0)
    try:
        items = list(iter_inputs([str(tmp_path)]))
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert [(i.id, i.error[0]) for i in items] == [(str(tmp_path / "locked"), "io")]


def test_symlinked_folders_are_not_followed_but_linked_files_are_read(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)  # would never end if followed
    (tmp_path / "file-link.txt").symlink_to(tmp_path / "real" / "a.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    messages = []
    items = list(iter_inputs([str(tmp_path)], notify=messages.append))
    assert _names(items, tmp_path) == ["broken.txt", "file-link.txt", "real/a.txt"]
    assert items[0].error[0] == "io" and "broken symbolic link" in items[0].error[1]
    assert items[1].text == "A." and items[2].text == "A."
    assert [m.split(": ", 1) for m in messages] == [
        [str(tmp_path / "link"), "a symbolic link to a folder, not followed (name it on the command line to read it)"],
        [str(tmp_path / "real" / "loop"), "a symbolic link to a folder, not followed (name it on the command line to read it)"],
    ]
    # named on the command line, a linked folder is read
    assert [i.text for i in iter_inputs([str(tmp_path / "link")])] == ["A."]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_on_the_command_line_is_read_as_a_stream(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer():
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write("Streamed text may arrive.")

    t = threading.Thread(target=writer)
    t.start()
    items = list(iter_inputs([str(fifo)]))
    t.join(timeout=10)
    assert [i.text for i in items] == ["Streamed text may arrive."]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_shown_with_backslash_escapes(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"caf\xff.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Text.")
    (item,) = iter_inputs([str(tmp_path)])
    assert item.id == item.source == f"{tmp_path}/caf\\xff.txt" and item.text == "Text."
    item.id.encode("utf-8")  # writable
    assert display_name("plain/naïve.txt") == "plain/naïve.txt"


# -- JSON Lines that are valid JSON but hard to carry (issue 15 items 2 and 10) -----------
def _jsonl(tmp_path, *lines: bytes):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return list(iter_inputs([str(path)]))


def test_lone_surrogates_are_read_as_replacement_characters_one_for_one(tmp_path):
    items = _jsonl(tmp_path, rb'{"id": "a\udfff", "title": "\udfff", "text": "Officials said \ud800 it may rain."}',
                   rb'{"id": "b", "text": "A pair is one character: \ud83d\ude00."}')
    assert items[0].id == "a\ufffd" and items[0].meta == {"title": "\ufffd"}
    assert items[0].text == "Officials said \ufffd it may rain."  # same length: offsets unchanged
    assert items[1].text == "A pair is one character: \U0001f600."


def test_a_line_cut_off_is_reported_at_the_column_where_it_ends(tmp_path):
    (item,) = _jsonl(tmp_path, b'{"id": "x", "text":')
    assert item.error == ("json", "line 1: malformed JSON (Expecting value at column 20)")
    (item,) = _jsonl(tmp_path, b'{"text": "ok"}\r')  # a CRLF file
    assert item.text == "ok"


def test_numbers_python_cannot_hold_keep_their_text(tmp_path):
    items = _jsonl(tmp_path, b'{"text": "One.", "date": 1e400, "outlet": NaN, "title": -Infinity, "url": 2.5}',
                   b'{"text": "Two.", "id": ' + b"9" * 5000 + b"}")
    assert items[0].meta == {"date": "1e400", "outlet": "NaN", "title": "-Infinity", "url": 2.5}
    assert items[1].error is None and items[1].id == "9" * 5000


def test_deep_nesting_is_an_error_item_not_a_crash(tmp_path):
    deep = b"[" * 100_000 + b"]" * 100_000
    nested_title = b"[" * 40 + b"1" + b"]" * 40
    items = _jsonl(tmp_path, b'{"text": ' + deep + b"}", b'{"text": "Fine.", "title": ' + nested_title + b"}",
                   b'{"text": "Fine.", "title": [[1]]}')
    assert items[0].error == ("json", "line 1: JSON nested too deeply to read")
    assert items[1].error == ("field", "line 2: field 'title' is nested more than 32 levels deep")
    assert items[2].error is None and items[2].meta == {"title": [[1]]}


def test_a_byte_order_mark_before_a_line_is_ignored(tmp_path):
    items = _jsonl(tmp_path, b'\xef\xbb\xbf{"text": "One."}', b'\xef\xbb\xbf{"text": "Two."}')
    assert [i.text for i in items] == ["One.", "Two."]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_the_progress_estimate_never_reads_a_stream(tmp_path):
    from mediabias.inputs import estimate_count

    os.mkfifo(tmp_path / "corpus.jsonl")  # opening it to count lines would block, then consume it
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert estimate_count([str(tmp_path / "corpus.jsonl")]) is None
    assert estimate_count([str(tmp_path)]) == 1  # inside a folder it is skipped, as the walk skips it


def test_a_tree_thousands_of_folders_deep_is_walked(tmp_path):
    folders = [tmp_path]
    for _ in range(1200):  # a recursive walk stops near 1,000 (os.makedirs too, hence the loop)
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    (folders[-1] / "x.txt").write_text("Deep.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Top.", encoding="utf-8")
    try:
        assert [i.text for i in iter_inputs([str(tmp_path)])] == ["Top.", "Deep."]
    finally:
        (folders[-1] / "x.txt").unlink()
        for folder in reversed(folders[1:]):  # shutil.rmtree recurses as well
            folder.rmdir()


def test_utf32_and_utf16_without_a_byte_order_mark():
    text = "Officials said the strikes may have hit Aleppo. Les frappes \u00e9taient pr\u00e9cises. " * 3
    assert decode_bytes(text.encode("utf-32")) == (text, "utf-32")  # its mark once read as UTF-16: NULs everywhere
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")  # once "binary data (NUL bytes)"
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_utf8_with_a_stray_byte_stays_utf8():
    # a scraped page, UTF-8 but for one Windows-1252 quote: once "no text encoding could be detected"
    text = "Le minist\u00e8re a d\u00e9clar\u00e9 \u2014 \u00ab tr\u00e8s pr\u00e9cises \u00bb \u2014 que l\u2019arm\u00e9e \u00e9tait pr\u00eate. " * 5
    data = text.encode("utf-8")
    data = data[:50] + b"\x92" + data[50:]
    decoded, encoding = decode_bytes(data)
    assert encoding == "utf-8" and decoded == data.decode("utf-8", "replace") and decoded.count("\ufffd") == 1
    assert len(decoded) == len(text) + 1


def test_bytes_that_are_no_text_stay_an_error():
    import pytest as _pytest

    from mediabias.inputs import InputError

    with _pytest.raises(InputError) as e:
        decode_bytes(bytes(range(128, 256)) * 10)
    assert e.value.kind == "decode"
    with _pytest.raises(InputError) as e:
        decode_bytes(b"\x00\x01\x02\x03" * 100)
    assert e.value.kind == "binary"


def test_read_errors_on_a_stream_become_error_items(monkeypatch):
    class Failing(io.BytesIO):
        def readline(self, size=-1):
            if self.tell() > 0:
                raise OSError(5, "Input/output error")
            return super().readline(size)

        def read(self, size=-1):
            raise OSError(5, "Input/output error")

    items = list(iter_inputs(["-"], stdin_jsonl=True, stdin=Failing(b'{"text": "A."}\n{"text": "B."}\n')))
    assert [(i.text, i.error) for i in items] == [
        ("A.", None), (None, ("io", "line 2: Input/output error; the rest is not read"))]
    (item,) = iter_inputs(["-"], stdin=Failing(b"x"))
    assert item.error == ("io", "Input/output error")
    monkeypatch.setattr(sys, "stdin", None)  # started with standard input closed
    (item,) = iter_inputs(["-"])
    assert item.error == ("io", "standard input is closed")


def test_a_page_that_breaks_the_extractor_costs_only_itself(tmp_path, monkeypatch):
    import mediabias.inputs_html as pages

    def broken(html, url=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pages, "extract", broken)
    (tmp_path / "a.html").write_text("<!doctype html><html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Fine.", encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)]))
    assert items[0].error == ("internal", "the page could not be read (RecursionError: maximum recursion depth exceeded)")
    assert items[1].text == "Fine."
