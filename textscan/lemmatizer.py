"""Placeholder replaced by the lemmatizer branch: spaCy lookup lemmas."""

from __future__ import annotations

from functools import lru_cache

import simplemma

from spacy.language import Language
from spacy.tokens import Doc
from spacy.lookups import load_lookups


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    return dict(load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup").items())


class DutchLemmatizer:
    def __init__(self) -> None:
        self._lookup = _table()
        self._known = set(self._lookup) | set(self._lookup.values())

    @lru_cache(maxsize=200_000)  # noqa: B019
    def lemma(self, word: str) -> str:
        w = word.lower()
        if w in self._lookup:
            return self._lookup[w].lower().replace("_", "")
        return simplemma.lemmatize(w, lang="nl").lower().replace("_", "")

    def is_known(self, word: str) -> bool:
        w = word.lower()
        return w in self._known or simplemma.is_known(w, lang="nl")


@Language.factory("textscan_lemmatizer")
def make_lemmatizer(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    lem = DutchLemmatizer()

    def component(doc: Doc) -> Doc:
        for t in doc:
            t.lemma_ = lem.lemma(t.text)
        return doc

    return component
