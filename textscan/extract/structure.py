"""Sections from a flow of blocks, shared by the PDF, DOCX and HTML readers.

A reader emits :class:`Block` records in reading order (headings with a
level, text, list items, table-of-contents rows); :func:`build_structure`
numbers the sections ("s1", "s1.2"), links each to its parent, gives it a
page range and puts every paragraph in its innermost section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from textscan.model import Paragraph, ParagraphKind, Section


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-sized piece of a document before sections are assigned.

    A heading with ``show=False`` opens a section without a paragraph of its
    own (a bookmark whose title is not printed on the page). ``confirmed``
    says that the document's own structure (tags, bookmarks, contents) names
    the heading, not only its type size.
    """

    text: str
    kind: ParagraphKind = "text"
    page: int | None = None
    level: int = 0
    show: bool = True
    confirmed: bool = False
    page_breaks: tuple[tuple[int, int], ...] = ()  # see Paragraph.page_breaks


#: separates the cells of a row in a ``table`` paragraph (rows are lines)
CELL_SEPARATOR = " | "


def table_text(rows: Iterable[Sequence[str]]) -> str:
    """The text of a ``table`` paragraph: a row a line, cells joined by " | ".

    A "|" inside a cell becomes "/" so that the separator stays unambiguous;
    empty cells and empty rows are left out.

    >>> table_text([["Wijk", "Euro"], ["Noord|Zuid", "300"], []])
    'Wijk | Euro\\nNoord/Zuid | 300'
    """
    lines = []
    for row in rows:
        cells = [c.replace("|", "/").strip() for c in row]
        if any(cells):
            lines.append(CELL_SEPARATOR.join(c for c in cells if c))
    return "\n".join(lines)


def build_structure(blocks: Iterable[Block]) -> tuple[list[Section], list[Paragraph]]:
    """Sections and paragraphs from blocks in reading order.

    >>> blocks = [Block("1 Inleiding", "heading", 1, 1), Block("Tekst.", page=1)]
    >>> secs, paras = build_structure(blocks)
    >>> secs[0].id, paras[1].section
    ('s1', 's1')
    """
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    stack: list[Section] = []
    counters: list[int] = []
    last_page: dict[str, int | None] = {}
    for block in blocks:
        if block.kind == "heading":
            level = max(1, block.level)
            while stack and stack[-1].level >= level:
                stack.pop()
            depth = len(stack)
            counters = counters[: depth + 1]
            while len(counters) <= depth:
                counters.append(0)
            counters[depth] += 1
            sid = "s" + ".".join(str(c) for c in counters[: depth + 1])
            sec = Section(
                id=sid,
                title=block.text,
                level=level,
                page_start=block.page,
                page_end=block.page,
                parent=stack[-1].id if stack else None,
            )
            sections.append(sec)
            stack.append(sec)
            for s in stack:
                last_page[s.id] = _later(last_page.get(s.id), block.page)
            if block.show:
                paragraphs.append(
                    Paragraph(text=block.text, page=block.page, section=sid, kind="heading")
                )
            continue
        current = stack[-1].id if stack else None
        end = block.page_breaks[-1][1] if block.page_breaks else block.page
        for s in stack:
            last_page[s.id] = _later(last_page.get(s.id), end)
        paragraphs.append(
            Paragraph(
                text=block.text,
                page=block.page,
                section=current,
                kind=block.kind,
                page_breaks=block.page_breaks,
            )
        )
    sections = [replace(s, page_end=last_page.get(s.id, s.page_start)) for s in sections]
    return sections, mark_references(sections, paragraphs)


# the title of a list of references, sources or notes (a numbering before it allowed)
_REFERENCES_TITLE = re.compile(
    r"^(?:[\d.]+\s+)?(?:referenties|verwijzingen|literatuur(?:lijst)?|bronnen(?:lijst)?"
    r"|bronvermeldingen?|geraadpleegde (?:bronnen|literatuur)|literatuur en bronnen"
    r"|bronnen en literatuur|noten|eindnoten|voetnoten|references|bibliography|notes)[\s:.]*$",
    re.IGNORECASE,
)


def is_references_title(title: str) -> bool:
    """Whether a heading opens a list of references ("Referenties", "Literatuurlijst", "Noten").

    >>> is_references_title("5. Bronnen"), is_references_title("Bronnen van overlast")
    (True, False)
    """
    return _REFERENCES_TITLE.match(title.strip()) is not None


def mark_references(sections: Sequence[Section], paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs under a references heading (and its subsections) get kind ``references``.

    A list of cited reports and sources is not the plan's own language: like
    a table of contents it is kept for inspection and not analysed. Headings
    keep their kind.
    """
    refs = {s.id for s in sections if is_references_title(s.title)}
    if not refs:
        return paragraphs
    parent = {s.id: s.parent for s in sections}

    def inside(sid: str | None) -> bool:
        seen = 0
        while sid is not None and seen < 64:
            if sid in refs:
                return True
            sid = parent.get(sid)
            seen += 1
        return False

    return [
        replace(p, kind="references") if p.kind != "heading" and inside(p.section) else p
        for p in paragraphs
    ]


def _later(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)
