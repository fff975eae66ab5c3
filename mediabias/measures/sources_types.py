"""Who a source is: someone who can speak, its type, whether it is named, and
the party it speaks for.

A source is a noun phrase headed by a name, a person, an organisation, a
country, a group, a document or a medium.  Its head (the noun before "of",
"for", "in", "close to" ...; after "some of", "a majority of") decides:

* a **name** (a capitalised word that is no common noun opening the
  sentence): its party's kind (Russia -> country, Sputnik -> media), else
  the noun before it ("the advocacy group Rivers Watch" -> organisation,
  "Energy Minister Pavel Drozdov" -> person); a noun before it that names
  no speaker is no part of the source ("the dates Russia claimed" ->
  Russia);
* a **document** (``document_sources.txt``: report, statement, poll,
  briefing), a **medium** (``media_sources.txt``), an **organisation**
  (``organisation_sources.txt``: ministry, government, group; anonymous when
  a bare plural or indefinite one names nobody: "rights groups say");
* an **office** (``office_roles.txt``: spokesman, minister, general): a
  person on the record, never anonymous ("a spokesman for the U.N.");
* a **person** unnamed (``anonymous_sources.txt``: officials, sources,
  witnesses, lawyers; other nouns in -er/-or/-ist/-ian): **anonymous**
  unless a name follows the head ("spokeswoman Irina Vasko", "analyst Marek
  Holub"); a name before it names nobody ("Russian officials" is
  anonymous, and Russia's);
* anything else -- an object of perception ("a video ... shows"), an event
  ("these strikes"), a verb-phrase fragment ("written a scathing") -- is
  no speaker, and its cue no citation (``classify`` returns None).

The party is the one a party mention in the source speaks for (a person's
affiliation counts: Konashenkov -> Russia).  A user's config decides which
party a source belongs to, never whether it is a person or anonymous: named
or not is read from the words, not from the party list.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from mediabias.lexicons import load_words
from mediabias.measures.parties import PartyIndex
from mediabias.measures.sources_spans import LINK_ADJECTIVES, share_start
from mediabias.text.document import Document

TYPES = ("person", "organisation", "country", "group", "document", "media", "anonymous")
PERSON_PRONOUNS = frozenset({"he", "she", "i", "his", "her"})
GROUP_PRONOUNS = frozenset({"we", "you", "our", "my"})
REFERRING_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "one", "another"})  # resolved by the caller
_GENERIC = frozenset(
    "the a an its his her their this that these those 's new latest our my your such whose some any however "
    "meanwhile still instead moreover furthermore".split()
)
_INDEFINITE = frozenset("a an some several many other various two three four five six seven eight nine ten dozens".split())
QUANTIFIERS = frozenset(
    "some many most much several few all both each half third quarter majority majorities minority number numbers percent "
    "dozens hundreds thousands millions one two three four five six seven eight nine ten others another two-thirds "
    "three-quarters three-fourths those proportion share percentage fraction".split()
)
_NEGATIVE = frozenset({"no", "none", "nobody", "neither", "either", "nothing", "noone"})
_HEAD_ENDS = frozenset(
    "of for at in from on with to by into about over under against between among near inside outside across around "
    "throughout within ( , who which that whose whom".split()
)
# a name ending in one of these names an organisation or a medium ("Rivers Watch International", "Estova Today")
_ORG_NAME_ENDS = frozenset("international watch foundation institute inc corp ltd co group".split())
_MEDIA_NAME_ENDS = frozenset("news times post journal herald tribune tv radio press today gazette telegraph".split())
KINDS = {"country": "country", "place": "country", "organisation": "organisation", "armed_group": "group",
          "group": "group", "media": "media", "person": "person"}  # party kinds -> source types ("other": from the words)
_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians")
ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")  # one person by their role


class Speaker(NamedTuple):
    """What a source span is, as a speaker."""

    type: str  # one of TYPES
    anonymous: bool
    party: str | None
    span: tuple[int, int]  # the source, cut to its name when the noun before it names nobody
    noun: str | None  # the common noun heading a definite description ("the ministry"), for reference back


@lru_cache(maxsize=1)
def lists() -> dict[str, frozenset]:
    """The head-word lists, by what they head."""
    out = {
        "human": load_words("anonymous_sources.txt"),
        "office": load_words("office_roles.txt"),
        "document": load_words("document_sources.txt"),
        "media": load_words("media_sources.txt"),
        "organisation": load_words("organisation_sources.txt"),
        "not": load_words("not_speakers.txt"),
    }
    out["common"] = frozenset().union(*out.values()) | QUANTIFIERS | _GENERIC | _NEGATIVE
    return out


def is_human(word: str) -> bool:
    """A noun for a person or people ("officials", "engineers", "critics")."""
    lx = lists()
    if word in lx["human"]:
        return True
    return len(word) >= 5 and word.endswith(_SUFFIXES) and word not in lx["not"] and word.isalpha()


def _name_at(doc: Document, i: int, first: int, headline: bool, parties: PartyIndex | None = None) -> bool:
    """Is token ``i`` part of a name (a party's mention, or capitalised and no common noun capitalised
    for opening the sentence or a title-case headline)?"""
    tok = doc.tokens[i]
    if not tok[:1].isupper():
        if parties is not None and parties.mention_at_token(i) is not None:
            return True
        return "-" in tok and tok.split("-", 1)[1][:1].isupper() and len(tok.split("-", 1)[0]) <= 3  # "al-Ghazal"
    low = doc.lowers[i]
    if low in _GENERIC or low in _NEGATIVE:
        return parties is not None and parties.mention_at_token(i) is not None
    if (i == first or headline) and low in lists()["common"]:
        return parties is not None and parties.mention_at_token(i) is not None
    return True  # (a capital opening a sentence is a name unless the word is a listed noun: "Nadler made clear")


def _core_end(lows: list[str], a: int, b: int) -> int:
    for i in range(a + 1, b):
        if lows[i] in _HEAD_ENDS or lows[i] in LINK_ADJECTIVES:
            return i
    return b


def classify(doc: Document, parties: PartyIndex | None, span: tuple[int, int], headline: bool = False) -> Speaker | None:
    """The speaker a source token span is, or None when it is no speaker.  Pronouns that
    refer back ("it", "they", "one") are resolved by the caller before this."""
    a, b = span
    lows = doc.lowers
    lx = lists()
    if lows[a] in _NEGATIVE or (lows[a] == "no" and a + 1 < b):
        return None  # "no one has suggested", "either side suggests"
    if b - a == 1 and (lows[a] in PERSON_PRONOUNS or lows[a] in ("his", "her")):
        return Speaker("person", False, None, span, None)  # "he said", "his claim": the party is the last person's (the caller)
    if b - a == 1 and lows[a] in GROUP_PRONOUNS:
        return Speaker("group", False, None, span, None)
    if lows[b - 1] in ("%", "percent") or share_start(lows, b - 1, a) is not None:
        return Speaker("anonymous", True, None, span, None)  # "53% describe", "nine in 10 said": people polled
    first = doc.sentences[doc.tok_sent[a]].tok_start
    share = _fraction(lows, a, b)  # "6 in 10 white men", "two out of three Americans"
    end = _core_end(lows, share or a, b)
    end = _strip_adjuncts(doc, a, end)
    h0 = share or a
    while h0 < end - 1 and lows[h0] in _GENERIC:
        h0 += 1
    if lows[end - 1] in QUANTIFIERS and end < b and lows[end] == "of":
        # "some of his rivals", "a majority of voters", "one of the officials": the head is after "of"
        h0 = end + 1
        while h0 < b and lows[h0] in _GENERIC:
            h0 += 1
        if h0 >= b:
            return None
        if b - h0 == 1 and lows[h0] in ("them", "us", "those", "these"):
            return Speaker("group", False, None, span, None)  # "most of them said": people named before
        end = _strip_adjuncts(doc, h0, _core_end(lows, h0, b))  # "56 percent of Cuban-Americans polled"
        share = h0
    party, kind = _party(parties, a, b)
    k = end - 1
    if k - 2 >= a and lows[k] in ("com", "org", "net", "gov") and lows[k - 1] == ".":
        return Speaker("media" if lows[k] == "com" else "organisation", False, party, span, None)  # "GunBroker.com said"
    if _name_at(doc, k, first, headline, parties):
        # a name heads the source: the noun before it says what the name is
        n = k
        while n > h0 and (_name_at(doc, n - 1, first, headline, parties) or doc.tokens[n - 1] in (".", "-", "'s", "&")):
            n -= 1
        noun = lows[n - 1] if n - 1 >= h0 and not doc.tokens[n - 1][:1].isupper() else None
        if noun is None and n - 1 >= h0 and (n - 1 == first or headline):
            noun = lows[n - 1] if lows[n - 1] in lx["common"] else None
        if noun is not None and not _speaker_noun(noun) and noun not in _GENERIC:
            span = (n, b)  # "the dates Russia claimed": Russia
            party, kind = _party(parties, n, b)
        # the name's own kind ("Amnesty's Luther" is a person whose party is Amnesty's)
        head_kind = _kind_at(parties, k) if parties is not None else None
        if share is not None and n == k and lows[k].endswith("s") and not lows[k].endswith("ss"):
            return Speaker("anonymous", True, party, span, None)  # "a majority of Republicans", "6 in 10 Americans"
        typ = _name_type(noun, lows[k], head_kind)
        return Speaker(typ, False, party, span, None)
    head = lows[k]
    definite = lows[a] in ("the", "this", "that") and end - a <= 4
    if head in lx["document"]:
        return Speaker("document", False, party, span, head if definite else None)
    if head in lx["media"]:
        return Speaker("media", False, party, span, head if definite else None)
    if head in lx["organisation"]:
        unnamed = kind is None and lows[a] != "both" and (
            lows[a] in _INDEFINITE or (a == h0 and head.endswith("s") and lows[a] not in _GENERIC)
        )
        if unnamed and not any(_name_at(doc, i, first, headline, parties) for i in range(a, b)):
            return Speaker("anonymous", True, party, span, None)
        if head == "side" and lows[a] not in ("the", "both"):
            return None
        return Speaker("organisation", False, party, span, head if definite else None)
    if head in lx["office"]:
        return Speaker("person", False, party, span, head if definite else None)
    if head in QUANTIFIERS or is_human(head):
        if kind == "person":
            return Speaker("person", False, party, span, None)
        if head in _BACK_QUANTIFIERS and end - h0 == 1:
            return Speaker("group", False, None, span, None)  # "Both have promised": the people just named
        if head in QUANTIFIERS and (end - h0 == 1 and head not in _PEOPLE_QUANTIFIERS):
            return None  # "Two decades ago ...", "all point to": no people in it
        plural = head.endswith("s") or head in ("people", "men", "women", "children", "police", "staff")
        if (definite or lows[a] in ("his", "her", "their", "its") or (a + 1 < end and lows[a + 1] == "'s")) and head not in _UNNAMED:
            # "the Democratic front-runner", "the researchers", "The plaintiff's lawyers": people named elsewhere
            return Speaker("person" if not plural else "group", False, party, span, head)
        return Speaker("anonymous", True, party, span, head if definite and not plural else None)
    if head in _POLLED and end - h0 <= 2:
        return Speaker("anonymous", True, party, span, None)
    return None


# heads that stay unnamed even with "the" or "his" ("the official, who spoke on condition of anonymity",
# "his aides", "the officials said")
_UNNAMED = frozenset(
    "official officials source sources aides advisers advisors insider insiders diplomat diplomats "
    "man woman person people resident residents witness witnesses eyewitness eyewitnesses staffer staffers operative "
    "operatives employee employees worker workers officer officers someone somebody boy girl guy lady allies ally "
    "associates confidants".split()
)
# quantifiers that stand for people on their own ("many say", "others argue", "a majority favor"; not "all
# point to", "two decades"); "both", "each" refer to people just named
_PEOPLE_QUANTIFIERS = frozenset(
    "some many most several few others those majority majorities minority half two-thirds three-quarters "
    "three-fourths".split()
)
_POLLED = frozenset("surveyed polled interviewed questioned sampled".split())  # "those surveyed said"
_BACK_QUANTIFIERS = frozenset({"both", "each"})
_APPROXIMATELY = frozenset("about some nearly almost roughly only just over under around fewer more less than".split())


def _fraction(lows: list[str], a: int, b: int) -> int | None:
    """Where the people start after a share of them: "6 in 10 white men", "two out of three
    Americans", "about one in five" (None when the phrase opens with no share)."""
    i = a
    while i < b and lows[i] in _APPROXIMATELY:
        i += 1
    if i + 2 >= b or not _number(lows[i]):
        return None
    if lows[i + 1] == "in" and _number(lows[i + 2]):
        j = i + 3
    elif i + 3 < b and lows[i + 1] == "out" and lows[i + 2] == "of" and _number(lows[i + 3]):
        j = i + 4
    else:
        return None
    return j if j < b else None


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())


def _number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year morning "
    "afternoon evening night last this next earlier later ago late early".split()
)


def _strip_adjuncts(doc: Document, a: int, end: int) -> int:
    """The core without a trailing time phrase and the participle before it ("a new report
    released Wednesday" -> "a new report")."""
    lows, toks = doc.lowers, doc.tokens
    e = end
    while e - 1 > a and lows[e - 1] in _TIME_WORDS:
        e -= 1
    if e - 1 > a and toks[e - 1][:1].islower() and (lows[e - 1].endswith("ed") or lows[e - 1] in ("taken", "done", "given")) and lows[e - 2] not in _GENERIC:
        e -= 1  # "A random survey conducted (by X)", "a report released (Wednesday)"
    return e if e > a else end


def _speaker_noun(noun: str) -> bool:
    lx = lists()
    return (
        noun in lx["document"] or noun in lx["media"] or noun in lx["organisation"] or noun in lx["office"]
        or is_human(noun) or noun in _ORG_NAME_ENDS
    )


def _name_type(noun: str | None, last: str, kind: str | None) -> str:
    """The type of a named source from its party's kind, the noun before the name, or the name's last word."""
    lx = lists()
    if kind in KINDS:
        return KINDS[kind]
    if noun is not None:
        if noun in lx["media"]:
            return "media"
        if noun in lx["organisation"]:
            return "organisation"
        if noun in lx["document"]:
            return "document"
        if noun in lx["office"] or is_human(noun):
            return "person"
    if last in _MEDIA_NAME_ENDS:
        return "media"
    if last in lx["document"]:
        return "document"  # "a national Gallup Poll", "the Mueller Report"
    if last in _ORG_NAME_ENDS or last in lx["organisation"]:
        return "organisation"
    return "person"


def _party(parties: PartyIndex | None, a: int, b: int) -> tuple[str | None, str | None]:
    """(party, what the mention names) of the mentions inside ``[a, b)``: a person's wins; a place
    speaks only for its country ("officials in Damascus" are Syria's, "Kafr Zeita" is no party)."""
    if parties is None:
        return None, None
    party = kind = None
    for i in range(a, b):
        m = parties.mention_at_token(i)
        if m is None:
            continue
        named = _kind_at(parties, i)
        if named == "place" and parties.party_of(m.party) == m.party:
            continue
        if named == "person" or party is None:
            party, kind = parties.party_of(m.party), named
        if named == "person":
            break
    return party, kind


def _kind_at(parties: PartyIndex, i: int) -> str | None:
    """What the words at token ``i`` name (a person, an organisation ...): never decided by a user
    party's kind -- a config's aliases say whose source it is, not whether it is a person."""
    kind_at = getattr(parties, "kind_at_token", None)
    if kind_at is not None:
        return kind_at(i)
    m = parties.mention_at_token(i)
    return None if m is None else parties.parties[m.party].kind


def via(parties: PartyIndex | None, addressee: tuple[int, int] | None) -> tuple[int, int] | None:
    """The addressee when it is a news outlet ("told RT"): the medium the words were given to."""
    if addressee is None or parties is None:
        return None
    for i in range(*addressee):
        m = parties.mention_at_token(i)
        if m is not None and parties.parties[m.party].kind == "media":
            return addressee
    return None


def party_in(parties: PartyIndex, span: tuple[int, int]) -> str | None:
    for i in range(*span):
        m = parties.mention_at_token(i)
        if m is not None:
            return m.party
    return None
