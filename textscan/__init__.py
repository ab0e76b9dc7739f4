"""textscan: how Dutch municipal safety plans frame safety.

The public API follows the pipeline's stages::

    from textscan import extract, annotate, load_lexicon, Matcher, analyze, scan

    doc = extract("plan.pdf")                  # Document: pages, sections, paragraphs
    analysis = analyze("plan.pdf")             # + sentences, hits, profile
    analysis.profile.to_dict()                 # the framing profile as JSON
    result = scan(["plannen/"], out="results") # many files -> DataFrames + CSV

Names are imported on first use, so ``import textscan`` (and ``textscan
--help``) does not load spaCy, pandas or the lemma tables.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from textscan._version import __version__

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Analysis": "textscan.pipeline",
    "Document": "textscan.model",
    "ExtractionError": "textscan.errors",
    "Hit": "textscan.model",
    "InputError": "textscan.errors",
    "Lexicon": "textscan.lexicon",
    "LexiconError": "textscan.errors",
    "Matcher": "textscan.match",
    "Page": "textscan.model",
    "Paragraph": "textscan.model",
    "Pipeline": "textscan.pipeline",
    "Profile": "textscan.profile",
    "ScanResult": "textscan.pipeline",
    "Section": "textscan.model",
    "Sentence": "textscan.model",
    "TextscanError": "textscan.errors",
    "Token": "textscan.model",
    "analyze": "textscan.pipeline",
    "annotate": "textscan.nlp",
    "annotate_text": "textscan.nlp",
    "build_profile": "textscan.profile",
    "close_workers": "textscan.runner",
    "extract": "textscan.extract",
    "load_lexicon": "textscan.lexicon",
    "load_lexicons": "textscan.lexicon",
    "scan": "textscan.pipeline",
}

__all__ = [
    "Analysis",
    "Document",
    "ExtractionError",
    "Hit",
    "InputError",
    "Lexicon",
    "LexiconError",
    "Matcher",
    "Page",
    "Paragraph",
    "Pipeline",
    "Profile",
    "ScanResult",
    "Section",
    "Sentence",
    "TextscanError",
    "Token",
    "__version__",
    "analyze",
    "annotate",
    "annotate_text",
    "build_profile",
    "close_workers",
    "extract",
    "load_lexicon",
    "load_lexicons",
    "scan",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'textscan' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors
    from textscan.errors import ExtractionError, InputError, LexiconError, TextscanError
    from textscan.extract import extract
    from textscan.lexicon import Lexicon, load_lexicon, load_lexicons
    from textscan.match import Matcher
    from textscan.model import Document, Hit, Page, Paragraph, Section, Sentence, Token
    from textscan.nlp import annotate, annotate_text
    from textscan.pipeline import Analysis, Pipeline, ScanResult, analyze, scan
    from textscan.profile import Profile, build_profile
    from textscan.runner import close_workers
