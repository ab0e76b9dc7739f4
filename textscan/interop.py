"""Lexicons to and from other dictionary tools: quanteda YAML and LIWC ``.dic``.

quanteda dictionaries are YAML mappings from category to a list of values
(word forms with ``*``/``?`` globs), possibly nested; LIWC ``.dic`` files have
a ``%``-delimited header of numbered categories followed by one word per line
with its category numbers.

Import makes a textscan lexicon: a value with a wildcard becomes a ``pattern``
entry, any other value a ``lemma`` entry (textscan matches it as lemma and as
word form). Export writes entries as values; what those formats cannot hold
(separable particles, compound rules, sense exclusions, negation) is lost, and
the export says so in a comment.

Example:
    >>> from textscan.interop import read_quanteda_yaml, to_quanteda_yaml
    >>> lex = read_quanteda_yaml("rep:\\n  - aanpak*\\n", name="mini")
    >>> lex.entries[0].pattern
    'aanpak*'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from textscan.errors import LexiconError
from textscan.lexicon import Lexicon, parse_lexicon

_ID_CLEAN = re.compile(r"[^a-z0-9_.\-]+")


def _slug(text: str) -> str:
    s = _ID_CLEAN.sub("-", text.strip().lower()).strip("-.")
    return s or "x"


def _read(source: str | Path) -> tuple[str, str]:
    """(text, name for messages) of a path or a literal string."""
    if isinstance(source, Path) or (
        "\n" not in str(source) and len(str(source)) < 4096 and Path(str(source)).exists()
    ):
        p = Path(source)
        try:
            return p.read_text(encoding="utf-8-sig"), str(p)
        except UnicodeDecodeError as exc:
            raise LexiconError(str(p), [f"not UTF-8 text (byte {exc.start})"]) from None
        except OSError as exc:
            raise LexiconError(str(p), [f"cannot be read: {exc.strerror}"]) from None
    return str(source), "<string>"


def _build(
    name: str,
    version: str,
    categories: list[tuple[str, str]],
    values: list[tuple[str, str]],
    origin: str,
    kind: str,
) -> Lexicon:
    entries: list[dict[str, Any]] = []
    used: set[str] = set()
    for cat, value in values:
        value = " ".join(value.lower().split())
        if not value:
            continue
        base = f"{cat}.{_slug(value.replace('*', '-star').replace('?', '-q'))}"
        eid, k = base, 2
        while eid in used:
            eid, k = f"{base}-{k}", k + 1
        used.add(eid)
        entry: dict[str, Any] = {"id": eid, "category": cat, "source": f"{kind}: {origin}"}
        if "*" in value or "?" in value:
            entry["pattern"] = value
        else:
            entry["lemma"] = value
        entries.append(entry)
    doc = {
        "name": name,
        "version": version,
        "type": "custom",
        "description": f"Imported from {kind} dictionary {origin}",
        "source": origin,
        "categories": [{"id": cid, "label": label} for cid, label in categories],
        "entries": entries,
    }
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    return parse_lexicon(text, source=f"{origin} (as textscan lexicon)")


def _walk(node: Any, prefix: tuple[str, ...], origin: str) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*prefix, str(key)), origin)
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, dict | list):
                yield from _walk(value, prefix, origin)
            elif value is not None:
                yield prefix, str(value)
    elif node is not None:
        yield prefix, str(node)


def read_quanteda_yaml(
    source: str | Path, *, name: str | None = None, version: str = "1"
) -> Lexicon:
    """Import a quanteda YAML dictionary (nested keys become ``parent.child`` categories)."""
    text, origin = _read(source)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise LexiconError(
            origin, [f"{where}invalid YAML: {getattr(exc, 'problem', exc)}"]
        ) from None
    if not isinstance(data, dict) or not data:
        raise LexiconError(origin, ["a quanteda dictionary is a mapping of categories to words"])
    cats: dict[str, str] = {}
    values: list[tuple[str, str]] = []
    for path, value in _walk(data, (), origin):
        if not path:
            raise LexiconError(origin, [f"value {value!r} is not under a category"])
        cid = ".".join(_slug(p) for p in path)
        cats.setdefault(cid, " / ".join(path))
        values.append((cid, value))
    lex_name = name or (_slug(Path(origin).stem) if origin != "<string>" else "quanteda")
    return _build(lex_name, version, list(cats.items()), values, origin, "quanteda")


def read_liwc_dic(source: str | Path, *, name: str | None = None, version: str = "1") -> Lexicon:
    """Import a LIWC ``.dic`` file.

    A word listed under several categories becomes one entry per category; as
    textscan counts each occurrence once (codebook), the first listed wins
    where they overlap.
    """
    text, origin = _read(source)
    lines = text.splitlines()
    marks = [i for i, ln in enumerate(lines) if ln.strip() == "%"]
    if len(marks) < 2:
        raise LexiconError(
            origin, ["a LIWC .dic file starts with a category block between two '%' lines"]
        )
    problems: list[str] = []
    numbers: dict[str, tuple[str, str]] = {}
    for i in range(marks[0] + 1, marks[1]):
        ln = lines[i].strip()
        if not ln:
            continue
        parts = ln.split(None, 1)
        if len(parts) != 2:
            problems.append(f"line {i + 1}: expected '<number> <category name>', got {ln!r}")
            continue
        numbers[parts[0]] = (_slug(parts[1]), parts[1].strip())
    values: list[tuple[str, str]] = []
    for i in range(marks[1] + 1, len(lines)):
        raw = lines[i].rstrip()
        if not raw.strip():
            continue
        if "\t" in raw:
            word, *nums = raw.split("\t")
            nums = " ".join(nums).split()
        else:
            tokens = raw.split()
            k = len(tokens)
            while k > 0 and tokens[k - 1].isdigit():
                k -= 1
            word, nums = " ".join(tokens[:k]), tokens[k:]
        if not word.strip() or not nums:
            problems.append(f"line {i + 1}: expected a word followed by category numbers")
            continue
        for n in nums:
            if n not in numbers:
                problems.append(f"line {i + 1}: unknown category number {n} for {word.strip()!r}")
                continue
            values.append((numbers[n][0], word.strip()))
    if problems:
        raise LexiconError(origin, problems)
    lex_name = name or (_slug(Path(origin).stem) if origin != "<string>" else "liwc")
    cats = list(dict.fromkeys(numbers.values()))
    return _build(lex_name, version, cats, values, origin, "LIWC")


def _value(entry_lemma: str | None, entry_pattern: str | None) -> str:
    return entry_pattern if entry_pattern is not None else (entry_lemma or "")


def to_quanteda_yaml(lexicon: Lexicon) -> str:
    """Export as a quanteda YAML dictionary (one key per category)."""
    data: dict[str, list[str]] = {c: [] for c in lexicon.category_ids}
    for e in lexicon.entries:
        if e.require:  # counts only in a context a dictionary cannot state
            continue
        v = _value(e.lemma, e.pattern)
        if v not in data[e.category]:
            data[e.category].append(v)
    head = (
        f"# quanteda dictionary exported from textscan lexicon {lexicon.name} "
        f"{lexicon.version} (sha256 {lexicon.sha256[:12]}).\n"
        "# Values are textscan lemmas: quanteda matches them as word forms, and separable\n"
        "# particles, compound rules, sense exclusions and negation are not carried over;\n"
        "# entries that count only in a context ('require') are left out.\n"
    )
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def to_liwc_dic(lexicon: Lexicon) -> str:
    """Export as a LIWC ``.dic`` file (categories numbered in lexicon order).

    Entries with ``require`` conditions are left out: LIWC would count them
    everywhere.
    """
    number = {c: i for i, c in enumerate(lexicon.category_ids, start=1)}
    lines = ["%"] + [f"{number[c]}\t{c}" for c in lexicon.category_ids] + ["%"]
    cats_of: dict[str, list[int]] = {}
    for e in lexicon.entries:
        if e.require:  # counts only in a context a dictionary cannot state
            continue
        v = _value(e.lemma, e.pattern)
        cats_of.setdefault(v, [])
        if number[e.category] not in cats_of[v]:
            cats_of[v].append(number[e.category])
    lines += [f"{w}\t" + "\t".join(str(n) for n in ns) for w, ns in cats_of.items()]
    return "\n".join(lines) + "\n"


def read_foreign(path: str | Path, fmt: str | None = None, *, name: str | None = None) -> Lexicon:
    """Import by format name ("quanteda" or "liwc") or by file suffix (.yml/.yaml, .dic)."""
    p = Path(path)
    kind = fmt or ("liwc" if p.suffix.lower() == ".dic" else "quanteda")
    if kind == "liwc":
        return read_liwc_dic(p, name=name)
    if kind == "quanteda":
        return read_quanteda_yaml(p, name=name)
    raise LexiconError(str(p), [f"unknown dictionary format {kind!r} (valid: quanteda, liwc)"])


def lexicon_to_yaml(lexicon: Lexicon) -> str:
    """A textscan lexicon file for ``lexicon`` (e.g. after an import)."""
    return yaml.safe_dump(lexicon.to_dict(), allow_unicode=True, sort_keys=False)
