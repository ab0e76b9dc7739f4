"""Turning records into JSON, Markdown and terminal tables."""

from __future__ import annotations

import functools
import math
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textscan.model import Document, Hit
from textscan.profile import Profile

if TYPE_CHECKING:
    import pandas as pd
    from rich.table import Table


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    """The JSON form of a hit (one line of ``textscan hits --format jsonl``)."""
    return {
        "document": hit.document,
        "page": hit.page,
        "section": hit.section,
        "sentence_id": hit.sentence_id,
        "sentence": hit.sentence,
        "start": hit.start,
        "end": hit.end,
        "text": hit.text,
        "lemma": hit.lemma,
        "category": hit.category,
        "entry": hit.entry,
        "lexicon": hit.lexicon,
        "negated": hit.negated,
        "negator": hit.negator,
        "match_kind": hit.match_kind,
        "parts": [list(p) for p in hit.parts],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "document": doc.name,
        "path": doc.path,
        "format": doc.format,
        "sha256": doc.sha256,
        "pages": [asdict(p) for p in doc.pages],
        "sections": [asdict(s) for s in doc.sections],
        "paragraphs": [asdict(p) for p in doc.paragraphs],
        "warnings": [asdict(w) | {"pages": list(w.pages)} for w in doc.warnings],
        "metadata": doc.metadata,
        "extractor": doc.extractor,
    }


def document_to_markdown(doc: Document) -> str:
    levels = {s.id: s.level for s in doc.sections}
    out: list[str] = []
    for p in doc.analysed_paragraphs:
        if p.kind == "heading":
            out.append("#" * min(6, levels.get(p.section or "", 1)) + " " + p.text)
        elif p.kind == "list_item":
            out.append("- " + p.text)
        elif p.kind == "table":
            out.append(_pipe_table(p.text))
        else:
            out.append(p.text)
    return "\n\n".join(out)


def _pipe_table(text: str) -> str:
    """A table paragraph (rows as lines, cells split by " | ") as a Markdown pipe table.

    The first row is the header; shorter rows are padded with empty cells.
    """
    rows = [line.split(" | ") for line in text.split("\n")]
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def _fmt(x: Any, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)) or type(x).__name__ == "NAType":
        return "–"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def profile_table(profile: Profile) -> list[Table]:
    """Terminal tables for one profile: framing, then the other lexicons."""
    from rich.table import Table

    b = profile.balance
    title = f"{profile.document}: {profile.words} words, {profile.sentences} sentences" + (
        f", {profile.pages} pages" if profile.pages else ""
    )
    t = Table(
        title=title,
        caption=(
            f"balance {_fmt(b.value)} (95% CI {_fmt(b.ci_low)} to {_fmt(b.ci_high)}); "
            + (
                f"lexicon {profile.lexicon.name} {profile.lexicon.version}"
                if profile.lexicon
                else ""
            )
        ),
    )
    for col in ("category", "count", "per 1,000 words", "sentence share", "negated"):
        t.add_column(col, justify="right" if col != "category" else "left")
    for cat, st in profile.categories.items():
        t.add_row(
            cat, str(st.count), _fmt(st.per_1000_words), _fmt(st.sentence_share, 3), str(st.negated)
        )
    tables = [t]
    for name, block in profile.groups.items():
        if "lexicon" not in block:
            continue  # top terms and evidence are shown by the report, not here
        g = Table(title=f"{name} ({block['lexicon']})")
        g.add_column("category")
        g.add_column("count", justify="right")
        g.add_column("top entries")
        by_cat = block.get("entries_by_category", {})
        for cat, st in block["categories"].items():
            top = ", ".join(f"{k} ({v})" for k, v in list(by_cat.get(cat, {}).items())[:6])
            g.add_row(cat, str(st["count"]), top)
        if block.get("absent_categories"):
            g.caption = "not named: " + ", ".join(block["absent_categories"])
        tables.append(g)
        by_field = block.get("framing_by_category")
        if by_field:
            tf = Table(
                title=f"framing of the sentences per {name[:-1] if name.endswith('s') else name}"
            )
            cats = list(profile.categories)
            for col in ("", "sentences", *cats, "balance"):
                tf.add_column(col, justify="left" if not col else "right")
            for field_id, st in by_field.items():
                tf.add_row(
                    field_id,
                    str(st["sentences"]),
                    *(str(st.get(c, 0)) for c in cats),
                    _fmt(st["balance"]),
                )
            tables.append(tf)
    if profile.sections:
        s = Table(title="by section")
        for col in ("section", "words", "repressive", "preventive", "positive", "balance"):
            s.add_column(col, justify="left" if col == "section" else "right")
        for sec in profile.sections:
            cats = sec["categories"]
            s.add_row(
                sec["title"][:50],
                str(sec["words"]),
                *(
                    str(cats.get(c, {}).get("count", "–"))
                    for c in ("repressive", "preventive", "positive")
                ),
                _fmt(sec["balance"]),
            )
        tables.append(s)
    return tables


def summary_table(profiles: pd.DataFrame | Sequence[Mapping[str, Any]]) -> Table:
    """One line per document of a scan: a profiles frame, or its rows (``Profile.to_row()``)."""
    from rich.table import Table

    t = Table(title="framing profiles")
    cols = [
        ("document", "document"),
        ("pages", "pages"),
        ("words", "words"),
        ("repressive_per_1000", "repr./1000"),
        ("preventive_per_1000", "prev./1000"),
        ("positive_per_1000", "pos./1000"),
        ("balance", "balance"),
        ("balance_ci_low", "CI low"),
        ("balance_ci_high", "CI high"),
    ]
    if hasattr(profiles, "itertuples"):
        rows = [r._asdict() for r in profiles.itertuples(index=False)]
        names = set(profiles.columns)
    else:
        rows = [dict(r) for r in profiles]
        names = {k for r in rows for k in r}
    present = [(c, label) for c, label in cols if c in names]
    for _, label in present:
        t.add_column(label, justify="left" if label == "document" else "right")
    for d in rows:
        t.add_row(*(_fmt(d.get(c)) for c, _ in present))
    return t


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    """The process's umask (read once: reading it means setting it for a moment)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder and rename it into place.

    The file gets the permissions any new file gets (0666 less the umask), not the
    private 0600 of a temporary file: results are meant to be shared.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    write_atomic(path, lambda tmp: frame.to_csv(tmp, index=False))
