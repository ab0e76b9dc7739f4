"""The reports in a real browser: headless Chromium driven by Playwright's driver.

Uses Debian's ``chromium`` (``apt-get install -y chromium``) through
``executable_path``; Playwright's own browser downloads are never used. Each
report is loaded from disk (file://) and must show no console errors, make
no network requests, contain every section and draw its charts at a non-zero
size. Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
REPORT_DATA = Path(__file__).resolve().parent / "data" / "report"
CORPUS = ROOT / "corpus"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DIAGNOSIS_SECTIONS = (
    "samenvatting",
    "vergelijking",
    "framing",
    "actoren",
    "domeinen",
    "bewijs",
    "vragen",
    "bijlage",
)
CORPUS_SECTIONS = ("tabel", "spreiding", "schalen", "keyness", "clusters", "bijlage")

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install playwright)"
)
if not Path(CHROMIUM).is_file():
    pytest.skip("Chromium is not installed (apt-get install -y chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


class Visit:
    """A report loaded in a fresh page, with everything the page did recorded."""

    def __init__(self, browser: Any, path: Path, *, width: int = 1200) -> None:
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def check_clean(self) -> None:
        bad_console = [m for m in self.console if m.startswith(("error", "warning"))]
        assert not bad_console, bad_console
        assert not self.errors, self.errors
        outside = [u for u in self.requests if not u.startswith(("file://", "data:"))]
        assert not outside, f"network requests: {outside}"
        assert not self.dialogs, f"a script ran: {self.dialogs}"

    def check_sections(self, ids: tuple[str, ...]) -> None:
        for sid in ids:
            loc = self.page.locator(f"section#{sid}")
            assert loc.count() == 1, f"section {sid} missing"
            box = loc.bounding_box()
            assert box and box["height"] > 40, f"section {sid} is empty"
            assert loc.locator("h2").inner_text().strip()

    def check_charts(self, minimum: int) -> None:
        sizes = self.page.eval_on_selector_all(
            "svg.chart",
            "els => els.map(e => { const r = e.getBoundingClientRect();"
            " return [e.className.baseVal, r.width, r.height, e.childElementCount]; })",
        )
        assert len(sizes) >= minimum, sizes
        for cls, w, h, children in sizes:
            assert w > 10 and h > 10 and children > 0, (cls, w, h, children)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        out = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(out), full_page=True)
        return out

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def demo_results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The results folder of a scan of the demo corpus."""
    from textscan.pipeline import scan

    pdfs = sorted(CORPUS.glob("*.pdf"))
    if not pdfs:
        pytest.skip(f"demo corpus not found in {CORPUS}")
    results = tmp_path_factory.mktemp("results")
    scan(pdfs, results, jobs=1)
    return results


@pytest.fixture(scope="module")
def corpus_reports(tmp_path_factory: pytest.TempPathFactory, demo_results: Path) -> dict[str, Path]:
    """Every report of the demo corpus (diagnoses + corpus report)."""
    from textscan.report import write_reports

    results = demo_results
    out = tmp_path_factory.mktemp("reports")
    files = write_reports(results, out)
    return {f.stem: f for f in files if f.suffix == ".html"}


def test_every_demo_diagnosis_loads_cleanly(browser: Any, corpus_reports: dict[str, Path]) -> None:
    diagnoses = {k: v for k, v in corpus_reports.items() if k != "corpus"}
    assert len(diagnoses) == len(list(CORPUS.glob("*.pdf")))
    for name, path in diagnoses.items():
        v = Visit(browser, path)
        try:
            v.check_clean()
            v.check_sections(DIAGNOSIS_SECTIONS)
            v.check_charts(minimum=2)  # at least the gauge and the peer strips
            assert v.page.locator("#vergelijking table.peer-table").count() == 1
            assert v.page.locator("#bewijs blockquote mark").count() > 0
            assert v.page.locator("#vragen ol.questions li").count() >= 1
            shot = v.screenshot(f"diagnosis-{name}")
            assert shot.stat().st_size > 10_000
        finally:
            v.close()


def test_corpus_report_loads_and_sorts(browser: Any, corpus_reports: dict[str, Path]) -> None:
    v = Visit(browser, corpus_reports["corpus"])
    try:
        v.check_clean()
        v.check_sections(CORPUS_SECTIONS)
        v.check_charts(minimum=3)
        rows = v.page.locator("#plans tbody tr")
        assert rows.count() == len(list(CORPUS.glob("*.pdf")))
        # sorting by balance (the inline script runs: it is allowed by its CSP hash)
        header = v.page.locator("#plans thead th", has_text="Balans")
        header.click()
        asc = [
            float(x)
            for x in v.page.eval_on_selector_all(
                "#plans tbody tr", "rs => rs.map(r => r.cells[3].dataset.sort)"
            )
        ]
        assert asc == sorted(asc)
        header.click()
        desc = [
            float(x)
            for x in v.page.eval_on_selector_all(
                "#plans tbody tr", "rs => rs.map(r => r.cells[3].dataset.sort)"
            )
        ]
        assert desc == sorted(asc, reverse=True)
        assert header.get_attribute("aria-sort") == "descending"
        v.check_clean()
        v.screenshot("corpus")
    finally:
        v.close()


def _diagnosis_of(path: Path, out: Path, **kwargs: Any) -> Path:
    from textscan.pipeline import analyze
    from textscan.report import render_diagnosis

    out.write_text(render_diagnosis(analyze(path), **kwargs), encoding="utf-8")
    return out


def test_markup_in_the_plan_shows_as_text_and_never_runs(browser: Any, tmp_path: Path) -> None:
    report = _diagnosis_of(
        REPORT_DATA / "plan_injectie.txt",
        tmp_path / "injectie.html",
        municipality="Proeftuin <b>onload</b>",
    )
    v = Visit(browser, report)
    try:
        v.check_clean()  # no dialog, no request for "x", no console error
        text = v.page.locator("body").inner_text()
        assert "<script>alert(1)</script>" in text
        assert "<img src=x onerror=alert(1)>" in text
        assert "Proeftuin <b>onload</b>" in text
        assert v.page.locator("script").count() == 0
        assert v.page.locator("img").count() == 0
        assert v.page.locator("b", has_text="vet").count() == 0
        assert v.page.evaluate("typeof window.alert") == "function"
        v.screenshot("diagnosis-injection")
    finally:
        v.close()


def test_findings_and_questions_follow_opposite_framings(browser: Any, tmp_path: Path) -> None:
    hard = _diagnosis_of(
        REPORT_DATA / "plan_hardlijn.txt", tmp_path / "hard.html", municipality="Hardlijn"
    )
    soft = _diagnosis_of(
        REPORT_DATA / "plan_samen.txt", tmp_path / "soft.html", municipality="Samenhoven"
    )
    seen: dict[str, dict[str, str]] = {}
    for name, path in (("hard", hard), ("soft", soft)):
        v = Visit(browser, path)
        try:
            v.check_clean()
            v.check_sections(DIAGNOSIS_SECTIONS)
            seen[name] = {
                "verdict": v.page.locator("#samenvatting .findings li").first.inner_text(),
                "questions": v.page.locator("#vragen ol.questions").inner_text(),
                "balance": v.page.locator("#samenvatting .balance-figure .big").inner_text(),
            }
            v.screenshot(f"diagnosis-{name}")
        finally:
            v.close()
    assert seen["hard"]["balance"].startswith("−")
    assert seen["soft"]["balance"].startswith("+")
    assert "Overwegend repressief" in seen["hard"]["verdict"]
    assert "Meer verbindend dan repressief" in seen["soft"]["verdict"]
    assert "Wat wil de gemeente opbouwen" in seen["hard"]["questions"]
    assert "Wat wil de gemeente opbouwen" not in seen["soft"]["questions"]
    assert "Wanneer en hoe grijpt de gemeente in" in seen["soft"]["questions"]
    assert seen["hard"]["questions"] != seen["soft"]["questions"]


def test_print_layout_is_a4(browser: Any, corpus_reports: dict[str, Path], tmp_path: Path) -> None:
    name = next(k for k in corpus_reports if k != "corpus")
    v = Visit(browser, corpus_reports[name])
    try:
        pdf = tmp_path / "diagnosis.pdf"
        v.page.emulate_media(media="print")
        v.page.pdf(path=str(pdf), prefer_css_page_size=True)
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(pdf))
        try:
            assert len(doc) >= 3  # the print stylesheet breaks pages between parts
            w, h = doc[0].get_size()
            assert (round(w), round(h)) == (595, 842)  # A4 in points
            # the title runs along the top of every page but the first (the masthead)
            title = v.page.title()
            texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
            assert not texts[0].startswith(title)
            for text in texts[1:]:
                assert text.startswith(title)
        finally:
            doc.close()
    finally:
        v.close()


# ---------------------------------------------------------------- print layout
A4_WIDTH_PT = 595.0
MARGIN_PT = 13 / 25.4 * 72  # the 13 mm side margin of @page


def _print(browser: Any, html: Path, pdf: Path) -> list[str]:
    """Print ``html`` as Chromium does for --pdf; the text of each page."""
    import pypdfium2 as pdfium

    v = Visit(browser, html)
    try:
        v.page.emulate_media(media="print")
        v.page.pdf(path=str(pdf), prefer_css_page_size=True)
    finally:
        v.close()
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _words_right_edge(pdf: Path, page: int, word: str) -> list[float]:
    """The right edge (points) of every occurrence of ``word`` on a page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        tp = doc[page].get_textpage()
        text = tp.get_text_range()
        edges = []
        start = text.find(word)
        while start >= 0:
            edges.append(tp.get_charbox(start + len(word) - 1)[2])
            start = text.find(word, start + 1)
        return edges
    finally:
        doc.close()


def _headings(html: Path) -> list[str]:
    import html as htmllib
    import re

    text = html.read_text(encoding="utf-8")
    out = []
    for m in re.finditer(r"<h([23])[^>]*>(.*?)</h\1>", text, re.S):
        inner = re.sub(r"<span class=\"num\">\d+</span>", "", m.group(2))
        out.append(htmllib.unescape(re.sub(r"<[^>]+>", "", inner)).strip())
    return [h for h in out if h]


def _stranded(pages: list[str], headings: list[str]) -> list[str]:
    """Headings that end a page with at most two lines of their text after them, while
    their text goes on on the next page (a short block that ends on the page, such as
    one negated sentence before the next section, is whole)."""

    def norm(s: str) -> str:
        return "".join(s.split())

    def content(text: str) -> list[str]:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        return [ln for ln in lines if not ln.strip().startswith("pagina ")]

    # as printed: as written, or in capitals (h3 in print); a word of running text
    # that happens to be a heading's ("verbindend" at a line's start) is no heading
    wanted = {norm(h) for h in headings} | {norm(h).upper() for h in headings}

    def is_heading(line: str) -> bool:
        return norm(line).lstrip("0123456789") in wanted

    found = []
    for page_no, text in enumerate(pages[:-1]):
        lines = content(text)
        positions = [i for i, ln in enumerate(lines) if is_heading(ln)]
        if positions and len(lines) - positions[-1] - 1 <= 2:
            following = content(pages[page_no + 1])[1:]  # after the running head
            if following and is_heading(following[0]):
                continue
            found.append(f"page {page_no + 1}: {lines[positions[-1]]}")
    return found


def test_the_printed_corpus_report_fits_a4_and_leaves_no_heading_alone(
    browser: Any, corpus_reports: dict[str, Path], tmp_path: Path
) -> None:
    html = corpus_reports["corpus"]
    pdf = tmp_path / "corpus.pdf"
    pages = _print(browser, html, pdf)
    # every column of the table of plans is on the page, inside the right margin
    for word in ("Beleidsvelden", "Cluster", "Evenwicht"):
        edges = _words_right_edge(pdf, 0, word)
        assert edges, f"{word} not printed on page 1"
        assert max(edges) <= A4_WIDTH_PT - MARGIN_PT + 1, (word, edges)
    # a hint for the screen is not printed
    assert not any("Klik op een kolomkop" in t for t in pages)
    # nothing is shrunk to fit: every character prints at 7 pt or more
    assert _small_print(pdf, 7.0) == []
    assert _stranded(pages, _headings(html)) == []


def test_a_printed_diagnosis_leaves_no_heading_alone_and_breaks_no_name(
    browser: Any, corpus_reports: dict[str, Path], tmp_path: Path
) -> None:
    stranded = []
    for name, html in corpus_reports.items():
        if name == "corpus":
            continue
        pages = _print(browser, html, tmp_path / f"{name}.pdf")
        stranded += [f"{name} {s}" for s in _stranded(pages, _headings(html))]
    assert stranded == [], "\n".join(stranded)
    # the thresholds are named in Dutch, each name on one line; their names in the
    # source code, in the technical note, are printed whole
    from textscan.report.findings import THRESHOLD_LABELS, THRESHOLDS

    lines = {ln.strip() for t in pages for ln in t.splitlines()}
    text = "\n".join(pages)
    for threshold, _, _ in THRESHOLDS:
        assert any(ln.startswith(THRESHOLD_LABELS[threshold]) for ln in lines), threshold
        assert threshold in text, threshold


# ---------------------------------------------------------------- the printed diagnosis
def _pdf_pages(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _small_print(pdf: Path, minimum: float) -> list[str]:
    """Runs of characters printed smaller than ``minimum`` points, with their page."""
    import math

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    small: list[str] = []
    try:
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            text = tp.get_text_range()
            run = ""
            for k in range(tp.count_chars()):
                m = raw.FS_MATRIX()
                raw.FPDFText_GetMatrix(tp.raw, k, m)
                size = raw.FPDFText_GetFontSize(tp.raw, k) * math.sqrt(abs(m.a * m.d - m.b * m.c))
                if text[k].strip() and size < minimum:
                    run += text[k]
                elif run:
                    small.append(f"p. {i + 1}: {run} ({size:.1f} pt)")
                    run = ""
    finally:
        doc.close()
    return small


def _norm(text: str) -> str:
    return "".join(text.split()).lower()


@pytest.fixture(scope="module")
def printed_diagnosis(
    browser: Any, demo_results: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, list[str]]:
    """The diagnosis of Vlietmonde among the other demo plans, as 'textscan report'
    writes it (with its file of hits), printed to A4: html, pdf and the text per page."""
    from click.testing import CliRunner

    from textscan.cli import cli

    out = tmp_path_factory.mktemp("printed")
    html = out / "vliet.html"
    plan = CORPUS / "vlietmonde-ivp-2023-2026.pdf"
    res = CliRunner().invoke(
        cli, ["report", str(plan), "--compare", str(demo_results), "--out", str(html)]
    )
    assert res.exit_code == 0, res.output
    pdf = out / "vliet.pdf"
    pages = _print(browser, html, pdf)
    return html, pdf, pages


def test_the_printed_summary_is_on_the_first_page(
    printed_diagnosis: tuple[Path, Path, list[str]],
) -> None:
    _, _, pages = printed_diagnosis
    first = _norm(pages[0])
    for text in ("Vlietmonde", "Samenvatting", "Belangrijkste bevindingen", "per 1.000 woorden"):
        assert _norm(text) in first, text
    # every page but the last carries more than a stray box or a heading
    for number, text in enumerate(pages[:-1], start=1):
        lines = [ln for ln in text.splitlines() if ln.strip()]
        lines = [ln for ln in lines if not ln.startswith(("pagina ", "Framingdiagnose –"))]
        assert len(lines) >= 8, (number, lines)


def test_printed_labels_are_readable(printed_diagnosis: tuple[Path, Path, list[str]]) -> None:
    _, pdf, _ = printed_diagnosis
    # every character, the labels of the small charts too, is printed at 7 pt or more
    assert _small_print(pdf, 7.0) == []


def test_printed_blocks_stay_together(printed_diagnosis: tuple[Path, Path, list[str]]) -> None:
    html, _, pages = printed_diagnosis
    normed = [_norm(p) for p in pages]

    def page_of(text: str) -> int:
        return next(i for i, p in enumerate(normed) if _norm(text) in p)

    # a heading is on the page of what it introduces: the first rows of a table, the
    # first label of a chart
    for heading, content in (
        ("Per hoofdstuk", "1. Voorwoord"),
        ("Per hoofdstuk", "3. Analyse"),
        ("Per thema", "Integriteit en veiligheid"),
        ("Wie wordt samen genoemd", "Actoren die in dezelfde zin voorkomen"),
        ("Beleving en cijfers", "Beleving (subjectief)"),
    ):
        assert page_of(heading) == page_of(content), (heading, content)
    # a chapter number stays with its title
    import re

    lines = [ln.strip() for p in pages for ln in p.splitlines()]
    assert not [ln for ln in lines if re.fullmatch(r"\d+(\.\d+)*\.", ln)]
    # the file of hits is said to come with the report, not to lie beside it
    text = " ".join(pages)
    assert "naast dit rapport" not in text
    assert "vliet-vindplaatsen.csv" in text and "meegeleverd" in text
    assert "naast dit rapport" in html.read_text(encoding="utf-8")  # on screen it does


def test_a_coloured_bar_covers_no_text_in_print(
    browser: Any, printed_diagnosis: tuple[Path, Path, list[str]]
) -> None:
    html, _, _ = printed_diagnosis
    v = Visit(browser, html, width=700)
    try:
        v.page.emulate_media(media="print")
        covered = v.page.eval_on_selector_all(
            "#bewijs .evidence-cat h3",
            """hs => hs.filter(h => {
                const bar = parseFloat(getComputedStyle(h).borderLeftWidth) || 0;
                const next = h.nextElementSibling;
                if (!bar || !next) return false;
                return h.getBoundingClientRect().bottom > next.getBoundingClientRect().top;
            }).map(h => h.textContent)""",
        )
        assert covered == []
        # the "Meest gebruikt" lines start clear of the heading's colour bar
        assert v.page.locator("#bewijs .terms").count() >= 3
    finally:
        v.close()
