"""Text cleaning rules shared by all readers: dehyphenation, furniture, TOC rows, list items."""

from __future__ import annotations

import pytest

from textscan.extract.clean import (
    Vocabulary,
    ZoneLine,
    furniture_key,
    is_page_number,
    join_lines,
    list_marker,
    running_lines,
    title_key,
    toc_row,
)


def _vocab(*lines: str, hyphenating: bool = True) -> Vocabulary:
    v = Vocabulary()
    for line in lines:
        v.add_line(line)
    if hyphenating:
        v.joined = 1
    else:
        v.kept = 1
    return v


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("veilig", "heid", "veiligheid"),
        ("Noord", "Holland", "Noord-Holland"),
        ("COVID", "19", "COVID-19"),
        ("zorg", "en", "zorg- en"),
        ("EU", "richtlijn", "EU-richtlijn"),
        ("media", "aanbod", "media-aanbod"),  # aa would read as one vowel
        ("zee", "egel", "zee-egel"),
    ],
)
def test_dehyphenation_rules(left: str, right: str, expected: str) -> None:
    assert _vocab().join(left, right) == expected


def test_document_spelling_decides_an_unknown_hyphen() -> None:
    v = _vocab("het anti-discriminatiebeleid en anti-racisme", hyphenating=True)
    assert v.join("anti", "pestbeleid") == "anti-pestbeleid"
    w = _vocab("de wijkagent en de buurtwacht", hyphenating=False)
    assert w.join("wijk", "agent") == "wijkagent"


def test_document_without_hyphenation_keeps_unknown_hyphens() -> None:
    assert _vocab(hyphenating=False).join("quantum", "computing") == "quantum-computing"


def test_join_lines_rejoins_paragraph_and_keeps_urls() -> None:
    v = _vocab()
    lines = [("De aanpak van de", False), ("veilig", True), ("heid in de wijk.", False)]
    assert join_lines(lines, v) == "De aanpak van de veiligheid in de wijk."
    url = [("zie https://www.example.nl/rapport-", False), ("veiligheid.pdf", False)]
    assert join_lines(url, v) == "zie https://www.example.nl/rapport-veiligheid.pdf"


@pytest.mark.parametrize(
    "text", ["12", "- 3 -", "Pagina 4 van 20", "pagina 7", "iv", "3 / 40", "Blz. 9"]
)
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["3 wijken", "Hoofdstuk 2", "Artikel 5", "Inleiding"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_running_lines_are_found_by_repetition_odd_even_aware() -> None:
    lines = []
    for page in range(1, 11):
        header = "Veiligheidsplan 2024 | Havenstad" if page % 2 else "Gemeente Havenstad"
        lines.append(ZoneLine(page, 0, header))
        lines.append(ZoneLine(page, 1, f"Unieke kop op pagina {page} over {'ab' * page}"))
        lines.append(ZoneLine(page, 2, str(page)))
    found = running_lines(lines, 10)
    assert {(p, 0) for p in range(1, 11)} <= found
    assert {(p, 2) for p in range(1, 11)} <= found
    assert not any(i == 1 for _, i in found)


def test_page_reference_on_a_toc_row_is_not_a_page_number() -> None:
    lines = [ZoneLine(2, 3, "4", row_mates=("1.2 Grondwet",))]
    assert running_lines(lines, 20) == set()


def test_page_number_beside_a_running_footer_is_removed() -> None:
    footer = "Programma voor de verkiezingen"
    lines = [ZoneLine(p, 0, footer, (str(p),)) for p in range(1, 9)]
    lines += [ZoneLine(p, 1, str(p), (footer,)) for p in range(1, 9)]
    assert running_lines(lines, 8) == {(p, i) for p in range(1, 9) for i in (0, 1)}


def test_furniture_key_ignores_numbers_and_case() -> None:
    assert furniture_key("Pagina 3 van 40") == furniture_key("PAGINA 12 VAN 40")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("3.2 Jeugd en veiligheid ........ 14", ("3.2 Jeugd en veiligheid", 14)),
        ("Media\t3", ("Media", 3)),
        ("Afschaffen eigen risico\t-5,0", None),
        ("Er wonen 14", None),
    ],
)
def test_toc_rows(row: str, expected: tuple[str, int] | None) -> None:
    assert toc_row(row) == expected


def test_list_markers() -> None:
    assert list_marker("\uf0b7\tWe investeren in wijkteams") == (
        "bullet",
        "We investeren in wijkteams",
    )
    assert list_marker("• meer toezicht") == ("bullet", "meer toezicht")
    assert list_marker("1. Iedereen doet mee") == ("number", "1. Iedereen doet mee")
    assert list_marker("3.2 Jeugd") is None
    assert list_marker("oog voor elkaar") is None


def test_title_key_matches_toc_and_heading_spelling() -> None:
    assert title_key("1 EEN DEMOCRATISCH LAND") == title_key("1. Een democratisch land")


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u00ad"])
def test_a_line_end_hyphen_of_any_kind_is_rejoined(hyphen: str) -> None:
    # browsers and DTP programs write the Unicode hyphen or a soft hyphen at a break
    lines = [(f"In dit hoofdstuk beschrijven we hoe we samen{hyphen}", False), ("werken.", False)]
    assert join_lines(lines, _vocab("samenwerken")) == (
        "In dit hoofdstuk beschrijven we hoe we samenwerken."
    )
