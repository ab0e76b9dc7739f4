"""The spaCy side of annotation: the Dutch pipeline of :func:`textscan.nlp.get_nlp`.

Importing this module imports spaCy. Annotation itself does not need it (see
:mod:`textscan.tokenizer`); it is here for users of ``get_nlp()``, for the
tests that compare textscan's tokens with spaCy's, and as the fallback
tokenizer should spaCy's rules ever not be reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    ORTH,
)
from spacy.lang.nl import Dutch  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402


def build_nlp() -> Language:
    """``spacy.blank("nl")`` with lazy abbreviations, a sentencizer and the textscan lemmatiser."""
    from textscan.lemmatizer import register_spacy_component

    register_spacy_component()
    nlp = _DutchLazyExceptions()
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {a: getters[a] for a in LEX_ATTRS if a in getters}
    nlp.tokenizer = LazyExceptions(nlp.tokenizer, DOTTED)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("textscan_lemmatizer")
    return nlp


# the token attributes annotation reads, as spaCy's Doc.to_array gives them
ATTRS = [IDX, LENGTH, IS_SPACE, IS_PUNCT, LIKE_NUM]
# the lexical attributes the vocabulary computes for a new word (see get_nlp)
LEX_ATTRS = (LOWER, NORM, IS_SPACE, IS_PUNCT, LIKE_NUM)

_EXCEPTIONS = Dutch.Defaults.tokenizer_exceptions
# spaCy's exceptions with a full stop: abbreviations, loaded on demand
DOTTED = {k: v for k, v in _EXCEPTIONS.items() if "." in k}


class _LazyDefaults(Dutch.Defaults):  # type: ignore[misc,valid-type]
    tokenizer_exceptions: ClassVar[dict[str, Any]] = {
        k: v for k, v in _EXCEPTIONS.items() if k not in DOTTED
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


class SpacyChunks:
    """spaCy's own tokenizer behind the interface of :class:`textscan.tokenizer.DutchTokenizer`.

    What annotation tokenises with when spaCy's rules cannot be reproduced
    (see :func:`textscan.tokenizer.get_tokenizer`), and what the tests compare with.
    """

    def __init__(self, nlp: Language) -> None:
        self._tokenizer = nlp.tokenizer
        getters = nlp.vocab.lex_attr_getters
        self.is_punct = getters[IS_PUNCT]
        self.like_num = getters[LIKE_NUM]
        self.specials = {k: tuple(s[ORTH] for s in v) for k, v in self._tokenizer.rules.items()}
        self.punct_chars = frozenset(nlp.get_pipe("sentencizer").punct_chars)

    def split(self, chunk: str) -> list[str]:
        """spaCy's tokens of ``chunk`` (a string without whitespace)."""
        return [t.text for t in self._tokenizer(chunk)]
