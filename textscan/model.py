"""The records that pass between textscan's stages.

Everything here is a small frozen dataclass. Stages take and return these
(or pandas DataFrames built from them); no stage hands spaCy internals to the
next one.

    file --extract--> Document --annotate--> Sentence --match--> Hit --profile--> Profile
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Literal, NamedTuple

ParagraphKind = Literal["text", "heading", "list_item", "toc", "table", "references"]
#: paragraph kinds kept for inspection but never analysed: tables of contents
#: (codebook rule 6) and lists of references, sources or notes
NOT_ANALYSED: frozenset[str] = frozenset({"toc", "references"})


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a source document (1-based ``number``).

    ``label`` is the printed page label when the PDF defines one ("iv", "12").
    ``has_text`` is false for a page without a usable text layer (a scan).
    """

    number: int
    label: str | None = None
    chars: int = 0
    has_text: bool = True


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the part of the document it opens.

    ``id`` is stable within a document ("s1", "s1.2"), ``parent`` is the id of
    the enclosing section or None for a top-level one.
    """

    id: str
    title: str
    level: int
    page_start: int | None = None
    page_end: int | None = None
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of running text with where it came from.

    ``page`` is the page the paragraph starts on (None for inputs without
    pages); ``page_breaks`` lists, for a paragraph that runs on to later
    pages, each ``(offset, page)``: the character offset in ``text`` where
    that page's part begins (see :meth:`page_at`). ``section`` is the id of
    the innermost section it belongs to.
    Paragraphs of kind ``toc`` (table of contents) and ``references`` (a list
    of references, sources or notes under such a heading) are kept for
    inspection but never analysed.
    """

    text: str
    page: int | None = None
    section: str | None = None
    kind: ParagraphKind = "text"
    page_breaks: tuple[tuple[int, int], ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page of the character at ``offset`` in ``text`` (a sentence's start)."""
        page = self.page
        for at, later in self.page_breaks:
            if offset < at:
                break
            page = later
        return page


@dataclass(frozen=True, slots=True)
class ExtractionWarning:
    """Something the extractor noticed that a reader of the results must know."""

    code: str
    message: str
    pages: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """An extracted document: pages, sections, paragraphs and warnings."""

    path: str
    name: str
    format: str
    sha256: str
    pages: tuple[Page, ...]
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[ExtractionWarning, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    extractor: dict[str, Any] = field(default_factory=dict)

    @property
    def analysed_paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs that are counted (everything but tables of contents)."""
        return tuple(p for p in self.paragraphs if p.kind not in NOT_ANALYSED)

    @property
    def text(self) -> str:
        """The analysed text, paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.analysed_paragraphs)

    def section(self, section_id: str | None) -> Section | None:
        if section_id is None:
            return None
        for s in self.sections:
            if s.id == section_id:
                return s
        return None

    def section_path(self, section_id: str | None) -> tuple[str, ...]:
        """Titles from the top-level section down to ``section_id``."""
        by_id = {s.id: s for s in self.sections}
        path: list[str] = []
        seen: set[str] = set()
        while section_id is not None and section_id in by_id and section_id not in seen:
            seen.add(section_id)
            s = by_id[section_id]
            path.append(s.title)
            section_id = s.parent
        return tuple(reversed(path))

    def top_section(self, section_id: str | None) -> Section | None:
        by_id = {s.id: s for s in self.sections}
        s = by_id.get(section_id) if section_id else None
        seen: set[str] = set()
        while s is not None and s.parent is not None and s.parent in by_id and s.id not in seen:
            seen.add(s.id)
            s = by_id[s.parent]
        return s


class Token(NamedTuple):
    """A token of a sentence. Offsets are characters within the sentence text.

    A named tuple rather than a dataclass: documents have hundreds of
    thousands of tokens, and a tuple is several times cheaper to create.
    """

    text: str
    lemma: str
    start: int
    end: int
    is_word: bool
    is_punct: bool = False
    like_num: bool = False


_IS_WORD = attrgetter("is_word")


@dataclass(frozen=True, slots=True)
class Sentence:
    """An annotated sentence with its place in the document."""

    id: int
    text: str
    tokens: tuple[Token, ...]
    page: int | None = None
    section: str | None = None
    paragraph: int = 0
    is_heading: bool = False

    @property
    def words(self) -> int:
        """The number of word tokens (a profile asks it of every sentence, some twice)."""
        return sum(map(_IS_WORD, self.tokens))  # counted in C: True is 1


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """A sentence without its tokens: its place, its text and its number of words.

    All a profile needs of a sentence (:func:`textscan.profile.build_profile`
    takes these or :class:`Sentence`). A re-profile from the cache builds them
    from the cached sentence table, so that it decodes the tokens of only the
    sentences where an edited lexicon can match.
    """

    id: int
    text: str
    page: int | None = None
    section: str | None = None
    is_heading: bool = False
    words: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a lexicon entry in a sentence.

    ``start``/``end`` are character offsets in ``sentence``; for an expression
    in several parts (a separable verb) the span runs from the first to the
    last part, and ``parts`` lists each part's own offsets.
    """

    document: str
    page: int | None
    section: str | None
    sentence_id: int
    sentence: str
    start: int
    end: int
    text: str
    lemma: str
    category: str
    entry: str
    lexicon: str
    negated: bool = False
    parts: tuple[tuple[int, int], ...] = ()
    match_kind: str = "lemma"
    negator: str | None = None


@dataclass(frozen=True, slots=True)
class CategoryStats:
    count: int
    per_1000_words: float
    sentence_share: float
    negated: int = 0

    def to_dict(self) -> dict[str, Any]:
        """As ``dataclasses.asdict`` gives it, without its deep copy of every field."""
        return {
            "count": self.count,
            "per_1000_words": self.per_1000_words,
            "sentence_share": self.sentence_share,
            "negated": self.negated,
        }


@dataclass(frozen=True, slots=True)
class Interval:
    value: float | None
    ci_low: float | None = None
    ci_high: float | None = None


@dataclass(frozen=True, slots=True)
class LexiconInfo:
    name: str
    version: str
    sha256: str
    path: str | None = None
