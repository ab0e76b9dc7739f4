"""PDF input through pypdfium2's text layer.

First version: page text in reading order as pdfium gives it, lines joined
into paragraphs, bare page-number lines dropped, numbered headings detected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from textscan.errors import ExtractionError
from textscan.extract.text import normalise, paragraphs_from_text
from textscan.model import Document, ExtractionWarning, Page, Paragraph

_PAGE_NUMBER = re.compile(r"^\s*(?:pagina\s+)?\d{1,4}(?:\s*(?:/|van)\s*\d{1,4})?\s*$", re.I)


def extract_pdf(path: Path, *, name: str, sha256: str, engine: str = "auto") -> Document:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ExtractionError(str(path), f"cannot be opened as a PDF: {exc}", kind="corrupt") from None
    pages: list[Page] = []
    paragraphs: list[Paragraph] = []
    sections = []
    empty: list[int] = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = normalise(textpage.get_text_bounded())
            textpage.close()
            page.close()
            lines = [ln for ln in text.split("\n") if not _PAGE_NUMBER.match(ln)]
            body = "\n".join(lines)
            number = index + 1
            chars = len(body.strip())
            pages.append(Page(number=number, chars=chars, has_text=chars > 0))
            if chars == 0:
                empty.append(number)
                continue
            secs, paras = paragraphs_from_text(body)
            sections.extend(secs)
            paragraphs.extend(
                Paragraph(text=p.text, page=number, section=p.section, kind=p.kind) for p in paras
            )
    finally:
        pdf.close()
    warnings = []
    if empty:
        warnings.append(
            ExtractionWarning(
                code="no-text-layer",
                message=f"{len(empty)} of {len(pages)} pages have no text layer (scanned?)",
                pages=tuple(empty),
            )
        )
    return Document(
        path=str(path),
        name=name,
        format="pdf",
        sha256=sha256,
        pages=tuple(pages),
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        warnings=tuple(warnings),
        extractor={"engine": "pdfium", "requested": engine},
    )
