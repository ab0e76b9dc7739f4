"""Shared fixtures: the shared real documents, a small test lexicon, small plans."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"
BENCHMARKS = ROOT / "benchmarks"


def shared_file(*parts: str) -> Path:
    """A file of ../shared/data, or skip the test with the reason."""
    p = SHARED_DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared test data not available: {p} (clone with ../shared beside the repo)")
    return p


def run_python(script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh interpreter in the project folder (a process's start and end)."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
        check=False,
    )


def load_benchmark(name: str) -> Any:
    """A script of ``benchmarks/`` as a module, so tests use its measurement code."""
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the script look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder: no test reads or fills the user's cache."""
    monkeypatch.setenv("TEXTSCAN_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared test data not available: {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def test_lexicon_path() -> Path:
    return TEST_DATA / "test_framing.yaml"


@pytest.fixture(scope="session")
def test_lexicon(test_lexicon_path: Path):
    from textscan.lexicon import load_lexicon

    return load_lexicon(test_lexicon_path)


@pytest.fixture(scope="session")
def matcher(test_lexicon):
    from textscan.match import Matcher

    return Matcher([test_lexicon])


@pytest.fixture(scope="session")
def match(matcher):
    """Match one sentence with the test lexicon: list of (text, entry, negated)."""
    from textscan.nlp import annotate_text

    def run(text: str) -> list[tuple[str, str, bool]]:
        return [(h.text, h.entry, h.negated) for h in matcher.match(annotate_text(text))]

    return run


PLAN_TEXT = """# Integraal Veiligheidsplan Proefdorp 2025-2028

Fictief testdocument van textscan.

## 1. Inleiding

Het college pakt de overlast in het centrum aan. De politie treedt op tegen drugshandel.

## 2. Samen veilig

Wij investeren in vertrouwen en verbinding. Bewoners en scholen werken samen aan een veilige wijk.
Wij kiezen niet voor repressie.
"""


@pytest.fixture()
def plan_txt(tmp_path: Path) -> Path:
    p = tmp_path / "proefdorp.txt"
    p.write_text(PLAN_TEXT, encoding="utf-8")
    return p


def make_pdf(
    path: Path, pages: list[list[str]], header: str | None = None, title: str | None = None
) -> Path:
    """A small PDF with one paragraph per list item, for tests that need one.

    ``title`` is written as the Title of the PDF's document information.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if title is not None:
        c.setTitle(title)
    width, height = A4
    for number, paragraphs in enumerate(pages, start=1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(72, height - 40, header)
        y = height - 90
        for para in paragraphs:
            bold = para.startswith("#")
            text = para.lstrip("# ")
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 14 if bold else 10)
            words, line = text.split(), ""
            for w in words:
                trial = (line + " " + w).strip()
                if c.stringWidth(trial) > width - 144:
                    c.drawString(72, y, line)
                    y -= 14
                    line = w
                else:
                    line = trial
            if line:
                c.drawString(72, y, line)
                y -= 24
        c.setFont("Helvetica", 8)
        c.drawString(width / 2, 30, str(number))
        c.showPage()
    c.save()
    return path


@pytest.fixture()
def plan_pdf(tmp_path: Path) -> Path:
    return make_pdf(
        tmp_path / "proefdorp.pdf",
        [
            [
                "# 1. Inleiding",
                "Het college pakt de overlast in het centrum aan. De politie treedt op tegen "
                "drugshandel.",
            ],
            [
                "# 2. Samen veilig",
                "Wij investeren in vertrouwen en verbinding. Bewoners en scholen werken samen.",
            ],
        ],
    )
