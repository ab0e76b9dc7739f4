"""Text cleaning for extracted documents.

Character normalisation (ligatures, soft hyphens, NFC), Dutch-aware
dehyphenation of words broken at a line end, page-number and running
header/footer recognition, list-item markers and table-of-contents rows.
Everything here works on plain strings and numbers, so it is shared by the
PDF, DOCX and HTML readers and tested without PDFs.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
_SPACE_CHARS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff" + "".join(
    map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
)
_SPACES = re.compile(f"[{re.escape(_SPACE_CHARS)}]")
_INVISIBLE = re.compile(f"[{re.escape(_INVISIBLE_CHARS)}]")
# ligatures, invisible characters and odd spaces are disjoint and map to none of
# each other, so one translation table does all three replacements at once
_CHAR_MAP = str.maketrans(
    {**_LIGATURES, **dict.fromkeys(_INVISIBLE_CHARS), **dict.fromkeys(_SPACE_CHARS, " ")}
)
_SPECIAL_CHAR = re.compile(f"[{re.escape(''.join(_LIGATURES) + _INVISIBLE_CHARS + _SPACE_CHARS)}]")


def normalise_chars(text: str) -> str:
    """NFC, ligatures spelled out, soft hyphens and zero-width characters removed.

    >>> normalise_chars("de ﬁets\u00adpad")
    'de fietspad'
    """
    if _SPECIAL_CHAR.search(text):
        text = text.translate(_CHAR_MAP)
    return unicodedata.normalize("NFC", text)


# ------------------------------------------------------------------ list items

#: bullet glyphs, including the private-use glyphs of the Symbol and Wingdings fonts
_BULLET_CHARS = "•●▪◦■□‣∙·○◆◇►▶➢➤✓✔-–—*>o\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e0\uf0f0"
_BULLET = re.compile(rf"^\s*(?:[{re.escape(_BULLET_CHARS)}]|[\ue000-\uf8ff])[\s\t]+(?=\S)")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s*(?=[^\d\s.])", re.I)


# glyphs that are only ever bullets (not dashes, letters or "*"), for a bullet
# that the PDF places apart from its text
_BULLET_GLYPHS = frozenset(
    "•●▪◦■□‣∙○◆◇►▶➢➤✓✔\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e0\uf0f0"
)


def is_bare_bullet(text: str) -> bool:
    """A line that is a bullet glyph alone: its item's text is a separate segment.

    >>> is_bare_bullet("•"), is_bare_bullet("-"), is_bare_bullet("• Meer wijkagenten")
    (True, False, False)
    """
    return text.strip() in _BULLET_GLYPHS


def list_marker(text: str) -> tuple[str, str] | None:
    """Split a list item's marker from its text, or None for ordinary text.

    Bullets are dropped (the glyph carries no meaning); numbers are kept as
    part of the text because they carry order ("3. Wij willen ...").

    >>> list_marker("• Meer wijkagenten")
    ('bullet', 'Meer wijkagenten')
    >>> list_marker("2) Jongeren betrekken")
    ('number', '2) Jongeren betrekken')
    """
    m = _BULLET.match(text)
    if m:
        if text.lstrip().startswith("o") and not text.lstrip()[1:2].isspace():
            return None
        return "bullet", text[m.end() :].strip()
    m = _NUMBERED.match(text)
    if m and len(text) > m.end() + 1 and not re.match(r"^\s*\d{1,2}\.\d", text):
        return "number", text.strip()
    return None


# ---------------------------------------------------------------- page numbers

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:(?:pagina|page|pag\.?|blz\.?|p\.)\s*)?"
    r"(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:/|van|of|\|)\s*\d{1,4})?[\s\-–—|]*$",
    re.I,
)


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number ("12", "- 3 -", "Pagina 4 van 20").

    >>> is_page_number("Pagina 4 van 20"), is_page_number("2023")
    (True, True)
    """
    return bool(_PAGE_NUMBER.match(text.strip()))


def furniture_key(text: str) -> str:
    """A key under which a running header or footer repeats: digits and case ignored."""
    text = normalise_chars(text).lower()
    text = re.sub(r"\d+", "#", text)
    return re.sub(r"\s+", " ", text).strip(" \t|-–—.")


@dataclass(frozen=True, slots=True)
class ZoneLine:
    """A line in the top or bottom zone of a page, as seen by furniture detection."""

    page: int
    index: int
    text: str
    #: other text on the same baseline: a number beside a title is a TOC page reference,
    #: a number beside a running footer is a page number
    row_mates: tuple[str, ...] = ()


def running_lines(lines: Sequence[ZoneLine], pages: int) -> set[tuple[int, int]]:
    """The (page, index) of zone lines that repeat as running headers or footers.

    A line repeats when its :func:`furniture_key` occurs on at least a fifth of
    all pages (three at least), or on at least a third of the odd or of the
    even pages, so alternating headers count. Bare page numbers in a zone are
    always furniture.
    """
    by_key: dict[str, set[int]] = {}
    for ln in lines:
        key = furniture_key(ln.text)
        if key:
            by_key.setdefault(key, set()).add(ln.page)
    odd = max(1, math.ceil(pages / 2))
    even = max(1, pages // 2)
    need_all = max(3, math.ceil(0.2 * pages))
    repeated: set[str] = set()
    for key, on in by_key.items():
        n_odd = sum(1 for p in on if p % 2 == 1)
        n_even = len(on) - n_odd
        if (
            len(on) >= need_all
            or (len(on) >= 3 and (n_odd >= max(3, odd / 3) or n_even >= max(3, even / 3)))
            or (pages <= 6 and len(on) >= max(2, pages - 1) and len(key) > 3)
        ):
            repeated.add(key)
    out: set[tuple[int, int]] = set()
    for ln in lines:
        if is_page_number(ln.text):
            if all(furniture_key(m) in repeated for m in ln.row_mates):
                out.add((ln.page, ln.index))
        elif furniture_key(ln.text) in repeated:
            out.add((ln.page, ln.index))
    return out


# ------------------------------------------------------------- dehyphenation

_LINE_END_HYPHENS = "-\u2010\u00ad"

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch", "als", "dan", "maar", "&", "en/of", "t/m"})
# vowel pairs that would read as one sound when written together: Dutch keeps a hyphen
# (or a diaeresis) between them, so a line-end hyphen there is a real one
_VOWEL_CLASH = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"}
)
_TOKEN = re.compile(r"[^\s]+")
_TOKEN_PUNCT = ".,;:!?()[]{}'\"‘’“”"


class Vocabulary:
    """Word forms seen in the running text of one document (not at line ends).

    Used to decide whether a line-end hyphen is a hyphenation ("veilig-/heid")
    or part of the word ("anti-/discriminatiebeleid"): the document's own
    spelling of the same word elsewhere decides first.
    """

    def __init__(self) -> None:
        self.words: Counter[str] = Counter()
        self.prefixes: Counter[str] = Counter()
        self.joined = 0
        self.kept = 0

    def add_line(self, text: str) -> None:
        """Count the words of a line, leaving out its last (possibly broken) word."""
        tokens = text.split()  # the same tokens as _TOKEN.findall(text)
        if text.rstrip().endswith(("-", "\ufffe")):
            del tokens[-1:]
        lows = [low for t in tokens if (low := t.strip(_TOKEN_PUNCT).lower())]
        self.words.update(lows)
        for low in lows:
            if "-" in low and "-" in low.strip("-"):
                self.prefixes[low.split("-", 1)[0] + "-"] += 1

    def decide_prior(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Learn whether this document hyphenates words at line ends at all."""
        for left, right in pairs:
            verdict = self._evidence(left, right)
            if verdict is True:
                self.joined += 1
            elif verdict is False:
                self.kept += 1

    def _evidence(self, left: str, right: str) -> bool | None:
        lw = left.lower()
        rw = right.lower()
        joined = self.words.get(lw + rw, 0)
        hyphened = self.words.get(f"{lw}-{rw}", 0)
        if joined > hyphened:
            return True
        if hyphened > joined:
            return False
        if self.prefixes.get(lw + "-", 0) >= 1 and not joined:
            return False
        return None

    def join(self, left: str, right: str) -> str:
        """Join a word broken at a line end: without or with its hyphen.

        ``left`` is the text before the hyphen (the hyphen itself removed),
        ``right`` the word that starts the next line.

        >>> v = Vocabulary(); v.joined = 1
        >>> v.join("veilig", "heid"), v.join("Noord", "Holland"), v.join("COVID", "19")
        ('veiligheid', 'Noord-Holland', 'COVID-19')
        >>> v.join("zorg", "en")
        'zorg- en'
        """
        lword = re.findall(r"[\w]+$", left)
        lw = lword[0] if lword else ""
        rword = re.match(r"[\w/&]+", right)
        rw = rword.group(0) if rword else ""
        if not lw or not rw:
            return f"{left}-{right}"
        if rw.lower() in _CONJUNCTIONS:
            return f"{left}- {right}"
        if rw[0].isupper() or rw[0].isdigit() or lw[-1].isdigit():
            return f"{left}-{right}"
        if len(lw) >= 2 and lw.isupper():
            return f"{left}-{right}"
        if (lw[-1] + rw[0]).lower() in _VOWEL_CLASH:
            return f"{left}-{right}"
        verdict = self._evidence(lw, rw)
        if verdict is None:
            # no evidence for this word: follow what the document does elsewhere
            verdict = self.joined >= self.kept
        return f"{left}{right}" if verdict else f"{left}-{right}"


def join_lines(lines: Sequence[tuple[str, bool]], vocab: Vocabulary) -> str:
    """Join the lines of one paragraph into one string.

    Each line is ``(text, hyphen_end)``; ``hyphen_end`` is true when the line
    ended with a hyphen (pdfium reports those separately). Line breaks become
    spaces, broken words are rejoined with :meth:`Vocabulary.join`.
    """
    out = ""
    pending_hyphen = False
    for text, hyphen_end in lines:
        text = text.replace("\t", " ").strip()
        if not text:
            continue
        ends_hyphen = text[-1] in _LINE_END_HYPHENS and len(text) > 1 and text[-2].isalpha()
        if not hyphen_end and ends_hyphen:
            # "-", and the Unicode hyphen U+2010 or a soft hyphen that some PDF
            # producers (browsers, DTP) write at a line break ("samen‐ werken")
            hyphen_end = True
            text = text[:-1]
        if not out:
            out = text
        elif pending_hyphen:
            first, _, rest = text.partition(" ")
            # keep the hyphen on a URL or path, where a join would change the address
            if "/" in out.rsplit(" ", 1)[-1] or "." in out.rsplit(" ", 1)[-1][-4:]:
                out = f"{out}-{first}"
            else:
                out = vocab.join(out, first)
            if rest:
                out = f"{out} {rest}"
        else:
            out = f"{out} {text}"
        pending_hyphen = hyphen_end
    if pending_hyphen:
        out += "-"
    return re.sub(r" {2,}", " ", out)


# --------------------------------------------------------- tables of contents

_TOC_PAGE = re.compile(r"(\d{1,3})\s*$")
_TOC_HEADINGS = re.compile(r"^(inhoud(sopgave|stafel)?|index|contents|table of contents)\b", re.I)


def toc_row(text: str, *, right_aligned: bool = False) -> tuple[str, int] | None:
    """A table-of-contents entry ``(title, page)`` or None.

    A row counts when the page number is set off by dot leaders, a tab (a
    wide gap) or sits at the right margin.

    >>> toc_row("3.2 Jeugd en veiligheid ........ 14")
    ('3.2 Jeugd en veiligheid', 14)
    >>> toc_row("4.2 Cameratoezicht . . . . . . . 4")
    ('4.2 Cameratoezicht', 4)
    >>> toc_row("Er zijn 14") is None
    True
    """
    text = text.strip()
    m = _TOC_PAGE.search(text)
    if not m or m.start() == 0:
        return None
    head = text[: m.start()]
    core = head.rstrip(" .·…_\t")
    sep = head[len(core) :]
    # dot leaders, also spaced ones (". . . .") as word processors and reportlab set them
    if not (right_aligned or "\t" in sep or re.search(r"(?:[.·…_] ?){2,}", sep)):
        return None
    if not sep and not right_aligned:
        return None
    if head[-1:] in ",.+-−–/%€$" or head[-1:].isdigit():
        return None  # part of a figure in a table ("-5,0"), not a page reference
    title = re.sub(r"\s+", " ", core.replace("\t", " ")).strip()
    if not title or len(title) > 160 or not any(ch.isalpha() for ch in title):
        return None
    return title, int(m.group(1))


def is_toc_heading(text: str) -> bool:
    """True for the heading of a table of contents ("Inhoudsopgave", "Inhoud")."""
    return bool(_TOC_HEADINGS.match(text.strip())) and len(text.strip()) < 40


@lru_cache(maxsize=65536)
def title_key(text: str) -> str:
    """A heading title reduced for matching: no numbering, case, punctuation or spaces.

    >>> title_key("3.2  Jeugd en Veiligheid") == title_key("JEUGD EN VEILIGHEID")
    True
    """
    text = normalise_chars(text).lower()
    text = re.sub(r"^\s*(?:hoofdstuk\s+)?(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4})[.)]?\s+", "", text)
    return re.sub(r"[\W_]+", "", text)
