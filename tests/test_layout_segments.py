"""Details of the pdfium segment scan (textscan/extract/layout.py)."""

from __future__ import annotations

import random
import re

from textscan.extract import layout


def test_break_pattern_finds_the_runs_of_the_plain_pattern() -> None:
    # _BREAK is "[\r\n]+|\ufffe| +" rewritten to open with a character set (faster);
    # the matches must stay the same, run for run
    plain = re.compile("[\r\n]+|\ufffe| +")
    chars = [" ", " ", "\r", "\n", "\ufffe", "a", "\t", "\ufffd", "\ud835", "\xa0", "\u2028"]
    rnd = random.Random(7)
    texts = ["", " ", "a  b", "\r\n \r\n  x\ufffe\ufffe  \n\r", " \ufffe \n"]
    texts += ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 16))) for _ in range(5000)]
    for text in texts:
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in layout._BREAK.finditer(text)] == expected, repr(text)
