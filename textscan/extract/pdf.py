"""PDF input: clean text, sections and pages from a PDF's text layer.

Pipeline (one pass over the pages, each page closed when read):

1. :mod:`~textscan.extract.layout` reads every page into text segments with
   boxes and font data and puts them in reading order (columns).
2. Running headers, footers and page numbers are found by repetition across
   pages and removed; table-of-contents pages become ``toc`` paragraphs.
3. Tables are found by geometry (rows of three or more aligned cells, most of
   them numbers) and become one ``table`` paragraph each: the printed rows as
   lines, cells separated by " | ".
4. Headings come from the PDF's tags (H1-H6 in a tagged PDF), bookmarks and
   the table of contents where present (matched to the printed heading), and
   from font size/weight statistics and numbering otherwise; levels follow
   those sources. Tags that do not look like headings are not used.
5. Lines are joined into paragraphs across line, column and page breaks,
   with Dutch-aware dehyphenation; bullets and numbered items are list items.

Pages without a usable text layer become warnings naming the pages; a PDF
without any usable text raises :class:`~textscan.errors.ExtractionError`.
The title in the PDF's document information (its metadata) is kept as
``Document.metadata["title"]``, as the DOCX and HTML extractors keep theirs.

Example:
    >>> from pathlib import Path
    >>> doc = extract_pdf(Path("plan.pdf"), name="plan", sha256="-")  # doctest: +SKIP
    >>> [(s.title, s.page_start) for s in doc.sections][:2]  # doctest: +SKIP
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from textscan.errors import ExtractionError, InputError
from textscan.extract.clean import (
    Vocabulary,
    ZoneLine,
    is_bare_bullet,
    is_page_number,
    is_toc_heading,
    join_lines,
    list_marker,
    normalise_chars,
    running_lines,
    title_key,
    toc_row,
)
from textscan.extract.layout import PageLayout, Segment, pdfium_page_layout, pdfplumber_page_layout
from textscan.extract.structure import Block, build_structure, table_text
from textscan.extract.tags import TaggedElement, is_tagged, page_tags, tags_useless
from textscan.model import Document, ExtractionWarning, Page, ParagraphKind

ENGINES: tuple[str, ...] = ("auto", "pdfium", "pdfplumber")

#: share of the page height at the top and bottom where running headers and footers live
ZONE = 0.13
#: pages of a tagged PDF read before giving up on tags that name no heading or table
TAG_PROBE_PAGES = 10
#: pages read from one opening of a PDF before it is closed and opened again. pdfium's
#: document caches grow with every page read: 500 pages from one opening hold ~29 MB,
#: reopened every 100 pages ~12 MB (every 50: ~10 MB, but 3-5% slower, as fonts are
#: parsed again after each opening; every 100: within the noise)
REOPEN_PAGES = 100
_NUMBERED_HEADING = re.compile(r"^(?:hoofdstuk\s+)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\S", re.I)
_TERMINAL = (".", "!", "?", ":", ";", "”", '"', "’")


@dataclass(slots=True)
class _Line:
    """A segment during assembly, with the decisions taken about it."""

    seg: Segment
    page: int
    text: str
    heading_level: int | None = None
    explicit_level: bool = False
    heading_title: str | None = None
    heading_cont: bool = False  # continues the heading on the line before
    toc: bool = False  # part of a table of contents
    table: int | None = None  # index of the table the line belongs to


@dataclass(slots=True)
class _Para:
    kind: ParagraphKind
    page: int
    lines: list[tuple[str, bool]] = field(default_factory=list)
    # (index in lines, page) of the first line on each later page it runs on to
    breaks: list[tuple[int, int]] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    last: _Line | None = None


# ------------------------------------------------------------------ opening


def _open_pdfium(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractionError(
                str(path),
                "is encrypted and needs a password (the empty password did not open it)",
                kind="encrypted",
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ExtractionError(
                str(path), "uses an unsupported security handler", kind="encrypted"
            ) from None
        raise ExtractionError(
            str(path), f"cannot be opened as a PDF (damaged or incomplete): {exc}", kind="corrupt"
        ) from None


def _bookmarks(pdf: pdfium.PdfDocument) -> list[tuple[int, str, int]]:
    out: list[tuple[int, str, int]] = []
    try:
        for bm in pdf.get_toc(max_depth=6):
            dest = bm.get_dest()
            index = dest.get_index() if dest is not None else None
            title = normalise_chars(bm.get_title() or "").strip()
            if not (index is not None and title):
                continue
            if (
                out
                and out[-1][2] == index
                and out[-1][0] == bm.level
                and (_unfinished(out[-1][1]) or title[0].islower())
            ):
                # one heading split over several bookmarks ("ICT, Digitalisering," + ...)
                out[-1] = (bm.level, f"{out[-1][1]} {title}", index)
            else:
                out.append((bm.level, title, index))
    except (pdfium.PdfiumError, ValueError):
        return []
    return out


def _title(value: object) -> str | None:
    """A metadata title as one line of text, or None when there is none."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    title = " ".join(normalise_chars(value).split())
    return title or None


def _pdfium_title(pdf: pdfium.PdfDocument) -> str | None:
    """The Title of the PDF's document information, or None (none, or unreadable)."""
    try:
        return _title(pdf.get_metadata_dict().get("Title"))
    except (pdfium.PdfiumError, ValueError, UnicodeError):
        return None


@dataclass(slots=True)
class _Tags:
    """The heading and table tags of a tagged PDF, and why they are (not) there."""

    elements: list[TaggedElement] = field(default_factory=list)
    types: Counter[str] = field(default_factory=Counter)
    status: str = "untagged"


def _read_pdfium(pdf: pdfium.PdfDocument, path: Path) -> tuple[list[PageLayout], _Tags]:
    """Page layouts, and the tags of a tagged PDF while they promise headings or tables.

    Takes ``pdf`` over (it is closed here). pdfium keeps document-level caches
    (fonts, parsed page data) that grow with every page read, closed or not, so
    the document is opened again from ``path`` every :data:`REOPEN_PAGES` pages:
    memory stays flat in the number of pages. The tags of a page are read from
    the page the layout reads (one parse per page).
    """
    try:
        tags = _Tags(status="read" if is_tagged(pdf) else "untagged")
        layouts: list[PageLayout] = []
        for i in range(len(pdf)):
            if i and i % REOPEN_PAGES == 0:
                pdf.close()
                pdf = _open_pdfium(path)
            page = pdf[i]
            try:
                if tags.status == "read":
                    found = page_tags(page, i + 1)
                    tags.elements.extend(found.elements)
                    tags.types.update(found.types)
                    if i + 1 >= TAG_PROBE_PAGES and tags_useless(tags.types):
                        tags.status = "no heading or table tags"
                layouts.append(pdfium_page_layout(pdf, i, page))
            finally:
                page.close()
    finally:
        pdf.close()
    if tags.status == "read" and tags_useless(tags.types):
        tags.status = "no heading or table tags"
    return layouts, tags


def _read_layouts(
    path: Path, engine: str
) -> tuple[list[PageLayout], list[tuple[int, str, int]], str, _Tags, str | None]:
    """Page layouts, bookmarks, the engine used, the tags and the metadata title."""
    if engine not in ENGINES:
        raise InputError(
            str(path),
            f"unknown PDF engine {engine!r} (choose from {', '.join(ENGINES)})",
            kind="usage",
        )
    pdf: pdfium.PdfDocument | None = None
    try:
        pdf = _open_pdfium(path)
    except ExtractionError as exc:
        if exc.kind == "encrypted" or engine == "pdfium":
            raise
    try:
        if engine == "pdfplumber" or pdf is None:
            bookmarks = _bookmarks(pdf) if pdf is not None else []
            title = _pdfium_title(pdf) if pdf is not None else None
            layouts, plumber_title = _read_pdfplumber(path)
            untagged = _Tags(status="not read (pdfplumber engine)")
            return layouts, bookmarks, "pdfplumber", untagged, title or plumber_title
        bookmarks = _bookmarks(pdf)
        title = _pdfium_title(pdf)
        layouts, tags = _read_pdfium(pdf, path)  # closes pdf (and its reopenings)
        pdf = None
        return layouts, bookmarks, "pdfium", tags, title
    finally:
        if pdf is not None:
            pdf.close()


def _read_pdfplumber(path: Path) -> tuple[list[PageLayout], str | None]:
    """Page layouts and the metadata title, read by pdfplumber."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        doc = pdfplumber.open(str(path))
    except PDFPasswordIncorrect:
        raise ExtractionError(
            str(path), "is encrypted and needs a password", kind="encrypted"
        ) from None
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise ExtractionError(
            str(path),
            f"cannot be opened as a PDF: {exc}"
            + (
                "; it does not end as a PDF does (%%EOF): was it cut off in the download or copy?"
                if not _ends_like_a_pdf(Path(path))
                else ""
            ),
            kind="corrupt",
        ) from None
    layouts: list[PageLayout] = []
    with doc:
        try:
            title = _title((doc.metadata or {}).get("Title"))
        except Exception:  # pdfminer's metadata of a damaged file: no title
            title = None
        for i, page in enumerate(doc.pages):
            layouts.append(pdfplumber_page_layout(page, i + 1))
            page.close()
    return layouts, title


# ------------------------------------------------------------------ helpers


def _page_ranges(pages: Sequence[int]) -> str:
    """ "1-3, 7" for [1, 2, 3, 7]."""
    parts: list[str] = []
    run: list[int] = []
    for p in sorted(pages):
        if run and p == run[-1] + 1:
            run.append(p)
            continue
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [p]
    if run:
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)


def _usable(layout: PageLayout) -> bool:
    if layout.chars == 0:
        return False
    return layout.bad_chars <= 0.3 * layout.chars


def _unfinished(title: str) -> bool:
    """A title that cannot end here ("Wonen en", "ICT, Digitalisering,")."""
    words = title.split()
    return title.endswith((",", "&", "-", "/")) or (
        bool(words) and words[-1] in {"en", "of", "van", "de", "het", "voor", "in", "op", "met"}
    )


def _style(seg: Segment) -> tuple[float, bool]:
    return (round(seg.size * 2) / 2, seg.bold)


_CAPTION = re.compile(
    r"(?:(?:tabel|figuur|grafiek|afbeelding|kaart|bijlage\s+tabel)\s+\d+[a-z]?\b[.:]?|(?:foto|bron|beeld)\s*:)",
    re.IGNORECASE,
)


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _covered(seg: Segment, boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    """Most of the segment's width lies in boxes on its line (a tagged element's objects)."""
    width = 0.0
    for x0, top, x1, bottom in boxes:
        if top - 2 <= seg.middle <= bottom + 2:
            width += max(0.0, min(x1, seg.x1) - max(x0, seg.x0))
    return width >= 0.6 * max(seg.width, 1.0)


# ------------------------------------------------------------------ tables

_NUMERIC = re.compile(r"^[-+−–(€$]*\d[\d.,\s]*[%)]*[a-z]?$")


def _cells(row: Sequence[_Line]) -> list[str]:
    """The cells of a printed row, left to right (a wide gap inside a segment is a tab)."""
    return [c.strip() for ln in row for c in ln.text.split("\t") if c.strip()]


def _joined_cells(rows: Sequence[Sequence[_Line]]) -> list[list[str]]:
    """The cells of a table's rows, a label wrapped onto a line of its own joined back.

    A row of one segment that starts in lowercase right under the first cell
    of the row before ("Geregistreerde misdrijven per 1.000" / "inwoners")
    is the rest of that cell, not a row.
    """
    out: list[list[str]] = []
    previous: Sequence[_Line] | None = None
    for row in rows:
        cells = _cells(row)
        if (
            previous is not None
            and out
            and len(out[-1]) >= 2
            and len(row) == 1
            and len(cells) == 1
            and cells[0][:1].islower()
            and abs(row[0].seg.x0 - previous[0].seg.x0) < row[0].seg.size
            and row[0].seg.top - max(ln.seg.bottom for ln in previous) < 0.6 * row[0].seg.size
        ):
            out[-1][0] = f"{out[-1][0]} {cells[0]}"
            continue
        out.append(cells)
        previous = row
    return out


def _tabular(row: Sequence[_Line]) -> bool:
    """A row of a table: three or more cells, two of them numbers, or four short cells."""
    cells = _cells(row)
    if len(cells) < 3:
        return False
    numbers = sum(1 for c in cells if _NUMERIC.match(c))
    return numbers >= 2 or (len(cells) >= 4 and max(len(c) for c in cells) <= 30)


def _continues(row: Sequence[_Line]) -> bool:
    """A row that continues a table: a label and a number ("Onderliggend saldo | -1,75%")."""
    cells = _cells(row)
    return len(cells) >= 2 and any(_NUMERIC.match(c) for c in cells)


# a numbered section title: "3.2 Wat opvalt", "4. Aanpak" (a capital after the number)
_NUMBERED_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-ZÀ-Ý]")


def _pages_like_toc(parsed: Sequence[tuple[str, int] | None], by_page: dict[int, object]) -> bool:
    """Whether the numbers ending rows without a contents heading read as page numbers.

    Entries of a table of contents point to pages in order, within the document
    (printed numbers may run a few ahead of the file's). A table of figures
    ("Woningscans 40", "Meldingen 312", "Doel 2028 85") does not: its numbers
    jump about or exceed the page count. Without this check such a table at the
    end of a plan was dropped as a second table of contents.
    """
    numbers = [p[1] for p in parsed if p]
    if not numbers:
        return False
    pages = len(by_page)
    in_range = sum(1 for x in numbers if 0 < x <= pages + 10) >= 0.8 * len(numbers)
    rising = sum(1 for a, b in pairwise(numbers) if b >= a) >= 0.8 * (len(numbers) - 1)
    return in_range and rising


def _table_rows(lines: Sequence[_Line], min_rows: int = 3) -> list[list[list[_Line]]]:
    """Tables of one page as lists of printed rows (lines left to right).

    A table is a run of at least ``min_rows`` tabular rows (:func:`_tabular`)
    less than four line heights apart. Up to four other rows may lie between
    them (labels such as "Uitgaven", a description wrapped inside its cell)
    when they are short or narrower than the table; up to four short rows
    closely above the first tabular row are its header. A row across the
    table's width that is not tabular (running text) ends it.
    """
    rows: list[list[_Line]] = []
    for ln in sorted((ln for ln in lines if not ln.toc), key=lambda ln: ln.seg.middle):
        if rows and abs(ln.seg.middle - rows[-1][0].seg.middle) < 0.4 * min(
            ln.seg.size, rows[-1][0].seg.size
        ):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    rows = [sorted(r, key=lambda ln: ln.seg.x0) for r in rows]

    def close(a: list[_Line], b: list[_Line], lines_apart: float) -> bool:
        size = max(ln.seg.size for ln in a + b)
        return min(ln.seg.top for ln in b) - max(ln.seg.bottom for ln in a) < lines_apart * size

    def short(row: list[_Line]) -> bool:
        return all(len(c) <= 60 for c in _cells(row)) and not any(
            ln.text.rstrip().endswith((".", ":", ";")) and len(ln.text) > 40 for ln in row
        )

    def width(rows: list[list[_Line]]) -> float:
        return max(ln.seg.x1 for r in rows for ln in r) - min(ln.seg.x0 for r in rows for ln in r)

    tables: list[list[list[_Line]]] = []
    current: list[list[_Line]] = []
    count = 0  # tabular rows in current
    pending: list[list[_Line]] = []  # other rows after the last table row

    def heading_like(row: list[_Line], size: float) -> bool:
        """A row that starts what follows the table: larger type, or a numbered title."""
        text = " ".join(ln.text for ln in row).strip()
        return max(ln.seg.size for ln in row) > 1.12 * size or bool(_NUMBERED_TITLE.match(text))

    def finish() -> None:
        nonlocal current, count
        if count >= min_rows:
            # the end of a description wrapped in its cell ("procedés"), just below,
            # but not the heading of the next section ("3.2 Wat opvalt")
            size = median(ln.seg.size for r in current for ln in r)
            while pending and close(current[-1], pending[0], 1.0):
                if width(pending[:1]) >= 0.7 * width(current) or heading_like(pending[0], size):
                    break
                current.append(pending.pop(0))
            tables.append(current)
        current, count = [], 0

    for row in rows:
        tabular = _tabular(row)
        if tabular or (current and _continues(row)):
            last = pending[-1] if pending else current[-1] if current else None
            if current and last is not None and close(last, row, 4.0):
                current.extend(pending)
            else:
                finish()
                # short rows just above are the table's header (not a heading in a larger font)
                size = median(ln.seg.size for ln in row)
                head: list[list[_Line]] = []
                for prev in reversed(pending):
                    bigger = max(ln.seg.size for ln in prev) > 1.12 * size
                    if bigger or not short(prev) or not close(prev, head[0] if head else row, 1.5):
                        break
                    head.insert(0, prev)
                current = head
            current.append(row)
            count += tabular
            pending = []
            continue
        inside = short(row) or bool(current and width([row]) < 0.7 * width(current))
        previous = pending[-1] if pending else current[-1] if current else None
        if inside and len(pending) < 4 and (previous is None or close(previous, row, 4.0)):
            pending.append(row)
        else:
            finish()
            pending = [row] if short(row) else []
    finish()
    return tables


# ------------------------------------------------------------------ assembly


class _Assembler:
    """Turns page layouts into blocks (headings, paragraphs, toc rows)."""

    def __init__(
        self,
        layouts: list[PageLayout],
        bookmarks: list[tuple[int, str, int]],
        tags: _Tags | None = None,
    ) -> None:
        self.layouts = layouts
        self.bookmarks = bookmarks
        self.tags = tags if tags is not None else _Tags()
        self.heading_sources: Counter[str] = Counter()
        self.tables: list[Block] = []
        self.pages_used = [ly.number for ly in layouts if _usable(ly)]
        self.lines: dict[int, list[_Line]] = {}
        self.toc_pages: set[int] = set()
        self.toc_entries: list[tuple[str, int, float]] = []
        self.toc_blocks: dict[int, list[Block]] = {}
        self.vocab = Vocabulary()
        self.removed = 0
        # page -> (its lines, their number, title key -> span): see _match_title
        self._title_index: dict[int, tuple[list[_Line], int, dict[str, tuple[int, int]]]] = {}

    # -- furniture
    def strip_furniture(self) -> None:
        zone: list[ZoneLine] = []
        by_page = {ly.number: ly for ly in self.layouts}
        for n in self.pages_used:
            ly = by_page[n]
            segs = ly.segments
            top, bottom = ZONE * ly.height, (1 - ZONE) * ly.height
            in_zone = [i for i, s in enumerate(segs) if s.bottom < top or s.top > bottom]
            if not in_zone:
                continue
            # the segments on a zone line's line ("mates"): candidates by middle from a
            # sorted list (a margin of 1 pt), then the exact test, in page order
            mids = [(s.top + s.bottom) / 2 for s in segs]
            order = sorted(range(len(segs)), key=mids.__getitem__)
            ordered = [mids[k] for k in order]
            for i in in_zone:
                seg = segs[i]
                mid = mids[i]
                tol = 0.4 * seg.size
                near = order[
                    bisect_left(ordered, mid - tol - 1) : bisect_right(ordered, mid + tol + 1)
                ]
                mates = tuple(
                    segs[k].text
                    for k in sorted(near)
                    if segs[k] is not seg and abs(mids[k] - mid) < tol
                )
                zone.append(ZoneLine(n, i, seg.text, mates))
        drop = running_lines(zone, len(self.layouts))
        self.removed = len(drop)
        for n in self.pages_used:
            ly = by_page[n]
            kept = []
            for i, seg in enumerate(ly.segments):
                if (n, i) in drop:
                    continue
                text = normalise_chars(seg.text).strip()
                if text:
                    kept.append(_Line(seg=seg, page=n, text=text))
            self.lines[n] = kept

    # -- tables of contents
    def find_toc(self) -> None:
        by_page = {ly.number: ly for ly in self.layouts}
        previous_was_toc = False
        for n in self.pages_used:
            rows = self._rows(self.lines[n])
            width = by_page[n].width
            # an entry ends in its page number: other rows are not parsed (line texts are
            # stripped and not empty; str.isdigit covers every digit toc_row's \d does)
            parsed = [
                toc_row(
                    "\t".join(ln.text for ln in row),
                    right_aligned=len(row) > 1 and row[-1].seg.x1 > 0.6 * width,
                )
                if row[-1].text[-1].isdigit()
                else None
                for row in rows
            ]
            hits = sum(1 for p in parsed if p)
            headed = any(is_toc_heading(row[0].text) for row in rows[:3])
            if not (
                (hits >= 4 and hits >= 0.4 * len(rows) and _pages_like_toc(parsed, by_page))
                or (headed and hits >= 2)
                or (previous_was_toc and hits >= 3 and hits >= 0.4 * len(rows))
            ):
                previous_was_toc = False
                continue
            previous_was_toc = True
            self.toc_pages.add(n)
            # the table of contents runs from its heading (or first entry) to its last entry;
            # text beside it on the same page (an introduction) stays running text
            first = next(
                (i for i, row in enumerate(rows) if is_toc_heading(row[0].text)),
                next(i for i, p in enumerate(parsed) if p),
            )
            last = max(i for i, p in enumerate(parsed) if p)
            blocks: list[Block] = []
            carry = ""
            for k in range(first, last + 1):
                row, entry = rows[k], parsed[k]
                for ln in row:
                    ln.toc = True
                if entry is None:
                    text = " ".join(ln.text for ln in row).strip()
                    if is_toc_heading(text) or is_page_number(text) or len(text) > 120:
                        blocks.append(Block(text, "toc", n))
                    elif blocks and self.toc_entries and _unfinished(blocks[-1].text):
                        # a title wrapped after its page number ("ICT, Digitalisering, 54"
                        # then "Social Media" on the next row)
                        title, printed, x0 = self.toc_entries[-1]
                        self.toc_entries[-1] = (f"{title} {text}", printed, x0)
                        blocks[-1] = Block(f"{blocks[-1].text} {text}", "toc", n)
                    else:
                        carry = f"{carry} {text}".strip()
                    continue
                title, printed = entry
                title = f"{carry} {title}".strip() if carry else title
                carry = ""
                if (
                    self.toc_entries
                    and blocks
                    and blocks[-1].text == self.toc_entries[-1][0]
                    and self.toc_entries[-1][1] == printed
                    and (_unfinished(blocks[-1].text) or title[:1].islower())
                ):
                    # one title split over rows that each repeat the page number
                    merged = f"{blocks[-1].text} {title}"
                    self.toc_entries[-1] = (merged, printed, self.toc_entries[-1][2])
                    blocks[-1] = Block(merged, "toc", n)
                    continue
                self.toc_entries.append((title, printed, row[0].seg.x0))
                blocks.append(Block(title, "toc", n))
            if carry:
                blocks.append(Block(carry, "toc", n))
            self.toc_blocks[n] = blocks

    # -- tables
    def find_tables(self) -> None:
        """Mark the lines of tables and make one ``table`` block of each."""
        tagged = {e.page for e in self.tags.elements if e.kind == "Table"}
        for n in self.pages_used:
            lines = self.lines[n]
            minimum = 2 if n in tagged else 3
            # cheap test first: a table has cells split by wide gaps (tabs) or number segments
            if sum(1 for ln in lines if "\t" in ln.text or _NUMERIC.match(ln.text)) < minimum:
                continue
            for rows in _table_rows(lines, min_rows=minimum):
                index = len(self.tables)
                for row in rows:
                    for ln in row:
                        ln.table = index
                self.tables.append(Block(table_text(_joined_cells(rows)), "table", n))

    @staticmethod
    def _rows(lines: list[_Line]) -> list[list[_Line]]:
        rows: list[list[_Line]] = []
        for ln in lines:
            if rows and abs(ln.seg.middle - rows[-1][-1].seg.middle) < 0.4 * ln.seg.size:
                rows[-1].append(ln)
            else:
                rows.append([ln])
        return rows

    # -- vocabulary for dehyphenation
    def learn_vocabulary(self) -> None:
        pairs: list[tuple[str, str]] = []
        flat = [ln for n in self.pages_used for ln in self.lines[n] if not ln.toc]
        for ln in flat:
            self.vocab.add_line(ln.text + ("-" if ln.seg.hyphen_end else ""))
        for a, b in pairwise(flat):
            if a.seg.hyphen_end or (a.text.endswith("-") and a.text[-2:-1].isalpha()):
                left = re.findall(r"\w+$", a.text.rstrip("-"))
                right = re.match(r"\w+", b.text)
                if left and right and right.group(0)[0].islower():
                    pairs.append((left[0], right.group(0)))
        self.vocab.decide_prior(pairs)

    # -- headings
    def find_headings(self) -> None:
        body = [ln for n in self.pages_used for ln in self.lines[n] if not ln.toc]
        if not body:
            return
        weights: Counter[float] = Counter()
        bold_chars = 0
        total = 0
        for ln in body:
            if ln.table is not None:
                continue
            weights[round(ln.seg.size * 2) / 2] += len(ln.text)
            total += len(ln.text)
            bold_chars += len(ln.text) if ln.seg.bold else 0
        body_size = weights.most_common(1)[0][0]
        body_bold = bold_chars > 0.5 * total
        self.body_size = body_size
        for n in self.pages_used:
            lines = self.lines[n]
            i = 0
            while i < len(lines):
                first = lines[i]
                if first.toc or first.table is not None:
                    i += 1
                    continue
                if not self._styled(first, body_size, body_bold):
                    i += 1
                    continue
                # a run of lines in the same style, close together: one title or a lede
                run = [first]
                j = i + 1
                while j < len(lines):
                    nxt, last = lines[j], run[-1]
                    size = nxt.seg.size
                    aligned = (
                        abs(nxt.seg.x0 - last.seg.x0) <= 3 * size  # left
                        or abs(nxt.seg.middle_x - last.seg.middle_x) <= size  # centred
                        or abs(nxt.seg.x1 - last.seg.x1) <= size  # right
                    )
                    if (
                        nxt.toc
                        or nxt.table is not None
                        or _style(nxt.seg) != _style(last.seg)
                        # display type's loose boxes overlap the line above
                        or not -0.35 * size <= nxt.seg.top - last.seg.bottom < size
                        or not aligned
                        or _NUMBERED_HEADING.match(nxt.text)
                    ):
                        break
                    run.append(nxt)
                    j += 1
                big = first.seg.size >= body_size * 1.12
                if len(run) <= 3 and self._title_text(" ".join(r.text for r in run), big):
                    for k, r in enumerate(run):
                        r.heading_level = 0
                        r.heading_cont = k > 0
                i = j
        self._confirm_from_tags()
        self._confirm_from_bookmarks()
        self._confirm_from_toc()
        self._assign_levels()

    @staticmethod
    def _styled(ln: _Line, body_size: float, body_bold: bool) -> bool:
        """Set apart from body text by a larger size or (in a non-bold body) by bold."""
        big = ln.seg.size >= body_size * 1.12
        return big or (ln.seg.bold and not body_bold and ln.seg.size >= body_size * 0.95)

    @staticmethod
    def _title_text(text: str, big: bool) -> bool:
        """Text that can be a heading: short, mostly letters, not a sentence or lead-in."""
        if len(text) > 160 or len(text.split()) > 20 or _letters(text) < 2:
            return False
        if _letters(text) < 0.5 * len(text.replace(" ", "")):
            return False
        if not re.search(r"[^\W\d_]{3,}", text):
            return False  # no word of three letters: a figure in large type ("1 op 4")
        if _CAPTION.match(text):
            return False  # "Tabel 2 Partners en hun rol", "Foto: ...": a caption
        marker = list_marker(text)
        if marker and marker[0] == "bullet":
            return False
        if text.endswith((",", ";", ":")) or is_page_number(text):
            return False
        if text.endswith(".") and not re.fullmatch(r"[\d.]+", text.split()[0].rstrip(".")):
            return False  # a sentence in a larger or bold font (a lede), not a title
        return not (text[0].islower() and not big)

    def _match_title(self, page: int, title: str) -> list[_Line] | None:
        """Lines on ``page`` whose text (one to three consecutive lines) is ``title``."""
        key = title_key(title)
        if not key:
            return None
        lines = self.lines.get(page, [])
        index = self._title_index.get(page)
        if index is None or index[0] is not lines or index[1] != len(lines):
            index = (lines, len(lines), self._title_spans(lines))
            self._title_index[page] = index
        span = index[2].get(key)
        return lines[span[0] : span[1]] if span else None

    @staticmethod
    def _title_spans(lines: list[_Line]) -> dict[str, tuple[int, int]]:
        """Title key -> the first span of one to three lines (not opening in a toc) with it.

        The first span in reading order wins, the shortest at the same start, as
        a scan of the lines for one title would find it.
        """
        keys = [title_key(ln.text) for ln in lines]
        spans: dict[str, tuple[int, int]] = {}
        for i, ln in enumerate(lines):
            if ln.toc:
                continue
            acc = ""
            for j in range(i, min(i + 3, len(lines))):
                acc += keys[j]
                spans.setdefault(acc, (i, j + 1))
        return spans

    def _mark(self, found: list[_Line], level: int, source: str) -> None:
        if any(ln.table is not None for ln in found):
            return  # a title that is also a table cell stays in the table
        self.heading_sources[source] += 1
        for k, ln in enumerate(found):
            ln.heading_level = level
            ln.explicit_level = True
            ln.heading_cont = k > 0

    def _confirm_from_bookmarks(self) -> None:
        self.virtual: dict[int, list[tuple[int, str]]] = {}
        if not self.bookmarks:
            return
        matched: list[tuple[list[_Line], int]] = []
        missing: list[tuple[int, str, int]] = []
        for level, title, index in self.bookmarks:
            found = None
            for page in (index + 1, index + 2, index):
                found = self._match_title(page, title)
                if found:
                    break
            if found:
                matched.append((found, level + 1))
            else:
                missing.append((level, title, index))
        if len(matched) < 0.5 * len(self.bookmarks):
            return
        for found, level in matched:
            if not found[0].explicit_level:  # tags, when used, placed it already
                self._mark(found, level, "bookmarks")
        if len(matched) >= 0.8 * len(self.bookmarks):
            for level, title, index in missing:
                self.virtual.setdefault(index + 1, []).append((level + 1, title))

    def _confirm_from_toc(self) -> None:
        if not self.toc_entries:
            return
        after = max(self.toc_pages)
        offsets: Counter[int] = Counter()
        candidates: list[tuple[str, int, float, list[tuple[int, list[_Line]]]]] = []
        for title, printed, x0 in self.toc_entries:
            hits = []
            for n in self.pages_used:
                if n <= after:
                    continue
                found = self._match_title(n, title)
                if found:
                    hits.append((n, found))
                    offsets[n - printed] += 1
            candidates.append((title, printed, x0, hits))
        offset = offsets.most_common(1)[0][0] if offsets else 0
        indents = sorted({round(x0 / 4) for _, _, x0, _ in candidates})
        for title, printed, x0, hits in candidates:
            if not hits:
                continue
            best = min(hits, key=lambda h: abs(h[0] - (printed + offset)))
            if abs(best[0] - (printed + offset)) > 2:
                continue
            found = best[1]
            if found[0].explicit_level:
                continue
            m = _NUMBERED_HEADING.match(title)
            level = m.group(1).count(".") + 1 if m else indents.index(round(x0 / 4)) + 1
            self._mark(found, level, "toc")

    def _confirm_from_tags(self) -> None:
        """Headings from H1-H6 tags, when the tags on the whole look like headings.

        A tagged heading is the lines its page objects cover; it is used when
        those lines read as a title (short, not a sentence). When more than a
        quarter of the tagged headings do not (every paragraph tagged H1, a
        generator's habit) or there are more headings than paragraphs, no tag is
        used and the other sources decide.
        """
        heads = [e for e in self.tags.elements if e.kind != "Table"]
        if not heads:
            return
        found: list[tuple[list[_Line], int | None]] = []
        wrong = 0
        for e in heads:
            lines = [
                ln
                for ln in self.lines.get(e.page, [])
                if not ln.toc and ln.table is None and _covered(ln.seg, e.boxes)
            ]
            if not lines:
                continue  # empty, or furniture that was removed
            text = " ".join(ln.text for ln in lines)
            if len(lines) > 3 or not self._title_text(text, big=True):
                wrong += 1
                continue
            found.append((lines, e.level))
        paragraphs = self.tags.types.get("P", 0)
        if wrong > 0.25 * (len(found) + wrong) or len(heads) > max(5, paragraphs):
            self.tags.status = (
                f"not used: {wrong} of {len(found) + wrong} tagged headings are not titles"
                if wrong
                else f"not used: {len(heads)} tagged headings for {paragraphs} paragraphs"
            )
            return
        self.tags.status = f"used: {len(found)} of {len(heads)} tagged headings"
        for lines, level in found:
            if level is None:  # "H": a heading whose level the fonts decide
                if lines[0].heading_level is None:
                    for k, ln in enumerate(lines):
                        ln.heading_level = 0
                        ln.heading_cont = k > 0
                self.heading_sources["tags"] += 1
            else:
                self._mark(lines, level, "tags")

    def structure_source(self) -> str:
        """Where most headings came from: "tags", "bookmarks", "toc" or "fonts"."""
        fonts = sum(
            1
            for n in self.pages_used
            for ln in self.lines.get(n, [])
            if ln.heading_level is not None and not ln.heading_cont and not ln.explicit_level
        )
        counts = Counter(self.heading_sources) + Counter({"fonts": fonts})
        return counts.most_common(1)[0][0] if counts else "none"

    def _assign_levels(self) -> None:
        heads = [
            ln
            for n in self.pages_used
            for ln in self.lines.get(n, [])
            if ln.heading_level is not None and not ln.heading_cont
        ]
        votes: dict[tuple[float, bool], Counter[int]] = {}
        for ln in heads:
            if ln.explicit_level:
                votes.setdefault(_style(ln.seg), Counter())[ln.heading_level or 1] += 1
        styles = sorted({_style(ln.seg) for ln in heads}, key=lambda s: (-s[0], not s[1]))
        style_level: dict[tuple[float, bool], int] = {}
        current = 0
        for rank, st in enumerate(styles):
            if st in votes:
                current = votes[st].most_common(1)[0][0]
                style_level[st] = current
            elif votes:
                style_level[st] = current + 1 if current else 1
            else:
                style_level[st] = min(rank + 1, 4)
        for ln in heads:
            if ln.explicit_level:
                continue
            m = _NUMBERED_HEADING.match(ln.text)
            if m and not votes:
                ln.heading_level = m.group(1).count(".") + 1
            else:
                ln.heading_level = style_level[_style(ln.seg)]

    # -- paragraphs
    def assemble(self) -> list[Block]:
        """Every step in order: furniture, contents, tables, vocabulary, headings, blocks."""
        self.strip_furniture()
        self.find_toc()
        self.find_tables()
        self.learn_vocabulary()
        self.find_headings()
        return _cover_page(self.blocks())

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        para: _Para | None = None
        tables_done: set[int] = set()
        gaps = [
            b.seg.top - a.seg.bottom
            for n in self.pages_used
            for a, b in zip(self.lines[n], self.lines[n][1:], strict=False)
            if abs(a.seg.size - b.seg.size) < 0.5
            and -0.5 * a.seg.size < b.seg.top - a.seg.bottom < a.seg.size
        ]
        line_gap = median(gaps) if gaps else 0.0

        def flush() -> None:
            nonlocal para
            if para is not None and para.lines:
                text = join_lines(para.lines, self.vocab)
                if text:
                    breaks = (
                        _page_offsets(para.lines, para.breaks, self.vocab) if para.breaks else ()
                    )
                    out.append(Block(text, para.kind, para.page, page_breaks=breaks))
            para = None

        for n in self.pages_used:
            for level, title in self.virtual.get(n, []) if hasattr(self, "virtual") else []:
                flush()
                out.append(Block(title, "heading", n, level, show=False))
            toc_done = False
            lines = self.lines[n]
            for i, ln in enumerate(lines):
                seg = ln.seg
                if ln.toc:
                    if not toc_done:
                        flush()
                        out.extend(self.toc_blocks.get(n, []))
                        toc_done = True
                    continue
                if ln.table is not None:
                    if ln.table not in tables_done:
                        flush()
                        out.append(self.tables[ln.table])
                        tables_done.add(ln.table)
                    continue
                if ln.heading_level is not None:
                    if ln.heading_cont and out and out[-1].kind == "heading" and para is None:
                        prev = out[-1]
                        out[-1] = replace(prev, text=f"{prev.text} {ln.text}")
                        continue
                    flush()
                    out.append(
                        Block(
                            ln.text,
                            "heading",
                            n,
                            ln.heading_level or 1,
                            confirmed=ln.explicit_level,
                        )
                    )
                    continue
                marker = list_marker(ln.text)
                if marker is None and is_bare_bullet(ln.text):
                    # the bullet stands apart from its text (a wide gap makes
                    # two segments): it opens the item, the text follows
                    marker = ("bullet", "")
                text = marker[1] if marker and marker[0] == "bullet" else ln.text
                prev = para.last if para is not None else None
                new = para is None or marker is not None
                if not new and prev is not None and para is not None:
                    same_row = (
                        abs(seg.middle - prev.seg.middle) < 0.4 * seg.size and seg.x0 > prev.seg.x1
                    )
                    ends = prev.text.rstrip().endswith(_TERMINAL)
                    starts_low = text[:1].islower() or prev.seg.hyphen_end
                    if same_row or prev.seg.hyphen_end:
                        new = False
                    elif prev.page != n or seg.top < prev.seg.top - 0.5 * seg.size:
                        # page or column break: continue an unfinished sentence only
                        new = ends or not starts_low
                        para.x0 = seg.x0 if not new else para.x0
                    else:
                        gap = seg.top - prev.seg.bottom
                        spaced = gap > max(line_gap + 0.45 * seg.size, 0.5 * seg.size)
                        resized = abs(seg.size - prev.seg.size) > 0.15 * max(
                            seg.size, prev.seg.size
                        )
                        outdented = para.kind == "list_item" and seg.x0 < para.x0 - 2
                        short = ends and prev.seg.x1 < para.x1 - 4 * seg.size and not starts_low
                        indented = (
                            para.kind == "text"
                            and ends
                            and seg.x0 > prev.seg.x0 + 1.5 * seg.size
                            and not starts_low
                        )
                        new = spaced or resized or outdented or short or indented
                if new:
                    flush()
                    para = _Para(
                        kind="list_item" if marker else "text", page=n, x0=seg.x0, x1=seg.x1
                    )
                assert para is not None
                if text:
                    if n != (para.breaks[-1][1] if para.breaks else para.page):
                        para.breaks.append((len(para.lines), n))  # runs on to page n
                    para.lines.append((text, seg.hyphen_end))
                para.x1 = max(para.x1, seg.x1)
                para.last = ln
                lines[i] = ln
        flush()
        return out


def _page_offsets(
    lines: list[tuple[str, bool]], breaks: list[tuple[int, int]], vocab: Vocabulary
) -> tuple[tuple[int, int], ...]:
    """``(offset, page)`` in the joined text of ``lines`` of each later page's first line.

    The text of the lines before a break, joined as the whole is (a fold from
    the left), is the start of the whole text: its length, with the space
    that follows, is where the later page's part begins. A word broken across
    the pages is joined, and counts on the first.
    """
    out = []
    for index, page in breaks:
        head = join_lines(lines[:index], vocab)
        at = len(head.removesuffix("-")) + 1 if head else 0
        out.append((at, page))
    return tuple(out)


def _section_number(text: str) -> bool:
    """Whether a heading opens with a section number ("2 Jeugd", "2.1 aanpak"), not a date."""
    m = _NUMBERED_HEADING.match(text)
    return m is not None and ("." in m.group(1) or text[m.end() - 1].isupper())


def _cover_page(blocks: list[Block]) -> list[Block]:
    """A cover's lines: the first is the document's title, the others (subtitle,
    organisation, date) are its text, not sections of their own.

    A cover sets every line large, so each looks like a heading; left as they
    are, the introduction that follows would fall in a section called
    "15 december 2021" or "Gemeente Dijkerveen". Only the opening run of
    headings on the first page with text, before any other paragraph, is
    taken for a cover, and it ends at a numbered heading ("1.1 Aanleiding"
    right under "1 Inleiding" is structure, not a cover) or at one that the
    document's tags, bookmarks or contents name ("Inleiding" right under the
    title).
    """
    if not blocks or blocks[0].kind != "heading" or not blocks[0].show:
        return blocks
    first = blocks[0]
    end = 1
    while (
        end < len(blocks)
        and blocks[end].kind == "heading"
        and blocks[end].show
        and blocks[end].page == first.page
        and not _section_number(blocks[end].text)
        and not blocks[end].confirmed
    ):
        end += 1
    if end == 1:
        return blocks
    cover = [replace(b, kind="text", level=0) for b in blocks[1:end]]
    return [first, *cover, *blocks[end:]]


def _warnings(layouts: list[PageLayout]) -> list[ExtractionWarning]:
    total = len(layouts)
    no_layer = [ly.number for ly in layouts if ly.chars == 0 and ly.image_cover > 0.02]
    garbled = [ly.number for ly in layouts if ly.chars and ly.bad_chars > 0.3 * ly.chars]
    imagey = [ly.number for ly in layouts if 0 < ly.chars < 30 and ly.image_cover > 0.5]
    blank = [ly.number for ly in layouts if ly.chars == 0 and ly.image_cover <= 0.02]
    out: list[ExtractionWarning] = []
    if no_layer:
        out.append(
            ExtractionWarning(
                code="no-text-layer",
                message=(
                    f"{len(no_layer)} of {total} pages have no text layer (scanned images?): "
                    f"pages {_page_ranges(no_layer)}; their text is missing from the analysis "
                    "(textscan --ocr reads them by OCR)"
                ),
                pages=tuple(no_layer),
            )
        )
    if garbled:
        out.append(
            ExtractionWarning(
                code="garbled-text",
                message=(
                    f"{len(garbled)} of {total} pages have a text layer without a usable "
                    f"character map (unreadable glyphs): pages {_page_ranges(garbled)}; "
                    "their text is left out (ocrmypdf --force-ocr -l nld can recover it)"
                ),
                pages=tuple(garbled),
            )
        )
    if imagey:
        out.append(
            ExtractionWarning(
                code="mostly-image",
                message=(
                    f"{len(imagey)} of {total} pages are mostly an image with almost no text: "
                    f"pages {_page_ranges(imagey)}; any text inside the images is not read"
                ),
                pages=tuple(imagey),
            )
        )
    if blank and len(blank) < total:
        out.append(
            ExtractionWarning(
                code="blank-page",
                message=f"{len(blank)} of {total} pages are empty: pages {_page_ranges(blank)}",
                pages=tuple(blank),
            )
        )
    return out


def _ends_like_a_pdf(path: Path) -> bool:
    """Whether the file's last kilobyte holds the end-of-file marker every PDF ends with."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - 1024))
            return b"%%EOF" in fh.read()
    except OSError:
        return True  # cannot tell: say no more than that it has no pages


def extract_pdf(path: Path, *, name: str, sha256: str, engine: str = "auto") -> Document:
    """Extract a PDF into a :class:`~textscan.model.Document`.

    ``engine`` is "auto" (pypdfium2, pdfplumber when pdfium cannot open the
    file), "pdfium" or "pdfplumber". Raises
    :class:`~textscan.errors.ExtractionError` with ``kind`` "encrypted",
    "corrupt" or "no-text".
    """
    path = Path(path)
    layouts, bookmarks, used, tags, title = _read_layouts(path, engine)
    if not layouts:
        if not _ends_like_a_pdf(path):
            raise ExtractionError(
                str(path),
                "is damaged or cut off: no page could be read and the file does not end "
                "as a PDF does (%%EOF); was the download or copy complete?",
                kind="corrupt",
            )
        raise ExtractionError(str(path), "has no pages", kind="no-text")
    usable = [ly for ly in layouts if _usable(ly)]
    if not usable:
        unusable = [ly.number for ly in layouts]
        which = (
            f"page {unusable[0]} looks scanned, is empty or uses fonts"
            if len(unusable) == 1
            else f"pages {_page_ranges(unusable)} look scanned, are empty or use fonts"
        )
        raise ExtractionError(
            str(path),
            f"has no usable text layer on any of its {len(layouts)} page(s) "
            f"({which} without a character map); run it again with --ocr to read it by OCR",
            kind="no-text",
        )
    asm = _Assembler(layouts, bookmarks, tags)
    sections, paragraphs = build_structure(asm.assemble())
    pages = tuple(
        Page(number=ly.number, label=ly.label, chars=ly.chars, has_text=_usable(ly))
        for ly in layouts
    )
    return Document(
        path=str(path),
        name=name,
        format="pdf",
        sha256=sha256,
        pages=pages,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        warnings=tuple(_warnings(layouts)),
        metadata={"title": title} if title else {},
        extractor={
            "engine": used,
            "requested": engine,
            "furniture_lines_removed": asm.removed,
            "toc_pages": sorted(asm.toc_pages),
            "bookmarks": len(bookmarks),
            "tags": asm.tags.status,
            "headings_from": dict(asm.heading_sources),
            "structure": asm.structure_source(),
            "tables": len(asm.tables),
        },
    )


__all__ = ["ENGINES", "extract_pdf"]
