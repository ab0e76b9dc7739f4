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
import re
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from textscan._version import __version__
from textscan.errors import InputError, TextscanError
from textscan.extract import SUPPORTED_SUFFIXES, extract, file_sha256
from textscan.lexicon import Lexicon, load_lexicons
from textscan.match import Matcher
from textscan.model import Document, Hit, Sentence
from textscan.nlp import annotate
from textscan.profile import Profile, build_profile

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
FAILURE_COLUMNS: tuple[str, ...] = ("file", "sha256", "stage", "error", "message", "pages")


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

    def check_theme(self, theme: str) -> None:
        """Raise ValueError unless ``theme`` is a category or entry of a themes lexicon."""
        known: list[str] = []
        for lx in self.lexicons:
            if lx.type == "themes":
                known += list(lx.category_ids) + [e.id for e in lx.entries]
        if theme not in known:
            shown = ", ".join(sorted(known)[:40]) or "no themes lexicon is loaded"
            raise ValueError(f"unknown theme {theme!r} (valid: {shown})")

    def analyze(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        section: str | None = None,
        theme: str | None = None,
    ) -> Analysis:
        """Run every stage on one file; a failure raises :class:`StageError`.

        ``section`` (a case-insensitive regular expression on section titles)
        and ``theme`` (a category or entry id of a themes lexicon) limit the
        profile to part of the document; see :func:`select`.
        """
        p = str(path)
        if theme is not None:
            self.check_theme(theme)
        stage = "extract"
        try:
            document = extract(path, engine=self.engine, name=name)
            stage = "annotate"
            sentences = annotate(document)
            stage = "match"
            hits = self.matcher.match(sentences, document.name, section_titles(document))
            if section is not None or theme is not None:
                themes = {lx.name for lx in self.lexicons if lx.type == "themes"}
                sentences, hits = select(
                    document, sentences, hits, section=section, theme=theme, theme_lexicons=themes
                )
            stage = "profile"
            profile = build_profile(document, sentences, hits, self.lexicons)
            if section is not None or theme is not None:
                profile = replace(profile, scope={"section": section, "theme": theme})
        except StageError:
            raise
        except (TextscanError, OSError, ValueError, RuntimeError, MemoryError) as exc:
            raise StageError(p, stage, exc) from exc
        return Analysis(document, sentences, hits, profile)


def select(
    document: Document,
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    section: str | None = None,
    theme: str | None = None,
    theme_lexicons: Collection[str] | None = None,
) -> tuple[list[Sentence], list[Hit]]:
    """The sentences (and their hits) in matching sections and/or mentioning a theme.

    ``section`` matches any title on the sentence's section path, so "jeugd"
    selects a chapter "4. Jeugd en veiligheid" with all its subsections.
    ``theme`` is a category (field) or entry (theme) id of one of
    ``theme_lexicons`` (default: any lexicon); a sentence qualifies when it
    has a non-negated hit of it.
    """
    keep = {s.id for s in sentences}
    if section is not None:
        try:
            rx = re.compile(section, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"section pattern {section!r} is not valid: {exc}") from None
        keep &= {
            s.id for s in sentences if any(rx.search(t) for t in document.section_path(s.section))
        }
    if theme is not None:
        keep &= {
            h.sentence_id
            for h in hits
            if not h.negated
            and theme in (h.category, h.entry)
            and (theme_lexicons is None or h.lexicon in theme_lexicons)
        }
    return [s for s in sentences if s.id in keep], [h for h in hits if h.sentence_id in keep]


def analyze(
    path: str | Path,
    *,
    lexicons: Sequence[Lexicon] | None = None,
    engine: str = "auto",
) -> Analysis:
    """Analyze one file with the default (or given) lexicons."""
    return Pipeline(lexicons, engine=engine).analyze(path)


def hits_to_frame(hits: Iterable[Hit]) -> pd.DataFrame:
    rows = []
    for h in hits:
        d = asdict(h)
        d["parts"] = json.dumps([list(p) for p in h.parts])
        rows.append({c: d[c] for c in HIT_COLUMNS})
    frame = pd.DataFrame(rows, columns=list(HIT_COLUMNS))
    return frame.astype({"page": "Int64", "sentence_id": "int64", "start": "int64", "end": "int64"})


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


def sentences_to_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per sentence: where it stands and its word lemmas (space separated).

    ``lemmas`` holds the lemmas of the tokens that are words, lowercased, so a
    corpus can be re-analysed (keyness, scaling, suggestions) without the PDFs.
    """
    titles = section_titles(analysis.document)
    rows = [
        {
            "document": analysis.document.name,
            "sentence_id": s.id,
            "page": s.page,
            "section_id": s.section,
            "section": titles.get(s.section) if s.section else None,
            "is_heading": s.is_heading,
            "words": s.words,
            "text": s.text,
            "lemmas": " ".join(t.lemma for t in s.tokens if t.is_word),
        }
        for s in analysis.sentences
    ]
    frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    return frame.astype({"page": "Int64"})


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    """Supported files under ``paths`` (files as given, folders walked), sorted, once each."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if f.startswith(".") or fp.suffix.lower() not in SUPPORTED_SUFFIXES:
                        continue
                    key = fp.resolve()
                    if key not in seen:
                        seen.add(key)
                        found.append(fp)
        else:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found


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


@dataclass
class ScanResult:
    """The outputs of :func:`scan` as DataFrames, and where they were written."""

    profiles: pd.DataFrame
    hits: pd.DataFrame
    failures: pd.DataFrame
    out: Path | None
    files: list[Path] = field(default_factory=list)
    profile_objects: list[Profile] = field(default_factory=list)
    sentences: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        return self.failures.empty


def _failure_row(path: Path, exc: BaseException, stage: str) -> dict[str, Any]:
    try:
        sha = file_sha256(path) if path.is_file() else ""
    except OSError:
        sha = ""
    kind = getattr(exc, "kind", type(exc).__name__)
    message = getattr(exc, "message", None) or str(exc)
    return {
        "file": str(path),
        "sha256": sha,
        "stage": getattr(exc, "stage", stage),
        "error": kind,
        "message": message,
        "pages": "",
    }


def scan(
    paths: Iterable[str | Path],
    out: str | Path | None = None,
    *,
    lexicons: Sequence[Lexicon] | None = None,
    engine: str = "auto",
    on_progress: Callable[[Path, str], None] | None = None,
) -> ScanResult:
    """Analyze every supported file under ``paths``; a failing file never stops the batch.

    With ``out``, writes ``profiles.csv``, ``profiles.jsonl`` (full profiles),
    ``hits.csv``, ``sentences.parquet`` (sentences with lemmas, for corpus
    comparison), ``failures.csv`` (header only when nothing failed) and
    ``provenance.json``, each atomically.
    ``on_progress(path, status)`` is called after each file ("ok" or "failed").
    """
    pipeline = Pipeline(lexicons, engine=engine)
    files = iter_files(paths)
    profiles: list[Profile] = []
    hit_frames: list[pd.DataFrame] = []
    sentence_frames: list[pd.DataFrame] = []
    failures: list[dict[str, Any]] = []
    for f in files:
        try:
            analysis = pipeline.analyze(f)
        except StageError as exc:
            failures.append(_failure_row(f, exc, exc.stage))
            if on_progress:
                on_progress(f, "failed")
            continue
        profiles.append(analysis.profile)
        hit_frames.append(analysis.hits_frame())
        sentence_frames.append(sentences_to_frame(analysis))
        if on_progress:
            on_progress(f, "ok")
    profile_frame = profiles_to_frame(profiles)
    hits_frame = (
        pd.concat(hit_frames, ignore_index=True)
        if hit_frames
        else pd.DataFrame(columns=list(HIT_COLUMNS))
    )
    failure_frame = pd.DataFrame(failures, columns=list(FAILURE_COLUMNS))
    sentence_frame = (
        pd.concat(sentence_frames, ignore_index=True)
        if sentence_frames
        else pd.DataFrame(columns=list(SENTENCE_COLUMNS))
    )
    out_path = Path(out) if out is not None else None
    if out_path is not None:
        write_csv(profile_frame, out_path / "profiles.csv")
        write_csv(hits_frame, out_path / "hits.csv")
        write_csv(failure_frame, out_path / "failures.csv")
        write_atomic(
            out_path / "sentences.parquet",
            lambda tmp: sentence_frame.to_parquet(tmp, index=False),
        )
        write_atomic(
            out_path / "profiles.jsonl",
            lambda tmp: tmp.write_text(
                "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in profiles),
                encoding="utf-8",
            ),
        )
        provenance = {
            "textscan_version": __version__,
            "engine": engine,
            "lexicons": [
                {"name": lx.name, "version": lx.version, "sha256": lx.sha256, "path": lx.path}
                for lx in pipeline.lexicons
            ],
            "files": len(files),
            "processed": len(profiles),
            "failed": len(failures),
        }
        write_atomic(
            out_path / "provenance.json",
            lambda tmp: tmp.write_text(json.dumps(provenance, indent=2), encoding="utf-8"),
        )
    return ScanResult(
        profile_frame, hits_frame, failure_frame, out_path, files, profiles, sentence_frame
    )
