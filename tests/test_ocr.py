"""OCR of scanned pages (skipped when OCRmyPDF, Tesseract or its Dutch data are missing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from textscan.errors import ExtractionError
from textscan.extract import extract
from textscan.extract.ocr import ocr_available

LINES = [
    "Wij pakken de overlast in het centrum aan.",
    "Bewoners en scholen werken samen aan vertrouwen.",
]


def _scanned_pdf(path: Path, lines: list[str], with_text_page: bool = False) -> Path:
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (1654, 1169), 255)  # A5-ish at 150 dpi, only pixels
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 40)
    except OSError:
        font = ImageFont.load_default(size=40)
    for k, line in enumerate(lines):
        draw.text((80, 120 + 90 * k), line, fill=0, font=font)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if with_text_page:
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, "Deze pagina heeft een gewone tekstlaag over handhaving.")
        c.showPage()
    c.drawImage(ImageReader(img), 20, 300, width=555, height=392)
    c.showPage()
    c.save()
    return path


def test_scanned_pdf_without_ocr_is_a_clear_failure(tmp_path):
    pdf = _scanned_pdf(tmp_path / "scan.pdf", LINES)
    with pytest.raises(ExtractionError) as info:
        extract(pdf)
    assert info.value.kind == "no-text"
    assert "scan.pdf" in str(info.value) and "--ocr" in str(info.value)


@pytest.mark.skipif(ocr_available() is not None, reason=f"OCR not available: {ocr_available()}")
def test_ocr_reads_scanned_pages_and_says_so(tmp_path):
    pdf = _scanned_pdf(tmp_path / "scan.pdf", LINES, with_text_page=True)
    doc = extract(pdf, ocr=True)
    text = doc.text.lower()
    assert "handhaving" in text  # the page with a text layer keeps its own text
    assert "overlast" in text and "vertrouwen" in text  # the scanned page, by OCR
    [note] = [w for w in doc.warnings if w.code == "ocr"]
    assert note.pages == (2,)
    assert doc.extractor["ocr"] == "nld"


@pytest.mark.skipif(ocr_available() is not None, reason=f"OCR not available: {ocr_available()}")
def test_scan_with_ocr_profiles_a_scanned_plan(tmp_path):
    from textscan.pipeline import scan

    pdf = _scanned_pdf(tmp_path / "scan.pdf", LINES)
    result = scan([pdf], tmp_path / "out", jobs=0, cache=False, ocr=True)
    assert result.failures.empty
    row = result.profiles.iloc[0]
    assert row["repressive_count"] >= 1 and row["positive_count"] >= 1
