"""Extraction quality on designed layouts and other formats, against a ground truth.

The PDFs in ``tests/data/layouts/`` look like municipal safety plans as
designed documents (two and three columns, a sidebar with boxes and pull
quotes, tables with captions and footnotes, a cover and a table of contents,
an infographic page with hyphenated justified text, landscape pages); the
Word and HTML files in ``tests/data/formats/`` are plans as municipalities
also publish them (styled and unstyled Word headings, a typed table of
contents, a web page with navigation around its ``main``, a page saved from
Word). Each has a ``.truth.json`` written from the same data as the file
(see the README of each folder). For each file this prints:

* word precision and recall: multisets of lowercased word tokens of the
  analysed paragraphs against the truth's paragraphs and headings;
* heading precision and recall: section titles against the truth's
  headings (normalised to their words);
* paragraphs found: truth paragraphs (of four words or more) whose first
  eight words occur in the extracted text, and the share of neighbouring
  pairs in reading order;
* section agreement: found body paragraphs and list items whose section
  path contains the truth's section.

Usage:
    python benchmarks/layouts.py [--json out.json] [--details]
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LAYOUTS = ROOT / "tests" / "data" / "layouts"
FORMATS = ROOT / "tests" / "data" / "formats"


def truth_files() -> list[Path]:
    """Every truth file: the layout PDFs, then the Word and HTML files."""
    return sorted(LAYOUTS.glob("l*.truth.json")) + sorted(FORMATS.glob("f*.truth.json"))


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _norm(text: str) -> str:
    return " ".join(_words(text))


def evaluate(truth_path: Path) -> dict[str, Any]:
    """The figures for one PDF against its truth file."""
    from textscan.extract import extract

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    doc = extract(truth_path.with_name(truth["file"]))
    paras = list(doc.analysed_paragraphs)
    gold = collections.Counter(w for p in truth["paragraphs"] for w in _words(p["text"]))
    gold.update(w for h in truth["headings"] for w in _words(h["text"]))
    got = collections.Counter(w for p in paras for w in _words(p.text))  # headings included
    tp = sum((gold & got).values())
    heads = [_norm(h["text"]) for h in truth["headings"]]
    titles = [_norm(s.title) for s in doc.sections]
    # locate each truth paragraph by its first eight words in the extracted text
    texts = [_norm(p.text) for p in paras]
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    joined = " ".join(texts)
    found: list[int] = []
    missing: list[str] = []
    wrong_section: list[tuple[str, str, str | None]] = []
    for p in truth["paragraphs"]:
        key = " ".join(_words(p["text"])[:8])
        if len(key.split()) < 4:
            continue
        pos = joined.find(key)
        if pos < 0:
            missing.append(p["text"][:80])
            continue
        found.append(pos)
        if p.get("kind") in ("body", "list_item") and p.get("section"):
            para = paras[max(i for i, s in enumerate(starts) if s <= pos)]
            path = doc.section_path(para.section)
            if _norm(p["section"]) not in {_norm(t) for t in path}:
                wrong_section.append((p["text"][:60], p["section"], path[-1] if path else None))
    body = sum(
        1
        for p in truth["paragraphs"]
        if p.get("kind") in ("body", "list_item")
        and p.get("section")
        and len(_words(p["text"])) >= 4
        and " ".join(_words(p["text"])[:8]) in joined
    )
    return {
        "file": truth["file"],
        "pages": len(doc.pages),
        "word_precision": tp / max(1, sum(got.values())),
        "word_recall": tp / max(1, sum(gold.values())),
        "heading_precision": sum(1 for t in titles if t in heads) / max(1, len(titles)),
        "heading_recall": sum(1 for h in heads if h in titles) / max(1, len(heads)),
        "paragraphs_found": len(found),
        "paragraphs": len(found) + len(missing),
        "reading_order": sum(1 for a, b in itertools.pairwise(found) if a < b)
        / max(1, len(found) - 1),
        "section_agreement": (body - len(wrong_section)) / max(1, body),
        "extra_headings": [t for t in titles if t not in heads],
        "missing_headings": [h for h in heads if h not in titles],
        "missing_paragraphs": missing,
        "wrong_section": wrong_section,
    }


DETAILS = ("extra_headings", "missing_headings", "missing_paragraphs", "wrong_section")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    ap.add_argument("--details", action="store_true", help="also list what went wrong")
    args = ap.parse_args()
    results = [evaluate(p) for p in truth_files()]
    cols = ("word_precision", "word_recall", "heading_precision", "heading_recall")
    head = " ".join(f"{c:>17}" for c in cols)
    print(f"{'file':9} {'pages':>5} {head}   found  order  sections")
    for r in results:
        figures = " ".join(f"{r[c]:17.3f}" for c in cols)
        found = f"{r['paragraphs_found']:3d}/{r['paragraphs']:<3d}"
        print(
            f"{r['file']:9} {r['pages']:5d} {figures}  {found}"
            f" {r['reading_order']:5.2f}  {r['section_agreement']:8.2f}"
        )
        if args.details:
            for key in DETAILS:
                if r[key]:
                    print(f"    {key}: {r[key]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
