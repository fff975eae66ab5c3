import json

from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from mediabias.cli import main
from mediabias.measures import parties
from mediabias.text import Document


def detect(text, user=None):
    doc = Document(text)
    return doc, parties.detect(doc, user)


def people(idx):
    return {p.name: p.affiliation for p in idx.parties.values() if p.kind == "person"}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


def test_gazetteer_aliases_demonyms_and_metonyms():
    doc, idx = detect("Moscow denied it. The Kremlin said Russian jets were not there, and Russia's ministry agreed.")
    assert idx.mention_counts()["Russia"] == 4
    assert [doc.text[m.start:m.end] for m in idx.mentions] == ["Moscow", "Kremlin", "Russian", "Russia"]
    assert [m.alias for m in idx.mentions] == ["Moscow", "Kremlin", "Russian", "Russia"]


def test_case_sensitive_short_aliases():
    _, idx = detect("Tell us what IS wants; the US said it is over.")
    assert idx.mention_counts() == {"Islamic State": 1, "United States": 1}


def test_people_titles_surnames_and_affiliation():
    text = (
        "Russian defense ministry spokesman Maj. Gen. Igor Konashenkov rejected the report. "
        "Philip Luther, director of the Middle East programme at Amnesty International, disagreed. "
        "Konashenkov later repeated his denial, and Luther replied."
    )
    doc, idx = detect(text)
    counts = idx.mention_counts()
    assert counts["Igor Konashenkov"] == 2
    assert counts["Philip Luther"] == 2
    assert people(idx) == {"Igor Konashenkov": "Russia", "Philip Luther": "Amnesty International"}
    assert idx.party_of("Igor Konashenkov") == "Russia"
    assert "Maj" not in " ".join(idx.parties)


def test_sentence_initial_function_words_and_headlines_are_not_people():
    _, idx = detect("The Report Was Published In Syria Today\nThe minister spoke. According to Ban Ki-moon, it was fine.")
    assert people(idx) == {"Ban Ki-moon": None}


def test_a_capitalised_pair_needs_something_to_vouch_for_it():
    text = (
        "Request Invitation. Screen Shot 2015 shows the damage in Kafr Halab. "
        "Farhan Haq said the UN could not confirm it. The report was read by Maria Zakharova."
    )
    _, idx = detect(text)
    # a verb of saying vouches for Farhan Haq, a given name for Maria Zakharova
    assert set(people(idx)) == {"Farhan Haq", "Maria Zakharova"}


def test_a_given_name_before_a_country_makes_a_person():
    _, idx = detect("Michael Jordan visited Jordan.")
    assert idx.mention_counts() == {"Jordan": 1, "Michael Jordan": 1}


def test_a_government_role_takes_the_country_named_with_that_institution():
    text = (
        "Russia's Defense Ministry rejected the report on Syria. "
        "\"We examined it,\" ministry spokesman Igor Konashenkov told a briefing."
    )
    _, idx = detect(text)
    assert people(idx) == {"Igor Konashenkov": "Russia"}


def test_an_organisation_role_takes_the_organisation_named_last():
    text = (
        "\"Cluster munitions keep hitting civilians,\" Human Rights Watch said. "
        "Syria denies it. \"Such promises ring hollow,\" said Ole Solvang, deputy emergencies director."
    )
    _, idx = detect(text)
    assert people(idx) == {"Ole Solvang": "Human Rights Watch"}


def test_independent_and_former_roles_speak_for_nobody():
    text = (
        "Amnesty's report has serious defects, security analyst Charles Shoebridge told the channel. "
        "Russia's foreign ministry agreed, former ministry official Anna Petrova said."
    )
    _, idx = detect(text)
    assert people(idx) == {"Charles Shoebridge": None, "Anna Petrova": None}


def test_user_parties_replace_detection_and_case_rules():
    user = {"Russia": ("Russia", "Moscow", "kremlin"), "Amnesty": ("Amnesty",)}
    doc, idx = detect("The KREMLIN and Moscow attacked Amnesty. amnesty is a word. Syria too.", user)
    assert idx.mention_counts() == {"Russia": 2, "Amnesty": 1}
    assert set(idx.parties) == {"Russia", "Amnesty"}


def test_summary_lists_every_alias_with_its_count():
    _, idx = detect("Moscow and the Kremlin agreed. Moscow again.", {"Russia": ("Russia", "Moscow", "kremlin")})
    d = parties.summary(idx).to_dict()
    assert d["user_defined"] is True
    assert d["parties"] == [{
        "name": "Russia", "kind": "country", "user_defined": True, "affiliation": None, "mentions": 3, "people": [],
        "aliases": [{"text": "Russia", "mentions": 0}, {"text": "Moscow", "mentions": 2}, {"text": "kremlin", "mentions": 1}],
        "role_nouns": [],
    }]


def test_summary_of_detected_parties_folds_people_into_their_party():
    text = "Russian Foreign Ministry spokesperson Maria Zakharova spoke. Zakharova said Russia was right."
    _, idx = detect(text)
    d = {p["name"]: p for p in parties.summary(idx).to_dict()["parties"]}
    assert d["Russia"]["people"] == ["Maria Zakharova"]
    assert d["Russia"]["aliases"] == [{"text": "Russian", "mentions": 1}, {"text": "Russia", "mentions": 1}]
    assert d["Maria Zakharova"]["affiliation"] == "Russia"
    assert d["Maria Zakharova"]["aliases"] == [{"text": "Maria Zakharova", "mentions": 1}, {"text": "Zakharova", "mentions": 1}]


def test_parties_command_json_lists_unused_aliases_with_zero():
    r = run("parties", str(EXAMPLES / "wire_service.txt"), "--party", "Estova=Estova,Estovan,Atlantis", "--format", "json")
    assert r.exit_code == 0
    rec = json.loads(r.stdout)
    assert set(rec) >= {"parties", "words"} and "sentiment" not in rec
    estova = rec["parties"]["parties"][0]
    assert {a["text"]: a["mentions"] for a in estova["aliases"]}["Atlantis"] == 0
    assert estova["mentions"] == sum(a["mentions"] for a in estova["aliases"]) > 0


def test_parties_command_table_prints_a_config_to_start_from(tmp_path):
    r = run("parties", str(EXAMPLES / "state_broadcaster.txt"), "--format", "table")
    assert r.exit_code == 0
    config = r.stdout[r.stdout.index("[parties]"):]
    cfg = tmp_path / "parties.toml"
    cfg.write_text(config, encoding="utf-8")
    again = run("parties", str(EXAMPLES / "state_broadcaster.txt"), "--config", str(cfg), "--format", "json")
    assert again.exit_code == 0
    assert json.loads(again.stdout)["parties"]["user_defined"] is True


def test_parties_command_has_help_and_is_in_the_readme():
    r = run("parties", "--help")
    assert r.exit_code == 0 and "Examples:" in r.output and "Exit codes:" in r.output
    assert "mediabias parties" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_bad_party_spec_names_the_spec():
    r = run("parties", str(EXAMPLES / "wire_service.txt"), "--party", "Russia=Russia,,Moscow")
    assert r.exit_code == 2 and "Russia=Russia,,Moscow" in r.stderr and "empty alias" in r.stderr


def test_descriptors_refer_back_to_the_organisation_named_last():
    text = (
        "Amnesty International published a report on Syria. "
        "The ministry said the NGO had no evidence. The London-based rights group disagreed, "
        "and the group said it would not back down."
    )
    doc, idx = detect(text)
    descriptors = [doc.text[m.start:m.end] for m in idx.mentions if m.via == "descriptor"]
    assert descriptors == ["NGO", "rights group", "group"]
    assert all(m.party == "Amnesty International" for m in idx.mentions if m.via == "descriptor")
    _, none = detect("The NGO said it had no evidence.")
    assert none.mentions == []


def test_linear_time_for_descriptors_and_roles():
    """Many descriptors and spokesmen in one huge sentence stay linear (see test_large.py)."""
    import time

    from mediabias import analyze

    def timed(text):
        t0 = time.perf_counter()
        analyze(text, measures=["sentiment"])
        return time.perf_counter() - t0

    unit = ("Russia's Defense Ministry said the NGO Amnesty International was wrong, and ministry "
            "spokesman Igor Petrov said the watchdog erred ")
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    timed(small)
    t_small = min(timed(small) for _ in range(2))
    t_large = timed(large)
    assert t_large < 30 * max(t_small, 0.005), f"{t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"
