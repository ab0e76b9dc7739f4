"""Text input: decoding, sections, paragraphs and clear errors."""

from __future__ import annotations

import pytest

from textscan.errors import InputError
from textscan.extract import extract


def test_text_file_sections_and_paragraphs(plan_txt):
    doc = extract(plan_txt)
    assert doc.format == "text"
    assert doc.pages == ()
    assert [s.title for s in doc.sections][:2] == [
        "Integraal Veiligheidsplan Proefdorp 2025-2028",
        "1. Inleiding",
    ]
    first = doc.sections[1]
    assert first.parent == doc.sections[0].id
    body = [p for p in doc.paragraphs if p.kind == "text"]
    assert all(p.page is None for p in body)
    assert any("pakt de overlast" in p.text for p in body)


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b"")],
)
def test_text_file_encodings(tmp_path, encoding, prefix):
    p = tmp_path / "plan.txt"
    p.write_bytes(prefix + "Wij zorgen voor veiligheid in Zuidwolde.".encode(encoding))
    assert "veiligheid" in extract(p).text


def test_undecodable_text_names_file_and_place(tmp_path):
    p = tmp_path / "kapot.txt"
    p.write_bytes(b"Regel een\nregel tw\xe9e met latin-1\n")
    with pytest.raises(InputError) as info:
        extract(p)
    msg = str(info.value)
    assert "kapot.txt" in msg and "UTF-8" in msg and "line 2" in msg
    assert info.value.kind == "encoding"


def test_empty_and_wrong_type_files_are_refused(tmp_path):
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"leeg\.pdf: is empty"):
        extract(empty)
    html = tmp_path / "fout.pdf"
    html.write_text("<!DOCTYPE html><html><body>404</body></html>")
    with pytest.raises(InputError, match=r"fout\.pdf: is an HTML page"):
        extract(html)


def test_pdf_pages_and_text(plan_pdf):
    doc = extract(plan_pdf)
    assert [p.number for p in doc.pages] == [1, 2]
    body = [p for p in doc.paragraphs if p.kind != "heading"]
    assert {p.page for p in body} == {1, 2}
    assert "treedt op tegen" in doc.text


def test_a_list_of_references_is_kept_but_not_analysed(tmp_path):
    from textscan.nlp import annotate

    md = tmp_path / "plan.md"
    md.write_text(
        "# Veiligheid in de wijk\n\n"
        "Wij pakken de overlast samen met bewoners aan.\n\n"
        "## Bronnen van overlast\n\n"
        "Overlast komt vaak van hangplekken; de politie treedt op.\n\n"
        "# Literatuurlijst\n\n"
        "Jansen, P. (2019). Handhaving en repressie in de stad. Utrecht.\n\n"
        "- Smit, A. (2021). De aanpak van ondermijning.\n\n"
        "## Websites\n\n"
        "Ministerie, Bestrijding van criminaliteit, 2022.\n",
        encoding="utf-8",
    )
    doc = extract(md)
    kinds = [(p.kind, p.text[:12]) for p in doc.paragraphs]
    assert ("references", "Jansen, P. (") in kinds
    assert ("references", "Smit, A. (20") in kinds
    assert ("references", "Ministerie, ") in kinds  # a subsection of the list
    assert ("text", "Overlast kom") in kinds  # "Bronnen van overlast" is no list
    assert ("heading", "Literatuurli") in kinds
    analysed = " ".join(s.text for s in annotate(doc))
    assert "repressie" not in analysed and "ondermijning" not in analysed
    assert "Bestrijding" not in analysed and "treedt op" in analysed


def test_a_table_of_contents_in_a_text_file_is_not_analysed_and_opens_no_section(tmp_path):
    from textscan.nlp import annotate

    path = tmp_path / "plan.txt"
    path.write_text(
        "Inhoud\n"
        "1 Inleiding ............ 3\n"
        "2 Aanpak van overlast ............ 7\n"
        "\n"
        "1 Inleiding\n"
        "\n"
        "De gemeente pakt de overlast aan.\n"
        "\n"
        "2.1 Jeugd en veiligheid ............ 9\n",
        encoding="utf-8",
    )
    doc = extract(path)
    assert [s.title for s in doc.sections] == ["1 Inleiding"]
    toc = [p.text for p in doc.paragraphs if p.kind == "toc"]
    assert toc == [
        "Inhoud",
        "1 Inleiding ............ 3",
        "2 Aanpak van overlast ............ 7",
        "2.1 Jeugd en veiligheid ............ 9",
    ]
    analysed = " ".join(s.text for s in annotate(doc))
    assert "Aanpak van overlast" not in analysed and "pakt de overlast aan" in analysed


def test_a_heading_line_directly_above_its_text_opens_a_section(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(
        "Inleiding van het plan.\n\n"
        "6. Samenwerking over de grens\n"
        "Veiligheid houdt niet op bij de grens. We werken samen met de buren.\n\n"
        "7. Jeugd\n"
        "## Alcohol en drugs\n"
        "Scholen geven voorlichting.\n\n"
        "1. Wij investeren in preventie en\n"
        "verbinding in de wijken.\n\n"
        "1. Voorlichting\n"
        "2. Handhaving\n",
        encoding="utf-8",
    )
    doc = extract(p)
    assert [s.title for s in doc.sections] == [
        "6. Samenwerking over de grens",
        "7. Jeugd",
        "Alcohol en drugs",
    ]
    kinds = [(par.kind, par.text[:25]) for par in doc.paragraphs]
    assert ("heading", "6. Samenwerking over de g") in kinds
    assert ("text", "Veiligheid houdt niet op ") in kinds
    # a lower-case next line is the same wrapped paragraph; numbered lines a list
    assert ("text", "1. Wij investeren in prev") in kinds
    assert [t for k, t in kinds if k == "list_item"] == ["Voorlichting", "Handhaving"]
