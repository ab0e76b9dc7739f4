"""The batch runner behind ``textscan scan``: parallel, isolated, cached, resumable.

Each document is processed by :func:`process_file` in a worker process that
builds the :class:`~textscan.pipeline.Pipeline` (lexicons, matcher, tokenizer)
once and then takes one file at a time. The parent process

* finds the files (:func:`textscan.checks.discover`), hashes them, reports
  empty, unreadable and duplicate files, and hands the rest to the workers;
* kills a worker that runs past ``timeout`` seconds or dies (a crash, the
  memory limit) and records the file in ``failures.csv``; a new worker takes
  over and the batch goes on;
* writes each finished document's results to ``OUT/.parts/<sha256>.marshal``
  as soon as it arrives, so an interrupted run keeps them and ``resume=True``
  skips them;
* merges the parts in input order into the outputs, each written atomically.

Results do not depend on the number of workers or on the order in which they
finish. With ``executor="dask"`` the same :func:`process_file` runs on a Dask
cluster instead of local processes.

Exit codes used by the CLI: 0 every file processed, 1 some failed (the rest is
complete), 2 usage or configuration error, 130/143 interrupted by SIGINT/SIGTERM.
"""

from __future__ import annotations

import contextlib
import gc
import json
import marshal
import multiprocessing as mp
import os
import shutil
import signal
import sys
import threading
import time
import traceback
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textscan import _spare
from textscan._gc import collector_paused, tune_collector
from textscan._version import __version__
from textscan.checks import (
    Discovery,
    as_paths,
    check_readable,
    discover,
    dutch_share,
    not_dutch_warning,
    sniff_content,
)
from textscan.errors import ExtractionError, InputError, TextscanError
from textscan.extract import file_sha256
from textscan.model import (
    Document,
    Hit,
    Sentence,
    SentenceInfo,
)
from textscan.profile import Profile

if TYPE_CHECKING:
    import pandas as pd

    from textscan._spare import Spare
    from textscan.cache import Cache, SentenceColumns
    from textscan.lexicon import Lexicon
    from textscan.match import Matcher, WordVocabulary
    from textscan.tables import Table

FAILURE_COLUMNS: tuple[str, ...] = ("file", "sha256", "stage", "error", "message", "pages")
DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_MEMORY_MB = 4096
PARTS_DIR = ".parts"
PART_SUFFIX = ".marshal"  # a finished document in PARTS_DIR (see save_part)
TEST_HOOK_ENV = "TEXTSCAN_TEST_HOOK"
# A worker that never says it is ready (stuck while loading) counts as hung after this.
_STARTUP_GRACE = 120.0


class ScanConfigError(TextscanError):
    """A scan cannot start as asked (bad option, resume of another run's folder)."""

    kind = "usage"


class ScanInterrupted(TextscanError):
    """The scan was stopped by a signal; ``result`` holds what finished (already written)."""

    kind = "interrupted"

    def __init__(self, signum: int, result: ScanResult) -> None:
        self.signum = signum
        self.result = result
        name = signal.Signals(signum).name
        super().__init__(
            f"interrupted by {name}: {len(result.profiles)} finished document(s) written"
            + (f" to {result.out}/; run again with --resume to continue" if result.out else "")
        )

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


# ------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ScanConfig:
    """What every worker needs to process a file (sent to each worker once)."""

    lexicons: tuple[Lexicon, ...]
    engine: str = "auto"
    cache_dir: str | None = None
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB
    language_check: bool = True
    test_hook: str | None = None  # see _test_hook; taken from $TEXTSCAN_TEST_HOOK
    ocr: bool = False
    # where a local worker saves each finished document for --resume (the
    # run's journal); None: the parent saves what it receives
    parts_dir: str | None = None
    # a kept worker (scan's keep_workers) remembers what it read of its recent
    # files for the next scan (see _Recent)
    remember: bool = False

    @property
    def key(self) -> str:
        lex = ",".join(f"{lx.name}:{lx.sha256}" for lx in self.lexicons)
        return f"{__version__}|{self.extraction}|{self.language_check}|{lex}"

    @property
    def extraction(self) -> str:
        """The extraction settings a cached document depends on (engine, OCR)."""
        return f"{self.engine}+ocr" if self.ocr else self.engine

    @property
    def state_key(self) -> str:
        """Everything a worker's pipeline and cache depend on."""
        return f"{self.key}|{self.cache_dir}"


@dataclass(frozen=True)
class Task:
    """One file to process; ``index`` is its place in the input order."""

    index: int
    path: str
    sha256: str


def failure_row(
    path: str, sha256: str, stage: str, kind: str, message: str, pages: Sequence[int] = ()
) -> dict[str, Any]:
    """A row of ``failures.csv`` / ``warnings.csv``; the message names the file."""
    name = Path(path).name
    text = message if message.startswith(name) else f"{name}: {message}"
    return {
        "file": path,
        "sha256": sha256,
        "stage": stage,
        "error": kind,
        "message": text,
        "pages": ";".join(str(p) for p in pages),
    }


def _pages_of(exc: BaseException) -> tuple[int, ...]:
    pages = getattr(exc, "pages", ())
    try:
        return tuple(int(p) for p in pages or ())
    except (TypeError, ValueError):
        return ()


# --------------------------------------------------------------- per-file work

_STATE: dict[str, Any] = {}


def _worker_state(config: ScanConfig) -> tuple[Any, Any]:
    """The Pipeline and Cache of this process for ``config``, built on first use."""
    if _STATE.get("key") != config.state_key:
        from textscan.cache import Cache
        from textscan.pipeline import Pipeline

        _STATE.clear()
        _STATE["key"] = config.state_key
        _STATE["pipeline"] = Pipeline(list(config.lexicons), engine=config.engine, ocr=config.ocr)
        _STATE["cache"] = Cache(config.cache_dir) if config.cache_dir else None
    return _STATE["pipeline"], _STATE["cache"]


def _test_hook(path: str, spec: str | None) -> None:
    """Test-only fault injection, off unless ``$TEXTSCAN_TEST_HOOK`` is set.

    The variable holds ``action:filename`` pairs separated by commas; for a file
    of that name the worker ``hang``s (sleeps an hour), ``crash``es (SIGKILLs
    itself), exhausts ``memory``, or sleeps ``delay=SECONDS`` before
    extracting. ``*`` as filename applies to every file. Used by the test suite
    to check time limits, crash recovery and resume; never set it otherwise.
    """
    if not spec:
        return
    name = Path(path).name
    for item in spec.split(","):
        action, _, target = item.partition(":")
        if target not in (name, "*"):
            continue
        if action == "hang":
            time.sleep(3600)
        elif action == "crash":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "memory":
            import numpy as np

            hog = []
            while True:  # until the memory limit makes this fail (untouched, so fast)
                hog.append(np.empty(1 << 30, dtype=np.uint8))
        elif action.startswith("delay="):
            time.sleep(float(action.split("=", 1)[1]))


class _Recent:
    """What a kept worker read or made of its most recent files, for the next scan.

    A notebook that re-profiles after each lexicon edit sends the same files
    to the same kept workers (see :meth:`LocalExecutor._next_task`); each then
    takes a file's text facts, outline, sentence table, token columns and
    the hits of unchanged lexicons from here instead of decoding them from
    the cache again (a fifth of a re-profile's work). Used only where the
    cache has them too (it stands in for reading them), keyed by content
    hash, extraction settings and file name, and bounded by the tokens of the
    files it holds (:data:`RECENT_TOKENS`), the least recently used first out.
    """

    def __init__(self) -> None:
        self.files: OrderedDict[tuple[str, str, str], dict[str, Any]] = OrderedDict()
        self.tokens = 0

    def entry(self, key: tuple[str, str, str]) -> dict[str, Any]:
        found = self.files.get(key)
        if found is None:
            found = self.files[key] = {"hits": {}, "tokens": 0}
        else:
            self.files.move_to_end(key)
        return found

    def weigh(self, entry: dict[str, Any], tokens: int) -> None:
        """Count ``entry`` as holding ``tokens`` tokens; drop the oldest files over the bound."""
        self.tokens += tokens - entry["tokens"]
        entry["tokens"] = tokens
        while self.tokens > RECENT_TOKENS and len(self.files) > 1:
            _key, old = self.files.popitem(last=False)
            self.tokens -= old["tokens"]


def _remembered(recent: dict[str, Any] | None, name: str, make: Callable[[], Any]) -> Any:
    """``recent[name]`` if a kept worker remembers it, else ``make()`` (kept unless None)."""
    if recent is None:
        return make()
    value = recent.get(name)
    if value is None:
        value = make()
        if value is not None:
            recent[name] = value
    return value


def _vocabulary(columns: SentenceColumns) -> WordVocabulary:
    from textscan.match import WordVocabulary

    return WordVocabulary.of(columns.lemmas, columns.texts, columns.is_word, columns.bounds)


#: the tokens of the files a kept worker remembers (about 100 MB per million)
RECENT_TOKENS = 1_000_000

_RECENT = _Recent()


def _match(
    matcher: Matcher,
    cache: Cache | None,
    task: Task,
    config: ScanConfig,
    document: Document,
    sentences: Sequence[Sentence] | None,
    infos: Sequence[SentenceInfo] | None,
    payload: dict[str, Any],
    recent: dict[str, Any] | None = None,
) -> list[Hit]:
    """The document's hits; with the cache, each lexicon's hits are matched once.

    A lexicon's hits depend only on the sentences and that lexicon, so after an
    edit of one lexicon only that one is matched again; the others' hits come
    from the cache (the key includes each lexicon's hash and the matcher's code).

    ``sentences`` is None on a re-profile from the cache (``infos`` then lists
    the sentences without their tokens): the cached annotation is read as
    columns, and tokens are built only for the sentences where a lexicon to be
    matched can start a candidate (:meth:`Matcher.sentences_to_match`).
    """
    from textscan.pipeline import section_titles

    titles = section_titles(document)
    if cache is None:
        assert sentences is not None
        return matcher.match(sentences, document.name, titles)
    from textscan.match import merge_hits

    found: dict[str, list[Hit]] = {}
    remembered: dict[str, list[Hit]] = recent["hits"] if recent is not None else {}
    for lx in matcher.lexicons:
        cached = remembered.get(lx.sha256)
        if cached is None:
            cached = cache.get_hits(task.sha256, config.extraction, lx.sha256, document.name)
            if cached is not None and recent is not None:
                remembered[lx.sha256] = cached
        if cached is not None:
            found[lx.name] = cached
    missing = [lx for lx in matcher.lexicons if lx.name not in found]
    if missing:
        names = {lx.name for lx in missing}
        todo = sentences
        if todo is None:
            sha, extraction = task.sha256, config.extraction
            columns = _remembered(
                recent, "columns", lambda: cache.get_sentence_columns(sha, extraction)
            )
            if columns is not None:
                vocabulary = recent.get("vocabulary") if recent is not None else None
                if vocabulary is not None:
                    which = matcher.sentences_to_match_in(vocabulary, only=names)
                else:
                    which = matcher.sentences_to_match(
                        columns.lemmas, columns.texts, columns.is_word, columns.bounds, only=names
                    )
                    if recent is not None:
                        recent["vocabulary"] = _vocabulary(columns)
                todo = columns.sentences(which)
            else:  # listed in the cache but unreadable: annotate the text again
                from textscan.nlp import annotate

                todo = annotate(_full_document(task, config, cache, document))
                cache.put_sentences(task.sha256, config.extraction, todo)
        new = matcher.match(todo, document.name, titles, only=names)
        for lx in missing:
            found[lx.name] = [h for h in new if h.lexicon == lx.name]
            cache.put_hits(task.sha256, config.extraction, lx.sha256, found[lx.name])
    if recent is not None:  # the hits of this scan's lexicons only
        recent["hits"] = {lx.sha256: found[lx.name] for lx in matcher.lexicons}
    payload["cache"]["hits"] = len(matcher.lexicons) - len(missing)
    payload["cache"]["hits_matched"] = len(missing)
    order = sentences if sentences is not None else infos
    assert order is not None
    return merge_hits(order, *(found[lx.name] for lx in matcher.lexicons))


def _full_document(task: Task, config: ScanConfig, cache: Cache, document: Document) -> Document:
    """``document`` with its paragraphs: a re-profile's outline (see :func:`_outline_document`)
    read in full from the cache, or extracted again if the cache cannot give it."""
    if document.paragraphs:
        return document
    full = cache.get_document(task.sha256, config.extraction)
    if full is None:
        from textscan.extract import extract

        full = extract(Path(task.path), engine=config.engine, ocr=config.ocr)
        cache.put_document(full, config.extraction)
    return replace(full, path=document.path, name=document.name)


class _Derived:
    """One document's figures derived from its text alone, kept in the cache."""

    def __init__(self, cache: Cache, sha256: str, extraction: str) -> None:
        self.cache, self.sha256, self.extraction = cache, sha256, extraction

    def get(self, name: str) -> Any | None:
        return self.cache.get_derived(self.sha256, self.extraction, name)

    def put(self, name: str, value: Any) -> None:
        self.cache.put_derived(self.sha256, self.extraction, name, value)


def _text_facts(
    document: Document, sentences: list[Sentence], store: _Derived | None
) -> dict[str, Any]:
    """What no lexicon changes: the text fingerprint, the Dutch share, the sentence table.

    Read from the cache when it has them, so that a re-profile with an edited
    lexicon only matches and counts.
    """
    from textscan.pipeline import sentence_columns
    from textscan.profile import words_fingerprint

    facts = _stored_text_facts(store)
    if facts is not None:
        return facts
    from textscan.cache import document_to_json

    # lowercased once for both (the Dutch share lowercases what it is given again:
    # a no-op on these, and cheaper than a second pass over the tokens)
    words = [t.text.lower() for s in sentences for t in s.tokens if t.is_word]
    facts = {
        "fingerprint": words_fingerprint(words),
        "dutch_share": dutch_share(words),
        "sentences": sentence_columns(document, sentences),
        "tokens": sum(len(s.tokens) for s in sentences),
        # what a re-profile needs of the document (the sentence table has the text)
        "outline": document_to_json(document, paragraphs=False) if store is not None else None,
    }
    if store is not None:
        store.put("text", facts)
    return facts


_TEXT_FACTS = frozenset({"fingerprint", "dutch_share", "sentences", "tokens", "outline"})


def _outline_document(facts: dict[str, Any]) -> Document:
    """The document as its stored text facts describe it: all but its paragraphs.

    Enough for a re-profile (sections, pages, warnings, extractor), which
    reads the text from the cached sentences; reading the whole extraction
    only for this took a tenth of a re-profile's time.
    """
    from textscan.cache import document_from_json

    return document_from_json(facts["outline"])


def _stored_text_facts(store: _Derived | None) -> dict[str, Any] | None:
    """The text facts :func:`_text_facts` keeps in the cache, or None if it has none."""
    facts = store.get("text") if store is not None else None
    if isinstance(facts, dict) and facts.keys() >= _TEXT_FACTS:
        return facts
    return None


def process_file(task: Task, config: ScanConfig) -> dict[str, Any]:
    """Check, extract, annotate, match and profile one file; never raises for bad input.

    Returns a JSON-ready payload: the profile (``Profile.to_dict``), hit and
    sentence rows, failure and warning rows, and counts. Extraction and
    annotation come from the cache when it holds them for this file's hash.
    """
    from textscan.extract import extract
    from textscan.pipeline import hit_columns, sentence_infos
    from textscan.profile import build_profile

    started = time.perf_counter()
    pipeline, cache = _worker_state(config)
    path = Path(task.path)
    payload = _empty_payload(task)
    stage = "extract"  # the checks before extraction count as part of it
    try:
        check_readable(path)
        with path.open("rb") as fh:
            head = fh.read(2048)
        sniff_content(path, head)
        _test_hook(task.path, config.test_hook)
        document: Document | None = None
        store = _Derived(cache, task.sha256, config.extraction) if cache is not None else None
        recent = None
        if config.remember and cache is not None:
            recent = _RECENT.entry((task.sha256, config.extraction, path.stem))
        facts = recent.get("facts") if recent is not None else None
        if facts is None:
            facts = _stored_text_facts(store)
        # a re-profile: the file is annotated in the cache, with its text facts
        reprofile = (
            cache is not None
            and facts is not None
            and cache.has_sentences(task.sha256, config.extraction)
        )
        if reprofile:
            assert facts is not None
            document = _remembered(recent, "outline", lambda: _outline_document(facts))
            if recent is not None:
                recent["facts"] = facts
            payload["cache"]["document"] = "hit"
        elif cache is not None:
            document = cache.get_document(task.sha256, config.extraction)
            payload["cache"]["document"] = "hit" if document is not None else "miss"
        if document is not None:
            document = replace(document, path=str(path), name=path.stem)
        else:
            document = extract(path, engine=config.engine, ocr=config.ocr)
            if cache is not None:
                cache.put_document(document, config.extraction)
        payload["pages"] = len(document.pages)
        # (a re-profile's outline has no paragraphs: its file had text when it was annotated)
        if not reprofile and not document.analysed_paragraphs:
            if document.format == "pdf":
                n = len(document.pages)
                raise ExtractionError(
                    task.path,
                    f"has no text layer on any of its {n} page(s): probably scanned images; "
                    "run again with --ocr to read it by OCR",
                    kind="no-text",
                )
            raise InputError(task.path, "contains no text", kind="empty")
        stage = "annotate"
        sentences: list[Sentence] | None = None
        infos: list[SentenceInfo] | None = None
        if reprofile:
            # the cached sentence table serves the profile, and tokens are
            # read only where a lexicon is matched again (see _match)
            assert facts is not None
            infos = _remembered(recent, "infos", lambda: sentence_infos(facts["sentences"]))
            payload["cache"]["sentences"] = "hit"
        if infos is None:
            if cache is not None:
                sentences = cache.get_sentences(task.sha256, config.extraction)
                payload["cache"]["sentences"] = "hit" if sentences is not None else "miss"
            if sentences is None:
                from textscan.nlp import annotate  # only when the cache has no sentences

                sentences = annotate(document)
                if cache is not None:
                    if recent is not None:
                        from textscan.cache import token_columns

                        # kept as the cache stores them, for this worker's next scan
                        recent["columns"] = token_columns(sentences)
                        recent["vocabulary"] = _vocabulary(recent["columns"])
                        cache.put_sentences(task.sha256, config.extraction, recent["columns"])
                    else:
                        cache.put_sentences(task.sha256, config.extraction, sentences)
            facts = _text_facts(document, sentences, store)
            if recent is not None:  # what this worker's next scan of the file needs
                recent["facts"], recent["outline"] = facts, _outline_document(facts)
                recent["infos"] = sentence_infos(facts["sentences"])
        payload["tokens"] = facts["tokens"]
        if config.language_check:
            warning = not_dutch_warning(facts["dutch_share"])
            if warning is not None:
                document = replace(document, warnings=(*document.warnings, warning))
        stage = "match"
        hits = _match(
            pipeline.matcher, cache, task, config, document, sentences, infos, payload, recent
        )
        if recent is not None:
            _RECENT.weigh(recent, facts["tokens"])
        stage = "profile"
        profile = build_profile(
            document,
            sentences if sentences is not None else infos or [],
            hits,
            pipeline.lexicons,
            fingerprint=facts["fingerprint"],
            parts=recent.setdefault("profile", {}) if recent is not None else None,
        )
        payload["profile"] = profile.to_dict()
        payload["hits"] = hit_columns(hits)
        payload["sentences"] = {"document": document.name, "columns": facts["sentences"]}
        payload["status"] = "ok"
        for w in document.warnings:
            payload["warnings"].append(
                failure_row(
                    task.path,
                    task.sha256,
                    "extract" if w.code != "not-dutch" else "annotate",
                    w.code,
                    w.message,
                    w.pages,
                )
            )
    except (TextscanError, OSError, ValueError) as exc:
        kind = getattr(exc, "kind", None) or type(exc).__name__
        message = getattr(exc, "message", None) or str(exc)
        if kind == "corrupt" and _is_encrypted_pdf(path):
            kind, message = "encrypted", "is encrypted and needs a password to be opened"
        if isinstance(exc, OSError) and not isinstance(exc, TextscanError):
            kind, message = "unreadable", f"cannot be read: {exc.strerror or exc}"
        payload["failures"].append(
            failure_row(task.path, task.sha256, stage, kind, message, _pages_of(exc))
        )
    except MemoryError:
        payload["failures"].append(
            failure_row(
                task.path,
                task.sha256,
                stage,
                "memory",
                f"needed more memory than the limit of {config.max_memory_mb} MB "
                "(raise it with --max-memory)",
            )
        )
    except RecursionError:
        payload["failures"].append(
            failure_row(
                task.path,
                task.sha256,
                stage,
                "too-complex",
                "is nested too deeply to read (a malformed or hostile file?)",
            )
        )
    except Exception as exc:  # a parser bug on a malformed file must not stop the batch
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" in {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
        payload["failures"].append(
            failure_row(
                task.path,
                task.sha256,
                stage,
                "internal",
                f"could not be processed: unexpected {type(exc).__name__}: {exc}{where}",
            )
        )
    payload["seconds"] = round(time.perf_counter() - started, 4)
    payload["peak_rss_mb"] = _peak_rss_mb()
    return payload


def _peak_rss_mb() -> float:
    """This process's peak resident memory in MB (0 where unknown).

    On Linux the high-water mark of this process's own memory (``VmHWM``):
    ``getrusage`` keeps, across ``exec``, the peak of the process that
    started it (a scan run from a large notebook or benchmark process would
    report that one's memory as its own).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)  # kB
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
    except (ImportError, OSError):  # pragma: no cover
        return 0.0


def _is_encrypted_pdf(path: Path) -> bool:
    """Whether a PDF's trailer names an encryption dictionary (pdfium reports a bad password
    as a load failure; this tells the user the real reason)."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 8192))
            tail = fh.read()
            fh.seek(0)
            head = fh.read(8192)
    except OSError:
        return False
    return b"/Encrypt" in tail or b"/Encrypt" in head


def _empty_payload(task: Task) -> dict[str, Any]:
    """The result of a file before (or instead of) processing it: failed, nothing found."""
    return {
        "index": task.index,
        "file": task.path,
        "sha256": task.sha256,
        "status": "failed",
        "profile": None,
        "hits": [],
        "sentences": {},
        "failures": [],
        "warnings": [],
        "pages": 0,
        "tokens": 0,
        "cache": {"document": "off", "sentences": "off"},
    }


def _lost_payload(task: Task, kind: str, message: str, stage: str = "worker") -> dict[str, Any]:
    payload = _empty_payload(task)
    payload["failures"] = [failure_row(task.path, task.sha256, stage, kind, message)]
    return payload


# ------------------------------------------------------------- local executor


def _limit_memory(max_memory_mb: int | None) -> None:
    if not max_memory_mb:
        return
    try:
        import resource

        limit = int(max_memory_mb) << 20
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - platforms without it
        pass


def _worker_main(
    conn: Connection, config: ScanConfig, parent_end: Connection | None = None
) -> None:
    """A worker process: build the pipeline once, then process tasks until told to stop."""
    if parent_end is not None:
        # a forked worker holds a copy of the parent's end of its pipe: close it, so
        # that the parent's death reaches this worker as end-of-file
        parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _limit_memory(config.max_memory_mb)
    tune_collector()
    try:
        _worker_state(config)
    except BaseException as exc:
        conn.send(("fatal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    known = {_lexicon_key(lx): lx for lx in config.lexicons}
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if isinstance(task, _Reconfigure):  # kept for another scan (see scan's keep_workers)
            known.update((_lexicon_key(lx), lx) for lx in task.new)
            known = {key: known[key] for key in task.keys}
            config = replace(task.config, lexicons=tuple(known[key] for key in task.keys))
            continue
        conn.send(("started", task.index))
        payload = process_file(task, config)
        if config.parts_dir is not None:
            # saved here, in parallel, rather than by the parent between files
            save_part(Path(config.parts_dir), payload)
            payload["journaled"] = True
        try:
            conn.send(("done", payload))
        except (BrokenPipeError, OSError):
            return


def _context(config: ScanConfig, need_nlp: bool = True) -> mp.context.BaseContext:
    """How workers start: forked from this process once it has built the pipeline.

    With "fork" (Linux) the parent builds the lexicons, matcher and tokenizer
    pipeline once and every worker, and every replacement of a killed one,
    starts with them in place (shared copy-on-write). Elsewhere a forkserver
    with the tokenizer and lemma tables preloaded, or plain spawn.
    """
    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods():
        # what is built here (modules, tables) lives as long as the process, and
        # the collector would scan it again and again while it grows: paused
        with collector_paused(kept=True):
            _preload_for_fork(config, need_nlp)
        return mp.get_context("fork")
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["textscan._warm"])
        return ctx
    return mp.get_context("spawn")


def _preload_for_fork(config: ScanConfig, need_nlp: bool) -> None:
    """Build, import and read once, in the parent, what every forked worker needs."""
    if need_nlp:  # some file is not annotated in the cache: workers will annotate
        pipeline, _ = _worker_state(config)
        pipeline.matcher.prepare()  # every lexicon's tables, shared by the workers
        from textscan.nlp import get_chunk_tokenizer

        get_chunk_tokenizer()
    # (else a re-profile from the cache: each worker builds the tables of only the
    # lexicons it has to match, those not in the cache, when it first matches)

    # what every worker imports or reads for its first file, once here (numpy for
    # the bootstrap)
    import resource  # noqa: F401

    import numpy

    # numpy loads this on first use (the bootstrap's and the fingerprint's draws):
    # in each worker otherwise. (numpy.ma, 20 ms, which np.unique and np.quantile
    # load, is not used: see textscan.profile)
    import numpy.random  # noqa: F401

    from textscan.checks import _dutch_stop_words

    _dutch_stop_words()

    if need_nlp:  # a re-profile reads its documents from the cache: no PDF library
        import textscan.extract.pdf
    import textscan.extract.text
    import textscan.output
    import textscan.pipeline  # noqa: F401  (the matcher, for the workers and the tables)
    from textscan.lemmatizer import get_lemmatizer

    # every matcher reads the lemma tables (a re-profile's too): loaded once here,
    # not by each worker (40-60 ms each, while the parent imports pandas)
    get_lemmatizer()


def _lexicon_key(lexicon: Lexicon) -> tuple[str, str]:
    return (lexicon.name, lexicon.sha256)


@dataclass(frozen=True)
class _Reconfigure:
    """Tells a kept worker the next scan's settings: its config without the lexicons,
    which lexicons (name and hash) it uses, and those of them the worker has not yet got."""

    config: ScanConfig
    keys: tuple[tuple[str, str], ...]
    new: tuple[Lexicon, ...]


#: how many queued files a free kept worker looks through for one of its own
_AFFINITY_LOOKAHEAD = 64
#: a kept worker's work on a file another one had, against that one's (measured on
#: the five manifestos: 33-43 ms for a file from memory, 69 ms read from the cache)
_TAKEOVER_COST = 1.5


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    task: Task | None = None
    deadline: float = 0.0
    started: float = 0.0  # when it was given its current file
    # the lexicons (name, hash) the worker holds: those it was started with, or
    # those of the last _Reconfigure it was sent
    lexicons: frozenset[tuple[str, str]] = frozenset()


class LocalExecutor:
    """Worker processes with a per-file time limit; a dead or hung worker is replaced.

    A hand-written supervisor rather than ``ProcessPoolExecutor`` because the
    latter cannot kill the one worker that hangs on a file (it breaks the whole
    pool instead).
    """

    def __init__(
        self,
        config: ScanConfig,
        jobs: int,
        timeout: float | None,
        need_nlp: bool = True,
        keep: bool = False,
    ) -> None:
        self.config = config
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.ctx = _context(config, need_nlp)
        self.need_nlp = need_nlp
        self.keep = keep
        self.cores = default_jobs()
        self.workers: list[_Worker] = []
        self._leaving: list[Any] = []  # told to stop, not yet seen to exit (see reap)
        # kept workers: which worker (pid) last processed each file (content hash),
        # the file's tokens, and this scan's seconds and tokens of finished files
        self.affinity: dict[str, int] = {}
        self.tokens: dict[str, int] = {}
        self._scan_seconds = 0.0
        self._scan_tokens = 0

    def compatible(self, config: ScanConfig) -> bool:
        """Whether this executor's idle workers can take a scan with ``config``.

        The memory limit is set once, when a worker starts; everything else
        is sent to the worker with the scan (see :meth:`reuse`).
        """
        return config.max_memory_mb == self.config.max_memory_mb

    def reuse(
        self, config: ScanConfig, jobs: int, timeout: float | None, need_nlp: bool, keep: bool
    ) -> None:
        """Take another scan with the idle workers kept from the last one.

        Each worker is sent the new settings and only the lexicons it does not
        hold yet (after an edit: the edited one), no more than one process per
        job is kept, and a worker that died while idle is left out (a new one
        is forked when needed).
        """
        self.config = config
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.need_nlp = need_nlp
        self.keep = keep
        self._scan_seconds, self._scan_tokens = 0.0, 0
        keys = tuple(_lexicon_key(lx) for lx in config.lexicons)
        bare = replace(config, lexicons=())
        for w in list(self.workers):
            if not w.proc.is_alive() or len(self.workers) > self.jobs:
                self._retire(w, kill=not w.proc.is_alive())
                continue
            new = tuple(lx for lx in config.lexicons if _lexicon_key(lx) not in w.lexicons)
            try:
                w.conn.send(_Reconfigure(bare, keys, new))
            except OSError:
                self._retire(w, kill=True)
                continue
            w.lexicons = frozenset(keys)

    def _spawn(self) -> _Worker:
        _await_preload()
        parent, child = self.ctx.Pipe()
        forked = self.ctx.get_start_method() == "fork"
        proc = self.ctx.Process(
            target=_worker_main,
            args=(child, self.config, parent if forked else None),
            daemon=True,
            name="textscan-worker",
        )
        if forked:
            # The worker shares the parent's memory copy-on-write; the cyclic
            # garbage collector would write to every inherited object it scans,
            # copying the whole 150 MB pipeline page by page. Frozen objects are
            # not scanned in the worker; the parent unfreezes at once.
            gc.freeze()
            try:
                proc.start()
            finally:
                gc.unfreeze()
        else:
            proc.start()
        child.close()
        w = _Worker(proc, parent, lexicons=frozenset(map(_lexicon_key, self.config.lexicons)))
        self.workers.append(w)
        return w

    def _next_task(self, w: _Worker, queue: deque[Task]) -> Task | None:
        """The next file for the idle worker ``w``, or None to leave it idle for now.

        A kept worker remembers what it read of its recent files (see
        :class:`_Recent`), so a file goes back to the worker that last
        processed it: first its own files, in queue order, then files no
        live worker has had. A file another worker had is taken over only
        when this worker, reading it from the cache (:data:`_TAKEOVER_COST`
        times the work), would still finish it before that worker could
        (by the seconds per token of the files done so far in this scan);
        otherwise ``w`` waits. Among the first :data:`_AFFINITY_LOOKAHEAD`
        queued files, so that a long queue costs nothing and the largest
        files still start first. Without kept workers: the queue's order.
        """
        if not (self.keep and self.affinity):
            return queue.popleft()
        pid = w.proc.pid
        by_pid = {x.proc.pid: x for x in self.workers}
        window = list(islice(queue, _AFFINITY_LOOKAHEAD))
        pick = next((k for k, t in enumerate(window) if self.affinity.get(t.sha256) == pid), None)
        if pick is None:
            pick = next(
                (k for k, t in enumerate(window) if self.affinity.get(t.sha256) not in by_pid),
                None,
            )
        if pick is None:
            pick = self._takeover(window, by_pid)
        if pick is None:
            return None
        task = queue[pick]
        del queue[pick]
        return task

    def _takeover(self, window: list[Task], by_pid: dict[int, _Worker]) -> int | None:
        """The first file of ``window`` (all other live workers') worth taking over, if any."""
        done = self._scan_tokens
        if done <= 0 or any(t.sha256 not in self.tokens for t in window):
            return 0  # nothing to go by: the queue's order
        rate = self._scan_seconds / done
        now = time.monotonic()
        busy_until: dict[int, float] = {}
        for owner, x in by_pid.items():
            left = 0.0
            if x.task is not None:
                left = x.started + rate * self.tokens.get(x.task.sha256, 0) - now
            busy_until[owner] = max(0.0, left)
        for k, t in enumerate(window):
            owner = self.affinity[t.sha256]
            work = rate * self.tokens[t.sha256]
            busy_until[owner] += work  # when its owner would finish it
            if _TAKEOVER_COST * work < busy_until[owner]:
                return k
        return None

    def _finished(self, w: _Worker, payload: dict[str, Any]) -> None:
        """Note, for kept workers, who did the file, its tokens and how long it took."""
        sha = payload["sha256"]
        self.affinity[sha] = w.proc.pid
        tokens = int(payload.get("tokens") or 0)
        if tokens > 0 and payload.get("status") == "ok":
            self.tokens[sha] = tokens
            self._scan_tokens += tokens
            self._scan_seconds += float(payload.get("seconds") or 0.0)

    def _assign(self, w: _Worker, task: Task) -> None:
        w.task = task
        w.started = time.monotonic()
        # the exact limit starts when the worker says it has started the file
        w.deadline = time.monotonic() + _STARTUP_GRACE + (self.timeout or 1e12)
        w.conn.send(task)

    def _retire(self, w: _Worker, kill: bool) -> None:
        """Stop a worker: killed (and waited for) or, when idle, asked to exit.

        An idle worker's exit (some milliseconds of unmapping its memory) is
        waited for by :meth:`reap`, so the parent meanwhile goes on: with the
        next results, or with the tables once the last file is done.
        """
        if kill and w.proc.is_alive():
            w.proc.kill()
            w.proc.join(timeout=5)
        else:
            with contextlib.suppress(OSError):
                w.conn.send(None)
            self._leaving.append(w.proc)
        w.conn.close()
        if w in self.workers:
            self.workers.remove(w)

    def reap(self) -> None:
        """Wait for the workers asked to exit; one that does not within 5 s is killed."""
        leaving, self._leaving = self._leaving, []
        for proc in leaving:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=5)

    def run(self, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        queue = deque(tasks)
        finished = False
        try:
            while queue or any(w.task for w in self.workers):
                for w in list(self.workers):
                    if w.task is None:
                        if queue:
                            task = self._next_task(w, queue)
                            if task is not None:  # else: left for the worker that had it
                                self._assign(w, task)
                        elif not self.keep:
                            self._retire(w, kill=False)
                while queue and len(self.workers) < self.jobs:
                    self._assign(self._spawn(), queue.popleft())
                if self.ctx.get_start_method() == "fork":
                    _preload_validator()  # every worker is forked (see LOAD_VALIDATOR_AHEAD)
                busy = [w for w in self.workers if w.task is not None]
                if self.ctx.get_start_method() == "fork" and (
                    len(busy) < self.cores or not self.need_nlp
                ):
                    # every worker is forked: import what writing the tables needs
                    # while they work (not after them, on one core); in a cold run
                    # once a core is free (with as many workers as cores: the last
                    # files are being read), not on a core the workers need, and in
                    # a re-profile from the cache (a tenth of a second) at once
                    _preload_writers()
                if not busy:
                    continue
                now = time.monotonic()
                wait_for = max(0.0, min(w.deadline for w in busy) - now)
                ready = wait(
                    [w.conn for w in busy] + [w.proc.sentinel for w in busy],
                    timeout=min(wait_for, 1.0),
                )
                for w in busy:
                    if w.conn in ready:
                        try:
                            while w.conn.poll():
                                kind, value = w.conn.recv()
                                if kind == "fatal":
                                    raise TextscanError(f"a worker could not start: {value}")
                                if kind == "started":
                                    w.deadline = time.monotonic() + (self.timeout or 1e12)
                                elif kind == "done":
                                    if self.keep and value.get("sha256"):
                                        self._finished(w, value)
                                    w.task = None
                                    yield value
                                    break
                        except (EOFError, OSError):
                            pass  # died: the sentinel check below records it
                    if w.task is None:
                        continue
                    if not w.proc.is_alive():
                        task = w.task
                        code = w.proc.exitcode
                        self._retire(w, kill=True)
                        yield _lost_payload(task, *_death(code, self.config.max_memory_mb))
                    elif time.monotonic() > w.deadline:
                        task = w.task
                        self._retire(w, kill=True)
                        limit = self.timeout or 0
                        yield _lost_payload(
                            task,
                            "timeout",
                            f"took longer than the time limit of {limit:g} s and was stopped "
                            "(a very large or malformed file? raise it with --timeout)",
                        )
            finished = True
        finally:
            if not (self.keep and finished):
                self.shutdown()

    def shutdown(self) -> None:
        """Stop every worker now (unfinished files are not recorded); see :meth:`reap`."""
        for w in list(self.workers):
            self._retire(w, kill=w.task is not None)


class _PreExtractor:
    """Extracts files into the cache on an idle core while the parent builds the pipeline.

    Loading the lexicons and building the pipeline take the parent a few tenths
    of a second, during which the other cores would wait. With two or more jobs
    and the cache on, a process forked before that (it needs no pipeline)
    extracts the pending files, largest first, into the cache; the workers then
    find them there. When the
    pipeline is ready the parent stops it after its current file and gives
    that file to the next free worker. It reports nothing itself: a file it
    cannot read is met again, and reported, by a worker.
    """

    def __init__(
        self,
        config: ScanConfig,
        tasks: Sequence[Task],
        *,
        order: bool = False,
        spare: Spare | None = None,
    ) -> None:
        """Start extracting ``tasks`` in their order, or with ``order`` largest first.

        With ``order`` the process orders them itself (it opens the PDFs to
        count their pages, which needs pypdfium2, as it does anyway) and
        reports the order first: see :meth:`order`. With ``spare`` (see
        :mod:`textscan._spare`) that process does the work instead of a new one.
        """
        self._tasks = list(tasks)
        self._order: list[int] | None = None if order else [t.index for t in self._tasks]
        self._stop: Any
        self.proc: Any
        if spare is not None:
            try:
                self._conn = spare.hand_over(config, self._tasks, order)
            except (OSError, ValueError):  # it has ended, or the work is too large for it
                spare.release()
                spare = None
            else:
                self._stop = self.proc = spare
        if spare is None:
            ctx = mp.get_context("fork")
            self._stop = ctx.Event()
            self._conn, child = ctx.Pipe(duplex=False)
            self.proc = ctx.Process(
                target=_pre_extract_main,
                args=(child, config, self._tasks, self._stop, order),
                daemon=True,
                name="textscan-pre-extract",
            )
            self.proc.start()
            child.close()
        self.done: set[int] = set()
        self.current: int | None = None
        self._cache_dir = config.cache_dir
        self._extraction = config.extraction

    def order(self) -> list[Task]:
        """The tasks in the order it extracts them (waits for it to report that order).

        Should it end without reporting, the order is worked out here.
        """
        try:
            while self._order is None and self._conn.poll(None):
                self._receive(*self._conn.recv())
        except (EOFError, OSError):
            pass
        if self._order is None:
            return _largest_first(self._tasks, self._cache_dir, self._extraction)
        by_index = {t.index: t for t in self._tasks}
        return [by_index[i] for i in self._order]

    def _receive(self, kind: str, value: Any) -> None:
        if kind == "order":
            self._order = value
            return
        if kind == "start":
            self.current = value
            return
        if kind == "done":
            self.done.add(value)
        self.current = None  # done, already cached, or left to a worker

    @staticmethod
    def usable(config: ScanConfig) -> bool:
        """Only with the cache (the hand-over), without OCR (slow, external) and with fork."""
        return (
            config.cache_dir is not None
            and not config.ocr
            and sys.platform.startswith("linux")
            and "fork" in mp.get_all_start_methods()
        )

    def _drain(self) -> None:
        try:
            while self._conn.poll():
                self._receive(*self._conn.recv())
        except (EOFError, OSError):
            self.current = None

    def stop(self) -> int | None:
        """Ask it to stop after its current file; returns that file's task index, if any."""
        self._stop.set()
        self._drain()
        return self.current

    def extracted(self, index: int) -> bool:
        """Whether it put this task's document in the cache in this run."""
        self._drain()
        return index in self.done

    def close(self) -> None:
        """Stop it now (whatever it is doing is no longer needed) and reap it."""
        self._stop.set()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        self._conn.close()
        if isinstance(self.proc, _spare.Spare):
            self.proc.release()  # its pipe to it


def _pre_extract_main(
    conn: Connection, config: ScanConfig, tasks: list[Task], stop: Any, order: bool = False
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _limit_memory(config.max_memory_mb)
    tune_collector()
    if order:
        tasks = _largest_first(tasks, config.cache_dir, config.extraction)
        try:
            conn.send(("order", [t.index for t in tasks]))
        except (BrokenPipeError, OSError):
            return
    from textscan.cache import Cache
    from textscan.extract import extract

    cache = Cache(config.cache_dir)
    for task in tasks:
        if stop.is_set():
            break
        try:
            conn.send(("start", task.index))
            if cache.has_document(task.sha256, config.extraction):
                conn.send(("cached", task.index))
                continue
            path = Path(task.path)
            check_readable(path)
            with path.open("rb") as fh:
                sniff_content(path, fh.read(2048))
            cache.put_document(extract(path, engine=config.engine), config.extraction)
            conn.send(("done", task.index))
        except (BrokenPipeError, EOFError):
            return
        except Exception:  # a worker meets this file again and reports what is wrong
            with contextlib.suppress(OSError):
                conn.send(("left", task.index))


def _needs_nlp(config: ScanConfig, tasks: Sequence[Task]) -> bool:
    """Whether some file's sentences are not in the cache (its worker must annotate it).

    When every file is annotated in the cache (a re-profile with another
    lexicon), the workers only match: no tokenizer is loaded at all.
    """
    if config.cache_dir is None:
        return True
    from textscan.cache import Cache

    cache = Cache(config.cache_dir, read_only=True)
    try:
        return not all(cache.has_sentences(t.sha256, config.extraction) for t in tasks)
    finally:
        cache.close()  # not carried into the processes forked next


def _work_order(tasks: list[Task], config: ScanConfig, *, one_at_a_time: bool) -> list[Task]:
    """The order in which the files go to the workers: largest first, unless one at a time.

    With one worker (``--jobs 1``, or in this process) the order changes
    nothing but when each file is done, and finding it would open every PDF
    to count its pages: the files go in their input order.
    """
    if one_at_a_time:
        return list(tasks)
    return _largest_first(tasks, config.cache_dir, config.extraction)


def _largest_first(
    tasks: list[Task], cache_dir: str | None = None, extraction: str | None = None
) -> list[Task]:
    """Tasks in order of falling expected work, so that the last file to finish is a small one.

    With a few workers and files of unequal size, starting the largest first
    keeps every worker busy until the end (the longest-processing-time rule).
    A PDF's work is its page count (read from its cross-reference table, under
    a millisecond; bytes say little: a 28-page PDF full of images outweighs a
    94-page one), other files count by their size. Beyond
    :data:`_COUNT_PAGES_UP_TO` files, where the order of the last few matters
    little and a millisecond each adds up, every file counts by its size.
    With ``cache_dir``, page counts are kept by content hash, so that a
    re-profile opens no PDF to order them. With ``extraction`` too, a file
    whose annotation is in the cache (its worker only matches and counts)
    weighs by that annotation's tokens: pages say less there (a 74-page
    manifesto with half-empty pages has fewer words than a 36-page one), and
    all such files come after those still to be annotated, whose work is many
    times larger. Results are still written in
    input order.
    """
    count = len(tasks) <= _COUNT_PAGES_UP_TO
    annotated: dict[str, int] = {}
    known: dict[str, int] = {}
    if cache_dir is not None and tasks:
        from textscan.cache import Cache

        memo = Cache(cache_dir, read_only=True)
        try:
            if extraction is not None:
                annotated = memo.annotated_tokens([t.sha256 for t in tasks if t.sha256], extraction)
            pdfs = [
                t.sha256
                for t in tasks
                if count and t.path.lower().endswith(".pdf") and t.sha256 not in annotated
            ]
            known = memo.known_pages(pdfs)
        finally:
            memo.close()
    work: dict[int, tuple[int, int]] = {}
    counted: dict[str, int] = {}
    for t in tasks:
        if t.sha256 in annotated:
            work[t.index] = (0, annotated[t.sha256])
            continue
        is_pdf = count and t.path.lower().endswith(".pdf")
        pages = known.get(t.sha256) if is_pdf else None
        if pages is None and is_pdf:
            pages = _pdf_pages(t.path)
            if pages is not None and t.sha256:
                counted[t.sha256] = pages
        work[t.index] = (1, pages * _CHARS_PER_PAGE if pages is not None else _file_size(t.path))
    if cache_dir is not None and counted:
        from textscan.cache import Cache

        memo = Cache(cache_dir)
        try:
            memo.remember_pages(counted)
        finally:
            memo.close()
    return sorted(tasks, key=lambda t: (-work[t.index][0], -work[t.index][1], t.index))


_COUNT_PAGES_UP_TO = 2000


# characters of text on a typical plan page, to weigh PDFs against text files
_CHARS_PER_PAGE = 3000


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _pdf_pages(path: str) -> int | None:
    """The page count of a PDF, or None when it cannot be opened (a worker will say why)."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(path)
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:  # damaged or encrypted: the worker will say what is wrong
        return None


_preload: threading.Thread | None = None


def _preload_writers() -> None:
    """Import pyarrow in a thread while the workers read the last files.

    The parent needs it only to write the Parquet files at the end; importing
    it then, on one core while the other waits, would add to every run.
    Started once the workers are forked (a fork while another thread imports
    could copy a held import lock), in a cold run once fewer are busy than
    there are cores: with two workers on two cores, while the last file is
    read, on the core the other worker has left (at the start it took 0.05 s
    from the workers; about 0.025 s of the run's time).
    The tables are written without pandas (:mod:`textscan.tables`): its
    import, 0.2 s of CPU beside pyarrow's 0.05 s, used to run here.
    """
    global _preload

    def load() -> None:
        with contextlib.suppress(ImportError):
            import pyarrow.parquet  # noqa: F401

            import textscan.tables  # noqa: F401
            from textscan._version import pandas_version

            pandas_version()  # the tables' metadata names it (kept for the process)

    if _preload is None and "pyarrow.parquet" not in sys.modules:
        _preload = threading.Thread(target=load, name="textscan-preload", daemon=True)
        _preload.start()


#: Whether a scan loads the lexicon validator (PyYAML, pydantic and the schema,
#: some 130 ms of CPU) in a thread while its workers read the files, when this
#: process has not loaded it yet. Lexicons read before are loaded without it
#: (see :mod:`textscan.lexicon`), so in a notebook the first re-profile after
#: an edit would otherwise wait for it. The ``textscan`` command, whose process
#: ends with its scan, sets this to False.
LOAD_VALIDATOR_AHEAD = True

_validator_preload: threading.Thread | None = None


def _preload_validator() -> None:
    """Import the lexicon validator in a thread (see :data:`LOAD_VALIDATOR_AHEAD`).

    Started, like :func:`_preload_writers`, once the workers are forked.
    """
    global _validator_preload

    def load() -> None:
        with contextlib.suppress(ImportError):
            import yaml  # noqa: F401

            import textscan._lexicon_schema  # noqa: F401

    if (
        LOAD_VALIDATOR_AHEAD
        and _validator_preload is None
        and "textscan._lexicon_schema" not in sys.modules
    ):
        _validator_preload = threading.Thread(
            target=load, name="textscan-preload-validator", daemon=True
        )
        _validator_preload.start()


def _await_preload() -> None:
    """Wait for the preloads to finish (before a fork or before writing)."""
    for thread in (_preload, _validator_preload):
        if thread is not None and thread.is_alive():
            thread.join()


def _death(exitcode: int | None, max_memory_mb: int | None) -> tuple[str, str]:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return "crash", (
                f"the worker reading it was killed ({name}); if the system ran out of memory, "
                f"lower --jobs or --max-memory (now {max_memory_mb} MB)"
            )
        return "crash", f"made the worker reading it crash ({name}); the file may be malformed"
    return "crash", f"made the worker reading it exit unexpectedly (exit code {exitcode})"


class InProcessExecutor:
    """No worker processes (``jobs=0``): for debugging and notebooks; no time limit."""

    def __init__(self, config: ScanConfig) -> None:
        self.config = config

    def run(self, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        for task in tasks:
            yield process_file(task, self.config)

    def shutdown(self) -> None:
        pass

    def reap(self) -> None:
        pass


class DaskExecutor:
    """The same :func:`process_file` on a Dask cluster (``pip install 'textscan[dask]'``).

    ``scheduler`` is a scheduler address ("tcp://host:8786"), a
    ``distributed.Client`` or a cluster object. Each Dask worker builds the
    pipeline once (it is kept per process). The time limit is Dask's business
    here: use the cluster's own worker memory and lifetime settings.
    """

    def __init__(self, config: ScanConfig, scheduler: Any) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ScanConfigError(
                "the Dask executor needs dask and distributed: pip install 'textscan[dask]'"
            ) from exc
        self.config = config
        if isinstance(scheduler, Client):
            self.client, self._own = scheduler, False
        elif scheduler is None:
            raise ScanConfigError("the Dask executor needs --scheduler ADDRESS")
        else:
            self.client, self._own = Client(scheduler), True
        self._futures: list[Any] = []

    def run(self, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        from distributed import as_completed

        tasks = list(tasks)
        config = self.client.scatter(self.config, broadcast=True)
        self._futures = [
            self.client.submit(
                process_file, t, config, pure=False, key=f"textscan-{t.index}-{t.sha256[:16]}"
            )
            for t in tasks
        ]
        by_key = {f.key: t for f, t in zip(self._futures, tasks, strict=True)}
        for fut in as_completed(self._futures):
            try:
                yield fut.result()
            except Exception as exc:  # KilledWorker and the like
                yield _lost_payload(by_key[fut.key], "crash", f"failed on the cluster: {exc}")

    def shutdown(self) -> None:
        for f in self._futures:
            f.cancel()
        if self._own:
            self.client.close()

    def reap(self) -> None:
        pass


# ------------------------------------------------------------------ reporting


class Reporter(Protocol):
    """Receives the progress of a scan (the CLI shows a progress bar)."""

    def start(self, total: int, skipped: int) -> None: ...
    def result(self, payload: dict[str, Any]) -> None: ...
    def problem(self, row: dict[str, Any], *, warning: bool) -> None: ...
    def stop(self) -> None: ...


class ConsoleReporter:
    """A rich progress bar (files, pages, pages/s, time left) and one line per problem.

    ``console`` is injectable (tests pass one writing to a buffer); the bar is
    shown only when ``progress`` is true and the console is a terminal.
    """

    def __init__(
        self,
        console: Any = None,
        *,
        progress: bool = True,
        verbose: bool = True,
        clock: Callable[[], float] | None = None,
    ) -> None:
        if console is None:
            from rich.console import Console

            console = Console(stderr=True)
        self.console = console
        self.show_bar = progress and self.console.is_terminal
        self.verbose = verbose
        self.clock = clock or time.monotonic
        self._progress: Any = None
        self._task: Any = None
        self.pages = 0
        self._t0 = 0.0

    def start(self, total: int, skipped: int) -> None:
        self._t0 = self.clock()
        if skipped and self.verbose:
            self.console.print(f"resuming: {skipped} document(s) already done", highlight=False)
        if not self.show_bar:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]scan"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self.console,
            get_time=self.clock,
            transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task("scan", total=total, pages=0, rate="")

    def result(self, payload: dict[str, Any]) -> None:
        self.pages += int(payload.get("pages") or 0)
        if self._progress is not None:
            elapsed = max(self.clock() - self._t0, 1e-9)
            self._progress.update(
                self._task, advance=1, pages=self.pages, rate=f"{self.pages / elapsed:.0f} pages/s"
            )

    def problem(self, row: dict[str, Any], *, warning: bool) -> None:
        label = "[yellow]warning[/]" if warning else "[red]failed[/]"
        if warning and not self.verbose:
            return
        from rich.markup import escape

        self.console.print(
            f"{label} {escape(row['file'])} ({escape(row['error'])}): {escape(row['message'])}",
            highlight=False,
        )

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


# ------------------------------------------------------------------- outputs


@dataclass
class _RunParts:
    """What a scan's tables are made of, as the workers sent it (see :func:`_parts`)."""

    profiles: list[Profile]
    hits: list[dict[str, list[Any]]]  # hit columns, a part per document with hits
    sentences: list[tuple[str, dict[str, Any]]]  # (document, sentence columns)
    failures: list[dict[str, Any]]
    warnings: list[dict[str, Any]]


class ScanResult:
    """The outputs of :func:`scan` as DataFrames, and where they were written.

    ``failures`` lists files that could not be processed (exit code 1),
    ``warnings`` files processed with a caveat (duplicates, pages without
    text, text that is not Dutch). ``stats`` counts cache hits, pages, tokens
    and seconds. Each DataFrame is built when it is first read (importing
    pandas then), so a run that only writes its files never builds them.
    """

    def __init__(
        self,
        parts: _RunParts,
        out: Path | None,
        files: list[Path],
        stats: dict[str, Any],
        complete: bool = True,
    ) -> None:
        self._parts = parts
        self.out = out
        self.files = files
        self.stats = stats
        self.complete = complete
        self._frames: dict[str, pd.DataFrame] = {}

    def _frame(self, name: str) -> pd.DataFrame:
        frame = self._frames.get(name)
        if frame is None:
            frame = self._frames[name] = _frame_of(self._parts, name)
            # the frame holds them now: the plain columns of the two large tables go
            if name == "hits":
                self._parts.hits = []
            elif name == "sentences":
                self._parts.sentences = []
        return frame

    @property
    def profiles(self) -> pd.DataFrame:
        return self._frame("profiles")

    @property
    def hits(self) -> pd.DataFrame:
        return self._frame("hits")

    @property
    def sentences(self) -> pd.DataFrame:
        return self._frame("sentences")

    @property
    def failures(self) -> pd.DataFrame:
        return self._frame("failures")

    @property
    def warnings(self) -> pd.DataFrame:
        return self._frame("warnings")

    @property
    def profile_objects(self) -> list[Profile]:
        return self._parts.profiles

    @property
    def n_failures(self) -> int:
        """Rows of ``failures`` (without building the frame)."""
        return len(self._parts.failures)

    @property
    def n_warnings(self) -> int:
        """Rows of ``warnings`` (without building the frame)."""
        return len(self._parts.warnings)

    @property
    def ok(self) -> bool:
        return not self._parts.failures

    def __repr__(self) -> str:
        return (
            f"ScanResult({len(self._parts.profiles)} profiles, {self.n_failures} failures, "
            f"{self.n_warnings} warnings, out={self.out!r})"
        )


def profile_from_dict(d: dict[str, Any]) -> Profile:
    """Rebuild a :class:`Profile` from ``Profile.to_dict()`` (see :meth:`Profile.from_dict`)."""
    return Profile.from_dict(d)


class Journal:
    """Finished documents of a run in ``OUT/.parts``: one file per content hash (see save_part)."""

    def __init__(self, out: Path, fingerprint: dict[str, Any]) -> None:
        self.dir = out / PARTS_DIR
        self.fingerprint = fingerprint

    def start(self, resume: bool) -> None:
        run = self.dir / "run.json"
        if resume and run.exists():
            try:
                previous = json.loads(run.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                previous = None
            if previous != self.fingerprint:
                raise ScanConfigError(
                    f"{self.dir.parent}: the interrupted run used other lexicons, engine or "
                    "textscan version; run without --resume to start again"
                )
        elif self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        for tmp in self.dir.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
        _write_atomic(run, lambda p: p.write_text(json.dumps(self.fingerprint), encoding="utf-8"))

    def _path(self, sha256: str) -> Path:
        return self.dir / f"{sha256}{PART_SUFFIX}"

    def load(self, sha256: str) -> dict[str, Any] | None:
        p = self._path(sha256)
        if not p.exists():
            return None
        try:
            payload = marshal.loads(p.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None  # a damaged part: process the file again
        return payload if isinstance(payload, dict) else None

    def save(self, payload: dict[str, Any]) -> None:
        save_part(self.dir, payload)

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def save_part(parts: Path, payload: dict[str, Any]) -> None:
    """Save one finished document of a run (written atomically) for --resume.

    As marshal data, uncompressed: the payload is plain Python data (what the
    worker sends the parent), read back exactly as it was; 40 times faster to
    write than the gzip-compressed JSON it was (1.6 against 40 ms for the five
    manifestos), and the folder is removed when the run completes.
    """
    try:
        data = marshal.dumps(payload)
    except ValueError:  # a value marshal does not take (a str subclass): as JSON gives it
        data = marshal.dumps(json.loads(json.dumps(payload, ensure_ascii=False)))
    _write_atomic(parts / f"{payload['sha256']}{PART_SUFFIX}", lambda p: p.write_bytes(data))


def _write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    from textscan.output import write_atomic

    write_atomic(path, write)


def _parts(
    payloads: list[dict[str, Any]],
    pre_failures: list[dict[str, Any]],
    pre_warnings: list[dict[str, Any]],
) -> _RunParts:
    profiles = [profile_from_dict(p["profile"]) for p in payloads if p["status"] == "ok"]
    hit_parts = [part for part in map(_hit_part, (p["hits"] for p in payloads)) if part["document"]]
    sentence_parts = [_sentence_part(p["sentences"]) for p in payloads if p["sentences"]]
    failures = pre_failures + [r for p in payloads for r in p["failures"]]
    warnings = pre_warnings + [r for p in payloads for r in p["warnings"]] + _same_text(profiles)
    return _RunParts(profiles, hit_parts, sentence_parts, failures, warnings)


def _frame_of(parts: _RunParts, name: str) -> pd.DataFrame:
    """One of the scan's DataFrames (profiles, hits, sentences, failures, warnings)."""
    import pandas as pd

    from textscan.pipeline import (
        HIT_COLUMNS,
        SENTENCE_COLUMNS,
        hits_frame_from_columns,
        profiles_to_frame,
        sentences_frame_from_columns,
    )

    if name == "profiles":
        return profiles_to_frame(parts.profiles)
    if name == "hits":
        if parts.hits:
            return hits_frame_from_columns(parts.hits)
        return pd.DataFrame(columns=list(HIT_COLUMNS))
    if name == "sentences":
        if parts.sentences:
            return sentences_frame_from_columns(parts.sentences)
        return pd.DataFrame(columns=list(SENTENCE_COLUMNS))
    rows = parts.failures if name == "failures" else parts.warnings
    return pd.DataFrame(rows, columns=list(FAILURE_COLUMNS))


def _tables_of(parts: _RunParts) -> dict[str, Table]:
    """The scan's output tables as :class:`~textscan.tables.Table` (no pandas): the
    columns and column types of the frames of :func:`_frame_of`."""
    from textscan.pipeline import (
        HIT_COLUMNS,
        HIT_DTYPES,
        PROFILE_DTYPES,
        SENTENCE_COLUMNS,
        SENTENCE_DTYPES,
        concat_hit_columns,
        concat_sentence_columns,
    )
    from textscan.tables import Table

    hits = concat_hit_columns(parts.hits)
    sentences = concat_sentence_columns(parts.sentences)
    return {
        "profiles": Table.from_rows([p.to_row() for p in parts.profiles], kinds=PROFILE_DTYPES),
        "hits": Table.from_columns(hits, HIT_COLUMNS, HIT_DTYPES),
        "sentences": Table.from_columns(sentences, SENTENCE_COLUMNS, SENTENCE_DTYPES),
        "failures": Table.from_rows(parts.failures, FAILURE_COLUMNS),
        "warnings": Table.from_rows(parts.warnings, FAILURE_COLUMNS),
    }


def _hit_part(hits: dict[str, list[Any]] | list[dict[str, Any]]) -> dict[str, list[Any]]:
    """A payload's hits as columns (:func:`~textscan.pipeline.hit_columns`).

    Rows (a list of dicts) are what a payload held before the columns: a run
    interrupted under the older textscan and resumed with this one has both.
    """
    if isinstance(hits, dict):
        return hits
    from textscan.pipeline import HIT_COLUMNS

    return {c: [r[c] for r in hits] for c in HIT_COLUMNS}


def _sentence_part(sentences: dict[str, Any] | list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """(document, columns) of a payload's sentence table.

    Rows (a list of dicts) are what a payload held before the columns: a run
    interrupted under the older textscan and resumed with this one has both.
    """
    if isinstance(sentences, dict):
        return sentences["document"], sentences["columns"]
    from textscan.pipeline import SENTENCE_COLUMNS

    columns = {c: [r[c] for r in sentences] for c in SENTENCE_COLUMNS[1:]}
    return str(sentences[0]["document"]), columns


def _same_text(profiles: list[Profile]) -> list[dict[str, Any]]:
    """A warning for each document whose text another one in the run already has.

    The same plan as PDF and as Word file, or two versions of it: its figures
    would count twice in any comparison (byte-identical files are caught
    before, as duplicates).
    """
    from textscan.profile import format_rank, same_text_pairs

    seen: set[int] = set()
    rows = []
    for a, b, overlap in same_text_pairs([p.groups.get("fingerprint") for p in profiles]):
        # the published form (a PDF) is the plan; its source or copy gets the warning
        keep, other = sorted((a, b), key=lambda k: (format_rank(profiles[k].path), k))
        if other in seen:
            continue
        seen.add(other)
        rows.append(
            failure_row(
                profiles[other].path,
                profiles[other].sha256,
                "profile",
                "same-text",
                f"has nearly the same text as {profiles[keep].path} (about {overlap:.0%} of its "
                "five-word sequences): the same plan in another file or version? Both are "
                "profiled; leave one out (--exclude) so that comparisons count it once",
            )
        )
    return rows


def write_excel(out: Path, result: ScanResult) -> Path:
    """``results.xlsx``: profiles, hits, failures, warnings and provenance, a sheet each.

    Excel holds at most 1,048,576 rows a sheet; a longer hits table is cut
    there and the sheet says so in its last row (hits.csv/parquet are complete).
    """
    limit = 1_048_575
    path = out / "results.xlsx"
    prov_file = out / "provenance.json"
    prov = json.loads(prov_file.read_text(encoding="utf-8")) if prov_file.is_file() else {}
    prov_rows = (
        [{"key": k, "value": v} for k, v in prov.items() if k not in ("lexicons", "run")]
        + [
            {"key": f"lexicon {lx['name']}", "value": f"{lx['version']} sha256 {lx['sha256']}"}
            for lx in prov.get("lexicons", [])
        ]
        + [{"key": f"run {k}", "value": v} for k, v in (prov.get("run") or {}).items()]
    )

    import pandas as pd

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            for name, frame in (
                ("profiles", result.profiles),
                ("hits", result.hits),
                ("failures", result.failures),
                ("warnings", result.warnings),
                ("provenance", pd.DataFrame(prov_rows, columns=["key", "value"])),
            ):
                if frame is None:
                    continue
                frame = frame.map(_excel_text) if not frame.empty else frame
                if len(frame) > limit:
                    note = pd.DataFrame([{frame.columns[0]: f"cut at {limit - 1} rows"}])
                    frame = pd.concat([frame.head(limit - 1), note], ignore_index=True)
                frame.to_excel(xw, sheet_name=name, index=False)

    _write_atomic(path, write)
    return path


def _excel_text(value: Any) -> Any:
    # control characters (left by some PDFs) are refused by the xlsx format
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    return value


class _Writer:
    """``write()`` in a thread of this process; :meth:`join` waits and raises its error.

    The thread builds the Arrow tables with the interpreter lock and encodes,
    compresses and writes the Parquet files without it, while the main thread
    writes the CSV and JSON files. It was a forked child until session 23: on
    this virtual machine the copies of shared pages a forked child makes as
    it reads the tables (it touches every row's objects) took from 10 ms to
    0.2 s of system time from run to run, and the run waited for the child;
    16 runs of the five manifestos each way, alternating: the time after the
    last worker, median 0.10 s with the thread against 0.16 s with the child
    (0.06-0.28 s against 0.06-0.36 s).
    """

    def __init__(self, write: Callable[[], None]) -> None:
        self._error: BaseException | None = None

        def run() -> None:
            try:
                write()
            except BaseException as exc:  # raised again by join(), in the main thread
                self._error = exc

        self._thread = threading.Thread(target=run, name="textscan-writer", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Wait for the thread to end, whatever it did."""
        self._thread.join()

    def join(self) -> None:
        """Wait for the thread to end; raise the error it met, if any."""
        self._thread.join()
        if self._error is not None:
            raise self._error


#: whether a scan with two or more local workers writes its large Parquet tables
#: in a thread while the main thread writes the rest (see _Writer)
PARALLEL_WRITE = True


def _write_outputs(
    out: Path,
    result: ScanResult,
    lexicons: Sequence[Lexicon],
    engine: str,
    n_files: int,
    parallel: bool = False,
) -> None:
    """Write the scan's files (without pandas: see :mod:`textscan.tables`).

    With ``parallel`` (a scan with two or more workers, which are idle now),
    ``hits.parquet`` and ``sentences.parquet``, most of the writing, are
    written by a thread while the main thread writes the CSV, JSON and
    profiles' Parquet files (see :class:`_Writer`); the same files.
    """
    from textscan import tables

    parts = result._parts
    provenance = {
        "textscan_version": __version__,
        "engine": engine,
        "lexicons": [
            {"name": lx.name, "version": lx.version, "sha256": lx.sha256, "path": lx.path}
            for lx in lexicons
        ],
        "files": n_files,
        "processed": len(parts.profiles),
        "failed": len(parts.failures),
        "warnings": len(parts.warnings),
        "complete": result.complete,
    }
    made = _tables_of(parts)

    # Parquet keeps the column types (pages as integers, negated as booleans) and
    # carries the provenance in its metadata, so a table read alone names its source
    def parquet(names: tuple[str, ...]) -> None:
        for name in names:
            _write_atomic(
                out / f"{name}.parquet",
                lambda p, t=made[name]: tables.write_parquet(t, p, provenance),
            )

    large = ("hits", "sentences")
    if parallel:
        from textscan.output import _umask

        _umask()  # read once before two threads write files (reading it sets it a moment)
    writer = _Writer(lambda: parquet(large)) if parallel else None
    profiles = parts.profiles
    try:
        for name in ("profiles", "hits", "failures", "warnings"):
            _write_atomic(out / f"{name}.csv", lambda p, t=made[name]: tables.write_csv(t, p))
        parquet(("profiles",) if writer is not None else ("profiles", *large))
        _write_atomic(
            out / "profiles.jsonl",
            lambda p: p.write_text(
                "".join(json.dumps(x.to_dict(), ensure_ascii=False) + "\n" for x in profiles),
                encoding="utf-8",
            ),
        )
    except BaseException:
        if writer is not None:
            writer.wait()  # not left writing; this error is the one raised
        raise
    if writer is not None:
        writer.join()  # its files are written, or its error raised, before this returns
    # the run's own figures (pages, tokens, cache use, seconds, peak memory) only
    # here: the tables' metadata stays the same for the same input
    record = {**provenance, "run": dict(result.stats)}
    _write_atomic(
        out / "provenance.json",
        lambda p: p.write_text(json.dumps(record, indent=2), encoding="utf-8"),
    )


# ---------------------------------------------------------------------- scan


class _Terminate(BaseException):
    def __init__(self, signum: int) -> None:
        self.signum = signum


@dataclass
class _Plan:
    files: list[Path]
    tasks: list[Task]
    failures: list[dict[str, Any]]
    warnings: list[dict[str, Any]]


def plan(
    paths: Iterable[str | Path],
    exclude: Sequence[str] = (),
    found: Discovery | None = None,
    cache_dir: str | None = None,
) -> _Plan:
    """Find the files, hash them and sort out missing, empty and duplicate ones.

    ``found`` is what :func:`~textscan.checks.discover` found under ``paths``
    with ``exclude``, when the caller has looked already. With ``cache_dir``,
    a file hashed by an earlier run and not changed since (same inode, size
    and times, see :meth:`~textscan.cache.Cache.known_hashes`) is not read again.
    """
    if found is None:
        found = discover(paths, exclude)
    failures = [failure_row(p.path, "", "find", p.kind, p.message) for p in found.problems]
    warnings: list[dict[str, Any]] = []
    readable: list[tuple[Path, str, os.stat_result]] = []
    for f in found.files:
        try:
            check_readable(f)
            readable.append((f, os.path.abspath(f), f.stat()))
        except InputError as exc:
            failures.append(failure_row(str(f), "", "extract", exc.kind, exc.message))
        except OSError as exc:
            failures.append(
                failure_row(
                    str(f), "", "extract", "unreadable", f"cannot be read: {exc.strerror or exc}"
                )
            )
    known: dict[str, str] = {}
    if cache_dir is not None and readable:
        from textscan.cache import Cache

        memo = Cache(cache_dir, read_only=True)
        try:
            known = memo.known_hashes({key: st for _, key, st in readable})
        finally:
            memo.close()
    hashed: list[tuple[str, os.stat_result, str]] = []
    tasks: list[Task] = []
    first_by_hash: dict[str, str] = {}
    for f, key, st in readable:
        sha = known.get(key)
        if sha is None:
            try:
                sha = file_sha256(f)
            except OSError as exc:
                failures.append(
                    failure_row(
                        str(f),
                        "",
                        "extract",
                        "unreadable",
                        f"cannot be read: {exc.strerror or exc}",
                    )
                )
                continue
            hashed.append((key, st, sha))
        if sha in first_by_hash:
            warnings.append(
                failure_row(
                    str(f),
                    sha,
                    "find",
                    "duplicate",
                    f"has the same content as {first_by_hash[sha]}; processed once, under "
                    "that name",
                )
            )
            continue
        first_by_hash[sha] = str(f)
        tasks.append(Task(len(tasks), str(f), sha))
    if cache_dir is not None and hashed:
        from textscan.cache import Cache

        memo = Cache(cache_dir)
        try:
            memo.remember_hashes(hashed)
        finally:
            memo.close()
    return _Plan(found.files, tasks, failures, warnings)


@dataclass
class _EarlyStart:
    """A plan and a pre-extractor started by :func:`start_pre_extraction`, for :func:`scan`."""

    key: tuple[Any, ...]
    work: _Plan
    ordered: list[Task] | None  # the plan's tasks, largest first (None: the pre-extractor's)
    need_nlp: bool
    pre: _PreExtractor | None

    @property
    def order(self) -> list[Task]:
        """The plan's tasks, largest first (as the pre-extractor reports them, if it orders)."""
        if self.ordered is None:
            assert self.pre is not None  # without one the order is worked out at the start
            self.ordered = self.pre.order()
        return self.ordered


_early: _EarlyStart | None = None


def _early_key(
    paths: Iterable[str | Path], exclude: Sequence[str], config: ScanConfig
) -> tuple[Any, ...]:
    return (
        tuple(str(p) for p in paths),
        tuple(exclude),
        config.cache_dir,
        config.extraction,
        config.max_memory_mb,
    )


def start_pre_extraction(
    paths: str | Path | Sequence[str | Path],
    *,
    exclude: Sequence[str] = (),
    engine: str = "auto",
    ocr: bool = False,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    max_memory: int | None = DEFAULT_MAX_MEMORY_MB,
    found: Discovery | None = None,
) -> None:
    """Plan a :func:`scan` of ``paths`` and start extracting its files, before the imports.

    For a caller that is about to call :func:`scan` with the same paths,
    ``exclude``, ``engine``, ``ocr``, ``cache_dir`` and ``max_memory`` (the
    CLI, as soon as it has read its options): the files are found and hashed
    now, and, when some file is not yet annotated in the cache and there are
    two or more jobs, the pre-extractor (see :class:`_PreExtractor`) is forked
    now, from a process that has not yet imported the lexicon models, numpy or
    pandas, instead of after those imports. The next :func:`scan` with the same
    arguments takes both over; a scan with other arguments stops the
    pre-extractor and plans afresh. What it extracts goes into the cache, which
    stays valid whatever happens next.
    """
    global _early
    stop_pre_extraction()
    from textscan.cache import default_cache_dir

    cache_path = str(Path(cache_dir).expanduser() if cache_dir else default_cache_dir())
    config = ScanConfig(
        lexicons=(), engine=engine, cache_dir=cache_path, max_memory_mb=max_memory, ocr=ocr
    )
    paths = as_paths(paths)
    work = plan(paths, exclude, found, cache_path)
    tasks = list(work.tasks)
    need_nlp = _needs_nlp(config, tasks)
    n_jobs = default_jobs() if jobs is None else jobs
    pre = None
    order: list[Task] | None = None
    if need_nlp and n_jobs >= 2 and tasks and _PreExtractor.usable(config):
        spare = _spare.take()  # forked by the command's entry point, if this is the CLI
        # it orders the files itself, largest first (counting the pages of the PDFs).
        # The PDF reader (pypdfium2 and textscan's extraction, some 50 ms) is imported
        # here, before a new pre-extractor is forked: this process imports it anyway,
        # for the workers it forks later, and the pre-extractor would spend that time
        # importing it too. The spare has imported it already.
        if spare is None and any(t.path.lower().endswith(".pdf") for t in tasks):
            import textscan.extract.pdf  # noqa: F401
        pre = _PreExtractor(config, tasks, order=True, spare=spare)
    else:
        release_spare()
        order = _work_order(tasks, config, one_at_a_time=n_jobs <= 1)
    _early = _EarlyStart(_early_key(paths, exclude, config), work, order, need_nlp, pre)


def release_spare() -> None:
    """Let the spare process go (see :mod:`textscan._spare`) when no pre-extractor will use it."""
    spare = _spare.take()
    if spare is not None:
        spare.release()


def stop_pre_extraction() -> None:
    """Stop what :func:`start_pre_extraction` started, when no scan will follow."""
    global _early
    if _early is not None and _early.pre is not None:
        _early.pre.close()
    _early = None


def _take_early(
    paths: Iterable[str | Path], exclude: Sequence[str], config: ScanConfig
) -> _EarlyStart | None:
    """The early start made for this scan, if any (any other one is stopped)."""
    global _early
    early, _early = _early, None
    if early is None:
        return None
    if config.cache_dir is None or early.key != _early_key(paths, exclude, config):
        if early.pre is not None:
            early.pre.close()
        return None
    return early


# ----------------------------------------------------------------- kept workers
#: seconds kept workers wait idle for the next scan before they are stopped
KEEP_IDLE_SECONDS = 300.0

_kept: LocalExecutor | None = None
_kept_timer: threading.Timer | None = None
_kept_lock = threading.Lock()
_kept_atexit = False


def _take_kept(config: ScanConfig) -> LocalExecutor | None:
    """The workers a ``keep_workers`` scan left, when they can take ``config`` (else stopped)."""
    global _kept
    with _kept_lock:
        ex, _kept = _kept, None
        if _kept_timer is not None:
            _kept_timer.cancel()
    if ex is None:
        return None
    if ex.compatible(config) and any(w.proc.is_alive() for w in ex.workers):
        return ex
    ex.shutdown()
    ex.reap()
    return None


def _keep(ex: LocalExecutor) -> None:
    """Keep ``ex``'s idle workers for the next scan, for :data:`KEEP_IDLE_SECONDS` at most."""
    global _kept, _kept_timer, _kept_atexit
    if not ex.workers:
        return
    with _kept_lock:
        old, _kept = _kept, ex
        _kept_timer = threading.Timer(KEEP_IDLE_SECONDS, close_workers)
        _kept_timer.daemon = True
        _kept_timer.start()
        if not _kept_atexit:
            import atexit

            atexit.register(close_workers)
            _kept_atexit = True
    if old is not None:  # a concurrent scan's (scans in threads): only one is kept
        old.shutdown()
        old.reap()


def close_workers() -> None:
    """Stop the worker processes a scan with ``keep_workers=True`` left idle, and wait for them.

    Called by itself after :data:`KEEP_IDLE_SECONDS` without a scan and when
    the interpreter exits; call it to free their memory sooner.
    """
    global _kept
    with _kept_lock:
        ex, _kept = _kept, None
        if _kept_timer is not None:
            _kept_timer.cancel()
    if ex is not None:
        ex.shutdown()
        ex.reap()


def scan(
    paths: str | Path | Iterable[str | Path],
    out: str | Path | None = None,
    *,
    lexicons: Sequence[Lexicon] | None = None,
    engine: str = "auto",
    on_progress: Callable[[Path, str], None] | None = None,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY_MB,
    strict: bool = False,
    resume: bool = False,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    executor: str = "local",
    scheduler: Any = None,
    reporter: Reporter | None = None,
    language_check: bool = True,
    ocr: bool = False,
    exclude: Sequence[str] = (),
    keep_workers: bool = False,
) -> ScanResult:
    """Analyze every supported file under ``paths``; a failing file never stops the batch.

    ``paths``: files and folders, or one file or folder (``scan("plans/")``).

    ``jobs`` worker processes (default: the number of CPUs; 0 runs in this
    process without isolation) each build the pipeline once. A file that takes
    longer than ``timeout`` seconds, needs more than ``max_memory`` MB or
    crashes its worker is recorded in ``failures`` and the rest goes on;
    ``strict`` stops at the first failure. With ``cache`` (default), extracted
    documents and sentences are kept under ``cache_dir`` (default
    ``$TEXTSCAN_CACHE`` or ``~/.cache/textscan``) by content hash, so a run with
    other lexicons only re-matches. ``ocr`` reads PDF pages without a text
    layer by OCR (OCRmyPDF and Tesseract must be installed). ``exclude``
    globs leave out files found in folders (see :func:`textscan.checks.discover`).

    ``keep_workers=True`` leaves the worker processes running when the scan
    returns, for the next scan in this process (a notebook that re-profiles
    the same files after each lexicon edit): that scan sends them only the
    lexicons they do not hold yet, instead of starting new processes and
    waiting for the old ones to exit. They stop after
    :data:`KEEP_IDLE_SECONDS` without a scan, at :func:`close_workers`, at the
    interpreter's exit, or at the end of a next scan without ``keep_workers``.

    With ``out``, writes ``profiles.csv``, ``profiles.jsonl``, ``hits.csv``,
    ``sentences.parquet``, ``failures.csv``, ``warnings.csv`` and
    ``provenance.json`` atomically; finished documents are kept in
    ``out/.parts`` until the run completes, and ``resume=True`` continues an
    interrupted run. SIGINT/SIGTERM stop the workers, write what finished and
    raise :class:`ScanInterrupted`. ``on_progress(path, status)`` is called
    after each file ("ok" or "failed").
    """
    if lexicons is None:
        from textscan.lexicon import load_lexicons

        lexicons = load_lexicons()
    lexicons = list(lexicons)
    if executor not in ("local", "dask"):
        raise ScanConfigError(f"unknown executor {executor!r} (valid: local, dask)")
    from textscan.cache import default_cache_dir

    cache_path = str(Path(cache_dir).expanduser() if cache_dir else default_cache_dir())
    config = ScanConfig(
        lexicons=tuple(lexicons),
        engine=engine,
        cache_dir=cache_path if cache else None,
        max_memory_mb=max_memory,
        language_check=language_check,
        test_hook=os.environ.get(TEST_HOOK_ENV) or None,
        ocr=ocr,
    )
    paths = as_paths(paths)  # one path given alone is one path, not its letters
    early = _take_early(paths, exclude, config)
    try:
        work = early.work if early is not None else plan(paths, exclude, None, config.cache_dir)
        out_path = Path(out) if out is not None else None
        journal: Journal | None = None
        done: dict[int, dict[str, Any]] = {}
        if out_path is not None:
            journal = Journal(out_path, {"config": config.key, "version": __version__})
            try:
                journal.start(resume)
            except OSError as exc:  # before any file is read: nothing is lost
                raise ScanConfigError(
                    f"{out_path}: cannot write the results there "
                    f"({exc.strerror or exc}); choose another --out folder"
                ) from exc
            if resume:
                for t in work.tasks:
                    payload = journal.load(t.sha256)
                    if payload is not None:
                        payload["index"], payload["file"] = t.index, t.path
                        done[t.index] = payload
        n_jobs = default_jobs() if jobs is None else jobs
        if early is not None:
            pending = [t for t in early.order if t.index not in done]
        else:
            pending = _work_order(
                [t for t in work.tasks if t.index not in done],
                config,
                one_at_a_time=executor == "local" and n_jobs <= 1,
            )
        if journal is not None and executor == "local" and n_jobs > 0:
            config = replace(config, parts_dir=str(journal.dir))
        local = executor == "local" and n_jobs > 0
        if keep_workers and local:
            config = replace(config, remember=True)  # see _Recent
        if early is not None and (not done or not early.need_nlp):
            need_nlp = local and early.need_nlp  # the same files, looked up a moment ago
        else:
            need_nlp = local and _needs_nlp(config, pending)
        pre: _PreExtractor | None = early.pre if early is not None else None
        if need_nlp and n_jobs >= 2 and pending and _PreExtractor.usable(config):
            # (not on a re-profile: every file is extracted and annotated in the cache)
            if pre is None:
                pre = _PreExtractor(config, pending)
        elif pre is not None:
            pre.close()
            pre = None
    except BaseException:
        # an early pre-extractor (see start_pre_extraction) is this run's to stop
        if early is not None and early.pre is not None:
            early.pre.close()
        raise
    ex: Any
    try:
        if executor == "dask":
            ex = DaskExecutor(config, scheduler)
        elif n_jobs == 0:
            ex = InProcessExecutor(config)
        else:
            n_workers = min(n_jobs, max(1, len(pending)))
            if keep_workers:
                n_workers = n_jobs  # kept for the next scan, which may have more files
            ex = _take_kept(config)
            if ex is not None:
                ex.reuse(config, n_workers, timeout, need_nlp, keep_workers)
            else:
                ex = LocalExecutor(config, n_workers, timeout, need_nlp, keep_workers)
    except BaseException:
        if pre is not None:
            pre.close()
        raise
    if pre is not None:
        busy = pre.stop()
        if busy is not None:
            # being extracted right now: the first workers start on other files, and
            # the next free one takes it (extracted by then). Not last: it is among the
            # largest files, and a large file last leaves the other workers idle.
            n_first = ex.jobs if isinstance(ex, LocalExecutor) else 1
            rest = [t for t in pending if t.index != busy]
            pending = rest[:n_first] + [t for t in pending if t.index == busy] + rest[n_first:]

    stats: dict[str, Any] = {
        "files": len(work.files),
        "tasks": len(work.tasks),
        "resumed": len(done),
        "processed_now": 0,
        "pages": 0,
        "tokens": 0,
        "document_cache_hits": 0,
        "sentence_cache_hits": 0,
        "document_cache_misses": 0,
        "sentence_cache_misses": 0,
        "hits_cache_hits": 0,
        "hits_cache_misses": 0,
        "pre_extracted": 0,
        "seconds": 0.0,
    }
    t0 = time.perf_counter()
    interrupted: int | None = None
    stopped_strict = False
    main_thread = threading.current_thread() is threading.main_thread()
    old_term = signal.getsignal(signal.SIGTERM) if main_thread else None

    def on_term(signum: int, frame: Any) -> None:
        raise _Terminate(signum)

    if main_thread:
        signal.signal(signal.SIGTERM, on_term)
    ran_through = False  # the workers' exits are then waited for after the tables are built
    if reporter is not None:
        reporter.start(len(work.tasks), len(done))
        for row in work.failures:
            reporter.problem(row, warning=False)
        for row in work.warnings:
            reporter.problem(row, warning=True)
    if strict and work.failures:
        stopped_strict = True
    try:
        if not stopped_strict:
            for payload in ex.run(pending):
                done[payload["index"]] = payload
                if journal is not None and not payload.pop("journaled", False):
                    journal.save(payload)
                stats["processed_now"] += 1
                if pre is not None and pre.extracted(payload["index"]):
                    stats["pre_extracted"] += 1
                    if payload["cache"].get("document") == "hit":
                        payload["cache"]["document"] = "miss"  # extracted in this run
                stats["hits_cache_hits"] += payload["cache"].get("hits", 0)
                stats["hits_cache_misses"] += payload["cache"].get("hits_matched", 0)
                for key in ("document", "sentences"):
                    state = payload["cache"].get(key)
                    name = "document" if key == "document" else "sentence"
                    if state in ("hit", "miss"):
                        stats[f"{name}_cache_{'hits' if state == 'hit' else 'misses'}"] += 1
                if reporter is not None:
                    reporter.result(payload)
                    for row in payload["failures"]:
                        reporter.problem(row, warning=False)
                    for row in payload["warnings"]:
                        reporter.problem(row, warning=True)
                if on_progress is not None:
                    on_progress(Path(payload["file"]), payload["status"])
                if strict and payload["failures"]:
                    stopped_strict = True
                    break
        ran_through = True
    except KeyboardInterrupt:
        interrupted = signal.SIGINT
    except _Terminate as exc:
        interrupted = exc.signum
    finally:
        keeping = isinstance(ex, LocalExecutor) and ex.keep and ran_through and not stopped_strict
        if not keeping:
            ex.shutdown()
        if not ran_through:
            ex.reap()
        if pre is not None:
            pre.close()
        if main_thread:
            signal.signal(signal.SIGTERM, old_term)
        if reporter is not None:
            reporter.stop()

    if interrupted is not None and journal is not None:
        # a worker saves a finished document before the parent has read it: what
        # the journal holds is finished too, and --resume will not redo it
        for t in work.tasks:
            if t.index not in done:
                payload = journal.load(t.sha256)
                if payload is not None:
                    payload["index"], payload["file"] = t.index, t.path
                    done[t.index] = payload
    _await_preload()
    payloads = [done[i] for i in sorted(done)]
    stats["worker_peak_rss_mb"] = max(
        (float(p.get("peak_rss_mb") or 0) for p in payloads), default=0.0
    )
    stats["parent_peak_rss_mb"] = _peak_rss_mb()
    for p in payloads:
        stats["pages"] += int(p.get("pages") or 0)
        stats["tokens"] += int(p.get("tokens") or 0)
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    try:
        parts = _parts(payloads, work.failures, work.warnings)
    finally:
        ex.reap()
        if keeping:
            _keep(ex)
    complete = interrupted is None and not stopped_strict
    result = ScanResult(parts, out_path, work.files, stats, complete)
    if out_path is not None:
        parallel = PARALLEL_WRITE and local and n_jobs >= 2
        _write_outputs(out_path, result, lexicons, engine, len(work.files), parallel)
        if complete and journal is not None:
            journal.remove()
    if interrupted is not None:
        raise ScanInterrupted(interrupted, result)
    return result


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    """Supported files under ``paths`` (files as given, folders walked), sorted, once each."""
    return discover(paths).files


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


__all__ = [
    "FAILURE_COLUMNS",
    "KEEP_IDLE_SECONDS",
    "ConsoleReporter",
    "DaskExecutor",
    "LocalExecutor",
    "ScanConfig",
    "ScanConfigError",
    "ScanInterrupted",
    "ScanResult",
    "Task",
    "close_workers",
    "default_jobs",
    "failure_row",
    "iter_files",
    "plan",
    "process_file",
    "profile_from_dict",
    "scan",
]
