"""The instrument against the project's annotated sentences (tests/data/framing_gold.jsonl)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from textscan.cli import cli
from textscan.evaluate import evaluate, load_gold

GOLD = Path(__file__).parent / "data" / "framing_gold.jsonl"
CODEBOOK_RULES = ("lemma", "separable", "compound", "sense", "negation", "niet_alleen")


@pytest.fixture(scope="module")
def result():
    return evaluate(GOLD)


def test_gold_set_size_and_rule_coverage():
    gold = load_gold(GOLD)
    assert len(gold) >= 300
    per_rule = Counter(r for g in gold for r in g.rules)
    for rule in CODEBOOK_RULES:
        assert per_rule[rule] >= 20, rule


def test_default_lexicon_reaches_the_agreed_scores(result):
    assert result.macro_f1 >= 0.92
    for row in result.scores.itertuples():
        assert row.precision >= 0.88, row.category
        assert row.recall >= 0.88, row.category


def test_every_rule_is_mostly_right(result):
    by_rule = result.by_rule().set_index("rule")["all_correct"]
    for rule in CODEBOOK_RULES:
        assert by_rule[rule] >= 0.75, (rule, by_rule[rule])


def test_disagreements_are_listed_with_hits(result):
    d = result.disagreements
    assert set(d.columns) >= {"id", "category", "gold", "predicted", "text", "hits"}
    fp = d[d.kind == "false positive"]
    assert (fp.hits != "").all()  # a false positive always names the hit behind it


def test_evaluate_command(tmp_path):
    gold = tmp_path / "gold.jsonl"
    lines = [
        {
            "id": "a",
            "text": "Wij pakken de overlast aan.",
            "labels": {"repressive": True, "preventive": False, "positive": False},
        },
        {
            "id": "b",
            "text": "Wij kiezen niet voor repressie.",
            "labels": {"repressive": False, "preventive": False, "positive": False},
        },
        {
            "id": "c",
            "text": "Bewoners werken samen met de wijkagent.",
            "labels": {"repressive": False, "preventive": False, "positive": True},
        },
    ]
    gold.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--out", str(tmp_path / "d.csv")])
    assert r.exit_code == 0, r.output
    assert "macro-F1" in r.output
    assert (tmp_path / "d.csv").exists()


def test_bad_gold_line_is_named(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "x", "labels": {}}\n{"id": "b"}\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(gold)])
    assert r.exit_code == 2
    assert "gold.jsonl" in r.output and "line 2" in r.output
