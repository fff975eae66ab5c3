"""Find the parties of a story, what kind each is, and every mention of them.

A party has a ``kind``: person, organisation, country, place, media, group
(armed groups and collectives that are no organisation) or other.  Parties
come from:

* the packaged **gazetteer** (``lexicons/gazetteer.toml``: countries with
  demonyms, capitals and government metonyms; international, governmental
  and non-governmental organisations, companies and platforms; armed
  groups; media), matched case-sensitively.  A capital used as a location
  ("talks in Moscow", "the capital Abuja") is a place of its own;
* **names** in the text (:mod:`.names`), typed by the evidence around them
  (:mod:`.kinds`): head words ("Rivers Watch International"), a person's
  marks (titles, given names, roles), descriptors ("the dating app Tinder"),
  known places (``places.toml``) and context ("in X", "the X", "X said").
  People are folded into one party per person (:mod:`.people`);
* **role nouns** that refer back to one named party ("the president", "the
  rights group", "the country") and names inside hyphenated words
  ("anti-Trump") (:mod:`.roles`).

Every mention says how it was found (``via``: alias, name, surname, given
name, title, hyphenated, role noun, descriptor) and what it names (``kind``:
"Irina Vasko" is a person even as an alias of the user party "Estova").

**User-defined** parties (``--party``, ``[parties]`` in a config) replace
automatic detection: exactly those parties, each alias matched in the text
(an alias written with a capital letter case-sensitively, an all-lower-case
alias case-insensitively).  They are typed like detected ones -- the kind of
the party's own name where the text or the word lists tell it, else of its
other non-person aliases -- and flagged ``user_defined``.  A user party that
never occurs is listed with 0 mentions.

:func:`summary` lists the parties with every alias and its mention count
for ``mediabias parties``.
"""

from __future__ import annotations

from mediabias.measures.parties.detector import Detector
from mediabias.measures.parties.lexicon import KINDS
from mediabias.measures.parties.people import name_key, same_person
from mediabias.measures.parties.records import Mention, Party, PartyIndex
from mediabias.measures.parties.summary import PartiesResult, summary
from mediabias.measures.parties.user import detect_user, user_matchers
from mediabias.text.document import Document

NAME = "parties"
__all__ = ["KINDS", "Mention", "Party", "PartyIndex", "PartiesResult", "detect", "summary", "name_key",
           "same_person", "user_matchers"]


def detect(doc: Document, user_parties: dict[str, tuple[str, ...]] | None = None) -> PartyIndex:
    """Parties and mentions of ``doc``; ``user_parties`` replaces automatic detection."""
    auto = Detector(doc).run()
    if user_parties:
        return detect_user(doc, user_parties, auto)
    return auto
