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
