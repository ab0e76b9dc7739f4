"""Plain text and Markdown input.

Paragraphs are separated by blank lines. A line starting with ``#`` (Markdown)
or a short numbered line without a final full stop ("3.2 Jeugd en veiligheid")
opens a section, also as the first line of a block whose next line starts a
sentence (a heading without a blank line after it). A block of
table-of-contents rows (a title, dot leaders and a page number: "3.2 Jeugd
en veiligheid ........ 14"), with or without an "Inhoud" heading, is kept as
``toc`` paragraphs, which are not analysed (codebook rule 6) and open no
section. Text files have no pages: ``page`` is None throughout.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from textscan.errors import InputError
from textscan.extract.clean import is_toc_heading, toc_row
from textscan.extract.structure import mark_references
from textscan.model import Document, Paragraph, Section

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_NUM_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-ZÀ-Ý][^\n]{1,90})$")
_BULLET = re.compile(r"^\s*(?:[-*•●▪–]|\d{1,2}[.)])\s+")


def decode_text(raw: bytes, path: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            path,
            f"is not valid UTF-8 text: undecodable byte 0x{raw[exc.start]:02x} "
            f"at line {line} (byte offset {exc.start}); save it as UTF-8",
            kind="encoding",
        ) from None


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00ad", "").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ")


def _heading(block: str) -> tuple[int, str] | None:
    lines = block.strip().split("\n")
    if len(lines) != 1:
        return None
    line = lines[0].strip()
    m = _MD_HEADING.match(line)
    if m:
        return len(m.group(1)), m.group(2).strip()
    m = _NUM_HEADING.match(line)
    if m and not line.endswith((".", ":", ";", ",")):
        return m.group(1).count(".") + 1, line
    return None


def _open_section(
    head: tuple[int, str],
    sections: list[Section],
    paragraphs: list[Paragraph],
    stack: list[Section],
    counters: list[int],
) -> None:
    """Add a section for heading ``head`` (level, title) and its heading paragraph."""
    level, title = head
    while stack and stack[-1].level >= level:
        stack.pop()
    depth = len(stack)
    del counters[depth + 1 :]
    if len(counters) <= depth:
        counters.append(0)
    counters[depth] += 1
    sid = "s" + ".".join(str(c) for c in counters[: depth + 1])
    sec = Section(id=sid, title=title, level=level, parent=stack[-1].id if stack else None)
    sections.append(sec)
    stack.append(sec)
    paragraphs.append(Paragraph(text=title, section=sid, kind="heading"))


def paragraphs_from_text(text: str) -> tuple[list[Section], list[Paragraph]]:
    """Split text into sections and paragraphs (no pages)."""
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    stack: list[Section] = []
    counters: list[int] = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        rows = [ln.strip() for ln in block.split("\n") if ln.strip()]
        entries = [toc_row(ln) for ln in rows]
        if any(entries) and all(
            e or is_toc_heading(ln) for e, ln in zip(entries, rows, strict=True)
        ):
            current = stack[-1].id if stack else None
            paragraphs.extend(Paragraph(text=ln, section=current, kind="toc") for ln in rows)
            continue
        lines = block.split("\n")
        # a heading line with its text on the next line, no blank line between
        # ("6. Samenwerking\nVeiligheid houdt niet op bij de grens."); a next line
        # in lower case is a wrapped line of the same paragraph, and a block of
        # numbered items is a list
        while (
            len(lines) > 1
            and (lines[1].strip()[:1].isupper() or _heading(lines[1]) is not None)
            and (first := _heading(lines[0])) is not None
            and not all(_BULLET.match(ln) for ln in lines)
        ):
            _open_section(first, sections, paragraphs, stack, counters)
            lines = lines[1:]
        block = "\n".join(lines)
        head = _heading(block)
        if head is not None:
            _open_section(head, sections, paragraphs, stack, counters)
            continue
        current = stack[-1].id if stack else None
        if all(_BULLET.match(ln) for ln in lines):
            for ln in lines:
                item = _BULLET.sub("", ln).strip()
                if item:
                    paragraphs.append(Paragraph(text=item, section=current, kind="list_item"))
            continue
        joined = " ".join(ln.strip() for ln in lines)
        paragraphs.append(Paragraph(text=joined, section=current))
    return sections, mark_references(sections, paragraphs)


def extract_text(path: Path, *, name: str, sha256: str) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror}", kind="unreadable") from None
    text = normalise(decode_text(raw, str(path)))
    if not text.strip():
        raise InputError(str(path), "contains no text (only whitespace)", kind="empty")
    sections, paragraphs = paragraphs_from_text(text)
    return Document(
        path=str(path),
        name=name,
        format="markdown" if path.suffix.lower() == ".md" else "text",
        sha256=sha256,
        pages=(),
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        extractor={"engine": "text"},
    )
