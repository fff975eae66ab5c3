"""The word lists are data: sorted, lower-case where they should be, no duplicates."""

from importlib.resources import files

import pytest

from mediabias.lexicons import load_toml, read_entries
from mediabias.text.phrases import phrase_tokens

TXT = sorted(p.name for p in files("mediabias.lexicons").iterdir() if p.name.endswith(".txt"))


@pytest.mark.parametrize("name", TXT)
def test_word_list_is_sorted_lowercase_unique_and_has_a_header(name):
    raw = files("mediabias.lexicons").joinpath(name).read_text(encoding="utf-8")
    assert raw.startswith("#"), f"{name} needs a header saying what it is"
    entries = [e for _, e in read_entries(raw, origin=name)]
    assert entries, name
    assert entries == sorted(entries), f"{name} is not sorted"
    assert len(entries) == len(set(entries)), f"{name} has duplicates"
    assert all(e == e.lower() for e in entries), f"{name} must be lower-case"
    assert all(phrase_tokens(e) for e in entries)


def test_gazetteer_entries_are_well_formed():
    gaz = load_toml("gazetteer.toml")
    assert {"Russia", "Amnesty International", "United Nations", "Human Rights Watch"} <= set(gaz)
    seen = {}
    for name, entry in gaz.items():
        assert entry["kind"] in {"country", "organisation", "group", "media"}
        assert entry["aliases"], name
        for alias in entry["aliases"]:
            assert alias not in seen, f"{alias!r} is an alias of both {seen.get(alias)} and {name}"
            seen[alias] = name
