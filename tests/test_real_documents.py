"""textscan on the shared real documents (skipped when ../shared/data is absent)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import shared_file
from textscan.cli import cli

MANIFESTOS = ["50plus.pdf", "BVNL.pdf", "LP.pdf", "Piratenpartij.pdf", "SP.pdf"]


@pytest.mark.parametrize("name", MANIFESTOS)
def test_hits_on_manifestos_have_valid_offsets_and_parts(name):
    pdf = shared_file("pdf", "manifestos-2023", name)
    result = CliRunner().invoke(cli, ["hits", str(pdf), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(rows) > 50
    for row in rows:
        assert row["sentence"][row["start"] : row["end"]] == row["text"]
        assert row["parts"], row
        for start, end in row["parts"]:
            assert row["start"] <= start < end <= row["end"]
        if row["match_kind"] == "separable":
            assert len(row["parts"]) == 2
        assert isinstance(row["page"], int) and row["page"] >= 1
    assert any(r["match_kind"] == "compound" for r in rows)
