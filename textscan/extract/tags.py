"""Tagged PDF structure: where the headings and tables of a page are, by its tags.

A tagged PDF carries a structure tree (headings ``H1``–``H6`` and ``H``,
paragraphs ``P``, tables ``Table`` ...) whose leaves point at marked content
on the pages by id (MCID). This module reads the tree of one page through
pypdfium2's raw API and returns the heading and table elements with the boxes
of the page objects they cover. It does not read text: the boxes are matched
to the segments the layout already has, so the printed text stays the one
source of words and a wrongly tagged element cannot add or drop any.

Cost: the tree is walked only down to headings and tables (paragraphs, lists,
links and tables are not entered; a table is only noted, without boxes), page
objects are only visited on pages that have a heading, and the page is the one
the layout reads (no second parse). The caller stops reading when the first
pages show no heading or table tags (:func:`tags_useless`).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: element types below which no heading or table is looked for
_OPAQUE = frozenset(
    {
        "P",
        "Span",
        "Link",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Note",
        "Reference",
        "Figure",
        "Formula",
        "Quote",
        "BlockQuote",
        "Code",
        "TOC",
        "TOCI",
        "Caption",
        "Annot",
        "Form",
    }
)
_HEADINGS = frozenset({"H", "H1", "H2", "H3", "H4", "H5", "H6"})
Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class TaggedElement:
    """A heading or table element of one page.

    ``kind`` is the tag ("H1", "H", "Table"); ``boxes`` are the boxes of the
    page objects a heading marks, in points from the top left (x0, top, x1,
    bottom); a table has no boxes (it only says that the page has a table).
    """

    kind: str
    page: int
    boxes: tuple[Box, ...]

    @property
    def level(self) -> int | None:
        """1 for H1 ... 6 for H6; None for "H" (level from nesting) and tables."""
        return int(self.kind[1]) if len(self.kind) == 2 and self.kind[1].isdigit() else None


@dataclass(slots=True)
class PageTags:
    """What the structure tree says about one page."""

    elements: list[TaggedElement]
    #: elements seen, by type ("P": 40, "H1": 1, "": 3 for elements without a type)
    types: dict[str, int]


def is_tagged(pdf: pdfium.PdfDocument) -> bool:
    """True when the PDF declares itself tagged (its catalog has MarkInfo /Marked true)."""
    return bool(pdfium_c.FPDFCatalog_IsTagged(pdf.raw))


def _type(element: object, buf: ctypes.Array[ctypes.c_char]) -> str:
    n = pdfium_c.FPDF_StructElement_GetType(element, buf, len(buf))
    if n <= 2 or n > len(buf):
        return ""
    return buf.raw[: n - 2].decode("utf-16-le", "replace")


def _mcids(element: object, out: set[int], depth: int = 0) -> None:
    """The marked-content ids of ``element`` and its descendants."""
    for i in range(max(0, pdfium_c.FPDF_StructElement_GetMarkedContentIdCount(element))):
        mcid = pdfium_c.FPDF_StructElement_GetMarkedContentIdAtIndex(element, i)
        if mcid >= 0:
            out.add(mcid)
    if depth > 12:
        return
    for i in range(max(0, pdfium_c.FPDF_StructElement_CountChildren(element))):
        child = pdfium_c.FPDF_StructElement_GetChildAtIndex(element, i)
        if child:
            _mcids(child, out, depth + 1)


def page_tags(page: pdfium.PdfPage, number: int) -> PageTags:
    """Heading and table elements of a loaded page (``number`` 1-based), headings with boxes."""
    raw = page.raw
    tree = pdfium_c.FPDF_StructTree_GetForPage(raw)
    if not tree:
        return PageTags([], {})
    buf = ctypes.create_string_buffer(64)
    types: dict[str, int] = {}
    wanted: list[tuple[str, set[int]]] = []
    tables = 0
    try:
        stack = [
            pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, i)
            for i in range(pdfium_c.FPDF_StructTree_CountChildren(tree) - 1, -1, -1)
        ]
        while stack:
            element = stack.pop()
            if not element:
                continue
            kind = _type(element, buf)
            types[kind] = types.get(kind, 0) + 1
            if kind == "Table":
                tables += 1
                continue
            if kind in _HEADINGS:
                ids: set[int] = set()
                _mcids(element, ids)
                wanted.append((kind, ids))
                continue
            if kind in _OPAQUE:
                continue
            n = pdfium_c.FPDF_StructElement_CountChildren(element)
            # children pushed in reverse so that they are visited in document order;
            # kids that live on other pages come back as NULL
            get = pdfium_c.FPDF_StructElement_GetChildAtIndex
            stack.extend([c for i in range(n - 1, -1, -1) if (c := get(element, i))])
    finally:
        pdfium_c.FPDF_StructTree_Close(tree)
    table_elements = [TaggedElement("Table", number, ()) for _ in range(tables)]
    if not any(ids for _, ids in wanted):
        return PageTags(table_elements, types)
    height = pdfium_c.FPDF_GetPageHeightF(raw)
    boxes = _boxes_by_mcid(raw, set().union(*(ids for _, ids in wanted)), height)
    elements = [
        TaggedElement(kind, number, tuple(b for m in sorted(ids) for b in boxes.get(m, ())))
        for kind, ids in wanted
    ]
    return PageTags([e for e in elements if e.boxes] + table_elements, types)


def _boxes_by_mcid(page: object, mcids: set[int], height: float) -> dict[int, list[Box]]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    out: dict[int, list[Box]] = {}

    def visit(count: int, get: object, parent: object) -> None:
        for i in range(count):
            obj = get(parent, i)  # type: ignore[operator]
            mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(obj)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if mcid in mcids and kind in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM):
                if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and (
                    right.value > left.value
                ):
                    out.setdefault(mcid, []).append(
                        (left.value, height - top.value, right.value, height - bottom.value)
                    )
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                # marked content inside a form XObject (InDesign and others wrap text in forms)
                visit(pdfium_c.FPDFFormObj_CountObjects(obj), pdfium_c.FPDFFormObj_GetObject, obj)

    visit(pdfium_c.FPDFPage_CountObjects(page), pdfium_c.FPDFPage_GetObject, page)
    return out


def tags_useless(seen: dict[str, int]) -> bool:
    """Element counts of the pages read so far that promise no headings or tables.

    True when there are no heading or table elements, or when the elements have
    no types at all (some generators write an empty tree).
    """
    useful = sum(n for k, n in seen.items() if k in _HEADINGS or k == "Table")
    return useful == 0


__all__ = ["PageTags", "TaggedElement", "is_tagged", "page_tags", "tags_useless"]
