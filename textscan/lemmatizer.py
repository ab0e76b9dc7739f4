"""Dutch lemmatisation without a trained model.

spaCy's Dutch pipelines cannot be downloaded everywhere textscan runs, and a
tagger-free lemmatiser is fast enough for millions of tokens. This module
combines three resources that ship inside Python packages:

* simplemma's Dutch form→lemma dictionary (370,000 forms),
* spacy-lookups-data's Dutch tables: the lookup table, the per-POS exception
  tables (irregular forms) and the per-POS lemma index (known lemmas),
* a small set of Dutch morphological rules written here (participles,
  past tense, plurals, diminutives, adjective inflection, compound heads).

No part-of-speech tagger is used, so a form such as *spelen* (verb, or plural of
*spel*) gets one context-free lemma. Known limits are measured by
``benchmarks/lemmas.py`` against the UD Dutch Alpino treebank.

Example:
    >>> lem = DutchLemmatizer()
    >>> lem.lemma("aangepakt")
    'aanpakken'
    >>> lem.lemmatize(["Zij", "spoorde", "hem", "aan", "."], attach_particles=True)
    ['zij', 'aansporen', 'hem', 'aan', '.']
"""

from __future__ import annotations

import gzip
import hashlib
import json
import marshal
import os
import re
import sqlite3
import tempfile
import threading
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from textscan._gc import collector_paused

__all__ = [
    "SEPARABLE_PARTICLES",
    "DutchLemmatizer",
    "get_lemmatizer",
]

# Separable verb particles (scheidbare partikels). A closed class of Dutch grammar.
SEPARABLE_PARTICLES: frozenset[str] = frozenset(
    [
        "aan",
        "achter",
        "achterna",
        "af",
        "bij",
        "binnen",
        "boven",
        "buiten",
        "door",
        "heen",
        "in",
        "langs",
        "mee",
        "na",
        "neer",
        "om",
        "omhoog",
        "omlaag",
        "onder",
        "op",
        "over",
        "rond",
        "samen",
        "tegen",
        "terecht",
        "terug",
        "toe",
        "tussen",
        "uit",
        "vast",
        "voor",
        "voorbij",
        "weg",
        "vrij",
        "thuis",
        "mis",
        "los",
        "open",
        "dicht",
        "klaar",
        "kapot",
        "schoon",
        "bekend",
    ]
)

# the last characters of a word whose lowercase can end in "-en" (no other character
# lowercases to a text ending in "n")
_N = frozenset("nN")
# the subject pronouns of a plural verb: beside one, a past plural in -en is the verb
_PLURAL_SUBJECTS = frozenset(["wij", "we", "zij", "ze", "jullie"])
# words after which a pronoun opens a clause (its subject), as the start or a comma does
_OPENERS = frozenset(
    ["en", "of", "maar", "want", "dat", "omdat", "toen", "nadat", "als", "zodat", "waar", "wat"]
)


def _past_plurals(verb_exceptions: Mapping[str, str], infinitives: Set[str]) -> dict[str, str]:
    """The past plurals of strong verbs in spaCy's verb exceptions: form -> verb.

    A form in -en counts when its singular, the form less -en (brak, nam) or
    with its vowel doubled and f or s for v or z (sloot, greep, schreef,
    koos), is in the same table for the same verb; not a participle's plural
    (gevangenen, betrokkenen: people), nor a form that is an infinitive too,
    and so a present plural ("wij voeren gesprekken", "wij scholen", not the
    past of varen and schuilen; "braken" stays).
    """
    out = {}
    for form, lemma in verb_exceptions.items():
        if len(form) < 5 or not form.endswith("en") or lemma == form or form in infinitives:
            continue  # an infinitive is also a present plural: "wij voeren", not varen
        stem = form[:-2]
        if stem.endswith("en"):  # a participle's noun: gevangenen, betrokkenen
            continue
        singulars = [stem]
        if stem[-1] not in "aeiou" and stem[-2] in "aeiou" and stem[-3:-2] not in "aeiou":
            singulars.append(stem[:-1] + stem[-2] + stem[-1])
        singulars += [x[:-1] + {"v": "f", "z": "s"}[x[-1]] for x in singulars if x[-1] in "vz"]
        if any(verb_exceptions.get(x) == lemma for x in singulars):
            out[form] = lemma
    return out


# words after which a form in -en is an infinitive or plural verb, not a plural noun
_VERB_CONTEXT = frozenset(
    [
        "te",
        "wij",
        "we",
        "zij",
        "ze",
        "jullie",
        "wil",
        "willen",
        "wilde",
        "wilden",
        "kan",
        "kunnen",
        "kon",
        "konden",
        "moet",
        "moeten",
        "moest",
        "moesten",
        "gaat",
        "gaan",
        "ging",
        "gingen",
        "zal",
        "zullen",
        "zou",
        "zouden",
        "blijft",
        "blijven",
        "bleef",
        "bleven",
        "laat",
        "laten",
        "liet",
        "lieten",
        "mag",
        "mogen",
        "mocht",
        "mochten",
        "durft",
        "durven",
        "hoeft",
        "hoeven",
        "komen",
        "komt",
    ]
)

# Inseparable verb prefixes: their participle has no ge- (bestreden, verbonden).
_INSEPARABLE_PREFIXES = ("be", "ge", "her", "ont", "ver", "er")

# Highly frequent irregular forms, written out from Dutch grammar so they never
# depend on which reading a dictionary happened to store (e.g. "was" is also a noun).
_IRREGULAR: dict[str, str] = {
    # plural of gevoel, not of gevoelen (an opinion): "veiligheidsgevoelens", "gevoelens
    # van onveiligheid" (the plural of the rarer noun is the same form)
    "gevoelens": "gevoel",
    **dict.fromkeys(["ben", "bent", "is", "zijn", "was", "waren", "geweest"], "zijn"),
    **dict.fromkeys(["heb", "hebt", "heeft", "hebben", "had", "hadden", "gehad"], "hebben"),
    **dict.fromkeys(["word", "wordt", "worden", "werd", "werden", "geworden"], "worden"),
    **dict.fromkeys(["kan", "kunt", "kunnen", "kon", "konden", "gekund"], "kunnen"),
    **dict.fromkeys(["zal", "zult", "zullen", "zou", "zouden"], "zullen"),
    **dict.fromkeys(["mag", "mogen", "mocht", "mochten", "gemogen"], "mogen"),
    **dict.fromkeys(["moet", "moeten", "moest", "moesten", "gemoeten"], "moeten"),
    **dict.fromkeys(["wil", "wilt", "willen", "wilde", "wilden", "wou", "gewild"], "willen"),
    **dict.fromkeys(["ga", "gaat", "gaan", "ging", "gingen", "gegaan"], "gaan"),
    **dict.fromkeys(["kom", "komt", "komen", "kwam", "kwamen", "gekomen"], "komen"),
    **dict.fromkeys(["sta", "staat", "staan", "stond", "stonden", "gestaan"], "staan"),
    **dict.fromkeys(["doe", "doet", "doen", "deed", "deden", "gedaan"], "doen"),
    **dict.fromkeys(["zie", "ziet", "zien", "zag", "zagen", "gezien"], "zien"),
    **dict.fromkeys(["weet", "weten", "wist", "wisten", "geweten"], "weten"),
    **dict.fromkeys(["sla", "slaat", "slaan", "sloeg", "sloegen", "geslagen"], "slaan"),
    **dict.fromkeys(["rijd", "rijdt", "rijden", "reed", "gereden"], "rijden"),
    **dict.fromkeys(["meer", "meest", "meeste"], "veel"),
    **dict.fromkeys(["minder", "minst", "minste"], "weinig"),
    **dict.fromkeys(["beter", "betere", "best", "beste"], "goed"),
}

# Ordinals take the cardinal as lemma, the convention of the Alpino/Lassy lexicon
# that simplemma's dictionary also follows ("eerste" -> "één").
_CARDINALS = [
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
    "dertig",
    "veertig",
    "vijftig",
    "zestig",
    "zeventig",
    "tachtig",
    "negentig",
    "honderd",
    "duizend",
    "miljoen",
    "miljard",
]
_CARDINAL_SET = frozenset(_CARDINALS)
_VOWELS = "aeiouyáéíóúäëïöüè"
_NUMERIC_ORDINAL = re.compile(r"(\d+)(?:ste|sten|de|den|e)")
_IRREGULAR_ORDINALS = {"eerst": "één", "eerste": "één", "eersten": "één", "derde": "drie"}


def _ordinal(word: str) -> str | None:
    """Cardinal lemma of an ordinal (``derde`` -> ``drie``, ``21ste`` -> ``21``)."""
    if word in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[word]
    match = _NUMERIC_ORDINAL.fullmatch(word)
    if match:
        return match.group(1)
    for suffix in ("sten", "ste", "den", "de"):
        if word.endswith(suffix) and word[: -len(suffix)] in _CARDINAL_SET:
            return word[: -len(suffix)]
    return None


def _data_path(name: str) -> Any:
    return resources.files("spacy_lookups_data") / "data" / name


def _load_json_gz(name: str) -> Any:
    with _data_path(name).open("rb") as raw, gzip.open(raw, "rt", encoding="utf8") as fh:
        return json.load(fh)


# --------------------------------------------------------------- the form tables
#
# simplemma's Dutch dictionary (370,000 forms, stored lzma-compressed) and
# spaCy's lookup table (213,000 forms) take about 0.6 s to load, which every
# run paid before it read a page. They are compiled once per installation into
# a SQLite file under the cache folder (``tables/``, named by the versions of
# both packages) and read word by word: a run looks up some ten thousand
# distinct forms, a few microseconds each. Without a writable cache folder the
# tables are loaded into memory as before.

#
# The file also holds, for every form, the lemma that the dictionary rules of
# this module give it (:meth:`DutchLemmatizer._known_lemma`, a pure function of
# the lowercase form): a run then looks each new word up once instead of
# running those rules, which cost each worker some 0.2 s at the start of every
# run. Because those lemmas depend on this module's code, its source is part of
# the file's name: an edited lemmatiser compiles a new file (about 5 s).

TABLES_VERSION = "4"


def tables_path() -> Path:
    """Where the compiled form tables of this installation live (they may not exist yet)."""
    from textscan._version import installed_version
    from textscan.cache import installation_file

    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    # (the versions read from the packages' own version files: the package
    # metadata took 20 ms to import and search, before a scan's first worker)
    simplemma = installed_version("simplemma", "simplemma", "__metadata__.py")
    lookups = installed_version("spacy-lookups-data", "spacy_lookups_data", "about.py")
    parts = [TABLES_VERSION, simplemma, lookups, source]
    return installation_file("forms", parts, ".sqlite")


def stale_tables() -> list[Path]:
    """Compiled table files of other package versions (left by an upgrade)."""
    from textscan.cache import stale_files

    return stale_files(tables_path())


def _source_tables() -> tuple[Mapping[str, str], dict[str, str]]:
    from simplemma.strategies import DefaultDictionaryFactory

    simple = DefaultDictionaryFactory().get_dictionary("nl")
    lookup: dict[str, str] = _load_json_gz("nl_lemma_lookup.json.gz")
    return simple, lookup


PosTables = tuple[dict[str, dict[str, list[str]]], dict[str, list[str]]]
# as the lemmatiser uses them: each exception's first lemma, each index a frozenset
PreparedPosTables = tuple[dict[str, dict[str, str]], dict[str, frozenset[str]]]


def _source_pos_tables() -> PosTables:
    """spaCy's per-POS exception tables and lemma index, as shipped (JSON)."""
    return _load_json_gz("nl_lemma_exc.json.gz"), _load_json_gz("nl_lemma_index.json.gz")


def _prepared_pos_tables(raw: PosTables) -> PreparedPosTables:
    """The exception tables with their first lemma and the indexes as sets.

    Stored so in the compiled tables: marshal reads the 200,000 words of the
    indexes straight into frozensets (about 40 ms), where reading lists and
    building the sets took 60-90 ms of every process that lemmatises.
    """
    exc, index = raw
    first = {pos: {f: lem[0] for f, lem in table.items() if lem} for pos, table in exc.items()}
    return first, {pos: frozenset(words) for pos, words in index.items()}


def compile_tables(path: Path) -> Path:
    """Write simplemma's and spaCy's Dutch form tables into one SQLite file at ``path``.

    Written to a temporary file first and renamed, so that processes starting
    at the same time never read half a table.
    """
    simple, lookup = _source_tables()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.execute(
                "CREATE TABLE forms (form TEXT PRIMARY KEY, simplemma TEXT, lookup TEXT) "
                "WITHOUT ROWID"
            )
            rows: dict[str, list[str | None]] = {}
            for form in simple:
                rows[form] = [simple[form], None]
            for form, lemma in lookup.items():
                rows.setdefault(form, [None, None])[1] = lemma
            con.executemany(
                "INSERT INTO forms VALUES (?, ?, ?)", ((f, a, b) for f, (a, b) in rows.items())
            )
            # the per-POS tables are read whole: one marshal blob (10 ms, JSON 50 ms)
            con.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB)")
            prepared = _prepared_pos_tables(_source_pos_tables())
            con.execute("INSERT INTO blobs VALUES ('pos_tables', ?)", (marshal.dumps(prepared),))
        _compile_known_lemmas(con, _MemoryTables(simple, lookup))
        con.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _compile_known_lemmas(con: sqlite3.Connection, tables: _MemoryTables) -> None:
    """Store the dictionary lemma of every lowercase form (NULL: the rules do not know it)."""
    con.execute("CREATE TABLE known (form TEXT PRIMARY KEY, lemma TEXT) WITHOUT ROWID")
    lemmatizer = DutchLemmatizer(_tables=tables)
    rows = con.execute("SELECT form FROM forms")
    lowered = (form.strip().lower().replace("’", "'") for (form,) in rows)
    forms = {w for w in lowered if any(c.isalpha() for c in w)}
    with con:
        con.executemany(
            "INSERT INTO known VALUES (?, ?)",
            ((w, lemmatizer._known_lemma_of(w)) for w in sorted(forms)),
        )


_OPEN_TABLES: weakref.WeakSet[_FormTables] = weakref.WeakSet()


def _after_fork() -> None:
    """In a forked child: open the tables anew on first use (a connection is per process)."""
    for tables in list(_OPEN_TABLES):
        tables._con = None


if hasattr(os, "register_at_fork"):  # no fork, no inherited connections, elsewhere
    os.register_at_fork(after_in_child=_after_fork)


class _FormTables:
    """simplemma's and spaCy's form→lemma tables, read from the compiled SQLite file.

    Lookups are memoised in this process. The connection is opened per process
    (a worker forked from the parent opens its own).
    """

    _QUERY = "SELECT simplemma, lookup FROM forms WHERE form = ?"
    _KNOWN = "SELECT lemma FROM known WHERE form = ?"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        self._con: sqlite3.Connection | None = None
        _OPEN_TABLES.add(self)
        self._memo: dict[str, tuple[str | None, str | None]] = {}
        # known() answers fetched ahead by prefetch(), each handed out once
        self._known: dict[str, tuple[bool, str | None]] = {}
        self._fetched: set[str] = set()  # forms prefetch() has looked up
        self._lock = threading.Lock()
        self.simplemma = _Column(self, 0)
        self.lookup = _Column(self, 1)

    def _connection(self) -> sqlite3.Connection:
        # no os.getpid() per look-up (a system call, 30,000 a run): a forked child
        # drops the inherited connection instead (see _after_fork)
        if self._con is None:
            self._con = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        return self._con

    def row(self, form: str) -> tuple[str | None, str | None]:
        found = self._memo.get(form)
        if found is None:
            with self._lock:
                got = self._connection().execute(self._QUERY, (form,)).fetchone()
            found = (got[0], got[1]) if got is not None else (None, None)
            self._memo[form] = found
        return found

    def known(self, form: str) -> tuple[bool, str | None]:
        """(whether the form was compiled, its dictionary lemma or None).

        Memoised with what :meth:`prefetch` fetched: the same form is asked
        again for another spelling of the word ("Veiligheid", "veiligheid")
        and as a compound's head.
        """
        found = self._known.get(form)
        if found is None:
            with self._lock:
                got = self._connection().execute(self._KNOWN, (form,)).fetchone()
            found = (True, got[0]) if got is not None else (False, None)
            if len(self._known) > 200_000:
                self._known.clear()
            self._known[form] = found
        return found

    def prefetch_rows(self, forms: Iterable[str]) -> None:
        """Read the table rows of ``forms`` not read yet in one query (for :meth:`row`).

        The heads an unknown compound is tried with ("ninginbraken",
        "inginbraken", ... of "woninginbraken"), which were one query each.
        """
        memo = self._memo
        rest = [f for f in dict.fromkeys(forms) if f not in memo]
        if not rest:
            return
        if len(memo) > 500_000:
            memo.clear()
        with self._lock:
            found = {
                f: (a, b)
                for f, a, b in self._connection().execute(
                    "SELECT form, simplemma, lookup FROM forms WHERE form IN "
                    f"({','.join('?' * len(rest))})",
                    rest,
                )
            }
        for f in rest:
            memo[f] = found.get(f, (None, None))

    _BATCH = 500  # forms per IN (...) query

    def prefetch(self, forms: Iterable[str]) -> None:
        """Look up many forms in a few queries (for :meth:`row` and :meth:`known`).

        A document's ten thousand new words were ten thousand single queries of
        each table (some 0.1 s of a cold run's annotation).
        """
        fetched = self._fetched
        rows = [f for f in dict.fromkeys(forms) if f not in fetched and f not in self._memo]
        if not rows:
            return
        if len(self._known) > 200_000:
            self._known.clear()
        if len(fetched) > 200_000:
            fetched.clear()
        with self._lock:
            con = self._connection()
            for start in range(0, len(rows), self._BATCH):
                batch = rows[start : start + self._BATCH]
                marks = ",".join("?" * len(batch))
                lemmas = dict(
                    con.execute(f"SELECT form, lemma FROM known WHERE form IN ({marks})", batch)
                )
                # a form with a compiled lemma is lemmatised from that alone: the
                # table rows are read only for the others (two in five words), and
                # for a known form when something asks (row(), one at a time)
                rest = [f for f in batch if f not in lemmas]
                if rest:
                    found = {
                        f: (a, b)
                        for f, a, b in con.execute(
                            "SELECT form, simplemma, lookup FROM forms WHERE form IN "
                            f"({','.join('?' * len(rest))})",
                            rest,
                        )
                    }
                    for f in rest:
                        self._memo[f] = found.get(f, (None, None))
                for f in batch:
                    self._known[f] = (True, lemmas[f]) if f in lemmas else (False, None)
                fetched.update(batch)

    def pos_tables(self) -> PreparedPosTables:
        """spaCy's per-POS exception tables and lemma index (see :func:`_prepared_pos_tables`)."""
        with self._lock:
            (blob,) = (
                self._connection()
                .execute("SELECT data FROM blobs WHERE name = 'pos_tables'")
                .fetchone()
            )
        with collector_paused(kept=True):  # megabytes of plain tables, kept: nothing to collect
            exc, index = marshal.loads(blob)
        return exc, index

    def items(self, column: int) -> Iterator[tuple[str, str]]:
        name = ("simplemma", "lookup")[column]
        with self._lock:
            rows = (
                self._connection()
                .execute(f"SELECT form, {name} FROM forms WHERE {name} IS NOT NULL")
                .fetchall()
            )
        return iter(rows)


class _Column(Mapping[str, str]):
    """One column of :class:`_FormTables` as a read-only mapping."""

    def __init__(self, tables: _FormTables, column: int) -> None:
        self._tables = tables
        self._column = column

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        value = self._tables.row(key)[self._column]
        return default if value is None else value

    def __getitem__(self, key: str) -> str:
        value = self._tables.row(key)[self._column]
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._tables.row(key)[self._column] is not None

    def __iter__(self) -> Iterator[str]:
        return (form for form, _ in self._tables.items(self._column))

    def __len__(self) -> int:
        return sum(1 for _ in self._tables.items(self._column))

    def items(self) -> Any:
        return list(self._tables.items(self._column))

    def values(self) -> Any:
        return [lemma for _, lemma in self._tables.items(self._column)]


class _MemoryTables:
    """The same two tables held in memory (no writable cache folder, or while compiling)."""

    def __init__(
        self, simplemma: Mapping[str, str] | None = None, lookup: Mapping[str, str] | None = None
    ) -> None:
        if simplemma is None or lookup is None:
            simplemma, lookup = _source_tables()
        self.simplemma, self.lookup = simplemma, lookup

    def pos_tables(self) -> PreparedPosTables:
        return _prepared_pos_tables(_source_pos_tables())

    def known(self, form: str) -> tuple[bool, str | None]:
        return False, None  # nothing precompiled: the rules run

    def prefetch(self, forms: Iterable[str]) -> None:
        """Nothing to fetch: the tables are in memory."""


@lru_cache(maxsize=1)
def _form_tables() -> _FormTables | _MemoryTables:
    path = tables_path()
    try:
        if not path.exists():
            compile_tables(path)
        tables = _FormTables(path)
        tables.row("de")  # fails now, not mid-run, if the file is unreadable
        return tables
    except (OSError, sqlite3.Error):
        return _MemoryTables()


class DutchLemmatizer:
    """Context-free Dutch lemmatiser with optional separable-particle attachment.

    Args:
        attach_particles: default for :meth:`lemmatize`: when true, a finite verb
            whose separated particle closes the clause gets the particle verb as
            lemma ("spoorde ... aan" -> "aansporen").
        join_hyphenated: write an unknown hyphenated compound closed in its lemma
            ("tbs-instellingen" -> "tbsinstelling"), so that the spelling variants
            "drugs-overlast" and "drugsoverlast" share one lemma. Hyphenated words
            that the dictionaries know keep their hyphen ("zuid-amerikaans").
        cache_size: how many distinct word forms :meth:`lemma` remembers.

    Example:
        >>> DutchLemmatizer().lemma("woninginbraken")
        'woninginbraak'
    """

    def __init__(
        self,
        *,
        attach_particles: bool = False,
        join_hyphenated: bool = True,
        cache_size: int = 500_000,
        _tables: _FormTables | _MemoryTables | None = None,
    ) -> None:
        self.attach_particles = attach_particles
        self.join_hyphenated = join_hyphenated
        self.cache_size = cache_size
        tables = _tables if _tables is not None else _form_tables()
        self._precomputed = tables.known
        self._prefetch = getattr(tables, "prefetch", None)
        self._prefetch_rows = getattr(tables, "prefetch_rows", None)
        self._simplemma: Mapping[str, str] = tables.simplemma
        self._lookup: Mapping[str, str] = tables.lookup
        self._exc, self._index = tables.pos_tables()
        self._nouns = self._index.get("noun", frozenset())
        self._verbs = self._index.get("verb", frozenset()) | frozenset(
            self._exc.get("verb", {}).values()
        )
        self._adjs = self._index.get("adj", frozenset())
        self._past_plurals = _past_plurals(self._exc.get("verb", {}), self._verbs)
        self._vocabulary: frozenset[str] | None = None
        self._vocab_lock = threading.Lock()
        self._cached = lru_cache(maxsize=cache_size)(self._lemma_uncached)

    # ------------------------------------------------------------------ public API

    def lemma(self, word: str) -> str:
        """The lowercase lemma of one word, without context (memoised).

        Example:
            >>> DutchLemmatizer().lemma("Gehandhaafd")
            'handhaven'
        """
        return self._cached(word)

    def prefetch(self, words: Iterable[str]) -> None:
        """Read the table rows of many words at once, ahead of :meth:`lemma` (same lemmas).

        Annotation calls it with the words of some hundred paragraphs at a time.
        """
        if self._prefetch is not None:
            self._prefetch({w.strip().lower().replace("’", "'") for w in set(words)})

    def lemmatize(self, words: Sequence[str], *, attach_particles: bool | None = None) -> list[str]:
        """Lemmas of the words of one sentence.

        Each word gets :meth:`lemma`; with ``attach_particles`` (default: the
        instance setting) a finite verb whose separated particle closes the
        clause gets the particle verb as lemma.

        Example:
            >>> DutchLemmatizer().lemmatize(["Zij", "pakt", "dat", "aan"])
            ['zij', 'pakken', 'dat', 'aan']
            >>> DutchLemmatizer().lemmatize(["Wij", "pakken", "het", "aan"], attach_particles=True)
            ['wij', 'aanpakken', 'het', 'aan']
        """
        lemmas = list(map(self._cached, words))  # self.lemma, without its call per word
        self._infinitive_or_plural(words, lemmas)
        attach = self.attach_particles if attach_particles is None else attach_particles
        if attach:
            self._attach_particles(list(words), lemmas)
        return lemmas

    def _infinitive_or_plural(self, words: Sequence[str], lemmas: list[str]) -> None:
        """Decide "spelen", "wachten", "stellen" (verb or plural noun) from the word before.

        Out of context such a form gets its noun (spel, wacht, stel). In a
        sentence it is the infinitive (or plural present) after "te", a modal
        or auxiliary verb or a plural subject pronoun ("om te spelen", "wij
        willen wachten", "wij stellen"), otherwise it stays the plural noun.
        Likewise the past plural of a strong verb that is also a plural noun
        or another word (sloten: slot or sluiten; grepen, schreven) is the
        verb after its subject pronoun ("wij sloten", "en zij grepen in") or
        before it ("in 2023 sloten we"), and otherwise keeps its reading out
        of context. The pronoun after a verb is taken as an object ("maken ze
        afspraken": afspraak), and only a past plural whose singular the
        tables give for the same verb is read so ("sloten" of sloot,
        "grepen" of greep: :func:`_past_plurals`), not every irregular form
        in -en that spaCy's verb exceptions list ("en", "tegen").
        """
        verbs = self._verbs
        past = self._past_plurals
        last = len(words) - 1
        for i in range(len(words)):
            word = words[i]
            # only "n" and "N" lowercase to a text that ends in "n": the other words
            # (seven in ten) are passed over before they are lowercased
            if word[-1:] not in _N:
                continue
            w = word.lower()
            if not w.endswith("en"):
                continue
            verb = past.get(w)
            if verb is not None and verb != lemmas[i]:
                if (i < last and words[i + 1].lower() in _PLURAL_SUBJECTS) or (
                    i
                    and words[i - 1].lower() in _PLURAL_SUBJECTS
                    and (
                        i == 1 or not words[i - 2][:1].isalpha() or words[i - 2].lower() in _OPENERS
                    )
                ):
                    lemmas[i] = verb
                continue
            if i == 0 or lemmas[i] == w or w not in verbs:
                continue
            if words[i - 1].lower() in _VERB_CONTEXT:
                lemmas[i] = w

    def is_verb(self, lemma: str) -> bool:
        """Whether ``lemma`` (lowercase) is a Dutch verb infinitive in the tables.

        Example:
            >>> DutchLemmatizer().is_verb("bieden"), DutchLemmatizer().is_verb("perspectief")
            (True, False)
        """
        return lemma in self._verbs

    def is_known(self, word: str) -> bool:
        """Whether ``word`` (any case) is a known Dutch form or lemma.

        Example:
            >>> DutchLemmatizer().is_known("inbraak")
            True
        """
        w = word.lower()
        return self._known_form(w)

    def vocabulary(self) -> frozenset[str]:
        """Known Dutch forms and lemmas (lowercase) from simplemma and spaCy's tables.

        Built on first use (about a second) and then shared.
        """
        if self._vocabulary is None:
            with self._vocab_lock:
                if self._vocabulary is None:
                    self._vocabulary = self._build_vocabulary()
        return self._vocabulary

    # ---------------------------------------------------------------- resources

    def _build_vocabulary(self) -> frozenset[str]:
        words: set[str] = set()
        for form, lemma in self._simplemma.items():
            words.add(form.lower())
            words.add(lemma.replace("_", "").lower())
        words.update(k.lower() for k in self._lookup)
        words.update(v.lower() for v in self._lookup.values())
        for table in self._exc.values():
            words.update(table)
            words.update(table.values())
        for entries in self._index.values():
            words.update(entries)
        return frozenset(w for w in words if w)

    def _simple(self, word: str) -> str | None:
        """simplemma's dictionary lemma, compound marks removed, lowercase."""
        found = self._simplemma.get(word)
        if found is None:
            return None
        return found.replace("_", "").lower()

    def _known_form(self, word: str) -> bool:
        return (
            self._simplemma.get(word) is not None
            or word in self._lookup
            or word in self._nouns
            or word in self._verbs
            or word in self._adjs
            or any(word in table for table in self._exc.values())
        )

    def _is_lemma(self, word: str) -> bool:
        return word in self._nouns or word in self._verbs or word in self._adjs

    # ---------------------------------------------------------------- the lemma

    def _lemma_uncached(self, word: str) -> str:
        w = word.strip().lower()
        if not w or not any(c.isalpha() for c in w):
            return w
        w = w.replace("’", "'")
        found = self._known_lemma(w)
        if found is not None:
            return found
        capitalised = word[:1].isupper() and not word.isupper()
        if "-" in w.strip("-"):
            head_at = w.rindex("-")
            head = w[head_at + 1 :]
            if not any(c.isalpha() for c in head):
                return w
            left = w[: head_at + 1]
            if self.join_hyphenated:
                left = left.replace("-", "")
            return left + self._noun_head_lemma(head)
        if capitalised:
            # An unknown capitalised word is most likely a name: leave it alone,
            # except adjectives of place names ("Amersfoortse" -> "amersfoorts").
            if w.endswith(("se", "sche")) and len(w) > 5:
                return w[:-1]
            return w
        compound = self._compound(w)
        if compound is not None:
            return compound
        ruled = self._rules(w)
        return ruled if ruled is not None else w

    def _known_lemma(self, w: str) -> str | None:
        """Lemma of a word that the dictionaries know, or None (compiled, or by the rules)."""
        compiled, lemma = self._precomputed(w)
        return lemma if compiled else self._known_lemma_of(w)

    def _known_lemma_of(self, w: str) -> str | None:
        """Lemma of a word that the dictionaries know, or None: the rules."""
        if w in _IRREGULAR:
            return _IRREGULAR[w]
        ordinal = _ordinal(w)
        if ordinal is not None:
            return ordinal
        simple = self._simple(w)
        if simple is not None:
            if not _same_start(w, simple):
                # Apart from the suppletive forms listed above, a Dutch lemma keeps
                # the first letter of its forms: a mismatch is a dictionary slip
                # (simplemma maps "vaart" to "ervaren").
                verb = self._exc.get("verb", {}).get(w)
                return verb if verb is not None and _same_start(w, verb) else w
            if simple.endswith("je") and simple != w:
                # simplemma maps a plural diminutive to the singular diminutive;
                # the lemma of a diminutive is its base noun (zusjes -> zusje -> zus).
                base = self._simple(simple)
                if base is not None and base != simple and base[:1] == simple[:1]:
                    simple = base
            return self._arbitrate(w, simple)
        for pos in ("verb", "noun", "adj", "adv", "det", "pron", "adp"):
            lemma = self._exc.get(pos, {}).get(w)
            if lemma is None:
                continue
            # Adverbs in -s (slechts, anders, straks) are not inflected adjectives.
            if pos == "adj" and w.endswith("s") and lemma == w[:-1]:
                return w
            # A known adjective or noun that is also a verb stem (genoeg: genoegen).
            if pos == "verb" and (w in self._adjs or w in self._nouns) and w in _stems(lemma):
                return w
            return lemma
        if w in self._lookup:
            return self._lookup[w].lower()
        if self._is_lemma(w) and "-" not in w:
            return self._adjective_base(w) or w
        return None

    def _arbitrate(self, w: str, simple: str) -> str:
        """Choose between simplemma's lemma and the word itself or spaCy's tables."""
        if simple == w:
            # A past participle of an -eren verb that the dictionary lists as its own
            # lemma (an adjective reading): the verb is the lemma the codebook
            # counts (gecontroleerd -> controleren, gesignaleerd -> signaleren).
            if w.startswith("ge") and w.endswith(("eerd", "eert")) and w not in self._nouns:
                for cand in _participle_lemmas(w):
                    if cand in self._verbs and _same_start(w, cand):
                        return cand
            return self._present_participle(w, simple) or w
        # A known noun in -e that the dictionary reads as an old verb form, the
        # infinitive less its n (boete: boeten, douche, update): the noun. Not after
        # a doubled consonant, where it is a verb form ("stelle", "zulle"), nor for
        # an inflected adjective ("heilige").
        if (
            simple == w + "n"
            and w in self._nouns
            and w[-3:-2] != w[-2:-1]
            and w[:-1] not in self._adjs
        ):
            return w
        # A particle verb's infinitive that is also the plural of its deverbal noun
        # (aanpakken: aanpak, opbouwen: opbouw): such plurals are rare, the verbs not.
        if w.endswith("en") and w in self._verbs and simple in self._nouns:
            particle = next((p for p in SEPARABLE_PARTICLES if w.startswith(p)), None)
            if particle is not None and self._simple(w[len(particle) :]) is not None:
                return w
        # A noun that is also a verb stem: keep the noun ("start", not "starten"); a
        # verb's first person singular is rare in written text. Adjectives only when
        # they do not look like participles ("droog", but not "verwoest").
        if simple in self._verbs and w in _stems(simple):
            if w in self._nouns:
                return w
            if w in self._adjs and not w.startswith((*_INSEPARABLE_PREFIXES, "ont")):
                return w
        # A nominalised adjective in the plural (jongeren, ouderen) has the singular
        # noun as lemma (jongere), not the adjective.
        if w.endswith("en") and w[:-1] in self._nouns and simple in self._adjs:
            singular = w[:-1]
            if simple in (self._adjective_base(singular), self._exc["adj"].get(singular)):
                return singular
        # Two independent sources agree: trust them (kinderen -> kind, namen -> nemen).
        if any(table.get(w) == simple for table in self._exc.values()):
            return simple
        # A noun that simplemma maps to another noun which is not its singular
        # (woordvoerster -> woordvoerder): the word is a lemma of its own.
        if (
            w in self._nouns
            and simple in self._nouns
            and simple not in self._adjs
            and w not in _noun_forms(simple)
            and self._adjective_base(w) is None
        ):
            return w
        # Infinitive vs noun plural: keep the infinitive when the "singular" cannot
        # have this plural (rijden is not a plural of rij).
        if w in self._verbs and w.endswith("en") and w not in _noun_forms(simple):
            return w
        # simplemma lemma that no table knows as a lemma, but spaCy's does.
        verb_exc = self._exc.get("verb", {}).get(w)
        if not self._is_lemma(simple) and verb_exc is not None and verb_exc != simple:
            return verb_exc
        # Present participles take the infinitive (overtuigend(e) -> overtuigen), as in
        # the Alpino lexicon; lexicalised ones with another lemma are left alone.
        participle = self._present_participle(w, simple)
        if participle is not None:
            return participle
        # Adjective inflection beats a verb reading ("rappe" -> "rap", not "rappen").
        adj = self._adjective_base(w)
        if adj is not None and simple in self._verbs and adj != simple:
            return adj
        return simple

    # ---------------------------------------------------------------- rules

    def _present_participle(self, w: str, simple: str) -> str | None:
        """Infinitive of a present participle -end(e)(r)(st(e)) if the dictionaries agree."""
        if not simple.endswith("end") or len(simple) < 6:
            return None
        infinitive = simple[:-3] + "en"
        if simple[:-3].endswith(("e", "ij", "aa", "oe")):  # gaande, ziende -> gaan, zien
            infinitive = simple[:-2]
        if infinitive in self._verbs or self._simple(infinitive) == infinitive:
            return infinitive
        return None

    def _adjective_base(self, w: str) -> str | None:
        """Base of an inflected adjective (-e, -en) if the base is a known adjective."""
        for suffix in ("en", "e"):
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                for base in _undo_open_syllable(w[: -len(suffix)]):
                    if base in self._adjs:
                        return base
        return None

    def _rules(self, w: str) -> str | None:
        """Suffix rules validated against the lemma index, for unknown words."""
        n = len(w)
        # past participle: ge-X-d/t, ge-X-en; inseparable prefixes take no ge-
        for cand in _participle_lemmas(w):
            if cand in self._verbs:
                return cand
        # past tense -de(n)/-te(n)
        for suffix in ("den", "ten", "de", "te"):
            if w.endswith(suffix) and n > len(suffix) + 2:
                for stem in _undo_open_syllable(w[: -len(suffix)]):
                    for cand in (stem + "en", _voice(stem) + "en"):
                        if cand in self._verbs:
                            return cand
        # present tense -t / present participle -end(e)
        for suffix in ("ende", "end", "t"):
            if w.endswith(suffix) and n > len(suffix) + 2:
                stem = w[: -len(suffix)]
                for cand in _infinitives(stem):
                    if cand in self._verbs:
                        return cand
        # diminutives
        for suffix in ("etjes", "etje", "tjes", "tje", "pjes", "pje", "kjes", "kje", "jes", "je"):
            if w.endswith(suffix) and n > len(suffix) + 2:
                base = w[: -len(suffix)]
                for cand in (base, base[:-1] if base[-1:] == base[-2:-1] else base):
                    if cand in self._nouns:
                        return cand
                    if base.endswith(("aa", "oo", "uu", "ee")) and base[:-1] in self._nouns:
                        return base[:-1]
        # plurals
        if w.endswith("'s") and w[:-2] in self._nouns:
            return w[:-2]
        if w.endswith("s") and w[:-1] in self._nouns:
            return w[:-1]
        if w.endswith("en") and n > 4:
            for cand in _singulars(w[:-2]):
                if cand in self._nouns:
                    return cand
        if w.endswith("ën") and w[:-2] in self._nouns:
            return w[:-2]
        # adjectives
        adj = self._adjective_base(w)
        if adj is not None:
            return adj
        for suffix in ("ere", "er", "ste", "st"):
            if w.endswith(suffix) and n > len(suffix) + 2:
                for base in _undo_open_syllable(w[: -len(suffix)]):
                    if base in self._adjs:
                        return base
        return None

    def _compound(self, w: str) -> str | None:
        """Lemmatise an unknown compound by its head: woning+inbraken -> woninginbraak.

        The head is the longest known word at the end whose left part is a known
        noun, adjective, verb stem, numeral or separable particle (possibly with a
        linking -s-, -e- or -en-).
        """
        n = len(w)
        fallback: str | None = None
        if self._prefetch_rows is not None:
            self._prefetch_rows([w[cut:] for cut in range(3, n - 3)])  # one query, not one each
        for cut in range(3, n - 3):
            left, head = w[:cut], w[cut:]
            if not self._known_form(head):
                continue
            if left in SEPARABLE_PARTICLES or left in ("her", "mis", "wan"):
                lemma = self.lemma(head)
                return left + lemma
            if not self._known_left(left):
                continue
            lemma = self._noun_head_lemma(head)
            if lemma in self._nouns or fallback is not None:
                return left + lemma if lemma in self._nouns else fallback
            # a head read as a verb may hide a noun one letter on, after a linking
            # -s-: "drug|spanden" (spannen) is "drugs|panden" (pand)
            fallback = left + lemma
        return fallback

    def _known_left(self, left: str) -> bool:
        """Whether ``left`` can be the first part of a noun compound.

        A known word (with or without a linking -s-, -en- or -e-), or a
        compound of known words itself ("buurtsport" in "buurtsportcoaches").
        """
        if self._good_left(left):
            return True
        for link in ("s", "en", "e"):
            stem = left[: -len(link)]
            if left.endswith(link) and len(stem) >= 3 and self._good_left(stem):
                return True
        if len(left) < 7:
            return False
        if self._compound(left) == left:
            return True
        # a compound with its linking -s- ("wijkveiligheid|s|overleggen",
        # "buurtbemiddeling|s|projecten"): the part before the link is the compound
        return left.endswith("s") and self._compound(left[:-1]) == left[:-1]

    def _good_left(self, left: str) -> bool:
        return (
            left in self._nouns
            or left in self._adjs
            or left in _CARDINAL_SET
            or left + "en" in self._verbs
            or self._simple(left) == left
        )

    def _noun_head_lemma(self, head: str) -> str:
        """Lemma of a compound head, preferring its noun (or adjective) reading."""
        lemma = self.lemma(head)
        if lemma in self._nouns or lemma in self._adjs or head in _noun_forms(lemma):
            return lemma
        noun = self._exc.get("noun", {}).get(head)
        if noun is not None:
            return noun
        if head in self._nouns or head in _stems(lemma):
            # a verb stem as head is a noun: buurtpreventie-app, not -appen
            return head
        if head.endswith("en"):
            for cand in _singulars(head[:-2]):
                if cand in self._nouns:
                    return cand
        if head.endswith("s") and (head[:-1] in self._nouns or self._known_form(head[:-1])):
            return self._noun_head_lemma(head[:-1])
        return lemma

    # ------------------------------------------------------ separable particles

    def _attach_particles(self, words: list[str], lemmas: list[str]) -> None:
        """Rewrite, in place, the lemma of a verb separated from its particle.

        Three Dutch word orders are covered, each only when particle+verb is a
        known verb:

        * main clause, particle closes the clause: "spoorde haar aan ." -> aansporen;
        * te-infinitive: "om op te stappen" -> opstappen;
        * verb cluster: "dat hij terug zal komen" -> terugkomen.
        """
        n = len(words)
        lower = [w.lower() for w in words]
        for i, low in enumerate(lower):
            if low not in SEPARABLE_PARTICLES or i == 0:
                continue
            nxt = lower[i + 1] if i + 1 < n else ""
            # te-infinitive: particle te verb
            if nxt == "te" and i + 2 < n:
                # after "te" the form is the infinitive itself ("op te stappen")
                infinitive = lower[i + 2] if lower[i + 2].endswith("n") else lemmas[i + 2]
                if self._particle_verb(low, infinitive):
                    lemmas[i + 2] = low + infinitive
                    continue
            # verb cluster: particle (auxiliaries) verb
            k = i + 1
            while k < n and k <= i + 2 and lemmas[k] in _AUXILIARIES:
                k += 1
            if k < n and k > i + 1 and self._particle_verb(low, lemmas[k]):
                lemmas[k] = low + lemmas[k]
                continue
            if nxt and nxt[0].isalnum() and nxt not in _CLAUSE_STARTERS:
                continue
            # clause-final particle: the verb is earlier in the same clause
            for j in range(i - 1, -1, -1):
                prev = lower[j]
                if not prev[:1].isalnum() or prev in _CLAUSE_STARTERS:
                    break
                if prev in SEPARABLE_PARTICLES:
                    continue
                # a finite plural is spelled as the infinitive ("wij pakken ... aan"),
                # whatever reading the context-free lemma chose
                verb = prev if prev.endswith("en") else lemmas[j]
                if self._particle_verb(low, verb) or self._particle_verb(low, lemmas[j]):
                    verb = verb if self._particle_verb(low, verb) else lemmas[j]
                    lemmas[j] = low + verb
                    break

    def _particle_verb(self, particle: str, verb: str) -> bool:
        """Whether particle+verb is a known Dutch verb (``aan`` + ``pakken``)."""
        if not verb.endswith("n") or len(verb) < 3:
            return False
        whole = particle + verb
        return whole in self._verbs or self._simple(whole) == whole


_AUXILIARIES = frozenset(
    [
        "zijn",
        "hebben",
        "worden",
        "kunnen",
        "zullen",
        "moeten",
        "willen",
        "mogen",
        "gaan",
        "blijven",
        "laten",
    ]
)
_CLAUSE_STARTERS = frozenset(
    [
        "en",
        "of",
        "maar",
        "want",
        "dus",
        "dat",
        "die",
        "wat",
        "waar",
        "wie",
        "toen",
        "als",
        "omdat",
        "terwijl",
        "nadat",
        "voordat",
        "zodat",
        "zodra",
        "hoewel",
        "om",
        "te",
    ]
)


_PLAIN = {"ë": "e", "ï": "i", "ü": "u", "é": "e"}


def _same_start(form: str, lemma: str) -> bool:
    """Whether ``lemma`` starts like ``form`` (after a participle's ge-)."""
    first = _PLAIN.get(form[2:3], form[2:3])
    if lemma[:1] == form[:1]:
        return True
    return form.startswith("ge") and _PLAIN.get(lemma[:1], lemma[:1]) == first


def _voice(stem: str) -> str:
    """Restore a voiced stem-final consonant (leef -> leev, raas -> raaz)."""
    if stem.endswith("f"):
        return stem[:-1] + "v"
    if stem.endswith("s"):
        return stem[:-1] + "z"
    return stem


def _undo_open_syllable(stem: str) -> list[str]:
    """Candidate bases of a stem seen before an inflectional ending.

    ``grot`` (from grote) -> groot, ``rapp`` (from rappe) -> rap, ``lev`` -> leef.
    """
    cands = [stem]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        cands.append(stem[:-1])
    if (
        len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-2] in "aeou"
        and stem[-3] not in (_VOWELS)
    ):
        long = stem[:-1] + stem[-2] + stem[-1]
        cands.append(long)
        if long.endswith("v"):
            cands.append(long[:-1] + "f")
        if long.endswith("z"):
            cands.append(long[:-1] + "s")
    if stem.endswith("v"):
        cands.append(stem[:-1] + "f")
    if stem.endswith("z"):
        cands.append(stem[:-1] + "s")
    return cands


def _infinitives(stem: str) -> list[str]:
    """Candidate infinitives for a verb stem (``pak`` -> pakken, ``haal`` -> halen)."""
    cands = [stem + "en"]
    if stem and stem[-1] not in _VOWELS:
        cands.append(stem + stem[-1] + "en")
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        short = stem[:-2] + stem[-1]
        cands.append(_voice(short) + "en")
    cands.append(_voice(stem) + "en")
    if stem.endswith(("aa", "oe", "ie", "ij")):
        cands.append(stem + "n")
    return cands


def _stems(infinitive: str) -> set[str]:
    """Present-tense stem forms of an infinitive (``starten`` -> {start}, hopen -> hoop)."""
    if not infinitive.endswith("en") or len(infinitive) < 4:
        return set()
    base = infinitive[:-2]
    out = {base}
    if len(base) >= 2 and base[-1] == base[-2]:
        out.add(base[:-1])
    if len(base) >= 2 and base[-1] not in _VOWELS and base[-2] in "aeou":
        out.add(base[:-1] + base[-2] + base[-1])
    out |= {s[:-1] + "f" for s in out if s.endswith("v")}
    out |= {s[:-1] + "s" for s in out if s.endswith("z")}
    return out


def _noun_forms(singular: str) -> set[str]:
    """Regular plural and diminutive forms of a noun (``rij`` -> rijen, rijtje...)."""
    out = {singular + "s", singular + "'s", singular + "en", singular + "n"}
    if singular and singular[-1] not in _VOWELS:
        out.add(singular + singular[-1] + "en")
    if len(singular) >= 3 and singular[-2] == singular[-3] and singular[-2] in "aeou":
        short = singular[:-2] + singular[-1]
        out.add(_voice(short) + "en")
    out.add(_voice(singular) + "en")
    out.add(singular + "eren")  # kind -> kinderen, ei -> eieren
    if singular.endswith("um"):
        out.add(singular[:-2] + "a")  # medium -> media
    if singular.endswith("us"):
        out.add(singular[:-2] + "i")  # musicus -> musici
    for dim in ("je", "tje", "pje", "etje", "kje"):
        out.add(singular + dim)
        out.add(singular + dim + "s")
    return out


def _singulars(stem: str) -> list[str]:
    """Candidate singulars for a plural stem without -en (``inbrak`` -> inbraak)."""
    cands = _undo_open_syllable(stem)
    if stem.endswith("hed"):
        cands.append(stem[:-3] + "heid")
    return cands


def _participle_lemmas(w: str) -> Iterable[str]:
    """Candidate infinitives for a past participle (gehandhaafd -> handhaven)."""
    bodies: list[tuple[str, str]] = []
    for particle in sorted(SEPARABLE_PARTICLES, key=len, reverse=True):
        if w.startswith(particle + "ge") and len(w) > len(particle) + 4:
            bodies.append((particle, w[len(particle) + 2 :]))
    if w.startswith("ge") and len(w) > 5:
        bodies.append(("", w[2:]))
    if w.startswith(_INSEPARABLE_PREFIXES):
        bodies.append(("", w))
    for prefix, body in bodies:
        for suffix in ("d", "t", "de", "te"):
            if body.endswith(suffix):
                for cand in _infinitives(body[: -len(suffix)]):
                    yield prefix + cand
        if body.endswith("en"):
            yield prefix + body


@lru_cache(maxsize=1)
def get_lemmatizer() -> DutchLemmatizer:
    """The process-wide shared lemmatiser (loaded once, about a second)."""
    return DutchLemmatizer()


_registered = False


def register_spacy_component() -> None:
    """Register the ``textscan_lemmatizer`` spaCy factory (once; :func:`textscan.nlp.get_nlp` does).

    Not done on import: the matcher uses this module without spaCy, and a
    re-profile from the cache need not import spaCy at all.

    Example:
        >>> import spacy
        >>> register_spacy_component()
        >>> spacy.blank("nl").add_pipe("textscan_lemmatizer")  # doctest: +ELLIPSIS
        <function ...>
    """
    global _registered
    if _registered:
        return
    _registered = True
    from spacy.language import Language
    from spacy.tokens import Doc

    @Language.factory("textscan_lemmatizer", default_config={"attach_particles": False})
    def make_textscan_lemmatizer(nlp: Language, name: str, attach_particles: bool) -> Any:
        """spaCy component that sets ``token.lemma_`` with :class:`DutchLemmatizer`."""
        lemmatizer = get_lemmatizer()

        def set_lemmas(doc: Doc) -> Doc:
            words = [t.text for t in doc]
            lemmas = lemmatizer.lemmatize(words, attach_particles=False)
            if attach_particles:
                sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
                for sent in sents:
                    part = lemmas[sent.start : sent.end]
                    lemmatizer._attach_particles(words[sent.start : sent.end], part)
                    lemmas[sent.start : sent.end] = part
            for token, lemma in zip(doc, lemmas, strict=True):
                token.lemma_ = lemma
            return doc

        return set_lemmas
