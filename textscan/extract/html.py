"""HTML input (official publications of regulations are HTML pages).

Uses the standard library's :mod:`html.parser`: headings from ``h1``–``h6``,
list items from ``li``, one ``table`` paragraph per ``table`` (a row a line,
cells joined with " | "; a table inside a cell is a paragraph of its own),
paragraphs from ``p``, ``div`` and other block elements. Scripts, styles,
navigation, headers and footers of the page are skipped. No pages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from textscan.errors import InputError
from textscan.extract.clean import normalise_chars
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
    }
)
_VOID = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
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
        if not text:
            return
        if self.cells is not None:
            self.cells.append(text)
            return
        if self.kind == "heading":
            self.blocks.append(Block(text, "heading", None, self.level))
        else:
            self.blocks.append(Block(text, self.kind))  # type: ignore[arg-type]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
            return
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip += 1
            return
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.kind, self.level = "heading", int(tag[1])
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
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag) or tag == "li":
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
        elif not self.skip:
            self.buffer.append(data)

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
    reader = _Reader()
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
