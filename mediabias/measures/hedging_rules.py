"""Context rules of the hedging measure: which word-list hits stand (and in
which category) and scare quotes.  The party a hit bears on is found by
:mod:`mediabias.measures.hedging_targets`.

Every rule looks at a few tokens around one hit (or one quotation), so the
rules cost nothing on text without hits and stay linear in the text.  The
rules are grammar, not vocabulary: the vocabulary is in the word lists.

* modals are hedges only in their epistemic use: not "May" the month, not
  "might" the noun, not "could not" (a negative stated, not doubt), not a
  root modal with a generic subject ("users may download");
* vague quantities (some, many, several ...) are weasel words of people or
  things, not of time ("for many years"), numbers ("some 300"), amounts
  ("some money"), a definite set ("his many travels") or a list's end;
* group nouns (critics, experts) are weasel words only when unnamed;
* participles of opinion verbs are weasel words in an agentless passive,
  and generality adverbs only of a consensus ("widely regarded");
* "claim(s)", "suspected", "supposed", "possible", "certain", "likely",
  "apparent" keep their category only in the sense that hedges or
  distances ("apparent" after "became" is evidence: a booster);
* scare quotes: short quotations that are not speech, names or mentions.
"""

from __future__ import annotations

from bisect import bisect_left

from mediabias.text.document import Document

# -- small closed word classes (grammar, not vocabulary) ----------------------
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am"})
NEGATORS = frozenset({"not", "n't", "never", "no", "cannot"})
_MONTH_CONTEXT = frozenset(
    {"in", "since", "until", "till", "last", "next", "early", "late", "mid", "of", "from", "by",
     "through", "this", "during", "on", "before", "after", "between", "and", "to"}
)
_NOUN_BEFORE_MIGHT = frozenset(
    {"the", "his", "her", "its", "their", "our", "my", "your", "military", "economic", "naval", "air",
     "full", "all", "'s", "of", "with", "american", "russian", "chinese", "main", "sheer"}
)
_TIME_UNITS = frozenset(
    {"time", "times", "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "decade", "decades", "century", "centuries", "generation", "generations",
     "occasion", "occasions", "season", "seasons", "moment", "moments", "while", "point", "stage", "juncture"}
)
_NUMBER_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
     "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
     "thousand", "thousands", "million", "millions", "billion", "dozen", "dozens", "half", "per", "percent"}
)
_QUANTIFIERS = frozenset({"some", "many", "most", "several", "various", "numerous", "countless", "certain"})
_LIST_END_BEFORE = frozenset({"and", "or", "among", "amongst", "with", "from", "by", "nor", "to", "than", "of"})
_GROUP_NOUNS = frozenset(
    {"critics", "experts", "observers", "analysts", "commentators", "historians", "scholars", "opponents",
     "proponents", "detractors", "sceptics", "skeptics"}
)
_DETERMINERS = _QUANTIFIERS | frozenset({"the", "these", "those", "other", "such", "its", "their", "our", "all", "few", "a"})
_PRONOUNS = frozenset({"it", "he", "she", "this", "that", "there", "which", "who", "these", "those", "i", "we",
                       "they", "what", "whom", "whoever", "both", "all", "some", "many", "others", "several"})
_SPECIFIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such", "its", "their", "his", "her",
                                   "our", "my", "your", "'s"})
_GENERIC_DETERMINERS = frozenset({"a", "an", "any", "every", "each", "no"})
_NP_STARTS = frozenset({"and", "or", "but", "if", "when", "because", "in", "of", "on", "for", "with", "by", "to",
                        "at", "from", "as", "while", "although", "that", "which", "where", "than", "so", "since"})
_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "media", "data", "criteria",
                                 "phenomena", "clergy", "youth", "staff", "folk", "personnel", "public"})
_PEOPLE = _GROUP_NOUNS | _IRREGULAR_PLURALS | frozenset(
    {"scientists", "researchers", "economists", "linguists", "writers", "authors", "reviewers", "readers", "viewers",
     "voters", "residents", "citizens", "officials", "sources", "members", "fans", "users", "americans", "europeans"})
_AFTER_PRONOUN = frozenset(
    {"of", "on", "in", "at", "among", "from", "within", "who", "have", "had", "are", "were", "do", "did", "may",
     "might", "would", "could", "will", "can", "should", "must", "still", "even", "also", "say", "believe", "think",
     "argue", "claim", "consider", "suggest", "contend", "feel", "see", "view", "regard", "hold", "maintain",
     ",", ".", ";", ":", ")", ""})
_OBJECT_STARTS = frozenset({"that", "the", "a", "an", "their", "his", "her", "its", "these", "those", "this", "it",
                            "them", "him", "whether", "how", "what"})
_NAMED_AFTER = frozenset({"at", "from", "of", "with", "for", "in", "including", "such", "like"})
_ADVERBS = frozenset({"also", "now", "still", "long", "often", "once", "widely", "generally", "commonly",
                      "sometimes", "usually", "popularly", "traditionally", "largely", "originally",
                      "initially", "later", "then", "not", "never", "even", "already", "always", "well"})
_VAGUE_AGENTS = _QUANTIFIERS | _GROUP_NOUNS | frozenset({"others", "people", "some", "those", "fans", "scientists", "researchers"})
_CLAIM_BAD_NEXT = frozenset({"responsibility", "credit", "victory", "the", "a", "his", "her", "their", "its",
                             "asylum", "compensation", "damages", "benefits", "land", "title", "ownership",
                             "lives", "life", "seats", "seat", "territory", "insurance", "refund"})
_POSSIBLE_BAD_BEFORE = frozenset({"as", "if", "where", "wherever", "whenever", "when", "made", "make", "makes",
                                  "making", "best", "only", "every", "all", "not", "possible", "highest",
                                  "lowest", "greatest", "largest", "smallest", "earliest", "fastest"})
_POSSIBLE_BAD_NEXT = frozenset({"to", "for", "by", "through", "with", "in", "at", "and", "or", ".", ",", ";",
                                ":", "!", "?", ")", "-", "\u2014", "\u2013", "because", "when", "if", "under"})
_SPEECH_CUES = frozenset(
    {"said", "says", "say", "saying", "told", "tells", "added", "wrote", "writes", "stated", "called",
     "calling", "described", "describing", "dubbed", "termed", "according", "quoted", "named", "nicknamed",
     "titled", "entitled", "word", "words", "term", "terms", "phrase", "phrases", "expression", "expressions",
     "slogan", "slogans", "label", "labels", "known", "song", "album", "film", "book", "novel", "headline"}
)
_SPEECH_OPENERS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "there"})
_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "*", "_"})
_CLITICS = frozenset({"s", "re", "ve", "ll", "d", "m", "t"})
_SHORT_QUOTE_WORDS = 4
_GENERALITY_ADVERBS = frozenset({"generally", "widely", "commonly", "popularly", "universally", "broadly"})
_CONSENSUS_WORDS = frozenset(
    {"accepted", "acknowledged", "agreed", "assumed", "believed", "called", "cited", "condemned", "considered",
     "credited", "criticized", "criticised", "debated", "described", "disputed", "expected", "hailed", "held",
     "known", "perceived", "praised", "recognized", "recognised", "referred", "regarded", "reported", "reputed",
     "respected", "rumored", "rumoured", "said", "seen", "supposed", "thought", "understood", "viewed", "acclaimed",
     "admired", "feared", "reviled", "despised", "loved", "celebrated"}
)


def _is_upper_word(tok: str) -> bool:
    return tok[:1].isupper()


def keep(doc: Document, i: int, j: int, category: str) -> str | None:
    """The category a word-list hit on tokens ``[i, j)`` keeps, or None to drop it.

    ``category`` is the word list's category, or ``"passive"`` for a
    participle of an opinion verb (a weasel hit only in an agentless passive).
    """
    lows = doc.lowers
    n = len(lows)
    first = lows[i]
    prev = lows[i - 1] if i > 0 else ""
    nxt = lows[j] if j < n else ""
    single = j == i + 1
    if category == "passive":
        return _passive(doc, i, j)
    if first in ("may", "might", "could"):
        return _modal(doc, i, first, prev, lows[i + 1] if i + 1 < n else "")
    if first in _QUANTIFIERS and single:
        return _quantifier(first, prev, nxt, lows, j)
    if first in _GENERALITY_ADVERBS and single:
        # a consensus claimed without a source ("widely regarded", "generally
        # accepted"), not a manner ("generally peaceful", "widely used")
        k = j + 1 if nxt in _ADVERBS or nxt.endswith("ly") else j
        return category if k < n and lows[k] in _CONSENSUS_WORDS else None
    if first == "others" and (prev in _LIST_END_BEFORE or prev in _DETERMINERS or prev in _NUMBER_WORDS or prev[:1].isdigit()):
        return None  # "and others", "the others", "three others": a list or a counted set
    if first in _GROUP_NOUNS and (prev in _SPECIFIC_DETERMINERS or _named_group(doc, i, i + 1)):
        return None  # "the experts" (those just named), "Amnesty researchers"
    if first == "likely" and single and prev in ("more", "less", "as", "equally", "twice"):
        return None  # a comparison of probabilities ("more likely to vote"), not doubt
    if first in ("claimed", "claiming", "claim") and single:
        # "claimed responsibility / the seat": a claim to something, not of a fact
        return None if nxt in _CLAIM_BAD_NEXT or prev in ("insurance", "land", "legal", "pay") else category
    if first == "suspected" and single and (prev in ("the", "a", "an", "two", "three", "several", "one") and nxt in ("was", "is", "were", "had", "has", "who", ".", ",")):
        return None  # "the suspected was": a noun (rare)
    if first == "supposed" and single and nxt == "to":
        return None  # "are supposed to cross": obligation, not distance
    if first == "possible" and single and (prev in _POSSIBLE_BAD_BEFORE or nxt in _POSSIBLE_BAD_NEXT or nxt == ""):
        return None  # "as soon as possible", "made possible", "it is possible to"
    if first == "apparent" and single and (prev in BE or prev in ("became", "become", "becomes") or nxt == "that"):
        return "booster"  # "it became apparent that": evident, not doubtful
    return category


def _modal(doc: Document, i: int, first: str, prev: str, nxt: str) -> str | None:
    if first == "may":
        tok = doc.tokens[i]
        sent = doc.sentences[doc.tok_sent[i]]
        if tok == "May" and (i != sent.tok_start or nxt[:1].isdigit() or prev in _MONTH_CONTEXT):
            return None  # the month
        if nxt[:1].isdigit() or (prev[:1].isdigit() and tok == "May"):
            return None
    if first == "might" and (prev in _NOUN_BEFORE_MIGHT or nxt in (".", ",", "and", "of", "to", ";", ")")):
        return None  # the noun
    if first == "could" and (nxt in NEGATORS or nxt == "hardly"):
        return None  # "could not confirm" states a negative, not a doubt
    k = i + 1
    while k < len(doc.lowers) and doc.lowers[k] in _ADVERBS:
        k += 1
    if k < len(doc.lowers) and doc.lowers[k] == "have":
        return "hedge"  # "may have been": epistemic, whatever the subject
    if _generic_subject(doc, i):
        return None  # "users may download", "a person may suffer": what can happen, not doubt
    return "hedge"


def _generic_subject(doc: Document, i: int) -> bool:
    """Is the subject before the modal at ``i`` generic (a bare noun, "a", "any", "you", "one")?

    Root modals ("plants may die in severe cases", "players may not have an
    assistant") take generic subjects; epistemic ones ("the toll may rise",
    "Russia may have lied", "it may be true") take specific ones.
    """
    lows, toks = doc.lowers, doc.tokens
    sent = doc.sentences[doc.tok_sent[i]]
    k = i - 1
    while k >= sent.tok_start and lows[k] in _ADVERBS:
        k -= 1
    if k < sent.tok_start:
        return False
    head = lows[k]
    if head in ("you", "one"):
        return True
    if not head[:1].isalpha() or head in _PRONOUNS or (toks[k][:1].isupper() and k > sent.tok_start):
        return False  # a pronoun, a name, or no subject in reach
    for m in range(k - 1, max(sent.tok_start - 1, k - 6), -1):
        w = lows[m]
        if w in _SPECIFIC_DETERMINERS or (toks[m][:1].isupper() and m > sent.tok_start):
            return False
        if w in _GENERIC_DETERMINERS:
            return True
        if w in _QUOTE_MARKS:
            continue  # the "remote" checks
        if not w[:1].isalpha() or w in _NP_STARTS:
            break
    return True  # a bare noun phrase: "treatment may prevent", "users may download"


def _quantifier(first: str, prev: str, nxt: str, lows: list[str], j: int) -> str | None:
    if nxt in _TIME_UNITS or nxt[:1].isdigit() or nxt in _NUMBER_WORDS:
        return None  # "for many years", "some 300 people": time and numbers, not people
    if first == "most":
        return "weasel" if nxt in _PEOPLE else None  # "most historians", not "the most", "most of the land"
    if prev in _SPECIFIC_DETERMINERS:
        return None  # "his many travels", "the several guests": a definite set
    if first == "many" and prev in ("how", "as", "so", "too", "that", "very"):
        return None  # "as many as", "how many"
    if first == "some" and not _plural_or_pronoun(nxt, lows[j + 1] if j + 1 < len(lows) else ""):
        return None  # "some money", "some care": an amount, not unnamed members
    if first == "certain":
        if prev in BE or prev in ("almost", "fairly", "quite", "not", "for", "more", "less", "very", "made", "make", "absolutely") \
                or nxt in ("that", "to", "of", "whether", ".", ",", "about", "if"):
            return None  # certainty, not a vague "certain people"
    if nxt in ("others",) and prev in _LIST_END_BEFORE:
        return None  # "and many others"
    return "weasel"


def _plural_or_pronoun(nxt: str, after: str) -> bool:
    """After "some": a plural ("some people", "some rare species") or nothing
    (the pronoun: "some say", "some of", "some, including")."""
    def plural(w: str) -> bool:
        return (w.endswith("s") and not w.endswith(("ss", "us", "is"))) or w in _IRREGULAR_PLURALS
    if plural(nxt) or nxt in _AFTER_PRONOUN:
        return True
    # "some rare species" (an adjective, then a plural), or "some note that",
    # "some risk their lives" (the pronoun, a verb and its object)
    return nxt.isalpha() and (plural(after) or after in _OBJECT_STARTS)


def _named_group(doc: Document, i: int, j: int) -> bool:
    """A group noun with a name or organisation attached ("Amnesty researchers")."""
    toks = doc.tokens
    sent = doc.sentences[doc.tok_sent[i]]
    if i > sent.tok_start and doc.lowers[i - 1] == "'s":
        return True
    before = toks[i - 1] if i > sent.tok_start else ""
    if _is_upper_word(before) and doc.lowers[i - 1] not in _DETERMINERS and (i - 1 > sent.tok_start or before.isupper()):
        return True  # "Amnesty researchers", "UN experts", "Russian analysts"
    if j + 1 < sent.tok_end and doc.lowers[j] in _NAMED_AFTER and _is_upper_word(toks[j + 1]):
        return True
    if j + 1 < sent.tok_end and doc.lowers[j] == "," and _is_upper_word(toks[j + 1]):
        return True  # apposition: "critics, Smith and Jones, said"
    return False


def _passive(doc: Document, i: int, j: int) -> str | None:
    """An agentless passive of an opinion verb: "it is believed", "regarded as"."""
    lows = doc.lowers
    sent = doc.sentences[doc.tok_sent[i]]
    k = i - 1
    while k >= sent.tok_start and k >= i - 3 and (lows[k] in _ADVERBS or lows[k].endswith("ly")):
        k -= 1
    passive = k >= sent.tok_start and (lows[k] in BE or lows[k] in ("widely", "generally", "commonly", "once"))
    nxt = lows[j] if j < sent.tok_end else ""
    after = lows[j + 1] if j + 1 < sent.tok_end else ""
    reduced = j == i + 1 and (nxt == "as" or (nxt == "to" and after in ("be", "have", "been")))
    if not passive and not reduced and lows[j - 1] not in ("as", "to"):
        return None  # active ("Reuters reported", "he said to reporters") or a plain past tense
    if nxt == "by" and j + 1 < sent.tok_end and lows[j + 1] not in _VAGUE_AGENTS and lows[j + 1] != "many":
        return None  # an agent is named: "considered by Smith"
    return "weasel"


# -- scare quotes --------------------------------------------------------------


def scare_quotes(doc: Document) -> list[tuple[int, int, bool]]:
    """Short quoted phrases (1-4 words) that are not reported speech, a name
    or a title: ``(start, end, nested)`` of each, trimmed of markup."""
    candidates = []
    for q in doc.quotes:
        if not q.closed or q.content_end - q.content_start > 200:
            continue
        s, e = q.content_start, q.content_end
        while s < e and doc.text[s] in " *_":
            s += 1
        while e > s and doc.text[e - 1] in " *_,.":
            e -= 1
        inner = doc.text[s:e]
        words = inner.split()
        if not words or len(words) > _SHORT_QUOTE_WORDS or any(c in inner for c in "!?"):
            continue
        first = words[0].lower()
        if first in _SPEECH_OPENERS or first.strip(".,;:") in _CLITICS and doc.text[q.start] in "'\u2019":
            continue  # a sentence of speech ("We examined it"), or an apostrophe taken for a quote mark
        if all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            continue  # a name or a title: 'Operation Grand Slam'
        candidates.append((q, s, e))
    if not candidates:
        return []
    # reported speech: a speech verb in the sentence, outside the quote.  Each
    # sentence holding a candidate is scanned once, so this stays linear.
    cue_offsets: dict[int, list[int]] = {}
    out = []
    for q, s, e in candidates:
        si = doc.sentence_index(q.start)
        cues = cue_offsets.get(si)
        if cues is None:
            sent = doc.sentences[si]
            cues = [doc.tok_starts[k] for k in range(sent.tok_start, sent.tok_end) if doc.lowers[k] in _SPEECH_CUES]
            cue_offsets[si] = cues
        inside = bisect_left(cues, q.end) - bisect_left(cues, q.start)
        if len(cues) > inside:
            continue
        out.append((s, e, q.depth > 0))  # nested in a longer quotation: the source's distancing
    return out
