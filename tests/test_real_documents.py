"""textscan on the shared real documents (skipped when ../shared/data is absent)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import shared_file
from textscan.cli import cli

MANIFESTOS = ["50plus.pdf", "BVNL.pdf", "LP.pdf", "Piratenpartij.pdf", "SP.pdf"]


@pytest.mark.parametrize("name", MANIFESTOS)
def test_hits_on_manifestos_have_valid_offsets_and_parts(name):
    pdf = shared_file("pdf", "manifestos-2023", name)
    result = CliRunner().invoke(cli, ["hits", str(pdf), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(rows) > 50
    for row in rows:
        assert row["sentence"][row["start"] : row["end"]] == row["text"]
        assert row["parts"], row
        for start, end in row["parts"]:
            assert row["start"] <= start < end <= row["end"]
        if row["match_kind"] == "separable":
            assert len(row["parts"]) == 2
        assert isinstance(row["page"], int) and row["page"] >= 1
    assert any(r["match_kind"] == "compound" for r in rows)


def _letters(text: str) -> str:
    """Only the letters, lowercased: PDF text and extracted text differ in spaces,
    hyphens (soft ones at line breaks) and ligatures, not in their letters."""
    return "".join(c for c in text.lower() if c.isalpha())


@pytest.mark.parametrize("name", ["SP.pdf", "Piratenpartij.pdf"])
def test_every_sentence_starts_on_the_page_it_is_cited_with(name):
    # A paragraph that runs on over a page break: the sentences that start on the
    # next page are cited with that page, not with the page the paragraph began on
    # (the evidence a report quotes must be found where it says).
    import pypdfium2 as pdfium

    from textscan.pipeline import Pipeline

    pdf = shared_file("pdf", "manifestos-2023", name)
    doc = pdfium.PdfDocument(str(pdf))
    pages = {}
    for number in range(1, len(doc) + 1):
        page = doc[number - 1]
        pages[number] = _letters(page.get_textpage().get_text_range())
    analysis = Pipeline().analyze(pdf)
    checked = wrong = 0
    for s in analysis.sentences:
        start = _letters(s.text)[:12]
        if len(start) < 12 or s.page is None:
            continue
        checked += 1
        if start not in pages[s.page]:
            wrong += 1
    assert checked > 300
    assert wrong <= checked // 100, f"{wrong} of {checked} sentences not on their page"
