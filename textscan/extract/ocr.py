"""Optional OCR of scanned PDF pages through OCRmyPDF and Tesseract.

Install with ``pip install 'textscan[ocr]'`` plus the system programs
(Debian/Ubuntu: ``apt-get install tesseract-ocr tesseract-ocr-nld ghostscript``).
Only pages without a usable text layer are read by OCR (``skip_text``); the
other pages keep their own text.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from textscan.errors import ExtractionError

DEFAULT_LANGUAGE = "nld"


def ocr_available(language: str = DEFAULT_LANGUAGE) -> str | None:
    """None when OCR can run, else a plain sentence saying what is missing."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return "OCRmyPDF is not installed (pip install 'textscan[ocr]')"
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-nld)"
    if shutil.which("gs") is None:
        return "Ghostscript is not installed (apt-get install ghostscript)"
    langs = _tesseract_languages()
    if langs is not None and language not in langs:
        return (
            f"Tesseract has no {language!r} language data "
            f"(apt-get install tesseract-ocr-{language})"
        )
    return None


def _tesseract_languages() -> set[str] | None:
    import subprocess

    try:
        out = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (out.stdout or out.stderr).splitlines()
    return {ln.strip() for ln in lines[1:] if ln.strip()}


def ocr_pdf(source: Path, target: Path, *, language: str = DEFAULT_LANGUAGE) -> Path:
    """Write ``target``: ``source`` with a text layer added by OCR where it had none.

    Raises :class:`~textscan.errors.ExtractionError` (kind ``ocr``) naming the
    file and what is missing or what went wrong.
    """
    missing = ocr_available(language)
    if missing is not None:
        raise ExtractionError(str(source), f"cannot be read by OCR: {missing}", kind="ocr")
    import ocrmypdf

    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    try:
        code = ocrmypdf.ocr(
            source,
            target,
            language=language,
            skip_text=True,
            progress_bar=False,
            output_type="pdf",
            optimize=0,
            jobs=1,
        )
    except Exception as exc:  # OCRmyPDF raises its own exception classes per problem
        raise ExtractionError(
            str(source), f"OCR failed: {type(exc).__name__}: {exc}", kind="ocr"
        ) from None
    if int(code) != 0 or not target.exists():
        raise ExtractionError(
            str(source), f"OCR failed (OCRmyPDF exit code {int(code)})", kind="ocr"
        )
    return target
