"""Evaluation against sentence-level gold labels.

A gold file is JSON lines, one sentence per line::

    {"id": "g0001", "text": "Wij pakken de overlast aan.",
     "labels": {"repressive": true, "preventive": false, "positive": false}}

Label keys are category ids of any lexicon: framing (``repressive``), actors
(``chain``, ``partners``, ``residents``), themes (``living``, ...), domains or
perception. Each label is scored against the lexicon that defines that
category; keys that no loaded lexicon defines are listed in
:attr:`Evaluation.unknown_labels` and not scored.

A sentence is predicted to carry a category when the matcher finds at least
one non-negated hit of it (the codebook's unit, and what the profile counts).
Precision, recall and F1 are computed per category over sentences, with the
macro average over all scored categories and per lexicon, and every
disagreement is listed with the hits behind the prediction.

Example:
    >>> from textscan.evaluate import evaluate
    >>> result = evaluate("tests/data/framing_gold.jsonl")  # doctest: +SKIP
    >>> round(result.macro_f1, 3)  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from textscan.errors import InputError
from textscan.extract.clean import toc_row
from textscan.lexicon import Lexicon, load_lexicons
from textscan.match import Matcher
from textscan.model import Sentence
from textscan.nlp import annotate_text


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    labels: dict[str, bool]
    rules: tuple[str, ...] = ()


@dataclass
class Evaluation:
    """Scores per category, the macro-F1 and the disagreements."""

    scores: pd.DataFrame
    disagreements: pd.DataFrame
    predictions: pd.DataFrame
    lexicon: str
    unknown_labels: tuple[str, ...] = ()

    @property
    def macro_f1(self) -> float:
        """The mean F1 over every scored category."""
        return float(self.scores["f1"].mean())

    def macro_f1_by_lexicon(self) -> dict[str, float]:
        """The mean F1 over each lexicon's scored categories."""
        return {
            str(name): float(grp["f1"].mean())
            for name, grp in self.scores.groupby("lexicon", sort=False)
        }

    def by_rule(self) -> pd.DataFrame:
        """Sentence accuracy (all categories right) per rule tag of the gold set."""
        rows = []
        exploded = self.predictions.explode("rules")
        for rule, grp in exploded.groupby("rules"):
            rows.append(
                {"rule": rule, "sentences": len(grp), "all_correct": float(grp["correct"].mean())}
            )
        return pd.DataFrame(rows).sort_values("rule").reset_index(drop=True)


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Read a gold JSON-lines file; errors name the file and the line."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(p), f"cannot be read: {exc.strerror}") from None
    out: list[GoldSentence] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            wrong = {k: v for k, v in obj["labels"].items() if not isinstance(v, bool)}
            if wrong:
                k, v = next(iter(wrong.items()))
                raise InputError(
                    str(p),
                    f"line {n}: label {k!r} is {json.dumps(v)}, not true or false "
                    "(JSON booleans, unquoted)",
                )
            out.append(
                GoldSentence(
                    id=str(obj.get("id", n)),
                    text=str(obj["text"]),
                    labels={str(k): v for k, v in obj["labels"].items()},
                    rules=tuple(obj.get("rules", ())),
                )
            )
        except (json.JSONDecodeError, KeyError, AttributeError, TypeError) as exc:
            raise InputError(
                str(p), f"line {n}: expected a JSON object with 'text' and 'labels' ({exc})"
            ) from None
    if not out:
        raise InputError(str(p), "contains no gold sentences")
    return out


def _scores(
    truth: pd.DataFrame, pred: pd.DataFrame, categories: Sequence[tuple[str, str]]
) -> pd.DataFrame:
    rows = []
    for lexicon, c in categories:
        t, p = truth[c].astype(bool), pred[c].astype(bool)
        tp = int((t & p).sum())
        fp = int((~t & p).sum())
        fn = int((t & ~p).sum())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(
            {
                "lexicon": lexicon,
                "category": c,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
                "support": int(t.sum()),
                "tp": tp,
                "fp": fp,
                "fn": fn,
            }
        )
    return pd.DataFrame(
        rows,
        columns=["lexicon", "category", "precision", "recall", "f1", "support", "tp", "fp", "fn"],
    )


def _annotate(text: str) -> list[Sentence]:
    """A gold item's sentences; a table-of-contents row has none (it is not analysed).

    In a document such a row ("3.2 Jeugd en veiligheid ........ 14") is a
    ``toc`` paragraph and never counted (codebook rule 6); a gold item is
    scored the same way.
    """
    if toc_row(text) is not None:
        return []
    return annotate_text(text)


def evaluate(
    gold: str | Path | Sequence[GoldSentence],
    lexicons: Sequence[Lexicon] | None = None,
) -> Evaluation:
    """Score lexicons (and the matcher) against sentence labels.

    ``lexicons`` defaults to the bundled ones; each gold label is scored with
    the first lexicon that has a category of that id. Raises
    :class:`~textscan.errors.InputError` when no label names a category of
    any of them.
    """
    source = str(gold) if isinstance(gold, str | Path) else "gold sentences"
    sentences = load_gold(gold) if isinstance(gold, str | Path) else list(gold)
    lexs = list(lexicons) if lexicons is not None else load_lexicons()
    labelled = list(dict.fromkeys(k for g in sentences for k in g.labels))
    owner: dict[str, Lexicon] = {}
    for lx in lexs:
        for c in lx.category_ids:
            if c in labelled:
                owner.setdefault(c, lx)
    used = [lx for lx in lexs if any(o is lx for o in owner.values())]
    categories = [(lx.name, c) for lx in used for c in lx.category_ids if owner.get(c) is lx]
    if not categories:
        known = ", ".join(f"{lx.name}: {', '.join(lx.category_ids)}" for lx in lexs)
        raise InputError(
            source,
            f"none of its labels ({', '.join(labelled) or 'none'}) is a category of the "
            f"lexicons used ({known})",
        )
    unknown = tuple(k for k in labelled if k not in owner)
    matcher = Matcher(used)
    lexicon_of = {c: name for name, c in categories}
    truth_rows, pred_rows, disagreements = [], [], []
    for g in sentences:
        hits = [h for s in _annotate(g.text) for h in matcher.match_sentence(s)]
        found = {
            c: any(h.category == c and h.lexicon == lexicon_of[c] and not h.negated for h in hits)
            for _, c in categories
        }
        truth = {c: bool(g.labels.get(c, False)) for _, c in categories}
        truth_rows.append(truth)
        correct = all(found[c] == truth[c] for _, c in categories)
        pred_rows.append({**found, "id": g.id, "rules": list(g.rules), "correct": correct})
        for name, c in categories:
            if found[c] != truth[c]:
                disagreements.append(
                    {
                        "id": g.id,
                        "lexicon": name,
                        "category": c,
                        "gold": truth[c],
                        "predicted": found[c],
                        "kind": "false positive" if found[c] else "false negative",
                        "text": g.text,
                        "hits": "; ".join(
                            f"{h.text} [{h.entry}{', negated' if h.negated else ''}]"
                            for h in hits
                            if h.category == c and h.lexicon == name
                        ),
                        "rules": ",".join(g.rules),
                    }
                )
    truth_df = pd.DataFrame(truth_rows)
    pred_df = pd.DataFrame(pred_rows)
    return Evaluation(
        scores=_scores(truth_df, pred_df, categories),
        disagreements=pd.DataFrame(
            disagreements,
            columns=[
                "id",
                "lexicon",
                "category",
                "gold",
                "predicted",
                "kind",
                "text",
                "hits",
                "rules",
            ],
        ),
        predictions=pred_df,
        lexicon=", ".join(f"{lx.name} {lx.version} ({lx.sha256[:12]})" for lx in used),
        unknown_labels=unknown,
    )


def summary(result: Evaluation) -> dict[str, Any]:
    return {
        "lexicon": result.lexicon,
        "macro_f1": round(result.macro_f1, 4),
        "macro_f1_by_lexicon": {k: round(v, 4) for k, v in result.macro_f1_by_lexicon().items()},
        "unknown_labels": list(result.unknown_labels),
        "categories": result.scores.to_dict(orient="records"),
        "disagreements": len(result.disagreements),
    }
