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
    assert ("table", "Thema | Budget\nPreventie | € 20.000") in kinds
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


def test_html_saved_from_word_has_its_headings_and_lists(tmp_path: Path) -> None:
    page = tmp_path / "plan.htm"
    page.write_text(
        "<html><body>"
        "<p class=MsoHeading1>Inleiding</p><p class=MsoNormal>Wij pakken overlast aan.</p>"
        "<p class=MsoNormal><b><span style='font-size:13.0pt'>Aanleiding</span></b></p>"
        "<p class=MsoNormal>Het vorige plan liep af.</p>"
        "<p class=MsoListParagraph><span style='mso-list:Ignore'>1.<span> </span></span>"
        "In beeld brengen</p>"
        "<p class=MsoNormal>- de folder voor ouderen</p>"
        "</body></html>",
        encoding="utf-8",
    )
    doc = extract(page)
    assert [(s.title, s.level) for s in doc.sections] == [("Inleiding", 1), ("Aanleiding", 2)]
    items = [p.text for p in doc.paragraphs if p.kind == "list_item"]
    assert items == ["In beeld brengen", "de folder voor ouderen"]  # Word's markers left out


def test_html_with_a_main_element_is_read_there_only(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><body><a href='#c'>Direct naar de inhoud</a>"
        "<main id='c'><h1>Veiligheid</h1><p>Wij werken samen met bewoners.</p></main>"
        "<aside><h2>Meer over veiligheid</h2><p>Buurtpreventie</p></aside>"
        "</body></html>",
        encoding="utf-8",
    )
    text = " ".join(p.text for p in extract(page).paragraphs)
    assert text == "Veiligheid Wij werken samen met bewoners."


def test_docx_headings_by_format_when_no_heading_style_is_used(tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for text, size in [("1. Inleiding", 16), ("1.1 Aanleiding", 13)]:
        run = document.add_paragraph().add_run(text)
        run.bold, run.font.size = True, Pt(size)
        body = document.add_paragraph().add_run("Wij pakken de overlast samen met bewoners aan.")
        body.font.size = Pt(11)
    document.add_paragraph("•\tWet Bibob")
    document.add_paragraph("1. Inleiding ........ 3")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    doc = extract(path)
    expected = [("1. Inleiding", 1), ("1.1 Aanleiding", 2)]
    assert [(s.title, s.level) for s in doc.sections] == expected
    kinds = {p.text: p.kind for p in doc.paragraphs}
    assert kinds["Wet Bibob"] == "list_item" and kinds["1. Inleiding ........ 3"] == "toc"


def test_docx_table_is_one_paragraph_with_a_line_per_row(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Het budget per wijk staat hieronder.")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Wijk", "Inzet", "Euro"), ("Oost", "Buurtwerk", "12.500")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 0).merge(table.cell(2, 2)).text = "Totaal voor de stad"
    d.add_paragraph("Na de tabel volgt gewone tekst.")
    path = tmp_path / "tabel.docx"
    d.save(str(path))
    doc = extract(path)
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("text", "Het budget per wijk staat hieronder."),
        ("table", "Wijk | Inzet | Euro\nOost | Buurtwerk | 12.500\nTotaal voor de stad"),
        ("text", "Na de tabel volgt gewone tekst."),
    ]


def test_html_table_is_one_paragraph_and_a_nested_table_its_own(tmp_path: Path) -> None:
    path = tmp_path / "tabel.html"
    path.write_text(
        "<html><body><p>Voor de tabel.</p><table><thead><tr><th>Maatregel</th><th>Jaar</th>"
        "</tr></thead><tbody><tr><td>Cameratoezicht</td><td>2024</td></tr>"
        "<tr><td>Buurtapp<table><tr><td>binnen</td><td>cel</td></tr></table></td>"
        "<td>2025</td></tr></tbody></table><p>Na de tabel.</p></body></html>",
        encoding="utf-8",
    )
    doc = extract(path)
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("text", "Voor de tabel."),
        ("table", "binnen | cel"),
        ("table", "Maatregel | Jaar\nCameratoezicht | 2024\nBuurtapp | 2025"),
        ("text", "Na de tabel."),
    ]


def test_markdown_renders_a_table_paragraph_as_a_pipe_table(tmp_path: Path) -> None:
    from textscan.output import document_to_dict, document_to_markdown

    path = tmp_path / "tabel.html"
    path.write_text(
        "<html><body><h1>Budget</h1><table><tr><td>Wijk</td><td>Euro</td></tr>"
        "<tr><td>Noord | Zuid</td><td>300</td></tr><tr><td>Totaal</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = extract(path)
    assert document_to_markdown(doc) == (
        "# Budget\n\n| Wijk | Euro |\n|---|---|\n| Noord / Zuid | 300 |\n| Totaal |  |"
    )
    assert [p["kind"] for p in document_to_dict(doc)["paragraphs"]] == ["heading", "table"]


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


def test_table_rows_are_annotated_as_sentences_of_their_own() -> None:
    from textscan.model import Document, Paragraph
    from textscan.nlp import annotate

    table = "Wijk | Inzet\nOost | Cameratoezicht en buurtpreventie\nWest | Jongerenwerk"
    doc = Document(
        path="-",
        name="t",
        format="text",
        sha256="-",
        pages=(),
        sections=(),
        paragraphs=(Paragraph(text=table, kind="table"),),
    )
    assert [s.text for s in annotate(doc)] == table.split("\n")


def test_scan_profiles_word_files_and_refuses_a_zip_named_pdf(tmp_path: Path) -> None:
    """A .docx is a ZIP archive: scan must read it, while a ZIP named .pdf is refused."""
    import zipfile

    from textscan.runner import scan

    _make_docx(tmp_path / "plan.docx")
    with zipfile.ZipFile(tmp_path / "archief.pdf", "w") as z:
        z.writestr("a.txt", "geen pdf")
    result = scan([tmp_path], None, jobs=0, cache=False)
    assert result.profiles["document"].tolist() == ["plan"]
    assert result.profiles["repressive_count"].iloc[0] >= 1  # "pakt ... aan"
    failed = result.failures
    assert list(failed["error"]) == ["wrong-type"]
    assert "archief.pdf" in failed["file"].iloc[0]
