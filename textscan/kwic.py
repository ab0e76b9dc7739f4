"""Keyword in context: every hit with the words around it, page and section.

Example:
    >>> from textscan import analyze
    >>> from textscan.kwic import kwic_frame
    >>> frame = kwic_frame(analyze("plan.pdf"), entries=["aanpak"])  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from textscan.model import Hit, Sentence
from textscan.pipeline import Analysis

KWIC_COLUMNS = [
    "document",
    "page",
    "section",
    "sentence_id",
    "left",
    "text",
    "right",
    "entry",
    "category",
    "lexicon",
    "negated",
]


def _context(sentence: Sentence, hit: Hit, window: int) -> tuple[str, str]:
    words = [t for t in sentence.tokens if not t.is_punct or t.text in ",;:"]
    before = [t for t in words if t.end <= hit.start][-window:]
    after = [t for t in words if t.start >= hit.end][:window]
    left = sentence.text[before[0].start : hit.start].strip() if before else ""
    right = sentence.text[hit.end : after[-1].end].strip() if after else ""
    return left, right


def kwic_frame(
    analysis: Analysis,
    *,
    entries: Iterable[str] = (),
    categories: Iterable[str] = (),
    lexicons: Iterable[str] = (),
    window: int = 8,
    include_negated: bool = True,
) -> pd.DataFrame:
    """Hits of the given entries/categories (all when both are empty) in context."""
    want_e, want_c, want_l = set(entries), set(categories), set(lexicons)
    by_id = {s.id: s for s in analysis.sentences}
    rows = []
    for h in analysis.hits:
        if want_l and h.lexicon not in want_l:
            continue
        if (want_e or want_c) and h.entry not in want_e and h.category not in want_c:
            continue
        if h.negated and not include_negated:
            continue
        left, right = _context(by_id[h.sentence_id], h, window)
        rows.append(
            {
                "document": h.document,
                "page": h.page,
                "section": h.section,
                "sentence_id": h.sentence_id,
                "left": left,
                "text": h.text,
                "right": right,
                "entry": h.entry,
                "category": h.category,
                "lexicon": h.lexicon,
                "negated": h.negated,
            }
        )
    return pd.DataFrame(rows, columns=KWIC_COLUMNS).astype({"page": "Int64"})
