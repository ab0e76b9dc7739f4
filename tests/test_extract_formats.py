"""DOCX and HTML inputs give the same Document model; dispatch by content and suffix."""

from __future__ import annotations

from pathlib import Path

import pytest

from textscan.errors import ExtractionError, InputError
from textscan.extract import SUPPORTED_SUFFIXES, extract

docx = pytest.importorskip("docx")


def _make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Veiligheidsplan Havenstad", level=1)
    d.add_paragraph("Dit plan beschrijft hoe de gemeente samenwerkt met bewoners.")
    d.add_heading("Jeugd en veiligheid", level=2)
    d.add_paragraph("Jongerenwerkers zijn elke avond in de wijk.")
    d.add_paragraph("meer sportaanbod", style="List Bullet")
    d.add_paragraph("een jongerenraad", style="List Number")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Thema"
    table.cell(0, 1).text = "Budget"
    table.cell(1, 0).text = "Preventie"
    table.cell(1, 1).text = "€ 20.000"
    d.add_heading("Ondermijning", level=2)
    d.add_paragraph("De gemeente pakt ondermijning aan.")
    d.save(str(path))
    return path


def test_docx_headings_lists_and_tables(tmp_path: Path) -> None:
    doc = extract(_make_docx(tmp_path / "plan.docx"))
    assert doc.format == "docx"
    assert [(s.title, s.level, s.parent) for s in doc.sections] == [
        ("Veiligheidsplan Havenstad", 1, None),
        ("Jeugd en veiligheid", 2, "s1"),
        ("Ondermijning", 2, "s1"),
    ]
    kinds = [(p.kind, p.text) for p in doc.paragraphs]
    assert ("list_item", "meer sportaanbod") in kinds
    assert ("list_item", "een jongerenraad") in kinds
    assert ("table", "Preventie | € 20.000") in kinds
    para = next(p for p in doc.paragraphs if p.text.startswith("De gemeente pakt"))
    assert doc.section_path(para.section) == ("Veiligheidsplan Havenstad", "Ondermijning")


def test_html_headings_paragraphs_and_skipped_navigation(tmp_path: Path) -> None:
    path = tmp_path / "verordening.html"
    path.write_text(
        "<!doctype html><html><head><title>APV Havenstad</title><style>p{}</style></head>"
        "<body><nav>Menu Home Contact</nav><h1>Algemene plaatselijke verordening</h1>"
        "<p>Deze verordening regelt de openbare orde.</p><h2>Artikel 2.1</h2>"
        "<p>Het is verboden <b>vuurwerk</b> af te steken.</p><ul><li>in parken</li>"
        "<li>bij scholen</li></ul><table><tr><td>Boete</td><td>€ 100</td></tr></table>"
        "<footer>Cookies</footer></body></html>",
        encoding="utf-8",
    )
    doc = extract(path)
    assert doc.format == "html"
    assert doc.metadata["title"] == "APV Havenstad"
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Algemene plaatselijke verordening", 1),
        ("Artikel 2.1", 2),
    ]
    texts = [(p.kind, p.text) for p in doc.paragraphs]
    assert ("text", "Het is verboden vuurwerk af te steken.") in texts
    assert ("list_item", "bij scholen") in texts
    assert ("table", "Boete | € 100") in texts
    assert "Menu" not in doc.text and "Cookies" not in doc.text


def test_supported_suffixes_include_docx_and_html() -> None:
    assert {".docx", ".html", ".htm"} <= set(SUPPORTED_SUFFIXES)


def test_fake_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nep.docx"
    path.write_text("geen word-bestand", encoding="utf-8")
    with pytest.raises(InputError) as info:
        extract(path)
    assert info.value.kind == "wrong-type"


def test_zip_that_is_not_a_word_file_is_corrupt(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archief.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("iets.txt", "hallo")
    with pytest.raises(ExtractionError) as info:
        extract(path)
    assert info.value.kind == "corrupt"
