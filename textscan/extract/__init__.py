"""Extraction: turn a file into a :class:`~textscan.model.Document`.

One function per input kind lives in its own module (``text.py``,
``pdf.py``, ``docx.py``, ``html.py``); :func:`extract` chooses by the
file's content and suffix.

Example:
    >>> from textscan import extract
    >>> doc = extract("corpus/veiligheidsplan-havenstad.pdf")  # doctest: +SKIP
    >>> doc.pages[0].number, doc.sections[0].title  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from textscan.errors import InputError
from textscan.model import Document

SUPPORTED_SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sniff(path: Path, head: bytes) -> str:
    """The kind of file by its first bytes, falling back to its suffix."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    suffix = path.suffix.lower()
    stripped = head.lstrip().lower()
    if head.startswith(b"PK\x03\x04") and suffix in {".docx", ""}:
        return "docx"
    if suffix in {".html", ".htm"} or (
        suffix == "" and stripped.startswith((b"<!doctype html", b"<html"))
    ):
        return "html"
    if suffix == ".docx":
        raise InputError(str(path), "has a .docx name but is not a Word file", kind="wrong-type")
    if suffix == ".doc":
        raise InputError(
            str(path), "is an old Word .doc file: save it as .docx or PDF", kind="unsupported"
        )
    if suffix == ".pdf":
        if stripped.startswith((b"<!doctype html", b"<html")):
            raise InputError(
                str(path), "is an HTML page saved with a .pdf name, not a PDF", kind="wrong-type"
            )
        raise InputError(str(path), "has a .pdf name but is not a PDF file", kind="wrong-type")
    if suffix in {".txt", ".md", ""}:
        return "text"
    raise InputError(
        str(path),
        f"unsupported file type {suffix!r} (textscan reads {', '.join(SUPPORTED_SUFFIXES)})",
        kind="unsupported",
    )


def extract(path: str | Path, *, engine: str = "auto", name: str | None = None) -> Document:
    """Extract a document from a PDF, Word (.docx), HTML, text or Markdown file.

    ``engine`` chooses the PDF engine ("auto", "pdfium", "pdfplumber");
    ``name`` is the document id used in every output (default: the file stem).
    Raises :class:`~textscan.errors.InputError` with the file name and the
    problem when the file cannot be read.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file", kind="missing")
    if p.is_dir():
        raise InputError(str(p), "is a directory, not a file", kind="unsupported")
    try:
        with p.open("rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        raise InputError(str(p), f"cannot be read: {exc.strerror}", kind="unreadable") from None
    if not head:
        raise InputError(str(p), "is empty (0 bytes)", kind="empty")
    kind = sniff(p, head)
    sha = file_sha256(p)
    doc_name = name or p.stem
    if kind == "pdf":
        from textscan.extract.pdf import extract_pdf

        return extract_pdf(p, name=doc_name, sha256=sha, engine=engine)
    if kind == "docx":
        from textscan.extract.docx import extract_docx

        return extract_docx(p, name=doc_name, sha256=sha)
    if kind == "html":
        from textscan.extract.html import extract_html

        return extract_html(p, name=doc_name, sha256=sha)
    from textscan.extract.text import extract_text

    return extract_text(p, name=doc_name, sha256=sha)


__all__ = ["SUPPORTED_SUFFIXES", "extract", "file_sha256"]
