"""Parties typed and found as a reader does: kinds, role nouns, hyphenated words,
shared surnames, headlines, user parties (issue 11 items 5, 13 item 4)."""

import json
import time

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, seed_text
from mediabias import analyze
from mediabias.cli import main
from mediabias.measures import parties
from mediabias.measures.parties import KINDS, name_key, same_person
from mediabias.text import Document


def detect(text, user=None):
    doc = Document(text)
    return doc, parties.detect(doc, user)


def kinds(idx):
    return {name: p.kind for name, p in idx.parties.items()}


def spans(doc, idx, party=None, via=None):
    return [doc.text[m.start:m.end] for m in idx.mentions
            if (party is None or m.party == party) and (via is None or m.via == via)]


def test_head_words_type_organisations_media_and_places():
    text = (
        "Rivers Watch International published the report on Tuesday. Helen Mbeki told the San Francisco "
        "Chronicle that the Merrow Dam had cracked. Fans gathered at Madison Square Garden. A spokesman "
        "for the Centre for Infrastructure Policy disagreed."
    )
    _, idx = detect(text)
    k = kinds(idx)
    assert k["Rivers Watch International"] == "organisation"
    assert k["San Francisco Chronicle"] == "media"
    assert k["Merrow Dam"] == "place"
    assert k["Madison Square Garden"] == "place"
    assert k["Centre for Infrastructure Policy"] == "organisation"
    assert k["Helen Mbeki"] == "person"


def test_descriptors_and_context_type_unknown_names():
    text = (
        "The company sponsored a section, and the dating app Tinder prompted people to write. "
        "Video from the town of Kafr Zeita showed the strikes. Athletes marched in Pyeongchang. "
        "He spoke to the Georgian Dream party about Odessa region funding."
    )
    _, idx = detect(text)
    k = kinds(idx)
    assert k["Tinder"] == "organisation"
    assert k["Kafr Zeita"] == "place"
    assert k["Pyeongchang"] == "place"
    assert k["Georgian Dream"] == "organisation"
    assert k["Odessa"] == "place"


def test_a_state_and_a_country_of_one_name_are_told_apart_by_context():
    _, us = detect("He gave the sermon at a church in Atlanta, Georgia, two months before he died.")
    assert kinds(us)["Georgia"] == "place"
    _, ge = detect("A court in Georgia sentenced him. Georgia has requested his extradition.")
    assert kinds(ge)["Georgia"] == "country"
    assert ge.mention_counts()["Georgia"] == 2


def test_a_capital_used_as_a_location_is_a_place_that_speaks_for_its_country():
    doc, idx = detect("Moscow denied the report. Talks were held in Moscow on Friday.")
    by = [(doc.text[m.start:m.end], m.party, m.kind) for m in idx.mentions]
    assert by == [("Moscow", "Russia", "country"), ("Moscow", "Moscow", "place")]
    assert idx.parties["Moscow"].affiliation == "Russia"
    assert idx.party_of("Moscow") == "Russia"


def test_a_title_case_headline_is_not_evidence_of_a_name():
    text = "Sanders Told A Female Reporter Not To Moan About Taxes\nBernie Sanders said on Monday he was right."
    doc, idx = detect(text)
    assert set(idx.parties) == {"Bernie Sanders"}
    assert spans(doc, idx, "Bernie Sanders") == ["Sanders", "Bernie Sanders"]


def test_a_shared_surname_goes_to_the_nearest_full_name_before_it():
    text = (
        "Liz Cheney spoke first. Cheney said the vote was close. Her sister Mary Cheney arrived later. "
        "Cheney said she would not run."
    )
    doc, idx = detect(text)
    cheneys = [m.party for m in idx.mentions if doc.text[m.start:m.end] == "Cheney"]
    assert cheneys == ["Liz Cheney", "Mary Cheney"]
    assert all(m.via == "surname" for m in idx.mentions if doc.text[m.start:m.end] == "Cheney")


def test_a_name_inside_a_hyphenated_word_is_a_mention():
    text = "President Donald Trump spoke. Critics said anti-Trump bias tainted the inquiry, and pro-Russian groups agreed."
    doc, idx = detect(text)
    hyph = [m for m in idx.mentions if m.via == "hyphenated"]
    assert [(doc.text[m.start:m.end], m.party) for m in hyph] == [("Trump", "Donald Trump"), ("Russian", "Russia")]
    assert all(doc.tokens[m.tok_start] in ("anti-Trump", "pro-Russian") for m in hyph)


def test_role_nouns_refer_back_to_one_named_candidate():
    text = (
        "President Donald Trump met Japanese Prime Minister Shinzo Abe on Tuesday. The president said the "
        "talks went well, and the prime minister agreed. Amnesty International published a report. "
        "The rights group said the country had failed."
    )
    doc, idx = detect(text)
    roles = [(doc.text[m.start:m.end], m.party, m.via) for m in idx.mentions if m.via in ("role noun", "descriptor")]
    assert ("president", "Donald Trump", "role noun") in roles
    assert ("prime minister", "Shinzo Abe", "role noun") in roles
    assert ("rights group", "Amnesty International", "descriptor") in roles
    assert ("country", "Japan", "descriptor") in roles  # the nearest sentence naming a country: "Japanese"


def test_role_nouns_never_reach_a_text_with_no_candidate():
    doc, idx = detect("The president said the minister was wrong. The company and the group disagreed.")
    assert idx.mentions == []
    # the name's own phrase is not a mention of someone else: "the spokesman Garba Shehu"
    doc, idx = detect("Olusegun Obasanjo will travel. The spokesman Garba Shehu said the president would return.")
    roles = [(doc.text[m.start:m.end], m.party) for m in idx.mentions if m.via == "role noun"]
    assert roles == [("president", "Olusegun Obasanjo")]  # the only person named in the sentences before


def test_a_thousand_role_nouns_and_no_names_stay_linear():
    unit = "the president said the country and the group told the minister that the company was wrong, "

    def timed(text):
        doc = Document(text)
        t0 = time.perf_counter()
        parties.detect(doc)
        return time.perf_counter() - t0

    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    timed(small)
    t_small = min(timed(small) for _ in range(2))
    t_large = timed(large)
    assert t_large < 30 * max(t_small, 0.005), f"{t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"


def test_role_nouns_with_names_stay_linear():
    unit = "Amnesty International said President Igor Petrov erred. The president and the rights group disagreed. "

    def timed(text):
        doc = Document(text)
        t0 = time.perf_counter()
        parties.detect(doc)
        return time.perf_counter() - t0

    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    timed(small)
    t_small = min(timed(small) for _ in range(2))
    t_large = timed(large)
    assert t_large < 30 * max(t_small, 0.005), f"{t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"


def test_every_mention_slices_its_text_and_names_a_known_kind():
    text = seed_like = (
        "KESTREL, March 13 (CPA) - Estova's state energy company ignored four warnings, the advocacy group "
        "Rivers Watch International said. \"These deaths were preventable,\" Rivers Watch director Helen Mbeki "
        "told a news conference in Geneva. The group said anti-Estenergo protests grew. Minister Pavel Drozdov "
        "said the report was wrong; the minister added that the U.N. had not called."
    )
    doc, idx = detect(seed_like)
    assert idx.mentions
    for m in idx.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert doc.tok_starts[m.tok_start] <= m.start and m.end <= doc.tok_ends[m.tok_end - 1]
        assert m.kind in KINDS and idx.parties[m.party].kind in KINDS
        if m.via not in ("role noun", "descriptor"):
            assert m.alias is None or doc.text[m.start:m.end] == m.alias or m.via == "alias"
    assert sorted(idx.mention_counts().values()) == sorted(
        sum(1 for m in idx.mentions if m.party == p) for p in idx.parties)


def test_user_parties_are_typed_like_detected_ones():
    user = {"Estova": ("Estova", "Estova's", "Energy Ministry", "Pavel Drozdov", "Irina Vasko"),
            "Atlantis": ("Atlantis",), "Rivers Watch International": ("Rivers Watch International", "Rivers Watch")}
    text = ("Estova's government denied it. Ministry spokeswoman Irina Vasko said the Rivers Watch "
            "International report was false, and Energy Minister Pavel Drozdov agreed.")
    doc, idx = detect(text, user)
    assert all(p.user_defined for p in idx.parties.values())
    assert kinds(idx) == {"Estova": "country", "Atlantis": "other", "Rivers Watch International": "organisation"}
    by_alias = {m.alias: m.kind for m in idx.mentions}
    assert by_alias["Irina Vasko"] == by_alias["Pavel Drozdov"] == "person"
    assert by_alias["Estova's"] == "country"
    summary = {p["name"]: p for p in parties.summary(idx).to_dict()["parties"]}
    assert summary["Atlantis"]["mentions"] == 0 and summary["Atlantis"]["user_defined"] is True


def test_a_user_party_that_never_occurs_is_listed_with_zero_mentions_in_sentiment():
    rec = analyze("Moscow denied the report.", parties={"Russia": ["Moscow"], "Atlantis": ["Atlantis"]},
                  measures=["sentiment"]).to_dict()
    by = {p["name"]: p for p in rec["sentiment"]["parties"]}
    assert by["Atlantis"]["mentions"] == 0 and by["Atlantis"]["evidence"] == []
    assert by["Atlantis"]["user_defined"] is True and by["Russia"]["kind"] == "country"


def _sources(*args):
    r = CliRunner().invoke(main, ["sources", str(EXAMPLES / "state_broadcaster.txt"), "--format", "json", *args])
    assert r.exit_code == 0, r.output
    return {(c["source"] or {}).get("text"): c for c in json.loads(r.stdout)["sources"]["citations"]}


def test_a_config_never_changes_who_speaks():
    plain = _sources()
    configured = _sources("--config", str(EXAMPLES.parent / "parties.toml"))
    for who in ("Ministry spokeswoman Irina Vasko", "Energy Minister Pavel Drozdov"):
        assert plain[who]["source_type"] == configured[who]["source_type"] == "person"
        assert configured[who]["anonymous"] is False
        assert configured[who]["party"] == "Estova"  # the config decides whose source it is


def test_the_examples_type_no_organisation_as_a_person():
    seen = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        rec = analyze(path.read_text(encoding="utf-8"), measures=["parties", "sources"]).to_dict()
        for p in rec["parties"]["parties"]:
            seen.setdefault(p["name"], set()).add(p["kind"])
        for c in rec["sources"]["citations"]:
            who = (c["source"] or {}).get("text", "")
            if who.endswith(("Rivers Watch", "Rivers Watch International", "Civic Ledger", "Estenergo")):
                assert c["source_type"] != "person", c
    assert seen["Rivers Watch International"] == {"organisation"}
    assert seen["Civic Ledger"] == {"media"}
    assert "person" not in seen["Estenergo"]
    assert seen["Merrow Dam"] == {"place"}


def test_kafr_zeita_is_a_place_in_the_seeds(seeds):
    doc, idx = detect(seed_text("001"))
    assert kinds(idx)["Kafr Zeita"] == "place"
    assert kinds(idx)["Kafr Halab"] == "place"
    assert "person" not in {kinds(idx)[n] for n in ("Kafr Zeita", "Kafr Halab")}


def test_name_folding_for_alignment_across_articles():
    assert name_key("Maj. Gen. Igor Konashenkov") == ("igor", "konashenkov")
    assert name_key("Roger J. Stone Jr.") == ("roger", "stone", "jr")
    assert same_person("Roger Stone", "Roger J. Stone Jr.")  # initials and a suffix on one side only
    assert not same_person("Roger Stone Jr.", "Roger Stone Sr.")
    assert same_person("Cheney", "Liz Cheney")
    assert not same_person("Liz Cheney", "Mary Cheney")
    assert not same_person("Donald Jr.", "Donald Trump")
    assert same_person("Martin Luther King Jr.", "Martin Luther King Jr")
    assert same_person("Zakharova", "Maria Zakharova") and same_person("Mariá Zakharova", "Maria Zakharova")


@pytest.mark.parametrize("text", ["", "the the the", "U.S. U.S. U.S.", "Mr. Mr. Dr.", "- - - anti- -based"])
def test_odd_texts_do_not_break_detection(text):
    doc, idx = detect(text)
    assert all(m.kind in KINDS for m in idx.mentions)


def test_an_age_and_a_list_type_names_nothing_else_types():
    text = ("Officials met Zorbanek Quell, 34, on Monday. He will visit the state of Anambra, "
            "and voters came from Ebonyi and Anambra.")
    _, idx = detect(text)
    k = kinds(idx)
    assert k["Zorbanek Quell"] == "person"  # ", 34,": an age
    assert k["Anambra"] == "place"  # "the state of Anambra"
    assert k["Ebonyi"] == "place"  # nothing else says what it is: in a list with a place


def test_many_distinct_names_stay_linear():
    """Folding people and short forms compares a name only with those that share a word."""
    import random
    import string

    rnd = random.Random(1)

    def word():
        return "".join(rnd.choice(string.ascii_lowercase) for _ in range(7)).capitalize()

    def text(n):
        parts, size = [], 0
        while size < n:
            s = f"Igor {word()} said the New {word()} Group and Mr. {word()} agreed. "
            parts.append(s)
            size += len(s)
        return "".join(parts)[:n]

    def timed(t):
        doc = Document(t)
        t0 = time.perf_counter()
        parties.detect(doc)
        return time.perf_counter() - t0

    small, large = text(100_000), text(1_000_000)
    timed(small)
    t_small = min(timed(small) for _ in range(2))
    t_large = timed(large)
    assert t_large < 30 * max(t_small, 0.005), f"{t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"


def test_one_endless_capitalised_run_stays_linear():
    unit = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta "

    def timed(t):
        doc = Document(t)
        t0 = time.perf_counter()
        parties.detect(doc)
        return time.perf_counter() - t0

    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    timed(small)
    t_small = min(timed(small) for _ in range(2))
    t_large = timed(large)
    assert t_large < 30 * max(t_small, 0.005), f"{t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"


def test_an_organisation_s_national_section_and_a_based_prefix_are_the_organisation():
    text = ("Kristyan Benedict, Amnesty International UK's Syria campaign manager, said it was bad. "
            "The New York-based Human Rights Watch agreed, and Rus MoD replied to Amnesty Int.")
    doc, idx = detect(text)
    assert idx.parties["Kristyan Benedict"].affiliation == "Amnesty International"
    assert spans(doc, idx, "Human Rights Watch") == ["Human Rights Watch"]
    assert spans(doc, idx, "Amnesty International") == ["Amnesty International UK", "Amnesty Int"]
    assert kinds(idx)["New York"] == "place"


def test_a_role_noun_goes_to_whoever_bears_the_title():
    text = ("United Nations Secretary General Ban Ki-moon spoke. Russian defense ministry spokesman, "
            "General-Major Igor Konashenkov, replied. The general accused the NGO of bias.")
    doc, idx = detect(text)
    roles = [(doc.text[m.start:m.end], m.party) for m in idx.mentions if m.via == "role noun"]
    assert roles == [("general", "Igor Konashenkov")]  # a secretary general is no general
