"""textscan: how Dutch municipal safety plans frame safety.

The public API follows the pipeline's stages::

    from textscan import extract, annotate, load_lexicon, Matcher, analyze, scan

    doc = extract("plan.pdf")                  # Document: pages, sections, paragraphs
    analysis = analyze("plan.pdf")             # + sentences, hits, profile
    analysis.profile.to_dict()                 # the framing profile as JSON
    result = scan(["corpus/"], out="results")  # many files -> DataFrames + CSV
"""

from textscan._version import __version__
from textscan.errors import ExtractionError, InputError, LexiconError, TextscanError
from textscan.extract import extract
from textscan.lexicon import Lexicon, load_lexicon, load_lexicons
from textscan.match import Matcher
from textscan.model import Document, Hit, Page, Paragraph, Section, Sentence, Token
from textscan.nlp import annotate, annotate_text
from textscan.pipeline import Analysis, Pipeline, ScanResult, analyze, scan
from textscan.profile import Profile, build_profile

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
    "extract",
    "load_lexicon",
    "load_lexicons",
    "scan",
]
