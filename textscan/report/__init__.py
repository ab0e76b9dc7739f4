"""Reports: the framing diagnosis of one plan and the corpus report.

    from textscan.report import render_diagnosis, render_corpus_report, write_reports

    html = render_diagnosis(analysis, peers="results/", municipality="Stroomburg")
    html = render_corpus_report("results/")
    write_reports("results/", "reports/")      # corpus.html + a diagnosis and its hits per plan

Both are self-contained HTML pages in Dutch (inline CSS and SVG, no network
requests), printable to A4; :func:`html_to_pdf` prints one through headless
Chromium. Findings and questions come from :mod:`textscan.report.findings`.
"""

from textscan.report.findings import Finding, Question, derive_findings, derive_questions
from textscan.report.pdf import find_browser, html_to_pdf
from textscan.report.render import (
    ReportError,
    highlight_segments,
    is_results_dir,
    load_results,
    render_corpus_report,
    render_diagnosis,
    write_reports,
)

__all__ = [
    "Finding",
    "Question",
    "ReportError",
    "derive_findings",
    "derive_questions",
    "find_browser",
    "highlight_segments",
    "html_to_pdf",
    "is_results_dir",
    "load_results",
    "render_corpus_report",
    "render_diagnosis",
    "write_reports",
]
