"""The pipeline: one document (:func:`analyze`) or a whole corpus (:func:`scan`).

Example:
    >>> from textscan import analyze, scan
    >>> a = analyze("corpus/veiligheidsplan-havenstad.pdf")  # doctest: +SKIP
    >>> a.profile.balance.value  # doctest: +SKIP
    >>> result = scan(["corpus/"], out="results")  # doctest: +SKIP
    >>> result.profiles[["document", "balance"]]  # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textscan.errors import InputError, TextscanError
from textscan.extract import extract
from textscan.lexicon import Lexicon, load_lexicons
from textscan.match import Matcher
from textscan.model import Document, Hit, Sentence, SentenceInfo
from textscan.profile import Profile, build_profile
from textscan.runner import ScanResult, iter_files  # noqa: F401  (iter_files re-exported)

if TYPE_CHECKING:
    import pandas as pd

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
        """The hits as the ``hits.csv`` table."""
        return hits_to_frame(self.hits)

    def sentences_frame(self) -> pd.DataFrame:
        """The sentences as the ``sentences.parquet`` table (page, section, lemmas)."""
        return sentences_to_frame(self)


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
        ocr: bool = False,
    ) -> None:
        self.lexicons = list(lexicons) if lexicons is not None else load_lexicons()
        self.engine = engine
        self.ocr = ocr
        self.matcher = Matcher(self.lexicons)

    def check_theme(self, theme: str) -> None:
        """Raise ValueError unless ``theme`` is a category or entry of a themes lexicon."""
        fields: list[str] = []
        entries: list[str] = []
        for lx in self.lexicons:
            if lx.type == "themes":
                fields += list(lx.category_ids)
                entries += [e.id for e in lx.entries]
        if theme in fields or theme in entries:
            return
        if not fields:
            raise ValueError(f"unknown theme {theme!r}: no themes lexicon is loaded")
        close = difflib.get_close_matches(theme, fields + entries, n=3)
        raise ValueError(
            f"unknown theme {theme!r}"
            + (f" (did you mean {', '.join(close)}?)" if close else "")
            + f"; a field ({', '.join(fields)}) or one of the {len(entries)} theme entries "
            "('textscan lexicon show themes' lists them)"
        )

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
            document = extract(path, engine=self.engine, name=name, ocr=self.ocr)
            stage = "annotate"
            from textscan.nlp import annotate

            sentences = annotate(document)
            # as a scan warns: a text that is not Dutch gets counts that compare with nothing
            from textscan.checks import dutch_share, not_dutch_warning

            warning = not_dutch_warning(
                dutch_share([t.text for s in sentences for t in s.tokens if t.is_word])
            )
            if warning is not None:
                document = replace(document, warnings=(*document.warnings, warning))
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
                # the pages of the part, not of the whole document (which the scope keeps)
                pages = {s.page for s in sentences if s.page is not None}
                profile = replace(
                    profile,
                    scope={"section": section, "theme": theme, "document_pages": profile.pages},
                    pages=len(pages) if profile.pages is not None else None,
                )
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
    ocr: bool = False,
) -> Analysis:
    """Analyze one file with the default (or given) lexicons."""
    return Pipeline(lexicons, engine=engine, ocr=ocr).analyze(path)


def _parts_json(parts: tuple[tuple[int, int], ...]) -> str:
    # json.dumps of the offset pairs, written out (a hot loop: thousands of hits a plan)
    return "[" + ", ".join(f"[{a}, {b}]" for a, b in parts) + "]"


def hit_columns(hits: Iterable[Hit]) -> dict[str, list[Any]]:
    """Hits as the columns of ``hits.csv``, one list each (``parts`` as JSON text).

    What a worker sends for a document: a third of the time of one dict per
    hit to build and to read back, and no column name repeated in every row.
    """
    hits = list(hits)
    columns: dict[str, list[Any]] = {
        c: [getattr(h, c) for h in hits] for c in HIT_COLUMNS if c != "parts"
    }
    columns["parts"] = [_parts_json(h.parts) for h in hits]
    return {c: columns[c] for c in HIT_COLUMNS}


#: the column types the hits table is cast to (the others are inferred)
HIT_DTYPES: dict[str, str] = {
    "page": "Int64",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
}


def concat_hit_columns(parts: Sequence[dict[str, list[Any]]]) -> dict[str, list[Any]]:
    """:func:`hit_columns` of one or many documents as one set of columns, in order."""
    return {c: [v for part in parts for v in part[c]] for c in HIT_COLUMNS}


def hits_frame_from_columns(parts: Sequence[dict[str, list[Any]]]) -> pd.DataFrame:
    """The ``hits.csv`` frame from :func:`hit_columns` of one or many documents, in order."""
    import pandas as pd

    data = concat_hit_columns(parts)
    # no hits: object columns, as from no rows (an empty list would make them float)
    frame = pd.DataFrame(data if data["document"] else None, columns=list(HIT_COLUMNS))
    return frame.astype(HIT_DTYPES)


def hits_to_frame(hits: Iterable[Hit]) -> pd.DataFrame:
    return hits_frame_from_columns([hit_columns(hits)])


def profiles_to_frame(profiles: Iterable[Profile]) -> pd.DataFrame:
    """One row per profile, columns in the order of :meth:`Profile.to_row`."""
    import pandas as pd

    frame = pd.DataFrame([p.to_row() for p in profiles])
    if "pages" in frame.columns:
        frame["pages"] = frame["pages"].astype(PROFILE_DTYPES["pages"])
    return frame


#: the column types the profiles table is cast to (the others are inferred)
PROFILE_DTYPES: dict[str, str] = {"pages": "Int64"}


SENTENCE_COLUMNS: tuple[str, ...] = (
    "document",
    "sentence_id",
    "page",
    "section_id",
    "section",
    "is_heading",
    "words",
    "text",
    "lemmas",
)


def sentence_columns(document: Document, sentences: Sequence[Sentence]) -> dict[str, list[Any]]:
    """The sentence table's columns but ``document``, as plain lists (see :func:`sentence_rows`).

    They depend on the text alone, not on any lexicon: a scan keeps them in its
    cache, so that a re-profile does not build them again.
    """
    titles = section_titles(document)
    return {
        "sentence_id": [s.id for s in sentences],
        "page": [s.page for s in sentences],
        "section_id": [s.section for s in sentences],
        "section": [titles.get(s.section) if s.section else None for s in sentences],
        "is_heading": [s.is_heading for s in sentences],
        "words": [s.words for s in sentences],
        "text": [s.text for s in sentences],
        "lemmas": [" ".join(t.lemma for t in s.tokens if t.is_word) for s in sentences],
    }


def sentence_infos(columns: dict[str, list[Any]]) -> list[SentenceInfo]:
    """The sentences of :func:`sentence_columns` without their tokens (what a profile needs)."""
    return list(
        map(
            SentenceInfo,
            columns["sentence_id"],
            columns["text"],
            columns["page"],
            columns["section_id"],
            columns["is_heading"],
            columns["words"],
        )
    )


def sentence_rows(document: Document, sentences: Sequence[Sentence]) -> list[dict[str, Any]]:
    """One row per sentence: where it stands and its word lemmas (space separated).

    ``lemmas`` holds the lemmas of the tokens that are words, lowercased, so a
    corpus can be re-analysed (keyness, scaling, suggestions) without the PDFs.
    """
    columns = sentence_columns(document, sentences)
    names = SENTENCE_COLUMNS[1:]
    return [
        {"document": document.name} | dict(zip(names, values, strict=True))
        for values in zip(*(columns[c] for c in names), strict=True)
    ]


def sentences_frame_from_rows(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The ``sentences.parquet`` frame from :func:`sentence_rows` output."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    return frame.astype({"page": "Int64"})


#: the column types the sentence table is cast to (the others are inferred)
SENTENCE_DTYPES: dict[str, str] = {"page": "Int64"}


def concat_sentence_columns(
    parts: Sequence[tuple[str, dict[str, list[Any]]]],
) -> dict[str, list[Any]]:
    """Many documents' :func:`sentence_columns` as one set of columns with ``document``.

    ``parts`` holds (document name, columns) pairs, in the order of the rows.
    """
    data: dict[str, list[Any]] = {c: [] for c in SENTENCE_COLUMNS}
    for name, columns in parts:
        data["document"].extend([name] * len(columns["sentence_id"]))
        for c in SENTENCE_COLUMNS[1:]:
            data[c].extend(columns[c])
    return data


def sentences_frame_from_columns(parts: Sequence[tuple[str, dict[str, list[Any]]]]) -> pd.DataFrame:
    """The ``sentences.parquet`` frame of many documents' :func:`sentence_columns`."""
    import pandas as pd

    frame = pd.DataFrame(concat_sentence_columns(parts), columns=list(SENTENCE_COLUMNS))
    return frame.astype(SENTENCE_DTYPES)


def sentences_to_frame(analysis: Analysis) -> pd.DataFrame:
    """The sentences of one analysis as a frame (see :func:`sentence_rows`)."""
    return sentences_frame_from_rows(sentence_rows(analysis.document, analysis.sentences))


def scan(paths: Iterable[str | Path], out: str | Path | None = None, **options: Any) -> ScanResult:
    """Analyze every supported file under ``paths``; see :func:`textscan.runner.scan`.

    Runs in worker processes (``jobs``), with a time and memory limit per
    file, a cache of extracted and annotated documents, and resumable output.
    """
    from textscan.runner import scan as run_scan

    return run_scan(paths, out, **options)
