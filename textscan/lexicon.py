"""Lexicons: YAML files of categories and entries, validated when loaded.

A lexicon is data. This module reads it with ``yaml.safe_load``, checks it
against the schema documented in ``lexicons/README.md`` (pydantic models, in
:mod:`textscan._lexicon_schema`) and reports every problem with the file, the
path inside the document and the line:

    framing.yaml: entries[14] (line 88): 'lemma' or 'pattern' is required

A valid lexicon becomes frozen records (:class:`LexiconSpec`, :class:`Entry`,
...). What the schema made of a text is kept by the text's hash, so that a
lexicon read before is loaded without YAML or pydantic.

Example:
    >>> from textscan import load_lexicon
    >>> lex = load_lexicon("framing")
    >>> lex.category_ids[:3]
    ('repressive', 'preventive', 'positive')
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, fields
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from textscan.errors import LexiconError
from textscan.model import LexiconInfo

if TYPE_CHECKING:
    import yaml

LexiconType = Literal["framing", "actors", "themes", "domains", "perception", "custom"]
CompoundMode = Literal["any", "head", "modifier", "none"]

DEFAULT_LEXICONS: tuple[str, ...] = ("framing", "actors", "themes", "domains", "perception")

MAX_PATTERN_LENGTH = 60
MIN_PATTERN_LETTERS = 3

#: the fields of an exclusion of which exactly one is set (see :class:`Exclusion`)
EXCLUSION_KINDS = (
    "phrase",
    "followed_by",
    "preceded_by",
    "context",
    "compound_part",
    "form",
    "particle_at_end",
)

# The records of a lexicon: frozen dataclasses, built from what the schema
# (textscan._lexicon_schema, pydantic models with the same fields) made of a
# valid lexicon text. The fields are documented in lexicons/README.md.


class _Record:
    """What the records share: a plain dict of their fields, as the lexicon file has them."""

    __slots__ = ()

    def to_dict(self, *, exclude_defaults: bool = False, lists: bool = False) -> dict[str, Any]:
        """The fields as a dict, records inside as dicts, in the order of the file's schema.

        ``exclude_defaults`` leaves out fields that have their default value;
        ``lists`` gives tuples as lists (for JSON).
        """
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if exclude_defaults and f.default is not MISSING and value == f.default:
                continue
            out[f.name] = _plain(value, exclude_defaults, lists)
        return out


def _plain(value: Any, exclude_defaults: bool, lists: bool) -> Any:
    if isinstance(value, _Record):
        return value.to_dict(exclude_defaults=exclude_defaults, lists=lists)
    if isinstance(value, tuple):
        items = [_plain(v, exclude_defaults, lists) for v in value]
        return items if lists else tuple(items)
    return value


@dataclass(frozen=True, slots=True)
class Exclusion(_Record):
    """A context in which an entry is *not* used in its framing sense.

    Exactly one of the fields is set:

    - ``phrase``: a fixed expression (lemmas, space separated) that contains the
      entry, e.g. ``plan van aanpak``; a match inside it does not count.
    - ``followed_by`` / ``preceded_by``: lemmas of the next / previous word.
    - ``context``: lemmas anywhere within ``window`` words of the match.
    - ``compound_part``: other parts of a compound that give it another sense
      (``fiets`` in *fietsverbinding*).
    - ``form``: surface forms (lowercase) that are another word altogether.
    - ``particle_at_end``: separable particles that, closing the match's clause,
      make the verb another one ("sluit naadloos op elkaar aan": *aansluiten*).

    ``unless_preceded_by`` (optional, with any of them) lifts the exclusion
    when the word before the match is one of these lemmas or forms: "zorg
    voor" is *to ensure*, but "de zorg voor ouderen" is care.
    """

    phrase: str | None = None
    followed_by: tuple[str, ...] | None = None
    preceded_by: tuple[str, ...] | None = None
    context: tuple[str, ...] | None = None
    window: int = 5
    compound_part: tuple[str, ...] | None = None
    form: tuple[str, ...] | None = None
    particle_at_end: tuple[str, ...] | None = None
    unless_preceded_by: tuple[str, ...] | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Category(_Record):
    """A category of a lexicon; ``pole`` -1 or +1 marks those the balance index opposes."""

    id: str
    label: str
    description: str = ""
    pole: Literal[-1, 0, 1] | None = None


@dataclass(frozen=True, slots=True)
class Entry(_Record):
    """One expression: a lemma, a lemma sequence, a separable verb or a pattern.

    ``exclude`` holds the contexts in which it does not count, ``require``
    the conditions that must all hold for it to count (both :class:`Exclusion`).
    ``label`` is the entry's name in a report where its term does not read as
    running Dutch ("explosies" for the lemma "explosie"); matching ignores it.
    """

    id: str
    category: str
    lemma: str | None = None
    pattern: str | None = None
    case_sensitive: bool = False
    particle: str | None = None
    compound: CompoundMode | None = None
    exclude: tuple[Exclusion, ...] = ()
    require: tuple[Exclusion, ...] = ()
    label: str | None = None
    note: str = ""
    source: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        """The lemma sequence (one item for a single word)."""
        return tuple((self.lemma or self.pattern or "").split())

    @property
    def verb_stem(self) -> str | None:
        """For a separable verb, the verb without its particle (pakken for aanpakken)."""
        if self.particle and self.lemma:
            return self.lemma[len(self.particle) :]
        return None


@dataclass(frozen=True, slots=True)
class LexiconSpec(_Record):
    """A whole lexicon as its file gives it (see :class:`Lexicon` for its provenance).

    ``negation``: whether a hit negated in its own clause is left out of
    counts (codebook rule 5); None: yes for framing and custom lexicons, no
    for the others.
    """

    name: str
    version: str
    type: LexiconType = "custom"
    language: str = "nl"
    description: str = ""
    source: str = ""
    negation: bool | None = None
    categories: tuple[Category, ...] = ()
    entries: tuple[Entry, ...] = ()


def _exclusions(items: Iterable[Mapping[str, Any]]) -> tuple[Exclusion, ...]:
    return tuple(Exclusion(**x) for x in items)


def _spec_of(data: Mapping[str, Any]) -> LexiconSpec:
    """The records of a lexicon from the schema's plain data (:func:`_lexicon_schema.validate`)."""
    return LexiconSpec(
        **{
            **data,
            "categories": tuple(Category(**c) for c in data["categories"]),
            "entries": tuple(
                Entry(
                    **{
                        **e,
                        "exclude": _exclusions(e["exclude"]),
                        "require": _exclusions(e["require"]),
                    }
                )
                for e in data["entries"]
            ),
        }
    )


def cross_problems(cat_ids: Sequence[Any], entries: Sequence[tuple[Any, Any]]) -> list[str]:
    """Problems between entries and categories: unknown categories, duplicate ids.

    Also run on the raw document when some entries fail on their own, so that
    every problem of a file is reported at once.
    """
    problems: list[str] = []
    dup_cats = sorted({str(c) for c in cat_ids if cat_ids.count(c) > 1})
    if dup_cats:
        problems.append(f"duplicate category id(s): {', '.join(dup_cats)}")
    seen: dict[Any, int] = {}
    valid = ", ".join(str(c) for c in cat_ids)
    for i, (eid, category) in enumerate(entries):
        if category is not None and category not in cat_ids:
            problems.append(f"entries[{i}]: unknown category {category!r} (valid: {valid})")
        if eid is None:
            continue
        if eid in seen:
            problems.append(f"entries[{i}]: duplicate id {eid!r} (first at entries[{seen[eid]}])")
        else:
            seen[eid] = i
    return problems


def _raw_cross_problems(data: Mapping[str, Any]) -> list[str]:
    """:func:`cross_problems` on the YAML as read (entries that failed validation included)."""
    cats = data.get("categories")
    entries = data.get("entries")
    if not isinstance(cats, list) or not isinstance(entries, list):
        return []
    cat_ids = [c.get("id") for c in cats if isinstance(c, Mapping)]
    pairs = [
        (e.get("id"), e.get("category")) if isinstance(e, Mapping) else (None, None)
        for e in entries
    ]
    return cross_problems(cat_ids, pairs)


_PLAIN_VERSION = re.compile(r"^version:[ \t]*([0-9]+\.[0-9]+)[ \t]*(?:#.*)?$", re.MULTILINE)


def _version_problem(decoded: str) -> str | None:
    """An unquoted version that YAML reads as a different number ("1.10" becomes 1.1)."""
    m = _PLAIN_VERSION.search(decoded)
    if m is None:
        return None
    written = m.group(1)
    if str(float(written)) == written:
        return None
    line = decoded[: m.start()].count("\n") + 1
    return (
        f"version (line {line}): {written} is read by YAML as the number {float(written)}; "
        f'put it in quotes: version: "{written}"'
    )


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon with its provenance.

    ``sha256`` is the hash of the file's bytes, so any output can name exactly
    which lexicon produced it.
    """

    spec: LexiconSpec
    sha256: str
    path: str | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def version(self) -> str:
        return self.spec.version

    @property
    def type(self) -> str:
        return self.spec.type

    @property
    def negation(self) -> bool:
        """Whether negation applies: a hit negated in its clause is flagged and not counted.

        The codebook's rule 5 is about framing expressions. An actor, theme,
        policy field or perception named under a negation is still named
        ("er is geen sprake van uitgaansgeweld" is about nightlife violence),
        so by default negation applies to framing and custom lexicons only;
        a lexicon's ``negation`` key overrides that.
        """
        if self.spec.negation is not None:
            return self.spec.negation
        return self.spec.type in ("framing", "custom")

    @property
    def categories(self) -> tuple[Category, ...]:
        return self.spec.categories

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.spec.entries

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.spec.categories)

    @cached_property
    def entry_by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.spec.entries}

    def category(self, category_id: str) -> Category:
        for c in self.spec.categories:
            if c.id == category_id:
                return c
        raise KeyError(category_id)

    @property
    def info(self) -> LexiconInfo:
        return LexiconInfo(self.name, self.version, self.sha256, self.path)

    def to_dict(self) -> dict[str, Any]:
        return self.spec.to_dict(exclude_defaults=True, lists=True)


# --------------------------------------------------------------------------- loading


def default_lexicon_dir() -> Path:
    """Where the bundled lexicons live (inside the wheel, or the repository)."""
    try:
        packaged = Path(str(resources.files("textscan") / "lexicons"))
        if packaged.is_dir():
            return packaged
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - odd importers
        pass
    return Path(__file__).resolve().parent.parent / "lexicons"


def available_lexicons() -> list[str]:
    return sorted(p.stem for p in default_lexicon_dir().glob("*.yaml"))


def _resolve(name_or_path: str | Path) -> Path:
    p = Path(name_or_path)
    if p.suffix in {".yaml", ".yml"} or p.exists() or "/" in str(name_or_path):
        return p
    return default_lexicon_dir() / f"{name_or_path}.yaml"


def _node_line(root: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the YAML node at ``loc`` (or of its nearest parent)."""
    import yaml

    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            if nxt is None:
                return line
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                return line
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _format_loc(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _describe(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    loc = err.get("loc", ())
    field = loc[-1] if loc and isinstance(loc[-1], str) else None
    if kind == "missing" and field:
        return f"'{field}' is required"
    if kind == "extra_forbidden" and field:
        return f"unknown key '{field}'"
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


# What the schema made of a valid lexicon's text, kept on disk by the text's hash:
# reading it back and building the records takes a few milliseconds where
# importing PyYAML and pydantic, building the models and validating the bundled
# lexicons took some 150 ms of every run's start. It depends on the schema's
# code, pydantic's and PyYAML's versions and the Python version (marshal's
# format), all in the file name.
PARSED_DIR = "lexicons"


def _package_file(package: str, name: str) -> Path | None:
    """A file of an installed package, found without importing the package."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    return Path(spec.origin).with_name(name) if spec is not None and spec.origin else None


@lru_cache(maxsize=1)
def _schema_tag() -> str:
    """A hash of what a validated lexicon depends on besides its text (see above)."""
    parts = [f"py{sys.version_info[0]}.{sys.version_info[1]}"]
    for path in (
        Path(__file__).with_name("_lexicon_schema.py"),
        _package_file("pydantic", "version.py"),  # holds pydantic's version
        _package_file("yaml", "__init__.py"),  # holds PyYAML's version
    ):
        try:
            parts.append(hashlib.sha256(path.read_bytes()).hexdigest() if path else "-")
        except OSError:
            parts.append("-")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _parsed_path(sha: str) -> Path | None:
    from textscan.cache import default_cache_dir

    try:
        return default_cache_dir() / PARSED_DIR / f"{sha[:32]}-{_schema_tag()}.marshal"
    except (OSError, RuntimeError):  # no home folder to put it in
        return None


def _kept_spec(sha: str) -> LexiconSpec | None:
    """The records of the lexicon text with this hash as validated before, or None.

    A stored copy that cannot be read or no longer fits the records is
    ignored (the text is validated again and the copy replaced).
    """
    path = _parsed_path(sha)
    if path is None:
        return None
    try:
        data = marshal.loads(path.read_bytes())
        return _spec_of(data) if isinstance(data, dict) else None
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def _keep_spec(sha: str, data: dict[str, Any]) -> None:
    """Store what the schema made of a valid text (a read-only cache folder: not kept)."""
    path = _parsed_path(sha)
    if path is None:
        return
    try:
        blob = marshal.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)  # whole or not at all, also with other processes
        _prune_parsed(path)
    except (OSError, ValueError):
        pass


PARSED_KEEP = 256  # parses kept; a lexicon edited many times leaves no more than these


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:  # removed meanwhile by another process's pruning
        return 0


def _prune_parsed(written: Path) -> None:
    """Remove the oldest stored parses beyond :data:`PARSED_KEEP`, never the one just written.

    Pruned in batches: only once an eighth more than are kept have gathered
    are their ages read (a stat of each), so that an edit's first run lists
    the folder's names and no more (some milliseconds with 256 parses).
    """
    names = [n for n in os.listdir(written.parent) if n.endswith(".marshal")]
    if len(names) <= PARSED_KEEP + PARSED_KEEP // 8:
        return
    stored = [written.parent / n for n in names if n != written.name]
    by_age = sorted(stored, key=_mtime)
    for old in by_age[: len(stored) - PARSED_KEEP + 1]:
        old.unlink(missing_ok=True)


# lexicons this process has validated, by the hash of their text: one read again (a
# re-profile in a notebook) is the same object, and a matcher reuses its tables
_PARSED: dict[str, LexiconSpec] = {}
_PARSED_MAX = 64


def parse_lexicon(text: str | bytes, source: str = "<string>") -> Lexicon:
    """Validate lexicon YAML given as text; raise :class:`LexiconError` if it is wrong."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    sha = hashlib.sha256(raw).hexdigest()
    spec = _PARSED.get(sha)  # the same bytes validate the same way (records are frozen)
    if spec is None:
        spec = _kept_spec(sha)
        if spec is None:
            data = _validated(raw, source)
            spec = _spec_of(data)
            _keep_spec(sha, data)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[sha] = spec
    return Lexicon(spec=spec, sha256=sha, path=None if source == "<string>" else source)


def _validated(raw: bytes, source: str) -> dict[str, Any]:
    """The lexicon text ``raw`` read by YAML and checked by the schema, as plain data.

    Raises :class:`LexiconError` with every problem, located by line.
    """
    import yaml
    from pydantic import ValidationError

    from textscan._lexicon_schema import validate

    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(source, [f"not UTF-8 text (byte {exc.start})"]) from None
    loader = _safe_loader()
    try:
        data = yaml.load(decoded, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError(source, [f"{where}invalid YAML: {problem}"]) from None
    if not isinstance(data, dict):
        raise LexiconError(
            source, ["a lexicon must be a mapping with 'name', 'version', 'categories', 'entries'"]
        )
    version_problem = _version_problem(decoded)
    try:
        plain = validate(data)
    except ValidationError as exc:
        # the node tree (for line numbers) is only needed to report problems
        root = yaml.compose(decoded, Loader=loader)
        problems = [version_problem] if version_problem else []
        errors = exc.errors()
        item_locs = {tuple(e.get("loc", ()))[:-1] for e in errors if e.get("loc")}
        for err in errors:
            loc = tuple(err.get("loc", ()))
            if err.get("type") == "too_short" and any(
                other[: len(loc)] == loc and len(other) > len(loc) for other in item_locs
            ):
                continue  # the list is short only because its items failed: said above
            msg = _describe(err)
            if not loc:  # cross checks report one or more problems located in their text
                for part in msg.split("; "):
                    m = re.match(r"entries\[(\d+)\]", part)
                    line = _node_line(root, ("entries", int(m.group(1)))) if m else None
                    problems.append(f"{part}" + (f" (line {line})" if line else ""))
                continue
            line = _node_line(root, loc)
            where = _format_loc(loc)
            problems.append(f"{where}" + (f" (line {line})" if line else "") + f": {msg}")
        if not any(not e.get("loc") for e in errors):
            # the cross checks did not run (some entries failed): run them on the raw
            # document, so that one run reports every problem
            for part in _raw_cross_problems(data):
                m = re.match(r"entries\[(\d+)\]", part)
                line = _node_line(root, ("entries", int(m.group(1)))) if m else None
                problems.append(f"{part}" + (f" (line {line})" if line else ""))
        raise LexiconError(source, problems) from None
    if version_problem:
        raise LexiconError(source, [version_problem])
    return plain


def _safe_loader() -> Any:
    """libyaml's safe loader when PyYAML was built with it (ten times faster), else Python's."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load a bundled lexicon by name ("framing") or any lexicon file by path.

    Raises :class:`LexiconError` naming the file and the place of each problem.
    """
    path = _resolve(name_or_path)
    if not path.exists():
        known = ", ".join(available_lexicons())
        raise LexiconError(str(name_or_path), [f"no such lexicon file (bundled lexicons: {known})"])
    if path.is_dir():
        raise LexiconError(str(path), ["is a directory, not a lexicon file"])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(str(path), [f"cannot be read: {exc.strerror}"]) from None
    lex = parse_lexicon(
        raw, source=path.name if path.parent == default_lexicon_dir() else str(path)
    )
    return Lexicon(spec=lex.spec, sha256=lex.sha256, path=str(path))


def repeated_entries(lx: Lexicon) -> list[str]:
    """Entries that repeat an earlier one's lemma or pattern, surely by mistake.

    A later entry with the same lemma (or pattern) and particle, the same
    exclusions and no ``require`` of either (which would let each match where
    the other does not) is never counted when it has the earlier one's
    category, and counts the same words a second time when it has another.
    Returned as messages, for ``textscan lexicon check``.
    """
    first: dict[tuple[Any, ...], int] = {}
    out: list[str] = []
    for i, e in enumerate(lx.entries):
        key = (e.lemma, e.pattern, e.particle, e.compound)
        j = first.setdefault(key, i)
        if j == i:
            continue
        f = lx.entries[j]
        if not e.require and not f.require and e.exclude == f.exclude:
            what = f"lemma {e.lemma!r}" if e.lemma else f"pattern {e.pattern!r}"
            effect = (
                f"only {f.id!r} is ever counted"
                if e.category == f.category
                else f"the same words count as both {f.category} and {e.category}"
            )
            out.append(
                f"entries[{i}] {e.id!r} ({e.category}) repeats the {what} of entries[{j}] "
                f"{f.id!r} ({f.category}): {effect}"
            )
    return out


def load_lexicons(
    names_or_paths: Iterable[str | Path] | None = None, *, replace: bool = False
) -> list[Lexicon]:
    """The default lexicons plus any given ones (or only the given ones with ``replace``).

    A given lexicon with the same ``name`` as a default one takes its place.
    """
    given = [load_lexicon(p) for p in (names_or_paths or ())]
    if replace:
        result = given
    else:
        given_names = {lx.name for lx in given}
        bundled = set(available_lexicons())
        defaults = [n for n in DEFAULT_LEXICONS if n in bundled and n not in given_names]
        result = [load_lexicon(n) for n in defaults] + given
    names = [lx.name for lx in result]
    dups = sorted({n for n in names if names.count(n) > 1})
    if dups:
        raise LexiconError(
            ", ".join(str(lx.path) for lx in result if lx.name in dups),
            [f"two lexicons share the name {d!r}; give each a unique 'name'" for d in dups],
        )
    return result
