"""Lexicons: YAML files of categories and entries, validated when loaded.

A lexicon is data. This module reads it with ``yaml.safe_load``, checks it
against the schema documented in ``lexicons/README.md`` and reports every
problem with the file, the path inside the document and the line:

    framing.yaml: entries[14] (line 88): 'lemma' or 'pattern' is required

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
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from textscan.errors import LexiconError
from textscan.model import LexiconInfo

LexiconType = Literal["framing", "actors", "themes", "domains", "perception", "custom"]
CompoundMode = Literal["any", "head", "modifier", "none"]

# libyaml's safe loader when PyYAML was built with it (ten times faster), else Python's
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DEFAULT_LEXICONS: tuple[str, ...] = ("framing", "actors", "themes", "domains", "perception")

MAX_PATTERN_LENGTH = 60
MIN_PATTERN_LETTERS = 3

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")


def _valid_id(v: str) -> str:
    if not _ID_RE.match(v):
        raise ValueError(f"id {v!r} must be lowercase letters, digits, '_', '-' or '.'")
    return v


# ids of categories and entries: lowercase, validated where they are read
LexiconId = Annotated[str, AfterValidator(_valid_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


_EXCLUSION_KINDS = (
    "phrase",
    "followed_by",
    "preceded_by",
    "context",
    "compound_part",
    "form",
    "particle_at_end",
)


class Exclusion(_Strict):
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
    window: int = Field(default=5, ge=1, le=50)
    compound_part: tuple[str, ...] | None = None
    form: tuple[str, ...] | None = None
    particle_at_end: tuple[str, ...] | None = None
    unless_preceded_by: tuple[str, ...] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Exclusion:
        set_fields = [f for f in _EXCLUSION_KINDS if getattr(self, f) is not None]
        if len(set_fields) != 1:
            raise ValueError(
                f"an exclusion needs exactly one of {', '.join(_EXCLUSION_KINDS)} "
                f"(found {', '.join(set_fields) or 'none'})"
            )
        return self

    @field_validator("phrase")
    @classmethod
    def _lower_phrase(cls, v: str | None) -> str | None:
        return v.lower() if v is not None else v

    @field_validator(*_EXCLUSION_KINDS[1:], "unless_preceded_by", mode="before")  # lists
    @classmethod
    def _listify(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = [v]
        if isinstance(v, list):
            return tuple(str(x).strip().lower() for x in v)
        return v


class Category(_Strict):
    id: LexiconId
    label: str
    description: str = ""
    pole: Literal[-1, 0, 1] | None = Field(
        default=None,
        description="-1 or +1 marks the categories the balance index opposes.",
    )


class Entry(_Strict):
    """One expression: a lemma, a lemma sequence, a separable verb or a pattern."""

    id: LexiconId
    category: str
    lemma: str | None = None
    pattern: str | None = Field(
        default=None,
        description="a word-form pattern with '*' and '?' wildcards (as in LIWC/quanteda).",
    )
    case_sensitive: bool = Field(
        default=False,
        description="the pattern matches the word as written, capitals included: 'OM' "
        "(Openbaar Ministerie), not the preposition 'om'.",
    )
    particle: str | None = Field(
        default=None,
        description="the separable particle of a verb: lemma 'aanpakken', particle 'aan'.",
    )
    compound: CompoundMode | None = Field(
        default=None,
        description="where the lemma counts inside a compound; default by word shape.",
    )
    exclude: tuple[Exclusion, ...] = ()
    require: tuple[Exclusion, ...] = Field(
        default=(),
        description="conditions that must all hold for a match to count (same fields as "
        "an exclusion): 'jongere' is a youth theme only next to a crime or nuisance word.",
    )
    note: str = ""
    source: str = ""

    @model_validator(mode="before")
    @classmethod
    def _pattern_case(cls, data: Any) -> Any:
        """A pattern is lowercased like a lemma, unless it is ``case_sensitive``."""
        if isinstance(data, dict) and isinstance(data.get("pattern"), str):
            pattern = " ".join(data["pattern"].split())
            data = {**data, "pattern": pattern if data.get("case_sensitive") else pattern.lower()}
        return data

    @field_validator("lemma", "particle")
    @classmethod
    def _lower(cls, v: str | None) -> str | None:
        if v is None:
            return None
        v = " ".join(v.lower().split())
        if not v:
            raise ValueError("must not be empty")
        return v

    @model_validator(mode="after")
    def _check_shape(self) -> Entry:
        if (self.lemma is None) == (self.pattern is None):
            raise ValueError("exactly one of 'lemma' or 'pattern' is required")
        if self.case_sensitive and self.pattern is None:
            raise ValueError("'case_sensitive' applies to a 'pattern' only")
        if self.pattern is not None:
            if not self.pattern:
                raise ValueError("pattern must not be empty")
            if not re.fullmatch(r"[\w\-'*? ]+", self.pattern):
                raise ValueError(
                    f"pattern {self.pattern!r} may hold letters, digits, '-', spaces, '*' and '?'"
                )
            if self.pattern.count("*") > 2:
                raise ValueError(f"pattern {self.pattern!r} has more than two '*' wildcards")
            if self.pattern.strip("* ") == "":
                raise ValueError(f"pattern {self.pattern!r} matches every word")
            if len(self.pattern) > MAX_PATTERN_LENGTH:
                raise ValueError(
                    f"pattern {self.pattern!r} is longer than {MAX_PATTERN_LENGTH} characters"
                )
            for word in self.pattern.split():
                if "**" in word or word == "*":
                    raise ValueError(
                        f"pattern {self.pattern!r}: {word!r} has adjacent or bare wildcards; "
                        "write one '*' next to letters"
                    )
                if "*" in word and len(word.replace("*", "")) < MIN_PATTERN_LETTERS:
                    raise ValueError(
                        f"pattern {self.pattern!r}: {word!r} needs at least "
                        f"{MIN_PATTERN_LETTERS} letters besides its wildcards"
                    )
        if self.particle is not None:
            if self.lemma is None or " " in self.lemma:
                raise ValueError("'particle' needs a single-word 'lemma'")
            if not self.lemma.startswith(self.particle) or len(self.lemma) <= len(self.particle):
                raise ValueError(
                    f"lemma {self.lemma!r} does not start with particle {self.particle!r}"
                )
        return self

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


class LexiconSpec(_Strict):
    name: str
    version: str
    type: LexiconType = "custom"
    language: str = "nl"
    description: str = ""
    source: str = ""
    # whether a hit negated in its own clause is left out of counts (codebook
    # rule 5); None: yes for framing and custom lexicons, no for the others
    negation: bool | None = None
    categories: tuple[Category, ...] = Field(min_length=1)
    entries: tuple[Entry, ...] = ()

    @field_validator("version", mode="before")
    @classmethod
    def _version_str(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v

    @model_validator(mode="after")
    def _cross_checks(self) -> LexiconSpec:
        problems = cross_problems(
            [c.id for c in self.categories], [(e.id, e.category) for e in self.entries]
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self


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
        return self.spec.model_dump(mode="json", exclude_defaults=True)


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


# What yaml.load built from a lexicon's text, kept on disk by the text's hash:
# reading it back takes 1 ms where parsing the bundled lexicons takes some 55 ms
# of every run's start (PyYAML builds each node in Python, even with libyaml).
# marshal's format belongs to the Python version, which is in the file name.
PARSED_DIR = "lexicons"


def _parsed_path(sha: str) -> Path | None:
    from textscan.cache import default_cache_dir

    try:
        tag = f"py{sys.version_info[0]}{sys.version_info[1]}-yaml{yaml.__version__}"
        return default_cache_dir() / PARSED_DIR / f"{sha[:32]}-{tag}.marshal"
    except (OSError, RuntimeError):  # no home folder to put it in
        return None


def _load_yaml(decoded: str, sha: str) -> Any:
    """``yaml.load`` of a lexicon's text, or what it gave for the same bytes before.

    A stored result that cannot be read is parsed again and replaced; one that
    cannot be written (a read-only cache folder, or a value marshal cannot
    hold) is simply not kept. Raises what ``yaml.load`` raises.
    """
    path = _parsed_path(sha)
    if path is not None:
        try:
            data = marshal.loads(path.read_bytes())
            if isinstance(data, dict):
                return data
        except (OSError, EOFError, ValueError, TypeError):
            pass
    data = yaml.load(decoded, Loader=_SafeLoader)
    if path is not None and isinstance(data, dict):
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
    return data


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
    known = _PARSED.get(sha)
    if known is not None:  # the same bytes validate the same way (models are frozen)
        return Lexicon(spec=known, sha256=sha, path=None if source == "<string>" else source)
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(source, [f"not UTF-8 text (byte {exc.start})"]) from None
    try:
        data = _load_yaml(decoded, sha)
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
        spec = LexiconSpec.model_validate(data)
    except ValidationError as exc:
        # the node tree (for line numbers) is only needed to report problems
        root = yaml.compose(decoded, Loader=_SafeLoader)
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
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.pop(next(iter(_PARSED)))
    _PARSED[sha] = spec
    return Lexicon(spec=spec, sha256=sha, path=None if source == "<string>" else source)


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
