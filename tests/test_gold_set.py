"""Validate the annotated framing gold set ``tests/data/framing_gold.jsonl``.

The gold set is the project's independent check of the framing instrument:
sentences labelled by hand from CODEBOOK.md. These tests guard its format and
its coverage (how many sentences exercise each codebook rule and each
category), so that the matcher evaluation built on it stays meaningful.
They do not run the matcher.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

GOLD_PATH = Path(__file__).resolve().parent / "data" / "framing_gold.jsonl"

CATEGORIES = ("repressive", "preventive", "positive")
RULE_TAGS = frozenset(
    {
        "lemma",
        "separable",
        "compound",
        "sense",
        "negation",
        "niet_alleen",
        "multiword",
        "mixed",
        "none",
        "heading",
    }
)
REQUIRED_KEYS = frozenset({"id", "text", "labels", "rules", "note"})

MIN_SENTENCES = 420
MIN_PER_RULE = {
    "lemma": 30,
    "separable": 30,
    "compound": 30,
    "sense": 30,
    "negation": 30,
    "niet_alleen": 30,
    "none": 60,
}
MIN_TRUE_PER_CATEGORY = 90

ID_PATTERN = re.compile(r"g\d{4}")
NEGATORS = re.compile(r"\b(geen|niet|zonder|nooit|noch|niemand)\b", re.IGNORECASE)
NIET_ALLEEN = re.compile(r"\bniet\s+(alleen|enkel|uitsluitend)\b", re.IGNORECASE)
MAX_HEADING_WORDS = 8


def load_gold(path: Path = GOLD_PATH) -> list[dict[str, Any]]:
    """Read the gold set, one JSON object per non-empty line.

    Raises ``ValueError`` naming the line when a line is not a JSON object.

    >>> records = load_gold()  # doctest: +SKIP
    >>> records[0]["labels"]["repressive"]  # doctest: +SKIP
    True
    """
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                raise ValueError(f"{path.name}:{lineno}: empty line")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}:{lineno}: invalid JSON: {exc}") from exc
            if not isinstance(record, dict):
                raise ValueError(f"{path.name}:{lineno}: expected an object, got {record!r}")
            records.append(record)
    return records


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    """All gold records, loaded once per module."""
    return load_gold()


def _true_categories(record: dict[str, Any]) -> list[str]:
    return [cat for cat in CATEGORIES if record["labels"][cat]]


def test_gold_file_is_utf8_json_lines() -> None:
    records = load_gold()
    assert records, "gold set is empty"


def test_records_have_exactly_the_required_keys(gold: list[dict[str, Any]]) -> None:
    bad = {
        r.get("id", "?"): sorted(set(r) ^ REQUIRED_KEYS) for r in gold if set(r) != REQUIRED_KEYS
    }
    assert not bad, f"records with missing or extra keys: {bad}"


def test_ids_are_well_formed_and_unique(gold: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in gold]
    malformed = [i for i in ids if not isinstance(i, str) or not ID_PATTERN.fullmatch(i)]
    assert not malformed, f"ids must look like g0001: {malformed}"
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"


def test_texts_are_single_clean_lines(gold: list[dict[str, Any]]) -> None:
    bad = [
        r["id"]
        for r in gold
        if not isinstance(r["text"], str)
        or not r["text"].strip()
        or r["text"] != r["text"].strip()
        or "\n" in r["text"]
        or "  " in r["text"]
    ]
    assert not bad, f"empty, padded or multi-line texts: {bad}"


def test_no_duplicate_texts(gold: list[dict[str, Any]]) -> None:
    seen: dict[str, str] = {}
    duplicates: list[tuple[str, str]] = []
    for record in gold:
        key = " ".join(record["text"].casefold().split())
        if key in seen:
            duplicates.append((seen[key], record["id"]))
        seen.setdefault(key, record["id"])
    assert not duplicates, f"duplicate texts (first id, repeat id): {duplicates}"


def test_labels_are_three_booleans(gold: list[dict[str, Any]]) -> None:
    bad = [
        r["id"]
        for r in gold
        if not isinstance(r["labels"], dict)
        or set(r["labels"]) != set(CATEGORIES)
        or not all(isinstance(v, bool) for v in r["labels"].values())
    ]
    assert not bad, f"labels must map exactly {CATEGORIES} to true/false: {bad}"


def test_rules_use_allowed_tags_once(gold: list[dict[str, Any]]) -> None:
    bad: dict[str, Any] = {}
    for record in gold:
        rules = record["rules"]
        valid = (
            isinstance(rules, list)
            and bool(rules)
            and not set(rules) - RULE_TAGS
            and len(rules) == len(set(rules))
        )
        if not valid:
            bad[record["id"]] = rules
    assert not bad, (
        f"rules must be a non-empty list of distinct tags from {sorted(RULE_TAGS)}: {bad}"
    )


def test_notes_are_present(gold: list[dict[str, Any]]) -> None:
    bad = [r["id"] for r in gold if not isinstance(r["note"], str) or not r["note"].strip()]
    assert not bad, f"every record needs a note saying why: {bad}"


def test_mixed_tag_matches_labels(gold: list[dict[str, Any]]) -> None:
    bad = [r["id"] for r in gold if ("mixed" in r["rules"]) != (len(_true_categories(r)) >= 2)]
    assert not bad, f"'mixed' must be tagged exactly when two or more labels are true: {bad}"


def test_none_tag_means_no_label(gold: list[dict[str, Any]]) -> None:
    bad = [r["id"] for r in gold if "none" in r["rules"] and _true_categories(r)]
    assert not bad, f"'none' sentences must have all labels false: {bad}"


def test_negation_sentences_contain_a_negator(gold: list[dict[str, Any]]) -> None:
    bad = [r["id"] for r in gold if "negation" in r["rules"] and not NEGATORS.search(r["text"])]
    assert not bad, f"'negation' sentences without geen/niet/zonder/nooit/noch: {bad}"


def test_niet_alleen_sentences_contain_the_construction(gold: list[dict[str, Any]]) -> None:
    bad = [
        r["id"] for r in gold if "niet_alleen" in r["rules"] and not NIET_ALLEEN.search(r["text"])
    ]
    assert not bad, f"'niet_alleen' sentences without niet alleen/enkel/uitsluitend: {bad}"


def test_niet_alleen_sentences_count_something(gold: list[dict[str, Any]]) -> None:
    # 'niet alleen ... maar ook' is not negation, so each such sentence has a true label.
    bad = [r["id"] for r in gold if "niet_alleen" in r["rules"] and not _true_categories(r)]
    assert not bad, f"'niet_alleen' sentences with no true label: {bad}"


def test_headings_are_short_lines(gold: list[dict[str, Any]]) -> None:
    bad = [
        r["id"]
        for r in gold
        if "heading" in r["rules"]
        and (len(r["text"].split()) > MAX_HEADING_WORDS or r["text"].endswith("."))
    ]
    assert not bad, f"headings must be at most {MAX_HEADING_WORDS} words without a full stop: {bad}"


def test_gold_set_is_large_enough(gold: list[dict[str, Any]]) -> None:
    assert len(gold) >= MIN_SENTENCES


@pytest.mark.parametrize(("tag", "minimum"), sorted(MIN_PER_RULE.items()))
def test_each_rule_is_covered(gold: list[dict[str, Any]], tag: str, minimum: int) -> None:
    count = sum(tag in r["rules"] for r in gold)
    assert count >= minimum, f"only {count} sentences tagged {tag!r}, need {minimum}"


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_is_true_often_enough(gold: list[dict[str, Any]], category: str) -> None:
    count = sum(r["labels"][category] for r in gold)
    assert count >= MIN_TRUE_PER_CATEGORY, (
        f"{category} is true in only {count} sentences, need {MIN_TRUE_PER_CATEGORY}"
    )


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_also_has_negative_examples(
    gold: list[dict[str, Any]], category: str
) -> None:
    # Precision needs sentences where the category is false despite tempting words.
    traps = sum(
        not r["labels"][category] and ("sense" in r["rules"] or "negation" in r["rules"])
        for r in gold
    )
    assert traps >= 30, f"only {traps} sense/negation sentences with {category} false"
