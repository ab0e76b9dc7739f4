"""Extraction quality and speed on the shared real PDFs.

Quality, on the national coalition agreement 2021-2025 against its paragraph
CSV (../shared/data/pdf/coalitieakkoord-2021-2025.paragraphs.csv):

* word precision and recall: multisets of lowercased word tokens
  (``[^\\W_]+``) of all extracted paragraphs (table-of-contents rows included,
  because the CSV includes them) against the CSV's ``txt`` column;
* the share of the CSV's chapter titles found as section headings ("Intro",
  the CSV's label for the front matter, is not a printed title and is left out);
* chapter segmentation: whether each CSV chapter, "Intro" included, is held by
  one top-level section of its own (see :func:`chapter_agreement`);
* table words: precision and recall of the words of ``table`` paragraphs
  against the CSV's rows of type "tables" (the budget annex);
* header, footer and page-number lines left: analysed paragraphs that equal
  the page number printed on their page, or repeat on more than a quarter of
  the pages.

The same figures are given for pdftotext (poppler) as a reference.

Speed, for every shared PDF: pages, seconds, pages per second of textscan's
extraction, and in the same run pypdfium2's plain ``get_text_range`` and
``pdftotext`` (when installed), with ratios.

Usage:
    python benchmarks/extraction.py [--data ../shared/data] [--json out.json] [--repeat 3]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from textscan.extract.clean import title_key  # noqa: E402
from textscan.extract.pdf import extract_pdf  # noqa: E402

COALITION = "pdf/coalitieakkoord-2021-2025.pdf"
COALITION_CSV = "pdf/coalitieakkoord-2021-2025.paragraphs.csv"


def tokens(text: str) -> collections.Counter[str]:
    """Lowercased word tokens as a multiset."""
    return collections.Counter(re.findall(r"[^\W_]+", text.lower()))


def chapter_agreement(doc: Any, rows: list[dict[str, str]]) -> dict[str, Any]:
    """How the CSV's chapters (its ``chapter`` column, "Intro" included) fall in top-level sections.

    Each CSV paragraph is found in the extracted text by its first eight words,
    in reading order; its top-level section is the outermost section of the
    paragraph found. The CSV labels the rows of its table of contents with the
    chapter each names; found in textscan's contents (front matter, kept out of
    the analysis), they are counted apart. A chapter agrees when one top-level
    section holds all its other located paragraphs and no other chapter's.
    """
    words: list[str] = []
    owner: list[int] = []
    for k, para in enumerate(doc.paragraphs):
        found = re.findall(r"[^\W_]+", para.text.lower())
        words += found
        owner += [k] * len(found)
    parents = {s.id: s.parent for s in doc.sections}
    titles = {s.id: s.title for s in doc.sections}

    def top(section: str | None) -> str | None:
        while section is not None and parents.get(section) is not None:
            section = parents[section]
        return section

    joined = " ".join(words)
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w) + 1)
    word_at = {s: i for i, s in enumerate(starts)}
    at = 0
    per_chapter: dict[str, collections.Counter[str | None]] = {}
    located = contents = 0
    for row in rows:
        counts = per_chapter.setdefault(row["chapter"], collections.Counter())
        key = " ".join(re.findall(r"[^\W_]+", row["txt"].lower())[:8])
        hit = joined.find(key, starts[at]) if key else -1
        # whole words only: look further while the match starts or ends inside a word
        while hit >= 0 and (
            hit not in word_at or joined[hit + len(key) : hit + len(key) + 1] not in ("", " ")
        ):
            hit = joined.find(key, hit + 1)
        if hit < 0:
            continue
        located += 1
        at = word_at[hit]
        para = doc.paragraphs[owner[at]]
        if para.kind == "toc":
            contents += 1
            continue
        counts[top(para.section)] += 1
    majority = {c: n.most_common(1)[0][0] for c, n in per_chapter.items() if n}
    claimed = collections.Counter(majority.values())
    agreeing = {
        chapter: titles[section]
        for chapter, section in majority.items()
        if section is not None and len(per_chapter[chapter]) == 1 and claimed[section] == 1
    }
    return {
        "chapters": len(per_chapter),
        "chapters_one_section": len(agreeing),
        "paragraphs_located": located,
        "contents_rows": contents,
        "paragraphs": len(rows),
        "sections_by_chapter": agreeing,
    }


def precision_recall(
    got: collections.Counter[str], ref: collections.Counter[str]
) -> tuple[float, float]:
    common = sum((got & ref).values())
    return common / max(1, sum(got.values())), common / max(1, sum(ref.values()))


def printed_page_numbers(path: Path) -> dict[int, str]:
    """The bare number on the first or last line of each page's raw text layer."""
    out: dict[int, str] = {}
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            lines = [ln.strip() for ln in tp.get_text_range().splitlines() if ln.strip()]
            tp.close()
            page.close()
            numbers = [ln for ln in lines[:1] + lines[-1:] if re.fullmatch(r"\d{1,3}", ln)]
            if numbers:
                out[i + 1] = numbers[0]
    finally:
        pdf.close()
    return out


def furniture_left(pages: dict[int, list[str]], printed: dict[int, str], n_pages: int) -> int:
    """Lines equal to their page's printed number, or repeated on > 1/4 of the pages."""
    left = sum(1 for page, lines in pages.items() for ln in lines if printed.get(page) == ln)
    on: dict[str, set[int]] = collections.defaultdict(set)
    for page, lines in pages.items():
        for ln in lines:
            if ln:
                on[ln].add(page)
    return left + sum(len(s) for s in on.values() if len(s) > n_pages / 4)


def pdftotext_pages(path: Path) -> list[str] | None:
    if shutil.which("pdftotext") is None:
        return None
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")


def quality(data: Path) -> dict[str, Any]:
    pdf_path = data / COALITION
    with (data / COALITION_CSV).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    ref = tokens(" ".join(r["txt"] for r in rows))
    chapters = list(dict.fromkeys(r["chapter"] for r in rows if r["chapter"] != "Intro"))
    printed = printed_page_numbers(pdf_path)

    doc = extract_pdf(pdf_path, name="coalitieakkoord", sha256="-")
    p, r = precision_recall(tokens("\n".join(p.text for p in doc.paragraphs)), ref)
    table_ref = tokens(" ".join(r["txt"] for r in rows if r["type"] == "tables"))
    tp, tr = precision_recall(
        tokens("\n".join(p.text for p in doc.paragraphs if p.kind == "table")), table_ref
    )
    segmentation = chapter_agreement(doc, rows)
    headings = {title_key(s.title) for s in doc.sections}
    found = [c for c in chapters if title_key(c) in headings]
    by_page: dict[int, list[str]] = collections.defaultdict(list)
    for para in doc.analysed_paragraphs:
        by_page[para.page or 0].append(para.text.strip())
    result: dict[str, Any] = {
        "document": COALITION,
        "textscan": {
            "precision": round(p, 5),
            "recall": round(r, 5),
            "chapters_found": len(found),
            "chapters": len(chapters),
            "chapter_share": round(len(found) / max(1, len(chapters)), 4),
            "chapters_missing": [c for c in chapters if c not in found],
            "furniture_lines_left": furniture_left(by_page, printed, len(doc.pages)),
            "chapter_segmentation": segmentation,
            "sections": len(doc.sections),
            "tables": sum(1 for p in doc.paragraphs if p.kind == "table"),
            "table_precision": round(tp, 5),
            "table_recall": round(tr, 5),
            "structure": doc.extractor.get("structure"),
            "tags": doc.extractor.get("tags"),
        },
    }
    pages = pdftotext_pages(pdf_path)
    if pages is not None:
        p2, r2 = precision_recall(tokens("\n".join(pages)), ref)
        lines = {i + 1: [ln.strip() for ln in pg.splitlines()] for i, pg in enumerate(pages)}
        result["pdftotext"] = {
            "precision": round(p2, 5),
            "recall": round(r2, 5),
            "furniture_lines_left": furniture_left(lines, printed, len(doc.pages)),
        }
    return result


def _best(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _pdfium_plain(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
    finally:
        pdf.close()


def speed(data: Path, repeat: int) -> list[dict[str, Any]]:
    out = []
    has_pdftotext = shutil.which("pdftotext") is not None
    for path in sorted(data.glob("pdf/**/*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        n = len(pdf)
        pdf.close()
        ours = _best(lambda p=path: extract_pdf(p, name=p.stem, sha256="-"), repeat)
        plain = _best(lambda p=path: _pdfium_plain(p), repeat)
        row: dict[str, Any] = {
            "file": str(path.relative_to(data)),
            "pages": n,
            "seconds": round(ours, 4),
            "pages_per_s": round(n / ours, 1),
            "pdfium_plain_s": round(plain, 4),
            "ratio_vs_pdfium_plain": round(ours / plain, 2),
        }
        if has_pdftotext:
            pt = _best(
                lambda p=path: subprocess.run(
                    ["pdftotext", str(p), "-"], capture_output=True, check=True
                ),
                repeat,
            )
            row["pdftotext_s"] = round(pt, 4)
            row["ratio_vs_pdftotext"] = round(ours / pt, 2)
        out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per file (best kept)")
    args = parser.parse_args(argv)
    if not (args.data / COALITION).exists():
        print(f"shared data not found under {args.data}", file=sys.stderr)
        return 2
    q = quality(args.data)
    s = speed(args.data, args.repeat)

    t = q["textscan"]
    print(f"Quality on {q['document']} vs its paragraph CSV")
    print(f"{'':12} {'precision':>9} {'recall':>7} {'furniture left':>14}")
    print(
        f"{'textscan':12} {t['precision']:9.4f} {t['recall']:7.4f} {t['furniture_lines_left']:14d}"
    )
    if "pdftotext" in q:
        r = q["pdftotext"]
        left = r["furniture_lines_left"]
        print(f"{'pdftotext':12} {r['precision']:9.4f} {r['recall']:7.4f} {left:14d}")
    print(
        f"chapter titles found as section headings: {t['chapters_found']}/{t['chapters']}"
        f" ({t['chapter_share']:.0%}) {t['chapters_missing'] or ''}"
    )
    seg = t["chapter_segmentation"]
    print(
        f"CSV chapters held each by one top-level section of their own: "
        f"{seg['chapters_one_section']}/{seg['chapters']} "
        f"({seg['paragraphs_located']}/{seg['paragraphs']} CSV paragraphs located, "
        f"{seg['contents_rows']} of them rows of the table of contents); "
        f"'Intro' is the section {seg['sections_by_chapter'].get('Intro', '-')!r}"
    )
    print(
        f"tables: {t['tables']}, their words vs the CSV's tables: precision "
        f"{t['table_precision']:.4f}, recall {t['table_recall']:.4f}"
    )
    print(f"headings mostly from: {t['structure']} (tags: {t['tags']})")
    print()
    print(f"Speed (best of {args.repeat})")
    head = f"{'file':44} {'pages':>5} {'s':>7} {'pages/s':>8} {'pdfium s':>8} {'x':>5}"
    if s and "pdftotext_s" in s[0]:
        head += f" {'pdftotext s':>11} {'x':>5}"
    print(head)
    for row in s:
        line = (
            f"{row['file']:44} {row['pages']:5d} {row['seconds']:7.3f} {row['pages_per_s']:8.1f}"
            f" {row['pdfium_plain_s']:8.3f} {row['ratio_vs_pdfium_plain']:5.1f}"
        )
        if "pdftotext_s" in row:
            line += f" {row['pdftotext_s']:11.3f} {row['ratio_vs_pdftotext']:5.1f}"
        print(line)
    pages = sum(r["pages"] for r in s)
    secs = sum(r["seconds"] for r in s)
    print(f"{'total':44} {pages:5d} {secs:7.3f} {pages / secs:8.1f}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"quality": q, "speed": s, "total_pages_per_s": round(pages / secs, 1)}, indent=2
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
