"""textscan's copy of spaCy's Dutch tokenizer rules must tokenise exactly as spaCy does."""

from __future__ import annotations

import marshal
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import shared_file
from textscan.tokenizer import (
    DutchTokenizer,
    RulesError,
    check_rules,
    get_tokenizer,
    rules_path,
)


@lru_cache(maxsize=1)
def _spacy_tokenizer():
    """spaCy's Dutch tokenizer with every exception loaded up front."""
    return spacy.blank("nl").tokenizer


@lru_cache(maxsize=1)
def _ours() -> DutchTokenizer:
    tok = get_tokenizer()
    assert tok is not None, "the compiled rules did not pass their check against spaCy"
    return tok


def _specials() -> list[str]:
    return sorted(k for k in _ours().specials if k.strip())


# characters that prefix, suffix and infix rules act on, and some that none do
_CHARS = list("aeiouAEtnrskxyzéëïö'’‘.,:;-–—/()[]{}\"“”„!?€$£%&+=@#*<>~^|0123456789§°²…½•·_")
_PIECE = st.one_of(
    st.text(alphabet=_CHARS, min_size=1, max_size=6),
    st.sampled_from(
        ["www.gemeente.nl", "https://x.nl/a?b=1", "info@wijk.nl", "'s", "'t", "e-mail"]
    ),
    st.builds(lambda i: _specials()[i % len(_specials())], st.integers(min_value=0)),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=4))
def test_chunks_tokenise_as_spacy_does(pieces: list[str]) -> None:
    chunk = "".join(pieces)
    if any(c.isspace() for c in chunk):
        return
    doc = _spacy_tokenizer()(chunk)
    assert _ours().split(chunk) == [t.text for t in doc]
    for t in doc:
        assert _ours().is_punct(t.text) == t.is_punct
        assert _ours().like_num(t.text) == t.like_num


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="0123456789.,/-½eEnNwtTdrig ", max_size=8)
    | st.sampled_from(["twee", "Tien", "eerste", "MILJOEN", "1.000,50", "3/4", "1/2/3", ",", ""])
)
def test_number_and_punctuation_attributes_are_spacys(text: str) -> None:
    if not text:
        return
    lex = _spacy_tokenizer().vocab[text]
    assert _ours().like_num(text) == lex.like_num
    assert _ours().is_punct(text) == lex.is_punct


def test_every_chunk_of_the_shared_documents_tokenises_as_spacy_does() -> None:
    from textscan.extract import extract

    pdfs = sorted(shared_file("pdf").rglob("*.pdf"))
    chunks: set[str] = set()
    for pdf in pdfs:
        for para in extract(pdf).paragraphs:
            chunks.update(para.text.split())
    treebank = shared_file("ud", "nl_alpino-ud-dev.conllu")
    for line in treebank.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text ="):
            chunks.update(line.split("=", 1)[1].split())
    assert len(chunks) > 15_000
    differ = [
        c for c in sorted(chunks) if _ours().split(c) != [t.text for t in _spacy_tokenizer()(c)]
    ]
    assert differ == []


def test_special_cases_the_affix_rules_cut_up_are_put_back() -> None:
    tok = _ours()
    assert tok.split("(o.a.") == ["(", "o.a."]
    assert tok.split("bijv.),") == ["bijv.", ")", ","]
    assert tok.split("'s-Hertogenbosch") == [t.text for t in _spacy_tokenizer()("'s-Hertogenbosch")]
    # and tokens always spell their chunk
    for chunk in ("d.w.z.:", "(COVID-19)", "€12,50.", "[1]", "...!"):
        assert "".join(tok.split(chunk)) == chunk


def test_a_rule_that_tokenises_differently_is_caught_at_compile_time() -> None:
    rules = dict(_ours().rules)
    rules["specials"] = {k: v for k, v in rules["specials"].items() if k != "o.a."}
    rules["patterns"] = {k: v for k, v in rules["patterns"].items() if k != "o.a."}
    with pytest.raises(RulesError, match=r"o\.a\."):
        check_rules(DutchTokenizer(rules), _spacy_tokenizer(), ["wij", "(o.a."])


def test_rules_that_fail_their_check_leave_annotation_to_spacy(monkeypatch) -> None:
    import textscan.nlp as nlp
    import textscan.tokenizer as tokenizer
    from textscan.nlp import annotate_text

    text = "De gemeente (o.a. de wijkagent) pakt overlast aan: 12 meldingen, d.w.z. één per maand."
    expected = [
        (t.text, t.lemma, t.is_punct, t.like_num) for s in annotate_text(text) for t in s.tokens
    ]

    def refuse(*args, **kwargs):
        raise RulesError("spaCy 9.9 tokenises 'x' differently")

    monkeypatch.setattr(tokenizer, "check_rules", refuse)
    tokenizer.get_tokenizer.cache_clear()
    nlp.get_chunk_tokenizer.cache_clear()
    try:
        with pytest.warns(UserWarning, match="tokenises with spaCy itself.*9.9"):
            assert tokenizer.get_tokenizer() is None
        chunker = nlp.get_chunk_tokenizer()
        assert type(chunker.source).__name__ == "SpacyChunks"
        got = [
            (t.text, t.lemma, t.is_punct, t.like_num) for s in annotate_text(text) for t in s.tokens
        ]
        assert got == expected
    finally:
        monkeypatch.undo()
        tokenizer.get_tokenizer.cache_clear()
        nlp.get_chunk_tokenizer.cache_clear()


def test_an_unreadable_rules_file_is_compiled_again(monkeypatch) -> None:
    import textscan.tokenizer as tokenizer

    path = rules_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xe3\x00 not marshal data")
    tokenizer.get_tokenizer.cache_clear()
    try:
        tok = tokenizer.get_tokenizer()
        assert tok is not None and tok.split("(o.a.") == ["(", "o.a."]
        stored = marshal.loads(path.read_bytes())
        assert stored["version"] == tokenizer.RULES_VERSION and stored["spacy"] == spacy.__version__
    finally:
        tokenizer.get_tokenizer.cache_clear()


def test_without_a_writable_cache_folder_spacy_tokenises_with_the_same_tokens(
    tmp_path: Path, monkeypatch
) -> None:
    # compiling and checking the rules in every run would take longer than spaCy's start
    import textscan.nlp as nlp
    import textscan.tokenizer as tokenizer
    from textscan.nlp import annotate_text

    text = "Wij pakken (o.a.) de COVID-19-overlast aan, bijv. in 's-Hertogenbosch."
    expected = [t.text for s in annotate_text(text) for t in s.tokens]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TEXTSCAN_CACHE", str(blocker / "cache"))
    tokenizer.get_tokenizer.cache_clear()
    nlp.get_chunk_tokenizer.cache_clear()
    try:
        assert tokenizer.get_tokenizer() is None
        assert type(nlp.get_chunk_tokenizer().source).__name__ == "SpacyChunks"
        assert [t.text for s in annotate_text(text) for t in s.tokens] == expected
        assert not (blocker / "cache").exists()
    finally:
        tokenizer.get_tokenizer.cache_clear()
        nlp.get_chunk_tokenizer.cache_clear()


def test_annotation_and_term_analysis_do_not_import_spacy() -> None:
    import shutil

    from textscan.lemmatizer import _form_tables, tables_path

    # this test's cache folder gets the rules and lemma tables this process uses
    path = rules_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(marshal.dumps(_ours().rules))
    in_use = getattr(_form_tables(), "path", None)
    if in_use is not None and in_use != tables_path():
        shutil.copy(in_use, tables_path())
    code = (
        "import sys\n"
        "from textscan.nlp import annotate_text, lemmatize_phrase\n"
        "s = annotate_text('Wij pakken (o.a.) de COVID-19-overlast aan.')\n"
        "assert [t.text for t in s[0].tokens][:5] == ['Wij', 'pakken', '(', 'o.a.', ')']\n"
        "assert lemmatize_phrase('COVID-19 o.a.')[0] == ('covid-19', 'o.a.')\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_each_python_version_gets_its_own_rules_and_lemma_tables(monkeypatch) -> None:
    # the files are marshal data, whose format belongs to a Python version
    import sys

    from textscan.lemmatizer import tables_path

    here = (rules_path(), tables_path())
    monkeypatch.setattr(sys, "version_info", (3, 99, 0, "final", 0))
    other = (rules_path(), tables_path())
    assert here[0] != other[0] and here[1] != other[1]
    assert here[0].parent == other[0].parent


def test_stored_expressions_are_spacys_and_another_pythons_are_compiled_anew(monkeypatch) -> None:
    """The affix expressions are read in their compiled form, equal to ``re.compile``'s.

    A form written by another Python release (or a damaged one) is not used:
    the expression is compiled from its text, with the same tokens.
    """
    import re

    import textscan.tokenizer as tokenizer

    rules = _ours().rules
    nlp_tok = _spacy_tokenizer()
    spacy_patterns = {
        "prefix": nlp_tok.prefix_search.__self__,
        "suffix": nlp_tok.suffix_search.__self__,
        "infix": nlp_tok.infix_finditer.__self__,
        "url_match": nlp_tok.url_match.__self__,
    }
    for name, theirs in spacy_patterns.items():
        spec = rules[name]
        assert spec["sre"] is not None, name  # this Python's form was stored
        ours = tokenizer._pattern(spec)
        assert ours == theirs, name  # same expression, flags and compiled code
        with monkeypatch.context() as m:  # read, not compiled (~50 ms per process)
            m.setattr(tokenizer.re, "compile", lambda *a: pytest.fail("compiled again"))
            assert tokenizer._pattern(spec) == theirs
        for form in (
            dict(spec["sre"], python=spec["sre"]["python"] + 1),  # another release's
            dict(spec["sre"], code=[1, 2, 3]),  # damaged: _sre refuses it
            None,
        ):
            again = tokenizer._pattern(dict(spec, sre=form))
            assert again == re.compile(spec["pattern"], spec["flags"]) == theirs, name


def test_spacys_version_is_read_without_importing_it_or_the_package_metadata(monkeypatch) -> None:
    """Cache keys name spaCy's version; it is read from spaCy's about.py (the source
    of its metadata), and from the metadata when that file cannot be read."""
    import importlib.metadata
    import importlib.util

    import textscan._spacy as spacy_module

    expected = importlib.metadata.version("spacy")
    assert expected == spacy.__version__
    with monkeypatch.context() as m:
        m.delitem(sys.modules, "spacy")  # as in a scan's parent, which never imports it
        spacy_module.spacy_version.cache_clear()
        m.setattr(importlib.metadata, "version", lambda name: pytest.fail("metadata read"))
        assert spacy_module.spacy_version() == expected
        spacy_module.spacy_version.cache_clear()
        m.setattr(importlib.util, "find_spec", lambda name: None)  # no about.py to read
        m.setattr(importlib.metadata, "version", lambda name: f"{name} from metadata")
        assert spacy_module.spacy_version() == "spacy from metadata"
    spacy_module.spacy_version.cache_clear()
    assert spacy_module.spacy_version() == expected


_LETTERS = [chr(i) for i in range(0x41, 0x250) if chr(i).isalpha()] + ["α", "Ω", "ĳ", "ǅ", "ß"]


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(_LETTERS), min_size=1, max_size=7),
    st.sampled_from(list(",.;:)!?")),
)
def test_a_word_and_a_mark_tokenise_as_spacy_does(word: str, mark: str) -> None:
    """The shortcut for a word and one mark ("buurt.") gives spaCy's tokens, whatever the
    letters (capitals before a full stop, letters outside the checked range)."""
    chunk = word + mark
    assert _ours().split(chunk) == [t.text for t in _spacy_tokenizer()(chunk)], chunk


def test_a_word_and_a_mark_are_split_without_the_affix_rules(monkeypatch) -> None:
    tok = _ours()
    assert set(tok._word_marks) >= {",", "."}  # found when the rules were compiled
    with monkeypatch.context() as m:
        m.setattr(tok, "_affixes", lambda *args: pytest.fail("the affix rules ran"))
        assert tok.split("veiligheid,") == ["veiligheid", ","]
        assert tok.split("buurt.") == ["buurt", "."]
        assert tok.split("Één;") == ["Één", ";"]
    # a special case, a capital before a full stop, a digit: the rules as ever
    assert tok.split("bijv.") == [t.text for t in _spacy_tokenizer()("bijv.")]
    assert tok.split("EU.") == [t.text for t in _spacy_tokenizer()("EU.")]
    assert tok.split("2023,") == ["2023", ","]
