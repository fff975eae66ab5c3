"""Attribution cues: the words that say somebody said, wrote, thinks or wants something.

All cue word lists are matched in one pass with one PhraseMatcher (payload:
the lists a phrase is in); each match is then kept or dropped by its
context, so that a word that is a noun as often as a verb ("claims",
"support", "call") is a cue only where it works as one.

Classes, from the most to the least reliable (precision on PolNeAR train
0.89, 0.84, 0.72, 0.67, 0.59, 0.49):

* ``phrase`` (``cue_phrases.txt``) -- "according to", "in the words of",
  "weighed in", "reportedly": a cue wherever it occurs;
* ``speech`` (``report_verbs.txt``) -- said, told, tweeted, argued: a cue
  unless used as a noun ("the report", "his claims" -- then it may be a
  ``noun`` cue), as an infinitive ("declined to comment": the verb before
  is the cue) or as part of a name ("Hope Hicks");
* ``colon`` -- a speaker's name opening a line or following a dash, then a
  colon ("WALLACE: ...", "Poll: Trump leads"; not "Q:" or "Breaking:"), or
  any verb before a colon and a quotation ("Mr. Christie gloated: ...");
* ``attitude`` (``attitude_verbs.txt``) -- criticized, believes, wants,
  declined, polls show: a cue when used as a verb after a subject or before
  a complement, unless it sits in what a speech cue earlier in the same
  sentence reports ("Cuban said he thinks ...") and no new clause starts;
* ``adjective`` (``cue_adjectives.txt``) -- "is confident that", "remain
  skeptical of", "..., eager to": after a copula or a comma, before a
  complement;
* ``noun`` (``cue_nouns.txt``) -- "his claim that", "claims by Amnesty
  that": with a complement or "by X".

``not_cues.txt`` shadows phrases that hold a cue word but are none ("think
tank").  No cue is taken inside a quotation: the words quoted are the
source's.  A verb cue's span takes its auxiliaries, adverbs and particle
("has also said", "called for"), as annotators mark cues.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from mediabias.lexicons import load_list
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher

CUE_LISTS = (
    ("not_cues.txt", "none"),
    ("cue_phrases.txt", "phrase"),
    ("report_verbs.txt", "speech"),
    ("attitude_verbs.txt", "attitude"),
    ("cue_nouns.txt", "noun"),
    ("cue_adjectives.txt", "adjective"),
    ("anonymous_passives.txt", "passive"),
)

DETERMINERS = frozenset(
    "the a an this these those his her its their our my your 's whose no any some every each such another "
    "new latest recent first last same own".split()
)
POSSESSIVES = frozenset("his her its their our my your 's".split())
PREPOSITIONS = frozenset(
    "of in on at by for with from into about over under against between among through during after before "
    "without within toward towards upon amid despite".split()
)
AUXILIARIES = frozenset(
    "has have had is was were are am be been being will would can could may might must shall should do does did "
    "'s 've 'd 'll 're 'm not n't never can't won't don't doesn't didn't isn't wasn't aren't weren't hasn't "
    "haven't hadn't wouldn't couldn't shouldn't mustn't".split()
)
ADVERBS = frozenset(
    "also still again then now once already later repeatedly even ever always often just only recently previously "
    "further first long so too since soon quickly later yet well last".split()
)
SUBJECT_PRONOUNS = frozenset("he she they we i you who".split())
COMPLEMENT_WORDS = frozenset("that to whether if how what why when where who which :".split())
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "`"})
COPULAS = frozenset(
    "is are was were be been being am 's 're 'm isn't aren't wasn't weren't remain remains remained remaining "
    "seem seems seemed appear appears appeared feel feels felt become became becomes sound sounds sounded grew "
    "grow grows look looks looked".split()
)
# words before an adjective that do not break "was deeply skeptical"
_DEGREE = frozenset("very so too more most less not n't also still both all growing".split())
_ADJ_COMPLEMENT = frozenset({"of", "about", "over", "with", "on", "in", "that", "to", "whether", "if"})


_STRONG = frozenset({"speech", "phrase"})
_WEAK = frozenset({"attitude", "adjective"})


class Cue(NamedTuple):
    """A cue: token range ``[start, end)``, its class, and its head token."""

    start: int
    end: int
    cls: str
    head: int


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher:
    classes: dict[str, list[str]] = {}
    for name, cls in CUE_LISTS:
        for phrase in load_list(name):
            classes.setdefault(phrase.lower(), []).append(cls)
    classes[":"] = ["colon"]
    classes["words of"] = ["words-of"]  # "in the words of X", keyed on "words": "in" is too common a first word
    return PhraseMatcher((p, tuple(c)) for p, c in classes.items())


# verbs that take a cue as their complement: "kept asking", "began dismissing", "continued to insist"
CATENATIVES = frozenset(
    "kept keep keeps began begin begins started start starts continued continue continues stopped tried tries went "
    "goes".split()
)
SKIPPABLE = AUXILIARIES | ADVERBS | CATENATIVES


def skip_left(doc: Document, k: int, floor: int) -> int:
    """The first token at or left of ``k`` (not before ``floor``) that is not an
    auxiliary or an adverb: "Trump has also repeatedly [said]" (a capitalised "-ly" word is a
    name: "Kelly said")."""
    lows, toks = doc.lowers, doc.tokens
    while k >= floor:
        w = lows[k]
        if w in SKIPPABLE or (w[-1:] == "y" and w.endswith("ly") and len(w) > 4 and toks[k][:1].islower()):
            k -= 1
        elif w in ("and", "or") and k - 1 >= floor and lows[k - 1].endswith("ly") and lows[k + 1].endswith("ly"):
            k -= 1  # "has repeatedly and forcefully denied"
        elif w in _FLOATING and k - 1 >= floor and lows[k - 1] in AUXILIARIES:
            k -= 1  # "are both denying"
        elif not w.isprintable():
            k -= 1  # a control character between words ("Konashenkov\x00 said")
        else:
            break
    return k


_FLOATING = frozenset({"both", "all", "each"})


# time words a phrase between a subject and its verb ends in: "Trump on Monday said",
# "the ministry last week denied", "Moscow earlier this month rejected"
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week weekend month year night morning afternoon "
    "evening day spring summer fall autumn winter yesterday today tonight".split()
)
_TIME_MODIFIERS = frozenset("on last this next earlier late early that each every the".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# two-word adverbials: "The general in turn accused", "Clinton in fact said"
_ADVERBIAL_PAIRS = frozenset(
    {("in", "turn"), ("in", "fact"), ("of", "course"), ("for", "example"), ("for", "instance"), ("in", "response"),
     ("in", "return"), ("in", "particular"), ("by", "contrast"), ("in", "contrast"), ("at", "first"), ("at", "times")}
)


_REFLEXIVES = frozenset("himself herself itself themselves myself ourselves yourself yourselves".split())


def skip_adverbials(doc: Document, k: int, floor: int) -> int:
    """Like :func:`skip_left`, and also over time phrases and two-word adverbials
    between a subject and its verb ("Trump on Monday [said]", "The general in turn
    [accused]"): the token where the subject ends."""
    lows = doc.lowers
    while True:
        k = skip_left(doc, k, floor)
        if k < floor:
            return k
        w = lows[k]
        if k - 1 >= floor and (lows[k - 1], w) in _ADVERBIAL_PAIRS:
            k -= 2
            continue
        if w in _REFLEXIVES and k - 1 >= floor:
            k -= 1  # an intensifier after the subject: "Cruz himself [said]", "the ministry itself [denied]"
            continue
        if len(w) == 4 and w.isdigit() and k - 1 >= floor and lows[k - 1] in ("in", "since", "during"):
            k -= 2  # "an executive at the foundation in 2009 [sought]"
            continue
        j = k
        if w.isdigit() and k - 1 >= floor:  # "on Dec. 23", "on March 4"
            j = k - 2 if lows[k - 1] == "." and k - 2 >= floor else k - 1
            if lows[j] not in _MONTHS:
                return k
        elif w not in _TIME_WORDS:
            return k
        m = j - 1
        while m >= floor and (lows[m] in _TIME_MODIFIERS or lows[m] in _MONTHS):
            m -= 1
        if m == j - 1 and lows[j] not in ("yesterday", "today", "tonight"):
            return k  # a bare "week" or "Monday" may be the subject itself
        k = m


def _agent_at(doc: Document, k: int, floor: int, agent_nouns: frozenset) -> bool:
    """Can the token at ``k`` end a subject that holds a view?"""
    if k < floor:
        return False
    low = doc.lowers[k]
    tok = doc.tokens[k]
    if low in SUBJECT_PRONOUNS:
        return True
    if low in agent_nouns:
        return True
    if tok[0].isupper() and (k > floor or low not in DETERMINERS):
        return True
    if tok in (")",):  # "Rep. Hank Johnson (D-Ga.) said"
        return True
    return False


def _complement_at(doc: Document, k: int, end: int) -> bool:
    """Is the token at ``k`` the start of a complement ("that ...", "to ...", a quote)?"""
    if k >= end:
        return False
    low = doc.lowers[k]
    if low in QUOTE_MARKS:
        return True
    if low == "to":
        return k + 1 < end and doc.lowers[k + 1] not in DETERMINERS and not doc.tokens[k + 1][0].isupper()
    return low in COMPLEMENT_WORDS


def find_cues(doc: Document, parties=None, agent_nouns: frozenset = frozenset(), headlines: "Headlines | None" = None) -> list[Cue]:
    """Cues of ``doc`` in text order (``parties``: a PartyIndex to skip names; ``headlines``: the
    sentences' title-case test, shared with the caller)."""
    headlines = headlines or Headlines(doc)
    lows, starts, tok_sent, sentences = doc.lowers, doc.tok_starts, doc.tok_sent, doc.sentences
    quoted = bool(doc.quotes)
    out: list[Cue] = []
    reported_sent = -1  # last sentence with a speech cue so far
    for m in cue_matcher().find(lows):
        i, j, classes = m.tok_start, m.tok_end, m.payload
        if quoted and doc.in_quote(starts[i]):
            continue
        si = tok_sent[i]
        sent = sentences[si]
        if parties is not None and parties.mention_at_token(i) is not None and not headlines(si):
            continue  # part of a name (in a title-case headline, names and verbs look alike)
        cls = _keep(doc, i, j, classes, sent.tok_start, sent.tok_end, agent_nouns, headlines)
        if cls is None:
            continue
        if cls == "verb-colon":
            if out and out[-1].end >= i:
                continue  # "said:" -- the verb is the cue already
            # "Mr. Christie gloated: ''I told you ...''": any verb before a colon and a quotation
            i, cls = i - 1, "speech"
        elif cls == "words-of":
            i, cls = i - 2, "phrase"
        if cls in _WEAK and reported_sent == si and not _new_clause(doc, i, sent.tok_start):
            # "Cuban said he sees ...": a stance inside reported words is the
            # reported speaker's, not a new attribution
            continue
        if cls in _STRONG:
            reported_sent = si
        out.append(_extend(doc, i, j, cls, sent.tok_start, sent.tok_end) if cls in _EXTENDED else Cue(i, j, cls, i))
    return out


_PARTICLES = frozenset({"about", "for", "against", "of", ":"})  # "called for", "said:"
_EXTENDED = frozenset({"speech", "attitude", "adjective"})


def _extend(doc: Document, i: int, j: int, cls: str, s0: int, s1: int) -> Cue:
    """The verb cue at ``[i, j)`` with its auxiliaries and adverbs ("has also
    said") and a particle ("called for", "talked about"), as annotators mark cues."""
    lows = doc.lowers
    a = skip_left(doc, i - 1, s0) + 1
    while a < i and lows[a] == "'s":
        a += 1
    return Cue(a, j + 1 if j < s1 and lows[j] in _PARTICLES else j, cls, i)


def _new_clause(doc: Document, i: int, s0: int) -> bool:
    """Does the cue at ``i`` start a clause of the narrator's own: "..., calling",
    "..., he added, and called"?"""
    k = skip_left(doc, i - 1, s0)
    return k >= s0 and doc.lowers[k] in (",", "and", "but", "or", ";")


def _plural_possessive(doc: Document, k: int) -> bool:
    """Is the apostrophe at ``k`` a plural possessive ("the voters' choice")?"""
    return k > 0 and doc.tok_starts[k] == doc.tok_ends[k - 1] and doc.lowers[k - 1].endswith("s")


_CLITIC_HOSTS = frozenset("he she it that who what there here where which".split())


def _clitic_verb(doc: Document, k: int) -> bool:
    """Is the "'s" at ``k`` a verb ("he's said", "it's expected") rather than a possessive?"""
    return doc.lowers[k] == "'s" and k > 0 and doc.lowers[k - 1] in _CLITIC_HOSTS


class Headlines:
    """Which sentences of a document are title-case headlines, each worked out once."""

    __slots__ = ("doc", "memo")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.memo: dict[int, bool] = {}

    def __call__(self, si: int) -> bool:
        got = self.memo.get(si)
        if got is None:
            s = self.doc.sentences[si]
            got = self.memo[si] = _title_case(self.doc, s.tok_start, s.tok_end)
        return got

    def lazy(self, si: int) -> "_Lazy":
        """Sentence ``si``'s test, worked out only if something asks for its truth."""
        return _Lazy(self, si)


class _Lazy:
    __slots__ = ("headlines", "si")

    def __init__(self, headlines: Headlines, si: int) -> None:
        self.headlines, self.si = headlines, si

    def __bool__(self) -> bool:
        return self.headlines(self.si)


def _title_case(doc: Document, s0: int, s1: int) -> bool:
    """A headline: most words of four letters or more capitalised."""
    n = lower = 0
    for t in doc.tokens[s0 : min(s1, s0 + 30)]:
        if len(t) > 3 and t[0].isalpha():
            n += 1
            if not t[0].isupper():
                lower += 1
                if lower >= 2 and 2 * lower > n:
                    return False  # lower-case words from the start: a sentence, not a headline
    return n >= 3 and n - lower >= 0.7 * n


_NOT_VERBS = DETERMINERS | PREPOSITIONS | frozenset("and or but that which this these those".split())
_COUNTING = frozenset("many few several more most numerous".split())
_OBJECT_PRONOUNS = frozenset("him her them it us me you himself herself themselves".split())
_BE = frozenset("is are was were be been being 's".split())
_MARKUP = frozenset({"<", "/", "@", "#"})
# after these a verb form is a gerund or an infinitive ("for supporting", "to say": the verb before is the cue)
_AFTER_PREP_NO = frozenset({"to", "for", "of", "with", "about", "on", "at", "from", "into", "in"})
# verbs of speaking that name an act, not what was said: a cue only with a topic
_NEEDS_TOPIC = frozenset(
    "speak speaks spoke spoken speaking talk talks talked talking respond responds responded responding".split()
)
_TOPIC = frozenset({"about", "of", "on", "out", "to", "with", "up"})
_SPEECH_ONLY = ("speech",)
_NOT_PLAIN = DETERMINERS | _AFTER_PREP_NO | _MARKUP | {"'"}


def _keep(doc: Document, i: int, j: int, classes: tuple, s0: int, s1: int, agent_nouns: frozenset, headlines) -> str | None:
    """The class a matched cue word has here, or None when it is no cue here."""
    lows, toks = doc.lowers, doc.tokens
    prev = lows[i - 1] if i > s0 else ""
    nxt = lows[j] if j < s1 else ""
    if prev in _COUNTING and lows[i].endswith("ed") and nxt.isalpha() and toks[j][:1].islower() and not (
        nxt in _NOT_VERBS or nxt in COMPLEMENT_WORDS or nxt in _OBJECT_PRONOUNS
    ):
        return None  # "many confirmed cases", "several reported deaths": an adjective (not "many believed that")
    if classes == _SPEECH_ONLY and prev not in _NOT_PLAIN and (i == s0 or not toks[i][0].isupper()):
        # the common case ("he said"): a reporting verb that is never a noun, after an ordinary word
        return "speech" if lows[i] not in _NEEDS_TOPIC or nxt in _TOPIC else None
    if prev in _MARKUP or "none" in classes:
        return None
    if "phrase" in classes:
        return "phrase"
    if "words-of" in classes:
        return "words-of" if i - 2 >= s0 and lows[i - 2] == "in" and lows[i - 1] == "the" else None
    if "colon" in classes:
        if _speaker_colon(doc, i, s0, s1):
            return "colon"
        if nxt in QUOTE_MARKS and i - 1 > s0 and toks[i - 1][0].islower() and lows[i - 1] not in _NOT_VERBS:
            k = i - 2
            while k >= s0 and (lows[k] in ADVERBS or lows[k] in ("not", "n't") or lows[k].endswith("ly")):
                k -= 1
            if k >= s0 and lows[k] in _BE and lows[i - 1].endswith("ed"):
                return None  # "Patriarchy is also dismantled: '...'": a passive says nothing
            return "verb-colon"
        return None
    after_det = (prev in DETERMINERS and not _clitic_verb(doc, i - 1)) or (prev == "'" and _plural_possessive(doc, i - 1))
    # a capitalised word inside a sentence is part of a name ("Hope Hicks",
    # "Call of Duty") -- unless the sentence is a headline in title case
    in_name = i > s0 and toks[i][0].isupper() and not headlines(doc.tok_sent[i])
    verbal = not after_det and not in_name and prev not in _AFTER_PREP_NO
    if "speech" in classes and verbal and "noun" not in classes:
        if lows[i] not in _NEEDS_TOPIC or nxt in _TOPIC:
            return "speech"
        return None
    comp = _complement_at(doc, j, s1)
    if "speech" in classes and verbal and i != s0:  # "Claims that ... are not new": a noun
        if (
            comp  # a noun as often as a verb: needs a complement, an auxiliary or a subject
            or prev in AUXILIARIES
            or prev == ","
            or prev in QUOTE_MARKS
            or _agent_at(doc, skip_adverbials(doc, i - 1, s0), s0, agent_nouns)
        ):
            return "speech"
    if "attitude" in classes and verbal and nxt not in ("up", "and"):  # "showed up", "called up"
        k = skip_left(doc, i - 1, s0)
        if comp or (k >= s0 and lows[k] != "that"):
            return "attitude"
    if "noun" in classes and (
        nxt in ("that", ":")
        or nxt in QUOTE_MARKS
        or (nxt == "by" and j + 1 < s1 and (toks[j + 1][0].isupper() or lows[j + 1] in DETERMINERS))
    ):
        return "noun"  # "his claim that", "claims by Amnesty that"
    if "passive" in classes and (nxt in ("that", "to") or (nxt in PREPOSITIONS and "that" in lows[j : min(s1, j + 6)])):
        # "it is widely believed that", "40 civilians are thought to have died": someone unnamed
        k = i - 1
        while k >= s0 and (lows[k] in ADVERBS or (lows[k].endswith("ly") and len(lows[k]) > 4)):
            k -= 1
        if k >= s0 and lows[k] in ("is", "are", "was", "were", "been", "being", "be", "'s"):
            return "attitude"
    if "adjective" in classes:
        # "is deeply skeptical of", "wasn't happy about", "..., confident that", "a president willing to"
        k = i - 1
        while k >= s0 and (lows[k] in _DEGREE or lows[k].endswith("ly")):
            k -= 1
        takes = comp or nxt in _ADJ_COMPLEMENT
        if k >= s0 and (lows[k] in COPULAS and (takes or not nxt or nxt in (".", ",")) or (lows[k] == "," and takes)):
            return "adjective"
    return None


# words that head a label, not a speaker, before a colon ("Breaking:", "The Latest:")
_LABELS = frozenset(
    "latest breaking exclusive contributing plus revealed name question answer update updated watch video photos "
    "read related note correction live analysis opinion editor editors source sources via more also see look wow "
    "busted so twitter facebook instagram email paid notice photo photos credit".split()
)
_DASHES = frozenset({"-", "\u2014", "\u2013"})


def _speaker_colon(doc: Document, i: int, s0: int, s1: int) -> bool:
    """A colon after a speaker's name: "WALLACE: ...", "Poll: Trump leads",
    "... overhype - HuffPollster: “...”" (one to five capitalised words
    opening the sentence or following a dash)."""
    toks, lows = doc.tokens, doc.lowers
    if i + 1 >= s1 or not (toks[i + 1][0].isalpha() or lows[i + 1] in QUOTE_MARKS):
        return False
    a = i
    while a > s0 and i - a < 5 and (toks[a - 1][0].isupper() or toks[a - 1] in (".", "'s")):
        a -= 1
    if a == i or not (a == s0 or toks[a - 1] in _DASHES):
        return False
    if i - a == 1 and len(toks[a]) == 1:  # "Q:" / "A:"
        return False
    return not any(lows[t] in _LABELS for t in range(a, i))
