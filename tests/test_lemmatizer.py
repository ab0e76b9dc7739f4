"""Tests of the Dutch lemmatiser on words that matter for safety plans."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

from tests.conftest import load_benchmark
from textscan.lemmatizer import DutchLemmatizer, get_lemmatizer, register_spacy_component

ROOT = Path(__file__).resolve().parents[1]
TREEBANK = ROOT.parent / "shared" / "data" / "ud" / "nl_alpino-ud-dev.conllu"


@pytest.fixture(scope="module")
def lem() -> DutchLemmatizer:
    return get_lemmatizer()


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        # verbs: present, past, participles, separable and inseparable prefixes
        ("bestrijdt", "bestrijden"),
        ("bestreden", "bestrijden"),
        ("aangepakt", "aanpakken"),
        ("aanpakken", "aanpakken"),
        ("gehandhaafd", "handhaven"),
        ("handhaaft", "handhaven"),
        ("verbindt", "verbinden"),
        ("verbonden", "verbinden"),
        ("versterkt", "versterken"),
        ("gesignaleerd", "signaleren"),
        ("voorkomt", "voorkomen"),
        ("ondermijnende", "ondermijnen"),
        ("werd", "worden"),
        ("was", "zijn"),
        # nouns: plurals, compounds, diminutives
        ("woninginbraken", "woninginbraak"),
        ("samenwerkingen", "samenwerking"),
        ("jongeren", "jongere"),
        ("wijkagenten", "wijkagent"),
        ("maatregelen", "maatregel"),
        ("gemeenten", "gemeente"),
        ("gemeentes", "gemeente"),
        ("kinderen", "kind"),
        ("straatroven", "straatroof"),
        ("buurtbewoners", "buurtbewoner"),
        ("zaakjes", "zaak"),
        # a compound's head is read as a noun where it can be ("drugs|panden",
        # not "drug|spanden" of spannen); its left part may be a compound itself
        ("drugspanden", "drugspand"),
        ("buurtsportcoaches", "buurtsportcoach"),
        ("jeugdzorgaanbieders", "jeugdzorgaanbieder"),
        # adjectives: inflection and degree
        ("preventieve", "preventief"),
        ("veiliger", "veilig"),
        ("veiligste", "veilig"),
        ("grote", "groot"),
        ("Rotterdamse", "rotterdams"),
        # words that are lemmas themselves stay as they are
        ("overlast", "overlast"),
        ("criminaliteit", "criminaliteit"),
        ("start", "start"),
        ("woordvoerster", "woordvoerster"),
        # a noun in -e that the dictionary reads as an old verb form stays the noun,
        # an inflected adjective does not
        ("boete", "boete"),
        ("boetes", "boete"),
        ("heilige", "heilig"),
        # gevoelens is the plural of gevoel, also as a compound head
        ("gevoelens", "gevoel"),
        ("veiligheidsgevoelens", "veiligheidsgevoel"),
    ],
)
def test_lemma_of_safety_plan_words(lem: DutchLemmatizer, word: str, lemma: str) -> None:
    assert lem.lemma(word) == lemma


def test_unknown_compound_is_lemmatised_by_its_head(lem: DutchLemmatizer) -> None:
    # Neither whole word is in a dictionary; their heads are.
    assert lem.lemma("fietsenstallingbranden") == "fietsenstallingbrand"
    assert lem.lemma("buurtpreventie-apps") == "buurtpreventieapp"


def test_compound_whose_first_part_is_a_compound_with_a_link_gets_its_head_lemma(
    lem: DutchLemmatizer,
) -> None:
    # three-part compounds with a linking -s- after the first two, common in plans:
    # the part before the link is a compound the dictionaries do not list either
    assert lem.lemma("wijkveiligheidsoverleggen") == "wijkveiligheidsoverleg"
    assert lem.lemma("buurtbemiddelingsprojecten") == "buurtbemiddelingsproject"
    assert lem.lemma("zorgveiligheidshuizen") == "zorgveiligheidshuis"
    assert lem.lemma("wijkveiligheidsoverleg") == "wijkveiligheidsoverleg"  # singular stays


def test_hyphenated_compound_is_joined_or_kept(lem: DutchLemmatizer) -> None:
    assert lem.lemma("tbs-instellingen") == "tbsinstelling"
    keep = DutchLemmatizer(join_hyphenated=False)
    assert keep.lemma("tbs-instellingen") == "tbs-instelling"


def test_unknown_name_is_left_alone(lem: DutchLemmatizer) -> None:
    assert lem.lemma("Vermeulens") == "vermeulens"
    assert lem.lemma("Jansen") == "jansen"


def test_lemma_is_lowercase_and_punctuation_untouched(lem: DutchLemmatizer) -> None:
    assert lem.lemma("Politie") == "politie"
    assert lem.lemma("POLITIE") == "politie"
    assert lem.lemma(",") == ","
    assert lem.lemma("2024") == "2024"
    assert lem.lemma("") == ""


def test_ordinals_take_the_cardinal(lem: DutchLemmatizer) -> None:
    assert [lem.lemma(w) for w in ("eerste", "derde", "twintigste", "21ste")] == [
        "één", "drie", "twintig", "21",
    ]  # fmt: skip


def test_lemmatize_keeps_the_verb_lemma_by_default(lem: DutchLemmatizer) -> None:
    words = ["De", "gemeente", "pakt", "de", "overlast", "aan", "."]
    assert lem.lemmatize(words) == ["de", "gemeente", "pakken", "de", "overlast", "aan", "."]


@pytest.mark.parametrize(
    ("words", "index", "lemma"),
    [
        (["De", "gemeente", "pakt", "de", "overlast", "aan", "."], 2, "aanpakken"),
        (["Moeder", "spoorde", "haar", "aan", "om", "op", "te", "stappen", "."], 1, "aansporen"),
        (["Moeder", "spoorde", "haar", "aan", "om", "op", "te", "stappen", "."], 7, "opstappen"),
        (
            ["Wij", "hopen", "dat", "de", "politie", "snel", "terug", "zal", "komen", "."],
            8,
            "terugkomen",
        ),
        (["Zij", "werken", "met", "de", "wijkagent", "samen", "."], 1, "samenwerken"),
    ],
)
def test_lemmatize_attaches_separated_particles(
    lem: DutchLemmatizer, words: list[str], index: int, lemma: str
) -> None:
    assert lem.lemmatize(words, attach_particles=True)[index] == lemma


def test_particle_before_a_noun_phrase_is_a_preposition(lem: DutchLemmatizer) -> None:
    words = ["Hij", "zette", "de", "fiets", "in", "de", "stalling", "."]
    assert lem.lemmatize(words, attach_particles=True)[1] == "zetten"


def test_vocabulary_knows_dutch_words_and_not_gibberish(lem: DutchLemmatizer) -> None:
    assert lem.is_known("inbraak")
    assert lem.is_known("Woning")
    assert lem.is_known("handhaven")
    assert not lem.is_known("xqzvw")
    assert "woning" in lem.vocabulary()


def test_spacy_component_sets_lemmas() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    register_spacy_component()
    nlp.add_pipe("textscan_lemmatizer")
    doc = nlp("De wijkagenten hebben de woninginbraken aangepakt.")
    assert [t.lemma_ for t in doc] == [
        "de", "wijkagent", "hebben", "de", "woninginbraak", "aanpakken", ".",
    ]  # fmt: skip


def test_spacy_component_can_attach_particles() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    register_spacy_component()
    nlp.add_pipe("textscan_lemmatizer", config={"attach_particles": True})
    doc = nlp("De gemeente pakt de overlast aan. Zij bestrijdt criminaliteit.")
    assert doc[2].lemma_ == "aanpakken"
    assert doc[8].lemma_ == "bestrijden"


def test_loading_is_fast() -> None:
    start = time.perf_counter()
    DutchLemmatizer()
    # 2 s is the budget on an idle machine; allow for a busy shared CI core.
    assert time.perf_counter() - start < 4.0


def test_treebank_content_word_accuracy() -> None:
    if not TREEBANK.is_file():
        pytest.skip(f"UD Dutch Alpino treebank not found at {TREEBANK}")
    lemmas = load_benchmark("lemmas")
    read_conllu, score = lemmas.read_conllu, lemmas.score
    lem = DutchLemmatizer()
    sentences = read_conllu(TREEBANK)
    with_particles = score(
        "textscan+particles", lambda ws: lem.lemmatize(ws, attach_particles=True), sentences
    )
    in_sentence = score("textscan", lambda ws: lem.lemmatize(ws, attach_particles=False), sentences)
    context_free = score("textscan-word", lambda ws: [lem.lemma(w) for w in ws], sentences)
    assert sum(with_particles.total.values()) > 4000
    assert in_sentence.accuracy >= 0.93  # what the spaCy component sets
    assert with_particles.accuracy >= 0.93
    assert context_free.accuracy >= 0.92


def test_verb_or_plural_noun_is_decided_by_the_word_before(lem: DutchLemmatizer) -> None:
    assert lem.lemmatize(["Wij", "willen", "wachten"])[2] == "wachten"
    assert lem.lemmatize(["om", "te", "spelen"])[2] == "spelen"
    assert lem.lemmatize(["De", "spelen", "beginnen"])[1] == "spel"


def test_a_strong_past_plural_beside_a_subject_pronoun_is_the_verb(lem: DutchLemmatizer) -> None:
    # "sloten", "grepen", "boden" are also plural nouns (slot, greep, bode): in an
    # annual report's "wij sloten ... panden" or "grepen we in" they are the verbs,
    # which the framing lexicon's sluiten and ingrijpen count
    assert lem.lemmatize(["Wij", "sloten", "twaalf", "panden"])[1] == "sluiten"
    assert lem.lemmatize(["In", "2023", "grepen", "we", "in"])[2] == "grijpen"
    assert lem.lemmatize(["en", "zij", "schreven", "een", "plan"])[2] == "schrijven"
    # without a subject pronoun beside it the reading out of context stays
    assert lem.lemmatize(["De", "sloten", "zijn", "vol"])[1] == "slot"
    # a pronoun after a verb is its object; a present plural stays what it is;
    # and spaCy's odd verb exceptions ("en" of emmen) are no past plurals
    assert lem.lemmatize(["Daarna", "maken", "ze", "afspraken"])[3] == "afspraak"
    assert lem.lemmatize(["Wij", "voeren", "gesprekken"])[1] == "voeren"
    assert lem.lemmatize(["Wij", "scholen", "de", "boa's"])[1] == "scholen"
    assert lem.lemmatize(["Dat", "doen", "wij", "en", "wij", "sturen", "bij"])[3] == "en"


# ------------------------------------------------------------ compiled form tables


def test_compiled_tables_hold_what_the_packages_hold(tmp_path: Path) -> None:
    from simplemma.strategies import DefaultDictionaryFactory

    from textscan.lemmatizer import _FormTables, _load_json_gz, compile_tables

    path = compile_tables(tmp_path / "forms.sqlite")
    tables = _FormTables(path)
    simple = DefaultDictionaryFactory().get_dictionary("nl")
    lookup = _load_json_gz("nl_lemma_lookup.json.gz")
    for form in ["aangepakt", "woningen", "handhaaft", "bestreden", "vertrouwde"]:
        assert tables.simplemma.get(form) == simple.get(form)
        assert tables.lookup.get(form) == lookup.get(form)
        assert (form in tables.lookup) == (form in lookup)
    assert tables.simplemma.get("qqxzv") is None
    assert "qqxzv" not in tables.lookup
    assert len(tables.lookup) == len(lookup)
    assert not list(tmp_path.glob("*.tmp"))  # written through a temporary file


def test_compiled_dictionary_lemmas_equal_the_rules(tmp_path: Path) -> None:
    """The lemmas compiled into the tables are those the rules give (a sample of forms)."""
    import random
    import sqlite3

    from textscan.lemmatizer import _FormTables, _MemoryTables, compile_tables

    path = compile_tables(tmp_path / "forms.sqlite")
    compiled = DutchLemmatizer(_tables=_FormTables(path))
    by_rules = DutchLemmatizer(_tables=_MemoryTables())
    forms = [f for (f,) in sqlite3.connect(path).execute("SELECT form FROM forms")]
    sample = random.Random(7).sample(forms, 3000)
    sample += ["aangepakt", "gehandhaafd", "boete", "zusjes", "vaart", "gecontroleerd"]
    for form in sample:
        for word in (form, form.capitalize(), form.upper()):
            assert compiled.lemma(word) == by_rules.lemma(word), word
    # a compiled form reads its lemma from the file, without the rules
    assert _FormTables(path).known("gehandhaafd") == (True, "handhaven")
    assert _FormTables(path).known("qqxzv") == (False, None)


def test_lemmas_from_compiled_tables_equal_lemmas_from_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textscan.lemmatizer as lm

    words = ["aangepakt", "woninginbraken", "gehandhaafd", "zusjes", "vaart", "spelen"]
    monkeypatch.setenv("TEXTSCAN_CACHE", str(tmp_path / "cache"))
    original = lm._form_tables
    original.cache_clear()
    try:
        from_sqlite = DutchLemmatizer()
        assert isinstance(from_sqlite._lookup, lm._Column)
        assert (tmp_path / "cache" / "tables").is_dir()
        monkeypatch.setattr(lm, "_form_tables", lambda: lm._MemoryTables())
        in_memory = DutchLemmatizer()
        assert isinstance(in_memory._lookup, dict)
        assert [from_sqlite.lemma(w) for w in words] == [in_memory.lemma(w) for w in words]
    finally:
        original.cache_clear()


def test_unwritable_cache_folder_falls_back_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textscan.lemmatizer as lm

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TEXTSCAN_CACHE", str(blocker))
    lm._form_tables.cache_clear()
    try:
        lem = DutchLemmatizer()
        assert isinstance(lem._lookup, dict)
        assert lem.lemma("aangepakt") == "aanpakken"
    finally:
        lm._form_tables.cache_clear()


def _lemmas_and_queries(
    words: list[str], prepare: Callable[[DutchLemmatizer], None]
) -> tuple[list[str], int]:
    """The lemmas of ``words`` from fresh lemma tables, and how many queries they took."""
    from textscan.lemmatizer import _form_tables, _FormTables

    shared = _form_tables()
    if not isinstance(shared, _FormTables):
        pytest.skip("no compiled lemma tables in this environment")
    tables = _FormTables(shared.path)
    count = [0]
    tables._connection().set_trace_callback(lambda _q: count.__setitem__(0, count[0] + 1))
    lem = DutchLemmatizer(_tables=tables)
    prepare(lem)
    return [lem.lemma(w) for w in words], count[0]


def test_words_looked_up_ahead_get_the_same_lemmas_in_fewer_queries() -> None:
    # annotation fetches the table rows of a batch of paragraphs' words at once
    import re

    src = Path(__file__).resolve().parents[1] / "corpus" / "src"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(src.glob("*.md")))
    words = list(dict.fromkeys(re.findall(r"[^\W\d_][\w’'-]*", text)))
    assert len(words) > 1000
    ahead, fewer = _lemmas_and_queries(words, lambda lem: lem.prefetch(words))
    one_by_one, more = _lemmas_and_queries(words, lambda lem: None)
    assert ahead == one_by_one
    assert fewer < more / 2


def test_unknown_compounds_get_the_same_lemmas_with_their_heads_read_at_once() -> None:
    # an unknown compound is tried with every head ("ninginbraken", "inginbraken", ...):
    # their table rows are read in one query instead of one query each
    words = [
        "buurtpreventieteams",
        "woninginbraakcijfers",
        "jeugdoverlastaanpakken",
        "drugspandensluitingen",
        "wijkveiligheidsoverleggen",
        "straatcoachprojecten",
        "Hennepkwekerijen",
        "ondermijningsbeeldjes",
    ]
    at_once, fewer = _lemmas_and_queries(words, lambda lem: None)
    one_by_one, more = _lemmas_and_queries(words, lambda lem: setattr(lem, "_prefetch_rows", None))
    assert at_once == one_by_one
    assert at_once[1] == "woninginbraakcijfer"
    assert fewer < more / 2


def test_a_forked_process_opens_its_own_connection_to_the_lemma_tables():
    """Workers are forked from a parent that has read the tables: SQLite connections
    must not cross a fork, so the child opens its own and reads the same rows."""
    import os

    from textscan.lemmatizer import _form_tables

    tables = _form_tables()
    if not hasattr(tables, "_con"):
        pytest.skip("the lemma tables are in memory here (no compiled file)")
    query = tables._QUERY
    expected = tables._connection().execute(query, ("woningen",)).fetchone()
    assert expected is not None
    inherited = tables._con
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        try:
            fresh = tables._con is None
            tables.row(f"nooitgezien{os.getpid()}")  # not memoised anywhere: a query
            own = tables._con is not None and tables._con is not inherited
            got = tables._connection().execute(query, ("woningen",)).fetchone()
            os.write(write, repr((fresh, own, got)).encode())
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    os.close(write)
    assert os.read(read, 1000).decode() == repr((True, True, expected))
    os.close(read)
    assert tables._con is inherited  # the parent keeps its own
