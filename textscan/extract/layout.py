"""Page layout for PDF extraction: text segments with boxes, and reading order.

A *segment* is a run of text on one baseline without a large horizontal gap:
a line of a column, a table cell, a page number. Both engines (pypdfium2 and
pdfplumber) produce segments in the same shape, so everything after this
module is engine-independent.

Reading order is decided per page by a recursive cut: a page region is split
into columns at vertical white gutters (left to right), with full-width
blocks such as a title above two columns cutting it into horizontal bands
first. A single-column region is read top to bottom.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: a gap wider than this many font sizes ends a segment (columns, table cells)
SEGMENT_GAP_EM = 1.0
#: the smallest gutter between columns, in points
MIN_GUTTER = 6.0

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|\bbd\b", re.I)
# pdfium reports a hyphen it found at a line end as U+FFFE (and joins the lines)
LINE_END_HYPHEN = "\ufffe"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text on one line of a page, coordinates in points from the top left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    hyphen_end: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def middle_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class PageLayout:
    """The segments of one page in reading order, plus what the page is made of."""

    number: int
    width: float
    height: float
    segments: tuple[Segment, ...]
    chars: int
    bad_chars: int = 0
    image_cover: float = 0.0
    label: str | None = None


# --------------------------------------------------------------------------- pdfium


def _unchecked(func: ctypes._CFuncPtr, restype: type | None = ctypes.c_int) -> ctypes._CFuncPtr:
    """``func`` without argument conversion: the same C function, called 2-3x faster.

    pypdfium2's bindings check every argument against ``argtypes``; in the
    per-character loops below that costs more than the call itself. The
    callers pass exactly the C types (a raw handle, an int, a ``byref``).
    """
    fast = type(func)(ctypes.cast(func, ctypes.c_void_p).value)
    fast.restype = restype
    return fast


# its FPDF_BOOL result is never read (a failed call leaves the rect as it was)
_loose_char_box = _unchecked(pdfium_c.FPDFText_GetLooseCharBox, None)
_font_weight = _unchecked(pdfium_c.FPDFText_GetFontWeight)
_font_info = _unchecked(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)


def _bold_test(
    textpage: pdfium.PdfTextPage | ctypes._Pointer, buf: ctypes.Array[ctypes.c_char]
) -> Callable[[int], bool]:
    """Whether the char at an index is bold: by pdfium's font weight, the font's name
    or its ForceBold flag.

    For one text page (or its raw handle, ``textpage.raw``) and font-name buffer,
    its ctypes arguments made once: making them on every call took a third of its
    time (a page asks ~50 times).
    """
    font_weight = _font_weight
    font_info = _font_info
    bold_font = _bold_font
    flags = ctypes.c_int()
    flags_ref = ctypes.byref(flags)
    size = len(buf)
    buflen = ctypes.c_ulong(size)

    def is_bold(index: int) -> bool:
        if font_weight(textpage, index) >= 600:
            return True
        flags.value = 0  # as a new c_int (pdfium sets it only when it has a font)
        n = font_info(textpage, index, buf, buflen, flags_ref)
        if n <= 0:
            return False
        # a name longer than the buffer is not copied (the buffer keeps what it had)
        return bold_font(buf[: (n if n < size else size) - 1], flags.value)

    return is_bold


@lru_cache(maxsize=1024)
def _bold_font(name: bytes, flags: int) -> bool:
    """A font name or flags that say bold (pdfium's weight said not)."""
    # PDF font flag bit 19 (ForceBold)
    return bool(_BOLD_NAME.search(name.decode("latin-1", "replace"))) or bool(flags & (1 << 18))


def _page_text(textpage: pdfium.PdfTextPage, n: int) -> str:
    """The page's text with one character per pdfium char index."""
    if n <= 0:
        return ""
    buffer = (ctypes.c_ushort * (n + 1))()
    out = pdfium_c.FPDFText_GetText(textpage, 0, n, buffer)
    text = bytes(memoryview(buffer).cast("B")[: max(0, out - 1) * 2]).decode("utf-16-le", "replace")
    if len(text) == n:
        return text
    # surrogate pairs or excluded chars shift text and char indices: read per char
    return "".join(
        chr(c) if (c := pdfium_c.FPDFText_GetUnicode(textpage, i)) and c < 0x110000 else "\ufffd"
        for i in range(n)
    )


def pdfium_page_layout(
    pdf: pdfium.PdfDocument, index: int, page: pdfium.PdfPage | None = None
) -> PageLayout:
    """Read one page with pypdfium2 into segments (reading order applied).

    ``page`` is page ``index`` of ``pdf`` when the caller has loaded it already
    (to read its tags too): it is read without being loaded again and left open
    for the caller to close. Without it the page is loaded and closed here.
    """
    own = page is None
    if page is None:
        page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            text = _page_text(textpage, n)
            segments = _pdfium_segments(textpage, text, height)
        finally:
            textpage.close()
        visible = sum(map(len, text.split()))  # characters that are not whitespace
        bad = text.count("\ufffd")
        cover = _image_cover(page, width, height) if visible < 200 else 0.0
    finally:
        if own:
            page.close()
    label = _page_label(pdf, index)
    return PageLayout(
        number=index + 1,
        width=width,
        height=height,
        segments=tuple(reading_order(segments, width)),
        chars=visible,
        bad_chars=bad,
        image_cover=cover,
        label=label,
    )


def _page_label(pdf: pdfium.PdfDocument, index: int) -> str | None:
    n = pdfium_c.FPDF_GetPageLabel(pdf, index, None, 0)
    if n <= 2:
        return None
    buf = ctypes.create_string_buffer(n)
    pdfium_c.FPDF_GetPageLabel(pdf, index, buf, n)
    return buf.raw[: n - 2].decode("utf-16-le", "replace") or None


def _image_cover(page: pdfium.PdfPage, width: float, height: float) -> float:
    """Share of the page area covered by images (top-level image objects)."""
    area = 0.0
    try:
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            area += max(0.0, right - left) * max(0.0, top - bottom)
    except pdfium.PdfiumError:
        return 0.0
    return min(1.0, area / max(1.0, width * height))


#: what ends or may end a segment: line breaks, a line-end hyphen, a run of spaces
# (the matches of "[\r\n]+|\ufffe| +", but opening with a character set: re then
# jumps to the next candidate instead of trying three branches at every char)
_BREAK = re.compile("[ \r\n\ufffe](?:(?<= ) *|(?<=[\r\n])[\r\n]*|)")
# digits (and a closing bracket) right after a word: a footnote reference when
# they are set as a superscript ("voorkomen.17)", "opsporingsambtenaren78)")
_NOTE_MARK = re.compile(r"(?<=[^\W\d_])[.,;:]?(\d{1,3}\)?)(?=[\s,.;:]|$)")


def _without_note_marks(raw: object, text: str, offset: int, ref: object, rect: object) -> str:
    """``text`` (at ``offset`` on the page) without superscript footnote references.

    A run of digits glued to a word counts as a reference when pdfium sets it
    smaller and higher than the letter before it; the word is kept, the
    reference dropped ("voorkomen.17)" -> "voorkomen.").
    """
    cut: list[tuple[int, int]] = []
    for m in _NOTE_MARK.finditer(text):
        letter = offset + m.start() - 1
        digit = offset + m.start(1)
        _loose_char_box(raw, letter, ref)
        l_bottom, l_height = rect.bottom, rect.top - rect.bottom  # type: ignore[attr-defined]
        _loose_char_box(raw, digit, ref)
        d_bottom, d_height = rect.bottom, rect.top - rect.bottom  # type: ignore[attr-defined]
        if l_height > 0 and d_height < 0.85 * l_height and d_bottom > l_bottom + 0.2 * l_height:
            cut.append(m.span(1))
    for a, b in reversed(cut):
        text = text[:a] + text[b:]
    return text


def _pdfium_segments(textpage: pdfium.PdfTextPage, text: str, height: float) -> list[Segment]:
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    raw = textpage.raw
    char_box = _loose_char_box
    is_bold = _bold_test(raw, ctypes.create_string_buffer(128))
    segments: list[Segment] = []
    append = segments.append
    isalnum = str.isalnum

    def emit(start: int, end: int, hyphen: bool) -> None:
        # [start, end) without surrounding whitespace
        part = text[start:end]
        lstripped = part.lstrip()
        if not lstripped:
            return
        stripped = lstripped.rstrip()
        start += len(part) - len(lstripped)
        end = start + len(stripped)
        first = start
        while first < end and not isalnum(text[first]):
            first += 1
        if first == end:
            first = start
        last = end - 1
        while last >= start and not isalnum(text[last]):
            last -= 1
        if last < start:
            last = end - 1
        char_box(raw, first, ref)
        ftop = height - rect.top
        fbottom = height - rect.bottom
        x0 = rect.left
        x1 = rect.right
        size = fbottom - ftop
        if start != first:
            char_box(raw, start, ref)
            x0 = rect.left
        if end - 1 != first:
            char_box(raw, end - 1, ref)
            x1 = rect.right
            # the type size is the smaller of the first and the last character's: a
            # line of body text whose first word is set apart (a term in another
            # font, a drop cap) is no larger type; a note mark (a digit) is left out
            if not text[end - 1].isdigit():
                last_size = rect.top - rect.bottom
                if 0 < last_size < size:
                    size = last_size
        bold = is_bold(first) and (last == first or is_bold(last))
        if stripped[-1].isdigit() or ")" in stripped:
            stripped = _without_note_marks(raw, stripped, start, ref, rect)
        # positional: keywords make the call a third slower; max() as conditionals
        # that pick the same operand (NaN included)
        append(
            Segment(
                stripped,  # text
                x0,
                x0 if x0 > x1 else x1,  # x1: max(x1, x0)
                ftop,
                fbottom,
                size if size > 1.0 else 1.0,  # size: max(1.0, size)
                bold,
                hyphen,  # hyphen_end
            )
        )

    n = len(text)
    start = 0
    gap_em = SEGMENT_GAP_EM
    # rect's left, top, right, bottom (FS_RECTF's order): indexing this view is
    # cheaper than reading the struct's fields, and gives the same floats
    box = memoryview(rect).cast("B").cast("f")
    for m in _BREAK.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == " ":
            # a wide gap at a space ends the segment (column gutter, table cell);
            # spaces that open a segment are not looked at
            j = m.end()
            if i > start and j < n and text[j] not in "\r\n":
                char_box(raw, i - 1, ref)
                right = box[2]
                ptop = height - box[1]
                pbottom = height - box[3]
                char_box(raw, j, ref)
                size = pbottom - ptop
                size = size if size > 1.0 else 1.0  # max(1.0, ...) without the call
                gap = box[0] - right
                wide = gap_em * size
                rise = (height - box[1]) - ptop  # abs(rise) > size, without the call
                if (
                    gap > (wide if wide > 4.0 else 4.0)
                    or gap < -size
                    or rise > size
                    or rise < -size
                ):
                    emit(start, i, False)
                    start = j
        elif ch == LINE_END_HYPHEN:
            emit(start, i, True)
            start = i + 1
        else:
            emit(start, i, False)
            start = m.end()
    emit(start, n, False)
    return segments


# ----------------------------------------------------------------------- pdfplumber


def pdfplumber_page_layout(page: object, number: int) -> PageLayout:
    """Read one pdfplumber page into segments (reading order applied)."""
    chars = sorted(
        page.chars,  # type: ignore[attr-defined]
        key=lambda c: (round(c["bottom"] - c["size"] * 0.2), c["x0"]),
    )
    width = float(page.width)  # type: ignore[attr-defined]
    height = float(page.height)  # type: ignore[attr-defined]
    segments: list[Segment] = []
    run: list[dict[str, object]] = []

    def flush() -> None:
        if not run:
            return
        parts: list[str] = []
        prev: dict[str, object] | None = None
        for c in run:
            if prev is not None and float(c["x0"]) - float(prev["x1"]) > 0.15 * float(c["size"]):  # type: ignore[arg-type]
                parts.append(" ")
            parts.append(str(c["text"]))
            prev = c
        text = "".join(parts).strip()
        if text:
            first = next((c for c in run if str(c["text"]).isalnum()), run[0])
            last = next((c for c in reversed(run) if str(c["text"]).isalnum()), run[-1])
            size = float(first["size"])  # type: ignore[arg-type]
            segments.append(
                Segment(
                    text=text,
                    x0=float(run[0]["x0"]),  # type: ignore[arg-type]
                    x1=float(run[-1]["x1"]),  # type: ignore[arg-type]
                    top=float(first["top"]),  # type: ignore[arg-type]
                    bottom=float(first["bottom"]),  # type: ignore[arg-type]
                    size=size * 1.2,
                    bold=bool(_BOLD_NAME.search(str(first["fontname"])))
                    and bool(_BOLD_NAME.search(str(last["fontname"]))),
                )
            )
        run.clear()

    for c in chars:
        if run:
            prev = run[-1]
            size = float(c["size"]) or 1.0  # type: ignore[arg-type]
            same_line = abs(float(c["bottom"]) - float(prev["bottom"])) < size * 0.5  # type: ignore[arg-type]
            gap = float(c["x0"]) - float(prev["x1"])  # type: ignore[arg-type]
            if not same_line or gap > max(SEGMENT_GAP_EM * size * 1.2, 4.0) or gap < -size:
                flush()
        if str(c["text"]).isspace() and not run:
            continue
        run.append(c)
    flush()
    visible = sum(1 for c in page.chars if not str(c["text"]).isspace())  # type: ignore[attr-defined]
    bad = sum(1 for c in page.chars if str(c["text"]).startswith("(cid:") or c["text"] == "\ufffd")  # type: ignore[attr-defined]
    cover = 0.0
    if visible < 200:
        area = sum(
            max(0.0, float(im["x1"]) - float(im["x0"]))
            * max(0.0, float(im["bottom"]) - float(im["top"]))
            for im in page.images  # type: ignore[attr-defined]
        )
        cover = min(1.0, area / max(1.0, width * height))
    return PageLayout(
        number=number,
        width=width,
        height=height,
        segments=tuple(reading_order(segments, width)),
        chars=visible,
        bad_chars=bad,
        image_cover=cover,
    )


# --------------------------------------------------------------------- reading order


def _join(a: Segment, b: Segment) -> Segment:
    """Two segments of one row as one; a wide gap becomes a tab (table cell, TOC page)."""
    gap = b.x0 - a.x1
    sep = "\t" if gap > 1.2 * max(a.size, b.size) else " "
    return replace(
        a,
        text=a.text + sep + b.text,
        x1=max(a.x1, b.x1),
        bold=a.bold and b.bold,
        hyphen_end=b.hyphen_end,
    )


def _rows(segments: Iterable[Segment]) -> list[Segment]:
    """Sort top to bottom; segments sharing a baseline left to right, close ones joined."""
    ordered = sorted(segments, key=lambda s: (s.top, s.x0))
    out: list[Segment] = []
    row: list[Segment] = []

    def flush() -> None:
        merged: list[Segment] = []
        for s in sorted(row, key=lambda r: r.x0):
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and not prev.hyphen_end
                and -0.5 * s.size < s.x0 - prev.x1 < 2.5 * max(s.size, prev.size)
                and abs(s.size - prev.size) < 0.25 * max(s.size, prev.size)
            ):
                merged[-1] = _join(prev, s)
            else:
                merged.append(s)
        out.extend(merged)
        row.clear()

    for s in ordered:
        if row and abs(s.middle - row[0].middle) > 0.5 * min(s.size, row[0].size):
            flush()
        row.append(s)
    flush()
    return out


def _gutters(segments: Sequence[Segment], lo: float, hi: float, min_gap: float) -> list[float]:
    """Midpoints of vertical white gaps in [lo, hi] not crossed by any segment."""
    spans = sorted((s.x0, s.x1) for s in segments)
    gaps: list[float] = []
    reach = lo
    for x0, x1 in spans:
        if x0 - reach >= min_gap and reach > lo:
            gaps.append((reach + x0) / 2)
        reach = max(reach, x1)
        if reach >= hi:
            break
    return gaps


def _column_split(segments: Sequence[Segment]) -> float | None:
    """An x where the region divides into columns, ignoring full-width blocks."""
    if len(segments) < 6:
        return None
    lo = min(s.x0 for s in segments)
    hi = max(s.x1 for s in segments)
    width = hi - lo
    if width <= 0:
        return None
    narrow = [s for s in segments if s.width < 0.55 * width]
    size = median(s.size for s in segments)
    total = sum(len(s.text) for s in segments)
    best: tuple[float, float] | None = None
    for x in _gutters(narrow, lo, hi, max(MIN_GUTTER, 0.5 * size)):
        left = [s for s in narrow if s.x1 <= x]
        right = [s for s in narrow if s.x0 >= x]
        crossing = [s for s in segments if s.x0 < x < s.x1]
        lchars = sum(len(s.text) for s in left)
        rchars = sum(len(s.text) for s in right)
        if len(left) < 3 or len(right) < 3:
            continue
        if min(lchars, rchars) < 0.12 * total or len(crossing) > 0.34 * len(segments):
            continue
        # a real column has several lines starting at the same x
        starts = Counter(round(s.x0) for s in right)
        aligned = max(starts[v] + starts[v + 1] + starts[v - 1] for v in starts)
        if aligned < 3:
            continue
        score = min(lchars, rchars) - 5 * sum(len(s.text) for s in crossing)
        if best is None or score > best[0]:
            best = (score, x)
    return best[1] if best else None


def reading_order(segments: Sequence[Segment], page_width: float, depth: int = 0) -> list[Segment]:
    """Segments in reading order: columns left to right, bands top to bottom."""
    if depth > 8 or len(segments) < 6:
        return _rows(segments)
    x = _column_split(segments)
    if x is None:
        return _rows(segments)
    out: list[Segment] = []
    band: list[Segment] = []

    def flush_band() -> None:
        if not band:
            return
        left = [s for s in band if s.x1 <= x]
        right = [s for s in band if s.x1 > x]
        if len(band) >= 6 and left and right:
            out.extend(reading_order(left, page_width, depth + 1))
            out.extend(reading_order(right, page_width, depth + 1))
        else:
            out.extend(_rows(band))
        band.clear()

    for s in sorted(segments, key=lambda s: (s.top, s.x0)):
        if s.x0 < x < s.x1:
            flush_band()
            out.append(s)
        else:
            band.append(s)
    flush_band()
    return out


def shifted(segment: Segment, text: str) -> Segment:
    """The segment with new text (same box)."""
    return replace(segment, text=text)
