"""quanteda YAML and LIWC .dic: import, export, round trips."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from textscan.cli import cli
from textscan.errors import LexiconError
from textscan.interop import (
    read_liwc_dic,
    read_quanteda_yaml,
    to_liwc_dic,
    to_quanteda_yaml,
)
from textscan.lexicon import load_lexicon
from textscan.match import Matcher
from textscan.nlp import annotate_text

QUANTEDA = """
veiligheid:
  repressief:
    - bestrijd*
    - handhaving
    - zero tolerance
  positief:
    - vertrouwen
    - verbind?ng
"""

LIWC = """%
1\trepressief
2\tpositief
%
bestrijd*\t1
handhaving\t1
vertrouwen\t2
samen werken\t2
"""


def values(lex):
    return sorted((e.category, e.lemma or e.pattern) for e in lex.entries)


def test_quanteda_import_nested_categories_and_wildcards():
    lex = read_quanteda_yaml(QUANTEDA, name="q")
    assert lex.category_ids == ("veiligheid.repressief", "veiligheid.positief")
    assert ("veiligheid.repressief", "bestrijd*") in values(lex)
    hits = Matcher([lex]).match(
        annotate_text("Wij bestrijden overlast, hanteren zero tolerance en zoeken verbinding.")
    )
    assert [h.text for h in hits] == ["bestrijden", "zero tolerance", "verbinding"]


def test_liwc_import_and_matching():
    lex = read_liwc_dic(LIWC, name="l")
    assert lex.category_ids == ("repressief", "positief")
    assert ("positief", "samen werken") in values(lex)
    hits = Matcher([lex]).match(annotate_text("De bestrijding van overlast en het vertrouwen."))
    assert [(h.text, h.category) for h in hits] == [
        ("bestrijding", "repressief"),
        ("vertrouwen", "positief"),
    ]


def test_a_liwc_word_in_two_categories_counts_in_both():
    lex = read_liwc_dic("%\n1\trepressie\n2\tverbinding\n%\nsamen*\t1\t2\nboete\t1\n", name="l")
    hits = Matcher([lex]).match(annotate_text("Wij trekken samen op; een boete volgt."))
    assert sorted((h.text, h.category) for h in hits) == [
        ("boete", "repressie"),
        ("samen", "repressie"),
        ("samen", "verbinding"),
    ]


def test_quanteda_round_trip_keeps_categories_and_values():
    framing = load_lexicon("framing")
    back = read_quanteda_yaml(to_quanteda_yaml(framing), name="framing-copy")
    assert back.category_ids == framing.category_ids
    # entries with required context are left out: quanteda would count them everywhere
    assert set(values(back)) == {
        (e.category, e.lemma or e.pattern) for e in framing.entries if not e.require
    }
    assert any(e.require for e in framing.entries)
    again = read_quanteda_yaml(to_quanteda_yaml(back), name="framing-copy")
    assert values(again) == values(back)


def test_exports_leave_out_entries_that_count_only_in_a_context():
    themes = load_lexicon("themes")
    conditional = {e.lemma for e in themes.entries if e.require}
    assert "jongere" in conditional
    unconditional = {e.lemma or e.pattern for e in themes.entries if not e.require}
    for back in (
        read_quanteda_yaml(to_quanteda_yaml(themes), name="t"),
        read_liwc_dic(to_liwc_dic(themes), name="t"),
    ):
        exported = {v for _, v in values(back)}
        assert not (conditional - unconditional) & exported
        assert "jeugdoverlast" in exported


def test_liwc_round_trip():
    lex = read_liwc_dic(LIWC, name="l")
    back = read_liwc_dic(to_liwc_dic(lex), name="l")
    assert back.category_ids == lex.category_ids
    assert values(back) == values(lex)


def test_bad_liwc_file_is_located():
    with pytest.raises(LexiconError, match=r"line 5: unknown category number 7"):
        read_liwc_dic("%\n1\trep\n%\nwoord\t1\nander\t7\n", name="x")
    with pytest.raises(LexiconError, match="category block"):
        read_liwc_dic("woord 1\n", name="x")


def test_cli_import_export(tmp_path):
    src = tmp_path / "mijn.dic"
    src.write_text(LIWC, encoding="utf-8")
    out = tmp_path / "mijn.yaml"
    runner = CliRunner()
    r = runner.invoke(cli, ["lexicon", "import", str(src), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert load_lexicon(out).name == "mijn"
    r = runner.invoke(cli, ["lexicon", "export", str(out), "--format", "quanteda"])
    assert r.exit_code == 0 and "repressief:" in r.output
