"""The bundled lexicons follow the codebook, and bad lexicon files get located messages.

The codebook's example words are listed here in lemma form (the form the
lexicons are written in): a lexicon that loses one of them, or files it in
another category, fails these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textscan.errors import LexiconError
from textscan.lexicon import (
    DEFAULT_LEXICONS,
    Lexicon,
    default_lexicon_dir,
    load_lexicon,
    load_lexicons,
    parse_lexicon,
)

LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicons"


def _lemmas(text: str) -> list[str]:
    """A comma-separated list of lemmas (multi-word lemmas keep their spaces)."""
    return [w.strip() for w in text.split(",")]


# CODEBOOK.md, "Framing categories", in lemma form ("kansen bieden" -> "kans bieden").
CODEBOOK_FRAMING: dict[str, list[str]] = {
    "repressive": _lemmas(
        "aanpakken, aanpak, bestrijden, bestrijding, repressie, repressief, handhaven, "
        "handhaving, optreden, tegengaan, terugdringen, ingrijpen, controleren, controle, "
        "toezicht, toezicht houden, cameratoezicht, straffen, straf, sanctie, boete, beboeten, "
        "sluiten, sluiting, verstoren, opsporen, vervolgen, aanhouden, oprollen, gebiedsverbod, "
        "strijd tegen, zero tolerance, lik-op-stuk, preventief fouilleren, halt toeroepen"
    ),
    "preventive": _lemmas(
        "voorkomen, preventie, preventief, vroegsignalering, signaleren, voorlichting, "
        "bewustwording, weerbaarheid, weerbaar maken"
    ),
    "positive": _lemmas(
        "vertrouwen, verbinding, verbinden, verbondenheid, geborgenheid, samenwerken, "
        "samenwerking, samen met, betrekken, betrokkenheid, participatie, meedenken, ontmoeting, "
        "ontmoeten, dialoog, in gesprek gaan, sociaal cohesie, naar elkaar omkijken, "
        "zich thuis voelen, perspectief bieden, kans bieden, talentontwikkeling, ondersteunen, "
        "ondersteuning, hulp, zorg, welzijn, samenleven, empathie, leefbaarheid"
    ),
}

# CODEBOOK.md, "Actors".
CODEBOOK_ACTORS: dict[str, list[str]] = {
    "chain": _lemmas(
        "politie, wijkagent, openbaar ministerie, burgemeester, boa, handhaver, riec, brandweer, "
        "veiligheidsregio, reclassering, halt, veiligheidshuis"
    ),
    "partners": _lemmas(
        "woningcorporatie, school, jongerenwerk, welzijnswerk, wijkteam, ggd, ggz, "
        "zorginstelling, sportvereniging, ondernemer, winkelier, horeca, kerk, moskee, "
        "buurtbemiddeling"
    ),
    "residents": _lemmas(
        "bewoner, inwoner, buurtbewoner, burger, jongere, ouder, vrijwilliger, "
        "buurtpreventieteam, buurtapp"
    ),
}

# CODEBOOK.md, "Themes" (the five Kernbeleid Veiligheid fields).
CODEBOOK_THEMES: dict[str, list[str]] = {
    "living": _lemmas(
        "woninginbraak, overlast, woonoverlast, burenruzie, verloedering, huiselijk geweld, "
        "straatroof"
    ),
    "business": _lemmas("winkelcriminaliteit, horeca, uitgaansgeweld, evenement, bedrijventerrein"),
    "youth": _lemmas("jeugdoverlast, jeugdcriminaliteit, alcohol en drugs, risicojongere"),
    "physical": _lemmas("verkeersveiligheid, brandveiligheid, crisisbeheersing, extern veiligheid"),
    "integrity": _lemmas(
        "ondermijning, georganiseerd criminaliteit, hennepteelt, drugshandel, radicalisering, "
        "polarisatie, cybercrime, mensenhandel"
    ),
}
# "Also recognised": placed in a field or in the extra category care_safety.
CODEBOOK_EXTRA_THEMES = ["autobrand", "verward persoon", "verward gedrag", "zorg en veiligheid"]

# CODEBOOK.md, "Policy domains".
CODEBOOK_DOMAINS: dict[str, list[str]] = {
    "housing": _lemmas("wonen, woningbouw"),
    "space": _lemmas("ruimtelijk ordening, openbaar ruimte, verlichting, infrastructuur"),
    "education": _lemmas("onderwijs, school"),
    "care": _lemmas("zorg, welzijn, sociaal domein"),
    "leisure": _lemmas("sport, recreatie, cultuur"),
    "economy": _lemmas("economie, werk, ondernemen"),
    "traffic": _lemmas("verkeer, mobiliteit"),
}

# CODEBOOK.md, "Perception".
CODEBOOK_PERCEPTION: dict[str, list[str]] = {
    "subjective": _lemmas(
        "veiligheidsgevoel, veiligheidsbeleving, zich veilig voelen, onveiligheidsgevoel"
    ),
    "objective": _lemmas("criminaliteitscijfer, registratie, aangifte, melding, cijfer"),
}

CODEBOOK = {
    "framing": CODEBOOK_FRAMING,
    "actors": CODEBOOK_ACTORS,
    "themes": CODEBOOK_THEMES,
    "domains": CODEBOOK_DOMAINS,
    "perception": CODEBOOK_PERCEPTION,
}

# Sources an entry may name: the codebook, a literature source, or a textscan addition.
SOURCE_RE = re.compile(r"^(codebook|textscan: \S|Schuilenburg|Kernbeleid Veiligheid|2017 column)")


def _lemma_category(lex: Lexicon) -> dict[str, str]:
    return {e.lemma: e.category for e in lex.entries if e.lemma is not None}


@pytest.fixture(scope="module")
def bundled() -> dict[str, Lexicon]:
    return {lx.name: lx for lx in load_lexicons()}


# --------------------------------------------------------------------------- bundled lexicons


def test_every_bundled_lexicon_file_loads() -> None:
    files = sorted(LEXICON_DIR.glob("*.yaml"))
    assert {p.stem for p in files} >= set(DEFAULT_LEXICONS)
    for path in files:
        lex = load_lexicon(path)
        assert lex.entries, f"{path.name} has no entries"
        assert lex.name == path.stem
        assert lex.type == path.stem


def test_default_lexicons_come_from_the_lexicons_folder(bundled: dict[str, Lexicon]) -> None:
    assert set(bundled) == set(DEFAULT_LEXICONS)
    assert default_lexicon_dir().resolve() == LEXICON_DIR.resolve()


@pytest.mark.parametrize("name", DEFAULT_LEXICONS)
def test_entry_ids_and_lemmas_are_unique(bundled: dict[str, Lexicon], name: str) -> None:
    entries = bundled[name].entries
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    # an entry with required context is the more specific reading of its lemma
    # and is tried first; two unconditional entries of one lemma are ambiguous
    lemmas = [e.lemma or e.pattern for e in entries if not e.require]
    dups = sorted({x for x in lemmas if lemmas.count(x) > 1})
    assert not dups, f"{name}: the same lemma in two entries would be counted ambiguously: {dups}"
    conditional = [(e.lemma or e.pattern, e.category) for e in entries if e.require]
    assert len(conditional) == len(set(conditional))


@pytest.mark.parametrize("name", DEFAULT_LEXICONS)
def test_every_entry_names_its_source(bundled: dict[str, Lexicon], name: str) -> None:
    bad = [e.id for e in bundled[name].entries if not SOURCE_RE.match(e.source)]
    assert not bad, f"{name}: entries without a recognised source: {bad}"


@pytest.mark.parametrize("name", DEFAULT_LEXICONS)
def test_category_ids_match_the_codebook(bundled: dict[str, Lexicon], name: str) -> None:
    expected = list(CODEBOOK[name])
    ids = list(bundled[name].category_ids)
    if name == "themes":
        # the five Kernbeleid fields first, then at most the extra care_safety category
        assert ids[:5] == expected
        assert ids[5:] in ([], ["care_safety"])
    else:
        assert ids == expected


@pytest.mark.parametrize("name", DEFAULT_LEXICONS)
def test_every_codebook_example_is_an_entry_of_its_category(
    bundled: dict[str, Lexicon], name: str
) -> None:
    have = _lemma_category(bundled[name])
    missing = []
    misfiled = []
    for category, lemmas in CODEBOOK[name].items():
        for lemma in lemmas:
            if lemma not in have:
                missing.append(lemma)
            elif have[lemma] != category:
                misfiled.append(f"{lemma} ({have[lemma]}, codebook: {category})")
    assert not missing, f"{name}: codebook words missing: {missing}"
    assert not misfiled, f"{name}: codebook words in another category: {misfiled}"


def test_codebook_extra_themes_are_present(bundled: dict[str, Lexicon]) -> None:
    have = _lemma_category(bundled["themes"])
    assert [t for t in CODEBOOK_EXTRA_THEMES if t not in have] == []
    assert have["verward persoon"] == "care_safety"
    assert have["zorg en veiligheid"] == "care_safety"


def test_framing_poles_oppose_repressive_and_positive(bundled: dict[str, Lexicon]) -> None:
    framing = bundled["framing"]
    poles = {c.id: c.pole for c in framing.categories}
    assert poles == {"repressive": -1, "preventive": 0, "positive": 1}
    assert [c.label for c in framing.categories] == [
        "Repressief",
        "Preventief",
        "Positief / verbindend",
    ]


def test_framing_is_richer_than_the_codebook(bundled: dict[str, Lexicon]) -> None:
    counts = {c: 0 for c in bundled["framing"].category_ids}
    for e in bundled["framing"].entries:
        counts[e.category] += 1
    assert sum(counts.values()) >= 300
    for category, n in counts.items():
        assert n >= 2 * len(CODEBOOK_FRAMING[category]), (category, n)


@pytest.mark.parametrize(
    ("lemma", "particle"),
    [
        ("aanpakken", "aan"),
        ("optreden", "op"),
        ("tegengaan", "tegen"),
        ("samenwerken", "samen"),
        ("meedenken", "mee"),
        ("terugdringen", "terug"),
        ("ingrijpen", "in"),
    ],
)
def test_codebook_separable_verbs_carry_their_particle(
    bundled: dict[str, Lexicon], lemma: str, particle: str
) -> None:
    entry = next(e for e in bundled["framing"].entries if e.lemma == lemma)
    assert entry.particle == particle


def test_separable_verbs_are_infinitives(bundled: dict[str, Lexicon]) -> None:
    for lex in bundled.values():
        for e in lex.entries:
            if e.particle:
                assert e.lemma is not None and e.lemma.endswith("n"), e.id


def test_voorkomen_has_no_particle(bundled: dict[str, Lexicon]) -> None:
    # the split 'komt ... voor' is vóórkomen (to occur), not voorkómen (to prevent)
    entry = next(e for e in bundled["framing"].entries if e.lemma == "voorkomen")
    assert entry.particle is None


def _exclusions(lex: Lexicon, lemma: str) -> dict[str, set[str]]:
    entry = next(e for e in lex.entries if e.lemma == lemma)
    found: dict[str, set[str]] = {}
    for x in entry.exclude:
        for field in ("followed_by", "preceded_by", "context", "compound_part", "form"):
            values = getattr(x, field)
            if values:
                found.setdefault(field, set()).update(values)
        if x.phrase:
            found.setdefault("phrase", set()).add(x.phrase)
    return found


def test_codebook_sense_exclusions_are_in_the_framing_lexicon(
    bundled: dict[str, Lexicon],
) -> None:
    framing = bundled["framing"]
    assert "plan van aanpak" in _exclusions(framing, "aanpak")["phrase"]
    verbinding = _exclusions(framing, "verbinding")["compound_part"]
    assert {"fiets", "glasvezel", "weg"} <= verbinding
    assert "vertrouwelijk" in _exclusions(framing, "vertrouwen")["form"]
    zorg = _exclusions(framing, "zorg")
    assert {"voor", "dat"} <= zorg["followed_by"]
    assert "zorg dragen voor" in zorg["phrase"]
    assert {"zorgen", "zorgvuldig"} <= zorg["form"]
    controle = _exclusions(framing, "controle")
    assert "raad" in controle["context"]
    assert "controlerend taak" in controle["phrase"]
    assert "raad" in _exclusions(framing, "controleren")["context"]
    assert "subsidieregeling" in _exclusions(framing, "handhaven")["context"]


def test_every_category_is_documented_in_the_readme(bundled: dict[str, Lexicon]) -> None:
    readme = (LEXICON_DIR / "README.md").read_text(encoding="utf-8")
    for lex in bundled.values():
        assert f"`{lex.name}.yaml`" in readme
        for category in lex.category_ids:
            assert f"`{category}`" in readme, f"{lex.name}: category {category} not in README"


# --------------------------------------------------------------------------- error messages

HEADER = """name: mine
version: "1"
categories:
  - {id: a, label: A}
entries:
"""


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    message = str(info.value)
    assert message.startswith(str(path) + ":"), message
    return message


def test_missing_field_names_entry_and_line(tmp_path: Path) -> None:
    text = HEADER + "  - {id: x, category: a, lemma: x}\n  - {id: y, lemma: y}\n"
    message = _error(tmp_path, text)
    assert "entries[1].category (line 7)" in message
    assert "'category' is required" in message


def test_missing_lemma_names_entry_and_line(tmp_path: Path) -> None:
    text = HEADER + "  - {id: x, category: a, lemma: x}\n  - {id: y, category: a}\n"
    message = _error(tmp_path, text)
    assert "entries[1] (line 7)" in message
    assert "'lemma' or 'pattern'" in message


def test_unknown_category_names_entry_line_and_valid_ids(tmp_path: Path) -> None:
    text = HEADER + "  - {id: x, category: a, lemma: x}\n  - {id: y, category: b, lemma: y}\n"
    message = _error(tmp_path, text)
    assert "entries[1]" in message
    assert "unknown category 'b'" in message
    assert "(valid: a)" in message
    assert "line 7" in message


def test_bad_yaml_names_line(tmp_path: Path) -> None:
    text = HEADER + "  - {id: x, category: a, lemma: x}\n  - {id: y, category: a, lemma: [y\n"
    message = _error(tmp_path, text)
    assert "invalid YAML" in message
    assert re.search(r"line \d+, column \d+", message), message


def test_duplicate_id_names_both_entries_and_line(tmp_path: Path) -> None:
    text = HEADER + "  - {id: x, category: a, lemma: x}\n  - {id: x, category: a, lemma: z}\n"
    message = _error(tmp_path, text)
    assert "entries[1]: duplicate id 'x' (first at entries[0])" in message
    assert "line 7" in message


def test_unknown_key_names_key_entry_and_line(tmp_path: Path) -> None:
    text = HEADER + "  - {id: x, category: a, lemma: x}\n  - {id: y, category: a, lemmma: y}\n"
    message = _error(tmp_path, text)
    assert "entries[1].lemmma (line 7): unknown key 'lemmma'" in message


def test_bad_exclusion_names_its_place(tmp_path: Path) -> None:
    text = HEADER + (
        "  - id: x\n"
        "    category: a\n"
        "    lemma: x\n"
        "    exclude:\n"
        "      - {phrase: x y, form: [xx]}\n"
    )
    message = _error(tmp_path, text)
    assert "entries[0].exclude[0] (line 10)" in message
    assert "exactly one of" in message


def test_parse_lexicon_reports_every_problem_at_once() -> None:
    text = HEADER + ("  - {id: x, category: b, lemma: x}\n  - {id: x, category: a, lemma: y}\n")
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, source="mine.yaml")
    assert len(info.value.problems) == 2
    assert all(p.startswith("entries[") for p in info.value.problems)


@pytest.mark.parametrize("name", ["framing", "actors", "themes", "domains", "perception"])
def test_every_bundled_term_is_read_without_spacy(name):
    """A term with punctuation goes through spaCy, which a re-profile from the cache avoids."""
    from textscan.lexicon import load_lexicon
    from textscan.match import _PLAIN_TERM

    lx = load_lexicon(name)
    terms = [(e.id, e.lemma) for e in lx.entries if e.lemma]
    terms += [(e.id, ex.phrase) for e in lx.entries for ex in (*e.exclude, *e.require) if ex.phrase]
    not_plain = [(eid, t) for eid, t in terms if not _PLAIN_TERM.fullmatch(t)]
    assert not not_plain, f"{name}: terms spaCy must read: {not_plain}"
