"""Render the framing diagnosis of one plan and the corpus report as self-contained HTML.

Templates live in ``textscan/report/templates`` and are loaded as package
data with autoescaping switched on for every template, so text that comes
from a PDF (a chapter title, a sentence, an actor) is always escaped. The
HTML makes no network requests: styles, the one small script (table sorting
in the corpus report) and the charts (SVG) are inline, and a Content
Security Policy forbids anything else.

Example:
    >>> from textscan import analyze
    >>> from textscan.report import render_diagnosis, render_corpus_report
    >>> html = render_diagnosis(analyze("plan.pdf"), municipality="Stroomburg")  # doctest: +SKIP
    >>> html = render_corpus_report("results/")  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import ChainableUndefined, Environment, PackageLoader
from markupsafe import Markup

from textscan._version import __version__
from textscan.errors import TextscanError
from textscan.report import charts
from textscan.report.findings import (
    MEASURE_BY_KEY,
    MEASURES,
    OFF_TOPIC_SHARE,
    PEER_MIN,
    PRECISION,
    PRECISION_SOURCE,
    SECTION_MIN_HITS,
    THEME_MIN_HITS,
    THRESHOLD_LABELS,
    THRESHOLDS,
    compare_with,
    derive_findings,
    derive_questions,
    format_measure,
    interval_text,
    judged_balance,
    key_measures,
    partner_checklist,
    peer_positions,
    precision_text,
    reads_as_safety_plan,
    summary_findings,
    theme_framing,
)
from textscan.report.labels import (
    DOMAINS_COVER,
    FRAMING_ORDER,
    MISSING_TEXT,
    chapter_title,
    entry_name,
    label,
    lexicon_name,
    nl_cardinal,
    nl_count,
    nl_date,
    nl_list,
    nl_num,
    nl_pages,
    nl_pct,
    warning_text,
)

MANIFEST_NAMES: tuple[str, ...] = ("plans.csv", "manifest.csv", "metadata.csv")


class ReportError(TextscanError):
    """A report could not be made (missing results, no browser for PDF output)."""


# ------------------------------------------------------------------ environment
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("textscan.report", "templates"),
        autoescape=True,  # every template, whatever its file name
        undefined=ChainableUndefined,  # a field absent from an older profile renders empty
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        num=nl_num,
        pct=nl_pct,
        signed=lambda x, d=2: nl_num(x, d, signed=True),
        measure=format_measure,
        color=charts.color,
        diverging=charts.diverging,
        text_on=charts.text_on,
        css_string=css_string,
        lexicon_name=lexicon_name,
    )
    env.globals.update(
        label=label,
        color=charts.color,
        FRAMING=FRAMING_ORDER,
        framing_label=lambda c: label("framing", c),
        actor_label=lambda c: label("actors", c),
    )
    return env


def css_string(value: Any, limit: int = 90) -> Markup:
    """``value`` as a quoted CSS string, safe inside a ``<style>`` element.

    For the running head of printed pages (``@page`` margin boxes), which
    shows a title taken from a file name or a plan. HTML escaping does not
    apply inside ``<style>``, so the text is unescaped and then written with
    CSS escapes: quotes and backslashes, control characters, and ``<``, ``>``
    and ``&`` (no ``</style>`` can close the element early). Longer than
    ``limit`` characters, it is cut with an ellipsis.
    """
    text = value.unescape() if isinstance(value, Markup) else str(value)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch in "<>&" or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


_ENV: Environment | None = None


def env() -> Environment:
    """The shared Jinja environment (autoescape on, strict undefined)."""
    global _ENV
    if _ENV is None:
        _ENV = _env()
    return _ENV


def _csp(script: str | None) -> str:
    """A Content Security Policy allowing inline styles and only the given script."""
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    if script is None:
        return policy + "script-src 'none'"
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return policy + f"script-src 'sha256-{digest}'"


# ------------------------------------------------------------------ inputs
def as_profile_dict(obj: Any) -> dict[str, Any]:
    """A profile dict from an Analysis, a Profile or a dict (as in profiles.jsonl)."""
    profile = getattr(obj, "profile", obj)
    if hasattr(profile, "to_dict"):
        return dict(profile.to_dict())
    if isinstance(profile, Mapping):
        return dict(profile)
    raise TypeError(f"expected an Analysis, a Profile or a profile dict, not {type(obj).__name__}")


@dataclass
class Results:
    """A results folder of ``textscan scan``, read back."""

    path: Path
    profiles: list[dict[str, Any]]
    failures: pd.DataFrame
    provenance: dict[str, Any]
    manifest: dict[str, dict[str, Any]] = field(default_factory=dict)

    def municipality(self, profile: Mapping[str, Any]) -> str | None:
        row = self.manifest.get(str(profile.get("document")))
        if row is None:
            return None
        name = row.get("municipality")
        return None if _missing(name) else str(name)

    def meta(self, profile: Mapping[str, Any]) -> dict[str, Any]:
        return dict(self.manifest.get(str(profile.get("document")), {}))


def _documents(results: Results) -> set[str]:
    """The names of the documents in ``results`` (after any were left out)."""
    return {str(p.get("document")) for p in results.profiles}


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def is_results_dir(path: str | Path) -> bool:
    """True when ``path`` is a folder written by ``textscan scan`` (has profiles.jsonl)."""
    p = Path(path)
    return p.is_dir() and (p / "profiles.jsonl").is_file()


def load_results(path: str | Path) -> Results:
    """Read profiles.jsonl, failures.csv, provenance.json and a manifest, if found."""
    p = Path(path)
    if not is_results_dir(p):
        raise ReportError(f"{p}: not a results folder of 'textscan scan' (no profiles.jsonl)")
    profiles = [
        json.loads(line)
        for line in (p / "profiles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    failures = (
        pd.read_csv(p / "failures.csv", dtype=str).fillna("")
        if (p / "failures.csv").is_file()
        else pd.DataFrame()
    )
    provenance = (
        json.loads((p / "provenance.json").read_text(encoding="utf-8"))
        if (p / "provenance.json").is_file()
        else {}
    )
    return Results(p, profiles, failures, provenance, find_manifest(p, profiles))


def find_manifest(
    results_dir: Path | None, profiles: Sequence[Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Rows of a manifest CSV (plans.csv, manifest.csv, metadata.csv) by document name.

    Looked for in the results folder, then next to the scanned files (their
    paths as recorded, relative to the working directory or to the results
    folder's parent). A row matches a document by its ``file`` column (file
    name) or its ``id`` column (the document name or its first part).
    """
    folders: list[Path] = []
    if results_dir is not None:
        folders.append(results_dir)
    for prof in profiles:
        src = Path(str(prof.get("path", "")))
        for base in [Path.cwd()] + ([results_dir.parent] if results_dir else []):
            cand = (base / src).parent if not src.is_absolute() else src.parent
            # the folder of the file, then its parent (sources in corpus/src/)
            for folder in (cand, cand.parent):
                if folder not in folders:
                    folders.append(folder)
    for folder in folders:
        for name in MANIFEST_NAMES:
            f = folder / name
            if f.is_file():
                try:
                    frame = pd.read_csv(f)
                except (OSError, ValueError, pd.errors.ParserError):
                    continue
                return _match_manifest(frame, profiles)
    return {}


def _match_manifest(
    frame: pd.DataFrame, profiles: Sequence[Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    rows = frame.to_dict("records")
    out: dict[str, dict[str, Any]] = {}
    for prof in profiles:
        doc = str(prof.get("document"))
        fname = Path(str(prof.get("path", ""))).name
        stem = Path(fname).stem
        for r in rows:
            f = str(r.get("file", "") or "")
            rid = str(r.get("id", "") or "")
            if (f and (f == fname or Path(f).stem == stem)) or (
                rid and (rid == doc or doc.split("-")[0] == rid or Path(f).stem == doc)
            ):
                out[doc] = r
                break
    return out


def _peers(peers: Any) -> list[dict[str, Any]]:
    if peers is None:
        return []
    if isinstance(peers, str | Path):
        return load_results(peers).profiles
    if isinstance(peers, Results):
        return peers.profiles
    return [as_profile_dict(p) for p in peers]


def choose_peers(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]],
    names: Mapping[str, str] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """The peers a plan is compared with, and those left out with the reason.

    Left out, each named with the reason: the plan itself (same file; for a
    part of a document, the whole document), a document that is not Dutch (its
    counts are not comparable), a document with the same text as the plan
    (the plan in another format or version, found by the text fingerprint)
    and a second copy of a peer already kept. Without fingerprints (results
    of an older textscan) only the first two apply. ``kind`` of a left-out
    document is "itself", "foreign", "self" (the plan's text in another file)
    or "copy".
    """
    from textscan.profile import SAME_TEXT, same_text

    names = names or {}

    def name(q: Mapping[str, Any]) -> str:
        doc = str(q.get("document"))
        return names.get(doc, doc)

    def file(q: Mapping[str, Any]) -> str:
        return Path(str(q.get("path") or q.get("document"))).name

    from textscan.profile import format_rank

    sha = profile.get("sha256")
    own = profile.get("fingerprint")
    kept: list[Mapping[str, Any]] = []
    left: list[dict[str, str]] = []
    # of two files with the same text the PDF is kept (the published plan), its
    # source or copy left out; the kept peers are listed in their original order
    order = {id(q): k for k, q in enumerate(peers)}
    for q in sorted(peers, key=lambda q: (format_rank(str(q.get("path", ""))), order[id(q)])):
        if sha and q.get("sha256") == sha:
            # the plan itself (or, for chapters, the whole document they come from)
            left.append({"name": file(q), "reason": "dit plan zelf", "kind": "itself"})
            continue
        codes = {str(w.get("code")) for w in q.get("warnings") or [] if isinstance(w, Mapping)}
        overlap = same_text(own, q.get("fingerprint"))
        twin = next(
            (
                k
                for k in kept
                if (o := same_text(k.get("fingerprint"), q.get("fingerprint"))) is not None
                and o >= SAME_TEXT
            ),
            None,
        )
        if "not-dutch" in codes:
            kind, reason = "foreign", "geen Nederlandse tekst"
        elif overlap is not None and overlap >= SAME_TEXT:
            kind, reason = "self", "dezelfde tekst als dit plan (ander bestand of andere versie)"
        elif twin is not None:
            kind, reason = "copy", f"dezelfde tekst als {file(twin)}"
        else:
            kept.append(q)
            continue
        left.append({"name": file(q), "reason": reason, "kind": kind})
    kept.sort(key=lambda q: order[id(q)])
    return [dict(q) for q in kept], left


def check_same_lexicons(
    profile: Mapping[str, Any], peers: Sequence[Mapping[str, Any]], source: str = "the peers"
) -> None:
    """Refuse peers counted with other versions of the plan's lexicons (ReportError).

    A balance counted with another framing lexicon is another measure: placing
    the plan among such peers would compare unlike figures. Lexicons are
    matched by name and SHA-256; a lexicon only one side has is not compared.
    """
    own = {str(x.get("name")): x for x in profile.get("lexicons") or [] if isinstance(x, Mapping)}
    for q in peers:
        for x in q.get("lexicons") or []:
            mine = own.get(str(x.get("name")))
            if mine is None or mine.get("sha256") == x.get("sha256"):
                continue
            raise ReportError(
                f"{source}: {q.get('document')} was counted with lexicon {x.get('name')} "
                f"{x.get('version')} ({str(x.get('sha256'))[:12]}), this plan with "
                f"{mine.get('name')} {mine.get('version')} ({str(mine.get('sha256'))[:12]}); "
                "the figures are not comparable. Scan the plans again with the same "
                "lexicons ('textscan scan ... --out FOLDER', with the same --lexicon "
                "options) and compare with that folder."
            )


# ------------------------------------------------------------------ pieces
def highlight_segments(text: str, hits: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Split ``text`` at hit offsets: [{text, hit: bool, entry}], pieces in order.

    Offsets outside the text are clipped; a hit overlapping an earlier one is
    skipped. The pieces are plain strings: the template escapes each one, so
    highlighting can never open a way for markup in the sentence.
    """
    spans = sorted(
        (
            (
                max(0, int(h["start"])),
                min(len(text), int(h["end"])),
                str(h.get("entry", "")),
                h.get("category"),
            )
            for h in hits
            if h.get("start") is not None and h.get("end") is not None
        ),
        key=lambda s: (s[0], -s[1]),
    )
    out: list[dict[str, Any]] = []
    pos = 0
    for start, end, entry, category in spans:
        if start < pos or end <= start:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "hit": False, "entry": None, "category": None})
        out.append({"text": text[start:end], "hit": True, "entry": entry, "category": category})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "hit": False, "entry": None, "category": None})
    return out


def as_quote(segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highlighted pieces of a sentence (:func:`highlight_segments`) shown as a quote.

    A sentence the extraction cut from a list ("bewoners denken mee in
    wijkpanels ... leefbaarheid;") is a fragment: it opens with an ellipsis when
    it starts with a lower-case letter, and a closing ';', ':' or ',' gives way
    to an ellipsis. The text of the hits is not touched.
    """
    out = [dict(s) for s in segments]
    if not out:
        return out
    first = next((ch for ch in out[0]["text"] if not ch.isspace()), "")
    if first.islower():
        out.insert(0, {"text": "… ", "hit": False, "entry": None, "category": None})
    last = out[-1]
    if not last["hit"]:
        trimmed = last["text"].rstrip()
        if trimmed.endswith((";", ":", ",")):
            last["text"] = trimmed.rstrip(";:, ") + " …"
    return out


def _lexicons(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    lx = list(profile.get("lexicons") or [])
    if not lx and profile.get("lexicon"):
        lx = [profile["lexicon"]]
    return lx


def _sections_table(profile: Mapping[str, Any]) -> dict[str, Any] | None:
    secs = [s for s in profile.get("sections") or () if s.get("words", 0) > 0]
    if not secs:
        return None
    vmax = {
        c: max((s["categories"].get(c, {}).get("per_1000_words", 0) for s in secs), default=0)
        for c in FRAMING_ORDER
    }
    rows = []
    for s in secs:
        cells = []
        for c in FRAMING_ORDER:
            st = s["categories"].get(c, {})
            rate = st.get("per_1000_words", 0.0)
            bg = charts.sequential(c, rate, vmax[c])
            cells.append(
                {
                    "cat": c,
                    "rate": rate,
                    "count": st.get("count", 0),
                    "bg": bg,
                    "fg": charts.text_on(bg),
                }
            )
        bal = s.get("balance")
        bg = charts.diverging(bal)
        terms = sum(s["categories"].get(c, {}).get("count", 0) for c in ("repressive", "positive"))
        rows.append(
            {
                "judged": bal is not None and terms >= SECTION_MIN_HITS,
                "title": chapter_title(s.get("title")),
                "page": s.get("page_start"),
                "words": s.get("words", 0),
                "cells": cells,
                "balance": bal,
                "balance_bg": bg,
                "balance_fg": charts.text_on(bg),
            }
        )
    return {"rows": rows}


def _theme_chart(profile: Mapping[str, Any]) -> dict[str, Any] | None:
    rows = theme_framing(profile)
    if not rows:
        return None
    return charts.stacked(
        [
            {
                "label": r["label"],
                "counts": {c: r.get(c, 0) for c in FRAMING_ORDER},
                "note": (
                    nl_count(r["sentences"], "zin", "zinnen")
                    + " · balans "
                    + nl_num(judged_balance(r), 2, signed=True)
                ),
            }
            for r in rows
        ],
        FRAMING_ORDER,
    )


def _theme_entries(profile: Mapping[str, Any], n: int = 10) -> list[dict[str, Any]]:
    themes = profile.get("themes") or {}
    # named as the actors and terms are: a row counts every mention of its term, so
    # not by the one form seen most ("natuurbranden" for brand, "pasfraude" for fraude)
    forms = themes.get("entry_forms") or {}
    # a subject as the lexicon labels it ("explosies"): the plan's lexicon, as recorded
    labels = themes.get("entry_labels") or {}
    out = []
    for entry, d in list((themes.get("framing_by_entry") or {}).items())[:n]:
        judged = judged_balance(d)
        out.append(
            {
                "entry": entry,
                "name": entry_name("themes", entry, forms.get(entry), labels.get(entry)),
                **d,
                "balance": judged,
                "balance_bg": charts.diverging(judged),
                "balance_fg": charts.text_on(charts.diverging(judged)),
            }
        )
    return out


def _group_bars(block: Mapping[str, Any] | None, name: str) -> dict[str, Any] | None:
    if not block:
        return None
    cats = block.get("categories") or {}
    rows = [
        {
            "label": label(name, c),
            "value": st.get("sentence_share", 0.0),
            "color": charts.color(c) if name == "actors" else "#3b6f8f",
            "text": (nl_pct(st.get("sentence_share", 0.0), 1) + f" · {st.get('count', 0)}×")
            if st.get("count", 0)
            else "niet genoemd",
            "absent": st.get("count", 0) == 0,
        }
        for c, st in cats.items()
    ]
    vmax = max((r["value"] for r in rows), default=0.0)
    return charts.hbars(rows, vmax=max(vmax * 1.05, 0.05), value_width=110)


def _named_network(
    network: Mapping[str, Any],
    forms: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The co-mention network with readable actor names (as the plan writes them) as node ids."""
    forms = forms or {}
    labels = labels or {}
    ids = [str(n.get("id")) for n in network.get("nodes") or []]
    name = {i: entry_name("actors", i, forms.get(i), labels.get(i)) for i in ids}
    return {
        "nodes": [{**n, "id": name[str(n.get("id"))]} for n in network.get("nodes") or []],
        "edges": [
            {
                **e,
                "source": name.get(str(e.get("source")), e.get("source")),
                "target": name.get(str(e.get("target")), e.get("target")),
            }
            for e in network.get("edges") or []
        ],
    }


def _actors(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]] | None = None,
    comparison: Any = None,
) -> dict[str, Any] | None:
    actors = profile.get("actors")
    if not actors:
        return None
    counts = {c: st.get("count", 0) for c, st in (actors.get("categories") or {}).items()}
    total = sum(counts.values())
    groups = list(counts)
    share_bar = charts.stacked(
        [{"label": "Alle actorvermeldingen", "counts": counts, "note": f"{total} vermeldingen"}],
        groups,
        label_width=0,
        value_width=130,
    )
    by_cat = actors.get("entries_by_category") or {}
    forms = actors.get("entry_forms") or {}  # the plan's own words for each actor
    labels = actors.get("entry_labels") or {}  # the lexicon's names, where it gives one
    lists = [
        {
            "id": c,
            "label": label("actors", c),
            "color": charts.color(c),
            "entries": [
                {"id": e, "name": entry_name("actors", e, forms.get(e), labels.get(e)), "n": n}
                for e, n in list(by_cat.get(c, {}).items())[:14]
            ],
            "more": max(len(by_cat.get(c, {})) - 14, 0),
            "count": counts.get(c, 0),
        }
        for c in groups
    ]
    return {
        "total": total,
        "breadth": actors.get("breadth_entries", 0),
        "diversity": actors.get("diversity"),
        "evenness": actors.get("evenness"),
        "absent": [label("actors", c) for c in actors.get("absent_categories") or []],
        "share_bar": share_bar,
        "groups": groups,
        "lists": lists,
        "network": charts.network(
            _named_network(actors.get("network") or {}, forms, labels), groups
        ),
        "checklist": [
            {
                **g,
                "names": [entry_name("actors", e, forms.get(e), labels.get(e)) for e in g["named"]],
            }
            for g in partner_checklist(profile, peers, comparison) or []
        ],
    }


def _evidence(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    ev = profile.get("evidence") or {}
    top = profile.get("top_terms") or {}
    cats = [c for c in FRAMING_ORDER if c in ev or c in top] + [
        c for c in ev if c not in FRAMING_ORDER
    ]
    for c in cats:
        out.append(
            {
                "cat": c,
                "label": label("framing", c),
                "sentences": [
                    {
                        "page": s.get("page"),
                        "section": chapter_title(s.get("section")),
                        "segments": as_quote(
                            highlight_segments(
                                s.get("text", ""),
                                [{**h, "category": c} for h in s.get("hits") or []]
                                + list(s.get("other_hits") or []),
                            )
                        ),
                        "n_hits": len(s.get("hits") or []),
                        "others": [
                            label("framing", k)
                            for k in FRAMING_ORDER
                            if any(h.get("category") == k for h in s.get("other_hits") or [])
                        ],
                    }
                    for s in ev.get(c, [])
                ],
                "terms": [
                    {
                        **t,
                        "name": entry_name(
                            "framing", str(t.get("entry")), t.get("forms"), t.get("label")
                        ),
                    }
                    for t in top.get(c, [])
                ],
            }
        )
    return out


def _peer_rows(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]],
    names: Mapping[str, str],
    noun: str = "plannen",
) -> list[dict[str, Any]]:
    positions = peer_positions(profile, peers, names)
    sha = profile.get("sha256")
    own_name = "__plan__"
    rows = []
    for m in MEASURES:
        pos = positions.get(m.key)
        if pos is None or not pos.peers:
            continue
        values = [
            (names.get(str(p.get("document")), str(p.get("document"))), v)
            for p in peers
            if not (sha and p.get("sha256") == sha)
            and (v := key_measures(p).get(m.key)) is not None
        ]
        values.append((own_name, pos.value))
        rows.append(
            {
                "key": m.key,
                "label": m.label,
                "help": m.help,
                "value": format_measure(m.key, pos.value),
                "position": pos.describe(noun),
                "strip": charts.strip(
                    values,
                    m.kind,
                    highlight=own_name,
                    fmt=_formatter(m.key),
                    vmax=measure_max(m.key, [profile, *peers]),
                ),
                "kind": m.kind,
            }
        )
    return rows


def _formatter(key: str) -> Any:
    """A measure's values written as the page writes them (see :func:`format_measure`)."""
    return lambda v: format_measure(key, v)


def measure_max(key: str, profiles: Sequence[Mapping[str, Any]]) -> float | None:
    """The largest possible value of a count measure, where there is one.

    The number of policy fields named can be at most the number of fields
    the domains lexicon has (7 for the bundled one); other measures have no
    fixed maximum (None).
    """
    if key == "domains_linked":
        sizes = [len((p.get("domains") or {}).get("categories") or {}) for p in profiles]
        return float(max(sizes)) if any(sizes) else None
    return None


def _balance_text(value: Any, low: Any, high: Any) -> str:
    """'+0,23 (−0,09 tot +0,56)': a balance with its interval."""
    if value is None:
        return "geen balans"
    text = nl_num(value, signed=True)
    if low is not None and high is not None:
        text += f" ({nl_num(low, signed=True)} tot {nl_num(high, signed=True)})"
    return text


def _peer_forest(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]],
    names: Mapping[str, str],
    own_name: str,
) -> dict[str, Any] | None:
    """Every plan's balance with its interval, labelled (see :func:`charts.forest`)."""
    rows = []
    for q, own in [(profile, True), *((q, False) for q in peers)]:
        b = q.get("balance") or {}
        if b.get("value") is None:
            continue
        doc = str(q.get("document"))
        rows.append(
            {
                "name": own_name if own else names.get(doc, doc),
                "value": b["value"],
                "low": b.get("ci_low"),
                "high": b.get("ci_high"),
                "own": own,
                "text": _balance_text(b["value"], b.get("ci_low"), b.get("ci_high")),
            }
        )
    return charts.forest(rows) if len(rows) > 1 else None


def _peer_values(
    profile: Mapping[str, Any],
    peers: Sequence[Mapping[str, Any]],
    names: Mapping[str, str],
    own_name: str,
) -> dict[str, Any]:
    """A table of every key measure of the plan and each peer, named: what each dot is."""
    measures = [m for m in MEASURES if m.key in key_measures(profile)]
    rows = []
    for q, own in [(profile, True), *((q, False) for q in peers)]:
        km = key_measures(q)
        b = q.get("balance") or {}
        doc = str(q.get("document"))
        cells = []
        for m in measures:
            v = km.get(m.key)
            note = None
            if m.key == "balance" and v is not None and b.get("ci_low") is not None:
                note = (
                    f"{nl_num(b.get('ci_low'), signed=True)} tot "
                    f"{nl_num(b.get('ci_high'), signed=True)}"
                )
            cells.append({"text": format_measure(m.key, v), "note": note})
        rows.append({"name": own_name if own else names.get(doc, doc), "own": own, "cells": cells})
    return {"measures": measures, "rows": rows}


# ------------------------------------------------------------------ names of documents
_GENERIC_HEADINGS = frozenset(
    ["inhoud", "inhoudsopgave", "inleiding", "voorwoord", "samenvatting", "colofon", "aanleiding"]
)


def readable_name(document: Any) -> str:
    """A file's name as a document's name: 'coalitieakkoord-2021-2025' -> 'Coalitieakkoord
    2021–2025', 'vlietmonde-ivp-2023-2026' -> 'Vlietmonde IVP 2023–2026'.

    Dashes and underscores become spaces, except in a date (2015-06-29); two years
    in a row are a period (2021–2025); an abbreviation is written in capitals; a
    name in lower case starts with a capital. 'SP' and '50plus' stay as they are.
    """
    from textscan.report.labels import _ACRONYMS

    stem = str(document or "")
    if re.search(r"\.(pdf|docx?|html?|txt|md)$", stem, re.I):
        stem = Path(stem).stem
    tokens = [t for t in re.split(r"[-_\s]+", stem) if t]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1 : i + 3]
        if (
            re.fullmatch(r"\d{4}", t)
            and len(nxt) == 2
            and all(re.fullmatch(r"\d{2}", x) for x in nxt)
        ):
            out.append("-".join([t, *nxt]))  # a date
            i += 3
            continue
        if re.fullmatch(r"\d{4}", t) and nxt and re.fullmatch(r"\d{4}", nxt[0]):
            out.append(f"{t}\u2013{nxt[0]}")  # a period
            i += 2
            continue
        out.append(t.upper() if t.lower() in _ACRONYMS else t)
        i += 1
    text = " ".join(out) or stem
    return text[0].upper() + text[1:] if text[:1].islower() else text


def _sentence_case(title: str) -> str:
    """'NU DE MENSEN' -> 'Nu de mensen'; a title with lower-case letters stays."""
    if title.upper() != title or not any(c.isalpha() for c in title):
        return title
    return title[0] + title[1:].lower()


def document_title(profile: Mapping[str, Any]) -> str | None:
    """The title the document gives itself, where it gives one; else None.

    The title in the file's metadata (``title`` of the profile, which extraction
    took from a PDF's document information, a Word file's properties or an HTML
    page's ``<title>``), when it shares a word with the file's name (metadata is
    often left over from another document: a 2015 decision list titled as a 2008
    agenda); else the first heading on page 1 that reads as a title (not
    numbered, not 'Inhoud' or 'Inleiding', at most 14 words). A diagnosis of
    chapters has only those chapters' headings, and uses the metadata alone.
    The file itself is not opened: a report made from a results folder has
    what the scan recorded (a profile of an older textscan has no ``title``,
    and falls back to the heading).
    """
    path = Path(str(profile.get("path") or profile.get("document") or ""))
    meta = profile.get("title")
    meta = " ".join(meta.split()) if isinstance(meta, str) else ""
    words = {w.lower() for w in re.findall(r"[^\W_]{3,}", path.stem)}
    if meta and words & {w.lower() for w in re.findall(r"[^\W_]{3,}", meta)}:
        return meta
    if profile.get("scope"):
        return None
    for s in profile.get("sections") or ():
        if s.get("page_start") != 1:
            continue
        title = " ".join(str(s.get("title") or "").split())
        if (
            title
            and not title[0].isdigit()
            and 2 <= len(title.split()) <= 14
            and len(title) <= 100
            and title.lower().strip(" :.") not in _GENERIC_HEADINGS
        ):
            return _sentence_case(title)
    return None


def _title_name(municipality: str | None, title: str | None, short: str) -> str:
    """The diagnosis's title: the municipality, else the document's own title with the
    name of its file when that says more ('Nu de mensen (SP)'), else the file's name."""
    if municipality:
        return municipality
    if not title:
        return short
    if _norm_words(short) <= _norm_words(title):
        return title
    return f"{title} ({short})"


def _norm_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", text)}


# ------------------------------------------------------------------ diagnosis
def _off_topic(p: Mapping[str, Any]) -> dict[str, Any] | None:
    """Whether the document is mostly about other things than safety, with its chapters on it."""
    themes = p.get("themes")
    if not themes or "sentence_share_any" not in themes or p.get("scope"):
        return None
    share = themes["sentence_share_any"]
    if share >= OFF_TOPIC_SHARE:
        return None
    titles = [str(s.get("title")) for s in p.get("sections") or () if s.get("title")]
    if any("veilig" in t.lower() for t in titles):
        sections = ["veilig"]  # the pattern that finds every chapter on safety
    else:
        words = ("handhav", "criminal", "ondermijn", "politie", "openbare orde")
        # a title is a pattern (--section is a regular expression): its own characters
        sections = [re.escape(t) for t in titles if any(w in t.lower() for w in words)][:1]
    return {"share": share, "sections": sections}


def section_command(p: Mapping[str, Any], section: str, compare: Path | None = None) -> str:
    """A ``textscan report`` command, ready to run, for the chapters matching ``section``.

    It names the document as the profile recorded it, the pattern, an output
    file beside the current one (``<document>-<pattern>.html``), and the
    results folder of the comparison when there was one; every part is quoted
    for a POSIX shell.
    """
    import shlex

    name = _slug(str(p.get("document") or "document"))
    out = f"{name}-{_slug(section)}.html"
    args = ["textscan", "report", str(p.get("path") or p.get("document")), "--section", section]
    if compare is not None:
        args += ["--compare", str(compare)]
    args += ["--out", out]
    return " ".join(shlex.quote(a) for a in args)


_PLAN_WORD = re.compile(r"\b([Hh]et|[Dd]it) (hele )?plan\b")


def _rename(text: str, noun: str) -> str:
    """``text`` with "het plan" / "dit plan" said as ``noun``: "document" or "deel".

    A coalition agreement or a manifesto is no safety plan ("het document"); a
    diagnosis of chapters (``--section``) is of a part ("het onderzochte deel").
    """
    if noun == "plan":
        return text

    def sub(m: re.Match[str]) -> str:
        article, whole = m.group(1), m.group(2) or ""
        if noun == "deel":
            rest = "deel" if article.lower() == "dit" else "onderzochte deel"
            return f"{article} {whole}{rest}" if not whole else f"{article} hele onderzochte deel"
        return f"{article} {whole}{noun}"

    return _PLAN_WORD.sub(sub, text)


def _renamed(item: Any, noun: str) -> Any:
    """A finding or question with "het plan" said as ``noun`` (see :func:`_rename`)."""
    if noun == "plan":
        return item
    changes = {"text": _rename(item.text, noun)}
    for attr in ("title", "reason"):
        if hasattr(item, attr):
            changes[attr] = _rename(getattr(item, attr), noun)
    return replace(item, **changes)


def _self_noun(p: Mapping[str, Any], off_topic: Any) -> str:
    """What the diagnosed text is: "deel" (chapters), "document" (not a safety plan), "plan"."""
    if p.get("scope"):
        return "deel"
    if off_topic or reads_as_safety_plan(p) is False:
        return "document"
    return "plan"


_NOUN_PHRASES = {
    "plan": ("het plan", "dit plan"),
    "document": ("het document", "dit document"),
    "deel": ("het onderzochte deel", "dit deel"),
}


def _scope_pages(profile: Mapping[str, Any]) -> tuple[int, int] | None:
    """The first and last page of the chapters a scoped profile covers."""
    secs = [s for s in profile.get("sections") or () if s.get("words", 0) > 0]
    starts = [s["page_start"] for s in secs if s.get("page_start") is not None]
    ends = [s.get("page_end") or s["page_start"] for s in secs if s.get("page_start") is not None]
    return (min(starts), max(ends)) if starts else None


def _missing_text(p: Mapping[str, Any]) -> dict[str, Any] | None:
    """The 'Let op' note on text that is missing or unsure (scans, images, OCR, not Dutch)."""
    warns = [w for w in p.get("warnings") or () if str(w.get("code")) in MISSING_TEXT]
    if not warns:
        return None
    text = " ".join(warning_text(w, p.get("pages")) for w in warns)
    span = _scope_pages(p) if p.get("scope") else None
    pages = {int(x) for w in warns for x in w.get("pages") or ()}
    if span is not None and pages:
        inside = sorted(x for x in pages if span[0] <= x <= span[1])
        where = f"p. {span[0]}–{span[1]}" if span[1] != span[0] else f"p. {span[0]}"
        if inside:
            text += f" Daarvan {'valt' if len(inside) == 1 else 'vallen'} {nl_pages(inside)} "
            text += f"binnen het onderzochte deel ({where})."
        else:
            text += (
                f" Geen van die pagina’s valt binnen het onderzochte deel ({where}): de "
                "cijfers hieronder hebben er geen last van."
            )
            return {
                "kind": "missing",
                "title": "niet alle tekst van het document is gelezen.",
                "text": text,
            }
    return {
        "kind": "missing",
        "title": "een deel van de tekst ontbreekt of is onzeker gelezen.",
        "text": text + " De cijfers in dit rapport gelden alleen voor de tekst die gelezen is.",
    }


def _scope_text(scope: Mapping[str, Any], profile: Mapping[str, Any]) -> str:
    """The part of the document a scoped profile covers, with its pages."""
    secs = [s for s in profile.get("sections") or () if s.get("words", 0) > 0]
    starts = [s["page_start"] for s in secs if s.get("page_start") is not None]
    ends = [s.get("page_end") or s["page_start"] for s in secs if s.get("page_start") is not None]
    total = scope.get("document_pages") or profile.get("pages")  # the whole document's
    pages = ""
    if starts:
        lo, hi = min(starts), max(ends)
        pages = f" (p. {lo}–{hi}" if hi != lo else f" (p. {lo}"
        pages += f" van {total})" if total else ")"
    if scope.get("section"):
        titles = [chapter_title(s.get("title")) for s in secs if s.get("title")]
        if len(titles) == 1:
            return f"het hoofdstuk met ‘{scope['section']}’ in de titel: ‘{titles[0]}’{pages}"
        return f"de hoofdstukken met ‘{scope['section']}’ in de titel{pages}"
    if scope.get("theme"):
        return f"zinnen over het thema ‘{scope['theme']}’"
    return ", ".join(f"{k}: {v}" for k, v in scope.items())


def _negated(p: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for s in p.get("negated_examples") or []:
        out.append(
            {
                "page": s.get("page"),
                "section": chapter_title(s.get("section")),
                "category": s.get("category"),
                "negator": s.get("negator") or "niet",
                "segments": as_quote(highlight_segments(s.get("text", ""), s.get("hits") or [])),
            }
        )
    return out


_ENGINE_SOURCES = {
    "pdfium": "De tekst is uit de tekstlaag van de PDF gehaald",
    "pdfplumber": "De tekst is uit de tekstlaag van de PDF gehaald",
    "python-docx": "De tekst is uit het Word-bestand gehaald",
    "html.parser": "De tekst is uit de webpagina (HTML) gehaald",
    "text": "De tekst is uit het tekstbestand gelezen",
}
_STRUCTURE_SOURCES = {
    "bookmarks": "de bladwijzers van de PDF",
    "tags": "de opmaakcodes (tags) van de PDF",
    "fonts": "de lettergrootte en -dikte van de koppen",
    "toc": "de inhoudsopgave",
}


def _extraction_text(extractor: Mapping[str, Any]) -> str:
    """How the text was read, in plain Dutch: the facts a reader can use.

    The full technical record (the program that read a PDF, its settings) is
    in the profile (``extractor``) for researchers.
    """
    parts = []
    engine = str(extractor.get("engine") or "")
    if engine:
        parts.append(_ENGINE_SOURCES.get(engine, f"De tekst is gelezen met {engine}"))
    lines = extractor.get("furniture_lines_removed") or 0
    if lines:
        parts.append(
            f"{nl_count(lines, 'regel', 'regels')} kop- en voettekst (koptitels, "
            f"paginanummers) {'is' if lines == 1 else 'zijn'} weggelaten"
        )
    toc = extractor.get("toc_pages") or []
    if toc:
        parts.append(f"de inhoudsopgave ({nl_pages(toc)}) is niet geteld")
    ocr = extractor.get("ocr_pages") or []
    if ocr:
        parts.append(
            f"{nl_pages(ocr)} {'is' if len(ocr) == 1 else 'zijn'} gelezen met tekstherkenning (OCR)"
        )
    structure = str(extractor.get("structure") or "")
    if structure == "none":
        parts.append("er zijn geen hoofdstukken herkend")
    elif structure:
        parts.append("de hoofdstukken komen uit " + _STRUCTURE_SOURCES.get(structure, structure))
    tables = extractor.get("tables") or 0
    if tables:
        parts.append(
            f"{nl_count(tables, 'tabel', 'tabellen')} {'is' if tables == 1 else 'zijn'} "
            "als tabel gelezen"
        )
    return ("; ".join(parts) + ".") if parts else "–"


def diagnosis_context(
    analysis_or_profile: Any,
    *,
    peers: Any = None,
    municipality: str | None = None,
    meta: Mapping[str, Any] | None = None,
    peer_names: Mapping[str, str] | None = None,
    hits_file: str | None = None,
    n_hits: int | None = None,
    municipal_peers: Iterable[str] = (),
) -> dict[str, Any]:
    """Everything the diagnosis template needs, computed from the profile (and peers).

    ``peer_names`` maps a peer's document name to the name to show;
    ``municipal_peers`` lists the peers known to be a municipality's plan (a
    manifest names their municipality): only when every peer is, are they
    called "gemeenten".
    """
    p = as_profile_dict(analysis_or_profile)
    names = dict(peer_names or {})
    peer_list, peers_left_out = choose_peers(p, _peers(peers), names)
    for q in peer_list:  # a peer without a name of its own: its file's name, readable
        doc = str(q.get("document"))
        if names.get(doc, doc) == doc:
            names[doc] = readable_name(doc)
    short_name = municipality or readable_name(p.get("document") or "plan")
    known = set(municipal_peers)
    cmp = compare_with(
        p,
        peer_list,
        names=names,
        municipal=bool(peer_list) and all(str(q.get("document")) in known for q in peer_list),
    )
    off_topic = _off_topic(p)
    noun = _self_noun(p, off_topic)
    findings = derive_findings(p, peer_list or None, cmp)
    # "de gemeente" asks only a municipality's plan; a manifesto or a national agreement
    # is asked the same without an author
    questions = derive_questions(
        p, peer_list or None, cmp, municipal=noun == "plan" or bool(municipality)
    )
    bal = p.get("balance") or {}
    cats = p.get("categories") or {}
    sha = p.get("sha256")
    peer_bal = [
        v
        for q in peer_list
        if not (sha and q.get("sha256") == sha)
        and (v := (q.get("balance") or {}).get("value")) is not None
    ]
    rates = [
        {
            "cat": c,
            "label": label("framing", c),
            "rate": cats[c].get("per_1000_words", 0.0),
            "count": cats[c].get("count", 0),
            "share": cats[c].get("sentence_share", 0.0),
            "negated": cats[c].get("negated", 0),
        }
        for c in FRAMING_ORDER
        if c in cats
    ]
    rmax = max([r["rate"] for r in rates] + [1.0])
    for r in rates:
        r["bar"] = round(100 * r["rate"] / rmax, 1)
    domains = p.get("domains")
    perception = p.get("perception")
    meta = dict(meta or {})
    scope = p.get("scope") or None
    # a coalition agreement or manifesto is no plan: "het document"; chapters: "het deel"
    findings = [_renamed(f, noun) for f in findings]
    questions = [_renamed(q, noun) for q in questions]
    cautions = []
    missing = _missing_text(p)
    if missing:
        cautions.append(missing)
    if off_topic:
        compare = peers.path if isinstance(peers, Results) else None
        if isinstance(peers, str | Path):
            compare = Path(peers)
        command = (
            section_command(p, off_topic["sections"][0], compare) if off_topic["sections"] else None
        )
        cautions.append({"kind": "off_topic", **off_topic, "command": command})
    part_caution = None
    if cmp.part and peer_list:
        # said once, where it applies: above the table of places in section 2
        part_caution = {
            "kind": "part",
            "title": f"een deel van een document, vergeleken met hele {cmp.noun}.",
            "text": (
                "Deze diagnose gaat over een deel van het document "
                f"({nl_num(p.get('words', 0), 0)} woorden); de {len(peer_list)} "
                f"vergeleken {cmp.noun} zijn elk in hun geheel geteld. Een hoofdstuk over "
                "veiligheid bevat naar verhouding veel meer veiligheidstaal (repressief, "
                "preventief én verbindend) dan een heel document. De plaatsen hieronder "
                "vergelijken dus ongelijke eenheden en zijn geen rangorde; dit rapport "
                "trekt er geen conclusies uit."
            ),
        }
    summary = summary_findings(findings)
    if off_topic:
        # actors and peers of a document mostly about other things say little about its
        # safety language: the summary keeps to the framing findings
        summary = [f for f in summary if f.section == "framing"]
    # each finding is said once: in the summary, or else in its section
    by_section: dict[str, list[Any]] = {}
    for f in findings:
        if f not in summary:
            by_section.setdefault(f.section, []).append(f)
    return {
        "off_topic": off_topic,
        "cautions": cautions,
        "part_caution": part_caution,
        "noun": noun,
        "municipal": noun == "plan" or bool(municipality),
        "het_plan": _NOUN_PHRASES[noun][0],
        "dit_plan": _NOUN_PHRASES[noun][1],
        "peer_noun": cmp.noun if peer_list else "plannen",
        "part_comparison": cmp.part,
        "scope": _scope_text(scope, p) if scope else None,
        "interval_text": _rename(interval_text(bal.get("ci_low"), bal.get("ci_high")), noun),
        "section_min": SECTION_MIN_HITS,
        "domains_cover": DOMAINS_COVER,
        "theme_min": THEME_MIN_HITS,
        "negated": _negated(p),
        "hits_file": hits_file,
        "n_hits": n_hits,
        "extraction_text": _extraction_text(p.get("extractor") or {}),
        "p": p,
        "title_name": _title_name(municipality, document_title(p), short_name),
        "short_name": short_name,
        "file_name": Path(str(p.get("path") or p.get("document") or "")).name,
        "municipality": municipality,
        "meta": {k: v for k, v in meta.items() if not _missing(v)},
        "generated": nl_date(_dt.date.today()),
        "version": __version__,
        "balance": bal,
        "gauge": charts.gauge(bal.get("value"), bal.get("ci_low"), bal.get("ci_high"), peer_bal),
        "rates": rates,
        "summary": summary,
        "findings": findings,
        "findings_by_section": by_section,
        "questions": questions,
        "peers": _peer_rows(p, peer_list, names, cmp.noun) if peer_list else [],
        "peer_forest": _peer_forest(p, peer_list, names, f"{short_name} (dit {noun})")
        if peer_list
        else None,
        "peer_values": _peer_values(p, peer_list, names, f"{short_name} (dit {noun})")
        if peer_list
        else None,
        "n_peers": len(peer_list),
        "peer_names": sorted(
            names.get(str(q.get("document")), str(q.get("document"))) for q in peer_list
        ),
        "peers_left_out": peers_left_out,
        "sections": _sections_table(p),
        "theme_chart": _theme_chart(p),
        "theme_entries": _theme_entries(p),
        "has_themes": bool(p.get("themes")),
        "actors": _actors(p, peer_list or None, cmp),
        "domains": _group_bars(domains, "domains") if domains else None,
        "perception": _group_bars(perception, "perception") if perception else None,
        "evidence": _evidence(p),
        "lexicons": _lexicons(p),
        "warnings": [
            {**w, "text": warning_text(w, p.get("pages"))} for w in p.get("warnings") or []
        ],
        "thresholds": THRESHOLDS,
        "threshold_labels": THRESHOLD_LABELS,
        "peer_min": PEER_MIN,
        "peer_min_words": nl_cardinal(PEER_MIN),
        "precision": [
            {
                "label": x.label,
                "range": precision_text(x.lexicon),
                "weak": x.low < 0.8,
                "the": x.the or x.label,
                "where": {"themes": "paragraaf 3", "perception": "paragraaf 5"}.get(
                    x.lexicon, "hierboven"
                ),
            }
            for x in PRECISION
            if x.lexicon == "framing" or p.get(x.lexicon)  # the measures this report shows
        ],
        "precision_source": PRECISION_SOURCE,
        "precision_themes": precision_text("themes"),
        "precision_perception": precision_text("perception"),
        "negated_total": sum(r["negated"] for r in rates),
        "csp": _csp(None),
    }


def render_diagnosis(
    analysis_or_profile: Any,
    *,
    peers: Any = None,
    municipality: str | None = None,
    meta: Mapping[str, Any] | None = None,
    hits_file: str | None = None,
    n_hits: int | None = None,
) -> str:
    """The framing diagnosis of one plan as a self-contained HTML page (Dutch, A4-printable).

    ``analysis_or_profile`` is an :class:`~textscan.pipeline.Analysis`, a
    :class:`~textscan.profile.Profile` or a profile dict (a line of
    profiles.jsonl). ``peers`` (a results folder, or profiles) adds the
    comparison with other plans; the plan itself, documents that are not
    Dutch and documents with the plan's text are left out (:func:`choose_peers`).
    ``hits_file`` names the file with all the plan's hits, which the report
    then points to (``textscan report`` writes it beside the HTML).
    """
    peer_results = load_results(peers) if isinstance(peers, str | Path) else peers
    if peer_results is not None:
        check_same_lexicons(
            as_profile_dict(analysis_or_profile),
            _peers(peer_results),
            str(peers) if isinstance(peers, str | Path) else "the peers",
        )
    names: dict[str, str] = {}
    known: list[str] = []
    if isinstance(peer_results, Results):
        names = {
            str(q.get("document")): peer_results.municipality(q) or readable_name(q.get("document"))
            for q in peer_results.profiles
        }
        known = [
            str(q.get("document")) for q in peer_results.profiles if peer_results.municipality(q)
        ]
    ctx = diagnosis_context(
        analysis_or_profile,
        peers=peer_results,
        municipality=municipality,
        meta=meta,
        peer_names=names,
        hits_file=hits_file,
        n_hits=n_hits,
        municipal_peers=known,
    )
    return env().get_template("diagnosis.html").render(**ctx)


# ------------------------------------------------------------------ corpus
def _compare_module() -> Any | None:
    try:
        from textscan import compare  # type: ignore[attr-defined]
    except ImportError:
        return None
    return compare


def _corpus_keyness(results: Results, top: int = 8) -> dict[str, list[dict[str, Any]]]:
    """Words that set each plan apart from the rest: log-likelihood (G²) on lemmas.

    Uses ``textscan.compare.keyness`` when that module exists; otherwise a
    plain G² over sentences.parquet (content words: spaCy's Dutch stop words
    and words under three letters left out; at least three occurrences).
    The plan's own name (municipality, document name parts) is left out: it
    is trivially distinctive and says nothing about framing.
    """
    out = _corpus_keyness_all(results, top + 4)
    for prof in results.profiles:
        doc = str(prof.get("document"))
        own = {w.lower() for w in re.split(r"[^A-Za-zÀ-ÿ]+", doc) if w}
        own |= {w.lower() for w in re.split(r"\s+", results.municipality(prof) or "") if w}
        if doc in out:
            out[doc] = [w for w in out[doc] if str(w["word"]).lower() not in own][:top]
    return out


def _corpus_keyness_all(results: Results, top: int) -> dict[str, list[dict[str, Any]]]:
    path = results.path / "sentences.parquet"
    if not path.is_file() or len(results.profiles) < 2:
        return {}
    frame = pd.read_parquet(path, columns=["document", "lemmas", "is_heading"])
    frame = frame[frame["document"].astype(str).isin(_documents(results))]
    compare = _compare_module()
    if compare is not None and hasattr(compare, "keyness"):
        try:
            return _keyness_from_compare(compare, frame, results, top)
        except (TypeError, ValueError, KeyError):
            pass  # fall back to the plain computation below
    from spacy.lang.nl.stop_words import STOP_WORDS

    counts: dict[str, dict[str, int]] = {}
    for doc, lemmas in zip(frame["document"], frame["lemmas"], strict=True):
        c = counts.setdefault(str(doc), {})
        for w in str(lemmas or "").split():
            if len(w) < 3 or w in STOP_WORDS or not w.isalpha():
                continue
            c[w] = c.get(w, 0) + 1
    totals = {d: sum(c.values()) for d, c in counts.items()}
    corpus: dict[str, int] = {}
    for c in counts.values():
        for w, n in c.items():
            corpus[w] = corpus.get(w, 0) + n
    grand = sum(totals.values())
    out: dict[str, list[dict[str, Any]]] = {}
    for d, c in counts.items():
        n1 = totals[d]
        n2 = grand - n1
        scored = []
        for w, a in c.items():
            if a < 3:
                continue
            b = corpus[w] - a
            e1 = n1 * (a + b) / grand
            e2 = n2 * (a + b) / grand
            g2 = 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0.0))
            if a / n1 > (b / n2 if n2 else 0):
                scored.append({"word": w, "g2": g2, "count": a, "rest": b})
        scored.sort(key=lambda s: -s["g2"])
        out[d] = scored[:top]
    return out


def _keyness_from_compare(
    compare: Any, frame: pd.DataFrame, results: Results, top: int
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for prof in results.profiles:
        doc = str(prof.get("document"))
        table = compare.keyness(frame, target=doc)
        cols = {c.lower(): c for c in table.columns}
        word = cols.get("lemma") or cols.get("word") or cols.get("term")
        g2 = cols.get("g2") or cols.get("log_likelihood") or cols.get("ll")
        a = cols.get("count") or cols.get("target_count") or cols.get("n_target")
        if word is None or g2 is None:
            raise KeyError("keyness table without lemma/g2 columns")
        rows = table.sort_values(g2, ascending=False).head(top)
        out[doc] = [
            {"word": r[word], "g2": float(r[g2]), "count": int(r[a]) if a else None, "rest": None}
            for _, r in rows.iterrows()
        ]
    return out


def _lss_scatter(results: Results, rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Plans on the lexicon's balance (x) and the corpus-based LSS scale (y).

    Latent Semantic Scaling (``textscan.compare.LSSScaler``) places each plan
    between the framing lexicon's positive and repressive seed words from how
    the corpus itself uses its words, so it checks the balance with another
    instrument. None when there are fewer than three plans or no sentences.
    """
    path = results.path / "sentences.parquet"
    if not path.is_file() or len(rows) < 3:
        return None
    from textscan.compare import LSSScaler, ResultsError

    sentences = pd.read_parquet(path)
    sentences = sentences[sentences["document"].astype(str).isin(_documents(results))]
    try:
        scores = LSSScaler().fit(sentences).transform(sentences).set_index("document")
    except (ResultsError, ValueError):
        return None
    pts = [
        {
            "name": r["name"],
            "x": r["balance"],
            "y": float(scores.at[r["document"], "score"]),
            "cluster": r.get("cluster"),
            # the colour says the balance, as everywhere; the shape says the cluster
            "fill": charts.balance_color(r["balance"]),
            "shape": charts.cluster_shape(r.get("cluster")),
        }
        for r in rows
        if not _missing(r.get("balance")) and r["document"] in scores.index
    ]
    return charts.scatter(pts, x_kind="balance", y_kind="score") if len(pts) >= 3 else None


def _clusters(table: pd.DataFrame) -> dict[str, Any] | None:
    """Agglomerative (Ward) clusters on standardised key measures; k by silhouette."""
    cols = [m.key for m in MEASURES if m.key in table.columns and table[m.key].notna().all()]
    n = len(table)
    if n < 4 or len(cols) < 2:
        return None
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import StandardScaler

    x = StandardScaler().fit_transform(table[cols].astype(float).to_numpy())
    best: tuple[float, int, Any] | None = None
    for k in range(2, min(5, n - 1) + 1):
        labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(x)
        if len(set(labels)) < 2:
            continue
        s = float(silhouette_score(x, labels))
        if best is None or s > best[0]:
            best = (s, k, labels)
    if best is None:
        return None
    score, k, labels = best
    table = table.assign(cluster=[int(v) + 1 for v in labels])
    groups = []
    for c in sorted(table["cluster"].unique()):
        sub = table[table["cluster"] == c]
        groups.append(
            {
                "id": int(c),
                "members": list(sub["name"]),
                "means": [
                    {
                        "label": MEASURE_BY_KEY[m].label,
                        "short": MEASURE_BY_KEY[m].short,
                        "value": format_measure(m, sub[m].mean()),
                    }
                    for m in cols
                ],
            }
        )
    return {
        "k": k,
        "silhouette": score,
        "measures": [MEASURE_BY_KEY[m].label for m in cols],
        "groups": groups,
        "by_document": dict(zip(table["document"], table["cluster"], strict=True)),
    }


_SORT_JS_NAME = "sort.js"
CLUSTER_COLORS: tuple[str, ...] = ("#3b4f7a", "#6b4c8a", "#4d5b6b", "#8a5a7a", "#2f6690")
"""Colours of the cluster tags: none of them the red, amber or green that say
repressive, preventive and connecting (a cluster is no framing)."""


def _extreme(
    vals: Sequence[tuple[str, float]], pick: Any, key: str, word: str, many: str = "plannen"
) -> str:
    """'hoogst: Dijkerveen (+0,86)', or, when several plans share the value as the
    report writes it (97% and 97%, whatever the decimals behind them),
    'hoogst: 7, bij 5 plannen (Dijkerveen, Duinhoven, Marledal, Vlietmonde en Wilgendaal)'."""
    value = pick(v for _, v in vals)
    shown = format_measure(key, value)
    names = [name for name, v in vals if format_measure(key, v) == shown]
    if len(names) == 1:
        return f"{word}: {names[0]} ({shown})"
    listed = names if len(names) <= 5 else [*names[:4], f"{len(names) - 4} andere"]
    return f"{word}: {shown}, bij {len(names)} {many} ({nl_list(listed)})"


def corpus_context(results: Results) -> dict[str, Any]:
    """Everything the corpus template needs.

    Documents that would distort the comparison are left out of every table,
    chart and score, and listed with the reason: one not in Dutch, and a copy
    of another document's text (the same plan as Word file or an earlier
    version; the PDF is kept). See :func:`textscan.profile.comparable_documents`.
    """
    from textscan.profile import comparable_documents

    kept, left_rows = comparable_documents(results.profiles)
    all_names = {
        str(p.get("document")): results.municipality(p) or readable_name(p.get("document"))
        for p in results.profiles
    }
    left_out = [
        {
            "name": all_names.get(r["document"], r["document"]),
            "file": Path(str(r.get("path") or r["document"])).name,
            "reason": (
                "geen Nederlandse tekst"
                if r["reason"] == "not-dutch"
                else f"dezelfde tekst als {all_names.get(str(r['same_as']), r['same_as'])}"
                + (f" (ongeveer {r['overlap']:.0%})" if r.get("overlap") else "")
            ),
        }
        for r in left_rows
    ]
    results = replace(results, profiles=[results.profiles[i] for i in kept])
    rows = []
    for prof in results.profiles:
        doc = str(prof.get("document"))
        meta = results.meta(prof)
        km = key_measures(prof)
        bal = prof.get("balance") or {}
        rows.append(
            {
                "document": doc,
                "name": results.municipality(prof) or readable_name(doc),
                "period": "" if _missing(meta.get("period")) else str(meta.get("period", "")),
                "province": "" if _missing(meta.get("province")) else str(meta.get("province", "")),
                "pages": prof.get("pages"),
                "words": prof.get("words"),
                "ci_low": bal.get("ci_low"),
                "ci_high": bal.get("ci_high"),
                "warnings": len(prof.get("warnings") or []),
                **km,
            }
        )
    plans = all(reads_as_safety_plan(p) is not False for p in results.profiles)
    one, many = ("plan", "plannen") if plans else ("document", "documenten")
    table = pd.DataFrame(rows)
    measures = [m for m in MEASURES if m.key in table.columns and table[m.key].notna().any()]
    clusters = _clusters(table) if len(table) else None
    if clusters:
        for r in rows:
            r["cluster"] = clusters["by_document"].get(r["document"])
    dists = []
    for m in measures:
        vals = [(r["name"], float(r[m.key])) for r in rows if not _missing(r.get(m.key))]
        if not vals:
            continue
        # the highest and lowest are named only among enough plans (PEER_MIN others)
        enough = len(vals) > PEER_MIN
        dists.append(
            {
                "label": m.label,
                "help": m.help,
                "kind": m.kind,
                "strip": charts.strip(
                    vals,
                    m.kind,
                    width=420,
                    fmt=_formatter(m.key),
                    vmax=measure_max(m.key, results.profiles),
                ),
                "high": _extreme(vals, max, m.key, "hoogst", many) if enough else None,
                "low": _extreme(vals, min, m.key, "laagst", many) if enough else None,
            }
        )
    scatter = None
    pts = [
        {
            "name": r["name"],
            "x": r["balance"],
            "y": r["actors_broad_share"],
            "cluster": r.get("cluster"),
        }
        for r in rows
        if not _missing(r.get("balance")) and not _missing(r.get("actors_broad_share"))
    ]
    for pt in pts:
        # the colour says the balance, as in the table; the shape says the cluster
        pt["fill"] = charts.balance_color(pt["x"])
        pt["shape"] = charts.cluster_shape(pt.get("cluster"))
    if pts:
        scatter = charts.scatter(pts, x_kind="balance", y_kind="share")
    lss_scatter = _lss_scatter(results, rows)
    keyness = _corpus_keyness(results)
    names = {r["document"]: r["name"] for r in rows}
    lexicons = results.provenance.get("lexicons") or (
        _lexicons(results.profiles[0]) if results.profiles else []
    )
    warnings = [
        {
            "name": names.get(str(p.get("document")), p.get("document")),
            **w,
            "text": warning_text(w, p.get("pages")),
        }
        for p in results.profiles
        for w in p.get("warnings") or []
    ]
    script = env().get_template(_SORT_JS_NAME).render()
    return {
        "noun": "veiligheidsplannen" if plans else "documenten",
        "one": one,
        "many": many,
        "peer_min": PEER_MIN,
        "rows": rows,
        "measures": measures,
        "table_measures": [m for m in measures],
        "dists": dists,
        "scatter": scatter,
        "lss_scatter": lss_scatter,
        "keyness": [{"name": names.get(d, d), "words": ws} for d, ws in keyness.items() if ws],
        "clusters": clusters,
        "failures": results.failures.to_dict("records") if len(results.failures) else [],
        "provenance": results.provenance,
        "lexicons": lexicons,
        "warnings": warnings,
        "left_out": left_out,
        "generated": nl_date(_dt.date.today()),
        "version": __version__,
        "results_name": results.path.name,
        "script": Markup(script),  # our own static file, never user data
        "csp": _csp(script),
        "compare_used": _compare_module() is not None,
        "cluster_colors": CLUSTER_COLORS,
        "cluster_glyphs": [charts.SHAPE_GLYPHS[s] for s in charts.CLUSTER_SHAPES],
    }


def render_corpus_report(results_dir: str | Path) -> str:
    """The researchers' report of a results folder as a self-contained HTML page."""
    results = load_results(results_dir)
    if not results.profiles:
        raise ReportError(f"{results_dir}: profiles.jsonl holds no profiles")
    return env().get_template("corpus.html").render(**corpus_context(results))


# ------------------------------------------------------------------ files
def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "plan"


HITS_SUFFIX = "-vindplaatsen.csv"
"""What a diagnosis's file of hits adds to its name: ``plan.html`` has ``plan-vindplaatsen.csv``."""


def hits_file_for(report: Path) -> Path:
    """The file of hits beside the diagnosis ``report``: ``x.html`` -> ``x-vindplaatsen.csv``."""
    return report.with_name(report.stem + HITS_SUFFIX)


def _hits_table(results_dir: Path) -> pd.DataFrame | None:
    """A results folder's hits table, as ``hits.csv`` has it.

    Read from ``hits.csv`` as text (each value written back as it was), else
    from ``hits.parquet``; None when the folder has neither (or one without a
    ``document`` column): the diagnoses then point to ``textscan hits``.
    """
    frame: pd.DataFrame | None = None
    try:
        if (results_dir / "hits.csv").is_file():
            frame = pd.read_csv(results_dir / "hits.csv", dtype=str, keep_default_na=False)
        elif (results_dir / "hits.parquet").is_file():
            frame = pd.read_parquet(results_dir / "hits.parquet")
    except (OSError, ValueError, pd.errors.ParserError):  # EmptyDataError is a ValueError
        return None
    if frame is None or "document" not in frame.columns:
        return None
    return frame


def write_reports(results_dir: str | Path, out_dir: str | Path) -> list[Path]:
    """Write a diagnosis per plan (compared with the others) and ``corpus.html``.

    Beside each diagnosis ``out_dir/<document>.html`` goes the plan's hits,
    its rows of the results folder's ``hits.csv``, as
    ``out_dir/<document>-vindplaatsen.csv`` (as ``textscan report PLAN``
    writes them), which the diagnosis names as the evidence behind its
    figures; a results folder without a hits table gets diagnoses without it.

    Returns the files written: ``out_dir/corpus.html`` first, then for every
    profile in the results folder its diagnosis and, after it, its hits.
    """
    results = load_results(results_dir)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    corpus = out / "corpus.html"
    corpus.write_text(render_corpus_report(results.path), encoding="utf-8")
    written.append(corpus)
    names = {
        str(q.get("document")): results.municipality(q) or readable_name(q.get("document"))
        for q in results.profiles
    }
    known = [str(q.get("document")) for q in results.profiles if results.municipality(q)]
    hits = _hits_table(results.path)
    by_document: dict[str, pd.DataFrame] = {}
    if hits is not None:
        by_document = {str(d): r for d, r in hits.groupby(hits["document"].astype(str), sort=False)}
    for prof in results.profiles:
        f = out / f"{_slug(str(prof.get('document')))}.html"
        # a plan without hits gets the table's header alone, as 'textscan report PLAN' writes it
        rows = None if hits is None else by_document.get(str(prof.get("document")), hits.iloc[:0])
        ctx = diagnosis_context(
            prof,
            peers=results,
            municipality=results.municipality(prof),
            meta=results.meta(prof),
            peer_names=names,
            hits_file=hits_file_for(f).name if rows is not None else None,
            n_hits=len(rows) if rows is not None else None,
            municipal_peers=known,
        )
        f.write_text(env().get_template("diagnosis.html").render(**ctx), encoding="utf-8")
        written.append(f)
        if rows is not None:
            rows.to_csv(hits_file_for(f), index=False)
            written.append(hits_file_for(f))
    return written
