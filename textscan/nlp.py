"""Annotation: Document paragraphs -> Sentences with tokens and lemmas.

The tokens are those of spaCy's Dutch tokenizer (``spacy.blank("nl")``),
produced by :mod:`textscan.tokenizer` from spaCy's rules without importing
spaCy; sentences follow the rule of spaCy's sentencizer and lemmas come from
textscan's Dutch lemmatiser. :func:`get_nlp` builds the equivalent spaCy
pipeline for those who want spaCy ``Doc`` objects.

Example:
    >>> from textscan.nlp import annotate_text
    >>> [t.lemma for t in annotate_text("Wij bestreden de overlast.")[0].tokens][:3]
    ['wij', 'bestrijden', 'de']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from textscan._version import PIPELINE_VERSION  # noqa: F401  (re-exported)
from textscan.model import NOT_ANALYSED, Document, Paragraph, Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language

    from textscan.tokenizer import DutchTokenizer


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared Dutch spaCy pipeline (built on first use, then reused).

    ``spacy.blank("nl")`` with a sentencizer and the textscan lemmatiser.
    Annotation does not use it (it tokenises with :mod:`textscan.tokenizer`,
    which gives spaCy's tokens without importing spaCy); it is here for users
    who want spaCy ``Doc`` objects with textscan's lemmas. Its tokenizer is
    spaCy's Dutch tokenizer with its 4,517 abbreviation exceptions ("bijv.",
    "o.a.") added when a text holds them (see
    :class:`textscan._spacy_pipeline.LazyExceptions`): loading them all took
    0.35 s.

    Its vocabulary computes only the lexical attributes textscan reads
    (``lower``, ``norm``, ``is_space``, ``is_punct``, ``like_num``): spaCy
    otherwise works out some twenty more (shape, prefix, ``like_url``, ...) for
    every new word. Token attributes outside that set keep their default
    values; for all of spaCy's attributes use ``spacy.blank("nl")``.
    """
    from textscan._spacy_pipeline import build_nlp

    return build_nlp()


def __getattr__(name: str) -> Any:
    # the spaCy-bound names that lived here: imported (with spaCy) when first asked for
    if name in {"LazyExceptions", "SpacyChunks"}:
        import textscan._spacy_pipeline as sp

        return getattr(sp, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ChunkTokenizer:
    """spaCy's tokens of a text, worked out once per distinct chunk between spaces.

    spaCy's tokenizer splits a text at whitespace and then each chunk on its
    own (prefixes, suffixes, infixes, special cases), so the tokens of a chunk
    do not depend on what stands around it. This walks the text the way
    spaCy's ``Tokenizer.__call__`` does (a single space after a token is that
    token's trailing space; any other run of whitespace is a token of its own)
    and keeps each chunk's tokens: a chunk of letters only (nine in ten), which
    spaCy's Dutch rules never split, is one token; any other chunk is split
    once by ``source``, :class:`textscan.tokenizer.DutchTokenizer` (spaCy's
    rules without spaCy) or :class:`textscan._spacy_pipeline.SpacyChunks`
    (spaCy itself). No ``Doc`` or vocabulary entry is made. Same tokens and
    attributes as spaCy's ``doc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT,
    LIKE_NUM])`` of the whole text (tested on the shared PDFs, on generated
    text, and on 400,000 Dutch words that are each one token).
    """

    MAX_CHUNKS = 300_000

    def __init__(self, source: DutchTokenizer | Any) -> None:
        self.source = source
        self._split = source.split
        self._is_punct = source.is_punct
        self._like_num = source.like_num
        self.punct_chars: frozenset[str] = frozenset(source.punct_chars)
        # the few special cases made of letters only ("xD"): split by the source
        self._special = frozenset(k for k in source.specials if k.isalpha())
        self._chunks: dict[str, tuple[tuple[int, int, int, int, int, str], ...]] = {}

    def _chunk(self, chunk: str) -> tuple[tuple[int, int, int, int, int, str], ...]:
        pieces = [chunk] if chunk.isalpha() and chunk not in self._special else self._split(chunk)
        got: list[tuple[int, int, int, int, int, str]] = []
        at = 0
        for piece in pieces:
            n = len(piece)
            got.append((at, n, 0, int(self._is_punct(piece)), int(self._like_num(piece)), piece))
            at += n
        if len(self._chunks) >= self.MAX_CHUNKS:
            self._chunks.clear()
        self._chunks[chunk] = result = tuple(got)
        return result

    def __call__(self, text: str) -> tuple[list[str], list[tuple[int, int, int, int, int]]]:
        """(token texts, their (start, length, is_space, is_punct, like_num)) of ``text``."""
        parts = text.split(" ")
        if parts == text.split():
            # only single spaces, each between two chunks (every paragraph of the
            # manifestos): the chunks are the parts, each after the one before and
            # its space, and there is no whitespace token; as :meth:`_walk` finds
            # them, in half its time
            words: list[str] = []
            cols: list[tuple[int, int, int, int, int]] = []
            chunks = self._chunks
            at = 0
            for part in parts:
                got = chunks.get(part)
                if got is None:
                    got = self._chunk(part)
                if len(got) == 1:
                    off, length, space, punct, num, word = got[0]
                    words.append(word)
                    cols.append((at, length, space, punct, num))
                else:
                    for off, length, space, punct, num, word in got:
                        words.append(word)
                        cols.append((at + off, length, space, punct, num))
                at += len(part) + 1
            return words, cols
        return self._walk(text)

    def _walk(self, text: str) -> tuple[list[str], list[tuple[int, int, int, int, int]]]:
        """:meth:`__call__` for any text: its chunks found by a regex, whitespace kept."""
        words: list[str] = []
        cols: list[tuple[int, int, int, int, int]] = []
        chunks = self._chunks
        end = 0  # where the last chunk ended
        for m in _CHUNKS.finditer(text):
            at, stop = m.span()
            # whitespace before this chunk, unless the one space after the token before
            if at != end and (at - end != 1 or text[end] != " " or not cols):
                self._space(text, end, at, words, cols)
            span = m.group()
            got = chunks.get(span)
            if got is None:
                got = self._chunk(span)
            if len(got) == 1:  # most chunks are one token
                off, length, space, punct, num, word = got[0]
                words.append(word)
                cols.append((at, length, space, punct, num))
            else:
                for off, length, space, punct, num, word in got:
                    words.append(word)
                    cols.append((at + off, length, space, punct, num))
            end = stop
        if end != len(text):
            self._space(text, end, len(text), words, cols)
        return words, cols

    @staticmethod
    def _space(
        text: str,
        start: int,
        end: int,
        words: list[str],
        cols: list[tuple[int, int, int, int, int]],
    ) -> None:
        """The whitespace token of ``text[start:end]``, if any."""
        if text[start] == " " and cols:  # the trailing space of the token before
            start += 1
            if start == end:
                return
        words.append(text[start:end])
        cols.append((start, end - start, 1, 0, 0))


_CHUNKS = re.compile(r"\S+")


@lru_cache(maxsize=1)
def get_chunk_tokenizer() -> ChunkTokenizer:
    """The process's :class:`ChunkTokenizer`: spaCy's Dutch rules, without spaCy if possible.

    Over :func:`textscan.tokenizer.get_tokenizer` (rules compiled once per
    installation), or over spaCy's own tokenizer when those are unavailable.
    """
    from textscan.tokenizer import get_tokenizer

    source = get_tokenizer()
    if source is None:
        from textscan._spacy_pipeline import SpacyChunks

        source = SpacyChunks(get_nlp())
    return ChunkTokenizer(source)


@lru_cache(maxsize=262_144)
def is_word(text: str) -> bool:
    """A word in the codebook's sense: not punctuation, number or whitespace.

    A token is a word when it holds a letter ("COVID-19" is, "2023" and "€" are not).
    """
    return _LETTER.search(text) is not None


_LETTER = re.compile(r"[^\W\d_]")


def _sentences_of(
    paragraphs: Iterable[tuple[int, Paragraph]], start_id: int = 0
) -> Iterator[Sentence]:
    """Annotated sentences of ``paragraphs`` (index, paragraph), numbered from ``start_id``.

    Runs spaCy's tokenizer (through :class:`ChunkTokenizer`) and the rule of
    its sentencizer, then lemmatises each paragraph with the same
    :class:`~textscan.lemmatizer.DutchLemmatizer` call as the
    ``textscan_lemmatizer`` component, on plain lists rather than one spaCy
    ``Token`` object at a time (three times faster).
    """
    from textscan.lemmatizer import get_lemmatizer

    lemmatizer = get_lemmatizer()
    lemmatize = lemmatizer.lemmatize
    tokenize = get_chunk_tokenizer()
    punct_chars = tokenize.punct_chars
    sid = start_id
    # one string object per distinct word and lemma of the document (a word
    # recurs ten times on average: a tenth of the memory, flat in its length)
    canon: dict[str, str] = {}
    lowered: dict[str, str] = {}
    known = lowered.get

    def lower(lemma: str) -> str:
        low = lowered[lemma] = canon.setdefault(lemma.lower(), lemma.lower())
        return low

    for index, para, words, cols in _tokenized(paragraphs, tokenize, lemmatizer.prefetch):
        text = para.text
        if not cols:
            continue
        words = [canon.setdefault(w, w) for w in words]
        # each lemma lowercased once per document (a word's own form when it has none)
        lemmas = [
            known(lemma or word) or lower(lemma or word)
            for word, lemma in zip(words, lemmatize(words, attach_particles=False), strict=True)
        ]
        heading = para.kind == "heading"
        bounds = (
            _row_bounds(text, cols)
            if para.kind == "table"
            else _sentence_bounds(words, cols, punct_chars, whole=heading)
        )
        for first, last in bounds:
            base = cols[first][0]
            # Token(text, lemma, start, end, is_word, is_punct, like_num), built
            # with tuple.__new__ (the named tuple's own __new__ is a Python call),
            # each token's columns unpacked once rather than indexed five times
            tokens = tuple(
                [
                    _new_tuple(
                        Token,
                        (word, lemma, at - base, at - base + n, is_word(word), p == 1, num == 1),
                    )
                    for word, lemma, (at, n, space, p, num) in zip(
                        words[first:last], lemmas[first:last], cols[first:last], strict=True
                    )
                    if not space
                ]
            )
            if not tokens:
                continue
            yield Sentence(
                id=sid,
                text=text[base : cols[last - 1][0] + cols[last - 1][1]],
                tokens=tokens,
                page=para.page_at(base) if para.page_breaks else para.page,
                section=para.section,
                paragraph=index,
                is_heading=heading,
            )
            sid += 1


_new_tuple = tuple.__new__
_BATCH = 256  # paragraphs tokenised before their words are looked up in one go


def _tokenized(
    paragraphs: Iterable[tuple[int, Paragraph]],
    tokenize: ChunkTokenizer,
    prefetch: Callable[[Iterable[str]], None],
) -> Iterator[tuple[int, Paragraph, list[str], list[tuple[int, int, int, int, int]]]]:
    """(index, paragraph, words, token columns), tokenised :data:`_BATCH` paragraphs at a time.

    The words of each batch are looked up in the lemma tables together (see
    :meth:`textscan.lemmatizer.DutchLemmatizer.prefetch`) before they are lemmatised.
    """
    it = iter(paragraphs)
    while batch := list(islice(it, _BATCH)):
        done = [(index, para, *tokenize(para.text)) for index, para in batch]
        prefetch(w for _, _, words, _ in done for w in words)
        yield from done


def _sentence_starts(
    words: list[str], cols: Sequence[Sequence[int]], punct_chars: Set[str]
) -> list[int]:
    """Where sentences start: the rule of spaCy's ``sentencizer``, run on plain lists.

    A sentence ends after a run of sentence-final punctuation ("." "?" "!" and
    the rest of ``punct_chars``) and the next one starts at the first token
    that is not punctuation.
    """
    starts = [0]
    seen_period = False
    for i, word in enumerate(words):
        final = word in punct_chars
        if seen_period and not cols[i][3] and not final:
            starts.append(i)
            seen_period = False
        elif final:
            seen_period = True
    return starts


def _row_bounds(text: str, cols: Sequence[Sequence[int]]) -> Iterator[tuple[int, int]]:
    """Token ranges of the rows of a table paragraph (one a line), each a sentence of its own."""
    start = 0
    i = 0
    n = len(cols)
    for line in text.split("\n"):
        end = start + len(line)
        while i < n and cols[i][0] + cols[i][1] <= start:
            i += 1
        first = i
        while i < n and cols[i][0] < end:
            i += 1
        if i > first:
            yield first, i
        start = end + 1


def _sentence_bounds(
    words: list[str], cols: Sequence[Sequence[int]], punct_chars: Set[str], whole: bool = False
) -> Iterator[tuple[int, int]]:
    """Token ranges of the sentences, a wordless piece ("3.", "a)") joined to the one after it.

    A heading paragraph is always one sentence ("3.2 Jeugd en veiligheid").
    """
    n = len(words)
    if whole:
        yield 0, n
        return
    starts = _sentence_starts(words, cols, punct_chars)
    pending: int | None = None
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        if not any(is_word(words[i]) for i in range(start, end)):
            if pending is None:
                pending = start
            continue
        yield (pending if pending is not None else start), end
        pending = None
    if pending is not None:
        yield pending, n


def annotate(document: Document) -> list[Sentence]:
    """Split the analysed paragraphs of ``document`` into annotated sentences.

    Table-of-contents paragraphs (codebook rule 6) and lists of references are
    skipped; every sentence keeps the page and section of its paragraph.
    """
    analysed = [(i, p) for i, p in enumerate(document.paragraphs) if p.kind not in NOT_ANALYSED]
    return list(_sentences_of(analysed))


def annotate_text(text: str) -> list[Sentence]:
    """Annotate a bare string as one paragraph (for tests, notebooks and lexicon terms)."""
    return list(_sentences_of([(0, Paragraph(text=text))]))


def lemmatize_phrase(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Tokens of ``phrase`` as (lowercased forms, lemmas), as :func:`get_nlp` gives them.

    The tokens of :func:`get_chunk_tokenizer`, every one (whitespace too)
    lemmatised in one call as the ``textscan_lemmatizer`` component does; the
    whitespace tokens are then left out.
    """
    from textscan.lemmatizer import get_lemmatizer

    words, cols = get_chunk_tokenizer()(phrase)
    lemmas = get_lemmatizer().lemmatize(words, attach_particles=False)
    kept = [i for i, c in enumerate(cols) if not c[2]]
    forms = tuple(words[i].lower() for i in kept)
    return forms, tuple((lemmas[i] or words[i].lower()).lower() for i in kept)
