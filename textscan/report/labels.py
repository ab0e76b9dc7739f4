"""Dutch labels and number formatting for the reports.

Category ids come from the lexicons; the labels here are presentation text for
the ids the codebook defines. An id that is not listed (a custom lexicon) is
shown as it is, so a report never hides a category.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

FRAMING_ORDER: tuple[str, ...] = ("repressive", "preventive", "positive")

LABELS: dict[str, dict[str, str]] = {
    "framing": {
        "repressive": "Repressief",
        "preventive": "Preventief",
        "positive": "Verbindend",
    },
    "actors": {
        "chain": "Veiligheidsketen",
        "partners": "Maatschappelijke partners",
        "residents": "Bewoners",
    },
    "themes": {
        "living": "Veilige woon- en leefomgeving",
        "business": "Bedrijvigheid en veiligheid",
        "youth": "Jeugd en veiligheid",
        "physical": "Fysieke veiligheid",
        "integrity": "Integriteit en veiligheid",
        "care_safety": "Zorg en veiligheid",
    },
    # one name per policy field, in the chart and (lower case) in running text alike;
    # what each covers besides is said once, in DOMAINS_COVER
    "domains": {
        "housing": "Wonen",
        "space": "Openbare ruimte",
        "education": "Onderwijs",
        "care": "Zorg",
        "leisure": "Recreatie",
        "economy": "Economie",
        "traffic": "Verkeer",
    },
    "perception": {
        "subjective": "Beleving (subjectief)",
        "objective": "Cijfers (objectief)",
    },
}


DOMAINS_COVER = (
    "zorg omvat ook welzijn en het sociaal domein, recreatie ook sport en cultuur, "
    "economie ook werk en ondernemen, verkeer ook mobiliteit"
)
"""What the policy fields cover besides their name (the domains lexicon's categories)."""

# Short forms for running text, where labels are strung together in one sentence.
SHORT: dict[str, dict[str, str]] = {
    "themes": {
        "living": "woon- en leefomgeving",
        "business": "bedrijvigheid",
        "youth": "jeugd",
        "physical": "fysieke veiligheid",
        "integrity": "integriteit en veiligheid",
        "care_safety": "zorg en veiligheid",
    },
}


def label(block: str, category: str) -> str:
    """The Dutch label of ``category`` in ``block`` ("framing", "actors", ...), or the id."""
    return LABELS.get(block, {}).get(category, category.replace("_", " "))


def short(block: str, category: str) -> str:
    """The short lowercase form for running text (falls back to the label)."""
    return SHORT.get(block, {}).get(category) or label(block, category).lower()


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def nl_num(x: Any, digits: int = 2, *, signed: bool = False) -> str:
    """A number in Dutch notation: decimal comma, thousands dot, true minus sign."""
    if _missing(x):
        return "–"
    v = float(x)
    text = f"{abs(v):,.{digits}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    if v < 0 and text.strip("0,.") != "":
        return "−" + text
    if signed and v > 0:
        return "+" + text
    return text


def nl_pct(x: Any, digits: int = 0) -> str:
    """A share (0..1) as a Dutch percentage: 0.137 -> '14%'."""
    if _missing(x):
        return "–"
    return nl_num(100 * float(x), digits) + "%"


def nl_list(items: list[str], conj: str = "en") -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


# abbreviations written in capitals when an entry id is shown as a name
_ACRONYMS = frozenset(
    [
        "om",
        "ggd",
        "ggz",
        "riec",
        "nvwa",
        "oov",
        "zvh",
        "coa",
        "uwv",
        "apv",
        "ivp",
        "wmo",
        "rud",
        "bibob",
        "ghor",
        "fiod",
        "nctv",
        "roc",
        "mbo",
        "vmbo",
        "cjg",
        "cbs",
        "hic",
        "vng",
    ]
)
_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def entry_name(
    lexicon: str,
    entry: str,
    forms: Mapping[str, int] | str | None = None,
    label: str | None = None,
) -> str:
    """A readable name for a lexicon entry id: its term as the bundled lexicon writes it.

    "openbaar-ministerie" -> "Openbaar Ministerie", "om" -> "OM" (a pattern as
    written), "riec" -> "RIEC". An id of a custom lexicon keeps its words.

    An entry with a ``label`` in its lexicon is named by it: ``label`` as the
    profile recorded it from the lexicon the plan was counted with (a user's
    own lexicon included), else the label of the bundled lexicon's entry with
    that id (a profile of an older textscan records none). The bundled themes
    lexicon labels its entries as subjects of the theme table: "explosies",
    "jongeren en criminaliteit", where the term is a lemma ("explosie"), a
    sequence of lemmas ("crimineel netwerk") or a word counted only in a context.

    An entry that counts its term only in a context (``require``) is named by
    its id, which says that context: "jonge dader", not "jong".

    A term of several words is a sequence of lemmas, which is not always how
    Dutch writes it ("sociaal cohesie", "georganiseerd criminaliteit"). With
    ``forms``, the words the plan itself uses for the entry (a form, or forms
    with their counts, most frequent first), such a term is named as the plan
    writes it: the most frequent form with as many words as the term, each
    starting as the term's word does, and a closing verb in its infinitive
    ("sociale cohesie"; not "voelen zich veilig" or "toezicht houdt", where
    the lemmas stay).

    Example:
        >>> entry_name("framing", "sociaal-cohesie", {"sociale cohesie": 4})
        'sociale cohesie'
    """
    term = _bundled_terms(lexicon).get(entry)
    label = label or _LABELS[lexicon].get(entry)
    if label:
        return label  # a subject as running Dutch names it ("explosies")
    if term is None:
        term = entry.replace("-", " ")
    term = term.replace("*", "").replace("?", "").strip() or entry  # a pattern's wildcards
    if term.lower() in _PROPER_NAMES:
        return _PROPER_NAMES[term.lower()]
    if entry in _context_entries(lexicon):
        # a word counted only in a given context: its id says which ("jonge-dader",
        # "jongere-en-criminaliteit"), where the bare term would say "jong", "jongere"
        return entry.replace("-", " ")
    words = term.split()
    if len(words) == 1 and (term.lower() in _ACRONYMS or entry in _ACRONYMS):
        return term.upper()
    if len(words) > 1 and forms:
        # a verb keeps its infinitive: "toezicht houden", not "toezicht houdt"
        verb = _is_verb(words[-1])
        for form in [forms] if isinstance(forms, str) else list(forms):
            written = form.split()
            if (
                len(written) == len(words)
                and all(w.lower()[:3] == t.lower()[:3] for w, t in zip(written, words, strict=True))
                and (not verb or written[-1].lower() == words[-1].lower())
            ):
                return _PROPER_NAMES.get(form.lower(), form)
    return term


def _is_verb(word: str) -> bool:
    from textscan.lemmatizer import get_lemmatizer

    return get_lemmatizer().is_verb(word.lower())


# organisations written as names, not as lower-case lemmas
_PROPER_NAMES = {
    "halt": "Halt",
    "veilig thuis": "Veilig Thuis",
    "openbaar ministerie": "Openbaar Ministerie",
    "zorg- en veiligheidshuis": "Zorg- en Veiligheidshuis",
    "veiligheidshuis": "Veiligheidshuis",
    "slachtofferhulp": "Slachtofferhulp",
    "reclassering": "Reclassering",
    "koninklijke marechaussee": "Koninklijke Marechaussee",
    "belastingdienst": "Belastingdienst",
    # the municipal department (entry "oov"), its lemmas "openbaar orde en veiligheid"
    "openbaar orde en veiligheid": "Openbare Orde en Veiligheid",
    # a boa: the adjective inflected, as in running Dutch (the lemma sequence is not)
    "buitengewoon opsporingsambtenaar": "buitengewone opsporingsambtenaar",
    "buitengewoon opsporingsambtenaren": "buitengewone opsporingsambtenaren",
}


def _bundled_terms(lexicon: str) -> dict[str, str]:
    """Entry id -> term of a bundled lexicon ({} for another name or a broken install)."""
    if lexicon not in _TERMS:
        from textscan.lexicon import available_lexicons, load_lexicon

        terms: dict[str, str] = {}
        labels: dict[str, str] = {}
        context: set[str] = set()
        if lexicon in available_lexicons():
            try:
                lx = load_lexicon(lexicon)
                terms = {e.id: (e.lemma or e.pattern or e.id) for e in lx.entries}
                labels = {e.id: e.label for e in lx.entries if e.label}
                context = {
                    e.id
                    for e in lx.entries
                    if e.require and e.id.replace("-", " ") != (e.lemma or e.pattern)
                }
            except Exception:  # a broken install: fall back to the ids
                terms, labels, context = {}, {}, set()
        _TERMS[lexicon] = terms
        _LABELS[lexicon] = labels
        _CONTEXT[lexicon] = frozenset(context)
    return _TERMS[lexicon]


def _context_entries(lexicon: str) -> frozenset[str]:
    """Ids of a bundled lexicon's entries that count their term only in a context."""
    _bundled_terms(lexicon)
    return _CONTEXT[lexicon]


_TERMS: dict[str, dict[str, str]] = {}
_LABELS: dict[str, dict[str, str]] = {}  # entry id -> label, of a bundled lexicon
_CONTEXT: dict[str, frozenset[str]] = {}


_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*\.?)\s+(?=\S)")


def chapter_title(title: Any) -> str:
    """A chapter title whose number stays with its first word: '5. Bedrijvigheid'.

    The space after a leading chapter number ('5.', '6.2', '10') becomes a
    no-break space, so that a narrow table column or a line end never leaves
    the number on a line of its own.
    """
    return _NUMBERED.sub("\\1\u00a0", " ".join(str(title or "").split()))


def nl_date(day: Any) -> str:
    """A date in Dutch words: 30 november 2026."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# ------------------------------------------------------------------ lexicons and warnings
LEXICON_NAMES: dict[str, str] = {
    "framing": "Framing: repressief, preventief, verbindend",
    "actors": "Actoren",
    "themes": "Thema’s (velden van Kernbeleid Veiligheid)",
    "domains": "Andere beleidsvelden",
    "perception": "Beleving en cijfers",
}
"""Dutch names of the bundled lexicons, for the reports (the CSV files keep the ids)."""


def lexicon_name(name: Any) -> str:
    """The Dutch name of a bundled lexicon; a lexicon of one's own keeps its name."""
    return LEXICON_NAMES.get(str(name), str(name))


def nl_pages(pages: Any) -> str:
    """Page numbers in Dutch: 'pagina 3', 'pagina’s 34 en 35', 'pagina’s 7–9, 12 en 15'."""
    nums = sorted({int(p) for p in pages or ()})
    if not nums:
        return ""
    runs: list[list[int]] = []
    for n in nums:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(str(n) for n in r) for r in runs]
    text = nl_list(", ".join(parts).split(", "))
    return ("pagina " if len(nums) == 1 else "pagina’s ") + text


MISSING_TEXT: frozenset[str] = frozenset(
    {"no-text-layer", "garbled-text", "mostly-image", "ocr", "not-dutch"}
)
"""Warning codes that say part of the text is missing, unsure or not Dutch: these go on
top of a diagnosis, not only in its appendix."""


def warning_text(w: Mapping[str, Any], pages_total: Any = None) -> str:
    """An extraction warning as a Dutch sentence built from its figures.

    The extractor writes its warnings in English (``code``, ``message``,
    ``pages``), as the CSV files keep them for researchers; the report says
    them in Dutch. A code not known here gets a general Dutch sentence.
    """
    code = str(w.get("code", ""))
    message = str(w.get("message", ""))
    pages = [int(p) for p in w.get("pages") or ()]
    n = len(pages)
    total = pages_total
    if total in (None, 0):
        m = re.search(r"of (\d+) pages", message)
        total = int(m.group(1)) if m else None
    where = nl_pages(pages)
    of = f"{n} van de {total} pagina’s" if total else f"{n} {'pagina' if n == 1 else 'pagina’s'}"
    one = n == 1
    if code == "no-text-layer":
        return (
            f"{of} {'heeft' if one else 'hebben'} geen tekstlaag (een gescande afbeelding?): "
            f"{where}. {'Die tekst ontbreekt' if one else 'Hun tekst ontbreekt'} in de "
            "analyse; met de optie --ocr leest textscan zulke pagina’s met tekstherkenning."
        )
    if code == "garbled-text":
        return (
            f"{of} {'heeft' if one else 'hebben'} een tekstlaag met onleesbare tekens: "
            f"{where}. Die tekst is weggelaten."
        )
    if code == "mostly-image":
        return (
            f"{of} {'bestaat' if one else 'bestaan'} vrijwel alleen uit een afbeelding: "
            f"{where}. Tekst in afbeeldingen is niet gelezen."
        )
    if code == "blank-page":
        return f"{of} {'is' if one else 'zijn'} leeg: {where}."
    if code == "ocr":
        return (
            f"{n} {'pagina had' if one else 'pagina’s hadden'} geen tekstlaag en "
            f"{'is' if one else 'zijn'} gelezen met tekstherkenning (OCR): {where}. "
            "Herkenningsfouten kunnen de tellingen daar veranderen."
        )
    if code == "not-dutch":
        m = re.search(r"only (\d+)%", message)
        share = f"maar {m.group(1)}% van de woorden is" if m else "te weinig woorden zijn"
        return (
            f"De tekst lijkt niet Nederlands: {share} een Nederlands functiewoord (in "
            "Nederlandse tekst ongeveer 40%). De woordenlijsten zijn Nederlands, dus de "
            "tellingen zijn niet te vergelijken."
        )
    return (
        f"Bij het lezen van de tekst is iets opgevallen (melding ‘{code}’)"
        + (f", op {where}" if where else "")
        + "; de technische melding staat in warnings.csv van textscan scan."
    )


def nl_count(n: Any, one: str, many: str) -> str:
    """A count with its noun in the right number: '1 zin', '2 zinnen', '0 zinnen'."""
    k = int(n)
    return f"{nl_num(k, 0)} {one if k == 1 else many}"


def nl_terms(counts: list[tuple[int, str]], conj: str = "en") -> str:
    """Counts of kinds of term, each with its noun in the right number.

    [(19, "repressieve"), (2, "preventieve"), (1, "verbindende")] ->
    '19 repressieve termen, 2 preventieve termen en 1 verbindende term';
    a count of 0 is 'geen'.
    """
    parts = []
    for n, adjective in counts:
        k = int(n)
        parts.append(
            f"geen {adjective} termen"
            if k == 0
            else f"{nl_num(k, 0)} {adjective} {'term' if k == 1 else 'termen'}"
        )
    return nl_list(parts, conj)


_CARDINALS = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
]
_ORDINALS = [
    "nulde",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
    "twintigste",
]


def nl_cardinal(n: int) -> str:
    """A small number in words ('drie'); from 21 on in digits."""
    return _CARDINALS[n] if 0 <= n < len(_CARDINALS) else nl_num(n, 0)


def nl_ordinal(n: int) -> str:
    """A small ordinal in words ('vijfde'); from 21 on in digits with 'e' ('23e')."""
    return _ORDINALS[n] if 0 <= n < len(_ORDINALS) else f"{n}e"
