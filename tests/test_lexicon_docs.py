"""lexicons/README.md stays true to the bundled lexicons: entry counts and changelog."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from textscan.lexicon import load_lexicon

README = Path(__file__).resolve().parents[1] / "lexicons" / "README.md"
NAMES = ("framing", "actors", "themes", "domains", "perception")


def _table_counts() -> dict[str, tuple[int, list[int]]]:
    """From the table of bundled lexicons: name -> (entries, entries per category)."""
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `(\w+)\.yaml` \|.*\| (\d+) \(([\d / ]+)\) \|$", line)
        if m:
            rows[m.group(1)] = (int(m.group(2)), [int(x) for x in m.group(3).split(" / ")])
    return rows


@pytest.mark.parametrize("name", NAMES)
def test_readme_counts_the_entries_of_each_lexicon(name):
    lexicon = load_lexicon(name)
    per_category = Counter(e.category for e in lexicon.entries)
    total, listed = _table_counts()[name]
    assert total == len(lexicon.entries)
    assert listed == [per_category[c] for c in lexicon.category_ids]


@pytest.mark.parametrize("name", NAMES)
def test_changelog_names_the_current_version(name):
    version = load_lexicon(name).version
    text = README.read_text(encoding="utf-8")
    changelog = text[text.index("## Changelog") :]
    assert re.search(rf"\b{name} {re.escape(version)}\b", changelog), (
        f"lexicons/README.md has no changelog entry for {name} {version}"
    )
