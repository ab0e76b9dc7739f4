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
from collections.abc import Iterable, Iterator, Sequence, Set
from functools import lru_cache
from typing import Any, ClassVar

from textscan._spacy import import_spacy

import_spacy()  # first, so that the imports below do not load spaCy's CLI

from spacy.attrs import (  # noqa: E402
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LENGTH,
    LIKE_NUM,
    LOWER,
    NORM,
)
from spacy.lang.nl import Dutch  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from textscan._version import PIPELINE_VERSION  # noqa: E402, F401  (re-exported)
from textscan.model import NOT_ANALYSED, Document, Paragraph, Sentence, Token  # noqa: E402


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared Dutch pipeline (built on first use, then reused).

    ``spacy.blank("nl")`` with a sentencizer and the textscan lemmatiser. Its
    tokenizer is spaCy's Dutch tokenizer with its 4,517 abbreviation exceptions
    ("bijv.", "o.a.") added when a text holds them (see :class:`LazyExceptions`):
    loading them all took 0.35 s of every run's start.

    Its vocabulary computes only the lexical attributes textscan reads
    (``lower``, ``norm``, ``is_space``, ``is_punct``, ``like_num``): spaCy
    otherwise works out some twenty more (shape, prefix, ``like_url``, ...) for
    every new word, a fifth of the annotation time of a first document.
    Token attributes outside that set keep their default values; for all of
    spaCy's attributes use ``spacy.blank("nl")``.
    """
    from textscan.lemmatizer import register_spacy_component

    register_spacy_component()
    nlp = _DutchLazyExceptions()
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {a: getters[a] for a in _LEX_ATTRS if a in getters}
    nlp.tokenizer = LazyExceptions(nlp.tokenizer, _DOTTED)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textscan_lemmatizer")
    return nlp


_EXCEPTIONS = Dutch.Defaults.tokenizer_exceptions
# spaCy's exceptions with a full stop: abbreviations, loaded on demand
_DOTTED = {k: v for k, v in _EXCEPTIONS.items() if "." in k}


class _LazyDefaults(Dutch.Defaults):  # type: ignore[misc,valid-type]
    tokenizer_exceptions: ClassVar[dict[str, Any]] = {
        k: v for k, v in _EXCEPTIONS.items() if k not in _DOTTED
    }


class _DutchLazyExceptions(Dutch):
    lang = "nl"
    Defaults = _LazyDefaults


class LazyExceptions:
    """A spaCy tokenizer that adds its special cases only for texts that contain them.

    A special case can only apply where its exact string occurs in the text, so
    adding, before a text is tokenised, every pending exception that occurs in
    it as a substring gives the same tokens as having added all of them at the
    start. The exceptions in question all contain a full stop and no space, so
    only the stretches of text around full stops are looked at. Every other
    attribute is the wrapped tokenizer's.

    spaCy empties its tokenizer cache on every ``add_special_case``, and a
    cache emptied after it has grown large stays about five times slower
    (measured with spaCy 3.8: 0.12 s -> 0.6 s for the same texts once some
    400,000 characters had been tokenised before the addition; no change up to
    300,000). So after :attr:`FRESH_CHARS` characters, new exceptions go into
    a fresh tokenizer built with all exceptions loaded so far; after
    :attr:`MAX_REBUILDS` of those, all remaining exceptions are loaded at once.
    """

    FRESH_CHARS = 200_000
    MAX_REBUILDS = 16

    def __init__(self, tokenizer: Any, pending: dict[str, Any]) -> None:
        self._tokenizer = tokenizer
        self._pending = dict(pending)
        self._longest = max((len(k) for k in pending), default=0)
        self._seen: set[str] = set()  # chunks already looked at
        self._chars = 0  # characters tokenised by the current tokenizer
        self.rebuilds = 0

    def _prepare(self, text: str) -> None:
        pending = self._pending
        if not pending or "." not in text:
            return
        seen = self._seen
        if len(seen) > 200_000:
            seen.clear()
        longest = self._longest
        found: dict[str, Any] = {}
        for chunk in text.split():
            if "." not in chunk or chunk in seen:
                continue
            seen.add(chunk)
            n = len(chunk)
            for i in range(n):
                for j in range(i + 1, min(n, i + longest) + 1):
                    piece = chunk[i:j]
                    if piece in pending:
                        found[piece] = pending.pop(piece)
        if found:
            self._add(found)

    def _add(self, found: dict[str, Any]) -> None:
        if self._chars < self.FRESH_CHARS:
            for piece, substrings in found.items():
                self._tokenizer.add_special_case(piece, substrings)
            return
        from spacy.tokenizer import Tokenizer

        if self.rebuilds >= self.MAX_REBUILDS:
            found.update(self._pending)
            self._pending.clear()
        old = self._tokenizer
        self._tokenizer = Tokenizer(
            old.vocab,
            rules={**old.rules, **found},
            prefix_search=old.prefix_search,
            suffix_search=old.suffix_search,
            infix_finditer=old.infix_finditer,
            token_match=old.token_match,
            url_match=old.url_match,
            faster_heuristics=old.faster_heuristics,
        )
        self._chars = 0
        self.rebuilds += 1

    def __call__(self, text: str) -> Doc:
        self._prepare(text)
        self._chars += len(text)
        return self._tokenizer(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenise ``texts``, with the exceptions of all of them added before the first."""
        texts = list(texts)
        self._prepare("\n".join(texts))
        tokenize = self._tokenizer
        for text in texts:
            self._chars += len(text)
            yield tokenize(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tokenizer, name)


class ChunkTokenizer:
    """spaCy's tokens of a text, worked out once per distinct chunk between spaces.

    spaCy's tokenizer splits a text at whitespace and then each chunk on its
    own (prefixes, suffixes, infixes, special cases), so the tokens of a chunk
    do not depend on what stands around it. This walks the text the way
    spaCy's ``Tokenizer.__call__`` does (a single space after a token is that
    token's trailing space; any other run of whitespace is a token of its own)
    and keeps each chunk's tokens: a chunk of letters only (nine in ten), which
    spaCy's Dutch rules never split, is one token without a call into spaCy;
    any other chunk is tokenised by spaCy once. No ``Doc`` or vocabulary entry
    is made. Same tokens and attributes as ``doc.to_array(_ATTRS)`` of the
    whole text (tested on the shared PDFs, and on 400,000 Dutch words that are
    each one token), in a third less time.
    """

    MAX_CHUNKS = 300_000

    def __init__(self, tokenizer: Any, getters: dict[int, Any]) -> None:
        self._tokenizer = tokenizer
        self._is_punct = getters[IS_PUNCT]
        self._like_num = getters[LIKE_NUM]
        # the few special cases made of letters only ("xD"): spaCy's own way
        self._special = frozenset(k for k in tokenizer.rules if k.isalpha())
        self._chunks: dict[str, tuple[tuple[int, int, int, int, int, str], ...]] = {}

    def _chunk(self, chunk: str) -> tuple[tuple[int, int, int, int, int, str], ...]:
        if chunk.isalpha() and chunk not in self._special:
            got: tuple[tuple[int, int, int, int, int, str], ...] = (
                (0, len(chunk), 0, int(self._is_punct(chunk)), int(self._like_num(chunk)), chunk),
            )
        else:
            got = tuple(
                (c[0], c[1], c[2], c[3], c[4], chunk[c[0] : c[0] + c[1]])
                for c in self._tokenizer(chunk).to_array(_ATTRS).tolist()
            )
        if len(self._chunks) >= self.MAX_CHUNKS:
            self._chunks.clear()
        self._chunks[chunk] = got
        return got

    def __call__(self, text: str) -> tuple[list[str], list[tuple[int, int, int, int, int]]]:
        """(token texts, their (start, length, is_space, is_punct, like_num)) of ``text``."""
        words: list[str] = []
        cols: list[tuple[int, int, int, int, int]] = []
        chunks = self._chunks
        end = 0  # where the last chunk ended
        for m in _CHUNKS.finditer(text):
            at = m.start()
            if at != end:  # whitespace before this chunk
                self._space(text, end, at, words, cols)
            span = m.group()
            got = chunks.get(span)
            if got is None:
                got = self._chunk(span)
            for off, length, space, punct, num, word in got:
                words.append(word)
                cols.append((at + off, length, space, punct, num))
            end = m.end()
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
    """The process's :class:`ChunkTokenizer` over :func:`get_nlp`'s tokenizer."""
    nlp = get_nlp()
    return ChunkTokenizer(nlp.tokenizer, nlp.vocab.lex_attr_getters)


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

    nlp = get_nlp()
    punct_chars = nlp.get_pipe("sentencizer").punct_chars
    lemmatize = get_lemmatizer().lemmatize
    tokenize = get_chunk_tokenizer()
    sid = start_id
    # one string object per distinct word and lemma of the document (a word
    # recurs ten times on average: a tenth of the memory, flat in its length)
    canon: dict[str, str] = {}
    lowered: dict[str, str] = {}
    for index, para in paragraphs:
        text = para.text
        words, cols = tokenize(text)  # cols: idx, length, is_space, is_punct, like_num
        if not cols:
            continue
        words = [canon.setdefault(w, w) for w in words]
        lemmas = lemmatize(words, attach_particles=False)
        for i, lemma in enumerate(lemmas):
            lemma = lemma or words[i]
            low = lowered.get(lemma)
            if low is None:
                low = lowered[lemma] = canon.setdefault(lemma.lower(), lemma.lower())
            lemmas[i] = low
        heading = para.kind == "heading"
        bounds = (
            _row_bounds(text, cols)
            if para.kind == "table"
            else _sentence_bounds(words, cols, punct_chars, whole=heading)
        )
        for first, last in bounds:
            base = cols[first][0]
            # Token(text, lemma, start, end, is_word, is_punct, like_num), built
            # with tuple.__new__: the named tuple's own __new__ is a Python call
            tokens = tuple(
                _new_tuple(
                    Token,
                    (
                        words[i],
                        lemmas[i],
                        cols[i][0] - base,
                        cols[i][0] - base + cols[i][1],
                        is_word(words[i]),
                        cols[i][3] == 1,
                        cols[i][4] == 1,
                    ),
                )
                for i in range(first, last)
                if not cols[i][2]
            )
            if not tokens:
                continue
            yield Sentence(
                id=sid,
                text=text[base : cols[last - 1][0] + cols[last - 1][1]],
                tokens=tokens,
                page=para.page,
                section=para.section,
                paragraph=index,
                is_heading=heading,
            )
            sid += 1


_ATTRS = [IDX, LENGTH, IS_SPACE, IS_PUNCT, LIKE_NUM]
# the lexical attributes the vocabulary computes for a new word (see get_nlp)
_LEX_ATTRS = (LOWER, NORM, IS_SPACE, IS_PUNCT, LIKE_NUM)
_new_tuple = tuple.__new__


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
    """Tokens of ``phrase`` as (lowercased forms, lemmas), through the same pipeline."""
    doc = get_nlp()(phrase)
    forms = tuple(t.lower_ for t in doc if not t.is_space)
    lemmas = tuple((t.lemma_ or t.lower_).lower() for t in doc if not t.is_space)
    return forms, lemmas
