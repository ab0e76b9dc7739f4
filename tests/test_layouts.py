"""Extraction of designed layouts: six PDFs with a ground truth (benchmarks/layouts.py)."""

from __future__ import annotations

import pytest

from tests.conftest import load_benchmark

layouts = load_benchmark("layouts")
TRUTHS = sorted(layouts.LAYOUTS.glob("l*.truth.json"))


def test_the_six_layout_documents_are_there():
    assert [p.name for p in TRUTHS] == [f"l0{n}.truth.json" for n in range(1, 7)]


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda p: p.name.split(".")[0])
def test_designed_layouts_are_read_completely_in_order_and_in_their_sections(truth):
    # benchmarks/layouts.py when added: every word found (precision 0.997-1.000), every
    # heading found, reading order 0.92-1.00, every body paragraph in its section
    r = layouts.evaluate(truth)
    assert r["word_recall"] >= 0.99 and r["word_precision"] >= 0.98, r
    assert r["heading_recall"] >= 0.95, r["missing_headings"]
    assert r["heading_precision"] >= 0.8, r["extra_headings"]
    assert r["paragraphs_found"] == r["paragraphs"], r["missing_paragraphs"]
    assert r["reading_order"] >= 0.9, r
    assert r["section_agreement"] >= 0.95, r["wrong_section"]
