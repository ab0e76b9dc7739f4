"""PDF extraction on generated PDFs with known text, and acceptance checks on real plans."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.conftest import load_benchmark, make_pdf
from textscan.cache import document_from_json, document_to_json
from textscan.errors import ExtractionError, InputError
from textscan.extract import extract
from textscan.extract.clean import title_key
from textscan.extract.pdf import extract_pdf
from textscan.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
W, H = A4


def _pdf(path: Path, pages: list[list[tuple[float, float, str, str, float]]], **kw: object) -> Path:
    """Write a PDF; each page is a list of (x, y_from_top, text, font, size)."""
    c = canvas.Canvas(str(path), pagesize=A4, **kw)  # type: ignore[arg-type]
    for items in pages:
        for x, y, text, font, size in items:
            c.setFont(font, size)
            c.drawString(x, H - y, text)
        c.showPage()
    c.save()
    return path


def _body(lines: list[str], x: float = 72, y: float = 120, lead: float = 14) -> list:
    return [(x, y + i * lead, t, "Helvetica", 10) for i, t in enumerate(lines)]


def _doc(path: Path, **kw: str):
    return extract_pdf(path, name=path.stem, sha256="-", **kw)


# ------------------------------------------------------------------ layout


def test_two_column_page_is_read_column_by_column(tmp_path: Path) -> None:
    left = [f"Links regel {i} over buurtpreventie en wijkagenten in de stad" for i in range(1, 13)]
    right = [f"Rechts regel {i} over jongerenwerk en sportclubs in de wijk" for i in range(1, 13)]
    items = [(72, 80, "Twee kolommen", "Helvetica-Bold", 18)]
    items += [(50, 120 + i * 14, t, "Helvetica", 9) for i, t in enumerate(left)]
    items += [(310, 120 + i * 14, t, "Helvetica", 9) for i, t in enumerate(right)]
    doc = _doc(_pdf(tmp_path / "cols.pdf", [items]))
    text = doc.text
    positions = [text.index(t) for t in left + right]
    assert positions == sorted(positions), "left column must be read completely before the right"
    assert doc.sections[0].title == "Twee kolommen"


def test_line_end_hyphenation_is_joined_but_real_hyphens_stay(tmp_path: Path) -> None:
    lines = [
        "Het college werkt aan de veilig-",
        "heid in alle wijken van de gemeente samen met Noord-",
        "Holland en de GGD. Sinds COVID-",
        "19 zijn de zorg- en veiligheidshuizen belangrijker dan ooit en de",
        "samenwerking met de politie is goed. Ook de veiligheid van",
        "kinderen telt, en veiligheid blijft een taak van iedereen.",
    ]
    doc = _doc(_pdf(tmp_path / "hyph.pdf", [_body(lines)]))
    text = doc.text
    assert "veiligheid in alle wijken" in text
    assert "veilig- heid" not in text and "veilig-heid" not in text
    assert "Noord-Holland" in text
    assert "COVID-19" in text
    assert "zorg- en veiligheidshuizen" in text


def test_ligatures_and_soft_hyphens_are_normalised(tmp_path: Path) -> None:
    from textscan.extract.clean import normalise_chars

    assert normalise_chars("ﬁnanciële ﬂexibiliteit") == "financiële flexibiliteit"
    assert normalise_chars("veilig\u00adheid") == "veiligheid"
    assert normalise_chars("e\u0301e\u0301n") == "één"


def test_running_header_footer_and_page_numbers_are_removed(tmp_path: Path) -> None:
    pages = []
    for n in range(1, 7):
        header = "Integraal Veiligheidsplan Havenstad" if n % 2 else "Gemeente Havenstad 2024"
        items = [(72, 40, header, "Helvetica", 8), (W / 2, H - 30, str(n), "Helvetica", 8)]
        items += _body([f"Op pagina {n} staat een eigen zin over toezicht en preventie."])
        pages.append(items)
    doc = _doc(_pdf(tmp_path / "furniture.pdf", pages))
    text = doc.text
    assert "Havenstad" not in text
    assert all(f"Op pagina {n} staat" in text for n in range(1, 7))
    assert not any(re.fullmatch(r"\d+", p.text) for p in doc.paragraphs)


def test_paragraph_continues_across_a_page_break(tmp_path: Path) -> None:
    pages = [
        _body(["Eerste alinea staat hier.", "", "", "De tweede alinea begint onderaan en loopt"]),
        _body(["door op de volgende pagina zonder onderbreking."]),
    ]
    doc = _doc(_pdf(tmp_path / "flow.pdf", pages))
    texts = [p.text for p in doc.paragraphs]
    assert (
        "De tweede alinea begint onderaan en loopt door op de volgende pagina zonder onderbreking."
        in texts
    )
    para = next(p for p in doc.paragraphs if p.text.startswith("De tweede"))
    assert para.page == 1


def test_toc_page_becomes_toc_paragraphs_and_confirms_headings(tmp_path: Path) -> None:
    toc = [(72, 80, "Inhoudsopgave", "Helvetica-Bold", 16)]
    entries = [("1 Inleiding", 2), ("2 Jeugd en veiligheid", 3), ("3 Ondermijning", 4)]
    for i, (title, page) in enumerate(entries):
        toc.append((72, 120 + i * 18, title, "Helvetica", 10))
        toc.append((500, 120 + i * 18, str(page), "Helvetica", 10))
    pages = [toc]
    for title, _ in entries:
        pages.append(
            [
                (72, 80, title, "Helvetica-Bold", 14),
                *_body([f"Tekst over {title.split(' ', 1)[1].lower()} met aanpak en preventie."]),
            ]
        )
    doc = _doc(_pdf(tmp_path / "toc.pdf", pages))
    toc_paras = [p for p in doc.paragraphs if p.kind == "toc"]
    assert [p.text for p in toc_paras][1:] == [t for t, _ in entries]
    assert "Inhoudsopgave" not in doc.text
    assert [(s.title, s.page_start) for s in doc.sections] == [
        ("1 Inleiding", 2),
        ("2 Jeugd en veiligheid", 3),
        ("3 Ondermijning", 4),
    ]
    assert all(p.section for p in doc.analysed_paragraphs)


def test_numbered_headings_get_levels_and_parents(tmp_path: Path) -> None:
    items = [
        (72, 80, "3 Veiligheid in de wijk", "Helvetica-Bold", 16),
        *_body(["Inleidende tekst over de wijk."], y=110),
        (72, 150, "3.1 Jeugd en veiligheid", "Helvetica-Bold", 12),
        *_body(["Tekst over jongeren en het jongerenwerk."], y=175),
        (72, 210, "3.2 Ondermijning", "Helvetica-Bold", 12),
        *_body(["Tekst over ondermijning en handhaving."], y=235),
    ]
    doc = _doc(_pdf(tmp_path / "levels.pdf", [items]))
    by_title = {s.title: s for s in doc.sections}
    top = by_title["3 Veiligheid in de wijk"]
    assert top.level == 1
    assert by_title["3.1 Jeugd en veiligheid"].level == 2
    assert by_title["3.2 Ondermijning"].parent == top.id
    para = next(p for p in doc.paragraphs if "ondermijning en" in p.text)
    assert doc.section_path(para.section) == ("3 Veiligheid in de wijk", "3.2 Ondermijning")


def test_bullets_become_list_items(tmp_path: Path) -> None:
    items = [
        *_body(["Wij zetten in op:"]),
        (72, 140, "\u2022", "Helvetica", 10),
        (86, 140, "meer wijkagenten;", "Helvetica", 10),
        (72, 154, "\u2022", "Helvetica", 10),
        (86, 154, "betere verlichting.", "Helvetica", 10),
    ]
    doc = _doc(_pdf(tmp_path / "list.pdf", [items]))
    assert [(p.kind, p.text) for p in doc.paragraphs if p.kind == "list_item"] == [
        ("list_item", "meer wijkagenten;"),
        ("list_item", "betere verlichting."),
    ]


# ------------------------------------------------------------ broken inputs


def _image_page(c: canvas.Canvas) -> None:
    c.setFillGray(0.6)
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (200, 280), 180)
    c.drawImage(ImageReader(img), 40, 40, W - 80, H - 80)
    c.showPage()


def test_page_without_text_layer_is_a_warning_naming_the_page(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, H - 100, "Deze pagina heeft gewone tekst over veiligheid.")
    c.showPage()
    _image_page(c)
    c.save()
    doc = _doc(path)
    warning = next(w for w in doc.warnings if w.code == "no-text-layer")
    assert warning.pages == (2,)
    assert "2" in warning.message
    assert doc.pages[1].has_text is False and doc.pages[0].has_text is True


def test_pdf_without_any_text_raises_no_text(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    path = tmp_path / "allscan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _image_page(c)
    _image_page(c)
    c.save()
    with pytest.raises(ExtractionError) as info:
        _doc(path)
    assert info.value.kind == "no-text"
    assert "1-2" in str(info.value)


def test_encrypted_pdf_with_user_password_raises_encrypted(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "locked.pdf", [_body(["Geheim plan."])], encrypt="geheim")
    with pytest.raises(ExtractionError) as info:
        _doc(path)
    assert info.value.kind == "encrypted"


def test_pdf_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("", ownerPassword="eigenaar", canPrint=1)
    path = _pdf(tmp_path / "owner.pdf", [_body(["Openbaar plan over preventie."])], encrypt=enc)
    assert "Openbaar plan over preventie." in _doc(path).text


def test_corrupt_pdf_raises_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref\n")
    with pytest.raises(ExtractionError) as info:
        extract(path)
    assert info.value.kind == "corrupt"


def test_a_pdf_cut_off_in_the_middle_is_called_damaged_not_empty(tmp_path: Path) -> None:
    whole = _pdf(tmp_path / "whole.pdf", [_body([f"Zin {k} over preventie." for k in range(300)])])
    cut = tmp_path / "cut.pdf"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(ExtractionError) as info:
        extract(cut)
    assert info.value.kind == "corrupt"
    assert "cut off" in str(info.value) and "%%EOF" in str(info.value)


def test_unknown_engine_is_refused_with_the_valid_ones(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "e.pdf", [_body(["Tekst."])])
    with pytest.raises(InputError, match="pdfium"):
        _doc(path, engine="poppler")


def test_pdfplumber_engine_gives_the_same_text(tmp_path: Path) -> None:
    lines = [f"Regel {i} van een plan over wijkveiligheid en samenwerking." for i in range(8)]
    path = _pdf(tmp_path / "same.pdf", [_body(lines)])
    a = _doc(path, engine="pdfium")
    b = _doc(path, engine="pdfplumber")
    assert a.text == b.text
    assert b.extractor["engine"] == "pdfplumber"


def test_the_metadata_title_is_kept_with_either_engine(tmp_path: Path) -> None:
    from textscan.extract.pdf import _read_pdfplumber

    lines = [f"Regel {i} van een plan over wijkveiligheid en samenwerking." for i in range(4)]
    path = tmp_path / "titled.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("  Integraal\u00a0veiligheidsplan\n Proefdorp 2024\u2013\ufb01ets  ")
    for _x, y, text, font, size in _body(lines):
        c.setFont(font, size)
        c.drawString(72, H - y, text)
    c.showPage()
    c.save()
    want = "Integraal veiligheidsplan Proefdorp 2024\u2013fiets"  # one line, ligature spelled out
    assert _doc(path, engine="pdfium").metadata == {"title": want}
    assert _doc(path, engine="pdfplumber").metadata == {"title": want}
    # where pdfium cannot open the file, pdfplumber reads the title
    assert _read_pdfplumber(path)[1] == want
    # the cache and a re-profile's outline keep it; an older entry without it reads back
    from textscan.cache import document_from_json, document_to_json
    from textscan.profile import document_title

    outline = document_to_json(_doc(path), paragraphs=False)
    assert document_title(document_from_json(outline)) == want
    del outline["metadata"]
    assert document_title(document_from_json(outline)) is None
    # a blank title is none; reportlab's default "untitled" is what the file says
    # (the report uses a title only when it shares a word with the file's name)
    untitled = _pdf(tmp_path / "untitled.pdf", [_body(lines)], invariant=1)
    c = canvas.Canvas(str(tmp_path / "empty-title.pdf"), pagesize=A4, invariant=1)
    c.setTitle("   ")
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, lines[0])
    c.showPage()
    c.save()
    assert "title" not in _doc(tmp_path / "empty-title.pdf").metadata
    assert _doc(untitled).metadata == {"title": "untitled"}


# ------------------------------------------------------ real documents (shared)


def _shared(rel: str) -> Path:
    path = SHARED / rel
    if not path.exists():
        pytest.skip(f"shared test data not available: {path}")
    return path


def _tokens(text: str) -> collections.Counter[str]:
    return collections.Counter(re.findall(r"[^\W_]+", text.lower()))


def test_coalition_agreement_text_matches_the_reference_csv() -> None:
    pd = pytest.importorskip("pandas")
    pdf = _shared("pdf/coalitieakkoord-2021-2025.pdf")
    ref_table = pd.read_csv(_shared("pdf/coalitieakkoord-2021-2025.paragraphs.csv"))
    doc = _doc(pdf)
    ref = _tokens(" ".join(ref_table["txt"]))
    got = _tokens("\n".join(p.text for p in doc.paragraphs))
    common = sum((ref & got).values())
    assert common / sum(ref.values()) >= 0.997
    assert common / sum(got.values()) >= 0.997
    headings = {title_key(s.title) for s in doc.sections}
    # "Intro" labels the front matter in the CSV; it is not a heading printed in the PDF
    chapters = [c for c in ref_table["chapter"].unique() if c != "Intro"]
    assert [c for c in chapters if title_key(c) not in headings] == []
    pages = len(doc.pages)
    lines = collections.Counter(p.text for p in doc.analysed_paragraphs)
    assert not [t for t, n in lines.items() if n > pages / 4]
    printed = load_benchmark("extraction").printed_page_numbers(pdf)
    assert len(printed) > 40
    left = [(p.page, p.text) for p in doc.analysed_paragraphs if printed.get(p.page) == p.text]
    assert left == []


MANIFESTOS = ["50plus", "BVNL", "LP", "Piratenpartij", "SP"]


def _raw_line_end_hyphens(path: Path) -> list[tuple[str, str]]:
    """Pairs (left, right) of words broken by a hyphen at a line end in the raw text layer."""
    import pypdfium2 as pdfium

    pairs = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            text = tp.get_text_range()
            tp.close()
            page.close()
            for m in re.finditer(r"([a-zà-ÿ]+)(?:\ufffe|-\r\n)([a-zà-ÿ]+)", text):
                pairs.append((m.group(1), m.group(2)))
    finally:
        pdf.close()
    return pairs


@pytest.mark.parametrize("name", MANIFESTOS)
def test_manifesto_has_no_furniture_no_broken_words_and_toc_sections(name: str) -> None:
    path = _shared(f"pdf/manifestos-2023/{name}.pdf")
    doc = _doc(path)
    pages = len(doc.pages)
    on_pages: dict[str, set[int | None]] = collections.defaultdict(set)
    lead_in: dict[str, list[bool]] = collections.defaultdict(list)
    paragraphs = doc.analysed_paragraphs
    for i, p in enumerate(paragraphs):
        follows = paragraphs[i + 1].kind if i + 1 < len(paragraphs) else None
        for line in p.text.split("\n"):
            if line.strip():
                on_pages[line.strip()].add(p.page)
                whole = p.text.strip() == line.strip()
                lead_in[line.strip()].append(whole and follows == "list_item")
    # A line on more than a quarter of the pages is furniture unless every time it is a
    # paragraph of its own that opens a list ("De LP is voor:" in every chapter of LP)
    repeated = {
        t: len(s) for t, s in on_pages.items() if len(s) > pages / 4 and not all(lead_in[t])
    }
    assert repeated == {}
    text = "\n".join(p.text for p in doc.analysed_paragraphs)
    left_over = [
        f"{a}- {b}"
        for a, b in _raw_line_end_hyphens(path)
        if b not in {"en", "of", "tot"} and re.search(rf"\b{a}-\s+{b}\b", text)
    ]
    assert left_over == []
    toc = [p.text for p in doc.paragraphs if p.kind == "toc"]
    headings = {title_key(s.title) for s in doc.sections}
    entries = [t for t in toc if not re.match(r"(?i)^(inhoud|index)", t)]
    assert [t for t in entries if title_key(t) not in headings] == []
    assert all(p.page is not None for p in doc.paragraphs)


def test_sp_manifesto_words_broken_by_hyphenation_are_joined() -> None:
    doc = _doc(_shared("pdf/manifestos-2023/SP.pdf"))
    words = _tokens(doc.text)
    assert words["democratisering"] >= 1
    assert words["georganiseerd"] >= 1
    assert words["georgani"] == 0


def test_coalition_agreement_keeps_real_hyphens_at_line_ends() -> None:
    doc = _doc(_shared("pdf/coalitieakkoord-2021-2025.pdf"))
    assert "media-aanbod" in doc.text
    assert "antirechtsstatelijke" not in doc.text


# ------------------------------------------------------------------ tables


def _table_page() -> list[tuple[float, float, str, str, float]]:
    items = [(72, 80, "Budget per wijk", "Helvetica-Bold", 16)]
    items += _body(["De gemeente verdeelt het geld voor buurtpreventie over de wijken."], y=110)
    columns = (72, 250, 330, 410)
    rows = [
        ("Wijk", "2024", "2025", "2026"),
        ("Oost", "1.200", "1.350", "1.400"),
        ("West", "900", "950", "1.000"),
        ("Haven", "2.100", "2.300", "2.450"),
        ("Totaal", "4.200", "4.600", "4.850"),
    ]
    for r, row in enumerate(rows):
        cells = zip(columns, row, strict=True)
        items += [(x, 150 + r * 14, cell, "Helvetica", 10) for x, cell in cells]
    items += _body(["Na de tabel volgt weer gewone tekst over de aanpak in de wijken."], y=250)
    return items


def test_table_becomes_one_table_paragraph_with_rows_and_cells(tmp_path: Path) -> None:
    doc = _doc(_pdf(tmp_path / "tabel.pdf", [_table_page()]))
    kinds = [(p.kind, p.text) for p in doc.paragraphs]
    assert kinds == [
        ("heading", "Budget per wijk"),
        ("text", "De gemeente verdeelt het geld voor buurtpreventie over de wijken."),
        (
            "table",
            "Wijk | 2024 | 2025 | 2026\nOost | 1.200 | 1.350 | 1.400\nWest | 900 | 950 | 1.000\n"
            "Haven | 2.100 | 2.300 | 2.450\nTotaal | 4.200 | 4.600 | 4.850",
        ),
        ("text", "Na de tabel volgt weer gewone tekst over de aanpak in de wijken."),
    ]
    assert doc.extractor["tables"] == 1


def test_a_label_wrapped_in_its_cell_stays_in_its_row(tmp_path: Path) -> None:
    items = [(72, 80, "Cijfers", "Helvetica-Bold", 16)]
    columns = (72, 300, 370, 440)
    rows = [
        ("Indicator", "2019", "2023", "Trend"),
        ("Geregistreerde misdrijven per 1.000", "54,1", "50,8", "daling"),
        ("inwoners", None, None, None),  # the label wraps onto a line of its own
        ("Woninginbraken", "402", "276", "daling"),
        ("Meldingen overlast", "431", "597", "stijging"),
    ]
    for r, row in enumerate(rows):
        items += [
            (x, 120 + r * 12, cell, "Helvetica", 10)
            for x, cell in zip(columns, row, strict=True)
            if cell is not None
        ]
    doc = _doc(_pdf(tmp_path / "tabel.pdf", [items]))
    tables = [p.text for p in doc.paragraphs if p.kind == "table"]
    assert tables == [
        "Indicator | 2019 | 2023 | Trend\n"
        "Geregistreerde misdrijven per 1.000 inwoners | 54,1 | 50,8 | daling\n"
        "Woninginbraken | 402 | 276 | daling\n"
        "Meldingen overlast | 431 | 597 | stijging"
    ]


def test_numbered_list_and_two_columns_are_not_tables(tmp_path: Path) -> None:
    items = [(72, 80, "Plan", "Helvetica-Bold", 16)]
    numbered = [f"{i}. Wij zetten in op maatregel {i} voor 2025 in de wijk." for i in range(1, 7)]
    items += _body(numbered)
    left = [f"Links regel {i} over buurtpreventie en 2024 in de stad" for i in range(1, 9)]
    right = [f"Rechts regel {i} over jongerenwerk en 2025 in de wijk" for i in range(1, 9)]
    items += [(50, 260 + i * 14, t, "Helvetica", 9) for i, t in enumerate(left)]
    items += [(310, 260 + i * 14, t, "Helvetica", 9) for i, t in enumerate(right)]
    doc = _doc(_pdf(tmp_path / "geen-tabel.pdf", [items]))
    assert [p for p in doc.paragraphs if p.kind == "table"] == []
    assert doc.extractor["tables"] == 0


def test_coalition_agreement_budget_tables_are_table_paragraphs() -> None:
    doc = _doc(_shared("pdf/coalitieakkoord-2021-2025.pdf"))
    tables = [p for p in doc.paragraphs if p.kind == "table"]
    assert [p.page for p in tables] == [48, 49, 50]
    first = tables[0].text.split("\n")
    assert first[0] == "in mln. + is saldoverslechterend | 2022 | 2023 | 2024 | 2025 | Struc"
    assert "h. | Veiligheid | 220 | 640 | 960 | 1.100 | 1.000" in first
    assert first[-1] == "Onderliggend saldo (doel coalitie)2 | -1,75%"
    assert doc.section_path(tables[0].section) == ("Bijlage: financiën", "Financieel overzicht")
    # the text around the tables stays text
    assert not any("inverdieneffect" in p.text for p in tables)
    assert not any("doorrekening door PBL" in p.text for p in tables)


# ------------------------------------------------------------------ tags


def test_coalition_agreement_headings_come_from_its_tags() -> None:
    doc = _doc(_shared("pdf/coalitieakkoord-2021-2025.pdf"))
    assert doc.extractor["tags"] == "used: 26 of 26 tagged headings"
    assert doc.extractor["structure"] == "tags"
    assert doc.extractor["headings_from"] == {"tags": 26}
    levels = {s.title: (s.level, s.page_start) for s in doc.sections}
    assert levels["1. Democratische rechtsorde"] == (1, 4)
    assert levels["Versterking van de democratische rechtsorde"] == (2, 4)
    assert levels["Medisch-ethische vraagstukken"] == (2, 38)
    assert levels["Bijlage: financiën"] == (1, 46)


@pytest.mark.parametrize("name", ["BVNL", "SP"])
def test_tagged_manifestos_without_heading_tags_fall_back(name: str) -> None:
    doc = _doc(_shared(f"pdf/manifestos-2023/{name}.pdf"))
    assert doc.extractor["tags"] == "no heading or table tags"
    assert "tags" not in doc.extractor["headings_from"]
    assert doc.extractor["structure"] in {"bookmarks", "toc"}
    assert len(doc.sections) >= 10


def _assemble_with_tags(path: Path, kinds: list[str], paragraphs: int):
    """Run the assembler on a generated PDF with one heading tag per given kind, in order
    over the lines of page 1 (a tag covers the whole line)."""
    from textscan.extract.pdf import _Assembler, _read_layouts, _Tags
    from textscan.extract.tags import TaggedElement

    layouts, bookmarks, _, _, _ = _read_layouts(path, "auto")
    segs = layouts[0].segments
    elements = [
        TaggedElement(kind, 1, ((s.x0, s.top, s.x1, s.bottom),))
        for kind, s in zip(kinds, segs, strict=False)
        if kind
    ]
    tags = _Tags(elements, collections.Counter({"P": paragraphs}), "read")
    asm = _Assembler(layouts, bookmarks, tags)
    return asm, [(b.kind, b.level, b.text) for b in asm.assemble()]


def test_tagged_heading_in_body_font_becomes_a_heading_with_its_level(tmp_path: Path) -> None:
    lines = [
        "Inleiding",
        "De gemeente werkt samen met bewoners aan een veilige buurt.",
        "Aanpak in de wijk",
        "Wijkagenten en jongerenwerkers lopen samen door de straten.",
    ]
    path = _pdf(tmp_path / "tags.pdf", [_body(lines, lead=24)])
    asm, blocks = _assemble_with_tags(path, ["H1", "", "H2", ""], paragraphs=2)
    assert asm.tags.status == "used: 2 of 2 tagged headings"
    assert blocks == [
        ("heading", 1, "Inleiding"),
        ("text", 0, lines[1]),
        ("heading", 2, "Aanpak in de wijk"),
        ("text", 0, lines[3]),
    ]


def test_tags_that_mark_every_paragraph_as_heading_are_not_used(tmp_path: Path) -> None:
    lines = [f"Zin {i} van het plan gaat over de veiligheid in de buurt." for i in range(1, 7)]
    path = _pdf(tmp_path / "h1.pdf", [_body(lines, lead=24)])
    asm, blocks = _assemble_with_tags(path, ["H1"] * 6, paragraphs=0)
    assert asm.tags.status.startswith("not used: 6 of 6 tagged headings are not titles")
    assert [b for b in blocks if b[0] == "heading"] == []
    assert asm.heading_sources == {}


# ------------------------------------------------------------------ memory


def test_pdf_is_reopened_every_reopen_pages_so_pdfium_memory_stays_flat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pdfium's document caches grow with every page read from one opening; the reader
    opens the document again every REOPEN_PAGES pages, closing the previous opening first,
    so no opening reads more than REOPEN_PAGES pages (memory itself: benchmarks/throughput.py).
    """
    import pypdfium2 as pdfium

    import textscan.extract.pdf as pdf_mod
    from textscan.output import document_to_dict

    pages = [
        _body([f"Pagina {p} gaat over veiligheid in de wijk en de buurt.", "Tweede regel."])
        for p in range(1, 26)
    ]
    path = _pdf(tmp_path / "many.pdf", pages)
    reference = document_to_dict(_doc(path))

    opened: list[pdfium.PdfDocument] = []
    loaded: list[tuple[int, int, int]] = []  # (opening, page index, openings still open)
    real_open, real_get_page = pdf_mod._open_pdfium, pdfium.PdfDocument.get_page

    def counting_open(p: Path) -> pdfium.PdfDocument:
        opened.append(real_open(p))
        return opened[-1]

    def recording_get_page(self: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
        alive = sum(1 for d in opened if d.raw is not None)
        loaded.append((next(k for k, d in enumerate(opened) if d is self), index, alive))
        return real_get_page(self, index)

    monkeypatch.setattr(pdf_mod, "_open_pdfium", counting_open)
    monkeypatch.setattr(pdfium.PdfDocument, "get_page", recording_get_page)
    monkeypatch.setattr(pdf_mod, "REOPEN_PAGES", 10)
    doc = _doc(path)

    assert document_to_dict(doc) == reference
    assert len(opened) == 3  # pages 1-10, 11-20, 21-25
    assert [index for _, index, _ in loaded] == list(range(25))  # each page loaded once
    per_opening = collections.Counter(k for k, _, _ in loaded)
    assert per_opening == {0: 10, 1: 10, 2: 5}
    assert all(alive == 1 for _, _, alive in loaded)  # the previous opening is closed
    assert all(d.raw is None for d in opened)  # and the last one too


def test_tags_are_read_across_reopenings(monkeypatch: pytest.MonkeyPatch) -> None:
    import textscan.extract.pdf as pdf_mod
    from textscan.output import document_to_dict

    path = _shared("pdf/coalitieakkoord-2021-2025.pdf")  # tagged, 50 pages
    reference = document_to_dict(_doc(path))
    monkeypatch.setattr(pdf_mod, "REOPEN_PAGES", 7)
    assert document_to_dict(_doc(path)) == reference
    assert reference["extractor"]["tags"] == "used: 26 of 26 tagged headings"


def test_a_bullet_set_apart_from_its_text_makes_a_list_item(tmp_path: Path) -> None:
    items = ["meer wijkagenten in de avond;", "een buurtpreventie-app voor elke wijk;"]
    page = [(72, 100, "De gemeente wil:", "Helvetica", 11)]
    for k, item in enumerate(items):
        y = 118 + 18 * k
        # the bullet far from its text: two segments
        page += [(80, y, "\u2022", "Helvetica", 11), (150, y, item, "Helvetica", 11)]
    page.append((72, 184, "Daarna volgt gewone tekst over het plan.", "Helvetica", 11))
    path = _pdf(tmp_path / "opsomming.pdf", [page])
    paragraphs = [(p.kind, p.text) for p in extract(path).analysed_paragraphs]
    assert paragraphs == [
        ("text", "De gemeente wil:"),
        ("list_item", items[0]),
        ("list_item", items[1]),
        ("text", "Daarna volgt gewone tekst over het plan."),
    ]


def test_a_cover_page_is_one_title_section_not_a_section_per_line(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "omslag.pdf"
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 40)  # a title set large and centred, over two lines
    c.drawCentredString(width / 2, height - 200, "Veilig samen")
    c.drawCentredString(width / 2, height - 240, "in Proefdorp")
    c.setFont("Helvetica-Bold", 18)
    c.drawString(72, height - 330, "Gemeente Proefdorp")
    c.drawString(330, height - 700, "12 maart 2024")
    c.showPage()
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, height - 90, "1. Inleiding")
    c.setFont("Helvetica", 11)
    c.drawString(72, height - 120, "Dit plan beschrijft hoe de gemeente met inwoners samenwerkt.")
    c.drawString(72, height - 136, "Wij investeren in preventie en in vertrouwen tussen buren.")
    c.save()
    doc = extract(path)
    assert [(s.level, s.title) for s in doc.sections] == [
        (1, "Veilig samen in Proefdorp"),
        (1, "1. Inleiding"),
    ]
    cover = [(p.kind, p.text, p.section) for p in doc.paragraphs if p.page == 1]
    assert cover == [
        ("heading", "Veilig samen in Proefdorp", "s1"),
        ("text", "Gemeente Proefdorp", "s1"),
        ("text", "12 maart 2024", "s1"),
    ]


def test_a_first_page_opening_with_numbered_chapters_is_no_cover(tmp_path: Path) -> None:
    page = [
        (72, 90, "1 Inleiding", "Helvetica-Bold", 18),
        (72, 120, "1.1 Aanleiding", "Helvetica-Bold", 14),
        *_body(
            [
                "De raad vroeg om een nieuw plan voor de komende vier jaar.",
                "Het college legt dit plan hierbij voor aan de raad.",
            ],
            y=145,
            lead=16,
        ),
    ]
    titles = [s.title for s in extract(_pdf(tmp_path / "zonder-omslag.pdf", [page])).sections]
    assert titles == ["1 Inleiding", "1.1 Aanleiding"]


def test_every_chapter_of_the_coalition_csv_is_one_section_of_its_own() -> None:
    """The CSV's chapters, its front matter 'Intro' included, each map to one top-level section."""
    import csv

    bench = load_benchmark("extraction")
    path = _shared("pdf/coalitieakkoord-2021-2025.pdf")
    with path.with_name("coalitieakkoord-2021-2025.paragraphs.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    seg = bench.chapter_agreement(_doc(path), rows)
    assert seg["chapters"] == 9 and seg["chapters_one_section"] == 9
    assert seg["paragraphs_located"] >= 480
    assert seg["sections_by_chapter"]["Intro"] == (
        "Omzien naar elkaar, vooruitkijken naar de toekomst"
    )
    chapters = [c for c in seg["sections_by_chapter"] if c != "Intro"]
    assert all(seg["sections_by_chapter"][c] == c for c in chapters)


def test_a_heading_the_bookmarks_name_is_not_taken_for_part_of_a_cover(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "titel-en-inleiding.pdf"
    height = A4[1]
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 24)
    c.drawString(72, height - 90, "Veiligheidsplan Proefdorp")
    c.bookmarkPage("inleiding")
    c.addOutlineEntry("Inleiding", "inleiding", level=0)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, height - 140, "Inleiding")
    c.setFont("Helvetica", 11)
    c.drawString(72, height - 165, "Dit plan beschrijft hoe de gemeente met inwoners samenwerkt.")
    c.drawString(72, height - 181, "Wij investeren in preventie en in vertrouwen tussen buren.")
    c.save()
    titles = [s.title for s in extract(path).sections]
    assert titles == ["Veiligheidsplan Proefdorp", "Inleiding"]


def test_superscript_footnote_references_are_dropped_not_glued_to_words(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def word_with_note(x: float, y: float, word: str, note: str) -> list:
        w = stringWidth(word, "Helvetica", 10)
        return [(x, y, word, "Helvetica", 10), (x + w, y - 4, note, "Helvetica", 6)]

    items = [(72, 80, "Veilige wijken", "Helvetica-Bold", 16)]
    items += word_with_note(72, 120, "Overlast willen we voorkomen.", "17)")
    items += word_with_note(72, 134, "De inzet van opsporingsambtenaren", "78)")
    items += [
        (72, 148, "De uitstoot van CO2) en de A12) blijven staan in deze tekst.", "Helvetica", 10)
    ]
    doc = _doc(_pdf(tmp_path / "notes.pdf", [items]))
    text = doc.text
    assert "voorkomen." in text and "17)" not in text and "voorkomen.17" not in text
    assert "opsporingsambtenaren" in text and "78" not in text
    assert "CO2)" in text and "A12)" in text  # digits on the baseline are text


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("1. Inleiding", True),
        ("Ondermijning en georganiseerde criminaliteit", True),
        ("1 op 4", False),  # a figure set large in an infographic
        ("-15%", False),
        ("Tabel 2 Partners en hun rol", False),  # captions
        ("Figuur 3: Aantal meldingen per wijk", False),
        ("Foto: de wijkagent in gesprek", False),
    ],
)
def test_large_figures_and_captions_are_no_headings(text: str, heading: bool) -> None:
    from textscan.extract.pdf import _Assembler

    assert _Assembler._title_text(text, big=True) is heading


def test_heading_just_below_a_table_starts_its_section_and_is_not_a_table_row() -> None:
    """The demo plans put "3.2 ..." straight under the figures table of 3.1."""
    root = Path(__file__).resolve().parents[1] / "corpus"
    for name, title, opening in (
        ("marledal-ivp-2024-2027.pdf", "3.2 Wat opvalt", "Bij de aangiften valt op"),
        (
            "dijkerveen-ivp-2023-2026.pdf",
            "3.2 Wat inwoners ons vertellen",
            "Uit de Veiligheidsmonitor",
        ),
    ):
        doc = extract(root / name)
        section = next(s for s in doc.sections if s.title == title)
        first = next(p for p in doc.paragraphs if p.section == section.id and p.kind != "heading")
        assert first.text.startswith(opening), (name, first.text[:60])
        assert all(title not in p.text for p in doc.paragraphs if p.kind == "table")


def test_a_table_of_figures_at_the_end_is_no_table_of_contents() -> None:
    """Wilgendaal's indicator table (numbers that are no page numbers) stays in the text."""
    root = Path(__file__).resolve().parents[1] / "corpus"
    doc = extract(root / "wilgendaal-ivp-2025-2028.pdf")
    assert doc.extractor["toc_pages"] == [2]
    assert "Woningscans uitgevoerd per jaar" in doc.text


def test_a_sentence_after_a_page_break_is_on_the_next_page(tmp_path):
    # page 1 ends in the middle of a sentence; page 2 goes on with it, then a new one
    pdf = make_pdf(
        tmp_path / "doorloop.pdf",
        [
            ["# 1. Aanpak", "Wij pakken de overlast in de wijk aan en de politie treedt"],
            ["op tegen drugshandel rond het station. Daarna voeren wij het gesprek met bewoners."],
        ],
    )
    doc = extract(pdf)
    para = next(p for p in doc.paragraphs if "drugshandel" in p.text)
    assert para.page == 1 and [page for _, page in para.page_breaks] == [2]
    at = para.page_breaks[0][0]
    assert para.text[at:].startswith("op tegen drugshandel")
    assert doc.sections[0].page_end == 2
    # kept in the cache as extracted
    assert document_from_json(document_to_json(doc)).paragraphs == doc.paragraphs
    by_text = {s.text: s.page for s in Pipeline().analyze(pdf).sentences}
    assert by_text["Daarna voeren wij het gesprek met bewoners."] == 2
    assert (
        by_text[
            "Wij pakken de overlast in de wijk aan en de politie treedt op tegen drugshandel "
            "rond het station."
        ]
        == 1
    )  # a sentence is cited with the page it starts on


def test_a_body_line_whose_first_word_is_set_larger_is_no_heading(tmp_path):
    # a term set apart in larger type at the start of a line of running text
    # ("... een Two" / "Factor Authentication. Als het ...") is no chapter title
    path = tmp_path / "term.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _width, height = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, height - 80, "1. Digitale veiligheid")
    body = [
        "Wij willen betere beveiliging van persoonsgegevens bij de gemeente, en",
        "daarom vragen wij voor elke inlog om een tweede stap, de zogeheten Two",
        None,  # the line that starts with the larger term
        "het nummer door fraude niet meer bruikbaar is, krijgt de inwoner snel hulp.",
        "Zo voorkomen wij dat oplichters met gestolen gegevens aan de haal gaan.",
    ]
    y = height - 110
    for line in body:
        if line is None:
            c.setFont("Helvetica", 13)
            c.drawString(72, y, "Factor")
            w = c.stringWidth("Factor ", "Helvetica", 13)
            c.setFont("Helvetica", 10)
            c.drawString(72 + w, y, "Authentication. Als het nummer bijvoorbeeld is gestolen en")
        else:
            c.setFont("Helvetica", 10)
            c.drawString(72, y, line)
        y -= 13
    c.showPage()
    c.save()
    doc = extract(path)
    assert [s.title for s in doc.sections] == ["1. Digitale veiligheid"]
    assert any("Two Factor Authentication. Als het nummer" in p.text for p in doc.paragraphs)
