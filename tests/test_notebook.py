"""The research walkthrough runs top to bottom (so it never goes stale)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "research-walkthrough.ipynb"


@pytest.mark.slow
def test_research_notebook_runs_top_to_bottom():
    nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extras")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extras")
    pytest.importorskip("ipykernel", reason="ipykernel is in the test extras")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(str(o.get("text", "")) + str(o.get("data", {})) for o in outputs)
    assert "plans where both agree on the side" in text
    # refining a lexicon: the edited one is matched again in each of the six
    # plans, the five bundled ones come from the cache, no file is read again
    counts = "lexicon hits matched again: 6, taken from the cache: 30, files annotated again: 0"
    assert counts in text
