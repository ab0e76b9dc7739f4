"""Input checks for a batch: finding files safely and judging what they contain.

* :func:`discover` walks folders without ever looping on symlinks and records
  unreadable folders, broken links and link loops as problems instead of
  crashing on them.
* :func:`sniff_content` refuses files whose bytes are plainly something else
  than their name says (a Word or ZIP file, an image, binary data saved as
  ``.txt``), before any parser sees them.
* :func:`dutch_share` measures how Dutch a text is (the share of its words that
  are Dutch function words), so a scan can warn about English or German plans:
  the lexicons are Dutch and would find almost nothing.
* :func:`safe_output_name` turns a document name into a file name that cannot
  leave the output folder.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from textscan.errors import InputError
from textscan.extract import SUPPORTED_SUFFIXES
from textscan.model import ExtractionWarning

# First bytes of formats people save with a wrong name, and what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (for example a Word .docx or an .odt file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program (ELF executable)"),
)
MIN_WORDS_FOR_LANGUAGE = 80
DUTCH_SHARE_THRESHOLD = 0.25


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input found before any document is read."""

    path: str
    kind: str
    message: str


@dataclass
class Discovery:
    """The files a scan will read, in order, and the problems found on the way."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _supported(p: Path) -> bool:
    return p.suffix.lower() in SUPPORTED_SUFFIXES


def as_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """``paths`` as a list of paths: one path given alone (a string) is one path.

    A string is itself an iterable of one-letter strings: ``scan("plan.pdf")``
    would otherwise look for files named "p", "l", "a" ... and walk the
    folder "." (and "/", for a path with a slash in it).
    """
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def discover(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], exclude: Sequence[str] = ()
) -> Discovery:
    """Supported files under ``paths``: files as given, folders walked in sorted order.

    ``paths`` is one path or several (see :func:`as_paths`).

    Hidden files and folders are skipped, and so are files and folders found
    in a folder whose name or path below that folder matches one of the
    ``exclude`` globs ("README.md", "src", "*/concept-*.pdf"); files given by
    name are always taken. Symlinked folders are followed once;
    a link that leads back into a folder already being walked is a
    ``symlink-loop`` problem, a broken link ``missing``, a folder that cannot be
    listed ``unreadable``. A file reached twice (by two links or arguments) is
    listed once.
    """
    paths = as_paths(paths)
    out = Discovery()
    seen_files: set[Path] = set()

    def add(fp: Path) -> None:
        try:
            key = fp.resolve(strict=True)
        except RuntimeError:  # Python < 3.13 raises this on a loop
            out.problems.append(Problem(str(fp), "symlink-loop", "is a symbolic link loop"))
            return
        except OSError as exc:
            if fp.is_symlink():
                out.problems.append(
                    Problem(
                        str(fp),
                        "symlink-loop" if exc.errno == errno.ELOOP else "missing",
                        "is a symbolic link loop"
                        if exc.errno == errno.ELOOP
                        else "is a broken symbolic link (its target does not exist)",
                    )
                )
            else:
                out.problems.append(Problem(str(fp), "missing", "no such file"))
            return
        if key not in seen_files:
            seen_files.add(key)
            out.files.append(fp)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            _walk(p, add, out.problems, tuple(exclude))
        else:
            add(p)
    return out


def _walk(
    root: Path, add: Callable[[Path], None], problems: list[Problem], exclude: Sequence[str] = ()
) -> None:
    active: list[tuple[int, int]] = []

    def excluded(fp: Path) -> bool:
        if not exclude:
            return False
        rel = fp.relative_to(root).as_posix()
        return any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(fp.name, g) for g in exclude)

    def visit(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            loop = exc.errno == errno.ELOOP
            kind = "symlink-loop" if loop else "unreadable"
            msg = "is a symbolic link loop" if loop else f"cannot be read: {exc.strerror}"
            problems.append(Problem(str(folder), kind, msg))
            return
        ident = (st.st_dev, st.st_ino)
        if ident in active:
            problems.append(
                Problem(
                    str(folder),
                    "symlink-loop",
                    "is a symbolic link back into a folder that contains it; not followed",
                )
            )
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                Problem(str(folder), "unreadable", f"folder cannot be read: {exc.strerror}")
            )
            return
        active.append(ident)
        try:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                fp = Path(entry.path)
                if excluded(fp):
                    continue
                try:
                    is_dir = entry.is_dir(follow_symlinks=True)
                except OSError:
                    is_dir = False
                if is_dir:
                    visit(fp)
                elif _supported(fp):
                    add(fp)
        finally:
            active.pop()

    visit(root)


def check_readable(path: Path) -> int:
    """The file's size; raises :class:`InputError` if it is not a readable regular file."""
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(str(path), "is a symbolic link loop", kind="symlink-loop") from None
        raise InputError(str(path), "no such file", kind="missing") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(str(path), "is a directory, not a file", kind="unsupported")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(str(path), "is not a regular file (a device or pipe?)", kind="unsupported")
    if not os.access(path, os.R_OK):
        raise InputError(str(path), "cannot be read: permission denied", kind="unreadable")
    if st.st_size == 0:
        raise InputError(str(path), "is empty (0 bytes)", kind="empty")
    return st.st_size


def sniff_content(path: Path, head: bytes) -> None:
    """Refuse content that is plainly not what the file's name says.

    PDFs are recognised by their ``%PDF-`` header by the extractor; this check
    catches the binary formats that are often saved under a wrong name, and
    binary data in a text file.
    """
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return
    for magic, what in _MAGIC:
        if magic == b"PK\x03\x04" and path.suffix.lower() == ".docx":
            continue  # a Word file is a ZIP archive; its reader says if it is not Word
        if head.startswith(magic):
            raise InputError(
                str(path), f"is {what}, not a {_expected(path)} file", kind="wrong-type"
            )
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if path.suffix.lower() in (".txt", ".md") and not utf16 and b"\x00" in head:
        raise InputError(
            str(path),
            "contains binary data (NUL bytes), not text; is it another kind of file?",
            kind="wrong-type",
        )


def _expected(path: Path) -> str:
    suffix = path.suffix.lower()
    return {".pdf": "PDF", ".txt": "text", ".md": "Markdown"}.get(suffix, suffix or "text")


@lru_cache(maxsize=1)
def _dutch_stop_words() -> frozenset[str]:
    """spaCy's Dutch stop words, read from their source file.

    Importing ``spacy.lang.nl.stop_words`` imports all of spaCy (0.7 s), which a
    re-profile from the cache otherwise never needs; the list is one string
    literal split on whitespace, so it is read with :mod:`ast` instead (an
    import is the fallback should the file ever look different).
    """
    import ast
    import importlib.util

    spec = importlib.util.find_spec("spacy")  # finds the package without importing it
    if spec is not None and spec.submodule_search_locations:
        source = Path(next(iter(spec.submodule_search_locations))) / "lang/nl/stop_words.py"
        try:
            tree = ast.parse(source.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "STOP_WORDS" for t in node.targets)
                    and isinstance(node.value, ast.Call)
                    and node.value.args
                    and isinstance(node.value.args[0], ast.Call)
                    and isinstance(node.value.args[0].func, ast.Attribute)
                    and isinstance(node.value.args[0].func.value, ast.Constant)
                    and isinstance(node.value.args[0].func.value.value, str)
                ):
                    return frozenset(node.value.args[0].func.value.value.split())
        except (OSError, SyntaxError, ValueError):
            pass
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def dutch_share(words: Sequence[str]) -> float | None:
    """Share of ``words`` that are Dutch function words (spaCy's Dutch stop words).

    Dutch running text scores about 0.4-0.5, English about 0.15. Returns None
    for fewer than ``MIN_WORDS_FOR_LANGUAGE`` words (too little to judge).
    """
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    stop = _dutch_stop_words()
    # (True counts 1: the test and the count in C, not a generator step per word)
    return sum(map(stop.__contains__, map(str.lower, words))) / len(words)


def not_dutch_warning(share: float | None) -> ExtractionWarning | None:
    """The ``not-dutch`` warning for a text whose :func:`dutch_share` is ``share``, if due."""
    if share is None or share >= DUTCH_SHARE_THRESHOLD:
        return None
    return ExtractionWarning(
        code="not-dutch",
        message=(
            f"does not look like Dutch text (only {share:.0%} of its words are "
            "Dutch function words, Dutch text has about 40%); the lexicons are "
            "Dutch, so its counts are not comparable"
        ),
    )


def words_of(text: str) -> list[str]:
    """The words of ``text`` (letters only), for :func:`dutch_share`."""
    return _WORD.findall(text)


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_output_name(name: str, *, default: str = "document") -> str:
    """A file name derived from ``name`` that stays inside the output folder.

    Path separators, ``..``, control characters and leading dots are replaced,
    so ``../../etc/passwd`` becomes ``etc_passwd``.
    """
    cleaned = _UNSAFE.sub("_", name)
    cleaned = cleaned.replace("..", "_").strip("._-")
    return cleaned[:120] or default


__all__ = [
    "Discovery",
    "Problem",
    "check_readable",
    "discover",
    "dutch_share",
    "safe_output_name",
    "sniff_content",
    "words_of",
]
