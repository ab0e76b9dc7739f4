"""A content-addressed cache of extracted documents, annotated sentences and hits.

Re-running textscan with a changed lexicon should only re-match: extraction
and tokenisation depend on the file's bytes and on textscan's code, not on the
lexicons; and one lexicon's hits depend on no other lexicon, so only an edited
lexicon needs matching again. The cache keeps these results in one SQLite file
(WAL mode, so several worker processes can read and write it at once), keyed by

* the file's sha256,
* a fingerprint of the extractor (textscan version, engine, the source of
  ``textscan/extract/``), and for sentences also
* a fingerprint of the annotator (``nlp.PIPELINE_VERSION``, spaCy version, the
  source of ``nlp.py`` and ``lemmatizer.py``), and for hits also
* a fingerprint of the matcher (the source of ``match.py`` and ``lexicon.py``)
  and the sha256 of the lexicon's text.

Figures derived from the sentences alone, which no lexicon changes (the text
fingerprint, the share of Dutch words, the sentence table), are kept too
(table ``derived``, keyed also by the source of ``profile.py``,
``pipeline.py`` and ``checks.py``), so that a re-profile does not compute
them again.

A changed file has another hash and a new textscan (or changed code) another
fingerprint, so stale entries are never read; ``textscan cache clear`` removes
them. Documents are stored as Zstandard-compressed JSON; sentences, which a
warm run reads in bulk, as Zstandard-compressed columns (hits as rows) in
Python's ``marshal`` format (plain lists of strings and numbers, read about
five times faster than JSON; the format is tied to the Python version, which
is part of the fingerprint). Zstandard at level 1 compresses the five shared
manifestos' entries in a third of zlib's time at its fastest level, to 10%
fewer bytes, and decompresses them three times as fast (``zstandard``, the
bindings to the reference library).
No pickle: nothing in the cache is executed.

Example:
    >>> from textscan.cache import Cache
    >>> cache = Cache("/tmp/textscan-cache")  # doctest: +SKIP
    >>> cache.info()["documents"]  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from functools import lru_cache, partial
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any

import zstandard

from textscan._gc import collector_paused as _collector_paused
from textscan._version import __version__
from textscan.model import (
    Document,
    ExtractionWarning,
    Hit,
    Page,
    Paragraph,
    Section,
    Sentence,
    Token,
)

SCHEMA_VERSION = 1
#: how every blob is compressed; part of the fingerprints, so that entries written
#: with another codec (earlier textscan used zlib) are not read but made again
CODEC = "zstd1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL,
    created REAL NOT NULL, bytes INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS sentences (
    key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL,
    created REAL NOT NULL, bytes INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS hits (
    key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL,
    created REAL NOT NULL, bytes INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS derived (
    key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL,
    created REAL NOT NULL, bytes INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS file_hashes (
    path TEXT PRIMARY KEY, dev INTEGER NOT NULL, ino INTEGER NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pdf_pages (sha256 TEXT PRIMARY KEY, pages INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sentence_tokens (key TEXT PRIMARY KEY, tokens INTEGER NOT NULL);
"""

#: a file changed less than this long ago (nanoseconds) is hashed again at every
#: run: two writes within one tick of the file system's clock can leave the same
#: size and times behind (git's "racy" entries)
RACY_NS = 2_000_000_000


def _stat_key(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def default_cache_dir() -> Path:
    """``$TEXTSCAN_CACHE``, else ``$XDG_CACHE_HOME/textscan``, else ``~/.cache/textscan``."""
    env = os.environ.get("TEXTSCAN_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "textscan"


def installation_file(kind: str, parts: Sequence[str], suffix: str) -> Path:
    """A file compiled once per installation, under ``tables/`` of the default cache folder.

    Named ``nl-KIND-KEY.SUFFIX``, KEY a hash of ``parts`` (what its content
    depends on: package versions, source code) and of the Python version (the
    files hold marshal data, whose format belongs to a Python version, so
    environments of two Pythons sharing a cache folder each get their own).
    Lemma tables, tokenizer rules and term analyses are kept so.
    """
    python = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    key = hashlib.sha256("|".join([*parts, python]).encode()).hexdigest()[:16]
    return default_cache_dir() / "tables" / f"nl-{kind}-{key}{suffix}"


def stale_files(current: Path) -> list[Path]:
    """The other files of ``current``'s kind (see :func:`installation_file`): older versions'."""
    kind = current.name.rsplit("-", 1)[0]
    return sorted(p for p in current.parent.glob(f"{kind}-*{current.suffix}") if p != current)


def _source_hash(*modules: str) -> str:
    """Hash of the source files of ``modules`` (a module or a package's folder)."""
    import importlib.util

    h = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            h.update(name.encode())
            continue
        origin = Path(spec.origin)
        files = sorted(origin.parent.glob("*.py")) if origin.name == "__init__.py" else [origin]
        for f in files:
            h.update(f.name.encode())
            with contextlib.suppress(OSError):
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=8)
def extractor_fingerprint(engine: str) -> str:
    """What extraction depends on besides the file: version, engine, extractor code."""
    code = _source_hash("textscan.extract", "textscan.model")
    return f"{__version__}|{engine}|{code}|{CODEC}"


@lru_cache(maxsize=1)
def annotator_fingerprint() -> str:
    """What annotation depends on besides the document: pipeline version and code."""
    from textscan._spacy import spacy_version
    from textscan._version import PIPELINE_VERSION

    code = _source_hash(
        "textscan.nlp", "textscan.tokenizer", "textscan.lemmatizer", "textscan.model"
    )
    py = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    return (
        f"{__version__}|nlp{PIPELINE_VERSION}|spacy{spacy_version()}|{code}"
        f"|sentences{SENTENCES_FORMAT}|{py}|{CODEC}"
    )


@lru_cache(maxsize=1)
def matcher_fingerprint() -> str:
    """What one lexicon's hits depend on besides the sentences and the lexicon's text."""
    code = _source_hash("textscan.match", "textscan.lexicon")
    return f"{annotator_fingerprint()}|{code}|hits{HITS_FORMAT}"


# what the derived figures are stored as (see Cache.put_derived); part of the fingerprint
DERIVED_FORMAT = 1


@lru_cache(maxsize=1)
def derived_fingerprint() -> str:
    """What figures derived from the sentences alone depend on: the profile's code."""
    code = _source_hash("textscan.profile", "textscan.pipeline", "textscan.checks")
    return f"{annotator_fingerprint()}|{code}|derived{DERIVED_FORMAT}"


# ----------------------------------------------------------------- serialisation


def _compress(data: bytes) -> bytes:
    # level 1: Zstandard's fastest regular level; the one-shot call is as fast as a
    # kept compressor and, unlike one, safe from several threads (Dask workers)
    return zstandard.compress(data, 1)


def _decompress(blob: bytes) -> bytes:
    return zstandard.decompress(blob)


def _pack(obj: Any) -> bytes:
    return _compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode())


def _unpack(blob: bytes) -> Any:
    return json.loads(_decompress(blob).decode())


def document_to_json(doc: Document, paragraphs: bool = True) -> dict[str, Any]:
    """A JSON-ready form of a :class:`Document` that :func:`document_from_json` inverts.

    Without ``paragraphs``: its outline (all but the paragraphs, which
    :func:`document_from_json` then takes as none).
    """
    out = {
        "path": doc.path,
        "name": doc.name,
        "format": doc.format,
        "sha256": doc.sha256,
        "pages": [asdict(p) for p in doc.pages],
        "sections": [asdict(s) for s in doc.sections],
        "warnings": [[w.code, w.message, list(w.pages)] for w in doc.warnings],
        "metadata": doc.metadata,
        "extractor": doc.extractor,
    }
    if paragraphs:
        # a paragraph that runs on to later pages adds its page breaks (see Paragraph)
        out["paragraphs"] = [
            [p.text, p.page, p.section, p.kind, [list(b) for b in p.page_breaks]]
            if p.page_breaks
            else [p.text, p.page, p.section, p.kind]
            for p in doc.paragraphs
        ]
    return out


def document_from_json(d: dict[str, Any]) -> Document:
    return Document(
        path=d["path"],
        name=d["name"],
        format=d["format"],
        sha256=d["sha256"],
        pages=tuple(Page(**p) for p in d["pages"]),
        sections=tuple(Section(**s) for s in d["sections"]),
        paragraphs=tuple(
            Paragraph(
                text=t,
                page=pg,
                section=sec,
                kind=k,
                page_breaks=tuple((at, page) for at, page in more[0]) if more else (),
            )
            for t, pg, sec, k, *more in d.get("paragraphs", ())
        ),
        warnings=tuple(ExtractionWarning(c, m, tuple(p)) for c, m, p in d["warnings"]),
        metadata=d.get("metadata") or {},
        extractor=d["extractor"],
    )


# the layout of a cached annotation (see sentences_to_blob); part of the fingerprint
SENTENCES_FORMAT = 2
# Token(*row) without the named tuple's Python-level __new__: twice as fast
_make_token = partial(tuple.__new__, Token)


def token_columns(sentences: list[Sentence]) -> SentenceColumns:
    """Annotated sentences as a :class:`SentenceColumns` (what the cache stores)."""
    heads = [
        (s.id, s.text, s.page, s.section, s.paragraph, s.is_heading, len(s.tokens))
        for s in sentences
    ]
    tokens = [t for s in sentences for t in s.tokens]
    # one field at a time: zip(*tokens) would make a call of as many arguments as
    # there are tokens (88 ms against 13 ms for the five manifestos)
    columns = [list(map(itemgetter(i), tokens)) for i in range(len(Token._fields))]
    return SentenceColumns(heads, columns)


def sentences_to_blob(sentences: list[Sentence] | SentenceColumns) -> bytes:
    """Sentences as compressed columns: one row per sentence, one list per token field.

    ``marshal`` keeps the sharing of equal strings that annotation sets up (one
    object per distinct word and lemma), so the blob holds each word once.
    """
    if not isinstance(sentences, SentenceColumns):
        sentences = token_columns(sentences)
    return _compress(marshal.dumps((SENTENCES_FORMAT, sentences.heads, sentences.columns)))


def _marshal(value: Any) -> bytes:
    return _compress(marshal.dumps(value))


def _unmarshal(blob: bytes) -> Any:
    return marshal.loads(_decompress(blob))


class SentenceColumns:
    """A cached annotation as decoded, before any :class:`Sentence` is built.

    ``heads`` holds one row per sentence (id, text, page, section, paragraph,
    heading, number of tokens), ``columns`` one list per :class:`Token` field
    for all tokens of the document in reading order, and ``bounds`` the index
    of each sentence's first token with the number of tokens at the end.
    Building the sentences' token tuples is most of the cost of reading an
    annotation; :meth:`sentences` builds those of the sentences asked for.
    """

    __slots__ = ("bounds", "columns", "heads")

    def __init__(self, heads: list[tuple[Any, ...]], columns: list[list[Any]]) -> None:
        if len(columns) != len(Token._fields):
            raise ValueError("cached annotation has the wrong number of token fields")
        n = len(columns[0])
        if any(len(c) != n for c in columns):
            raise ValueError("cached annotation has token fields of unequal length")
        bounds = [0]
        bounds.extend(accumulate(h[6] for h in heads))
        if bounds[-1] != n:
            raise ValueError("cached annotation has tokens left over")
        self.heads, self.columns, self.bounds = heads, columns, bounds

    @classmethod
    def from_blob(cls, blob: bytes) -> SentenceColumns:
        """Decode what :func:`sentences_to_blob` stored (ValueError if it is not such a blob)."""
        data = marshal.loads(_decompress(blob))
        if not (isinstance(data, tuple) and len(data) == 3 and data[0] == SENTENCES_FORMAT):
            raise ValueError("not a cached annotation of this textscan")
        return cls(data[1], data[2])

    def __len__(self) -> int:
        return len(self.heads)

    @property
    def tokens(self) -> int:
        """The number of tokens of all sentences."""
        return self.bounds[-1]

    @property
    def lemmas(self) -> list[str]:
        return self.columns[Token._fields.index("lemma")]  # type: ignore[no-any-return]

    @property
    def texts(self) -> list[str]:
        return self.columns[Token._fields.index("text")]  # type: ignore[no-any-return]

    @property
    def is_word(self) -> list[bool]:
        return self.columns[Token._fields.index("is_word")]  # type: ignore[no-any-return]

    def sentences(self, which: Iterable[int] | None = None) -> list[Sentence]:
        """The sentences at the positions ``which`` (in that order), or all of them."""
        heads, bounds, columns = self.heads, self.bounds, self.columns
        if which is None:
            tokens = list(map(_make_token, zip(*columns, strict=True)))
            pieces: Iterable[tuple[int, tuple[Token, ...]]] = (
                (k, tuple(tokens[bounds[k] : bounds[k + 1]])) for k in range(len(heads))
            )
        else:
            pieces = (
                (
                    k,
                    tuple(
                        map(
                            _make_token,
                            zip(*(c[bounds[k] : bounds[k + 1]] for c in columns), strict=True),
                        )
                    ),
                )
                for k in which
            )
        out: list[Sentence] = []
        for k, toks in pieces:
            sid, text, page, section, para, heading, _n = heads[k]
            out.append(
                Sentence(
                    id=sid,
                    text=text,
                    page=page,
                    section=section,
                    paragraph=para,
                    is_heading=heading,
                    tokens=toks,
                )
            )
        return out


def sentences_from_blob(blob: bytes) -> list[Sentence]:
    """The sentences :func:`sentences_to_blob` stored (ValueError if it is not such a blob)."""
    return SentenceColumns.from_blob(blob).sentences()


# the layout of cached hits (see hits_to_blob); part of the fingerprint
HITS_FORMAT = 1
# every field of a Hit but the document's name, which is the file's and set on reading
_HIT_FIELDS = tuple(f for f in Hit.__dataclass_fields__ if f != "document")


def hits_to_blob(hits: list[Hit]) -> bytes:
    """One lexicon's hits in a document as compressed rows (without the document name)."""
    rows = [tuple(getattr(h, f) for f in _HIT_FIELDS) for h in hits]
    return _compress(marshal.dumps((HITS_FORMAT, _HIT_FIELDS, rows)))


def hits_from_blob(blob: bytes, document: str = "") -> list[Hit]:
    """The hits :func:`hits_to_blob` stored, named as found in ``document``."""
    data = marshal.loads(_decompress(blob))
    if not (
        isinstance(data, tuple)
        and len(data) == 3
        and data[0] == HITS_FORMAT
        and tuple(data[1]) == _HIT_FIELDS
    ):
        raise ValueError("not cached hits of this textscan")
    return [Hit(document, *row) for row in data[2]]


# ----------------------------------------------------------------------- the store


class Cache:
    """The SQLite store under ``directory`` (created on first use).

    Safe for several processes: WAL journal, a busy timeout and a retry on
    ``database is locked``. A cache that cannot be written (read-only disk, a
    corrupt file) never fails a scan: :meth:`get_*` then miss and
    :meth:`put_*` do nothing, and :attr:`errors` counts what went wrong.
    With ``read_only=True`` it only looks (a missing cache is an empty one,
    nothing is created, and every ``put_*`` is refused and counted).
    """

    FILENAME = "cache.sqlite"

    def __init__(self, directory: str | Path | None = None, *, read_only: bool = False) -> None:
        self.directory = Path(directory).expanduser() if directory else default_cache_dir()
        self.path = self.directory / self.FILENAME
        # read_only: only looks; nothing is created, and closing it never has to
        # write the journal back into the file (as the last writer's close does)
        self.read_only = read_only
        self._conn: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self.errors = 0
        self.stats: dict[str, int] = {
            "document_hits": 0,
            "document_misses": 0,
            "sentence_hits": 0,
            "sentence_misses": 0,
            "hits_hits": 0,
            "hits_misses": 0,
        }

    # -------------------------------------------------------------- connection
    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None and self._pid != os.getpid():
            # a forked worker must not use its parent's SQLite connection
            self._conn = None
        if self._conn is None and self.read_only:
            self._pid = os.getpid()
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None)
            self._conn.execute("PRAGMA busy_timeout=60000")
        if self._conn is None:
            self._pid = os.getpid()
            self.directory.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            conn.execute("PRAGMA busy_timeout=60000")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ------------------------------------------------------------------- access
    def _get(self, table: str, key: str, unpack: Callable[[bytes], Any] = _unpack) -> Any | None:
        try:
            conn = self._connect()
            row = conn.execute(f"SELECT data FROM {table} WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            with _collector_paused():  # see textscan._gc: the decoded data has no cycles
                return unpack(row[0])
        except (sqlite3.Error, OSError, ValueError, TypeError, EOFError, zstandard.ZstdError):
            self.errors += 1
            return None

    def _put(
        self,
        table: str,
        key: str,
        sha256: str,
        fingerprint: str,
        value: Any,
        pack: Callable[[Any], bytes] = _pack,
    ) -> None:
        try:
            blob = pack(value)
        except (TypeError, ValueError):  # metadata that JSON cannot hold: do not cache
            self.errors += 1
            return
        for attempt in range(5):
            try:
                self._connect().execute(
                    f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?, ?, ?)",
                    (key, sha256, fingerprint, time.time(), len(blob), blob),
                )
                return
            except sqlite3.OperationalError as exc:
                if ("locked" in str(exc) or "busy" in str(exc)) and attempt < 4:
                    time.sleep(0.2 * (attempt + 1))
                    continue
                self.errors += 1
                return
            except (sqlite3.Error, OSError):
                self.errors += 1
                return

    def _rows_in(self, query: str, values: list[str]) -> list[tuple[Any, ...]]:
        """The rows of ``query`` for ``values``, its ``{marks}`` filled 500 at a time.

        (SQLite limits the parameters of one statement.) Raises what sqlite3 raises.
        """
        conn = self._connect()
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(values), 500):
            part = values[i : i + 500]
            rows += conn.execute(query.format(marks=",".join("?" * len(part))), part).fetchall()
        return rows

    @staticmethod
    def _key(*parts: str) -> str:
        return hashlib.sha256("\x00".join(parts).encode()).hexdigest()

    def get_document(self, sha256: str, engine: str) -> Document | None:
        """The cached extraction of the file with this hash, or None."""
        data = self._get("documents", self._key(sha256, extractor_fingerprint(engine)))
        self.stats["document_hits" if data is not None else "document_misses"] += 1
        if data is None:
            return None
        with _collector_paused():
            return document_from_json(data)

    def _has(self, table: str, key: str) -> bool:
        try:
            row = self._connect().execute(f"SELECT 1 FROM {table} WHERE key = ?", (key,))
            return row.fetchone() is not None
        except (sqlite3.Error, OSError):
            self.errors += 1
            return False

    def has_document(self, sha256: str, engine: str) -> bool:
        """Whether the extraction of the file with this hash is cached (nothing is decoded)."""
        return self._has("documents", self._key(sha256, extractor_fingerprint(engine)))

    def has_sentences(self, sha256: str, engine: str) -> bool:
        """Whether the annotation of the file with this hash is cached (nothing is decoded)."""
        return self._has("sentences", self._sentence_key(sha256, engine))

    def put_document(self, doc: Document, engine: str) -> None:
        fp = extractor_fingerprint(engine)
        self._put("documents", self._key(doc.sha256, fp), doc.sha256, fp, document_to_json(doc))

    def get_sentences(self, sha256: str, engine: str) -> list[Sentence] | None:
        """The cached annotation of the document with this hash, or None."""
        data = self._get("sentences", self._sentence_key(sha256, engine), sentences_from_blob)
        self.stats["sentence_hits" if data is not None else "sentence_misses"] += 1
        return data

    def get_sentence_columns(self, sha256: str, engine: str) -> SentenceColumns | None:
        """The cached annotation before its sentences are built (see :class:`SentenceColumns`)."""
        data = self._get("sentences", self._sentence_key(sha256, engine), SentenceColumns.from_blob)
        self.stats["sentence_hits" if data is not None else "sentence_misses"] += 1
        return data

    def put_sentences(
        self, sha256: str, engine: str, sentences: list[Sentence] | SentenceColumns
    ) -> None:
        key = self._sentence_key(sha256, engine)
        self._put("sentences", key, sha256, annotator_fingerprint(), sentences, sentences_to_blob)
        if isinstance(sentences, SentenceColumns):
            tokens = sentences.tokens
        else:
            tokens = sum(len(s.tokens) for s in sentences)
        try:  # for ordering a re-profile's files (see annotated_tokens)
            self._connect().execute(
                "INSERT OR REPLACE INTO sentence_tokens VALUES (?, ?)", (key, tokens)
            )
        except (sqlite3.Error, OSError):
            self.errors += 1

    def _sentence_key(self, sha256: str, engine: str) -> str:
        return self._key(sha256, extractor_fingerprint(engine), annotator_fingerprint())

    def _hits_key(self, sha256: str, engine: str, lexicon_sha256: str) -> str:
        return self._key(
            sha256, extractor_fingerprint(engine), matcher_fingerprint(), lexicon_sha256
        )

    def get_hits(
        self, sha256: str, engine: str, lexicon_sha256: str, document: str = ""
    ) -> list[Hit] | None:
        """One lexicon's cached hits in the document with this hash, or None.

        ``lexicon_sha256`` is the hash of the lexicon's text: any edit to it,
        like a new textscan, makes another key. The hits are named as found in
        ``document``.
        """
        data = self._get(
            "hits",
            self._hits_key(sha256, engine, lexicon_sha256),
            partial(hits_from_blob, document=document),
        )
        self.stats["hits_hits" if data is not None else "hits_misses"] += 1
        return data

    def put_hits(self, sha256: str, engine: str, lexicon_sha256: str, hits: list[Hit]) -> None:
        self._put(
            "hits",
            self._hits_key(sha256, engine, lexicon_sha256),
            sha256,
            matcher_fingerprint(),
            hits,
            hits_to_blob,
        )

    def _derived_key(self, sha256: str, engine: str, name: str) -> str:
        return self._key(sha256, extractor_fingerprint(engine), derived_fingerprint(), name)

    def get_derived(self, sha256: str, engine: str, name: str) -> Any | None:
        """A figure derived from the document's sentences alone, stored under ``name``, or None.

        Values are plain data (lists, dicts, strings, numbers), as
        :meth:`put_derived` stored them.
        """
        return self._get("derived", self._derived_key(sha256, engine, name), _unmarshal)

    def put_derived(self, sha256: str, engine: str, name: str, value: Any) -> None:
        self._put(
            "derived",
            self._derived_key(sha256, engine, name),
            sha256,
            derived_fingerprint(),
            value,
            _marshal,
        )

    # ------------------------------------------------------------- maintenance
    # -------------------------------------------------------------- file hashes
    def known_hashes(self, stats: dict[str, os.stat_result]) -> dict[str, str]:
        """The SHA-256 of those files (absolute path -> ``os.stat``) hashed before, unchanged.

        A file counts as unchanged when its device, inode, size, modification
        and status-change times are those it had when it was hashed; any write
        changes the status-change time, which no program can set back. So a
        re-profile of a large corpus reads no file just to hash it.
        """
        found: dict[str, str] = {}
        if not stats or not self.path.exists():
            return found
        try:
            rows = self._rows_in(
                "SELECT path, dev, ino, size, mtime_ns, ctime_ns, sha256 FROM file_hashes "
                "WHERE path IN ({marks})",
                list(stats),
            )
            for path, *key, sha in rows:
                if tuple(key) == _stat_key(stats[path]):
                    found[path] = sha
        except (sqlite3.Error, OSError):  # an older cache without the table, or a damaged one
            self.errors += 1
        return found

    def remember_hashes(self, hashed: list[tuple[str, os.stat_result, str]]) -> None:
        """Keep (absolute path, ``os.stat`` before hashing, SHA-256) for :meth:`known_hashes`.

        A file changed within the last :data:`RACY_NS` is not kept: it may
        change again within the same tick of the file system's clock.
        """
        now = time.time_ns()
        rows = [
            (path, *_stat_key(st), sha)
            for path, st, sha in hashed
            if now - max(st.st_mtime_ns, st.st_ctime_ns) >= RACY_NS
        ]
        if not rows:
            return
        try:
            self._connect().executemany(
                "INSERT OR REPLACE INTO file_hashes VALUES (?, ?, ?, ?, ?, ?, ?)", rows
            )
        except (sqlite3.Error, OSError):  # a cache that cannot be written keeps nothing
            self.errors += 1

    def known_pages(self, shas: list[str]) -> dict[str, int]:
        """The page counts of the PDFs with these hashes, as an earlier run counted them."""
        found: dict[str, int] = {}
        if not shas or not self.path.exists():
            return found
        try:
            found.update(
                self._rows_in("SELECT sha256, pages FROM pdf_pages WHERE sha256 IN ({marks})", shas)
            )
        except (sqlite3.Error, OSError):  # an older cache without the table, or a damaged one
            self.errors += 1
        return found

    def annotated_tokens(self, shas: list[str], engine: str) -> dict[str, int]:
        """The number of tokens of the cached annotation of each of these files that has one.

        Nothing is decoded: the count is kept beside the annotation when it is
        stored (for an annotation stored without it, the size in bytes of its
        compressed blob stands in). A re-profile's work on a file (matching
        and counting its cached sentences) grows with its tokens; the runner
        orders such files by them.
        """
        found: dict[str, int] = {}
        if not shas or not self.path.exists():
            return found
        by_key = {self._sentence_key(sha, engine): sha for sha in shas}
        try:
            rows = self._rows_in(
                "SELECT s.key, COALESCE(t.tokens, s.bytes) FROM sentences AS s "
                "LEFT JOIN sentence_tokens AS t ON t.key = s.key WHERE s.key IN ({marks})",
                list(by_key),
            )
            found.update((by_key[key], n) for key, n in rows)
        except (sqlite3.Error, OSError):  # a damaged cache: the files count by their pages
            self.errors += 1
        return found

    def remember_pages(self, pages: dict[str, int]) -> None:
        """Keep the page counts of PDFs by content hash (for ordering the next run's files)."""
        if not pages:
            return
        try:
            self._connect().executemany(
                "INSERT OR REPLACE INTO pdf_pages VALUES (?, ?)", list(pages.items())
            )
        except (sqlite3.Error, OSError):  # a cache that cannot be written keeps nothing
            self.errors += 1

    def info(self) -> dict[str, Any]:
        """Where the cache is, how many entries it holds and how large it is."""
        out: dict[str, Any] = {"path": str(self.path), "exists": self.path.exists()}
        if not self.path.exists():
            empty = {"documents": 0, "sentences": 0, "hits": 0, "derived": 0, "bytes": 0}
            empty["files"] = 0
            return out | empty | _tables_info()
        conn = self._connect()
        for table in ("documents", "sentences", "hits", "derived"):
            query = f"SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM {table}"
            n, size = conn.execute(query).fetchone()
            out[table] = n
            out[f"{table}_bytes"] = size
        out["files"] = conn.execute(
            "SELECT COUNT(*) FROM (SELECT sha256 FROM documents UNION SELECT sha256 FROM sentences)"
        ).fetchone()[0]
        out["bytes"] = sum(
            p.stat().st_size for p in self.directory.glob(self.FILENAME + "*") if p.is_file()
        )
        out |= _tables_info()
        out["current_extractor"] = extractor_fingerprint("auto")
        out["current_annotator"] = annotator_fingerprint()
        return out

    def clear(self) -> int:
        """Remove every entry; returns how many there were.

        Also removes compiled lemma tables, tokenizer rules and kept lexicon term
        variants of other package or code versions (see
        :func:`textscan.lemmatizer.tables_path`, :func:`textscan.tokenizer.rules_path`
        and ``textscan.match``; the current ones stay) and the kept validations of
        lexicon files (see :func:`textscan.lexicon.parse_lexicon`).
        """
        from textscan.lemmatizer import stale_tables
        from textscan.match import stale_terms
        from textscan.tokenizer import stale_rules

        for old in stale_tables() + stale_rules() + stale_terms() + _parsed_lexicons():
            old.unlink(missing_ok=True)
        if not self.path.exists():
            return 0
        conn = self._connect()
        n = 0
        for table in ("documents", "sentences", "hits", "derived"):
            n += conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM file_hashes")
        conn.execute("DELETE FROM pdf_pages")
        conn.execute("DELETE FROM sentence_tokens")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        return n


def _tables_info() -> dict[str, Any]:
    """Where this installation's compiled lemma tables and tokenizer rules are, and their size."""
    from textscan.lemmatizer import tables_path
    from textscan.tokenizer import rules_path

    path = tables_path()
    rules = rules_path()
    return {
        "lemma_tables": str(path),
        "lemma_tables_bytes": path.stat().st_size if path.is_file() else 0,
        "tokenizer_rules": str(rules),
        "tokenizer_rules_bytes": rules.stat().st_size if rules.is_file() else 0,
        "parsed_lexicons": len(_parsed_lexicons()),
    }


def _parsed_lexicons() -> list[Path]:
    """The kept validations of lexicon files (see :func:`textscan.lexicon.parse_lexicon`)."""
    from textscan.lexicon import PARSED_DIR

    return sorted((default_cache_dir() / PARSED_DIR).glob("*.marshal"))


__all__ = [
    "Cache",
    "annotator_fingerprint",
    "default_cache_dir",
    "derived_fingerprint",
    "document_from_json",
    "document_to_json",
    "extractor_fingerprint",
    "hits_from_blob",
    "hits_to_blob",
    "matcher_fingerprint",
    "sentences_from_blob",
    "sentences_to_blob",
    "token_columns",
]
