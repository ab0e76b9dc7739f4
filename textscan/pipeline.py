"""The pipeline: one document (:func:`analyze`) or a whole corpus (:func:`scan`).

Example:
    >>> from textscan import analyze, scan
    >>> a = analyze("corpus/veiligheidsplan-havenstad.pdf")  # doctest: +SKIP
    >>> a.profile.balance.value  # doctest: +SKIP
    >>> result = scan(["corpus/"], out="results")  # doctest: +SKIP
    >>> result.profiles[["document", "balance"]]  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from textscan.errors import InputError, TextscanError
from textscan.extract import extract
from textscan.lexicon import Lexicon, load_lexicons
from textscan.match import Matcher
from textscan.model import Document, Hit, Sentence
from textscan.nlp import annotate
from textscan.profile import Profile, build_profile
from textscan.runner import ScanResult

HIT_COLUMNS: tuple[str, ...] = (
    "document",
    "page",
    "section",
    "sentence_id",
    "sentence",
    "start",
    "end",
    "text",
    "lemma",
    "category",
    "entry",
    "lexicon",
    "negated",
    "negator",
    "match_kind",
    "parts",
)


@dataclass(frozen=True)
class Analysis:
    """Everything textscan knows about one document."""

    document: Document
    sentences: list[Sentence]
    hits: list[Hit]
    profile: Profile

    def hits_frame(self) -> pd.DataFrame:
        return hits_to_frame(self.hits)


class StageError(TextscanError):
    """A document failed in a named stage; wraps the original error."""

    def __init__(self, path: str, stage: str, error: BaseException) -> None:
        self.path = path
        self.stage = stage
        self.error = error
        self.kind = getattr(error, "kind", type(error).__name__)
        msg = error.message if isinstance(error, InputError) else str(error)
        self.message = msg
        super().__init__(f"{path}: {stage} failed: {msg}")


def section_titles(document: Document) -> dict[str, str]:
    return {s.id: s.title for s in document.sections}


class Pipeline:
    """Extract, annotate, match and profile, with lexicons and matcher built once.

    Reuse one Pipeline for many documents: building the matcher is the costly
    part of a lexicon change, the NLP pipeline is shared per process.
    """

    def __init__(
        self,
        lexicons: Sequence[Lexicon] | None = None,
        *,
        engine: str = "auto",
    ) -> None:
        self.lexicons = list(lexicons) if lexicons is not None else load_lexicons()
        self.engine = engine
        self.matcher = Matcher(self.lexicons)

    def analyze(self, path: str | Path, *, name: str | None = None) -> Analysis:
        """Run every stage on one file; a failure raises :class:`StageError`."""
        p = str(path)
        stage = "extract"
        try:
            document = extract(path, engine=self.engine, name=name)
            stage = "annotate"
            sentences = annotate(document)
            stage = "match"
            hits = self.matcher.match(sentences, document.name, section_titles(document))
            stage = "profile"
            profile = build_profile(document, sentences, hits, self.lexicons)
        except StageError:
            raise
        except (TextscanError, OSError, ValueError, RuntimeError, MemoryError) as exc:
            raise StageError(p, stage, exc) from exc
        return Analysis(document, sentences, hits, profile)


def analyze(
    path: str | Path,
    *,
    lexicons: Sequence[Lexicon] | None = None,
    engine: str = "auto",
) -> Analysis:
    """Analyze one file with the default (or given) lexicons."""
    return Pipeline(lexicons, engine=engine).analyze(path)


def hit_rows(hits: Iterable[Hit]) -> list[dict[str, Any]]:
    """Hits as plain rows with the columns of ``hits.csv`` (``parts`` as JSON)."""
    rows = []
    for h in hits:
        d = asdict(h)
        d["parts"] = json.dumps([list(p) for p in h.parts])
        rows.append({c: d[c] for c in HIT_COLUMNS})
    return rows


def hits_frame_from_rows(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The ``hits.csv`` frame from :func:`hit_rows` output (of one or many documents)."""
    frame = pd.DataFrame(rows, columns=list(HIT_COLUMNS))
    return frame.astype({"page": "Int64", "sentence_id": "int64", "start": "int64", "end": "int64"})


def hits_to_frame(hits: Iterable[Hit]) -> pd.DataFrame:
    return hits_frame_from_rows(hit_rows(hits))


def profiles_to_frame(profiles: Iterable[Profile]) -> pd.DataFrame:
    """One row per profile, columns in the order of :meth:`Profile.to_row`."""
    frame = pd.DataFrame([p.to_row() for p in profiles])
    if "pages" in frame.columns:
        frame["pages"] = frame["pages"].astype("Int64")
    return frame


SENTENCE_COLUMNS: tuple[str, ...] = (
    "document", "sentence_id", "page", "section_id", "section", "is_heading", "words",
    "text", "lemmas",
)


def sentence_rows(document: Document, sentences: Sequence[Sentence]) -> list[dict[str, Any]]:
    """One row per sentence: where it stands and its word lemmas (space separated).

    ``lemmas`` holds the lemmas of the tokens that are words, lowercased, so a
    corpus can be re-analysed (keyness, scaling, suggestions) without the PDFs.
    """
    titles = section_titles(document)
    return [
        {
            "document": document.name,
            "sentence_id": s.id,
            "page": s.page,
            "section_id": s.section,
            "section": titles.get(s.section) if s.section else None,
            "is_heading": s.is_heading,
            "words": s.words,
            "text": s.text,
            "lemmas": " ".join(t.lemma for t in s.tokens if t.is_word),
        }
        for s in sentences
    ]


def sentences_frame_from_rows(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The ``sentences.parquet`` frame from :func:`sentence_rows` output."""
    frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    return frame.astype({"page": "Int64"})


def sentences_to_frame(analysis: Analysis) -> pd.DataFrame:
    """The sentences of one analysis as a frame (see :func:`sentence_rows`)."""
    return sentences_frame_from_rows(sentence_rows(analysis.document, analysis.sentences))


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    """Supported files under ``paths`` (files as given, folders walked), sorted, once each."""
    from textscan.checks import discover

    return discover(paths).files


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    write_atomic(path, lambda tmp: frame.to_csv(tmp, index=False))


def scan(paths: Iterable[str | Path], out: str | Path | None = None, **options: Any) -> ScanResult:
    """Analyze every supported file under ``paths``; see :func:`textscan.runner.scan`.

    Runs in worker processes (``jobs``), with a time and memory limit per
    file, a cache of extracted and annotated documents, and resumable output.
    """
    from textscan.runner import scan as run_scan

    return run_scan(paths, out, **options)
