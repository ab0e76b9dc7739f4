"""Annotation reads spaCy's arrays instead of Token objects: it must agree with spaCy."""

from __future__ import annotations

from functools import lru_cache

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from textscan._spacy_pipeline import ATTRS as _ATTRS
from textscan.nlp import _sentence_starts, annotate_text, get_nlp

PIECES = [
    "De",
    "gemeente",
    "pakt",
    "overlast",
    "aan",
    "bijv.",
    "o.a.",
    "3.2",
    "a)",
    ".",
    "!",
    "?",
    "...",
    ",",
    ";",
    ":",
    "(",
    ")",
    "“",
    "”",
    "-",
    "\n",
    "2023",
    "Jeugd",
]


def _spacy_starts(text: str) -> list[int]:
    doc = get_nlp()(text)
    return [i for i, t in enumerate(doc) if t.is_sent_start]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.randoms())
def test_sentence_starts_equal_spacys_sentencizer(pieces: list[str], rnd) -> None:
    text = "".join(p + rnd.choice([" ", " ", "", "  "]) for p in pieces).strip() or "x"
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    cols = doc.to_array(_ATTRS).tolist()
    words = [text[c[0] : c[0] + c[1]] for c in cols]
    assert words == [t.text for t in doc]
    ours = _sentence_starts(words, cols, nlp.get_pipe("sentencizer").punct_chars)
    assert ours == _spacy_starts(text)


def test_annotation_equals_the_spacy_pipeline() -> None:
    text = (
        "Wij pakken de overlast aan, o.a. in het centrum. De politie handhaaft! "
        "3. Jongeren spelen\nin de wijk; zij willen spelen. Het plan (bijv. art. 2) werkt."
    )
    doc = get_nlp()(text)
    sents = annotate_text(text)
    tokens = [t for s in sents for t in s.tokens]
    spacy_tokens = [t for t in doc if not t.is_space]
    assert [t.text for t in tokens] == [t.text for t in spacy_tokens]
    assert [t.lemma for t in tokens] == [t.lemma_.lower() or t.lower_ for t in spacy_tokens]
    assert [t.is_punct for t in tokens] == [t.is_punct for t in spacy_tokens]
    assert [t.like_num for t in tokens] == [t.like_num for t in spacy_tokens]
    # the wordless "3." is joined to the sentence after it
    assert [s.text for s in sents] == [
        "Wij pakken de overlast aan, o.a. in het centrum.",
        "De politie handhaaft!",
        "3. Jongeren spelen\nin de wijk; zij willen spelen.",
        "Het plan (bijv. art. 2) werkt.",
    ]
    for s in sents:
        for t in s.tokens:
            assert s.text[t.start : t.end] == t.text


ABBREVIATIONS = ["bijv.", "o.a.", "a.s.", "Dhr.", "mevr.", "c.s.", "m.b.t.", "t.a.v.", "°C."]


@lru_cache(maxsize=1)
def _full_dutch_tokenizer():
    """spaCy's Dutch tokenizer with every exception loaded up front."""
    return spacy.blank("nl").tokenizer


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, *ABBREVIATIONS, "z.g.a.n.", "e.d.", "art."]), max_size=30),
    st.randoms(),
)
def test_abbreviations_loaded_on_demand_tokenise_as_spacy_does(pieces: list[str], rnd) -> None:
    text = "".join(p + rnd.choice([" ", "", " "]) for p in pieces)
    ours = [t.text for t in get_nlp().tokenizer(text)]
    assert ours == [t.text for t in _full_dutch_tokenizer()(text)]


def test_exceptions_found_late_go_into_a_fresh_tokenizer_then_all_load() -> None:
    from textscan._spacy_pipeline import DOTTED, LazyExceptions, _DutchLazyExceptions

    lazy = LazyExceptions(_DutchLazyExceptions().tokenizer, DOTTED)
    lazy.FRESH_CHARS = 10  # any use counts as "grown"
    lazy.MAX_REBUILDS = 2
    full = _full_dutch_tokenizer()
    texts = [
        "Een zin zonder afkortingen die lang genoeg is.",
        "Zie bijv. dit.",
        "Dhr. Jansen en o.a. mevr. Smit.",
        "Ook m.b.t. t.a.v. dit plan (z.g.a.n.).",
    ]
    for i, text in enumerate(texts):
        assert [t.text for t in lazy(text)] == [t.text for t in full(text)]
        assert lazy.rebuilds == i
    assert not lazy._pending  # the third addition loaded every exception
    assert [t.text for t in lazy("e.d. c.s.")] == ["e.d.", "c.s."]


def test_plain_terms_are_analysed_without_spacy_exactly_as_with_it() -> None:
    from textscan.lexicon import available_lexicons, load_lexicon
    from textscan.match import _PLAIN_TERM, analyse_term
    from textscan.nlp import lemmatize_phrase

    terms = {
        e.lemma
        for name in available_lexicons()
        for e in load_lexicon(name).entries
        if e.lemma is not None
    }
    plain = sorted(t for t in terms if _PLAIN_TERM.fullmatch(t))
    assert len(plain) > 600 and "lik-op-stuk" in plain and "zorg- en veiligheidshuis" in plain
    assert [analyse_term(t) for t in plain] == [lemmatize_phrase(t) for t in plain]
    # a full stop standing alone is a token of its own too (". sluiting .")
    assert analyse_term(". sluiting .") == lemmatize_phrase(". sluiting .")
    assert _PLAIN_TERM.fullmatch(". sluiting .") and not _PLAIN_TERM.fullmatch("sluiting.")
    # anything else goes through the tokenizer
    assert analyse_term("COVID-19 o.a.") == lemmatize_phrase("COVID-19 o.a.")


_LETTERS = st.text(alphabet="abcdeéëijkoöstuzAZ", min_size=1, max_size=7)
_WORD = st.builds(
    lambda parts, end: "-".join(parts) + end,
    st.lists(_LETTERS, min_size=1, max_size=3),
    st.sampled_from(["", "", "-"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=3))
def test_words_of_letters_and_hyphens_are_single_spacy_tokens(words: list[str]) -> None:
    from textscan.match import _PLAIN_TERM, analyse_term
    from textscan.nlp import lemmatize_phrase

    term = " ".join(words)
    assert _PLAIN_TERM.fullmatch(term)
    assert [t.text for t in _full_dutch_tokenizer()(term)] == words
    assert analyse_term(term) == lemmatize_phrase(term)


def test_dutch_stop_words_are_spacys_without_importing_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from textscan.checks import _dutch_stop_words as s; "
        "print(len(s()), 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    from spacy.lang.nl.stop_words import STOP_WORDS

    from textscan.checks import _dutch_stop_words

    assert out.stdout.split() == [str(len(STOP_WORDS)), "False"]
    assert _dutch_stop_words() == frozenset(STOP_WORDS)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, *ABBREVIATIONS, "€", "10%", "www.veilig.nl", "1e", "½", "'s"]),
        min_size=1,
        max_size=30,
    ),
    st.randoms(),
)
def test_trimmed_vocabulary_gives_spacys_values_for_the_attributes_read(pieces, rnd) -> None:
    # get_nlp() computes only the lexical attributes annotation reads; they must
    # be spaCy's own, whatever words come first
    text = "".join(p + rnd.choice([" ", "", "\n"]) for p in pieces)
    ours = get_nlp().make_doc(text)
    full = _full_dutch_tokenizer()(text)
    assert [t.text for t in ours] == [t.text for t in full]
    for attr in ("is_space", "is_punct", "like_num", "lower_", "norm_"):
        assert [getattr(t, attr) for t in ours] == [getattr(t, attr) for t in full], attr


def test_spacy_is_imported_without_its_command_line_which_still_works() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import textscan._spacy_pipeline\n"
        "heavy = sorted(m for m in ('weasel', 'httpx', 'typer', 'requests') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
        "assert 'spacy.cli' not in sys.modules\n"
        "import spacy, spacy.cli\n"
        "from spacy.cli.info import info\n"
        "assert spacy.cli.info is info and callable(spacy.cli.download)\n"
        "assert spacy.info()['spacy_version'] == spacy.__version__\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


WHITESPACE = [" ", "", "  ", "\n", " \n", "\n ", "\t", "\xa0", "\u2009", " \xa0 ", "\n\n"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *PIECES,
                *ABBREVIATIONS,
                "xD",
                "€",
                "10%",
                "www.veilig.nl",
                "info@gemeente.nl",
                "'s-Hertogenbosch",
                "auto's",
                "co-creatie",
                "e\u0301cole",
                "ﬁets",
                "½",
                "twee",
                "Tien",
                "§",
                "🙂",
            ]
        ),
        min_size=0,
        max_size=30,
    ),
    st.randoms(),
)
def test_chunk_tokenizer_gives_spacys_tokens_and_attributes(pieces, rnd) -> None:
    # annotation tokenises chunk by chunk: the tokens, offsets, whitespace tokens
    # and the attributes read must be those of spaCy's tokenizer on the whole text
    from textscan.nlp import get_chunk_tokenizer

    text = rnd.choice(WHITESPACE) + "".join(p + rnd.choice(WHITESPACE) for p in pieces)
    words, cols = get_chunk_tokenizer()(text)
    doc = _full_dutch_tokenizer()(text)
    assert words == [t.text for t in doc]
    assert [list(c) for c in cols] == doc.to_array(_ATTRS).tolist()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, *ABBREVIATIONS, "€", "10%", "'s", "co-creatie"]),
        min_size=1,
        max_size=30,
    )
)
def test_chunk_tokenizer_on_single_spaced_text_gives_spacys_tokens(pieces) -> None:
    # a paragraph whose only whitespace is one space between chunks (the usual one)
    # is cut at its spaces without the regex walk: still spaCy's tokens
    from textscan.nlp import get_chunk_tokenizer

    text = " ".join(pieces)
    words, cols = get_chunk_tokenizer()(text)
    doc = _full_dutch_tokenizer()(text)
    assert words == [t.text for t in doc]
    assert [list(c) for c in cols] == doc.to_array(_ATTRS).tolist()


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*"ab1.,-()é", *WHITESPACE, "\u2028"]), max_size=24).map("".join))
def test_chunk_tokenizer_shortcut_agrees_with_its_regex_walk(text) -> None:
    # the shortcut is taken only when the text's whitespace is single spaces between
    # chunks; on any text the tokens equal those of the walk over regex chunks
    from textscan.nlp import get_chunk_tokenizer

    chunker = get_chunk_tokenizer()
    assert chunker(text) == chunker._walk(text)


@pytest.mark.parametrize("source", ["rules", "spacy"])
def test_chunk_tokenizer_on_running_text_and_a_full_chunk_memo(source: str) -> None:
    # over the compiled rules, and over spaCy itself (the fallback)
    from textscan._spacy_pipeline import SpacyChunks
    from textscan.nlp import ChunkTokenizer, get_nlp
    from textscan.tokenizer import get_tokenizer

    chunker = ChunkTokenizer(get_tokenizer() if source == "rules" else SpacyChunks(get_nlp()))
    chunker.MAX_CHUNKS = 5  # the memo is emptied when full, and the tokens stay right
    text = (
        "  Het college zet in op preventie (o.a. met jongerenwerk), en pakt\n"
        "ondermijning aan:  12 controles in 2024, d.w.z. één per maand.\xa0Zie p. 3.\n"
    )
    for _ in range(3):
        words, cols = chunker(text)
        doc = _full_dutch_tokenizer()(text)
        assert words == [t.text for t in doc]
        assert [list(c) for c in cols] == doc.to_array(_ATTRS).tolist()
        assert len(chunker._chunks) <= 5
