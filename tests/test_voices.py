"""Passages written for this project in the manner of the seed outlets: a
state broadcaster that distances itself from a report and quotes officials,
a wire service that attributes every claim, an advocacy outlet."""

from mediabias import analyze

STATE = (
    "The group's so-called report, compiled 'remotely' from interviews, claims that the alleged strikes "
    "killed dozens. Of course, the ministry rejected it.\n\n"
    '"Once again nothing new was published, only fabrications we have debunked before," '
    "defense ministry spokesman Gen. Oleg Varin told reporters. "
    '"Our pilots do not strike residential areas," Varin added.'
)
WIRE = (
    "Strikes killed at least 40 civilians in the town, the rights group Amnesty International said on Tuesday. "
    "The Russian defense ministry denied the findings, according to a statement. "
    "Two residents told the news agency the market was hit twice. "
    "Officials in Damascus declined to comment, a spokesman said."
)


def test_state_broadcaster_voice():
    d = analyze(STATE).to_dict()
    h = d["hedging"]
    distancing = [x["text"] for x in h["hits"] if x["category"] == "distancing"]
    assert distancing == ["so-called", "remotely", "claims that", "alleged"]
    assert h["by_category"]["booster"] == 1  # "Of course": certainty, not a hedge
    assert h["count"] == 4
    s = d["sources"]
    quoted = [c for c in s["citations"] if c["kind"] == "direct"]
    assert [c["source"]["text"] for c in quoted] == ["defense ministry spokesman Gen. Oleg Varin", "Varin"]
    assert s["direct_quotes"] == 2 and s["share_words_quoted"] > 0.3


def test_wire_voice_attributes_every_sentence():
    d = analyze(WIRE).to_dict()
    s = d["sources"]
    # "declined to comment" is an attribution too: a refusal to speak
    assert s["attributions"] == 6
    assert s["share_sentences_attributed"] == 1.0
    sources = [(c["source"] or {}).get("text") for c in s["citations"]]
    assert sources == [
        "the rights group Amnesty International", "The Russian defense ministry", "a statement", "Two residents",
        "Officials in Damascus", "a spokesman",
    ]
    types = [c["source_type"] for c in s["citations"]]
    # an unnamed spokesman speaks on the record for an office: a person, not an anonymous source
    assert types == ["organisation", "organisation", "document", "anonymous", "anonymous", "person"]
    assert [c["party"] for c in s["citations"]][:2] == ["Amnesty International", "Russia"]
    assert s["citations"][4]["party"] == "Syria"  # unnamed officials, but Syria's
    assert s["anonymous"] == 2
    assert [c["anonymous_phrase"]["text"] for c in s["citations"] if c["anonymous"]] == ["Two residents", "Officials in Damascus"]
    assert d["hedging"]["count"] == 0
