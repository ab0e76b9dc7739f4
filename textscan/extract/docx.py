"""Word (.docx) input through python-docx.

Headings come from paragraph styles ("Heading 2", "Kop 2", "Title"), or from
an outline level set on the style; in a document that styles no heading, from
direct formatting: a short paragraph set wholly in bold in a larger size than
the body text (or bold and numbered "2.", "2.1"), its level from its
numbering or its size, as many municipal Word files are made. List
paragraphs (bulleted or numbered styles, paragraphs with numbering
properties, or a typed bullet "•") become list items; typed table-of-contents
rows ("1. Inleiding ....... 3") are ``toc`` paragraphs; a table becomes one
``table`` paragraph, a row a line, cells separated by " | ". Footnotes follow
the body, as text paragraphs (as a PDF's footnotes stand at the foot of its
pages). A .docx has no fixed pages, so ``page`` is None throughout.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from textscan.errors import ExtractionError
from textscan.extract.clean import list_marker, normalise_chars, toc_row
from textscan.extract.structure import Block, build_structure, table_text
from textscan.model import Document

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"list|lijst|opsomming|bullet", re.I)


def _style_level(paragraph: Any) -> int | None:
    style = paragraph.style
    seen = 0
    while style is not None and seen < 5:
        name = (style.name or "").strip()
        m = _HEADING_STYLE.match(name)
        if m:
            return max(1, int(m.group(1)))
        if name.lower() in {"title", "titel"}:
            return 1
        outline = style.element.find(
            ".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl"
        )
        if outline is not None:
            val = outline.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            if val is not None and val.isdigit() and int(val) < 9:
                return int(val) + 1
        style = style.base_style
        seen += 1
    return None


def _is_list(paragraph: Any) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    return bool(_LIST_STYLE.search(paragraph.style.name or ""))


_TOC_TITLES = frozenset(["inhoud", "inhoudsopgave", "inhoudstafel"])
_NUMBERED_TITLE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\S")


def _run_size(run: Any, paragraph: Any) -> float | None:
    """The font size of a run in points: its own, else its paragraph style's."""
    size = run.font.size
    if size is None:
        style = paragraph.style
        while style is not None and size is None:
            size = style.font.size if style.font is not None else None
            style = style.base_style
    return size.pt if size is not None else None


def _bold_size(paragraph: Any) -> tuple[bool, float | None]:
    """Whether every run with text is bold, and the largest run size."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False, None
    bold = all(
        r.bold
        or (r.bold is None and paragraph.style.font is not None and paragraph.style.font.bold)
        for r in runs
    )
    sizes = [z for z in (_run_size(r, paragraph) for r in runs) if z is not None]
    return bool(bold), max(sizes) if sizes else None


def _formatted_heading(text: str, bold: bool, size: float | None, body: float | None) -> bool:
    """A short bold paragraph, larger than the body or numbered: a heading by its format."""
    if not bold or len(text) > 120 or len(text.split()) > 14 or text.endswith((".", ":", ";", ",")):
        return False
    if not re.search(r"[^\W\d_]{3,}", text):
        return False
    larger = size is not None and body is not None and size >= body + 1.5
    return larger or bool(_NUMBERED_TITLE.match(text))


def _formatted_levels(found: list[tuple[str, float | None]]) -> dict[int, int]:
    """Levels of format headings: from their numbering, else the rank of their size."""
    sizes = sorted({z for _, z in found if z is not None}, reverse=True)
    levels: dict[int, int] = {}
    for i, (text, size) in enumerate(found):
        m = _NUMBERED_TITLE.match(text)
        if m:
            levels[i] = min(6, m.group(1).count(".") + 1)
        else:
            levels[i] = min(6, sizes.index(size) + 1) if size in sizes else 1
    return levels


def _blocks(document: Any) -> Iterator[Block]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    items = list(document.iter_inner_content())
    # the style level of every paragraph, read once
    styles = {
        i: _style_level(item)
        for i, item in enumerate(items)
        if isinstance(item, DocxParagraph) and item.text.strip()
    }
    styled = any(level is not None for level in styles.values())
    # without styled headings: the body size is the commonest size of the text
    sizes: Counter[float] = Counter()
    formatted: dict[int, tuple[str, float | None]] = {}
    if not styled:
        for item in items:
            if isinstance(item, DocxParagraph):
                for r in item.runs:
                    z = _run_size(r, item)
                    if z is not None and r.text.strip():
                        sizes[z] += len(r.text)
        body = sizes.most_common(1)[0][0] if sizes else None
        for i, item in enumerate(items):
            if isinstance(item, DocxParagraph):
                text = " ".join(item.text.split())
                bold, size = _bold_size(item)
                if _formatted_heading(text, bold, size, body) and toc_row(text) is None:
                    formatted[i] = (text, size)
    keys = sorted(formatted)
    levels = {keys[j]: lv for j, lv in _formatted_levels([formatted[k] for k in keys]).items()}
    for i, item in enumerate(items):
        if isinstance(item, Table):
            rows: list[list[str]] = []
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = normalise_chars(" ".join(cell.text.split()))
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                rows.append(cells)
            text = table_text(rows)
            if text:
                yield Block(text, "table")
            continue
        if not isinstance(item, DocxParagraph):
            continue
        text = normalise_chars(" ".join(item.text.split()))
        if not text:
            continue
        level = styles.get(i)
        if level is None and i in levels:
            level = levels[i]
        if toc_row(text) is not None or text.lower().rstrip(":") in _TOC_TITLES:
            yield Block(text, "toc")  # a typed table of contents: its title and rows
            continue
        marker = list_marker(text)
        if level is not None:
            yield Block(text, "heading", None, level)
        elif _is_list(item):
            yield Block(text, "list_item")
        elif marker is not None and marker[0] == "bullet":
            yield Block(marker[1], "list_item")  # a typed bullet: "•\tWet Bibob"
        else:
            yield Block(text)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footnotes(document: Any) -> Iterator[Block]:
    """The document's footnotes (not the separators), in their order, as text."""
    from lxml import etree

    for rel in document.part.rels.values():
        if not rel.reltype.endswith("/footnotes") or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob)
        for note in root.iter(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
                continue
            for para in note.iter(f"{_W}p"):
                text = normalise_chars(" ".join("".join(para.itertext()).split()))
                if text:
                    yield Block(text)


def extract_docx(path: Path, *, name: str, sha256: str) -> Document:
    """Extract a Word document into a :class:`~textscan.model.Document`.

    Raises :class:`~textscan.errors.ExtractionError` (kind "corrupt") when the
    file is not a readable .docx and (kind "no-text") when it holds no text.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractionError(
            str(path), f"cannot be read as a Word .docx file: {exc}", kind="corrupt"
        ) from None
    sections, paragraphs = build_structure([*_blocks(document), *_footnotes(document)])
    if not paragraphs:
        raise ExtractionError(str(path), "contains no text", kind="no-text")
    props = document.core_properties
    metadata = {k: v for k, v in {"title": props.title, "author": props.author}.items() if v}
    return Document(
        path=str(path),
        name=name,
        format="docx",
        sha256=sha256,
        pages=(),
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        metadata=metadata,
        extractor={"engine": "python-docx"},
    )


__all__ = ["extract_docx"]
