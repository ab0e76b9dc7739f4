"""PDF output of a report through headless Chromium, when it is installed.

Chromium prints the HTML file with the report's own print stylesheet (A4,
page breaks). Nothing is downloaded: without a browser on the PATH (or in
``TEXTSCAN_CHROMIUM``) :func:`html_to_pdf` raises :class:`ReportError` with
the install line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from textscan.report.render import ReportError

BROWSER_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "chrome")
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)


def find_browser() -> str | None:
    """The path of a Chromium-like browser: ``$TEXTSCAN_CHROMIUM`` or the first on PATH."""
    env = os.environ.get("TEXTSCAN_CHROMIUM")
    if env and Path(env).is_file():
        return env
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html_path: str | Path, pdf_path: str | Path, *, timeout: float = 120) -> Path:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium; returns the PDF path."""
    browser = find_browser()
    if browser is None:
        raise ReportError(
            "PDF output needs Chromium, which was not found on PATH "
            "(install it with 'apt-get install -y chromium', or set TEXTSCAN_CHROMIUM "
            "to the browser's path); the HTML report was written"
        )
    src = Path(html_path).resolve()
    dst = Path(pdf_path).resolve()
    dst.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="textscan-chromium-") as profile:
        cmd = [
            browser,
            *CHROMIUM_ARGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={dst}",
            src.as_uri(),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError(f"Chromium could not print {src.name}: {exc}") from exc
    if proc.returncode != 0 or not dst.is_file() or dst.stat().st_size == 0:
        tail = (proc.stderr or "").strip().splitlines()[-3:]
        raise ReportError(
            f"Chromium could not print {src.name} (exit {proc.returncode}): " + " | ".join(tail)
        )
    return dst
