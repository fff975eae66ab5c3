from mediabias.measures import parties
from mediabias.text import Document


def detect(text, user=None):
    doc = Document(text)
    return doc, parties.detect(doc, user)


def test_gazetteer_aliases_demonyms_and_metonyms():
    doc, idx = detect("Moscow denied it. The Kremlin said Russian jets were not there, and Russia's ministry agreed.")
    assert idx.mention_counts()["Russia"] == 4
    assert [doc.text[m.start:m.end] for m in idx.mentions] == ["Moscow", "Kremlin", "Russian", "Russia"]


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
    assert idx.parties["Igor Konashenkov"].affiliation == "Russia"
    assert idx.parties["Philip Luther"].affiliation == "Amnesty International"
    assert idx.party_of("Igor Konashenkov") == "Russia"
    assert "Maj" not in " ".join(idx.parties)


def test_sentence_initial_function_words_and_headlines_are_not_people():
    _, idx = detect("The Report Was Published In Syria Today\nThe minister spoke. According to Ban Ki-moon, it was fine.")
    people = [p.name for p in idx.parties.values() if p.kind == "person"]
    assert people == ["Ban Ki-moon"]


def test_user_parties_replace_detection_and_case_rules():
    user = {"Russia": ("Russia", "Moscow", "kremlin"), "Amnesty": ("Amnesty",)}
    doc, idx = detect("The KREMLIN and Moscow attacked Amnesty. amnesty is a word. Syria too.", user)
    assert idx.mention_counts() == {"Russia": 2, "Amnesty": 1}
    assert set(idx.parties) == {"Russia", "Amnesty"}
