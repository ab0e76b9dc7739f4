"""The bundled demo corpus comes out as it was written to (corpus/plans.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from textscan.pipeline import scan

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    result = scan(sorted(CORPUS.glob("*.pdf")), out)
    plans = {Path(r["file"]).stem: r for r in csv.DictReader((CORPUS / "plans.csv").open())}
    return result, plans, out


def test_demo_scan_profiles_every_plan(demo):
    result, plans, out = demo
    assert result.failures.empty
    assert sorted(result.profiles["document"]) == sorted(plans)
    rows = list(csv.DictReader((out / "profiles.csv").open()))
    assert len(rows) == len(plans)


def test_repressive_and_positive_plans_on_their_side_of_the_balance(demo):
    result, plans, _ = demo
    by_doc = result.profiles.set_index("document")
    for doc, plan in plans.items():
        row = by_doc.loc[doc]
        if plan["intended_framing"] == "repressive":
            assert row["balance_ci_high"] < 0, doc
        elif plan["intended_framing"] == "positive":
            assert row["balance_ci_low"] > 0, doc
        elif plan["intended_framing"] == "preventive":
            rates = {c: row[f"{c}_per_1000"] for c in ("repressive", "preventive", "positive")}
            assert max(rates, key=rates.get) == "preventive", doc


def test_demo_tables_of_contents_are_not_counted(demo):
    result, _, _ = demo
    sentences = result.sentences
    assert not sentences["text"].str.contains(r"\. \. \. \.", regex=True).any()


def test_every_hit_has_page_and_section(demo):
    result, _, _ = demo
    hits = result.hits
    assert hits["page"].notna().all()
    body = hits[hits["page"] > 2]  # after title and contents pages
    assert body["section"].notna().all()


def test_the_readme_example_is_what_the_quick_start_prints(demo):
    """The README's example table must be the figures a fresh scan gives (they drift)."""
    result, _, _ = demo
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Example", 1)[1].split("```", 2)[1]
    rows = [line.split() for line in example.splitlines() if line.endswith(tuple("0123456789"))]
    rows = [r for r in rows if r and r[0] in set(result.profiles["document"])]
    assert len(rows) == len(result.profiles)
    got = result.profiles.set_index("document")
    for doc, pages, words, rep, prev, pos, bal, lo, hi in rows:
        p = got.loc[doc]
        assert (int(pages), int(words)) == (p["pages"], p["words"]), doc
        figures = [
            p["repressive_per_1000"],
            p["preventive_per_1000"],
            p["positive_per_1000"],
            p["balance"],
            p["balance_ci_low"],
            p["balance_ci_high"],
        ]
        assert [f"{x:.2f}" for x in figures] == [rep, prev, pos, bal, lo, hi], doc
