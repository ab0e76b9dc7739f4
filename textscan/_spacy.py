"""Import spaCy without loading its command-line interface.

``import spacy`` runs ``from .cli.info import info``, and importing
``spacy.cli`` loads spaCy's whole command line: weasel, typer, httpx,
requests, jinja2. That is 0.19 s of every process that annotates (measured
with spaCy 3.8 on the 2-core benchmark machine, ``python -X importtime``) for
a function textscan never calls.

:func:`import_spacy` imports spaCy with stand-ins for ``spacy.cli`` and
``spacy.cli.info`` in ``sys.modules``; the stand-in ``spacy.info`` imports and
calls the real one. The stand-ins are removed as soon as spaCy is imported, so
a later ``import spacy.cli`` (or ``spacy.cli.download``) gets spaCy's own
modules. If spaCy is already imported, or anything about the stand-ins is
unexpected, spaCy is imported the ordinary way.
"""

from __future__ import annotations

import sys
import types
from functools import lru_cache
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """spaCy's ``spacy.info``, imported on its first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` if it is not loaded yet."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that "spacy.cli.info" can be looked up under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    try:
        import spacy
    except ImportError:
        # a spaCy that needs more of its CLI at import: start again, the usual way
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy

        return spacy
    finally:
        for name, stand_in in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:  # never leave a stand-in reachable
        del spacy.cli
    return spacy


@lru_cache(maxsize=1)
def spacy_version() -> str:
    """The installed spaCy's version, without importing spaCy or ``importlib.metadata``.

    The cache keys of annotations and the tokenizer rules name spaCy's version,
    and a scan looks them up before it can start its first process: importing
    ``importlib.metadata`` and asking it took 20 ms there. spaCy states its
    version in ``spacy/about.py`` (which ``spacy.__version__`` and its package
    metadata come from); that file is read, and the metadata asked only when
    it cannot be (see :func:`textscan._version.installed_version`).
    """
    from textscan._version import installed_version

    return installed_version("spacy", "spacy", "about.py")
