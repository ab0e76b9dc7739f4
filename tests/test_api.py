"""The public API: every name in textscan.__all__ resolves; importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import textscan


def test_every_public_name_resolves():
    for name in textscan.__all__:
        assert getattr(textscan, name) is not None, name


def test_unknown_name_is_an_attribute_error():
    try:
        textscan.nonexistent  # noqa: B018
    except AttributeError as exc:
        assert "nonexistent" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_textscan_does_not_load_spacy_or_pandas():
    code = "import sys, textscan; print('spacy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
