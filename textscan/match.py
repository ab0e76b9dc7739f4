"""Matching: Sentences x Lexicons -> Hits, following the codebook's rules.

1. Lemmas, not word forms.
2. Separable verbs count when verb and particle stand in the same clause
   ("wij pakken de overlast aan"), once, with both parts recorded.
3. Compounds count when a part is an entry, as head or modifier, with the
   linking -s-, -e- or -en- ("drugsbestrijding", "handhavingsprioriteit").
   Words are split against a Dutch word list, not a list of compounds.
4. Sense exclusions carried by the entry (fixed expressions, neighbours,
   context words, compound parts, word forms).
5. Negation by geen, niet, zonder, nooit or noch in the expression's own
   clause gives ``negated=True``; "niet alleen ... maar ook" is not negation.

Within one lexicon every token counts at most once: the longest match wins. In a
``custom`` lexicon (an imported LIWC or quanteda dictionary) a word listed in
several categories counts once in each of them, as those tools count it.

Example:
    >>> from textscan.lexicon import load_lexicon
    >>> from textscan.nlp import annotate_text
    >>> m = Matcher([load_lexicon("framing")])
    >>> [h.entry for h in m.match(annotate_text("Wij pakken de overlast aan."))]
    ['aanpakken']
"""

from __future__ import annotations

import marshal
import os
import re
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, compress, repeat
from pathlib import Path
from typing import TYPE_CHECKING

from textscan._gc import collector_paused
from textscan.lexicon import Entry, Exclusion, Lexicon
from textscan.model import Hit, Sentence, Token

if TYPE_CHECKING:
    import numpy as np

# a sentence's hard and soft clause numbers, one per token (see Matcher.clauses)
Clauses = Sequence[list[int]]

# Clause boundaries. Hard ones (semicolons, colons, brackets, subordinating
# words, a coordinator that opens a new clause) end a clause for every rule;
# a comma is soft: it ends the scope of a negation, and a separable verb may
# reach over it only when no other verb stands between (enumerations:
# "werken horeca, gemeente en politie samen").
_HARD_PUNCT = frozenset(";:()[]{}–—-?!/|•…")
# quotation marks are no boundary: they mark a term inside its clause ("geen ‘war on drugs’")
_SUBORDINATORS = frozenset(
    [
        "dat",
        "omdat",
        "als",
        "wanneer",
        "zodat",
        "terwijl",
        "doordat",
        "nadat",
        "voordat",
        "zodra",
        "indien",
        "hoewel",
        "opdat",
        "waardoor",
        "waarmee",
        "waarbij",
        "waarin",
        "waarop",
        "waarvoor",
        "waarna",
        "waaraan",
        "waarover",
        "waarbinnen",
        # an indirect question ("ziet niet in waarom een gebiedsverbod nodig is")
        "waarom",
        "waaruit",
        "waartoe",
        "waarvan",
        "hoe",
        "wat",
        "welke",
        "die",
        "zoals",
        "tenzij",
        "mits",
        "totdat",
        "sinds",
        "aangezien",
        "want",
        "maar",
        "alsof",
        "ofschoon",
        "zolang",
    ]
)
# subordinators that also open a phrase ("als gemeente", "zoals politie en OM",
# "sinds 2020"): a clause boundary only when a verb follows
# words kept in the matcher's memo of which lexicons a word may start; cleared beyond
_WORD_MEMO_LIMIT = 100_000
_PHRASE_SUBORDINATORS = frozenset(["als", "zoals", "sinds"])
_COORDINATORS = frozenset({"en", "of", "dus", "ofwel", "noch"})
_SUBJECT_PRONOUNS = frozenset(
    ["ik", "jij", "je", "u", "hij", "zij", "ze", "wij", "we", "men", "er", "daar", "hier"]
)
_FINITE_HINTS = frozenset(
    [
        "is",
        "zijn",
        "was",
        "waren",
        "wordt",
        "worden",
        "werd",
        "werden",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "zal",
        "zullen",
        "zou",
        "zouden",
        "kan",
        "kunnen",
        "kon",
        "konden",
        "wil",
        "willen",
        "wilde",
        "moet",
        "moeten",
        "moest",
        "mag",
        "mogen",
        "gaat",
        "gaan",
        "blijft",
        "blijven",
        "komt",
        "komen",
        "staat",
        "staan",
        "zet",
        "zetten",
        "kiest",
        "kiezen",
        "werkt",
        "werken",
        "houdt",
        "houden",
        "biedt",
        "bieden",
        "maakt",
        "maken",
        "brengt",
        "brengen",
        "neemt",
        "nemen",
        "geeft",
        "geven",
        "legt",
        "leggen",
        "richt",
        "richten",
        "investeert",
        "investeren",
        "pakt",
        "pakken",
        "treedt",
        "treden",
        "zorgt",
        "zorgen",
        "versterkt",
        "versterken",
        "stimuleert",
        "stimuleren",
        "ondersteunt",
        "ondersteunen",
        "voert",
        "voeren",
    ]
)
# words that may stand between a particle and its verb at the end of a clause:
# "om bewoners mee te laten denken", "dat we de overlast aan willen pakken"
_VERB_CLUSTER = frozenset(
    [
        "te",
        "wil",
        "willen",
        "kan",
        "kunnen",
        "moet",
        "moeten",
        "gaat",
        "gaan",
        "zal",
        "zullen",
        "laat",
        "laten",
        "blijft",
        "blijven",
        "mag",
        "mogen",
        "wordt",
        "worden",
        "durven",
    ]
)
NEGATORS = frozenset({"geen", "niet", "zonder", "nooit", "noch"})
# "zonder" negates the phrase it opens; "geen" and "noch" what follows them in their
# clause; "niet" and "nooit" their whole clause
_PHRASE_NEGATORS = frozenset({"zonder"})
# after a particle these start its object: it is a preposition ("op elkaar")
_OBJECT_PRONOUNS = frozenset(["elkaar", "hem", "hen", "mij", "jou", "zichzelf", "iedereen"])
# a negator does not reach across these into another conjunct
_CONJUNCT_STARTS = frozenset({"en", "of", "maar", "ofwel"})
# ... unless they join two noun phrases under one negator (see Matcher._other_conjunct)
_NOUN_COORDINATORS = frozenset({"en", "of", "ofwel"})
# words that turn a comma-separated sequence from a negated list into a contrast
# ("geen cameratoezicht, wel meer handhaving en toezicht")
_LIST_BREAKS = frozenset(
    [
        *("wel", "wél", "maar", "juist", "echter", "daarentegen", "liever", "eerder"),
        *("meer", "minder", "vooral", "ook", "dus", "want"),
    ]
)
_FORWARD_NEGATORS = frozenset({"geen", "noch"})
_NOT_ONLY = frozenset({"alleen", "enkel", "uitsluitend", "louter", "slechts"})
# "niet altijd", "niet elke", "nooit eerder": the negator qualifies a quantity or a
# moment, it does not deny the expression ("niet meteen het strafrecht" does: two
# readers of the tenth check and the fifth audit read it as negated)
_NOT_NEGATING_NEXT = frozenset(
    [
        "altijd",
        "genoeg",
        "voldoende",
        "vanzelf",
        "vanzelfsprekend",
        "elke",
        "elk",
        "iedere",
        "ieder",
        "alle",
        "zomaar",
        "automatisch",
        "noodzakelijk",
        "noodzakelijkerwijs",
        "overal",
        "steeds",
        "eerder",
        "helemaal",
        "per",
        "enige",
        "enkele",
    ]
)
_APOSTROPHES = frozenset(["'", "’", "‘"])


def _attached(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` touches a word on both sides (an apostrophe inside a word)."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i - 1].end == tokens[i].start
        and tokens[i].end == tokens[i + 1].start
        and tokens[i - 1].is_word
        and tokens[i + 1].is_word
    )


# "zonder" + these words stresses, it does not deny ("zonder uitzondering gesloten")
_EMPHATIC_ZONDER = frozenset(["uitzondering", "uitzonderingen", "pardon", "uitstel", "aanzien"])
# words after which a word in -en starts a verb phrase of its own ("... en besturen mee")
_VERB_OPENERS = frozenset(["en", "of", "maar", "we", "wij", "zij", "ze", "hij", "ik", "men"])
# what joins a truncated compound part to the next word ("zorg- en veiligheidshuis")
_ELLIPSIS_JOINERS = frozenset(["en", "of", ",", "/", "tot", "&"])
# words that end the clause before them, for a particle that closes it
_CLAUSE_OPENERS = frozenset(["en", "of", "maar", "want", "dat", "die", "omdat", "als", "zodat"])
# verbs that deny their te-infinitive: negated, they affirm it ("wij vergeten niet de
# jongeren te betrekken", "wij laten niet na op te treden", "weigeren niet samen te werken")
_DENYING_VERBS = frozenset(
    ["vergeten", "weigeren", "nalaten", "verzuimen", "aarzelen", "schromen", "schuwen"]
)
# separable particles, for split judging and stance verbs ("zetten ... in")
_PARTICLES = frozenset(["in", "op", "aan", "af", "uit", "door", "mee", "voort", "toe", "tegen"])
_CONTRAST_DETERMINERS = frozenset(["de", "het", "een", "deze", "die", "dit", "dat"])


@lru_cache(maxsize=8192)
def _head_forms(word: str) -> frozenset[str]:
    """The last part of a hyphenated word, its lemma and its singular ("n-wegen": weg).

    The part alone may be read as another word ("wegen", to weigh), hence the
    plain singular too.
    """
    from textscan.lemmatizer import get_lemmatizer

    head = word.rsplit("-", 1)[1]
    if not head:
        return frozenset()
    forms = {head, get_lemmatizer().lemma(head)}
    for ending in ("en", "s"):
        if head.endswith(ending) and len(head) > len(ending) + 2:
            forms.add(head[: -len(ending)])
    return frozenset(forms)


def _denied_denial(
    tokens: Sequence[Token], soft: Sequence[int], c: int, k: int, toks: Sequence[int]
) -> bool:
    """Whether the negator at ``k`` denies a verb that denies the match's te-infinitive.

    "wij vergeten niet de jongeren te betrekken", "we laten niet na de overlast
    aan te pakken": not forgetting to involve them is involving them.
    """
    first = toks[0]
    if first <= k:
        return False  # the match must follow the negator
    for j in range(first):
        if soft[j] != c:
            continue
        lemma = tokens[j].lemma
        if lemma == "laten" and any(
            soft[i] == c and tokens[i].text.lower() == "na" for i in range(j + 1, first)
        ):
            lemma = "nalaten"  # "laten niet na": the particle stands apart
        if lemma not in _DENYING_VERBS:
            continue
        # the match is in that verb's te-infinitive clause, after the verb and the negator
        if any(
            soft[i] == c and tokens[i].text.lower() == "te"
            for i in range(max(j, k) + 1, len(tokens))
        ):
            return True
    return False


# nouns and predicates that, negated right before an "om ... te" clause, deny
# what that clause proposes: "wij zien geen aanleiding om ... in te voeren", "het
# is niet nodig om ... te controleren" (a stance on the measure, like "wij kiezen
# niet voor"). Not "niet de taak van ... om" or "niet makkelijk om": those judge
# who does it or how hard it is, not whether it is done.
_NO_NEED_NOUNS = frozenset(
    ["aanleiding", "reden", "noodzaak", "behoefte", "plannen", "plan", "voornemen", "intentie"]
)
_NO_NEED_PREDICATES = frozenset(
    ["nodig", "noodzakelijk", "wenselijk", "zinvol", "nuttig", "verstandig", "bedoeling"]
)


def _no_need_before(tokens: Sequence[Token], om: int) -> str | None:
    """The negator of "geen aanleiding / niet nodig" right before "om" at ``om``, or None."""
    words = [tokens[j].text.lower() for j in range(max(0, om - 5), om)]
    while words and words[-1] in ("meer", "toe", "voor", "ons", "mij", "ons,", "daarom"):
        words.pop()  # "er is geen reden meer om", "zien wij geen aanleiding toe om"
    if len(words) >= 2 and words[-1] in _NO_NEED_NOUNS and words[-2] == "geen":
        return "geen"
    if words and words[-1] in _NO_NEED_PREDICATES:
        rest = words[:-1]
        if rest and rest[-1] == "de":  # "niet de bedoeling om"
            rest = rest[:-1]
        if rest and rest[-1] in ("niet", "nooit"):
            return rest[-1]
    return None


# verbs that end or cut what they take: with "geen aanleiding om ... te" before
# them the thing goes on ("geen aanleiding om de dialoog te beëindigen")
_ENDING_VERBS = frozenset(
    [
        *("beëindigen", "stoppen", "stopzetten", "afschaffen", "opheffen", "afbouwen"),
        *("verminderen", "schrappen", "staken", "beperken", "terugschroeven", "intrekken"),
        *("opzeggen", "loslaten", "verlagen", "afzwakken", "opgeven", "verbreken"),
    ]
)


def _ends_it(tokens: Sequence[Token], soft: Sequence[int], c: int) -> bool:
    """Whether clause ``c`` has a verb that ends or cuts its object (split ones too)."""
    n = len(tokens)
    lemmas = set()
    for j in range(n):
        if soft[j] != c:
            continue
        lemmas.add(tokens[j].lemma)
        if j + 2 < n and tokens[j + 1].text.lower() == "te" and soft[j + 2] == c:
            lemmas.add(tokens[j].text.lower() + (tokens[j + 2].lemma or ""))  # "af te bouwen"
    return not lemmas.isdisjoint(_ENDING_VERBS) or not lemmas.isdisjoint(_SPARING_VERBS)


# nouns that introduce words mentioned as words: "woorden als aanpakken en bestrijden"
_MENTION_NOUNS = frozenset(
    [
        *("woord", "woorden", "term", "termen", "begrip", "begrippen", "uitdrukking"),
        *("uitdrukkingen", "woordgebruik", "taal", "jargon", "vocabulaire", "trefwoorden"),
    ]
)
_QUOTES = frozenset("'\"‘’“”„‚«»")


def _mentioned(lowers: Sequence[str], first: int) -> bool:
    """Whether the word at ``first`` is an item of a list of words mentioned as words.

    "In het vorige plan stonden woorden als aanpakken, bestrijden en handhaven
    centraal": the plan talks about the words, it does not use them (codebook
    rule 4, sense). The list follows "woorden / termen / begrippen als / zoals"
    (or a colon) directly: items of one or two words, optionally quoted,
    separated by commas, "en" or "of".
    """
    j = first - 1
    items = 0
    while j >= 1 and items < 8:
        w = lowers[j]
        if w in _QUOTES:
            j -= 1
            continue
        if w in ("als", "zoals", ":") and lowers[j - 1] in _MENTION_NOUNS:
            return True
        if w in (",", "en", "of"):
            j -= 1
            continue
        # an item of the list: one or two words before the separator
        k = j
        while k > j - 2 and k >= 1 and lowers[k] not in (",", "en", "of", "als", "zoals", ":"):
            k -= 1
        if k == j - 2 and lowers[k] not in (",", "en", "of", "als", "zoals", ":"):
            return False  # more than two words: running text, not a list of words
        j = k
        items += 1
    return False


def _te_scope(tokens: Sequence[Token], k: int, toks: Sequence[int]) -> bool:
    """Whether "niet te W" at ``k`` denies only W, leaving a match outside it standing.

    "te" before a word that is no infinitive is "too" or a fixed phrase ("niet te
    streng optreden", "het project Niet te koop maakt ouders bewust"): the
    negator judges the degree, not the verb. An infinitive after an article is
    attributive ("een niet te onderschatten rol in de preventie"). Where W is
    the match itself ("niet te handhaven regels"), or a verbal "niet te W"
    ("besluiten de wijk niet te controleren"), the negation stands.
    """
    n = len(tokens)
    if k + 2 >= n or tokens[k + 1].text.lower() != "te" or (k + 2) in toks:
        return False
    word = tokens[k + 2].text.lower()
    if not word.isalpha():
        return False
    attributive = k > 0 and tokens[k - 1].text.lower() in ("een", "de", "het", "deze", "die")
    return attributive or not word.endswith("en")


def _in_setting(
    tokens: Sequence[Token], first: int, prepositions: tuple[str, ...] = ("in", "binnen", "bij")
) -> bool:
    """Whether the noun at ``first`` names a setting ("marktwerking in de zorg")."""
    j = first - 1
    while j >= 0 and tokens[j].text.lower() in _SETTING_DETERMINERS:
        j -= 1
    return j >= 0 and tokens[j].text.lower() in prepositions


def _without_bracketed_names(kept: list[_Candidate], tokens: Sequence[Token]) -> list[_Candidate]:
    """Actor matches without an abbreviation in brackets right after the full name.

    "het Openbaar Ministerie (OM)", "de GGD (Gemeentelijke Gezondheidsdienst)":
    one actor named twice, a mention and an entry of breadth, not two. The
    bracketed match goes when it has the category of the match just before
    the bracket and one of the two is an abbreviation (written in capitals);
    "de politie (wijkagent)" names two.
    """
    n = len(tokens)
    before = {c.last: c for c in kept}

    def abbreviation(c: _Candidate) -> bool:
        word = tokens[c.first].text
        return c.first == c.last and len(word) >= 2 and word.isupper()

    out = []
    for c in kept:
        prev = before.get(c.first - 2)
        if (
            prev is not None
            and tokens[c.first - 1].text == "("
            and c.last + 1 < n
            and tokens[c.last + 1].text == ")"
            and prev.entry.category == c.entry.category
            and (abbreviation(c) or abbreviation(prev))
        ):
            continue
        out.append(c)
    return out


def _om_particle(tokens: Sequence[Token], k: int) -> bool:
    """Whether "om" at ``k``, right before "te", is a verb's particle ("om te kijken").

    Mostly it opens an "om ... te" clause ("het is goed om te kijken naar de
    cijfers"); it is the particle when another "om" opens that clause before
    it ("tijd om naar elkaar om te kijken") or "elkaar" stands right before it
    ("we vragen bewoners naar elkaar om te kijken").
    """
    before = [t.text.lower() for t in tokens[max(0, k - 8) : k]]
    return "om" in before or "elkaar" in before[-3:]


def _spared_by(tokens: Sequence[Token], k: int, first: int) -> bool:
    """Whether negator ``k`` denies a harm to the match at ``first`` (_SPARING_NOUNS).

    The noun it denies (within its first three words) is such a harm, and a
    preposition stands between that noun and the match: "geen vertraging (...)
    in de aanpak", "geen boete krijgen voor de steun".
    """
    for j in range(k + 1, min(first, k + 4)):
        if tokens[j].lemma in _SPARING_NOUNS or tokens[j].text.lower() in _SPARING_NOUNS:
            return any(tokens[m].text.lower() in _PREPOSITIONS for m in range(j + 1, first))
    return False


_SETTING_DETERMINERS = frozenset(["de", "het", "een", "onze", "hun", "deze", "die", "dit", "dat"])


def _in_capitals(tokens: Sequence[Token]) -> bool:
    """Whether most words of a sentence are written in capitals (a heading in caps)."""
    words = [t.text for t in tokens if t.is_word and len(t.text) > 1 and t.text.isalpha()]
    return len(words) >= 3 and sum(w.isupper() for w in words) >= 0.6 * len(words)


def _plain(word: str) -> str:
    """``word`` without acute accents ("níet" -> "niet"); other letters unchanged."""
    if word.isascii():
        return word
    return word.translate(_ACUTE)


_ACUTE = str.maketrans("áéíóú", "aeiou")

# Predicates that judge the thing named before them ("repressie werkt niet",
# "handhaving is niet nodig", "een gebiedsverbod komt er niet"): with one of these a
# negator after the clause's first constituent denies that constituent too
#: the articles before an infinitive used as a noun ("het aanpakken van overlast")
_NOMINALISERS = frozenset(["het", "dit", "dat"])

_JUDGING_PREDICATES = frozenset(
    [
        "werken",
        "helpen",
        "nodig",
        "wenselijk",
        "gewenst",
        "oplossing",
        "antwoord",
        "effectief",
        "zinvol",
        "zin",
        "passen",
        "bijdragen",
        "leiden",
        "opleveren",
        "komen",
        "bestaan",
        "verstandig",
        "gepast",
        "nuttig",
        "belangrijk",
        "haalbaar",
        "geschikt",
        "acceptabel",
        "aanvaardbaar",
        "proportioneel",
        "doel",
        "prioriteit",
        "speerpunt",
        "uitgangspunt",
        "optie",
        "middel",
        "instrument",
        "sprake",  # "van sociale cohesie is nooit sprake geweest"
        "keuze",
        "weg",
        "orde",  # "een boete is niet aan de orde"
        # support verbs: the negated event is the expression itself ("voorlichting
        # wordt niet gegeven", "controles vinden niet plaats")
        "geven",
        "doen",
        "bieden",
        "voeren",
        "houden",
        "plaatsvinden",
        "toepassen",
        "inzetten",
        "uitvoeren",
        "organiseren",
        "verzorgen",
        "krijgen",
        "gebeuren",
        "lukken",
    ]
)
# verbs taking a stance on their object: negated, they deny it ("landen die het
# Strafhof niet erkennen", "wij steunen repressie niet"); other verbs negated after
# their object leave it standing ("mogen de kwaliteit van de zorg niet onder druk
# zetten", "laten de handhaving niet verslappen")
_STANCE_VERBS = frozenset(
    [
        "steunen",
        "ondersteunen",
        "erkennen",
        "accepteren",
        "aanvaarden",
        "kiezen",
        "omarmen",
        "bepleiten",
        "gebruiken",
        "hanteren",
        "voortzetten",
        "invoeren",
        "uitbreiden",
        "versterken",
        "stimuleren",
        "bevorderen",
        "financieren",
        "subsidiëren",
        "opleggen",
        "nastreven",
        "zoeken",
        "aangaan",
        "verlengen",
        "instellen",
        "uitvaardigen",
        "afkondigen",
        "continueren",
    ]
)
# verbs whose negation leaves the noun after them standing: "we bezuinigen niet op
# de zorg", "er wordt niet getornd aan de handhaving", "marktwerking hoort niet
# thuis in de zorg"
_SPARING_VERBS = frozenset(
    [
        "bezuinigen",
        "besparen",
        "korten",
        "snijden",
        "beknibbelen",
        "tornen",
        "morrelen",
        "thuishoren",
        "verslappen",
        "inleveren",
        "beschamen",
        "schaden",
        "aantasten",
        "ondermijnen",
        "beschadigen",
        "afbouwen",
        "ontbreken",  # "het ontbreekt niet aan betrokkenheid": there is plenty
    ]
)
# nouns whose denial by "geen" leaves a noun in a phrase after them standing: "geen
# vertraging in de aanpak", "geen boete voor de steun", "geen gebrek aan hulp"
_SPARING_NOUNS = frozenset(
    [
        *("vertraging", "uitstel", "bezuiniging", "korting", "beperking", "belemmering"),
        *("drempel", "obstakel", "afbreuk", "inbreuk", "rem", "tekort", "gebrek", "wachtlijst"),
        *("wachttijd", "stop", "einde", "boete", "sanctie", "straf", "verbod", "bezwaar"),
    ]
)
# words that may stand between a judging predicate and its negator ("komt er niet",
# "is niet de oplossing", "werkt nog steeds niet")
_JUDGING_FILLERS = frozenset(
    [
        *("er", "ook", "nog", "dus", "echt", "steeds", "de", "het", "een", "meer", "langer", "zo"),
        "aan",  # "is niet aan de orde"
        # auxiliaries: "dat repressie niet heeft gewerkt", "niet kan helpen"
        *("heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren", "wordt", "worden"),
        *("werd", "werden", "kan", "kunnen", "zal", "zullen", "zou", "zouden", "mag", "mogen"),
    ]
)
# a subordinate clause put first is followed by the main clause's finite verb, in the
# singular (the clause is its subject or an adverbial): where one of these follows a
# complete subordinate clause, the main clause starts
_MAIN_CLAUSE_VERBS = frozenset(
    [
        *("is", "was", "wordt", "werd", "heeft", "had", "zal", "zou", "kan", "kon"),
        *("wil", "moet", "moest", "mag", "gaat", "blijft", "komt", "staat", "blijkt"),
    ]
)
# words that stand inside a verb cluster ("die niet mee kunnen doen", "niet te laten")
_CLUSTER_WORDS = frozenset(["te", "niet", "nog", "ook", "er", *_PARTICLES])
# prepositions that open an adverbial phrase ("werkt op de lange termijn niet")
_PREPOSITIONS = frozenset(
    [
        *("in", "op", "voor", "met", "bij", "tot", "over", "door", "naar", "uit", "tegen", "aan"),
        *("tussen", "onder", "na", "binnen", "sinds", "zonder", "volgens", "tijdens", "buiten"),
    ]
)
# a negated phrase ends at a preposition, a conjunction or "meer"
_PHRASE_END = frozenset(
    [
        "in",
        "van",
        "op",
        "voor",
        "met",
        "aan",
        "bij",
        "tot",
        "over",
        "door",
        "naar",
        "om",
        "uit",
        "tegen",
        "tussen",
        "onder",
        "na",
        "binnen",
        "sinds",
        "zonder",
        "meer",
        "en",
        "of",
        "maar",
        "dan",
    ]
)
# a particle followed by one of these is a preposition opening a phrase, not a particle
_PHRASE_STARTERS = frozenset(
    [
        "de",
        "het",
        "een",
        "deze",
        "dit",
        "zijn",
        "haar",
        "hun",
        "ons",
        "onze",
        "mijn",
        "jouw",
        "uw",
        "elke",
        "ieder",
        "iedere",
        "alle",
        "veel",
        "meer",
        "minder",
        "enkele",
        "sommige",
        "beide",
        "andere",
        "diverse",
        "verschillende",
        "zo",
    ]
)
_LINKERS = ("", "s", "e", "en")
# particles and prefixes of derived words, never the modifier of a compound:
# "aan|sluiting" and "uit|sluiting" come from aansluiten/uitsluiten, "ver|zorging"
# and "ver|branding" from verzorgen/verbranden, "voor|zorg" is precaution
_NOT_MODIFIERS = frozenset(
    [
        "aan",
        "uit",
        "ver",
        "ont",
        "her",
        "voor",
        "door",
        "over",
        "onder",
        "mee",
        "toe",
        "terug",
        "tegen",
        "achter",
        "samen",
    ]
)
_DERIVATIONAL = frozenset(
    [
        "baar",
        "lijk",
        "lijke",
        "lijkheid",
        "heid",
        "ig",
        "ige",
        "isch",
        "ische",
        "loos",
        "loze",
        "schap",
        "schappen",
        "zaam",
        "zame",
        "achtig",
        "achtige",
        "matig",
        "matige",
        "ing",
        "ingen",
        "er",
        "ers",
        "eren",
        "ster",
        "erd",
        "aar",
        "elijk",
        "elijke",
        "tje",
        "je",
        "jes",
        "tjes",
    ]
)
MIN_COMPOUND_ENTRY = 4
MIN_COMPOUND_REST = 3
MIN_UNKNOWN_MODIFIER_HEAD = 6
SPLIT_CACHE_LIMIT = 500_000
# longer tokens are not split into compounds (garbage from broken PDFs, URLs)
MAX_COMPOUND_LEN = 60
# the shortest word that can hold an entry (4 letters) and another part (3)
MIN_COMPOUND_WORD = 7


def _piece_at(text: str, piece: str, pos: int) -> bool:
    """Whether ``piece`` (``?`` = any one character) stands in ``text`` at ``pos``."""
    if pos + len(piece) > len(text):
        return False
    return all(
        p == "?" or p == t for p, t in zip(piece, text[pos : pos + len(piece)], strict=False)
    )


def _find_piece(text: str, piece: str, start: int, end: int) -> int:
    if "?" not in piece:
        return text.find(piece, start, end)
    for pos in range(start, end - len(piece) + 1):
        if _piece_at(text, piece, pos):
            return pos
    return -1


class GlobPattern:
    """A wildcard pattern (LIWC/quanteda style: ``*`` any run, ``?`` one character).

    Matched piece by piece from left to right, so it runs in linear time in
    the number of pieces and never backtracks, even on a long garbage token
    from a broken PDF (a regular expression with several ``.*`` can).
    """

    __slots__ = ("pattern", "pieces")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.pieces = pattern.split("*")

    def match(self, text: str) -> bool:
        pieces = self.pieces
        if len(pieces) == 1:
            return len(text) == len(pieces[0]) and _piece_at(text, pieces[0], 0)
        first, last = pieces[0], pieces[-1]
        if len(text) < len(first) + len(last):
            return False
        if not (_piece_at(text, first, 0) and _piece_at(text, last, len(text) - len(last))):
            return False
        pos, end = len(first), len(text) - len(last)
        for piece in pieces[1:-1]:
            found = _find_piece(text, piece, pos, end)
            if found < 0:
                return False
            pos = found + len(piece)
        return True


@lru_cache(maxsize=4096)
def glob_regex(pattern: str) -> GlobPattern:
    """The (cached) matcher of a wildcard pattern."""
    return GlobPattern(pattern)


@dataclass(frozen=True, slots=True)
class _Candidate:
    lexicon: Lexicon
    entry: Entry
    tokens: tuple[int, ...]  # token indices of every part
    kind: str
    compound_other: str | None = None

    @property
    def first(self) -> int:
        return min(self.tokens)

    @property
    def last(self) -> int:
        return max(self.tokens)

    @property
    def size(self) -> int:
        return len(self.tokens)


@dataclass
class _Index:
    """Lookup tables of one lexicon, keyed by lemma."""

    lexicon: Lexicon
    single: dict[str, list[Entry]] = field(default_factory=dict)
    multi: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    separable: dict[str, list[Entry]] = field(default_factory=dict)
    patterns: list[tuple[GlobPattern, int, Entry]] = field(default_factory=list)
    phrases: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    parts: dict[str, list[Entry]] = field(default_factory=dict)
    position: int = 0
    # the literal start of every pattern ("drugspand" of "drugspand*"): only words
    # starting with one are tried; None when some pattern starts with a wildcard
    pattern_heads: tuple[str, ...] | None = None
    # verbal expressions: first word of the non-verb part -> (that part, verb, particle, entry)
    verbal: dict[str, list[tuple[tuple[str, ...], str, str | None, Entry]]] = field(
        default_factory=dict
    )


@dataclass(frozen=True)
class WordVocabulary:
    """A document's distinct words, and for each token the number of its word.

    ``words`` lists the distinct (lemma, form) pairs of the document's words;
    ``ids`` gives, for each token in reading order, its number in ``words``
    (-1 for a token that is not a word); ``filled`` the sentences that have
    tokens and ``starts`` the index of the first token of each of them. Made
    once per document (:meth:`of`), it lets :meth:`Matcher.sentences_to_match_in`
    look at each distinct word once instead of at every token.
    """

    words: list[tuple[str, str]]
    ids: np.ndarray
    starts: np.ndarray
    filled: np.ndarray
    sentences: int

    @classmethod
    def of(
        cls,
        lemmas: Sequence[str],
        texts: Sequence[str],
        is_word: Sequence[bool],
        bounds: Sequence[int],
    ) -> WordVocabulary:
        """From flat token columns, as :meth:`Matcher.sentences_to_match` takes them."""
        import numpy as np

        index: dict[tuple[str, str], int] = {}
        add = index.setdefault
        ids = [
            add(key, len(index)) if word else -1
            for key, word in zip(zip(lemmas, texts, strict=True), is_word, strict=True)
        ]
        edges = np.asarray(bounds, dtype=np.int64)
        filled = np.flatnonzero(edges[1:] > edges[:-1])
        return cls(
            words=list(index),
            ids=np.asarray(ids, dtype=np.int64),
            starts=edges[filled],
            filled=filled,
            sentences=len(bounds) - 1,
        )


@dataclass
class _Selection:
    """The lexicons one matching call looks at (all, or those named in ``only``)."""

    indexes: list[_Index]
    positions: frozenset[int] | None  # None: every lexicon
    everywhere: bool  # some pattern of one of them starts with a wildcard: every sentence
    memo: dict[tuple[str, str], tuple[int, ...]]  # (lemma, form) -> its lexicons among these


def _exactness(c: _Candidate, tokens: Sequence[Token]) -> int:
    if c.kind not in ("lemma", "phrase"):
        return 0
    lemma = c.entry.lemma or ""
    forms = " ".join(tokens[t].text.lower() for t in c.tokens)
    if lemma == forms:
        return 2
    if lemma == " ".join(tokens[t].lemma for t in c.tokens):
        return 1
    return 0


def _runs(tokens: Sequence[Token], indices: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Character spans of the runs of consecutive token indices (one per part)."""
    runs: list[list[int]] = []
    for t in sorted(indices):
        if runs and t == runs[-1][-1] + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return tuple((tokens[r[0]].start, tokens[r[-1]].end) for r in runs)


def _role_allowed(entry: Entry, role: str) -> bool:
    mode = _compound_mode(entry)
    if mode == "any":
        return True
    return mode == role


def _compound_mode(entry: Entry) -> str:
    if entry.compound is not None:
        return entry.compound
    if entry.particle is not None or entry.lemma is None or " " in entry.lemma:
        return "none"
    return "any"


# words of letters, possibly joined or ended by hyphens ("lik-op-stuk", "zorg-"),
# separated by single spaces
_PLAIN_WORD = r"(?:[^\W\d_]+(?:-[^\W\d_]+)*-?|\.)"
_PLAIN_TERM = re.compile(rf"{_PLAIN_WORD}(?: {_PLAIN_WORD})*")


def analyse_term(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A lexicon term's (lowercased forms, lemmas), as the text's tokens get them.

    A term of words made of letters and hyphens, or of a full stop standing
    alone, separated by single spaces ("sociale cohesie", "lik-op-stuk",
    "zorg- en veiligheidshuis", ". sluiting ."), is one
    token per word in spaCy's Dutch tokenizer (its rules split a hyphen only
    between digits or when doubled, and no exception is made of letters and
    hyphens; tested against spaCy), so it is lemmatised directly, with the same
    call annotation makes, without loading spaCy: a re-profile from the cache
    needs no spaCy at all. Anything else ("COVID-19", "o.a.") goes through
    :func:`textscan.nlp.lemmatize_phrase`.
    """
    if _PLAIN_TERM.fullmatch(text):
        from textscan.lemmatizer import get_lemmatizer

        words = text.split(" ")
        lemmas = get_lemmatizer().lemmatize(words, attach_particles=False)
        return (
            tuple(w.lower() for w in words),
            tuple((lemma or w.lower()).lower() for lemma, w in zip(lemmas, words, strict=True)),
        )
    from textscan.nlp import lemmatize_phrase

    return lemmatize_phrase(text)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression that matches any of ``words``, as a trie of their letters.

    ``a(?:bc|x)`` rather than ``abc|ax``: at each place in a text the engine
    follows one branch per letter instead of trying every word in turn, so a
    search for thousands of words costs about as much as for a few.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


def merge_hits(sentences: Sequence[Sentence], *parts: Iterable[Hit]) -> list[Hit]:
    """Hits of separate :meth:`Matcher.match` calls (other lexicons) in one call's order.

    ``parts`` in the order of the matcher's lexicons. Within a sentence a
    match orders its hits by start and lexicon name, keeping the order in
    which they were found; a stable sort of the parts put end to end gives
    exactly that order.
    """
    place = {s.id: k for k, s in enumerate(sentences)}
    merged = [h for part in parts for h in part]
    merged.sort(key=lambda h: (place[h.sentence_id], h.start, h.lexicon))
    return merged


class _LazyClauses(Sequence[list[int]]):
    """A sentence's (hard, soft) clause numbers, worked out when first needed.

    Most sentences with a word that may start a candidate turn out to have no
    candidate that needs clauses (a separable verb, a verbal expression) and
    no hit whose negation is checked; they are then never divided.
    """

    __slots__ = ("_matcher", "_tokens", "_value")

    def __init__(self, matcher: Matcher, tokens: Sequence[Token]) -> None:
        self._matcher = matcher
        self._tokens = tokens
        self._value: tuple[list[int], list[int]] | None = None

    def _get(self) -> tuple[list[int], list[int]]:
        if self._value is None:
            self._value = self._matcher.clauses(self._tokens)
        return self._value

    def __getitem__(self, k: int) -> list[int]:  # type: ignore[override]
        return self._get()[k]

    def __iter__(self) -> Iterator[list[int]]:
        return iter(self._get())

    def __len__(self) -> int:
        return 2


# tables of the lexicons matched in this process, by lexicon hash (see Matcher._index_of)
_INDEXES: dict[str, tuple[object, _Index]] = {}
_INDEXES_MAX = 32


# ------------------------------------------------------- term variants kept on disk
#
# Building the bundled lexicons' tables analysed some 1,100 terms (tokeniser,
# lemmatiser and dictionary look-ups: 80-100 ms) before every cold run's first
# worker started. A term's variants (Matcher._variants) depend only on its text
# and on the tokeniser, lemmatiser and this module, so they are kept in a
# marshal file under the cache folder's tables/, named by the code and data
# they depend on; a term not in it is analysed and the file written anew.

_TERMS_VERSION = "1"
_TERMS_MAX = 200_000  # beyond this many kept terms the file starts again


class _TermMemo:
    """The kept variants of lexicon terms: ``(text, always_lemmatize) -> variants``."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.data: dict[tuple[str, bool], tuple[tuple[str, ...], ...]] = {}
        self.loaded = False
        self.added = 0

    def load(self) -> None:
        self.loaded = True
        try:
            self.path = _terms_path()
            blob = self.path.read_bytes()
            with collector_paused(kept=True):  # tuples of strings (no cycles), kept
                data = marshal.loads(blob)
        except (OSError, ValueError, EOFError, TypeError):
            return
        if isinstance(data, dict):
            self.data = data

    def get(self, key: tuple[str, bool]) -> tuple[tuple[str, ...], ...] | None:
        if not self.loaded:
            self.load()
        return self.data.get(key)

    def put(self, key: tuple[str, bool], variants: set[tuple[str, ...]]) -> None:
        if len(self.data) >= _TERMS_MAX:
            self.data.clear()
        self.data[key] = tuple(sorted(variants))
        self.added += 1

    def save(self) -> None:
        """Write the file if terms were added (atomically; an unwritable cache is left as it is)."""
        if not self.added or self.path is None:
            return
        self.added = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=self.path.name, suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(marshal.dumps(self.data))
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass


def _terms_path() -> Path:
    """Where the kept term variants of this code, lemma tables and tokenizer rules live."""
    from textscan.cache import _source_hash, installation_file
    from textscan.lemmatizer import tables_path
    from textscan.tokenizer import rules_path

    code = _source_hash("textscan.match", "textscan.nlp", "textscan.tokenizer", "textscan.model")
    parts = [_TERMS_VERSION, code, tables_path().name, rules_path().name]
    return installation_file("terms", parts, ".marshal")


def stale_terms() -> list[Path]:
    """Kept term variants of other code or data versions (left by an upgrade or an edit)."""
    from textscan.cache import stale_files

    return stale_files(_terms_path())


_TERMS = _TermMemo()


class Matcher:
    """Finds every lexicon entry in annotated sentences.

    ``lemmatize`` maps a phrase to its lemma sequence (entries go through the
    same pipeline as the text); ``is_known`` says whether a string is a Dutch
    word, for compound splitting. Both default to textscan's own.

    A lexicon's look-up tables are built the first time a call matches it
    (``only`` selects lexicons), so matching one edited lexicon builds only its
    tables; :meth:`prepare` builds them all at once.

    Example:
        >>> from textscan.lexicon import load_lexicons
        >>> from textscan.nlp import annotate_text
        >>> matcher = Matcher(load_lexicons())
        >>> sentences = annotate_text("Wij pakken de overlast samen met bewoners aan.")
        >>> [(h.lexicon, h.entry) for h in matcher.match(sentences, only={"framing"})]
        [('framing', 'aanpakken'), ('framing', 'samen-met')]
    """

    def __init__(
        self,
        lexicons: Sequence[Lexicon],
        *,
        lemmatize: Callable[[str], tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
        is_known: Callable[[str], bool] | None = None,
        is_verb: Callable[[str], bool] | None = None,
    ) -> None:
        from textscan.lemmatizer import SEPARABLE_PARTICLES, get_lemmatizer

        if lemmatize is None:
            lemmatize = analyse_term
        self._is_verb = is_verb or get_lemmatizer().is_verb
        self._particles = SEPARABLE_PARTICLES
        self.lexicons = list(lexicons)
        self._lemmatize = lemmatize
        self._is_known = is_known or get_lemmatizer().is_known
        self._own_tables = lemmatize is analyse_term and is_known is None and is_verb is None
        # each lexicon's tables, built when a call first matches it (see _ensure): a
        # re-profile that matches one edited lexicon builds only that one's
        self._indexes: list[_Index | None] = [None] * len(self.lexicons)
        self._everywhere = tuple(range(len(self.lexicons)))
        # lexicons a word may start a candidate of, by (lemma, form): most words recur
        self._lexicons_of_word: dict[tuple[str, str], tuple[int, ...]] = {}
        # the lexicons matched by a call (all, or those named in 'only'), see _selection
        self._selections: dict[frozenset[str] | None, _Selection] = {}
        # tables over the lexicons built so far (see _tables)
        self._parts: dict[str, list[tuple[int, list[Entry]]]] = {}
        self._part_heads: dict[str, list[int]] = {}
        self._heads_rx: re.Pattern[str] | None = None
        self._owners: dict[str, tuple[int, ...]] = {}
        self._pattern_heads: list[tuple[int, tuple[str, ...]]] = []
        self._split_cache: dict[str, dict[int, list[tuple[Entry, str, str]]]] = {}
        self._known_cache: dict[str, bool] = {}
        self._part_lemmas: dict[str, str] = {}

    # ------------------------------------------------------------------ index
    def _variants(self, text: str, *, always_lemmatize: bool = False) -> set[tuple[str, ...]]:
        """The lemma sequences an entry is indexed under.

        The entry as written, its tokenisation, and, word by word, the lemma of
        any word that is not itself a Dutch word (an entry written in an
        inflected form, "sociale cohesie"). A word that is a lemma stays as it
        is: lemmatised out of context, "jongere" would become "jong" and match
        "jonge kinderen". Separable verb stems are always lemmatised too
        ("pakken" as the text's tokens are), the particle guarding them.

        In an expression of several words, a participle before the last word
        ("georganiseerd", "ondermijnend": written uninflected, ending in -d or
        -t) is also indexed with the attributive -e it takes in running text
        ("georganiseerde criminaliteit"): the lemmatiser reads such a form
        as the verb ("organiseren"), which the entry does not hold.
        """
        if self._own_tables:
            kept = _TERMS.get((text, always_lemmatize))
            if kept is not None:
                return set(kept)
        out = self._analyse_variants(text, always_lemmatize)
        if self._own_tables:
            _TERMS.put((text, always_lemmatize), out)
        return out

    def _analyse_variants(self, text: str, always_lemmatize: bool) -> set[tuple[str, ...]]:
        forms, lemmas = self._lemmatize(text)
        raw = tuple(text.split())
        out = {v for v in (raw, forms) if v}
        if len(forms) == len(lemmas):
            mixed = tuple(
                lem if always_lemmatize or not self._is_known(form) else form
                for form, lem in zip(forms, lemmas, strict=True)
            )
            if mixed:
                out.add(mixed)
        for variant in list(out):
            inflectable = [
                i
                for i, w in enumerate(variant[:-1])
                if len(w) >= MIN_COMPOUND_ENTRY and w[-1] in "dt" and w.isalpha()
            ]
            for i in inflectable:
                out.add((*variant[:i], variant[i] + "e", *variant[i + 1 :]))
        return out

    def prepare(self) -> Matcher:
        """Build the tables of every lexicon now (before forking workers that share them)."""
        self._ensure(self._everywhere)
        return self

    def _ensure(self, positions: Iterable[int]) -> None:
        """Build the tables of the lexicons at ``positions`` that are not built yet."""
        missing = [p for p in positions if self._indexes[p] is None]
        if not missing:
            return
        for p in missing:
            lx = self.lexicons[p]
            idx = self._index_of(lx) if self._own_tables else self._build(lx)
            idx.position = p
            self._indexes[p] = idx
        _TERMS.save()
        self._tables()

    def _tables(self) -> None:
        """The look-up tables over every lexicon built so far; the word memos start again."""
        built = [idx for idx in self._indexes if idx is not None]
        # compound parts of every lexicon in one table, so each word is split once
        parts: dict[str, list[tuple[int, list[Entry]]]] = {}
        for idx in built:
            for part, entries in idx.parts.items():
                parts.setdefault(part, []).append((idx.position, entries))
        self._parts = parts
        # the lengths of the parts that start with each MIN_COMPOUND_ENTRY letters:
        # a word is looked up at a position only when some part starts there
        heads: dict[str, set[int]] = {}
        for part in parts:
            heads.setdefault(part[:MIN_COMPOUND_ENTRY], set()).add(len(part))
        self._part_heads = {k: sorted(v) for k, v in heads.items()}
        # one expression that finds, in C, every place in a word where one of those
        # beginnings starts (overlapping ones too): a word is looked up only there
        self._heads_rx = re.compile(f"(?=(?:{_trie_pattern(heads)}))") if heads else None
        # every word that starts a candidate, with the lexicons it starts one in
        # (compounds aside)
        owners: dict[str, set[int]] = {}
        for idx in built:
            for table in (idx.single, idx.multi, idx.separable, idx.verbal):
                for key in table:
                    owners.setdefault(key, set()).add(idx.position)
        self._owners = {k: tuple(sorted(v)) for k, v in owners.items()}
        self._pattern_heads = [
            (idx.position, idx.pattern_heads) for idx in built if idx.pattern_heads
        ]
        self._lexicons_of_word.clear()
        self._split_cache.clear()
        for selection in self._selections.values():
            selection.memo.clear()

    def _index_of(self, lexicon: Lexicon) -> _Index:
        """The lexicon's tables, built once per process for a lexicon object's contents.

        A re-profile in the same process (a notebook, or workers forked from a
        process that matched before) builds only the tables of an edited lexicon.
        The tables are read-only once built; each matcher gets its own copy of
        the small record holding them.
        """
        kept = _INDEXES.get(lexicon.sha256)
        if kept is None or kept[0] is not lexicon.spec:
            # keyed by the validated object too: phrase tables hold its entries' ids
            if len(_INDEXES) >= _INDEXES_MAX:
                _INDEXES.pop(next(iter(_INDEXES)))
            kept = _INDEXES[lexicon.sha256] = (lexicon.spec, self._build(lexicon))
        return replace(kept[1], lexicon=lexicon)

    def _build(self, lexicon: Lexicon) -> _Index:
        idx = _Index(lexicon, order={e.id: k for k, e in enumerate(lexicon.entries)})
        for e in lexicon.entries:
            if e.pattern is not None:
                words = e.pattern.split()
                idx.patterns.append((glob_regex(words[0]), len(words), e))
                continue
            assert e.lemma is not None  # guaranteed by the schema
            for variant in self._variants(e.lemma):
                if len(variant) == 1:
                    idx.single.setdefault(variant[0], []).append(e)
                else:
                    idx.multi.setdefault(variant[0], []).append((variant, e))
                    self._index_verbal(idx, variant, e)
            if e.particle is not None and e.verb_stem:
                for variant in self._variants(e.verb_stem, always_lemmatize=True):
                    if len(variant) == 1:
                        idx.separable.setdefault(variant[0], []).append(e)
            if _compound_mode(e) != "none" and len(e.lemma) >= MIN_COMPOUND_ENTRY:
                idx.parts.setdefault(e.lemma, []).append(e)
            for ex in (*e.exclude, *e.require):
                if ex.phrase:
                    idx.phrases.setdefault(id(ex), list(self._variants(ex.phrase)))
        for d in (idx.single, idx.separable, idx.parts):
            for k, v in d.items():
                d[k] = list(dict.fromkeys(v))
        if idx.patterns:
            heads = tuple(rx.pieces[0].split("?")[0].lower() for rx, _, _ in idx.patterns)
            idx.pattern_heads = heads if all(len(h) >= 2 for h in heads) else None
        return idx

    def _index_verbal(self, idx: _Index, seq: tuple[str, ...], entry: Entry) -> None:
        """Register an expression ending in a verb ("perspectief bieden") for split order.

        In a main clause the verb moves ("wij bieden jongeren perspectief",
        "roepen we de intimidatie een halt toe"): the rest of the expression
        must stand together, the verb anywhere in the same clause, and a verb
        with a separable particle ("toeroepen") needs its particle right after.
        """
        verb = seq[-1]
        if not self._is_verb(verb):
            return
        particle = next(
            (
                p
                for p in sorted(self._particles, key=len, reverse=True)
                if verb.startswith(p) and len(verb) > len(p) + 3 and self._is_verb(verb[len(p) :])
            ),
            None,
        )
        stem = verb[len(particle) :] if particle else verb
        head = seq[:-1]
        stems = {stem} | {v[0] for v in self._variants(stem, always_lemmatize=True) if len(v) == 1}
        for s in sorted(stems):
            idx.verbal.setdefault(head[0], []).append((head, s, particle, entry))

    # --------------------------------------------------------------- helpers
    def _part_lemma(self, part: str) -> str:
        """The lemma of one part of a hyphenated word, as the lemmatiser gives it alone."""
        hit = self._part_lemmas.get(part)
        if hit is None:
            from textscan.lemmatizer import get_lemmatizer

            hit = self._part_lemmas[part] = get_lemmatizer().lemma(part) or part
        return hit

    def known(self, word: str) -> bool:
        hit = self._known_cache.get(word)
        if hit is None:
            hit = (
                len(word) >= MIN_COMPOUND_REST
                and word not in _DERIVATIONAL
                and (self._is_known(word) or self._is_known_compound(word))
            )
            self._known_cache[word] = hit
        return hit

    def _is_known_compound(self, word: str) -> bool:
        # one level of recursion: "woninginbraak" = "woning" + "inbraak"
        for i in range(MIN_COMPOUND_REST, len(word) - MIN_COMPOUND_REST + 1):
            right = word[i:]
            if right in _DERIVATIONAL or not self._is_known(right):
                continue
            left = word[:i]
            for link in _LINKERS:
                if link and not left.endswith(link):
                    continue
                stem = left[: len(left) - len(link)] if link else left
                if len(stem) >= MIN_COMPOUND_REST and self._is_known(stem):
                    return True
        return False

    def _valid_left(self, left: str, piece_len: int, role: str) -> str | None:
        """The modifier before an entry without its linking element, if it is a word."""
        left = left.rstrip("-")
        for link in _LINKERS:
            if link and not left.endswith(link):
                continue
            stem = left[: len(left) - len(link)] if link else left
            if len(stem) < MIN_COMPOUND_REST or stem in _NOT_MODIFIERS:
                continue
            # a verb stem as modifier ("meld|punt" from melden): the infinitive must be
            # a word itself, not one read as a compound ("wethen" as wet + hen would
            # make "wet|h|ouder" of "wethouder")
            if self.known(stem) or self._is_known(stem + "en"):
                return stem
        # a long entry as head ("-bestrijding", "-aanpak") or between two parts
        # ("cyber|weerbaarheid|s|scan") makes a compound even when the modifier is
        # missing from the word list
        if role in ("head", "infix") and piece_len >= MIN_UNKNOWN_MODIFIER_HEAD and len(left) >= 4:
            return left
        return None

    def _valid_right(self, right: str) -> str | None:
        """The part after an entry, without a leading linking element, if it is a word."""
        if right in _DERIVATIONAL:  # "ondernemer|schap" is a derivation, not s + "chap"
            return None
        for link in _LINKERS:
            if link and not right.startswith(link):
                continue
            other = right[len(link) :].lstrip("-")
            if self.known(other):
                return other
        return None

    def split_compound(self, lemma: str, idx: _Index) -> list[tuple[Entry, str, str]]:
        """Entries of ``idx``'s lexicon found inside the compound ``lemma``.

        Returns (entry, role, other parts). The entry may be the head
        ("drugs|bestrijding"), the modifier ("handhavings|prioriteit") or stand
        between two parts ("verkeers|handhavings|plan"); the other parts must
        be Dutch words (after removing a linking -s-, -e- or -en-). The
        longest entry of each lexicon wins.
        """
        return self._split_all(lemma).get(idx.position, [])

    def _split_all(self, lemma: str) -> dict[int, list[tuple[Entry, str, str]]]:
        """:meth:`split_compound` for every lexicon at once (one pass per word, cached)."""
        cached = self._split_cache.get(lemma)
        if cached is not None:
            return cached
        found: dict[int, list[tuple[Entry, str, str]]] = {}
        if self._heads_rx is None:
            return found
        best: dict[int, int] = {}
        n = len(lemma)
        valid: dict[tuple[int, int, str], str | None] = {}
        heads = self._part_heads
        for place in self._heads_rx.finditer(lemma):  # most words: none
            i = place.start()
            if 0 < i < MIN_COMPOUND_REST:
                continue
            sizes = heads.get(lemma[i : i + MIN_COMPOUND_ENTRY])
            if sizes is None:
                continue
            for size in sizes:
                j = i + size
                if j > n:
                    break
                if i == 0 and j == n:
                    continue
                owners = self._parts.get(lemma[i:j])
                if not owners:
                    continue
                left, right = lemma[:i], lemma[j:]
                role = "head" if not right else "modifier" if not left else "infix"
                key = (i, j, role)
                if key not in valid:
                    others: list[str] = []
                    ok = True
                    if left:
                        stem = self._valid_left(left, size, role)
                        ok = stem is not None
                        if stem is not None:
                            others.append(stem)
                    if ok and right:
                        other = self._valid_right(right)
                        ok = other is not None
                        if other is not None:
                            others.append(other)
                    valid[key] = "+".join(others) if ok else None
                joined = valid[key]
                if joined is None:
                    continue
                for position, entries in owners:
                    if size < best.get(position, 0):
                        continue
                    allowed = [e for e in entries if _role_allowed(e, role)]
                    if not allowed:
                        continue
                    if size > best.get(position, 0):
                        found[position], best[position] = [], size
                    found[position].extend((e, role, joined) for e in allowed)
        if len(self._split_cache) > SPLIT_CACHE_LIMIT:
            self._split_cache.clear()
        self._split_cache[lemma] = found
        return found

    # ---------------------------------------------------------------- clauses
    @staticmethod
    def verb_like(token: Token) -> bool:
        """A finite verb or participle, judged from its form and lemma (no tagger)."""
        low = token.text.lower()
        if low in _FINITE_HINTS:
            return True
        lem = token.lemma
        return lem != low and lem.endswith("en") and not low.endswith("en") and token.is_word

    def clauses(self, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
        """Hard and soft clause numbers of each token.

        Hard boundaries: semicolons, colons, brackets, dashes, subordinating
        words, "om ... te", a coordinator after a comma or followed by a
        subject pronoun or a verb. Soft boundaries: the hard ones and commas.
        A bracketed insertion is a clause of its own, and the words after it
        are in the clause before it again ("we pakken (in Europees verband) de
        marktmacht aan"). An apostrophe inside a word ("zzp’ers") is no
        boundary, nor are "als", "zoals" and "sinds" when neither a subject
        pronoun nor, before the next punctuation, a verb follows them: then
        they open a phrase, not a clause
        ("wij treden als gemeente streng op", "sinds 2020"). After a complete
        subordinate clause, a singular finite verb that follows a word outside
        its verb cluster starts the main clause ("tegen landen die niet
        meewerken aan terugkeer wordt opgetreden"); after an "om ... te"
        clause's infinitive, such a verb goes on with the clause around it
        ("de inzet van algoritmen om fraude op te sporen is niet
        toegestaan"). Numbers identify clauses; they are not in order.
        """
        hard: list[int] = []
        soft: list[int] = []
        h = s = 0
        fresh = 0  # the last number given to a clause
        outer: list[tuple[int, int]] = []  # the clauses around open brackets
        n = len(tokens)
        # inside a subordinate clause: None outside one, else whether its verb was seen
        sub_verb: bool | None = None
        # the clause numbers around an "om ... te" clause, while it is open
        before_om: tuple[int, int] | None = None
        for i, t in enumerate(tokens):
            low = t.text.lower()
            is_hard = False
            is_soft = False
            if (
                before_om is not None
                and low in _MAIN_CLAUSE_VERBS
                and i >= 2
                and tokens[i - 2].text.lower() == "te"
                and self._verbal_word(tokens[i - 1])
            ):
                # "om ... te" ends with its infinitive: a finite verb after it is the
                # clause's around it again ("de inzet van algoritmen om fraude op te
                # sporen is niet langer toegestaan": "niet" is not in the om-clause)
                h, s = before_om
                before_om = None
                hard.append(h)
                soft.append(s)
                continue
            if (
                sub_verb
                and low in _MAIN_CLAUSE_VERBS
                and t.is_word
                and i > 0
                and tokens[i - 1].is_word
                and not self._verbal_word(tokens[i - 1])
                and tokens[i - 1].text.lower() not in _CLUSTER_WORDS
            ):
                # the subordinate clause before it is complete: "tegen landen die niet
                # meewerken aan terugkeer wordt opgetreden" (the main clause's verb)
                fresh += 1
                h = s = fresh
                hard.append(h)
                soft.append(s)
                sub_verb = None
                continue
            if sub_verb is not None and t.is_word and self._verbal_word(t):
                sub_verb = True
            if low == "(" and i > 0:
                outer.append((h, s))
                fresh += 1
                h = s = fresh
                hard.append(h)
                soft.append(s)
                continue
            if low == ")" and outer:
                hard.append(h)
                soft.append(s)
                h, s = outer.pop()
                continue
            if t.is_punct or not t.is_word:
                if low == ",":
                    is_soft = True
                elif low in _APOSTROPHES and _attached(tokens, i):
                    pass  # "zzp’ers", "auto’s": part of the word
                elif t.is_punct and all(c in _HARD_PUNCT or c == "." for c in low):
                    is_hard = True
            elif (
                low in _SUBORDINATORS
                and i > 0
                and (
                    low not in _PHRASE_SUBORDINATORS
                    or (i + 1 < n and tokens[i + 1].text.lower() in _SUBJECT_PRONOUNS)
                    or self._verb_follows(tokens, i)
                )
            ) or (
                low == "om"
                and any(tokens[k].text.lower() == "te" for k in range(i + 1, min(n, i + 8)))
            ):
                is_hard = True
                sub_verb = False if low not in ("want", "maar", "om") else None
            elif low in _COORDINATORS and i + 1 < n:
                nxt = tokens[i + 1]
                # ", en ..." joins two main clauses; without a comma only a subject
                # pronoun or a verb after the coordinator shows a new clause
                after_comma = i > 0 and tokens[i - 1].text == ","
                if after_comma or nxt.text.lower() in _SUBJECT_PRONOUNS or self.verb_like(nxt):
                    is_hard = True
            if is_hard:
                before_om = (h, s) if low == "om" and t.is_word else None
                fresh += 1
                h = s = fresh
                if not (t.is_word and low in _SUBORDINATORS):
                    sub_verb = None
            elif is_soft:
                fresh += 1
                s = fresh
                sub_verb = None
            hard.append(h)
            soft.append(s)
        return hard, soft

    # --------------------------------------------------------------- matching
    def _active(self, tokens: Sequence[Token], selection: _Selection) -> list[list[int]]:
        """For each lexicon, the words where it may start a candidate (checked once for all).

        A word is passed over for a lexicon only when neither its lemma nor its
        form starts an entry, expression or separable verb of that lexicon, no
        entry of it lies inside the word as a compound part, the word does not
        begin with the literal start of one of its glob patterns, and the word
        has no hyphen. Only the lexicons of ``selection`` are looked at: a
        re-profile that matches one edited lexicon skips, for most sentences,
        everything but this look-up of each word.
        """
        memo = self._memo(selection)
        active: list[list[int]] = [[] for _ in self._everywhere]
        for i, t in enumerate(tokens):
            if not t.is_word:
                continue
            # keyed by the form as written: no lowercasing of every word
            found = memo.get((t.lemma, t.text))
            if found is None:
                found = self._word_positions(selection, t.lemma, t.text)
            for position in found:
                active[position].append(i)
        return active

    def _memo(self, selection: _Selection) -> dict[tuple[str, str], tuple[int, ...]]:
        """The selection's word memo, emptied first when it has grown too large."""
        if len(selection.memo) > _WORD_MEMO_LIMIT:
            selection.memo.clear()
        if len(self._lexicons_of_word) > _WORD_MEMO_LIMIT:
            self._lexicons_of_word.clear()
        return selection.memo

    def _word_positions(self, selection: _Selection, lemma: str, text: str) -> tuple[int, ...]:
        """The selected lexicons a word may start a candidate of (kept in the selection's memo)."""
        key = (lemma, text.lower())
        found = self._lexicons_of_word.get(key)
        if found is None:
            found = self._lexicons_of_word[key] = self._lexicons_of(*key)
        if found and selection.positions is not None:
            found = tuple(p for p in found if p in selection.positions)
        selection.memo[(lemma, text)] = found
        return found

    def _classify(self, selection: _Selection, keys: list[tuple[str, str]]) -> None:
        """:meth:`_word_positions` of many (lemma, form) pairs, into the selection's memo.

        Most words start no candidate: their lemma and lowercase form are no
        lexicon's key, they hold no hyphen, start no pattern and contain no
        beginning of a compound part. Those are found for all ``keys`` at
        once, by set look-ups and one search of all the lemmas joined, and
        get an empty tuple; only the others (about one in ten) are worked out
        word by word. The same memo as asking each word in turn.
        """
        if not keys:
            return
        owners = self._owners
        lemmas = [k[0] for k in keys]
        lows = [k[1].lower() for k in keys]
        heads = tuple(h for _p, hs in self._pattern_heads for h in hs)
        maybe = {
            i
            for i, (lem, low) in enumerate(zip(lemmas, lows, strict=True))
            if lem in owners
            or low in owners
            or "-" in lem
            or "-" in low
            or (heads and low.startswith(heads))
        }
        rx = self._heads_rx
        if rx is not None:
            # the lemmas _split_all looks into, one per line: a part's beginning never
            # holds a newline, so each place the expression finds lies in one lemma
            sized = [
                i
                for i, lem in enumerate(lemmas)
                if MIN_COMPOUND_WORD <= len(lem) <= MAX_COMPOUND_LEN
            ]
            joined = "\n".join([lemmas[i] for i in sized]) + "\n"
            ends = list(accumulate(len(lemmas[i]) + 1 for i in sized))  # after each newline
            at = 0
            search = rx.search
            while (m := search(joined, at)) is not None:
                k = bisect_right(ends, m.start())
                maybe.add(sized[k])
                at = ends[k]
        selection.memo.update(zip(keys, repeat(())))
        for i in maybe:
            self._word_positions(selection, *keys[i])

    def sentences_to_match(
        self,
        lemmas: Sequence[str],
        texts: Sequence[str],
        is_word: Sequence[bool],
        bounds: Sequence[int],
        only: Collection[str] | None = None,
    ) -> list[int]:
        """Which sentences can hold a hit of the lexicons in ``only`` (default all).

        The sentences are given as flat token columns (the lemma, form and
        word flag of every token of a document in reading order) with
        ``bounds``, the index of each sentence's first token and the number of
        tokens at the end. A sentence is left out when none of its words can
        start a candidate (the test :meth:`match` makes before it looks at a
        sentence), so matching only the sentences returned gives the same hits
        as matching all of them, without building the others' tokens first.
        All sentences are returned when a lexicon has a glob pattern that can
        start at any word.
        """
        n = len(bounds) - 1
        selection = self._selection(only)
        if selection.everywhere:
            return list(range(n))
        memo = self._memo(selection)
        words = dict.fromkeys(compress(zip(lemmas, texts, strict=True), is_word))
        self._classify(selection, [key for key in words if key not in memo])
        out: list[int] = []
        k = 0  # the sentence of token i
        nxt = bounds[1] if n > 0 else 0
        for i, (lemma, text, word) in enumerate(zip(lemmas, texts, is_word, strict=True)):
            if i >= nxt:
                while bounds[k + 1] <= i:
                    k += 1
                nxt = bounds[k + 1]
            if word and not (out and out[-1] == k) and memo[(lemma, text)]:
                out.append(k)  # (every word is in the memo: sorted above)
        return out

    def sentences_to_match_in(
        self, vocabulary: WordVocabulary, only: Collection[str] | None = None
    ) -> list[int]:
        """:meth:`sentences_to_match` for a document given as a :class:`WordVocabulary`.

        Each distinct word is looked at once, and the sentences that hold one
        that may start a candidate are found by numpy from the tokens' word
        numbers, not by a loop over every token. The same sentences.
        """
        import numpy as np

        selection = self._selection(only)
        if selection.everywhere:
            return list(range(vocabulary.sentences))
        memo = self._memo(selection)
        self._classify(selection, [key for key in vocabulary.words if key not in memo])
        flags = np.zeros(len(vocabulary.words) + 1, dtype=np.uint8)  # last: not a word
        flags[:-1] = list(map(bool, map(memo.__getitem__, vocabulary.words)))
        if not flags.any() or vocabulary.filled.size == 0:
            return []
        hit = np.maximum.reduceat(flags[vocabulary.ids], vocabulary.starts)
        return vocabulary.filled[hit > 0].tolist()  # type: ignore[no-any-return]

    def _selection(self, only: Collection[str] | None) -> _Selection:
        """The indexes to match for ``only`` (all when None), with their word memo."""
        key = None if only is None else frozenset(only)
        found = self._selections.get(key)
        if found is None:
            if len(self._selections) >= 16:
                self._selections.clear()
            wanted = [p for p, lx in enumerate(self.lexicons) if key is None or lx.name in key]
            self._ensure(wanted)
            indexes = [idx for idx in self._indexes if idx is not None and idx.position in wanted]
            found = self._selections[key] = _Selection(
                indexes=indexes,
                positions=None if key is None else frozenset(wanted),
                everywhere=any(idx.patterns and idx.pattern_heads is None for idx in indexes),
                memo={},
            )
        return found

    def _lexicons_of(self, lem: str, low: str) -> tuple[int, ...]:
        """The lexicons (positions) a word with this lemma and form may start a candidate of."""
        if "-" in lem or "-" in low:
            return tuple(self._everywhere)
        owners = self._owners
        by_lemma = owners.get(lem)
        by_form = owners.get(low) if low != lem else None
        split = self._split_all(lem) if MIN_COMPOUND_WORD <= len(lem) <= MAX_COMPOUND_LEN else None
        patterns = [p for p, heads in self._pattern_heads if low.startswith(heads)]
        if not (by_lemma or by_form or split or patterns):
            return ()  # most words: no set to build
        found: set[int] = set(by_lemma or ())
        found.update(by_form or ())
        found.update(split or ())
        found.update(patterns)
        return tuple(sorted(found))

    def _candidates(
        self,
        tokens: Sequence[Token],
        clauses: Clauses,
        idx: _Index,
        lemmas: list[str],
        lowers: list[str],
        active: Sequence[int] | None = None,
    ) -> list[_Candidate]:
        lx = idx.lexicon
        n = len(tokens)
        out: list[_Candidate] = []
        multi, single, separable = idx.multi, idx.single, idx.separable
        # only the active words, unless a glob pattern starts with a wildcard
        # ("*bestrijding" can start at any word)
        full_scan = active is None or (idx.patterns and idx.pattern_heads is None)
        for i in range(n) if full_scan else active:
            if not tokens[i].is_word:
                continue
            lem, low = lemmas[i], lowers[i]
            # multi-word expressions on lemmas or forms
            for key in (lem, low) if lem != low else (lem,):
                for seq, e in multi.get(key, ()):
                    k = len(seq)
                    if i + k <= n and all(
                        seq[j] in (lemmas[i + j], lowers[i + j]) for j in range(k)
                    ):
                        out.append(_Candidate(lx, e, tuple(range(i, i + k)), "phrase"))
            for key in (lem, low) if lem != low else (lem,):
                for head, verb, particle, e in idx.verbal.get(key, ()):
                    found = self._verbal(tokens, clauses, lemmas, lowers, i, head, verb, particle)
                    if found is not None:
                        out.append(_Candidate(lx, e, found, "phrase"))
            direct = single.get(lem) or single.get(low)
            if direct:
                out.extend(_Candidate(lx, e, (i,), "lemma") for e in direct)
            elif low.endswith("-") and i + 2 < n and lowers[i + 1] in _ELLIPSIS_JOINERS:
                out.extend(self._truncated_part(lx, single, i, low[:-1], lowers[i + 2]))
            elif MIN_COMPOUND_WORD <= len(lem) <= MAX_COMPOUND_LEN:
                word = lem.strip("-")
                split = self.split_compound(word, idx)
                for e, _role, other in split:
                    out.append(_Candidate(lx, e, (i,), "compound", other))
                # hyphenated compound: "drugs-bestrijding", "lik-op-stuk-aanpak"; also
                # one whose lemma was written closed ("e-participatie", "ggz-zorg")
                hyphenated = word if "-" in word or split else low.strip("-")
                if "-" in hyphenated:
                    parts = [p for p in hyphenated.split("-") if p]
                    if hyphenated is not word:
                        parts = [self._part_lemma(p) for p in parts]
                    for p in parts:
                        others = "-".join(q for q in parts if q != p)
                        direct_part = single.get(p, ())
                        for e in direct_part:
                            if _compound_mode(e) != "none":
                                out.append(_Candidate(lx, e, (i,), "compound", others))
                        if not direct_part and len(p) >= MIN_COMPOUND_WORD and len(parts) > 1:
                            # a part that is a compound itself ("e-participatietool")
                            for e, _role, other in self.split_compound(p, idx):
                                joined = f"{others}-{other}" if other else others
                                out.append(_Candidate(lx, e, (i,), "compound", joined))
            # separable verbs: stem ... particle in the same clause
            for e in separable.get(lem, ()):
                part = self._find_particle(tokens, clauses, i, e.particle or "")
                if part is not None:
                    out.append(_Candidate(lx, e, tuple(sorted((i, part))), "separable"))
            for rx, k, e in idx.patterns:
                # a case-sensitive pattern ("OM") is matched against the words as written,
                # and not in a line set in capitals ("EEN LAND OM IN TE WONEN")
                written = e.case_sensitive
                if rx.match(tokens[i].text if written else low) and not (
                    written and _in_capitals(tokens)
                ):
                    rest = (e.pattern or "").split()[1:]
                    if i + k <= n and all(
                        glob_regex(w).match(
                            tokens[i + 1 + j].text if written else lowers[i + 1 + j]
                        )
                        for j, w in enumerate(rest)
                    ):
                        out.append(_Candidate(lx, e, tuple(range(i, i + k)), "pattern"))
        return out

    def _truncated_part(
        self, lx: Lexicon, single: dict[str, list[Entry]], i: int, stem: str, head: str
    ) -> list[_Candidate]:
        """A compound's first part written once for two: "zorg- en veiligheidshuis".

        The part before the hyphen is a modifier of the compound whose head is
        written after the conjunction (zorghuis and veiligheidshuis,
        "preventie- en handhavingsbeleid", "handhavings- en toezichtstaken"),
        so it counts as in a compound; the head of the next conjunct's word
        (its longest known ending: "huis" of "veiligheidshuis") is the
        compound's other part for the entry's exclusions.
        """
        head = next((head[k:] for k in range(1, len(head) - 3) if self._is_known(head[k:])), head)
        for part in (stem, stem[:-1] if stem.endswith("s") and len(stem) > 4 else ""):
            if not part:
                continue
            entries = single.get(part) or single.get(self._part_lemma(part)) or []
            found = [
                _Candidate(lx, e, (i,), "compound", head)
                for e in entries
                if _role_allowed(e, "modifier")
            ]
            if found:
                return found
        return []

    @staticmethod
    def _verbal(
        tokens: Sequence[Token],
        clauses: Clauses,
        lemmas: list[str],
        lowers: list[str],
        i: int,
        head: tuple[str, ...],
        verb: str,
        particle: str | None,
    ) -> tuple[int, ...] | None:
        """Token indices of a verbal expression with its verb moved, or None."""
        n, k = len(tokens), len(head)
        if i + k > n or not all(head[j] in (lemmas[i + j], lowers[i + j]) for j in range(k)):
            return None
        span = list(range(i, i + k))
        if particle is not None:
            if i + k >= n or lowers[i + k] != particle:
                return None
            span.append(i + k)
        hard = clauses[0]
        best: int | None = None
        for j in range(n):
            if hard[j] != hard[i] or j in span:
                continue
            if verb in (lemmas[j], lowers[j]) and (best is None or abs(j - i) < abs(best - i)):
                best = j
        if best is None:
            return None
        return tuple(sorted((*span, best)))

    @staticmethod
    def _is_infinitive(lemma: str) -> bool:
        """The default lemmatiser's verb test, for the class-level particle search."""
        from textscan.lemmatizer import get_lemmatizer

        return get_lemmatizer().is_verb(lemma)

    @classmethod
    def _find_particle(
        cls,
        tokens: Sequence[Token],
        clauses: Clauses,
        verb: int,
        particle: str,
    ) -> int | None:
        hard, soft = clauses
        n = len(tokens)
        # main clause order: verb ... particle; over a comma only while no other
        # verb intervenes ("werken horeca, gemeente en politie samen")
        crossed = False
        k = verb
        while k + 1 < n:
            k += 1
            if tokens[k].text == "(":  # an insertion: the clause goes on after it
                close = next((j for j in range(k + 1, n) if tokens[j].text == ")"), None)
                if close is not None and close + 1 < n and hard[close + 1] == hard[verb]:
                    k = close
                    continue
            if hard[k] != hard[verb]:
                break
            if soft[k] != soft[verb]:
                crossed = True
            if tokens[k].text.lower() == particle:
                nxt = tokens[k + 1].text.lower() if k + 1 < n else ""
                if nxt in _PHRASE_STARTERS or (k + 1 < n and tokens[k + 1].like_num):
                    continue  # "tegen de regels": a preposition, not the particle
                if (
                    tokens[k - 1].text == ","
                    and k + 1 < n
                    and tokens[k + 1].is_word
                    and (nxt not in _PREPOSITIONS or (particle, nxt) == ("samen", "met"))
                ):
                    # "pakken het gericht aan, in nauwe samenwerking": after a comma and
                    # before a word it opens a phrase ("..., samen met de buurt, aan." is
                    # the particle: nothing follows it; so it is before a preposition,
                    # which no phrase opens with: "treedt, met de boa's, op tegen";
                    # but "samen met" is one: "door hard te werken, samen met mensen")
                    continue
                if nxt in _OBJECT_PRONOUNS:
                    continue  # "sluit naadloos op elkaar aan"
                if nxt == "te" and k + 2 < n and cls._is_infinitive(particle + tokens[k + 2].lemma):
                    continue  # "tegen te houden": the particle of the verb after "te"
                if any(
                    tokens[j].is_word
                    and tokens[j].text.lower().endswith("en")
                    and tokens[j - 1].text.lower() in _VERB_OPENERS
                    and not any(tokens[i].text.lower() in _PREPOSITIONS for i in range(verb + 1, j))
                    and cls._is_infinitive(particle + tokens[j].text.lower())
                    for j in range(verb + 1, k)
                ):
                    # "we doen voorstellen en besturen graag mee": a verb after "en"
                    # takes the particle (meebesturen), not "doen"; a noun does not,
                    # nor one coordinated in a phrase ("werken met de politie en
                    # scholen samen" is no samenscholen)
                    return None
                return k
            if crossed and cls.verb_like(tokens[k]):
                break
        # end of a clause: "aan te pakken", "mee te laten denken", "samen werken"
        k = verb - 1
        while k >= 0 and verb - k <= 4 and tokens[k].text.lower() in _VERB_CLUSTER:
            k -= 1
        if k >= 0 and tokens[k].text.lower() == particle and hard[k] == hard[verb]:
            if (
                particle == "om"
                and tokens[k + 1].text.lower() == "te"
                and not _om_particle(tokens, k)
            ):
                return None  # "interessant om te kijken naar de cijfers": "om ... te"
            return k
        return None

    def _excluded(
        self, cand: _Candidate, lemmas: list[str], lowers: list[str], idx: _Index
    ) -> bool:
        if not cand.entry.exclude:
            return False
        first, last = cand.first, cand.last
        before = (lemmas[first - 1], lowers[first - 1]) if first > 0 else ("", "")
        for ex in cand.entry.exclude:
            if ex.unless_preceded_by and (
                before[0] in ex.unless_preceded_by or before[1] in ex.unless_preceded_by
            ):
                continue
            if self._exclusion_applies(ex, cand, lemmas, lowers, first, last, idx):
                return True
        return False

    def _required(
        self, cand: _Candidate, lemmas: list[str], lowers: list[str], idx: _Index
    ) -> bool:
        """Whether every ``require`` condition of the candidate's entry holds."""
        first, last = cand.first, cand.last
        return all(
            self._exclusion_applies(cond, cand, lemmas, lowers, first, last, idx)
            for cond in cand.entry.require
        )

    @staticmethod
    def _exclusion_applies(
        ex: Exclusion,
        cand: _Candidate,
        lemmas: list[str],
        lowers: list[str],
        first: int,
        last: int,
        idx: _Index,
    ) -> bool:
        n = len(lemmas)
        if ex.form is not None:
            return any(lowers[t] in ex.form for t in cand.tokens)
        if ex.followed_by is not None:
            j = last + 1
            return j < n and (lemmas[j] in ex.followed_by or lowers[j] in ex.followed_by)
        if ex.preceded_by is not None:
            j = first - 1
            return j >= 0 and (lemmas[j] in ex.preceded_by or lowers[j] in ex.preceded_by)
        if ex.context is not None:
            lo, hi = max(0, first - ex.window), min(n, last + ex.window + 1)
            return any(
                (
                    lemmas[j] in ex.context
                    or lowers[j] in ex.context
                    # the head of a hyphenated compound: "N-wegen" is a kind of weg
                    or ("-" in lowers[j] and any(f in ex.context for f in _head_forms(lowers[j])))
                )
                for j in range(lo, hi)
                if j not in cand.tokens
            )
        if ex.particle_at_end is not None:
            # the clause ends before punctuation or a word that opens a clause; the
            # particle is its last word or stands before a phrase moved after it
            # ("sluit niet aan bij de praktijk")
            end = last + 1
            while end < n and lowers[end][:1].isalpha() and lowers[end] not in _CLAUSE_OPENERS:
                end += 1
            return any(
                lowers[j] in ex.particle_at_end and (j == end - 1 or lowers[j + 1] in _PREPOSITIONS)
                for j in range(last + 1, end)
            )
        if ex.compound_part is not None:
            other = cand.compound_other
            if other is None:
                return False
            return any(
                other == p or other.endswith(p) or other.startswith(p) for p in ex.compound_part
            )
        if ex.phrase is not None:
            for seq in idx.phrases.get(id(ex), ()):
                k = len(seq)
                head = seq[0]
                for s in range(max(0, first - k + 1), min(first, n - k) + 1):
                    if head != lemmas[s] and head != lowers[s]:
                        continue  # most starts fail here, before the full comparison
                    if all(seq[j] in (lemmas[s + j], lowers[s + j]) for j in range(k)) and (
                        (s <= first and last <= s + k - 1) or s <= first <= s + k - 1
                    ):
                        return True
            return False
        return False

    def negation(
        self,
        tokens: Sequence[Token],
        clauses: Clauses,
        cand_tokens: Iterable[int],
    ) -> str | None:
        """The negator governing a match in its own clause (codebook rule 5), or None.

        The clause ends at a comma or a hard boundary. "niet" and "nooit" negate
        their whole clause ("wij pakken de overlast niet aan"); "geen" and
        "noch" what follows them in it ("er is geen sprake van repressie");
        "zonder" only the phrase it opens, which ends at a preposition, a
        conjunction or a verb ("zonder helm op een snorfiets"), and the whole
        clause of "zonder dat". "niet alleen/enkel/uitsluitend" (… maar ook),
        "X alleen is niet", "niet langer alleen", "zich niet beperken tot",
        "niet zonder", "niet altijd", "niet elke", "niet in alle", "niet
        genoeg", "nooit eerder", "al dan niet" do not deny the expression, nor does "niet"
        before a verb that itself denies its te-infinitive ("wij vergeten niet
        de bewoners te betrekken", "laten niet na op te treden"), nor does a negator
        in another conjunct ("aparte zorg krijgen en niet onnodig worden
        opgepakt", "niet met boetes maar met bemiddeling"); "en" and "of"
        between two nouns keep both under one negator ("niet voor een verbod
        of een boete"), and so does a comma-separated list ("geen
        cameratoezicht, preventief fouilleren of controles"). "niet" before a
        phrase that "maar" contrasts denies that phrase only ("wij pakken niet
        de jongeren aan, maar de criminelen"). A noun expression before
        "niet" or "nooit" stands outside its scope ("nazorg mag niet vergeten
        worden", "mogen de kwaliteit van de zorg niet onder druk zetten"),
        unless the negated predicate judges it ("repressie werkt (op de lange
        termijn) niet", "handhaving is niet nodig", "een gebiedsverbod komt er
        niet", "voorlichting verzorgen wij niet") or the clause's verb takes a
        stance on it ("landen die het Strafhof niet erkennen"); a noun naming
        the setting ("marktwerking in de zorg werkt niet") is never judged.
        After "niet", a verb that would harm the noun leaves it standing ("we
        bezuinigen niet op de zorg", "het ontbreekt niet aan hulp"), and so does
        "geen" before a harm with the noun in a phrase after it ("geen
        vertraging in de aanpak", "geen boete voor de steun"; _SPARING_NOUNS).
        An "om ... te" clause is a clause of its own: "niet" after it does not
        reach into it ("om fraude op te sporen is niet toegestaan").
        """
        _, soft = clauses
        toks = sorted(cand_tokens)
        first = toks[0]
        c = soft[first]
        n = len(tokens)
        start = first
        while start > 0 and soft[start - 1] == c:
            start -= 1
        # "zonder dat" denies the clause it opens; "niet dat" does not ("wij
        # geloven niet dat een boete helpt": rule 5 asks for the expression's own
        # clause, and "niet" stands in the main clause)
        if (
            start > 0
            and tokens[start].text.lower() == "dat"
            and tokens[start - 1].text.lower() == "zonder"
        ):
            return "zonder"
        if start > 0 and tokens[start].text.lower() == "om" and first > start:
            # "wij zien geen aanleiding om preventief fouilleren in te voeren"
            denied = _no_need_before(tokens, start)
            if denied is not None and not _ends_it(tokens, soft, c):
                return denied
            # "geen aanleiding om de dialoog te beëindigen": the dialogue goes on
        for k in range(n):
            if soft[k] != c or k in toks:
                continue
            low = _plain(tokens[k].text.lower())  # "níet", "géén": stressed in writing
            if low not in NEGATORS:
                continue
            nxt = tokens[k + 1].text.lower() if k + 1 < n else ""
            if low == "niet" and (nxt in _NOT_ONLY or nxt in _NOT_NEGATING_NEXT):
                continue
            if (
                low == "niet"
                and k >= 2
                and tokens[k - 1].text.lower() == "dan"
                and tokens[k - 2].text.lower() == "al"
            ):
                continue  # "al dan niet in combinatie met mediation": whether or not
            if (
                low == "niet"
                and nxt in _PREPOSITIONS
                and k + 2 < n
                and tokens[k + 2].text.lower() in ("iedereen", "alle", "elke", "ieder", "iedere")
            ):
                continue  # "werkt niet voor iedereen", "niet in alle wijken": not everywhere
            if (
                low == "niet"
                and nxt in ("langer", "meer")
                and k + 2 < n
                and tokens[k + 2].text.lower() in _NOT_ONLY
            ):
                continue  # "niet langer alleen ..., maar ook"
            if (low in ("niet", "nooit") and nxt == "zonder") or (
                low == "zonder" and k > 0 and tokens[k - 1].text.lower() in ("niet", "nooit")
            ):
                continue  # "niet zonder samenwerking": two negations affirm
            if low == "nooit" and nxt in _NOT_NEGATING_NEXT:
                continue
            if low == "niet" and _te_scope(tokens, k, toks):
                continue  # "een niet te onderschatten rol in de preventie"
            if (
                low in ("niet", "nooit")
                and k < first
                and any(tokens[j].text.lower() == "tot" for j in range(k + 1, first))
                and any(soft[j] == c and tokens[j].lemma == "beperken" for j in range(n))
            ):
                continue  # "dat beperkt zich niet tot de lessen burgerschap": not only
            if low == "zonder" and nxt in _EMPHATIC_ZONDER:
                continue  # "panden worden zonder uitzondering gesloten": all of them
            if (
                low in _FORWARD_NEGATORS
                and k + 1 < first
                and _in_setting(tokens, first, ("in", "binnen"))
            ):
                # "krijgen geen kans meer in de zorg", "geen vertrouwen in de aanpak": the
                # chance, the trust is denied ("geen rol bij het signaleren" denies the role
                # in the act)
                continue
            if low in _FORWARD_NEGATORS and k + 1 < first and _spared_by(tokens, k, first):
                continue  # "geen vertraging in de aanpak": the delay is denied, not the aanpak
            if low in ("niet", "nooit") and _denied_denial(tokens, soft, c, k, toks):
                continue  # "wij vergeten niet de bewoners te betrekken": two denials affirm
            if (
                k > toks[-1]
                and toks[-1] + 1 < n
                and tokens[toks[-1] + 1].text.lower() in _NOT_ONLY
                and low in ("niet", "nooit", "geen")
            ):
                continue  # "repressie alleen is niet de oplossing": not only
            if low == "niet":
                end = self._contrasted(tokens, k)
                if end < n and not all(k < t < end for t in toks):
                    # "niet de politie maar de zorg doet de eerste opvang", "wij pakken
                    # niet de jongeren aan, maar de criminelen": only the phrase is denied
                    continue
            if low in _PHRASE_NEGATORS:
                if k > first:
                    continue
                end = k + 1
                while (
                    end < n
                    and end - k <= 5
                    and tokens[end].is_word
                    and tokens[end].text.lower() not in _PHRASE_END
                    # a match inside the phrase stays in it ("zonder toezicht"), unless it
                    # is the verb after it ("zonder wachtlijst ondersteund")
                    and (
                        (end in toks and not self.verb_like(tokens[end]))
                        or not self._verbal_word(tokens[end])
                    )
                ):
                    end += 1
                if first >= end:
                    continue
            elif low in _FORWARD_NEGATORS and k > toks[-1]:
                # "geen"/"noch" deny what follows them: some part must stand
                # after ("de wijkagent houdt geen toezicht meer"), unless what
                # follows judges the noun before ("een samenscholingsverbod is
                # geen optie")
                if not (
                    self._nominal(tokens, toks) and self._judged(tokens, soft, k, toks[-1])
                ) or _in_setting(tokens, first):
                    continue  # "bij de handhaving van de APV zetten we geen boa's in"
            elif (
                k > toks[-1]
                and self._nominal(tokens, toks)
                and (_in_setting(tokens, first) or not self._judged(tokens, soft, k, toks[-1]))
            ):
                continue  # "de kwaliteit van de zorg niet verbetert", "in de zorg werkt niet"
            elif (
                k < first
                and low in ("niet", "nooit")
                and self._nominal(tokens, toks)
                and self._sparing(tokens, soft, c)
            ):
                continue  # "we bezuinigen niet op de zorg": the care stays
            if self._other_conjunct(tokens, toks, k):
                # the negator stands in another conjunct: "aparte zorg krijgen en
                # niet onnodig worden opgepakt", "niet met boetes maar met bemiddeling"
                continue
            return low
        return self._list_negator(tokens, clauses[0], toks)

    def _list_negator(
        self, tokens: Sequence[Token], hard: Sequence[int], toks: Sequence[int]
    ) -> str | None:
        """The negator of a comma-separated list of nouns the match is an item of.

        "wij zetten geen cameratoezicht, preventief fouilleren of extra controles
        in": a comma ends a clause for the other rules, but between the negator
        and the item stand only nouns, commas and the list's "en" or "of".
        """
        first, last = toks[0], toks[-1]
        if any(self.verb_like(tokens[t]) for t in toks):
            return None  # a finite verb or participle: no list item
        n = len(tokens)
        k = first - 1
        while k >= 0 and hard[k] == hard[first]:
            low = _plain(tokens[k].text.lower())
            if low in ("geen", "niet", "noch"):
                break
            t = tokens[k]
            if not (t.text == "," or t.is_word) or low in _SUBJECT_PRONOUNS or low in _LIST_BREAKS:
                return None
            if (
                k < first - 1
                and (low in _PREPOSITIONS or low in ("van", "als", "zoals"))
                and not (k >= 1 and _plain(tokens[k - 1].text.lower()) in NEGATORS)
            ):
                # a phrase inside the list: "niet indexeren van de pensioenen, als bij
                # de belastingen en ... kosten voor de zorg" is no list of nouns
                return None
            if t.is_word and self.verb_like(t):
                return None
            k -= 1
        else:
            return None
        if k < 0 or hard[k] != hard[first]:
            return None
        between = [tokens[j].text.lower() for j in range(k + 1, first)]
        if "," not in between:
            return None  # no comma: the other rules have decided
        end = last + 1  # the list goes on after the item up to its "en"/"of" item
        while end < n and (tokens[end].text == "," or tokens[end].is_word):
            if tokens[end].text.lower() in _LIST_BREAKS:
                break
            if self._verbal_word(tokens[end]):
                # "er komt geen cameratoezicht, handhaving en toezicht blijven": the
                # items after the comma are the subject of a clause of their own
                return None
            end += 1
        listed = between + [tokens[j].text.lower() for j in range(last + 1, end)]
        if not any(w in ("en", "of", "noch") for w in listed):
            return None
        return _plain(tokens[k].text.lower())

    def _contrasted(self, tokens: Sequence[Token], k: int) -> int:
        """Where the phrase that "niet" at ``k`` contrasts ends ("niet X maar Y"), else ``n``.

        "niet" before a determiner, with "maar" later in the sentence, denies
        that noun phrase only (with its "van" complement): "niet de politie de
        eerste opvang moet doen, maar ..." leaves "opvang" standing. So does
        "niet" before a preposition that "maar" repeats: "het vertrouwen
        herstellen we niet met een folder, maar met een wijkwethouder".
        """
        n = len(tokens)
        if k + 1 >= n:
            return n
        nxt = tokens[k + 1].text.lower()
        if nxt in _PREPOSITIONS:
            j = k + 2
            while (
                j < n
                and tokens[j].is_word
                and tokens[j].text.lower() != "maar"
                and not self.verb_like(tokens[j])
            ):
                j += 1
            again = [i for i in range(j, n - 1) if tokens[i].text.lower() == "maar"]
            if again and tokens[again[0] + 1].text.lower() == nxt:
                return j
            return n
        if nxt not in _CONTRAST_DETERMINERS:
            return n
        j = k + 2
        while j < n:
            t = tokens[j]
            low = t.text.lower()
            if low == "van" or (
                low in _CONTRAST_DETERMINERS and tokens[j - 1].text.lower() == "van"
            ):
                j += 1
                continue
            if (
                not t.is_word
                or low in _CONTRAST_DETERMINERS
                or low in _PHRASE_END
                or self.verb_like(t)
            ):
                break
            j += 1
        if not any(tokens[i].text.lower() == "maar" for i in range(j, n)):
            return n
        return j

    def _other_conjunct(self, tokens: Sequence[Token], toks: Sequence[int], k: int) -> bool:
        """Whether a coordinator between the negator at ``k`` and the match parts them.

        "maar" always does. "en", "of" and "ofwel" join two noun phrases under
        one negator ("wij kiezen niet voor een verbod of een boete", "een
        gebiedsverbod en cameratoezicht zetten wij niet in") unless a verb or a
        subject pronoun between them shows two clauses ("aparte zorg krijgen en
        niet onnodig worden opgepakt", "wij zijn niet streng en handhaven").
        """
        span = range(toks[-1] + 1, k) if k > toks[-1] else range(k + 1, toks[0])
        coordinators = [j for j in span if tokens[j].text.lower() in _CONJUNCT_STARTS]
        if not coordinators:
            return False
        if any(tokens[j].text.lower() not in _NOUN_COORDINATORS for j in coordinators):
            return True
        if not self._nominal(tokens, toks):
            return True
        if k > toks[-1]:  # noun en/of noun ... verb niet: the clause before the negator
            after = coordinators[-1] + 1
            if after < len(tokens) and tokens[after].text.lower() in NEGATORS:
                return True  # "naar zorgbehoefte en niet meer per handeling": a contrast
            between = range(toks[-1] + 1, after + 1)
        else:  # niet ... noun en/of noun
            between = range(k + 1, toks[0])
            if any(_plain(tokens[j].text.lower()) in NEGATORS for j in between):
                return True  # "geen X zonder afbakening en controle": the nearer one decides
        return any(
            tokens[j].text.lower() in _SUBJECT_PRONOUNS or self._verbal_word(tokens[j])
            for j in between
            if j < len(tokens) and j not in toks
        )

    def _verb_follows(self, tokens: Sequence[Token], i: int) -> bool:
        """Whether a verb stands after ``i`` before the next punctuation mark."""
        for t in tokens[i + 1 :]:
            if t.is_punct or not t.is_word:
                return False
            if self._verbal_word(t):
                return True
        return False

    def _verbal_word(self, token: Token) -> bool:
        """A finite verb or participle (verb_like), or a plural or infinitive verb form
        ("zonder startkwalificatie krijgen ondersteuning")."""
        if self.verb_like(token):
            return True
        low = token.text.lower()
        return token.lemma == low and low.endswith("en") and self._is_verb(low)

    def _nominal(self, tokens: Sequence[Token], toks: Sequence[int]) -> bool:
        """Whether the expression is a noun phrase, not a verb ("aanpakken doen we niet").

        An infinitive after "het", "dit" or "dat" is a noun too: "het
        aanpakken van overlast is niet nieuw" denies the newness, not the
        aanpakken (two readers of a fifth batch of real plans).
        """
        first = toks[0]
        if (
            first > 0
            and tokens[first - 1].text.lower() in _NOMINALISERS
            and tokens[first].text.lower() == tokens[first].lemma
        ):
            return True
        return not any(self.verb_like(tokens[t]) or self._is_verb(tokens[t].lemma) for t in toks)

    @staticmethod
    def _sparing(tokens: Sequence[Token], soft: Sequence[int], c: int) -> bool:
        """Whether clause ``c`` has a verb whose negation spares its object (_SPARING_VERBS)."""
        lemmas = {t.lemma for t, sc in zip(tokens, soft, strict=True) if sc == c}
        if not lemmas.isdisjoint(_SPARING_VERBS):
            return True
        # split "thuishoren": "hoort niet thuis in"
        return "horen" in lemmas and any(
            sc == c and t.text.lower() == "thuis" for t, sc in zip(tokens, soft, strict=True)
        )

    @staticmethod
    def _judged(tokens: Sequence[Token], soft: Sequence[int], k: int, last: int = -1) -> bool:
        """Whether negator ``k`` denies the noun phrase (ending at ``last``) before it.

        It does when it stands next to a predicate that judges that phrase
        ("repressie werkt niet", "is niet de oplossing"), also across an
        adverbial phrase ("repressie werkt op de lange termijn niet"), or when
        its clause's verb takes a stance on it ("landen die het Strafhof niet
        erkennen", "wij steunen repressie niet").
        """
        c = soft[k]
        n = len(tokens)
        if any(soft[j] == c and tokens[j].lemma in _STANCE_VERBS for j in range(n) if j != k):
            return True
        # a split verb of either kind: "cameratoezicht zetten we niet in" (inzetten)
        clause = [j for j in range(n) if soft[j] == c and j != k]
        particles = {tokens[j].text.lower() for j in clause if tokens[j].text.lower() in _PARTICLES}
        if particles and any(
            p + form in _JUDGING_PREDICATES or p + form in _STANCE_VERBS
            for j in clause
            for form in (tokens[j].lemma, tokens[j].text.lower())  # "zetten": lemma "zet"
            for p in particles
        ):
            return True
        j = k - 1  # before: "werkt niet", "komt er niet"
        while j >= 0 and soft[j] == c and tokens[j].text.lower() in _JUDGING_FILLERS:
            j -= 1
        if j >= 0 and soft[j] == c and tokens[j].lemma in _JUDGING_PREDICATES:
            return True
        # a fronted noun, its finite verb (after a phrase of its own): "voorlichting
        # op basisscholen verzorgen de wijkagenten niet"
        j = last + 1
        if 0 < j < k and tokens[j].text.lower() in _PREPOSITIONS:
            while (
                j < k
                and soft[j] == c
                and tokens[j].is_word
                and tokens[j].lemma not in _JUDGING_PREDICATES
                and not Matcher.verb_like(tokens[j])
            ):
                j += 1
        if 0 < j < k and soft[j] == c and tokens[j].lemma in _JUDGING_PREDICATES:
            return True
        # the predicate, then a phrase opened by a preposition, then the negator
        for j in range(k - 2, max(last, k - 8), -1):
            if soft[j] != c:
                break
            if tokens[j].lemma in _JUDGING_PREDICATES:
                if tokens[j + 1].text.lower() in _PREPOSITIONS:
                    return True
                break
        j = k + 1  # after: "is niet nodig", "is niet de oplossing", "nooit gewerkt"
        while j < n and soft[j] == c and tokens[j].text.lower() in _JUDGING_FILLERS:
            j += 1
        return j < n and soft[j] == c and tokens[j].lemma in _JUDGING_PREDICATES

    def match_sentence(
        self,
        sentence: Sentence,
        document: str = "",
        section_title: str | None = None,
        only: Collection[str] | None = None,
    ) -> list[Hit]:
        """The hits in one sentence (of the lexicons named in ``only``, default all)."""
        return self._match_sentence(sentence, document, section_title, self._selection(only))

    def _match_sentence(
        self,
        sentence: Sentence,
        document: str,
        section_title: str | None,
        selection: _Selection,
    ) -> list[Hit]:
        tokens = sentence.tokens
        if not tokens:
            return []
        active = self._active(tokens, selection)
        if not selection.everywhere and not any(active):
            return []  # no word of the sentence can start a candidate
        lemmas = [t.lemma for t in tokens]
        lowers = [t.text.lower() for t in tokens]
        hits: list[Hit] = []
        clauses = _LazyClauses(self, tokens)
        for idx in selection.indexes:
            if not active[idx.position] and not (idx.patterns and idx.pattern_heads is None):
                continue
            cands = self._candidates(tokens, clauses, idx, lemmas, lowers, active[idx.position])
            # Longest first, then the earliest, then the entry written exactly as the
            # word (form, then lemma) before one reached through lemmatisation, then
            # an entry with required context before one without (it is the more
            # specific reading), then lexicon order. An excluded candidate still
            # takes its tokens: the word is used in another sense, so no other entry
            # may claim it.
            order = idx.order
            cands.sort(
                key=lambda c: (
                    -c.size,
                    -(c.last - c.first),
                    c.first,
                    -_exactness(c, tokens),
                    not c.entry.require,
                    order[c.entry.id],
                )
            )
            used: set[int] = set()
            kept: list[_Candidate] = []
            # a custom lexicon (an imported LIWC or quanteda dictionary) may list a word
            # in several categories; it then counts in each, as those tools count it
            multi = idx.lexicon.type == "custom"
            spans: dict[frozenset[int], set[str]] = {}
            for c in cands:
                if c.entry.require and not self._required(c, lemmas, lowers, idx):
                    continue  # not in the context the entry needs: no claim on the words
                if used.intersection(c.tokens):
                    same = spans.get(frozenset(c.tokens)) if multi else None
                    if same is None or c.entry.category in same:
                        continue
                used.update(c.tokens)
                if multi:
                    spans.setdefault(frozenset(c.tokens), set()).add(c.entry.category)
                if self._excluded(c, lemmas, lowers, idx):
                    continue
                if idx.lexicon.negation and _mentioned(lowers, c.first):
                    continue  # "woorden als aanpakken en bestrijden": named, not used
                kept.append(c)
            if idx.lexicon.type == "actors" and len(kept) > 1:
                kept = _without_bracketed_names(kept, tokens)
            hits.extend(self._hit(c, sentence, clauses, document, section_title) for c in kept)
        hits.sort(key=lambda h: (h.start, h.lexicon))
        return hits

    def _hit(
        self,
        c: _Candidate,
        sentence: Sentence,
        clauses: Clauses,
        document: str,
        section_title: str | None,
    ) -> Hit:
        tokens = sentence.tokens
        start = tokens[c.first].start
        end = tokens[c.last].end
        if c.kind == "separable":  # verb and particle are two parts, also side by side
            parts = tuple((tokens[t].start, tokens[t].end) for t in sorted(c.tokens))
        else:
            parts = _runs(tokens, c.tokens)
        negator = self.negation(tokens, clauses, c.tokens) if c.lexicon.negation else None
        return Hit(
            document=document,
            page=sentence.page,
            section=section_title,
            sentence_id=sentence.id,
            sentence=sentence.text,
            start=start,
            end=end,
            text=sentence.text[start:end],
            lemma=c.entry.lemma or c.entry.pattern or "",
            category=c.entry.category,
            entry=c.entry.id,
            lexicon=c.lexicon.name,
            negated=negator is not None,
            parts=parts,
            match_kind=c.kind,
            negator=negator,
        )

    def match(
        self,
        sentences: Iterable[Sentence],
        document: str = "",
        section_titles: dict[str, str] | None = None,
        only: Collection[str] | None = None,
    ) -> list[Hit]:
        """All hits in ``sentences``, in reading order.

        ``only`` names the lexicons to match (default: all). Each lexicon's
        hits do not depend on the others, so the hits of several calls with
        ``only`` put together by :func:`merge_hits` are those of one call.
        """
        titles = section_titles or {}
        selection = self._selection(only)
        out: list[Hit] = []
        for s in sentences:
            title = titles.get(s.section) if s.section else None
            out.extend(self._match_sentence(s, document, title, selection))
        return out
