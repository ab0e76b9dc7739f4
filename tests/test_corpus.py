"""The bundled demo corpus: fictional plans, their PDFs and their catalogue.

These tests guard what a user of the demo corpus relies on: every plan in
``corpus/plans.csv`` exists as source and PDF, the PDFs look like real plans
(3–10 pages, a text layer, a contents page whose page numbers are right),
every page says the plan is fictional, and the PDFs are rebuilt from their
sources.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType

import pypdfium2 as pdfium
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
MARKER = "Fictief voorbeeld – textscan democorpus"
COLUMNS = [
    "id",
    "municipality",
    "period",
    "file",
    "description",
    "intended_framing",
    "province",
    "population",
]
FRAMINGS = {"repressive", "positive", "preventive", "mixed"}


def _rows() -> list[dict[str, str]]:
    with (CORPUS / "plans.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


ROWS = _rows()
IDS = [row["id"] for row in ROWS]


@cache
def page_texts(file: str) -> tuple[str, ...]:
    """Text layer of every page of a corpus PDF, whitespace collapsed."""
    pdf = pdfium.PdfDocument(str(CORPUS / file))
    try:
        texts = []
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            texts.append(" ".join(textpage.get_text_bounded().split()))
            textpage.close()
        return tuple(texts)
    finally:
        pdf.close()


def _load_build() -> ModuleType:
    pytest.importorskip("reportlab", reason="reportlab is needed to build the corpus")
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve string annotations through sys.modules
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


# --------------------------------------------------------------------------- catalogue


def test_plans_csv_has_the_documented_columns() -> None:
    with (CORPUS / "plans.csv").open(newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == COLUMNS


def test_plans_csv_rows_match_sources_and_pdfs() -> None:
    sources = {p.stem for p in (CORPUS / "src").glob("*.md")}
    pdfs = {p.name for p in CORPUS.glob("*.pdf")}
    assert sources == set(IDS), "every src/<id>.md needs a row and every row a source"
    assert pdfs == {row["file"] for row in ROWS}, "every PDF needs a row and every row a PDF"


def test_plans_csv_ids_names_and_files_are_unique() -> None:
    for column in ("id", "municipality", "file"):
        counts = Counter(row[column] for row in ROWS)
        assert [v for v, n in counts.items() if n > 1] == [], column


def test_corpus_covers_every_intended_framing() -> None:
    framings = Counter(row["intended_framing"] for row in ROWS)
    assert set(framings) <= FRAMINGS
    assert len(ROWS) >= 6
    assert framings["repressive"] >= 1
    assert framings["positive"] >= 1
    assert framings["preventive"] >= 1
    assert framings["mixed"] >= 2


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_plan_metadata_is_plausible(row: dict[str, str]) -> None:
    period = re.fullmatch(r"(\d{4})–(\d{4})", row["period"])
    assert period, f"period {row['period']!r} should look like 2024–2027"
    start, end = map(int, period.groups())
    assert start >= 2015 and 2 <= end - start <= 4
    assert 1_000 <= int(row["population"]) <= 1_000_000
    assert row["file"] == f"{row['id']}-ivp-{start}-{end}.pdf"
    assert row["description"].strip() and row["province"].strip()


# --------------------------------------------------------------------------- sources


def _headings(source: str) -> list[str]:
    return [line for line in source.splitlines() if line.startswith("#")]


@pytest.mark.parametrize("plan_id", IDS)
def test_source_is_a_numbered_plan_of_realistic_length(plan_id: str) -> None:
    source = (CORPUS / "src" / f"{plan_id}.md").read_text(encoding="utf-8")
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", source)
    assert 1_200 <= len(words) <= 3_500
    headings = _headings(source)
    assert headings[0].startswith("# Integraal Veiligheidsplan")
    for heading in headings[1:]:
        assert re.match(r"(## \d+\. |### \d+\.\d+ )\S", heading), heading
    assert MARKER in source


# --------------------------------------------------------------------------- PDFs


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_pdf_has_three_to_ten_pages_each_with_text(row: dict[str, str]) -> None:
    texts = page_texts(row["file"])
    assert 3 <= len(texts) <= 10
    for number, text in enumerate(texts, start=1):
        assert len(text) > 200, f"page {number} has (almost) no text layer"


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_every_page_carries_the_fictional_marker(row: dict[str, str]) -> None:
    for number, text in enumerate(page_texts(row["file"]), start=1):
        assert MARKER in text, f"page {number}"


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_running_header_and_page_numbers_after_the_title_page(row: dict[str, str]) -> None:
    texts = page_texts(row["file"])
    header = f"Gemeente {row['municipality']} – Integraal Veiligheidsplan {row['period']}"
    assert f"Gemeente {row['municipality']}" in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert header in text, f"page {number}"
        assert re.search(rf"(^|\s){number}(\s|$)", text), f"page {number} lacks its number"


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_contents_page_lists_every_heading_on_its_real_page(row: dict[str, str]) -> None:
    texts = page_texts(row["file"])
    source = (CORPUS / "src" / f"{row['id']}.md").read_text(encoding="utf-8")
    headings = [h.lstrip("#").strip() for h in _headings(source)[1:]]
    assert texts[1].split(MARKER, 1)[1].lstrip(" 0123456789").startswith("Inhoud")
    contents = " ".join(texts[1:])
    for heading in headings:
        match = re.search(re.escape(heading) + r"(?: \.){3,} (\d+)", contents)
        assert match, f"{heading!r} missing from the contents"
        page = int(match.group(1))
        assert 3 <= page <= len(texts)
        assert heading in texts[page - 1], f"{heading!r} is not on page {page}"


# --------------------------------------------------------------------------- build


def test_committed_pdfs_are_up_to_date_with_their_sources() -> None:
    pytest.importorskip("reportlab", reason="reportlab is needed to build the corpus")
    result = subprocess.run(
        [sys.executable, str(CORPUS / "build.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_check_reports_a_stale_pdf_and_build_repairs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build = _load_build()
    row = ROWS[0]
    (tmp_path / "src").mkdir()
    shutil.copy(CORPUS / "src" / f"{row['id']}.md", tmp_path / "src")
    with (tmp_path / "plans.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    monkeypatch.setattr(build, "CORPUS_DIR", tmp_path)
    monkeypatch.setattr(build, "SRC_DIR", tmp_path / "src")
    monkeypatch.setattr(build, "PLANS_CSV", tmp_path / "plans.csv")

    assert build.main(["--check"]) == 1, "a missing PDF is stale"
    assert build.main([]) == 0
    built = (tmp_path / row["file"]).read_bytes()
    assert built == (CORPUS / row["file"]).read_bytes(), "output depends only on the source"
    assert build.main(["--check"]) == 0

    source = tmp_path / "src" / f"{row['id']}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nEen extra zin.\n", "utf-8")
    assert build.main(["--check"]) == 1
    assert row["file"] in capsys.readouterr().err


def test_build_refuses_a_source_without_the_fictional_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = _load_build()
    row = ROWS[0]
    (tmp_path / "src").mkdir()
    text = (CORPUS / "src" / f"{row['id']}.md").read_text(encoding="utf-8")
    (tmp_path / "src" / f"{row['id']}.md").write_text(text.replace(MARKER, "Echt plan"), "utf-8")
    monkeypatch.setattr(build, "SRC_DIR", tmp_path / "src")
    plan = build.read_plans(CORPUS / "plans.csv")[0]
    with pytest.raises(SystemExit, match="Fictief voorbeeld"):
        build.render(plan)
