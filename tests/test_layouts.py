"""Extraction of designed layouts (PDF) and of Word and HTML plans, against a ground truth.

See benchmarks/layouts.py and the READMEs of tests/data/layouts and tests/data/formats.
"""

from __future__ import annotations

import pytest

from tests.conftest import load_benchmark

layouts = load_benchmark("layouts")
TRUTHS = layouts.truth_files()


def test_the_twelve_test_documents_are_there():
    names = [p.name.split(".")[0] for p in TRUTHS]
    assert names == [f"l0{n}" for n in range(1, 7)] + [f"f0{n}" for n in range(1, 7)]


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda p: p.name.split(".")[0])
def test_documents_are_read_completely_in_order_and_in_their_sections(truth):
    # benchmarks/layouts.py when added: every word found (precision 0.989-1.000, recall
    # 1.000), every heading found, reading order 0.92-1.00, body paragraphs in their
    # sections 0.95-1.00
    r = layouts.evaluate(truth)
    assert r["word_recall"] >= 0.99 and r["word_precision"] >= 0.98, r
    assert r["heading_recall"] >= 0.95, r["missing_headings"]
    assert r["heading_precision"] >= 0.8, r["extra_headings"]
    assert r["paragraphs_found"] == r["paragraphs"], r["missing_paragraphs"]
    assert r["reading_order"] >= 0.9, r
    assert r["section_agreement"] >= 0.95, r["wrong_section"]
