"""Corpus comparison: where each plan stands among its peers, what sets it apart, how plans group.

Works on the outputs of :func:`textscan.scan` (a results folder with
``profiles.csv``, ``hits.csv``, ``sentences.parquet`` and ``provenance.json``),
so a corpus is compared without reading its PDFs again.

- :func:`measure_table`: every profile measure with its percentile rank and z-score;
- :func:`keyness`: lemmas that set a document (or a group) apart from the rest,
  by signed log-likelihood G² (Dunning 1993) and by the log-odds ratio with an
  informative Dirichlet prior (Monroe, Colaresi & Quinn 2008);
- :class:`LSSScaler`: Latent Semantic Scaling (Watanabe 2021) from seed words,
  as a scikit-learn style estimator;
- :func:`profile_pca` and :func:`cluster_profiles`: PCA and agglomerative
  clustering of the standardised profile measures, with silhouette scores;
- :func:`load_manifest`, :func:`join_manifest`, :func:`group_summary`: metadata
  (municipality, CBS code, province, period, population, ...) joined by document;
- :func:`compare`: all of the above written as CSV, Parquet and one Excel workbook;
- :func:`suggest`: candidate lexicon entries close to a category in the corpus's
  SVD space, with counts and KWIC lines, for a person to accept or reject.

Example:
    >>> from textscan.compare import load_results, keyness, LSSScaler
    >>> res = load_results("results/")  # doctest: +SKIP
    >>> keyness(res.sentences, "veiligheidsplan-havenstad").head()  # doctest: +SKIP
    >>> LSSScaler().fit(res.sentences).transform(res.sentences)  # doctest: +SKIP
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import math
import re
import time
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy.stats import chi2
from sklearn.cluster import AgglomerativeClustering
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.metrics import silhouette_samples, silhouette_score
from threadpoolctl import threadpool_limits

from textscan._version import __version__
from textscan.errors import TextscanError
from textscan.lexicon import Lexicon, load_lexicon, load_lexicons

__all__ = [
    "ComparisonResult",
    "LSSScaler",
    "LemmaSpace",
    "Results",
    "ResultsError",
    "cluster_profiles",
    "compare",
    "default_seeds",
    "effective_components",
    "group_summary",
    "join_manifest",
    "keyness",
    "load_manifest",
    "load_results",
    "measure_columns",
    "measure_table",
    "profile_pca",
    "suggest",
]


class ResultsError(TextscanError):
    """Results, a manifest or a comparison request cannot be used; names the file or value."""

    kind = "results"

    def __init__(self, source: str | Path, message: str) -> None:
        self.source = str(source)
        self.message = message
        super().__init__(f"{self.source}: {message}" if self.source else message)


# --------------------------------------------------------------------------- loading

RESULT_FILES: tuple[str, ...] = (
    "profiles.csv",
    "profiles.jsonl",
    "hits.csv",
    "sentences.parquet",
    "provenance.json",
)
_REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "profiles": ("document",),
    "hits": ("document", "category"),
    "sentences": ("document", "sentence_id", "lemmas"),
}


@dataclass
class Results:
    """The outputs of one or more scans, ready to compare.

    ``profiles`` has one row per document (``profiles.csv``), ``hits`` one row
    per hit, ``sentences`` one row per sentence with its lemmas (empty frames
    when a results folder lacks the file). ``provenance`` merges the scans'
    provenance: textscan versions, lexicons with their hashes, and sources.
    """

    profiles: pd.DataFrame
    hits: pd.DataFrame
    sentences: pd.DataFrame
    provenance: dict[str, Any]
    profile_json: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        """Document ids in the order of ``profiles``."""
        return self.profiles["document"].astype(str).tolist()

    def require_sentences(self) -> pd.DataFrame:
        """``sentences``, or a :class:`ResultsError` saying how to get them."""
        if self.sentences.empty:
            where = ", ".join(self.sources) or "these results"
            raise ResultsError(
                where,
                "no sentences.parquet (sentence lemmas are needed for keyness, scaling and "
                "suggestions); scan the documents again with this textscan version",
            )
        return self.sentences

    @classmethod
    def from_scan(cls, result: Any, lexicons: Sequence[Lexicon] | None = None) -> Results:
        """Results from an in-memory :class:`textscan.pipeline.ScanResult`."""
        lexs = list(lexicons) if lexicons is not None else load_lexicons()
        prov = {
            "textscan_versions": [__version__],
            "lexicons": [_lexicon_record(lx) for lx in lexs],
            "sources": ["(in-memory scan)"],
        }
        sentences = result.sentences if result.sentences is not None else pd.DataFrame()
        return cls(
            profiles=result.profiles.copy(),
            hits=result.hits.copy(),
            sentences=sentences.copy(),
            provenance=prov,
            profile_json=[p.to_dict() for p in result.profile_objects],
            sources=["(in-memory scan)"],
        )


def _lexicon_record(lx: Lexicon) -> dict[str, Any]:
    return {"name": lx.name, "version": lx.version, "sha256": lx.sha256}


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".jsonl") and name.startswith("profiles"):
        return "profile_json"
    if name.endswith(".csv") and name.startswith("profiles"):
        return "profiles"
    if name.endswith(".csv") and name.startswith("hits"):
        return "hits"
    if name.endswith(".parquet") and name.startswith("sentences"):
        return "sentences"
    if name.endswith(".json") and name.startswith("provenance"):
        return "provenance"
    return None


def _read(kind: str, path: Path) -> Any:
    try:
        if kind in ("profiles", "hits"):
            frame = pd.read_csv(path, keep_default_na=True)
        elif kind == "sentences":
            frame = pd.read_parquet(path)
        elif kind == "provenance":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ResultsError(path, "provenance must be a JSON object")
            return data
        else:  # profile_json
            out = []
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if line.strip():
                    try:
                        out.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise ResultsError(path, f"line {i}: not JSON ({exc.msg})") from None
            return out
    except ResultsError:
        raise
    except pd.errors.EmptyDataError:
        raise ResultsError(path, "is empty (expected a CSV header at least)") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ResultsError(path, f"is not a readable CSV file ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ResultsError(path, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except OSError as exc:
        raise ResultsError(path, f"cannot be read ({exc.strerror or exc})") from None
    except Exception as exc:  # pyarrow raises its own types for broken Parquet
        raise ResultsError(path, f"is not a readable Parquet file ({exc})") from None
    missing = [c for c in _REQUIRED_COLUMNS[kind] if c not in frame.columns]
    if missing:
        raise ResultsError(
            path,
            f"is not a textscan {kind} table: column(s) {', '.join(missing)} missing "
            f"(found: {', '.join(map(str, frame.columns[:12]))})",
        )
    frame["document"] = frame["document"].astype(str)
    return frame


def load_results(paths: str | Path | Iterable[str | Path]) -> Results:
    """Load one or more results folders (or their files) written by ``textscan scan``.

    A folder must hold ``profiles.csv``; ``hits.csv``, ``sentences.parquet``,
    ``profiles.jsonl`` and ``provenance.json`` are read when present. Files can
    also be given one by one (``profiles*.csv``, ``hits*.csv``,
    ``sentences*.parquet``, ``profiles*.jsonl``, ``provenance*.json``). Several
    scans are combined; a document found in two of them, or scans made with
    different versions of the same lexicon, raise :class:`ResultsError`.

    Example:
        >>> res = load_results(["results-2023/", "results-2024/"])  # doctest: +SKIP
        >>> res.profiles[["document", "balance"]]  # doctest: +SKIP
    """
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    if not items:
        raise ResultsError("", "no results given")
    found: dict[str, list[tuple[Path, Any]]] = {
        "profiles": [],
        "hits": [],
        "sentences": [],
        "provenance": [],
        "profile_json": [],
    }
    sources: list[str] = []
    for raw in items:
        p = Path(raw)
        if not p.exists():
            raise ResultsError(p, "no such file or folder")
        if p.is_dir():
            if not (p / "profiles.csv").is_file():
                raise ResultsError(
                    p,
                    "not a textscan results folder: no profiles.csv "
                    f"(make one with: textscan scan DOCUMENTS --out {p})",
                )
            for name in RESULT_FILES:
                f = p / name
                if f.is_file():
                    kind = _kind_of(f)
                    assert kind is not None
                    found[kind].append((f, _read(kind, f)))
        else:
            kind = _kind_of(p)
            if kind is None:
                raise ResultsError(
                    p,
                    "not a textscan results file (expected profiles*.csv, hits*.csv, "
                    "sentences*.parquet, profiles*.jsonl or provenance*.json, or a results folder)",
                )
            found[kind].append((p, _read(kind, p)))
        sources.append(str(p))
    if not found["profiles"]:
        raise ResultsError(", ".join(sources), "no profiles.csv among the given results")
    owner: dict[str, Path] = {}
    for path, frame in found["profiles"]:
        for doc in frame["document"]:
            if doc in owner:
                where = "twice" if owner[doc] == path else f"also in {owner[doc]}"
                raise ResultsError(path, f"document {doc!r} appears {where}; give each once")
            owner[doc] = path

    def cat(kind: str) -> pd.DataFrame:
        frames = [f for _, f in found[kind]]
        if not frames:
            return pd.DataFrame(columns=list(_REQUIRED_COLUMNS[kind]))
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]

    return Results(
        profiles=cat("profiles"),
        hits=cat("hits"),
        sentences=cat("sentences"),
        provenance=_merge_provenance(found["provenance"], found["profiles"], sources),
        profile_json=[d for _, lst in found["profile_json"] for d in lst],
        sources=sources,
    )


def _merge_provenance(
    provs: list[tuple[Path, dict[str, Any]]],
    profiles: list[tuple[Path, pd.DataFrame]],
    sources: list[str],
) -> dict[str, Any]:
    versions: list[str] = []
    lexicons: dict[str, tuple[dict[str, Any], Path]] = {}
    for path, prov in provs:
        v = prov.get("textscan_version")
        if v and v not in versions:
            versions.append(str(v))
        for lx in prov.get("lexicons", []) or []:
            if not isinstance(lx, dict) or "name" not in lx:
                raise ResultsError(path, "'lexicons' must be a list of objects with a 'name'")
            rec = {k: lx.get(k) for k in ("name", "version", "sha256")}
            prev = lexicons.get(rec["name"])
            if prev is not None and prev[0]["sha256"] != rec["sha256"]:
                raise ResultsError(
                    path,
                    f"made with lexicon {rec['name']!r} {rec['version']} "
                    f"(sha256 {str(rec['sha256'])[:12]}), but {prev[1]} with "
                    f"{prev[0]['version']} (sha256 {str(prev[0]['sha256'])[:12]}); "
                    "scan all documents with the same lexicons to compare them",
                )
            lexicons.setdefault(rec["name"], (rec, path))
    if not provs:  # fall back on the provenance columns of profiles.csv
        for _, frame in profiles:
            for col in ("textscan_version",):
                if col in frame.columns:
                    for v in frame[col].dropna().astype(str).unique():
                        if v not in versions:
                            versions.append(v)
            if {"lexicon", "lexicon_sha256"} <= set(frame.columns):
                for lex, sha in (
                    frame[["lexicon", "lexicon_sha256"]]
                    .dropna()
                    .drop_duplicates()
                    .itertuples(index=False)
                ):
                    name, _, version = str(lex).partition("@")
                    lexicons.setdefault(
                        name, ({"name": name, "version": version, "sha256": sha}, Path())
                    )
    return {
        "textscan_versions": versions,
        "lexicons": [rec for rec, _ in lexicons.values()],
        "sources": sources,
    }


def _lexicon_label(provenance: Mapping[str, Any]) -> str:
    return "; ".join(
        f"{lx['name']}@{lx.get('version')}:{str(lx.get('sha256') or '')[:12]}"
        for lx in provenance.get("lexicons", [])
    )


# --------------------------------------------------------------------------- manifest


def _parse_manifest_column(col: pd.Series) -> pd.Series:
    """Numbers become numbers, except codes with leading zeros (CBS "0363") stay text."""
    values = col.dropna().astype(str).str.strip()
    values = values[values != ""]
    if values.empty:
        return col
    if values.str.match(r"^-?0\d").any():
        return col
    num = pd.to_numeric(values.str.replace(",", ".", regex=False), errors="coerce")
    if num.notna().all():
        return pd.to_numeric(col.astype(str).str.replace(",", ".", regex=False), errors="coerce")
    return col


def load_manifest(manifest: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read a manifest: one row per document with any metadata columns.

    The document is named by a ``document`` column (the file stem, as in
    ``profiles.csv``), else a ``file`` column (matched by its stem), else an
    ``id`` column. Columns that
    hold only numbers become numeric, except codes with leading zeros
    (CBS ``0363``), which stay text. CSV with comma or semicolon separators.

    Example:
        >>> load_manifest("manifest.csv").columns.tolist()  # doctest: +SKIP
        ['document', 'municipality', 'cbs_code', 'province', 'period', 'population']
    """
    source = "manifest" if isinstance(manifest, pd.DataFrame) else str(manifest)
    if isinstance(manifest, pd.DataFrame):
        frame = manifest.copy()
    else:
        p = Path(manifest)
        if not p.is_file():
            raise ResultsError(p, "no such manifest file")
        try:
            frame = pd.read_csv(p, dtype=str, sep=None, engine="python", encoding="utf-8-sig")
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
            raise ResultsError(p, f"is not a readable CSV file ({exc})") from None
        frame = frame.apply(_parse_manifest_column)
    frame.columns = [str(c).strip() for c in frame.columns]
    lower = {c.lower(): c for c in frame.columns}
    if "document" in lower:
        key = lower["document"]
        ids = frame[key].astype(str).str.strip()
    elif "file" in lower:
        # before 'id': a document's id in the results is its file's stem
        key = lower["file"]
        ids = frame[key].astype(str).str.strip().map(lambda s: Path(s.replace("\\", "/")).stem)
    elif "id" in lower:
        key = lower["id"]
        ids = frame[key].astype(str).str.strip()
    else:
        raise ResultsError(
            source,
            "needs a 'document' (or 'id') column with document ids, or a 'file' column "
            f"(found: {', '.join(frame.columns)})",
        )
    frame = frame.drop(columns=[key])
    frame.insert(0, "document", ids)
    dups = sorted(frame.loc[frame["document"].duplicated(), "document"].unique())
    if dups:
        raise ResultsError(source, f"document(s) listed more than once: {', '.join(dups[:10])}")
    return frame.reset_index(drop=True)


def join_manifest(table: pd.DataFrame, manifest: str | Path | pd.DataFrame) -> pd.DataFrame:
    """``table`` (with a ``document`` column) with the manifest's columns after ``document``.

    Every row of ``table`` is kept; documents missing from the manifest get empty
    metadata. A manifest column whose name is already in ``table`` is suffixed
    ``_manifest``. Raises :class:`ResultsError` if no document matches at all.
    """
    meta = load_manifest(manifest)
    source = "manifest" if isinstance(manifest, pd.DataFrame) else str(manifest)
    docs = set(table["document"].astype(str))
    if docs and not docs & set(meta["document"]):
        raise ResultsError(
            source,
            "no manifest row matches a document of the results (documents are file stems, "
            f"e.g. {sorted(docs)[0]!r}; manifest has e.g. {meta['document'].iloc[0]!r})"
            if len(meta)
            else "has no rows",
        )
    meta = meta.rename(
        columns={c: f"{c}_manifest" for c in meta.columns if c != "document" and c in table}
    )
    merged = table.merge(meta, on="document", how="left")
    cols = ["document", *[c for c in meta.columns if c != "document"]]
    return merged[cols + [c for c in merged.columns if c not in cols]]


# --------------------------------------------------------------------------- measures

_NOT_MEASURES = {
    "document",
    "path",
    "sha256",
    "warnings",
    "lexicon",
    "lexicon_sha256",
    "textscan_version",
}


def measure_columns(profiles: pd.DataFrame) -> list[str]:
    """The numeric profile measures of ``profiles``, in their column order.

    Interval bounds (``*_ci_low``, ``*_ci_high``) are not measures of their own.
    """
    out = []
    for c in profiles.columns:
        if c in _NOT_MEASURES or c.endswith(("_ci_low", "_ci_high")):
            continue
        col = profiles[c]
        if pd.api.types.is_bool_dtype(col):
            continue
        if pd.api.types.is_numeric_dtype(col):
            out.append(c)
    return out


def scaling_columns(profiles: pd.DataFrame) -> list[str]:
    """Measures that describe framing independently of a plan's length.

    Rates, shares, the balance and other indices; raw counts (``*_count``,
    ``*_negated``) and size (words, sentences, pages) are left out, so a long
    plan does not stand apart merely for being long. Used by PCA and clustering.
    """
    return [
        c
        for c in measure_columns(profiles)
        if c not in ("words", "sentences", "pages")
        and not c.endswith(("_count", "_negated"))
        and not c.startswith("balance_ci")
    ]


def percentile_rank(values: pd.Series) -> pd.Series:
    """Percentile rank 0-100: share of the other values below, ties counted half.

    ``(below + 0.5 * equal) / n * 100`` over the non-missing values (the "mean"
    kind of :func:`scipy.stats.percentileofscore`); missing values stay missing.
    """
    x = pd.to_numeric(values, errors="coerce").astype(float)
    ok = x.dropna()
    n = len(ok)
    if n == 0:
        return pd.Series(np.nan, index=values.index)
    ranks = ok.rank(method="average")  # 1-based; ties share the mean rank
    pct = (ranks - 0.5) / n * 100.0
    return pct.reindex(values.index)


def z_score(values: pd.Series) -> pd.Series:
    """Standard score with the sample standard deviation; 0 where all values are equal."""
    x = pd.to_numeric(values, errors="coerce").astype(float)
    sd = x.std(ddof=1)
    if not np.isfinite(sd) or sd == 0:
        return x.where(x.isna(), 0.0)
    return (x - x.mean()) / sd


def measure_table(
    profiles: pd.DataFrame, manifest: str | Path | pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every numeric profile measure of every document, with percentile rank and z-score.

    Columns: ``document``, the manifest's columns (if given), then for each
    measure ``m``: ``m``, ``m_pct`` (percentile rank, 0-100) and ``m_z``
    (z-score); interval bounds follow their measure without ranks
    (``balance``, ``balance_ci_low``, ``balance_ci_high``, ``balance_pct``,
    ``balance_z``). A document without a value (balance with no framing at
    all) has no rank and is left out of the others' ranks.

    Example:
        >>> t = measure_table(load_results("results/").profiles)  # doctest: +SKIP
        >>> t[["document", "balance", "balance_pct", "balance_z"]]  # doctest: +SKIP
    """
    if "document" not in profiles.columns:
        raise ResultsError("profiles", "needs a 'document' column")
    out: dict[str, pd.Series] = {"document": profiles["document"].astype(str)}
    for m in measure_columns(profiles):
        out[m] = pd.to_numeric(profiles[m], errors="coerce").astype(float)
        for bound in ("_ci_low", "_ci_high"):
            if f"{m}{bound}" in profiles.columns:
                out[f"{m}{bound}"] = pd.to_numeric(profiles[f"{m}{bound}"], errors="coerce")
        out[f"{m}_pct"] = percentile_rank(out[m])
        out[f"{m}_z"] = z_score(out[m])
    table = pd.DataFrame(out).reset_index(drop=True)
    if manifest is not None:
        table = join_manifest(table, manifest)
    return table


def group_summary(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per value of column ``by``: number of documents, and mean and median of each measure.

    ``table`` is a :func:`measure_table` (usually with a manifest joined) or a
    profiles frame. Ranks and z-scores are not summarised (they are relative to
    the whole corpus already); documents without a value of ``by`` form no group.

    Example:
        >>> group_summary(measure_table(profiles, "manifest.csv"), by="province")  # doctest: +SKIP
    """
    if by not in table.columns:
        raise ResultsError(
            "group_by", f"no column {by!r} (available: {', '.join(map(str, table.columns))})"
        )
    measures = [c for c in measure_columns(table) if c != by and not c.endswith(("_pct", "_z"))]
    rows = []
    for value, grp in table.dropna(subset=[by]).groupby(by, sort=True):
        row: dict[str, Any] = {by: value, "documents": len(grp)}
        for m in measures:
            row[f"{m}_mean"] = grp[m].mean()
            row[f"{m}_median"] = grp[m].median()
        rows.append(row)
    cols = [by, "documents", *[f"{m}_{s}" for m in measures for s in ("mean", "median")]]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- keyness

#: Lemmas of stopword forms that the spaCy list has only as forms (it lists "wil", "moet").
_EXTRA_STOPWORDS = frozenset({"willen", "gaan", "zo'n", "'s", "zullen", "kunnen", "mogen"})


def dutch_stopwords() -> frozenset[str]:
    """spaCy's Dutch stopword list plus lemma forms of the auxiliaries it lists as forms."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS) | _EXTRA_STOPWORDS


def _stopset(stopwords: bool | Iterable[str]) -> frozenset[str]:
    if stopwords is True:
        return dutch_stopwords()
    if stopwords is False:
        return frozenset()
    return frozenset(str(w).lower() for w in stopwords)


# PDF text layers can leave control characters inside words (pdfium marks a
# soft hyphen as \x02: "gepensioneer\x02den"); dropping them restores the word.
_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


def clean_lemmas(text: str) -> str:
    """Lemma string without control characters (which also break Excel cells)."""
    return text.translate(_CONTROL)


def _keep(lemma: str, stop: frozenset[str]) -> bool:
    return len(lemma) > 1 and lemma not in stop and any(ch.isalpha() for ch in lemma)


def _require_sentences(sentences: pd.DataFrame) -> None:
    missing = [c for c in ("document", "lemmas") if c not in sentences.columns]
    if missing:
        raise ResultsError(
            "sentences", f"column(s) {', '.join(missing)} missing (use sentences.parquet)"
        )


def _documents_lemmas(sentences: pd.DataFrame) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for doc, lemmas in zip(
        sentences["document"].astype(str),
        sentences["lemmas"].fillna("").astype(str),
        strict=True,
    ):
        counts.setdefault(doc, Counter()).update(clean_lemmas(lemmas).split())
    return counts


KEYNESS_COLUMNS: tuple[str, ...] = (
    "lemma",
    "count_target",
    "count_reference",
    "per_1000_target",
    "per_1000_reference",
    "g2",
    "p_value",
    "log_odds",
    "log_odds_z",
    "keyness",
    "rank",
)


def keyness(
    sentences: pd.DataFrame,
    target: str | Iterable[str],
    *,
    measure: Literal["g2", "log_odds"] = "g2",
    min_count: int = 5,
    stopwords: bool | Iterable[str] = True,
    prior_scale: float = 1.0,
) -> pd.DataFrame:
    """Lemmas that set ``target`` (a document, or several) apart from the other documents.

    Both measures are computed on lemma counts (word tokens only; totals include
    stopwords, which are then left out of the table):

    - ``g2``: Dunning's log-likelihood G² with a sign, positive where the lemma is
      relatively more frequent in the target, with its chi-square (1 df) p-value;
    - ``log_odds``: the log-odds ratio with an informative Dirichlet prior
      (Monroe, Colaresi & Quinn 2008, section 3.5), the prior being the pooled
      corpus counts times ``prior_scale`` (as in R's tidylo); ``log_odds_z`` is
      its z-score, which weighs the evidence as well as the size.

    ``keyness`` repeats the chosen ``measure`` (``log_odds_z`` for "log_odds");
    rows are sorted by it, most characteristic of the target first and of the
    reference last. Lemmas seen fewer than ``min_count`` times in the whole
    corpus, stopwords (spaCy's Dutch list unless ``stopwords`` says otherwise)
    and one-letter lemmas are left out.

    Example:
        >>> keyness(sentences, "havenstad", measure="log_odds").head(10)  # doctest: +SKIP
    """
    _require_sentences(sentences)
    return _keyness(
        _documents_lemmas(sentences),
        target,
        measure=measure,
        min_count=min_count,
        stopwords=stopwords,
        prior_scale=prior_scale,
    )


def _keyness(
    per_doc: Mapping[str, Counter[str]],
    target: str | Iterable[str],
    *,
    measure: str,
    min_count: int,
    stopwords: bool | Iterable[str],
    prior_scale: float,
) -> pd.DataFrame:
    """:func:`keyness` on lemma counts per document (counted once for many targets)."""
    if measure not in ("g2", "log_odds"):
        raise ResultsError("measure", f"unknown keyness measure {measure!r} (valid: g2, log_odds)")
    targets = {target} if isinstance(target, str) else {str(t) for t in target}
    unknown = sorted(targets - set(per_doc))
    if unknown or not targets:
        raise ResultsError(
            "target",
            f"no document {', '.join(map(repr, unknown)) or '(none given)'} in the sentences "
            f"(documents: {', '.join(sorted(per_doc)[:20])})",
        )
    if not set(per_doc) - targets:
        raise ResultsError("target", "the target is every document: nothing to compare with")
    tgt: Counter[str] = Counter()
    ref: Counter[str] = Counter()
    for doc, c in per_doc.items():
        (tgt if doc in targets else ref).update(c)
    n_t, n_r = sum(tgt.values()), sum(ref.values())
    stop = _stopset(stopwords)
    vocab = sorted(
        w for w in set(tgt) | set(ref) if _keep(w, stop) and tgt[w] + ref[w] >= min_count
    )
    if not vocab or n_t == 0 or n_r == 0:
        return pd.DataFrame(columns=list(KEYNESS_COLUMNS))
    a = np.array([tgt[w] for w in vocab], dtype=float)
    b = np.array([ref[w] for w in vocab], dtype=float)
    n = n_t + n_r
    # G²: 2 Σ O ln(O/E) over the two cells of each lemma (0 ln 0 = 0).
    e_t = n_t * (a + b) / n
    e_r = n_r * (a + b) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e_t), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e_r), 0.0)
    g2 = 2 * (t1 + t2)
    sign = np.sign(a / n_t - b / n_r)
    p = chi2.sf(g2, df=1)
    # Log-odds with informative Dirichlet prior alpha_w = scale * pooled count.
    alpha_w = prior_scale * (a + b)
    alpha_0 = prior_scale * n
    with np.errstate(divide="ignore", invalid="ignore"):
        lo_t = np.log((a + alpha_w) / (n_t + alpha_0 - a - alpha_w))
        lo_r = np.log((b + alpha_w) / (n_r + alpha_0 - b - alpha_w))
        delta = lo_t - lo_r
        var = 1.0 / (a + alpha_w) + 1.0 / (b + alpha_w)
        z = delta / np.sqrt(var)
    frame = pd.DataFrame(
        {
            "lemma": vocab,
            "count_target": a.astype(np.int64),
            "count_reference": b.astype(np.int64),
            "per_1000_target": 1000 * a / n_t,
            "per_1000_reference": 1000 * b / n_r,
            "g2": sign * g2,
            "p_value": p,
            "log_odds": delta,
            "log_odds_z": z,
        }
    )
    frame["keyness"] = frame["g2"] if measure == "g2" else frame["log_odds_z"]
    frame = frame.sort_values(["keyness", "lemma"], ascending=[False, True], kind="mergesort")
    frame["rank"] = np.arange(1, len(frame) + 1)
    return frame.reset_index(drop=True)[list(KEYNESS_COLUMNS)]


# --------------------------------------------------------------------------- SVD space


#: A small corpus keeps at most this share of its smaller matrix dimension as SVD
#: components: near full rank, LSA only reproduces direct co-occurrence and finds
#: no words used in the same contexts (synonyms), which is the point of the space.
MAX_RANK_SHARE = 0.1


def effective_components(requested: int, shape: tuple[int, int]) -> int:
    """SVD components used for a ``shape`` matrix: ``requested`` capped by the corpus size.

    At most ``MAX_RANK_SHARE`` of the smaller dimension (and at least 2), and
    always fewer than that dimension: 300 on a corpus of 10,000 sentences and
    5,000 lemmas, 6 on one of 300 sentences and 60 lemmas.
    """
    small = min(shape)
    return max(1, min(int(requested), max(2, int(MAX_RANK_SHARE * small)), small - 1))


class _LemmaAnalyzer:
    """Split a space-joined lemma string, dropping stopwords (picklable, for CountVectorizer)."""

    def __init__(self, stop: frozenset[str]) -> None:
        self.stop = stop

    def __call__(self, text: str) -> list[str]:
        return [w for w in clean_lemmas(text).split() if _keep(w, self.stop)]


class LemmaSpace:
    """Lemma vectors from a truncated SVD of a sentence-by-lemma matrix (LSA).

    Each sentence is a row, each lemma (seen in at least ``min_df`` sentences,
    stopwords left out) a column, weighted by TF-IDF or raw counts. The lemma
    vectors are the right singular vectors scaled by the singular values,
    normalised to unit length, so a dot product is a cosine similarity.
    ``n_components`` is capped by the size of the matrix
    (:func:`effective_components`).

    Learned attributes: ``vectorizer_``, ``svd_``, ``n_components_``,
    ``term_vectors_`` (lemmas × components, unit rows), ``term_counts_``
    (corpus frequency of each lemma), ``vocabulary_`` (lemma -> column).

    Example:
        >>> space = LemmaSpace(n_components=100).fit(sentences)  # doctest: +SKIP
        >>> space.similar(["vertrouwen", "verbinding"]).head()  # doctest: +SKIP
    """

    def __init__(
        self,
        n_components: int = 300,
        *,
        weighting: Literal["tfidf", "count"] = "tfidf",
        min_df: int = 2,
        stopwords: bool | Iterable[str] = True,
        random_state: int = 0,
    ) -> None:
        self.n_components = n_components
        self.weighting = weighting
        self.min_df = min_df
        self.stopwords = stopwords
        self.random_state = random_state

    def fit(self, sentences: pd.DataFrame, y: Any = None) -> LemmaSpace:
        """Build the matrix from ``sentences["lemmas"]`` and decompose it."""
        _require_sentences(sentences)
        if self.weighting not in ("tfidf", "count"):
            raise ResultsError(
                "weighting", f"unknown weighting {self.weighting!r} (valid: tfidf, count)"
            )
        texts = sentences["lemmas"].fillna("").astype(str).tolist()
        vec = CountVectorizer(analyzer=_LemmaAnalyzer(_stopset(self.stopwords)), min_df=self.min_df)
        try:
            counts = vec.fit_transform(texts)
        except ValueError:
            raise ResultsError(
                "sentences",
                f"no lemma occurs in {self.min_df} or more sentences: too little text to scale",
            ) from None
        matrix = (
            TfidfTransformer(sublinear_tf=True).fit_transform(counts)
            if self.weighting == "tfidf"
            else counts.astype(float)
        )
        if min(matrix.shape) < 3:
            raise ResultsError(
                "sentences", "too little text to scale (fewer than 3 sentences or lemmas)"
            )
        k = effective_components(self.n_components, matrix.shape)
        svd = TruncatedSVD(n_components=k, algorithm="randomized", random_state=self.random_state)
        # One BLAS thread: on a busy machine multithreaded BLAS ran this SVD ten times
        # slower (7.3 s against 0.75 s for 4,000 sentences on 2 shared cores), and one
        # thread gives the same numbers on every machine.
        with threadpool_limits(limits=1, user_api="blas"):
            svd.fit(matrix)
        vectors = svd.components_.T * svd.singular_values_
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        self.vectorizer_ = vec
        self.svd_ = svd
        self.n_components_ = k
        self.vocabulary_ = dict(vec.vocabulary_)
        self.term_vectors_ = vectors / norms
        self.term_counts_ = np.asarray(counts.sum(axis=0)).ravel().astype(np.int64)
        return self

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The lemmas of the space, in column order."""
        self._check_fitted()
        return self.vectorizer_.get_feature_names_out()

    def _check_fitted(self) -> None:
        if not hasattr(self, "term_vectors_"):
            raise ResultsError(type(self).__name__, "is not fitted yet; call fit(sentences) first")

    def vector(self, lemmas: Iterable[str]) -> tuple[np.ndarray, list[str]]:
        """Unit-length centroid of the lemmas present in the space, and those lemmas."""
        self._check_fitted()
        present = [w for w in dict.fromkeys(lemmas) if w in self.vocabulary_]
        if not present:
            return np.zeros(self.n_components_), []
        c = self.term_vectors_[[self.vocabulary_[w] for w in present]].mean(axis=0)
        norm = np.linalg.norm(c)
        return (c / norm if norm else c), present

    def similar(self, lemmas: Iterable[str]) -> pd.Series:
        """Cosine similarity of every lemma to the centroid of ``lemmas``, highest first."""
        centroid, present = self.vector(lemmas)
        if not present:
            raise ResultsError("lemmas", "none of the lemmas occurs in the corpus space")
        sims = self.term_vectors_ @ centroid
        return pd.Series(sims, index=self.get_feature_names_out(), name="similarity").sort_values(
            ascending=False, kind="mergesort"
        )


def default_seeds(lexicon: str | Path | Lexicon = "framing") -> dict[str, int]:
    """Seed lemmas for scaling: single-word entries of the lexicon's pole categories.

    ``{lemma: +1}`` for categories with ``pole: 1`` (positive framing) and
    ``{lemma: -1}`` for ``pole: -1`` (repressive). Multi-word entries and
    patterns are left out: LSS compares single lemmas. A lemma in both poles is
    dropped.
    """
    lx = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
    poles = {c.id: c.pole for c in lx.categories if c.pole in (-1, 1)}
    seeds: dict[str, int] = {}
    conflicted: set[str] = set()
    for e in lx.entries:
        pole = poles.get(e.category)
        if pole is None or e.lemma is None or " " in e.lemma:
            continue
        if seeds.get(e.lemma, pole) != pole:
            conflicted.add(e.lemma)
        seeds[e.lemma] = pole
    return {w: p for w, p in seeds.items() if w not in conflicted}


def _normalise_seeds(seeds: Any) -> dict[str, int]:
    if seeds is None:
        return default_seeds()
    if isinstance(seeds, Lexicon | Path) or (
        isinstance(seeds, str) and not seeds.strip().startswith("{")
    ):
        return default_seeds(seeds)
    if isinstance(seeds, Mapping):
        out = {}
        for w, p in seeds.items():
            if p not in (-1, 1):
                raise ResultsError("seeds", f"seed {w!r} has pole {p!r}; use +1 or -1")
            out[str(w).lower()] = int(p)
        return out
    if isinstance(seeds, tuple | list) and len(seeds) == 2:
        pos, neg = seeds
        return {**{str(w).lower(): 1 for w in pos}, **{str(w).lower(): -1 for w in neg}}
    raise ResultsError(
        "seeds",
        "give a lexicon name, a {lemma: +1/-1} mapping or (positive_lemmas, negative_lemmas)",
    )


LSS_COLUMNS: tuple[str, ...] = ("document", "score", "se", "n_words")


class LSSScaler:
    """Latent Semantic Scaling (Watanabe 2021): place documents between two poles of seed words.

    ``fit`` decomposes a sentence-by-lemma matrix (:class:`LemmaSpace`) and gives
    every lemma a polarity: its mean cosine similarity to the positive seeds
    minus its mean similarity to the negative seeds. ``transform`` scores each
    document by the mean polarity of its words weighted by their frequency,
    with a standard error from the spread of those polarities (as LSX's
    ``predict(se_fit = TRUE)``): ``se = sd / sqrt(n_words)``.

    Seeds default to the framing lexicon's single-word lemmas of the positive
    (pole +1) and repressive (pole -1) categories; give another lexicon name, a
    ``{lemma: +1/-1}`` mapping or a ``(positive, negative)`` pair. Seeds absent
    from the corpus are dropped (``seeds_`` holds those used).

    Learned attributes: ``space_`` (the :class:`LemmaSpace`), ``seeds_``,
    ``polarity_`` (Series lemma -> polarity), ``pole_similarity_`` (DataFrame of
    the mean similarity to each pole), ``n_components_``.

    Example:
        >>> lss = LSSScaler(n_components=200).fit(sentences)  # doctest: +SKIP
        >>> lss.transform(sentences).sort_values("score")  # doctest: +SKIP
        >>> lss.polarity_.sort_values().head(20)  # the most repressive words  # doctest: +SKIP
    """

    def __init__(
        self,
        n_components: int = 300,
        seeds: Any = None,
        *,
        weighting: Literal["tfidf", "count"] = "tfidf",
        min_df: int = 2,
        stopwords: bool | Iterable[str] = True,
        rescale: bool = False,
        random_state: int = 0,
    ) -> None:
        self.n_components = n_components
        self.seeds = seeds
        self.weighting = weighting
        self.min_df = min_df
        self.stopwords = stopwords
        self.rescale = rescale
        self.random_state = random_state

    def fit(self, sentences: pd.DataFrame, y: Any = None) -> LSSScaler:
        """Learn lemma polarities from ``sentences`` (a ``sentences.parquet`` frame)."""
        seeds = _normalise_seeds(self.seeds)
        space = LemmaSpace(
            self.n_components,
            weighting=self.weighting,
            min_df=self.min_df,
            stopwords=self.stopwords,
            random_state=self.random_state,
        ).fit(sentences)
        used = {w: p for w, p in seeds.items() if w in space.vocabulary_}
        for pole, name in ((1, "positive"), (-1, "negative")):
            if not any(p == pole for p in used.values()):
                wanted = sorted(w for w, p in seeds.items() if p == pole)
                raise ResultsError(
                    "seeds",
                    f"no {name} seed word occurs in {self.min_df}+ sentences of the corpus "
                    f"(seeds: {', '.join(wanted[:15]) or 'none'})",
                )
        pos_vec = space.term_vectors_[[space.vocabulary_[w] for w, p in used.items() if p == 1]]
        neg_vec = space.term_vectors_[[space.vocabulary_[w] for w, p in used.items() if p == -1]]
        sim_pos = (space.term_vectors_ @ pos_vec.T).mean(axis=1)
        sim_neg = (space.term_vectors_ @ neg_vec.T).mean(axis=1)
        names = space.get_feature_names_out()
        self.space_ = space
        self.n_components_ = space.n_components_
        self.seeds_ = dict(sorted(used.items()))
        self.pole_similarity_ = pd.DataFrame(
            {"positive": sim_pos, "negative": sim_neg}, index=pd.Index(names, name="lemma")
        )
        self.polarity_ = pd.Series(
            sim_pos - sim_neg, index=pd.Index(names, name="lemma"), name="polarity"
        )
        return self

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The lemmas that carry a polarity, in column order."""
        self._check_fitted()
        return self.space_.get_feature_names_out()

    def _check_fitted(self) -> None:
        if not hasattr(self, "polarity_"):
            raise ResultsError("LSSScaler", "is not fitted yet; call fit(sentences) first")

    def transform(self, sentences: pd.DataFrame) -> pd.DataFrame:
        """Document scores: ``document, score, se, n_words`` (one row per document).

        ``n_words`` counts the words that carry a polarity; a document without
        any gets no score. With ``rescale=True`` scores (and their standard
        errors) are divided by the standard deviation of the scores after
        centring, as LSX's ``rescaling``.
        """
        self._check_fitted()
        _require_sentences(sentences)
        docs = list(dict.fromkeys(sentences["document"].astype(str)))
        by_doc = (
            sentences.assign(document=sentences["document"].astype(str))
            .groupby("document", sort=False)["lemmas"]
            .apply(lambda s: " ".join(s.fillna("").astype(str)))
            .reindex(docs)
        )
        counts = self.space_.vectorizer_.transform(by_doc.tolist())
        beta = self.polarity_.to_numpy()
        n = np.asarray(counts.sum(axis=1)).ravel().astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            fit = np.asarray(counts @ beta).ravel() / n
            second = np.asarray(counts @ (beta**2)).ravel() / n
            var = np.clip(second - fit**2, 0.0, None)
            se = np.where(n > 1, np.sqrt(var) / np.sqrt(n), np.nan)
        fit = np.where(n > 0, fit, np.nan)
        if self.rescale:
            ok = np.isfinite(fit)
            sd = np.std(fit[ok], ddof=1) if ok.sum() > 1 else np.nan
            if np.isfinite(sd) and sd > 0:
                fit = (fit - np.nanmean(fit)) / sd
                se = se / sd
        frame = pd.DataFrame(
            {"document": docs, "score": fit, "se": se, "n_words": n.astype(np.int64)}
        )
        return frame[list(LSS_COLUMNS)]

    def fit_transform(self, sentences: pd.DataFrame, y: Any = None) -> pd.DataFrame:
        """``fit(sentences).transform(sentences)``."""
        return self.fit(sentences).transform(sentences)

    def words(self) -> pd.DataFrame:
        """Every lemma with its polarity, pole similarities, corpus count and seed pole."""
        self._check_fitted()
        frame = pd.DataFrame(
            {
                "lemma": self.polarity_.index,
                "polarity": self.polarity_.to_numpy(),
                "similarity_positive": self.pole_similarity_["positive"].to_numpy(),
                "similarity_negative": self.pole_similarity_["negative"].to_numpy(),
                "count": self.space_.term_counts_,
                "seed": [self.seeds_.get(w, 0) for w in self.polarity_.index],
            }
        )
        return frame.sort_values(
            ["polarity", "lemma"], ascending=[False, True], kind="mergesort"
        ).reset_index(drop=True)


# --------------------------------------------------------------------------- PCA, clusters


def _standardised(
    table: pd.DataFrame, measures: Sequence[str] | None
) -> tuple[np.ndarray, list[str], list[str]]:
    if "document" not in table.columns:
        raise ResultsError("table", "needs a 'document' column")
    cols = list(measures) if measures is not None else scaling_columns(table)
    missing = [c for c in cols if c not in table.columns]
    if missing:
        raise ResultsError("measures", f"unknown measure(s): {', '.join(missing)}")
    x = table[cols].apply(pd.to_numeric, errors="coerce").astype(float)
    # A missing value (balance of a plan without framing words) sits at the mean.
    x = x.fillna(x.mean())
    sd = x.std(ddof=0)
    keep = [c for c in cols if np.isfinite(sd[c]) and sd[c] > 0]
    z = ((x[keep] - x[keep].mean()) / sd[keep]).to_numpy()
    return z, keep, table["document"].astype(str).tolist()


def profile_pca(
    table: pd.DataFrame, measures: Sequence[str] | None = None, *, n_components: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """PCA of the standardised profile measures: (document scores, loadings).

    Measures default to :func:`scaling_columns` (rates, shares, balance); missing
    values are set to the measure's mean and constant measures are dropped.
    Scores have columns ``document, PC1, PC2, ...``; loadings are one row per
    component and measure: ``component, explained_variance_ratio, measure,
    loading`` (the correlation of the measure with the component) and
    ``weight`` (the component coefficient). Each component's sign is set so
    that its largest loading is positive.
    """
    z, cols, docs = _standardised(table, measures)
    empty_scores = pd.DataFrame({"document": docs})
    loading_cols = ["component", "explained_variance_ratio", "measure", "loading", "weight"]
    if len(docs) < 2 or not cols:
        return empty_scores, pd.DataFrame(columns=loading_cols)
    k = min(len(docs) - 1, len(cols)) if n_components is None else n_components
    k = max(1, min(k, len(docs), len(cols)))
    pca = PCA(n_components=k, svd_solver="full").fit(z)
    comps = pca.components_.copy()
    for i in range(k):
        if comps[i, np.argmax(np.abs(comps[i]))] < 0:
            comps[i] = -comps[i]
    scores = (z - pca.mean_) @ comps.T
    names = [f"PC{i + 1}" for i in range(k)]
    score_frame = pd.concat([empty_scores, pd.DataFrame(scores, columns=names)], axis=1)
    sd_components = np.sqrt(pca.explained_variance_)
    rows = []
    for i, name in enumerate(names):
        order = np.argsort(-np.abs(comps[i]), kind="mergesort")
        for j in order:
            rows.append(
                {
                    "component": name,
                    "explained_variance_ratio": float(pca.explained_variance_ratio_[i]),
                    "measure": cols[j],
                    # z has unit (population) variance, so this is corr(measure, component).
                    "loading": float(
                        comps[i, j] * sd_components[i] * math.sqrt((len(docs) - 1) / len(docs))
                    ),
                    "weight": float(comps[i, j]),
                }
            )
    return score_frame, pd.DataFrame(rows, columns=loading_cols)


def cluster_profiles(
    table: pd.DataFrame,
    measures: Sequence[str] | None = None,
    *,
    max_k: int = 8,
    linkage: Literal["ward", "average", "complete"] = "ward",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Agglomerative clustering of plans on standardised measures: (clusters, silhouettes).

    Tries k = 2 .. min(``max_k``, n - 1) clusters and keeps the k with the highest
    mean silhouette (the smaller k on a tie). ``clusters`` has ``document,
    cluster, k, silhouette`` (the document's own silhouette width) plus
    ``cluster_k2 ...`` for every k tried; clusters are numbered from 1 in order
    of their first document. ``silhouettes`` has ``k, silhouette, best``. With
    fewer than three documents nothing can be clustered and both tables are
    empty.
    """
    z, cols, docs = _standardised(table, measures)
    sil_cols = ["k", "silhouette", "best"]
    base = ["document", "cluster", "k", "silhouette"]
    n = len(docs)
    if n < 3 or not cols:
        return pd.DataFrame(columns=base), pd.DataFrame(columns=sil_cols)
    labelings: dict[int, np.ndarray] = {}
    scores: dict[int, float] = {}
    for k in range(2, min(max_k, n - 1) + 1):
        raw = AgglomerativeClustering(n_clusters=k, linkage=linkage).fit_predict(z)
        order = {lab: i + 1 for i, lab in enumerate(dict.fromkeys(raw.tolist()))}
        labels = np.array([order[x] for x in raw])
        labelings[k] = labels
        scores[k] = float(silhouette_score(z, labels)) if len(set(labels)) > 1 else float("nan")
    valid = {k: s for k, s in scores.items() if np.isfinite(s)}
    best = max(valid, key=lambda k: (valid[k], -k)) if valid else min(labelings)
    widths = silhouette_samples(z, labelings[best]) if best in valid else np.full(n, np.nan)
    frame = pd.DataFrame(
        {"document": docs, "cluster": labelings[best], "k": best, "silhouette": widths}
    )
    for k, labels in labelings.items():
        frame[f"cluster_k{k}"] = labels
    sil = pd.DataFrame(
        [{"k": k, "silhouette": s, "best": k == best} for k, s in scores.items()],
        columns=sil_cols,
    )
    return frame, sil


# --------------------------------------------------------------------------- suggest

SUGGEST_COLUMNS: tuple[str, ...] = (
    "rank",
    "lemma",
    "similarity",
    "count",
    "documents",
    "kwic_1",
    "kwic_2",
    "kwic_3",
)


def _find_category(category: str, lexicons: Sequence[Lexicon]) -> tuple[Lexicon, str]:
    lex_name, _, cat_id = category.rpartition(":")
    matches = [
        (lx, cat_id)
        for lx in lexicons
        if (not lex_name or lx.name == lex_name) and cat_id in lx.category_ids
    ]
    if not matches:
        valid = ", ".join(f"{lx.name}:{c}" for lx in lexicons for c in lx.category_ids)
        raise ResultsError("category", f"unknown category {category!r} (valid: {valid})")
    if len(matches) > 1:
        names = ", ".join(f"{lx.name}:{c}" for lx, c in matches)
        raise ResultsError("category", f"{category!r} is ambiguous; name the lexicon: {names}")
    return matches[0]


def _category_lemmas(lexicon: Lexicon, category: str, vocabulary: Iterable[str]) -> list[str]:
    """Single-word lemmas of the category's entries, and vocabulary words its patterns match."""
    vocab = list(vocabulary)
    out: list[str] = []
    for e in lexicon.entries:
        if e.category != category:
            continue
        if e.lemma is not None and " " not in e.lemma:
            out.append(e.lemma)
        elif e.pattern is not None and " " not in e.pattern:
            out.extend(fnmatch.filter(vocab, e.pattern))
    return list(dict.fromkeys(out))


def _as_results(results_or_corpus: Any, lexicons: Sequence[Lexicon]) -> Results:
    if isinstance(results_or_corpus, Results):
        return results_or_corpus
    if isinstance(results_or_corpus, pd.DataFrame):
        return Results(
            pd.DataFrame(columns=["document"]),
            pd.DataFrame(),
            results_or_corpus,
            {"lexicons": [], "textscan_versions": [], "sources": []},
        )
    if hasattr(results_or_corpus, "profile_objects"):  # a ScanResult
        return Results.from_scan(results_or_corpus, lexicons)
    items = (
        [results_or_corpus]
        if isinstance(results_or_corpus, str | Path)
        else list(results_or_corpus)
    )
    paths = [Path(p) for p in items]
    if all(
        (p.is_dir() and (p / "profiles.csv").is_file()) or (p.is_file() and _kind_of(p))
        for p in paths
    ):
        return load_results(paths)
    from textscan.pipeline import iter_files, scan

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ResultsError(", ".join(missing), "no such file or folder")
    if not iter_files(paths):
        raise ResultsError(
            ", ".join(map(str, paths)),
            "neither a results folder (profiles.csv) nor a folder of PDF, DOCX, HTML, TXT "
            "or MD documents",
        )
    return Results.from_scan(scan(paths, out=None, lexicons=lexicons), lexicons)


def _lemmas_in_hits(hits: pd.DataFrame) -> Counter[str]:
    """How often each lemma is a word of a lexicon hit, a split verb's parts included.

    A lemma that no entry matches on its own can still be matched as part of
    one: "pakken" in "wij pakken de overlast aan" is the verb of aanpakken,
    "samen" and "met" the words of samen met. Read from each hit's entry
    lemma: a split verb's without its particle (its second part), an
    expression's word by word.
    """
    if hits.empty or not {"sentence", "parts", "lemma"} <= set(hits.columns):
        return Counter()
    counts: Counter[str] = Counter()
    kinds = hits["match_kind"] if "match_kind" in hits.columns else [None] * len(hits)
    for sentence, parts, lemma, kind in zip(
        hits["sentence"].astype(str), hits["parts"], hits["lemma"].astype(str), kinds, strict=True
    ):
        words = lemma.lower().split()
        if kind == "separable":
            spans = json.loads(parts) if isinstance(parts, str) else parts
            if spans is not None and len(spans) == 2:
                particle = sentence[int(spans[1][0]) : int(spans[1][1])].lower()
                if lemma.lower().startswith(particle) and len(lemma) > len(particle):
                    words = [lemma.lower()[len(particle) :], particle]
        counts.update(words)
    return counts


def _mostly_not_dutch(lemma: str, lemma_lists: pd.Series, texts: pd.Series) -> bool:
    """Whether the sentences that use ``lemma`` are, taken together, not Dutch."""
    from textscan.checks import DUTCH_SHARE_THRESHOLD, dutch_share, words_of

    mask = lemma_lists.map(lambda ws: lemma in ws).to_numpy()
    words = [w for t in texts[mask] for w in words_of(t)]
    share = dutch_share(words)
    return share is not None and share < DUTCH_SHARE_THRESHOLD


def _kwic(text: str, lemma: str, width: int = 45) -> str | None:
    """``left [word] right`` around the first word of ``text`` whose lemma is ``lemma``."""
    from textscan.nlp import annotate_text

    offset = 0
    for sent in annotate_text(text):
        base = text.find(sent.text, offset)
        base = offset if base < 0 else base
        for tok in sent.tokens:
            if clean_lemmas(tok.lemma) == lemma:
                s, e = base + tok.start, base + tok.end
                left = " ".join(text[:s].split()) + (" " if text[:s][-1:].isspace() else "")
                right = (" " if text[e:][:1].isspace() else "") + " ".join(text[e:].split())
                left = ("…" + left[-width:]) if len(left) > width else left
                right = (right[:width] + "…") if len(right) > width else right
                return f"{left}[{text[s:e]}]{right}".strip()
        offset = base + len(sent.text)
    return None


def _is_name(lemma: str, texts: pd.Series) -> bool:
    """Whether ``lemma`` is written with a capital inside sentences (a place or person).

    Names of villages, streets and organisations sit close to every theme of a
    plan in a small corpus; they are no lexicon candidates.
    """
    rx = re.compile(r"(?<![\w-])(" + re.escape(lemma) + r")", re.IGNORECASE)
    upper = lower = 0
    for text in texts[texts.str.contains(lemma, case=False, regex=False)]:
        for m in rx.finditer(text):
            if m.start() == 0 or text[: m.start()].rstrip().endswith((".", ":", "!", "?")):
                continue  # a sentence start says nothing
            if text[m.start()].isupper():
                upper += 1
            else:
                lower += 1
    return upper > 0 and upper >= 2 * lower


def suggest(
    category: str,
    results_or_corpus: Any,
    *,
    n: int = 20,
    lexicons: Sequence[Lexicon] | None = None,
    n_components: int = 300,
    min_count: int = 3,
    kwic: int = 3,
) -> pd.DataFrame:
    """Candidate lemmas for a lexicon category, for a person to accept or reject.

    Fits a :class:`LemmaSpace` on the corpus's sentences and ranks every lemma by
    its cosine similarity to the centroid of the category's entries (single-word
    lemmas, and corpus words its patterns match). Left out: lemmas an entry of
    any loaded lexicon already matches (so also compounds the matcher counts,
    such as *drugsbestrijding* for *bestrijding*), lemmas that are words of
    the corpus's hits in at least half their uses (the verb of a split verb:
    *pakken* of "pakken ... aan"), lemmas whose sentences are not Dutch (an
    English passage), stopwords, and lemmas seen fewer than ``min_count``
    times. Each candidate comes with its corpus count,
    the number of documents using it and ``kwic`` keyword-in-context lines
    (``document p.N: left [word] right``).

    ``category`` is a category id (``positive``) or ``lexicon:category``;
    ``results_or_corpus`` a :class:`Results`, a results folder, a sentences
    DataFrame, or a folder of documents (scanned in memory).

    Example:
        >>> s = suggest("positive", "results/", n=10)  # doctest: +SKIP
        >>> s[["lemma", "similarity", "count", "kwic_1"]]  # doctest: +SKIP
    """
    from textscan.match import Matcher
    from textscan.model import Sentence, Token

    lexs = list(lexicons) if lexicons is not None else load_lexicons()
    lexicon, cat = _find_category(category, lexs)
    res = _as_results(results_or_corpus, lexs)
    sentences = res.require_sentences()
    space = LemmaSpace(n_components, min_df=2).fit(sentences)
    names = space.get_feature_names_out()
    entries = _category_lemmas(lexicon, cat, names)
    sims = space.similar(entries) if any(w in space.vocabulary_ for w in entries) else None
    if sims is None:
        raise ResultsError(
            category,
            "none of the category's lemmas occurs in two or more sentences of the corpus "
            f"({', '.join(entries[:12])}); there is nothing to be similar to",
        )
    counts = pd.Series(space.term_counts_, index=names)
    matcher = Matcher(lexs)

    def known(lemma: str) -> bool:
        tok = Token(text=lemma, lemma=lemma, start=0, end=len(lemma), is_word=True)
        return bool(matcher.match_sentence(Sentence(id=0, text=lemma, tokens=(tok,))))

    lemma_lists = sentences["lemmas"].fillna("").astype(str).map(clean_lemmas).str.split()
    # hyphens out, as the lemmatiser joins "Dijkerveen-Centrum" to one word
    texts = (
        sentences["text"].fillna("").astype(str).str.replace("-", "", regex=False)
        if "text" in sentences
        else None
    )
    in_hits = _lemmas_in_hits(res.hits)
    chosen: list[str] = []
    for lemma, _sim in sims.items():
        if len(chosen) >= n:
            break
        if counts[lemma] < min_count or lemma in entries or known(lemma):
            continue
        if 2 * in_hits[lemma] >= counts[lemma]:
            continue  # mostly a word of hits already: "pakken" of "pakt ... aan"
        if texts is not None and _is_name(lemma, texts):
            continue
        if texts is not None and _mostly_not_dutch(lemma, lemma_lists, texts):
            continue  # "war", "and" of a manifesto's English passages
        chosen.append(lemma)
    rows = []
    docs_col = sentences["document"].astype(str)
    page_col = sentences["page"] if "page" in sentences.columns else None
    for rank, lemma in enumerate(chosen, start=1):
        mask = lemma_lists.map(lambda ws, w=lemma: w in ws)
        hits = sentences.index[mask.to_numpy()]
        lines: list[str] = []
        seen: set[str] = set()
        for i in hits:
            if len(lines) >= kwic:
                break
            line = _kwic(str(sentences.at[i, "text"]), lemma) if "text" in sentences else None
            if line is None or line in seen:  # plans repeat sentences (summaries, boxes)
                continue
            seen.add(line)
            page = page_col.at[i] if page_col is not None else None
            where = docs_col.at[i] + (
                f" p.{int(page)}" if page is not None and pd.notna(page) else ""
            )
            lines.append(f"{where}: {line}")
        lines += [""] * (3 - len(lines))
        lines = lines[:3]
        rows.append(
            {
                "rank": rank,
                "lemma": lemma,
                "similarity": float(sims[lemma]),
                "count": int(counts[lemma]),
                "documents": int(docs_col[mask.to_numpy()].nunique()),
                "kwic_1": lines[0],
                "kwic_2": lines[1],
                "kwic_3": lines[2],
            }
        )
    return pd.DataFrame(rows, columns=list(SUGGEST_COLUMNS))


# --------------------------------------------------------------------------- compare


@dataclass
class ComparisonResult:
    """The comparison tables (DataFrames), where they were written, and the provenance."""

    measures: pd.DataFrame
    keyness: pd.DataFrame
    scaling: pd.DataFrame
    pca_loadings: pd.DataFrame
    clusters: pd.DataFrame
    silhouette: pd.DataFrame
    lss_words: pd.DataFrame
    groups: pd.DataFrame | None
    provenance: dict[str, Any]
    out: Path | None
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    left_out: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=LEFT_OUT_COLUMNS))

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in the order they are written."""
        out = {
            "measures": self.measures,
            "keyness": self.keyness,
            "scaling": self.scaling,
            "pca_loadings": self.pca_loadings,
            "clusters": self.clusters,
            "silhouette": self.silhouette,
            "lss_words": self.lss_words,
        }
        if self.groups is not None:
            out["groups"] = self.groups
        out["left_out"] = self.left_out
        return out


LEFT_OUT_COLUMNS = ["document", "path", "reason", "same_as", "overlap"]


def left_out_documents(results: Results) -> pd.DataFrame:
    """The documents a comparison leaves out, with the reason (``LEFT_OUT_COLUMNS``).

    A document that is not Dutch (``not-dutch``), and of documents with the same
    text all but the PDF or else the first (``same-text``, with ``same_as``
    and the estimated share of 5-grams in common): counted twice, the same
    plan would pull every rank, score and cluster towards itself. Decided
    from the profiles' warnings and text fingerprints
    (:func:`textscan.profile.comparable_documents`); results without
    ``profiles.jsonl`` leave nothing out.
    """
    from textscan.profile import comparable_documents

    _, rows = comparable_documents(results.profile_json)
    return pd.DataFrame(
        [{c: r.get(c) for c in LEFT_OUT_COLUMNS} for r in rows], columns=LEFT_OUT_COLUMNS
    )


def _without(results: Results, documents: Collection[str]) -> Results:
    """``results`` without these documents (their profiles, hits and sentences)."""
    drop = set(documents)

    def keep(frame: pd.DataFrame) -> pd.DataFrame:
        if frame.empty or "document" not in frame.columns:
            return frame
        return frame.loc[~frame["document"].astype(str).isin(drop)].reset_index(drop=True)

    return replace(
        results,
        profiles=keep(results.profiles),
        hits=keep(results.hits),
        sentences=keep(results.sentences),
        profile_json=[p for p in results.profile_json if str(p.get("document")) not in drop],
    )


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _keyness_targets(
    table: pd.DataFrame, target: str | None, group_by: str | None
) -> list[tuple[str, str, list[str]]]:
    """(target label, kind, documents) for each keyness comparison to run."""
    docs = table["document"].astype(str).tolist()
    if group_by is not None:
        if group_by not in table.columns:
            available = [c for c in table.columns if not c.endswith(("_pct", "_z"))]
            raise ResultsError(
                "group_by",
                f"no column {group_by!r} in the results or manifest "
                f"(available: {', '.join(available)})",
            )
        values = table[group_by]
        groups = {
            str(v): table.loc[values == v, "document"].astype(str).tolist()
            for v in values.dropna().unique()
        }
        if target is not None:
            if str(target) not in groups:
                raise ResultsError(
                    "target",
                    f"{group_by} has no value {target!r} (values: {', '.join(sorted(groups))})",
                )
            return [(str(target), group_by, groups[str(target)])]
        return [(g, group_by, d) for g, d in sorted(groups.items()) if len(d) < len(docs)]
    if target is not None:
        if target not in docs:
            raise ResultsError("target", f"no document {target!r} (documents: {', '.join(docs)})")
        return [(target, "document", [target])]
    return [(d, "document", [d]) for d in docs]


def _with_provenance(frame: pd.DataFrame, version: str, lexicons: str) -> pd.DataFrame:
    out = frame.copy()
    out["textscan_version"] = version
    out["lexicons"] = lexicons
    return out


def _write_tables(
    tables: Mapping[str, pd.DataFrame],
    provenance: dict[str, Any],
    out: Path,
    formats: Sequence[str],
) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from textscan.output import write_atomic, write_csv

    written: list[Path] = []
    prov_json = json.dumps(provenance, indent=2, ensure_ascii=False, default=str)
    for name, frame in tables.items():
        if "csv" in formats:
            write_csv(frame, out / f"{name}.csv")
            written.append(out / f"{name}.csv")
        if "parquet" in formats:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            meta = dict(table.schema.metadata or {})
            meta[b"textscan.provenance"] = prov_json.encode("utf-8")
            table = table.replace_schema_metadata(meta)
            write_atomic(out / f"{name}.parquet", lambda tmp, t=table: pq.write_table(t, tmp))
            written.append(out / f"{name}.parquet")
    if "xlsx" in formats:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        def cells(frame: pd.DataFrame) -> pd.DataFrame:
            # Excel refuses control characters; they carry no meaning in a cell.
            out = frame.copy()
            for c in out.columns:
                if out[c].dtype == object:
                    out[c] = out[c].map(
                        lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                    )
            return out

        def excel(tmp: Path) -> None:
            with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
                for name, frame in tables.items():
                    cells(frame).to_excel(xw, sheet_name=name[:31], index=False)
                flat = _flatten(provenance)
                pd.DataFrame({"key": list(flat), "value": list(flat.values())}).to_excel(
                    xw, sheet_name="provenance", index=False
                )

        write_atomic(out / "comparison.xlsx", excel)
        written.append(out / "comparison.xlsx")
    write_atomic(out / "provenance.json", lambda tmp: tmp.write_text(prov_json, encoding="utf-8"))
    written.append(out / "provenance.json")
    return written


def _flatten(d: Any, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    if isinstance(d, Mapping):
        for k, v in d.items():
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    elif isinstance(d, list) and any(isinstance(x, Mapping | list) for x in d):
        for i, v in enumerate(d):
            out.update(_flatten(v, f"{prefix}[{i}]"))
    else:
        out[prefix] = ", ".join(map(str, d)) if isinstance(d, list) else str(d)
    return out


SCALING_LSS_COLUMNS: tuple[str, ...] = (
    "lss_score",
    "lss_se",
    "lss_n_words",
    "lss_score_z",
    "lss_se_z",
)


def compare(
    paths: str | Path | Iterable[str | Path] | Results,
    out_dir: str | Path | None,
    *,
    manifest: str | Path | pd.DataFrame | None = None,
    target: str | None = None,
    group_by: str | None = None,
    keyness_measure: Literal["g2", "log_odds"] = "g2",
    keyness_top: int = 50,
    min_count: int = 5,
    n_components: int = 300,
    seeds: Any = None,
    formats: Sequence[str] = ("csv", "parquet", "xlsx"),
    all_documents: bool = False,
) -> ComparisonResult:
    """Compare the documents of one or more results folders and write the tables.

    Documents that would distort the comparison are left out first, unless
    ``all_documents``: one that is not Dutch, and a second copy of a text
    (:func:`left_out_documents`); they are listed in the ``left_out`` table
    and the provenance.

    Writes to ``out_dir`` (unless it is None), each as CSV and Parquet and all as
    sheets of ``comparison.xlsx``:

    - ``measures``: :func:`measure_table` (with the manifest's columns);
    - ``keyness``: per target the ``keyness_top`` most and least characteristic
      lemmas (:func:`keyness`), with ``target`` and ``target_kind``. The targets:
      ``target`` (a document, or with ``group_by`` a value of that column), else
      every group of ``group_by`` against the rest, else every document;
    - ``scaling``: per document the LSS score (raw and standardised) with its
      standard error, and the PCA scores (``PC1`` ...);
    - ``pca_loadings``, ``clusters``, ``silhouette``, ``lss_words``
      (polarity of every lemma), and ``groups`` (:func:`group_summary`) with
      ``group_by``;
    - ``left_out``: the documents left out, with the reason;
    - ``provenance.json``: textscan version, the scans' lexicons with hashes,
      inputs, manifest hash and parameters; every table also has
      ``textscan_version`` and ``lexicons`` columns, and every Parquet file
      carries the provenance in its metadata.

    Example:
        >>> r = compare(["results/"], "comparison/", manifest="manifest.csv",
        ...             group_by="province")  # doctest: +SKIP
        >>> r.scaling.sort_values("lss_score")  # doctest: +SKIP
    """
    started = time.perf_counter()
    results = paths if isinstance(paths, Results) else load_results(paths)
    left_out = (
        pd.DataFrame(columns=LEFT_OUT_COLUMNS) if all_documents else left_out_documents(results)
    )
    if len(left_out):
        results = _without(results, left_out["document"].astype(str))
    sentences = results.require_sentences()
    table = measure_table(results.profiles, manifest)
    version_label = __version__
    lexicon_label = _lexicon_label(results.provenance)

    frames = []
    per_doc = _documents_lemmas(sentences)
    for label, kind, docs in _keyness_targets(table, target, group_by):
        present = [d for d in docs if d in per_doc]
        if not present:
            continue
        k = _keyness(
            per_doc,
            present,
            measure=keyness_measure,
            min_count=min_count,
            stopwords=True,
            prior_scale=1.0,
        )
        if keyness_top and len(k) > 2 * keyness_top:
            k = pd.concat([k.head(keyness_top), k.tail(keyness_top)])
        k.insert(0, "target_kind", kind)
        k.insert(0, "target", label)
        frames.append(k)
    key_frame = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["target", "target_kind", *KEYNESS_COLUMNS])
    )

    lss = LSSScaler(n_components=n_components, seeds=seeds).fit(sentences)
    raw = lss.transform(sentences)
    ok = raw["score"].notna()
    sd = raw.loc[ok, "score"].std(ddof=1) if ok.sum() > 1 else float("nan")
    scaling = pd.DataFrame({"document": table["document"]}).merge(
        raw.rename(columns={"score": "lss_score", "se": "lss_se", "n_words": "lss_n_words"}),
        on="document",
        how="left",
    )
    if np.isfinite(sd) and sd > 0:
        scaling["lss_score_z"] = (scaling["lss_score"] - raw.loc[ok, "score"].mean()) / sd
        scaling["lss_se_z"] = scaling["lss_se"] / sd
    else:
        scaling["lss_score_z"] = np.nan
        scaling["lss_se_z"] = np.nan
    pca_scores, loadings = profile_pca(results.profiles)
    scaling = scaling.merge(pca_scores, on="document", how="left")
    clusters, silhouette = cluster_profiles(results.profiles)

    groups = group_summary(table, group_by) if group_by is not None else None
    lss_words = lss.words()

    manifest_info: dict[str, Any] | None = None
    if manifest is not None:
        if isinstance(manifest, pd.DataFrame):
            manifest_info = {"path": None, "rows": len(manifest)}
        else:
            mp = Path(manifest)
            manifest_info = {"path": str(mp), "sha256": _file_sha256(mp)}
    provenance = {
        "textscan_version": __version__,
        "results": results.provenance,
        "documents": len(table),
        "left_out": left_out.astype(object).where(left_out.notna(), None).to_dict("records"),
        "manifest": manifest_info,
        "parameters": {
            "target": target,
            "group_by": group_by,
            "keyness_measure": keyness_measure,
            "keyness_top": keyness_top,
            "min_count": min_count,
            "lss_n_components": lss.n_components_,
            "lss_weighting": lss.weighting,
            "lss_seeds": lss.seeds_,
            "pca_measures": sorted(set(loadings["measure"])) if len(loadings) else [],
            "cluster_linkage": "ward",
        },
    }
    result = ComparisonResult(
        measures=_with_provenance(table, version_label, lexicon_label),
        keyness=_with_provenance(key_frame, version_label, lexicon_label),
        scaling=_with_provenance(
            scaling[
                [
                    "document",
                    *SCALING_LSS_COLUMNS,
                    *[c for c in pca_scores.columns if c != "document"],
                ]
            ],
            version_label,
            lexicon_label,
        ),
        pca_loadings=_with_provenance(loadings, version_label, lexicon_label),
        clusters=_with_provenance(clusters, version_label, lexicon_label),
        silhouette=_with_provenance(silhouette, version_label, lexicon_label),
        lss_words=_with_provenance(lss_words, version_label, lexicon_label),
        groups=_with_provenance(groups, version_label, lexicon_label)
        if groups is not None
        else None,
        provenance=provenance,
        out=Path(out_dir) if out_dir is not None else None,
        left_out=_with_provenance(left_out, version_label, lexicon_label),
    )
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        result.files = _write_tables(result.tables(), provenance, out, formats)
    result.seconds = time.perf_counter() - started
    return result
