"""A battery of bad inputs in one scan: each is recorded with its kind, the good files are intact.

Also Hypothesis properties on cleaning and matching: arbitrary text never raises
and every offset stays inside its sentence.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PLAN_TEXT, make_pdf
from textscan.cli import cli

GOOD_PDF_PAGES = [
    ["# 1. Inleiding", "Het college pakt de overlast in het centrum aan. De politie treedt op."],
    ["# 2. Samen veilig", "Wij investeren in vertrouwen en verbinding met bewoners en scholen."],
]


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    enc = pdfencrypt.StandardEncryption("geheim", ownerPassword="eigenaar")
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(72, 700, "Het college pakt de overlast aan.")
    c.showPage()
    c.save()


def _image_only_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for _ in range(2):  # shapes only, as a scan without OCR looks to a text extractor
        c.rect(72, 72, 300, 500, fill=1)
        c.showPage()
    c.save()


def _bomb_pdf(path: Path, depth: int = 100_000) -> None:
    """A hand-written PDF whose catalog holds arrays nested ``depth`` levels deep."""
    nested = b"[" * depth + b"]" * depth
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


# kind expected for each bad file; a tuple where the PDF engine may say either
BAD: dict[str, str | tuple[str, ...]] = {
    "leeg.pdf": "empty",
    "leeg.txt": "empty",
    "afgebroken.pdf": "corrupt",
    "beschadigd.pdf": ("corrupt", "no-text"),  # pdfium may repair it into blank pages
    "rommel.pdf": "corrupt",
    "versleuteld.pdf": "encrypted",
    "bom.pdf": ("no-text", "corrupt", "too-complex", "timeout", "memory"),
    "scan.pdf": "no-text",
    "foutpagina.pdf": "wrong-type",
    "foto.txt": "wrong-type",
    "woord.pdf": "wrong-type",
    "latin1.txt": "encoding",
    "utf16-zonder-bom.txt": ("encoding", "wrong-type"),
}


@pytest.fixture(scope="module")
def battery(tmp_path_factory) -> tuple[Path, Path]:
    """(folder with good files only, folder with the same good files plus the bad ones)."""
    root = tmp_path_factory.mktemp("battery")
    good = root / "goed"
    good.mkdir()
    (good / "proefdorp.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (good / "bom-utf8.txt").write_bytes(
        "\ufeff".encode() + PLAN_TEXT.replace("Proefdorp", "Bomstad").encode("utf-8")
    )
    (good / "utf16.txt").write_text(PLAN_TEXT.replace("Proefdorp", "Zestien"), encoding="utf-16")
    pdf = make_pdf(good / "havenstad.pdf", GOOD_PDF_PAGES)
    mixed = root / "gemengd"
    shutil.copytree(good, mixed)
    raw = pdf.read_bytes()
    rng = random.Random(7)
    (mixed / "leeg.pdf").write_bytes(b"")
    (mixed / "leeg.txt").write_bytes(b"")
    (mixed / "afgebroken.pdf").write_bytes(raw[: len(raw) // 2])
    damaged = bytearray(raw)
    for i in range(200, len(damaged) - 200, 97):
        damaged[i] = rng.randrange(256)
    (mixed / "beschadigd.pdf").write_bytes(bytes(damaged))
    (mixed / "rommel.pdf").write_bytes(b"%PDF-1.7\n" + rng.randbytes(4000))
    _encrypted_pdf(mixed / "versleuteld.pdf")
    _bomb_pdf(mixed / "bom.pdf")
    _image_only_pdf(mixed / "scan.pdf")
    (mixed / "foutpagina.pdf").write_text(
        "<!DOCTYPE html><html><body>404 niet gevonden</body></html>", encoding="utf-8"
    )
    (mixed / "foto.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(200))
    (mixed / "woord.pdf").write_bytes(b"PK\x03\x04" + rng.randbytes(300))
    (mixed / "latin1.txt").write_bytes("Café de Veiligheid in het centrum.".encode("latin-1"))
    (mixed / "utf16-zonder-bom.txt").write_bytes(PLAN_TEXT.encode("utf-16-le"))
    return good, mixed


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_bad_input_battery_in_one_scan(battery, tmp_path):
    good, mixed = battery
    runner = CliRunner()
    clean = runner.invoke(
        cli,
        [
            "scan",
            str(good),
            "--out",
            str(tmp_path / "clean"),
            "-q",
            "--jobs",
            "2",
            "--no-cache",
            "--timeout",
            "60",
        ],
    )
    assert clean.exit_code == 0, clean.output
    res = runner.invoke(
        cli,
        [
            "scan",
            str(mixed),
            "--out",
            str(tmp_path / "mixed"),
            "-q",
            "--jobs",
            "2",
            "--no-cache",
            "--timeout",
            "60",
        ],
    )
    assert res.exit_code == 1, res.output
    failures = {Path(r["file"]).name: r for r in _rows(tmp_path / "mixed" / "failures.csv")}
    assert set(failures) == set(BAD), res.output
    for name, kind in BAD.items():
        row = failures[name]
        allowed = kind if isinstance(kind, tuple) else (kind,)
        assert row["error"] in allowed, (name, row)
        # every message names the file and says what is wrong
        assert name in row["message"] and len(row["message"]) > len(name) + 10, row
        assert "Traceback" not in row["message"]
        assert name in res.output  # and a line on stderr

    # the good files' profile rows equal those of the clean run
    def by_doc(rows):
        return {r["document"]: {k: v for k, v in r.items() if k != "path"} for r in rows}

    clean_rows = by_doc(_rows(tmp_path / "clean" / "profiles.csv"))
    mixed_rows = by_doc(_rows(tmp_path / "mixed" / "profiles.csv"))
    assert clean_rows == mixed_rows
    assert len(clean_rows) == 4


def test_messages_are_plain_words(battery, tmp_path):
    _, mixed = battery
    from textscan.runner import scan

    result = scan(
        [mixed / "versleuteld.pdf", mixed / "scan.pdf", mixed / "foto.txt"],
        None,
        jobs=0,
        cache=False,
    )
    msgs = dict(zip(result.failures["error"], result.failures["message"], strict=True))
    assert "password" in msgs["encrypted"]
    assert "scanned" in msgs["no-text"] and "OCR" in msgs["no-text"]
    assert "PNG image" in msgs["wrong-type"]


# ------------------------------------------------------------- Hypothesis properties

_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400
) | st.from_regex(r"[A-Za-zëéï \-.,;:()0-9\n]{0,300}", fullmatch=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_cleaning_never_raises_and_keeps_text(text):
    from textscan.extract.text import normalise, paragraphs_from_text

    clean = normalise(text)
    assert "\r" not in clean and "\u00ad" not in clean
    sections, paragraphs = paragraphs_from_text(clean)
    ids = {s.id for s in sections}
    for p in paragraphs:
        assert p.text.strip()
        assert p.section is None or p.section in ids


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _texts
    | st.sampled_from(
        [
            "Wij pakken de overlast niet aan, maar investeren in preventie.",
            "drugsbestrijding " * 3,
            "x" * 5000,
            "handhaving-" * 40,
        ]
    )
)
def test_matching_never_raises_and_offsets_are_valid(text):
    from textscan.lexicon import load_lexicons
    from textscan.match import Matcher
    from textscan.nlp import annotate_text

    matcher = _matcher(Matcher, load_lexicons)
    sentences = annotate_text(text)
    for s in sentences:
        for t in s.tokens:
            assert 0 <= t.start <= t.end <= len(s.text)
            assert s.text[t.start : t.end] == t.text
    for h in matcher.match(sentences, "doc"):
        assert 0 <= h.start < h.end <= len(h.sentence)
        assert h.sentence[h.start : h.end] == h.text
        for a, b in h.parts:
            assert h.start <= a < b <= h.end


_MATCHER: list = []


def _matcher(cls, load):
    if not _MATCHER:
        _MATCHER.append(cls(load()))
    return _MATCHER[0]


def test_slow_patterns_are_refused_and_wildcards_are_linear():
    import time

    from textscan.errors import LexiconError
    from textscan.lexicon import parse_lexicon
    from textscan.match import GlobPattern

    base = "name: t\nversion: 1\ncategories:\n  - {id: a, label: A}\nentries:\n"
    for bad in ("'*a*'", "'ab**'", "'" + "a" * 70 + "*'", "'*'"):
        with pytest.raises(LexiconError):
            parse_lexicon(base + f"  - {{id: x, category: a, pattern: {bad}}}\n")
    ok = parse_lexicon(base + "  - {id: x, category: a, pattern: 'handhav*'}\n")
    assert ok.entries[0].pattern == "handhav*"
    g = GlobPattern("aa*b*ac")
    assert g.match("aaxxbyyac") and not g.match("aabac"[:-1]) and g.match("aabac")
    long_token = "a" * 200_000
    started = time.perf_counter()
    assert not g.match(long_token)
    assert time.perf_counter() - started < 0.5
