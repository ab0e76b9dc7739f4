"""Build textscan's demo corpus: Markdown safety plans to PDF.

Every plan listed in ``corpus/plans.csv`` has its source text in
``corpus/src/<id>.md`` and is rendered to ``corpus/<file>`` as an A4 PDF
that looks like a municipal policy document: a title page, a table of
contents with dot leaders and real page numbers, numbered headings, justified
body text, bullet lists, simple tables, a running header naming the
municipality, the plan period and the fictional marker, and page numbers in
the footer.

Output is deterministic (reportlab's ``invariant`` mode), so the committed
PDFs can be checked against their sources::

    python corpus/build.py            # rebuild every PDF
    python corpus/build.py --check    # exit 1 if a PDF is missing or stale
    python corpus/build.py --only stroomburg

The Markdown subset understood here: ``#`` title, ``##``/``###`` numbered
headings, paragraphs, ``-`` bullets, ``1.`` numbered items, pipe tables and
``**bold**`` / ``*italic*`` inline.  Text before the first ``##`` heading
forms the title page.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

CORPUS_DIR = Path(__file__).resolve().parent
SRC_DIR = CORPUS_DIR / "src"
PLANS_CSV = CORPUS_DIR / "plans.csv"

#: Printed on every page of every plan; tests look for it.
FICTIONAL_MARKER = "Fictief voorbeeld – textscan democorpus"

PLAN_COLUMNS = (
    "id",
    "municipality",
    "period",
    "file",
    "description",
    "intended_framing",
    "province",
    "population",
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 25 * mm
MARGIN_TOP = 28 * mm
MARGIN_BOTTOM = 25 * mm
ACCENT = colors.HexColor("#1f4e79")


# --------------------------------------------------------------------------- plans.csv


@dataclass(frozen=True)
class PlanMeta:
    """One row of ``plans.csv``."""

    id: str
    municipality: str
    period: str
    file: str
    description: str
    intended_framing: str
    province: str
    population: int

    @property
    def source(self) -> Path:
        """The Markdown source of this plan."""
        return SRC_DIR / f"{self.id}.md"

    @property
    def output(self) -> Path:
        """The PDF this plan is rendered to."""
        return CORPUS_DIR / self.file


def read_plans(path: Path | None = None) -> list[PlanMeta]:
    """Read and validate ``plans.csv`` (by default the one next to this script).

    >>> [p.id for p in read_plans()][:1]  # doctest: +SKIP
    ['stroomburg']
    """
    path = path or PLANS_CSV
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != PLAN_COLUMNS:
            raise SystemExit(
                f"{path.name}: columns must be {', '.join(PLAN_COLUMNS)}; "
                f"found {', '.join(reader.fieldnames or ())}"
            )
        plans = []
        for line, row in enumerate(reader, start=2):
            try:
                population = int(row["population"])
            except ValueError:
                raise SystemExit(
                    f"{path.name}:{line}: population {row['population']!r} is not an integer"
                ) from None
            plans.append(PlanMeta(**{**row, "population": population}))
    return plans


# --------------------------------------------------------------------------- Markdown


@dataclass
class Block:
    """A block of the Markdown source: heading, paragraph, list or table."""

    kind: str  # title | h2 | h3 | para | bullets | numbered | table
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_NUMBERED = re.compile(r"^\d+\.\s+")


def parse_markdown(text: str) -> list[Block]:
    """Split the Markdown subset used by the corpus into blocks."""
    blocks: list[Block] = []
    para: list[str] = []
    items: list[str] = []
    list_kind = ""
    rows: list[list[str]] = []

    def flush() -> None:
        nonlocal para, items, list_kind, rows
        if para:
            blocks.append(Block("para", text=" ".join(para)))
        if items:
            blocks.append(Block(list_kind, items=items))
        if rows:
            blocks.append(Block("table", rows=rows))
        para, items, list_kind, rows = [], [], "", []

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
        elif line.startswith("### "):
            flush()
            blocks.append(Block("h3", text=line[4:].strip()))
        elif line.startswith("## "):
            flush()
            blocks.append(Block("h2", text=line[3:].strip()))
        elif line.startswith("# "):
            flush()
            blocks.append(Block("title", text=line[2:].strip()))
        elif stripped.startswith("|"):
            if para or items:
                flush()
            if not _TABLE_SEPARATOR.match(stripped):
                rows.append([cell.strip() for cell in stripped.strip("|").split("|")])
        elif line.startswith("- ") or _NUMBERED.match(line):
            kind = "bullets" if line.startswith("- ") else "numbered"
            if para or rows or (items and kind != list_kind):
                flush()
            list_kind = kind
            items.append(line[2:].strip() if kind == "bullets" else _NUMBERED.sub("", line))
        elif items and raw.startswith("  "):
            items[-1] += " " + stripped
        else:
            if items or rows:
                flush()
            para.append(stripped)
    flush()
    return blocks


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def inline(text: str) -> str:
    """Escape text for reportlab's paragraph markup and apply bold/italic."""
    out = escape(text)
    out = _BOLD.sub(r"<b>\1</b>", out)
    return _ITALIC.sub(r"<i>\1</i>", out)


# --------------------------------------------------------------------------- styles


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName="Times-Roman",
        fontSize=10.5,
        leading=14.2,
        alignment=TA_JUSTIFY,
        spaceAfter=6,
    )
    return {
        "body": base,
        "bullet": ParagraphStyle("bullet", parent=base, spaceAfter=2),
        "cell": ParagraphStyle(
            "cell",
            parent=base,
            fontName="Helvetica",
            fontSize=8.5,
            leading=10.5,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        "cellhead": ParagraphStyle(
            "cellhead",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=8.5,
            leading=10.5,
            alignment=TA_LEFT,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName="Helvetica-Bold",
            fontSize=15,
            leading=19,
            spaceBefore=14,
            spaceAfter=8,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            fontName="Helvetica-Bold",
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "title",
            fontName="Helvetica-Bold",
            fontSize=28,
            leading=34,
            textColor=ACCENT,
            spaceAfter=14,
        ),
        "municipality": ParagraphStyle(
            "municipality",
            fontName="Helvetica",
            fontSize=18,
            leading=24,
            spaceAfter=30,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            fontName="Helvetica-Oblique",
            fontSize=14,
            leading=19,
            spaceAfter=24,
        ),
        "titleline": ParagraphStyle(
            "titleline",
            fontName="Helvetica",
            fontSize=10,
            leading=14,
            spaceAfter=4,
        ),
        "marker": ParagraphStyle(
            "marker",
            fontName="Helvetica-Bold",
            fontSize=10,
            leading=14,
            spaceBefore=30,
            textColor=colors.HexColor("#9c2f2f"),
        ),
        "tochead": ParagraphStyle(
            "tochead",
            fontName="Helvetica-Bold",
            fontSize=18,
            leading=24,
            textColor=ACCENT,
            spaceAfter=16,
        ),
        "toc1": ParagraphStyle(
            "toc1",
            fontName="Helvetica-Bold",
            fontSize=10,
            leading=13,
            leftIndent=0,
            firstLineIndent=0,
            spaceBefore=5,
        ),
        "toc2": ParagraphStyle(
            "toc2",
            fontName="Helvetica",
            fontSize=9.5,
            leading=12,
            leftIndent=14,
            firstLineIndent=0,
        ),
    }


# --------------------------------------------------------------------------- document


class PlanDocTemplate(BaseDocTemplate):
    """A4 document with a title page template and a body template.

    Headings notify the table of contents and the PDF outline as they are laid
    out, so the contents page carries the pages the headings really land on.
    """

    def __init__(self, target: Any, plan: PlanMeta, title: str) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{title} – gemeente {plan.municipality} (fictief)",
            author="textscan democorpus",
            subject=FICTIONAL_MARKER,
            creator="textscan corpus/build.py",
            producer="ReportLab (invariant)",
            keywords="integraal veiligheidsplan, fictief, textscan",
            invariant=1,
        )
        self.plan = plan
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="main",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="title", frames=[frame], onPage=self._title_page),
                PageTemplate(id="body", frames=[frame], onPage=self._body_page),
            ]
        )
        self._heading_count = 0

    def _title_page(self, canv: Any, doc: Any) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE_HEIGHT - 18 * mm, PAGE_WIDTH, 18 * mm, stroke=0, fill=1)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.setFont("Helvetica", 8)
        canv.drawCentredString(PAGE_WIDTH / 2, 14 * mm, FICTIONAL_MARKER)
        canv.restoreState()

    def _body_page(self, canv: Any, doc: Any) -> None:
        canv.saveState()
        top = PAGE_HEIGHT - 15 * mm
        canv.setFont("Helvetica", 8)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(
            MARGIN_X,
            top,
            f"Gemeente {self.plan.municipality} – Integraal Veiligheidsplan {self.plan.period}",
        )
        canv.setFillColor(colors.HexColor("#9c2f2f"))
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, top, FICTIONAL_MARKER)
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        canv.line(MARGIN_X, 17 * mm, PAGE_WIDTH - MARGIN_X, 17 * mm)
        canv.setFillColor(colors.black)
        canv.setFont("Helvetica", 9)
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, 11 * mm, str(doc.page))
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        """Register headings in the table of contents and the PDF outline."""
        level = {"h2": 0, "h3": 1}.get(getattr(flowable, "style", None) and flowable.style.name)
        if level is None or not isinstance(flowable, Paragraph):
            return
        text = flowable.getPlainText()
        self._heading_count += 1
        key = f"h{self._heading_count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, text, self.page, key))

    def handle_documentBegin(self) -> None:
        """Restart heading keys on every multiBuild pass so they stay stable."""
        self._heading_count = 0
        super().handle_documentBegin()


def _list_flowable(items: Sequence[str], kind: str, styles: dict[str, ParagraphStyle]) -> Flowable:
    entries = [ListItem(Paragraph(inline(it), styles["bullet"])) for it in items]
    if kind == "bullets":
        return ListFlowable(
            entries,
            bulletType="bullet",
            start="•",
            leftIndent=14,
            bulletFontSize=9,
            spaceAfter=6,
        )
    return ListFlowable(
        entries,
        bulletType="1",
        bulletFormat="%s.",
        leftIndent=16,
        bulletFontName="Times-Roman",
        bulletFontSize=10.5,
        spaceAfter=6,
    )


def _table(rows: list[list[str]], width: float, styles: dict[str, ParagraphStyle]) -> Flowable:
    ncols = max(len(r) for r in rows)
    data = [
        [
            Paragraph(inline(cell), styles["cellhead" if i == 0 else "cell"])
            for cell in row + [""] * (ncols - len(row))
        ]
        for i, row in enumerate(rows)
    ]
    first = width * (0.40 if ncols > 2 else 0.55)
    col_widths = [first] + [(width - first) / (ncols - 1)] * (ncols - 1) if ncols > 1 else [width]
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT", spaceAfter=8)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef3f8")]),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def story_for(blocks: Iterable[Block], plan: PlanMeta, width: float) -> tuple[str, list[Flowable]]:
    """Turn parsed blocks into the title of the plan and a reportlab story."""
    styles = _styles()
    blocks = list(blocks)
    first_heading = next((i for i, b in enumerate(blocks) if b.kind in ("h2", "h3")), len(blocks))
    front, body = blocks[:first_heading], blocks[first_heading:]
    titles = [b.text for b in front if b.kind == "title"]
    if len(titles) != 1:
        raise SystemExit(f"{plan.source.name}: expected one '# ' title, found {len(titles)}")
    title = titles[0]

    story: list[Flowable] = [
        Spacer(1, 45 * mm),
        Paragraph(inline(title), styles["title"]),
        Paragraph(f"Gemeente {escape(plan.municipality)}", styles["municipality"]),
    ]
    lines = [b.text for b in front if b.kind == "para"]
    if not any(line.startswith(FICTIONAL_MARKER) for line in lines):
        raise SystemExit(
            f"{plan.source.name}: the title page needs a line starting with {FICTIONAL_MARKER!r}"
        )
    for n, line in enumerate(lines):
        if line.startswith(FICTIONAL_MARKER):
            style = "marker"
        else:
            style = "subtitle" if n == 0 else "titleline"
        story.append(Paragraph(inline(line), styles[style]))

    toc = TableOfContents(
        dotsMinLevel=0,
        levelStyles=[styles["toc1"], styles["toc2"]],
        tableStyle=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    story += [
        NextPageTemplate("body"),
        PageBreak(),
        Paragraph("Inhoud", styles["tochead"]),
        toc,
        PageBreak(),
    ]
    for block in body:
        if block.kind in ("h2", "h3"):
            story.append(Paragraph(inline(block.text), styles[block.kind]))
        elif block.kind == "para":
            story.append(Paragraph(inline(block.text), styles["body"]))
        elif block.kind in ("bullets", "numbered"):
            story.append(_list_flowable(block.items, block.kind, styles))
        elif block.kind == "table":
            story.append(_table(block.rows, width, styles))
        else:
            raise SystemExit(f"{plan.source.name}: '# ' title allowed only at the top")
    return title, story


def render(plan: PlanMeta) -> bytes:
    """Render one plan to PDF bytes (identical bytes for identical input)."""
    blocks = parse_markdown(plan.source.read_text(encoding="utf-8"))
    buffer = io.BytesIO()
    title, story = story_for(blocks, plan, PAGE_WIDTH - 2 * MARGIN_X)
    doc = PlanDocTemplate(buffer, plan, title)
    doc.multiBuild(story)
    return buffer.getvalue()


# --------------------------------------------------------------------------- CLI


def _check_sources(plans: Sequence[PlanMeta]) -> list[str]:
    problems = []
    listed = {p.id for p in plans}
    for src in sorted(SRC_DIR.glob("*.md")):
        if src.stem not in listed:
            problems.append(f"{src.relative_to(CORPUS_DIR)} has no row in plans.csv")
    files = {p.file for p in plans}
    for pdf in sorted(CORPUS_DIR.glob("*.pdf")):
        if pdf.name not in files:
            problems.append(f"{pdf.relative_to(CORPUS_DIR)} is not listed in plans.csv")
    for plan in plans:
        if not plan.source.exists():
            problems.append(f"plans.csv row {plan.id!r}: missing source {plan.source.name}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild (or with ``--check`` verify) the corpus PDFs; return an exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 when a PDF is missing or differs from a fresh build",
    )
    parser.add_argument("--only", metavar="ID", action="append", help="build only this plan id")
    args = parser.parse_args(argv)

    plans = read_plans()
    problems = _check_sources(plans)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    if args.only:
        unknown = set(args.only) - {p.id for p in plans}
        if unknown:
            print(f"unknown plan id(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        plans = [p for p in plans if p.id in args.only]

    stale = []
    for plan in plans:
        data = render(plan)
        current = plan.output.read_bytes() if plan.output.exists() else None
        if args.check:
            if current != data:
                stale.append(plan.file)
            continue
        if current != data:
            plan.output.write_bytes(data)
            print(f"wrote {plan.output.relative_to(CORPUS_DIR.parent)} ({len(data):,} bytes)")
        else:
            print(f"up to date: {plan.output.relative_to(CORPUS_DIR.parent)}")
    if stale:
        print(
            "stale or missing PDFs (run python corpus/build.py): " + ", ".join(stale),
            file=sys.stderr,
        )
        return 1
    if args.check:
        print(f"{len(plans)} PDFs up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
