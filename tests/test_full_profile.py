"""The full profile on constructed plans whose right answers are known."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from textscan.cli import cli
from textscan.lexicon import load_lexicon
from textscan.pipeline import Pipeline

PLAN = """# Plan Toetsdorp

## 1. Ondermijning

Wij bestrijden ondermijning met harde handhaving.
De politie en de burgemeester pakken ondermijning aan.
De bestrijding van ondermijning heeft prioriteit.

## 2. Jeugd

Bij jeugdoverlast zoeken wij verbinding en vertrouwen.
Scholen en bewoners werken samen tegen jeugdoverlast.
De politie en scholen investeren in vertrouwen.
"""


@pytest.fixture()
def analysis(tmp_path, test_lexicon):
    from tests.conftest import TEST_DATA

    p = tmp_path / "toetsdorp.txt"
    p.write_text(PLAN, encoding="utf-8")
    lexicons = [
        test_lexicon,
        load_lexicon(TEST_DATA / "test_actors.yaml"),
        load_lexicon(TEST_DATA / "test_themes.yaml"),
    ]
    return Pipeline(lexicons).analyze(p), lexicons, p


def test_theme_by_framing_table(analysis):
    a, _, _ = analysis
    themes = a.profile.to_dict()["themes"]
    integ = themes["framing_by_category"]["integrity"]
    youth = themes["framing_by_category"]["youth"]
    assert integ["sentences"] == 4  # the heading "1. Ondermijning" counts too (rule 6)
    assert integ["repressive"] == 4 and integ["positive"] == 0 and integ["balance"] == -1.0
    assert youth["sentences"] == 2
    assert youth["positive"] == 3 and youth["repressive"] == 0 and youth["balance"] == 1.0
    assert themes["framing_by_entry"]["ondermijning"]["balance"] == -1.0


def test_actor_counts_breadth_network(analysis):
    a, _, _ = analysis
    actors = a.profile.to_dict()["actors"]
    assert actors["categories"]["chain"]["count"] == 3
    assert actors["categories"]["partners"]["count"] == 2
    assert actors["categories"]["residents"]["count"] == 1
    assert actors["breadth_entries"] == 4 and actors["breadth_categories"] == 3
    assert actors["absent_categories"] == []
    edges = {(e["source"], e["target"]): e["weight"] for e in actors["network"]["edges"]}
    assert edges == {
        ("burgemeester", "politie"): 1,
        ("bewoner", "school"): 1,
        ("politie", "school"): 1,
    }
    assert 0 < actors["diversity"] <= 1.585  # log2(3)
    # distinct actors per group: the chain's two do not make the plan broad
    row = a.profile.to_row()
    assert (row["actors_chain_breadth"], row["actors_partners_breadth"]) == (2, 1)
    assert row["actors_residents_breadth"] == 1
    from textscan.report.findings import key_measures

    measures = key_measures(a.profile.to_dict())
    assert measures["actors_breadth"] == 4 and measures["actors_societal_breadth"] == 2


def test_top_terms_and_evidence_point_to_sentences(analysis):
    a, _, _ = analysis
    d = a.profile.to_dict()
    assert d["top_terms"]["repressive"][0]["count"] >= 1
    ev = d["evidence"]["positive"][0]
    for h in ev["hits"]:
        assert ev["text"][h["start"] : h["end"]] == h["text"]
    assert ev["section"] == "2. Jeugd"


def test_scope_by_section_and_theme(analysis):
    _, lexicons, path = analysis
    pipeline = Pipeline(lexicons)
    part = pipeline.analyze(path, section="jeugd").profile
    assert part.categories["repressive"].count == 0
    assert part.categories["positive"].count == 4
    assert part.scope == {"section": "jeugd", "theme": None, "document_pages": None}  # a text file
    theme = pipeline.analyze(path, theme="ondermijning").profile
    assert theme.sentences == 4 and theme.balance.value == -1.0
    with pytest.raises(ValueError, match="unknown theme 'klimaat'"):
        pipeline.analyze(path, theme="klimaat")


def test_profile_cli_scope_errors(tmp_path, plan_txt):
    r = CliRunner().invoke(cli, ["profile", str(plan_txt), "--theme", "klimaat"])
    assert r.exit_code == 2 and "unknown theme" in r.output
    r = CliRunner().invoke(cli, ["profile", str(plan_txt), "--section", "(("])
    assert r.exit_code == 2 and "not a valid pattern" in r.output


def test_kwic_shows_context_page_and_section(plan_pdf):
    r = CliRunner().invoke(
        cli, ["kwic", str(plan_pdf), "--category", "positive", "--format", "jsonl", "--window", "3"]
    )
    assert r.exit_code == 0, r.output
    import json

    rows = [json.loads(x) for x in r.output.splitlines()]
    assert rows and all(row["page"] in (1, 2) for row in rows)
    first = next(row for row in rows if row["text"] == "vertrouwen")
    assert first["left"] == "Wij investeren in" and first["right"] == "en verbinding"
    r = CliRunner().invoke(cli, ["kwic", str(plan_pdf)])
    assert r.exit_code == 2
