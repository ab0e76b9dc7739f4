"""Annotation: Document paragraphs -> Sentences with tokens and lemmas.

The spaCy pipeline is ``spacy.blank("nl")`` with a rule-based sentencizer and
textscan's Dutch lemmatizer, built once per process (:func:`get_nlp`).

Example:
    >>> from textscan.nlp import annotate_text
    >>> [t.lemma for t in annotate_text("Wij bestreden de overlast.")[0].tokens][:3]
    ['wij', 'bestrijden', 'de']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from textscan.model import Document, Paragraph, Sentence, Token

PIPELINE_VERSION = "1"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared Dutch pipeline (built on first use, then reused)."""
    import textscan.lemmatizer  # noqa: F401  registers the "textscan_lemmatizer" factory

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textscan_lemmatizer")
    return nlp


@lru_cache(maxsize=262_144)
def is_word(text: str) -> bool:
    """A word in the codebook's sense: not punctuation, number or whitespace.

    A token is a word when it holds a letter ("COVID-19" is, "2023" and "€" are not).
    """
    return _LETTER.search(text) is not None


_LETTER = re.compile(r"[^\W\d_]")


def _sentences_of(
    paragraphs: Iterable[tuple[int, Paragraph]], start_id: int = 0, batch_size: int = 64
) -> Iterator[Sentence]:
    nlp = get_nlp()
    items = list(paragraphs)
    sid = start_id
    docs = nlp.pipe((p.text for _, p in items), batch_size=batch_size)
    for (index, para), doc in zip(items, docs, strict=True):
        sents = _rows(doc) if para.kind == "table" else _merged_sents(doc, para.kind == "heading")
        for sent in sents:
            base = sent.start_char
            text = sent.text
            tokens = tuple(
                Token(
                    text=t.text,
                    lemma=t.lemma_.lower() if t.lemma_ else t.lower_,
                    start=t.idx - base,
                    end=t.idx - base + len(t.text),
                    is_word=is_word(t.text),
                    is_punct=t.is_punct,
                    like_num=t.like_num,
                )
                for t in sent
                if not t.is_space
            )
            if not tokens:
                continue
            yield Sentence(
                id=sid,
                text=text,
                tokens=tokens,
                page=para.page,
                section=para.section,
                paragraph=index,
                is_heading=para.kind == "heading",
            )
            sid += 1


def _rows(doc: Doc) -> Iterator[Span]:
    """The rows of a table paragraph (one a line), each a sentence of its own."""
    start = 0
    for line in doc.text.split("\n"):
        span = doc.char_span(start, start + len(line), alignment_mode="expand")
        if span is not None and len(span):
            yield span
        start += len(line) + 1


def _merged_sents(doc: Doc, whole: bool = False) -> Iterator[Span]:
    """Sentences, with a wordless piece ("3.", "a)") joined to the sentence after it.

    A heading paragraph is always one sentence ("3.2 Jeugd en veiligheid").
    """
    if whole:
        yield doc[:]
        return
    pending: int | None = None
    for sent in doc.sents:
        if not any(is_word(t.text) for t in sent):
            if pending is None:
                pending = sent.start
            continue
        start = pending if pending is not None else sent.start
        pending = None
        yield doc[start : sent.end]
    if pending is not None:
        yield doc[pending:]


def annotate(document: Document) -> list[Sentence]:
    """Split the analysed paragraphs of ``document`` into annotated sentences.

    Table-of-contents paragraphs are skipped (codebook rule 6); every sentence
    keeps the page and section of its paragraph.
    """
    analysed = [(i, p) for i, p in enumerate(document.paragraphs) if p.kind != "toc"]
    return list(_sentences_of(analysed))


def annotate_text(text: str) -> list[Sentence]:
    """Annotate a bare string as one paragraph (for tests, notebooks and lexicon terms)."""
    return list(_sentences_of([(0, Paragraph(text=text))]))


def lemmatize_phrase(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Tokens of ``phrase`` as (lowercased forms, lemmas), through the same pipeline."""
    doc = get_nlp()(phrase)
    forms = tuple(t.lower_ for t in doc if not t.is_space)
    lemmas = tuple((t.lemma_ or t.lower_).lower() for t in doc if not t.is_space)
    return forms, lemmas
