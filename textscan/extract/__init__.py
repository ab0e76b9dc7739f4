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


def extract(
    path: str | Path, *, engine: str = "auto", name: str | None = None, ocr: bool = False
) -> Document:
    """Extract a document from a PDF, Word (.docx), HTML, text or Markdown file.

    ``engine`` chooses the PDF engine ("auto", "pdfium", "pdfplumber");
    ``name`` is the document id used in every output (default: the file stem);
    ``ocr`` reads PDF pages without a text layer by OCR (see
    :mod:`textscan.extract.ocr`). Raises :class:`~textscan.errors.InputError`
    with the file name and the problem when the file cannot be read.
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

        if not ocr:
            return extract_pdf(p, name=doc_name, sha256=sha, engine=engine)
        return _extract_pdf_with_ocr(p, name=doc_name, sha256=sha, engine=engine)
    if kind == "docx":
        from textscan.extract.docx import extract_docx

        return extract_docx(p, name=doc_name, sha256=sha)
    if kind == "html":
        from textscan.extract.html import extract_html

        return extract_html(p, name=doc_name, sha256=sha)
    from textscan.extract.text import extract_text

    return extract_text(p, name=doc_name, sha256=sha)


def _extract_pdf_with_ocr(path: Path, *, name: str, sha256: str, engine: str) -> Document:
    """The PDF's own text where it has one; OCR for the pages that have none."""
    import tempfile
    from dataclasses import replace

    from textscan.errors import ExtractionError
    from textscan.extract.ocr import DEFAULT_LANGUAGE, ocr_pdf
    from textscan.extract.pdf import extract_pdf
    from textscan.model import ExtractionWarning

    try:
        first: Document | None = extract_pdf(path, name=name, sha256=sha256, engine=engine)
    except ExtractionError as exc:
        if exc.kind != "no-text":
            raise
        first = None
    if first is not None and all(pg.has_text for pg in first.pages):
        return first
    with tempfile.TemporaryDirectory(prefix="textscan-ocr-") as tmp:
        read = ocr_pdf(path, Path(tmp) / "ocr.pdf", language=DEFAULT_LANGUAGE)
        doc = extract_pdf(read, name=name, sha256=sha256, engine=engine)
    scanned = (
        [pg.number for pg in first.pages if not pg.has_text]
        if first is not None
        else [pg.number for pg in doc.pages]
    )
    text_codes = {"no-text-layer", "garbled-text", "mostly-image", "blank-page"}
    kept = tuple(w for w in doc.warnings if w.code not in text_codes)
    still = tuple(w for w in doc.warnings if w.code in text_codes)
    note = ExtractionWarning(
        code="ocr",
        message=(
            f"{len(scanned)} page(s) had no text layer and were read by OCR "
            f"(Tesseract, {DEFAULT_LANGUAGE}); OCR errors can change counts there"
        ),
        pages=tuple(scanned),
    )
    return replace(
        doc,
        path=str(path),
        warnings=(*kept, note, *still),
        extractor={**doc.extractor, "ocr": DEFAULT_LANGUAGE, "ocr_pages": scanned},
    )


__all__ = ["SUPPORTED_SUFFIXES", "extract", "file_sha256"]
