"""Word (.docx) input through python-docx.

Headings come from paragraph styles ("Heading 2", "Kop 2", "Title"), or from
an outline level set on the style; list paragraphs (bulleted or numbered
styles, or paragraphs with numbering properties) become list items; a table
becomes one ``table`` paragraph, a row a line, cells separated by " | ". A
.docx has no fixed pages, so ``page`` is None throughout.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from textscan.errors import ExtractionError
from textscan.extract.clean import normalise_chars
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


def _blocks(document: Any) -> Iterator[Block]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    for item in document.iter_inner_content():
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
        level = _style_level(item)
        if level is not None:
            yield Block(text, "heading", None, level)
        elif _is_list(item):
            yield Block(text, "list_item")
        else:
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
    sections, paragraphs = build_structure(_blocks(document))
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
