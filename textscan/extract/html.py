"""HTML input (official publications of regulations are HTML pages).

Uses the standard library's :mod:`html.parser`: headings from ``h1``–``h6``,
and in pages saved from Word from the heading classes (``MsoHeading1``,
``MsoTitle``) or a short paragraph set wholly in bold (13 pt or more: a
chapter or section, smaller: a paragraph heading); list items from ``li``,
Word's list paragraphs (its generated bullet or number left out) and typed
bullets ("·", "-"); one ``table`` paragraph per ``table`` (a row a line, cells
joined with " | "; a table inside a cell is a paragraph of its own);
paragraphs from ``p``, ``div`` and other block elements. Scripts, styles,
navigation, headers, footers and asides of the page are skipped, and when
the page marks its content with ``main``, only that is read. No pages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from textscan.errors import InputError
from textscan.extract.clean import list_marker, normalise_chars
from textscan.extract.structure import Block, build_structure, table_text
from textscan.extract.text import decode_text
from textscan.model import Document

_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "blockquote",
        "dd",
        "dt",
        "pre",
        "address",
        "figcaption",
        "caption",
        "br",
        "body",
        "main",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "center",
    }
)
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "head",
        "svg",
        "button",
        "form",
        "select",
        "aside",
    }
)
_MSO_HEADING = re.compile(r"\bmso(?:heading|kop)(\d)\b|\bmso(title|titel)\b", re.I)
_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*pt", re.I)
#: a paragraph wholly in bold from this size (points) up is a heading
_HEADING_PT = 13.0
_VOID = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
)


class _Reader(HTMLParser):
    def __init__(self, main_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        # with a <main> element only its content is read: outside it counts as skipped
        self.main_only = main_only
        self.in_main = 0
        # the current block's bold and plain characters and its largest bold type size
        self.bold = 0
        self.bold_chars = 0
        self.plain_chars = 0
        self.sizes: list[float] = []
        self.bold_size = 0.0
        # inside Word's generated list marker (<span style="mso-list:Ignore">): spans open
        self.marker_spans = 0
        # whether the page has headings of its own (h1-h6, Word's heading classes)
        self.structured = False
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.kind = "text"
        self.level = 0
        self.skip = 0
        self.cells: list[str] | None = None
        # open tables, innermost last: their rows, and the cells of the row around them
        self.tables: list[tuple[list[list[str]], list[str] | None]] = []
        self.title = ""
        self.in_title = False

    def _flush(self) -> None:
        text = normalise_chars(re.sub(r"\s+", " ", "".join(self.buffer))).strip()
        self.buffer = []
        bold_heading = (
            self.kind == "text"
            and self.bold_chars > 0
            and self.plain_chars == 0
            and self.cells is None
            and len(text.split()) <= (14 if self.bold_size >= _HEADING_PT else 10)
            and text[:1].isupper()
            and not text.endswith((".", ":", ";", ",", "!", "?"))
        )
        size = self.bold_size
        self.bold_chars = self.plain_chars = 0
        self.bold_size = 0.0
        if not text:
            return
        if self.kind == "text" and self.cells is None:
            marker = list_marker(text)
            if marker is not None and marker[0] == "bullet":
                self.blocks.append(Block(marker[1], "list_item"))  # a typed "·" or "-"
                return
        if bold_heading:
            # large bold type: a chapter (the largest on the page) or a section; bold
            # at the size of the text: a paragraph heading
            # (below a page's own h1 or Word heading, never a chapter)
            chapter = not self.structured and self._size_rank(size)
            level = (1 if chapter else 2) if size >= _HEADING_PT else 3
            self.blocks.append(Block(text, "heading", None, level))
            return
        if self.cells is not None:
            self.cells.append(text)
            return
        if self.kind == "heading":
            self.blocks.append(Block(text, "heading", None, self.level))
        else:
            self.blocks.append(Block(text, self.kind))  # type: ignore[arg-type]

    def _size_rank(self, size: float) -> bool:
        """Whether a bold block's size is among the largest bold sizes of the page so far."""
        self.sizes.append(size)
        return size >= max(self.sizes) - 0.5

    @property
    def _outside(self) -> bool:
        return bool(self.skip) or (self.main_only and not self.in_main)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
            return
        if tag == "main":
            self.in_main += 1
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip += 1
            return
        if self._outside:
            return
        attr = dict(attrs)
        if tag == "span" and (
            self.marker_spans
            or "mso-list:ignore" in (attr.get("style") or "").lower().replace(" ", "")
        ):
            self.marker_spans += 1  # the bullet or number Word writes before a list item
            return
        size = _FONT_SIZE.search(attr.get("style") or "")
        if tag in {"b", "strong"}:
            self.bold += 1
        if size is not None and self.bold:
            self.bold_size = max(self.bold_size, float(size.group(1)))
        mso = _MSO_HEADING.search(attr.get("class") or "") if tag == "p" else None
        if mso is not None:
            self._flush()
            self.kind, self.level = "heading", int(mso.group(1) or 1)
            self.structured = True
        elif tag == "p" and "msolistparagraph" in (attr.get("class") or "").lower():
            self._flush()
            self.kind = "list_item"  # Word's list paragraph
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.kind, self.level = "heading", int(tag[1])
            self.structured = True
        elif tag == "li":
            self._flush()
            self.kind = "list_item"
        elif tag == "table":
            self._flush()
            self.tables.append(([], self.cells))
            self.cells = None
        elif tag == "tr":
            self._flush()
            self.cells = []
        elif tag in {"td", "th"} or tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag == "main":
            self._flush()
            self.in_main = max(0, self.in_main - 1)
            return
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self._outside:
            return
        if tag == "span" and self.marker_spans:
            self.marker_spans -= 1
            return
        if tag in {"b", "strong"}:
            self.bold = max(0, self.bold - 1)
        if (
            re.fullmatch(r"h[1-6]", tag)
            or tag == "li"
            or (tag == "p" and self.kind in ("heading", "list_item"))
        ):
            self._flush()
            self.kind, self.level = "text", 0
        elif tag in {"td", "th"}:
            self._flush()
        elif tag == "tr":
            self._flush()
            if self.cells:
                if self.tables:
                    self.tables[-1][0].append(self.cells)
                else:  # a row without a table element: a table of one row
                    self.blocks.append(Block(table_text([self.cells]), "table"))
            self.cells = None
        elif tag == "table":
            self._flush()
            if self.tables:
                rows, self.cells = self.tables.pop()
                if rows:
                    self.blocks.append(Block(table_text(rows), "table"))
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self._outside and not self.marker_spans:
            self.buffer.append(data)
            chars = len(data.strip())
            if self.bold:
                self.bold_chars += chars
            else:
                self.plain_chars += chars

    def close(self) -> None:
        super().close()
        self._flush()
        while self.tables:  # a table left open at the end of the page
            rows, _ = self.tables.pop()
            if rows:
                self.blocks.append(Block(table_text(rows), "table"))


def extract_html(path: Path, *, name: str, sha256: str) -> Document:
    """Extract an HTML page into a :class:`~textscan.model.Document`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror}", kind="unreadable") from None
    m = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", raw[:4096], re.I)
    charset = m.group(1).decode("ascii").lower() if m else "utf-8"
    if charset in {"utf-8", "utf8"}:
        text = decode_text(raw, str(path))
    else:
        try:
            text = raw.decode(charset, errors="replace")
        except LookupError:
            text = decode_text(raw, str(path))
    reader = _Reader(main_only=re.search(r"<main[\s>]", text, re.I) is not None)
    reader.feed(text)
    reader.close()
    sections, paragraphs = build_structure(reader.blocks)
    if not paragraphs:
        raise InputError(str(path), "contains no text", kind="empty")
    title = normalise_chars(" ".join(reader.title.split()))
    return Document(
        path=str(path),
        name=name,
        format="html",
        sha256=sha256,
        pages=(),
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        metadata={"title": title} if title else {},
        extractor={"engine": "html.parser"},
    )


__all__ = ["extract_html"]
