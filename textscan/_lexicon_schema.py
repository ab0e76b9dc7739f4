"""The lexicon schema: pydantic models that check a lexicon's text the first time it is read.

:mod:`textscan.lexicon` keeps what a valid lexicon gave, as plain data by the
hash of its text, and builds its records (:class:`textscan.lexicon.Entry` and
the others: frozen dataclasses with the same fields, tested) from that. This
module, and pydantic with it (some 80 ms to import, as long again to build
these models and validate the bundled lexicons), is loaded only for a text
not read before, or to say what is wrong with one. The fields are documented
in ``lexicons/README.md`` and on the records; a test keeps the models' and the
records' field lists the same.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from textscan.lexicon import (
    EXCLUSION_KINDS,
    MAX_PATTERN_LENGTH,
    MIN_PATTERN_LETTERS,
    CompoundMode,
    LexiconType,
    cross_problems,
)

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")


def _valid_id(v: str) -> str:
    if not _ID_RE.match(v):
        raise ValueError(f"id {v!r} must be lowercase letters, digits, '_', '-' or '.'")
    return v


# ids of categories and entries: lowercase, validated where they are read
LexiconId = Annotated[str, AfterValidator(_valid_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Exclusion(_Strict):
    """Checks an exclusion or condition (:class:`textscan.lexicon.Exclusion`)."""

    phrase: str | None = None
    followed_by: tuple[str, ...] | None = None
    preceded_by: tuple[str, ...] | None = None
    context: tuple[str, ...] | None = None
    window: int = Field(default=5, ge=1, le=50)
    compound_part: tuple[str, ...] | None = None
    form: tuple[str, ...] | None = None
    particle_at_end: tuple[str, ...] | None = None
    unless_preceded_by: tuple[str, ...] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Exclusion:
        set_fields = [f for f in EXCLUSION_KINDS if getattr(self, f) is not None]
        if len(set_fields) != 1:
            raise ValueError(
                f"an exclusion needs exactly one of {', '.join(EXCLUSION_KINDS)} "
                f"(found {', '.join(set_fields) or 'none'})"
            )
        return self

    @field_validator("phrase")
    @classmethod
    def _lower_phrase(cls, v: str | None) -> str | None:
        return v.lower() if v is not None else v

    @field_validator(*EXCLUSION_KINDS[1:], "unless_preceded_by", mode="before")  # lists
    @classmethod
    def _listify(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = [v]
        if isinstance(v, list):
            return tuple(str(x).strip().lower() for x in v)
        return v


class Category(_Strict):
    """Checks a category (:class:`textscan.lexicon.Category`)."""

    id: LexiconId
    label: str
    description: str = ""
    pole: Literal[-1, 0, 1] | None = Field(
        default=None,
        description="-1 or +1 marks the categories the balance index opposes.",
    )


class Entry(_Strict):
    """Checks an entry (:class:`textscan.lexicon.Entry`)."""

    id: LexiconId
    category: str
    lemma: str | None = None
    pattern: str | None = Field(
        default=None,
        description="a word-form pattern with '*' and '?' wildcards (as in LIWC/quanteda).",
    )
    case_sensitive: bool = Field(
        default=False,
        description="the pattern matches the word as written, capitals included: 'OM' "
        "(Openbaar Ministerie), not the preposition 'om'.",
    )
    particle: str | None = Field(
        default=None,
        description="the separable particle of a verb: lemma 'aanpakken', particle 'aan'.",
    )
    compound: CompoundMode | None = Field(
        default=None,
        description="where the lemma counts inside a compound; default by word shape.",
    )
    exclude: tuple[Exclusion, ...] = ()
    require: tuple[Exclusion, ...] = Field(
        default=(),
        description="conditions that must all hold for a match to count (same fields as "
        "an exclusion): 'jongere' is a youth theme only next to a crime or nuisance word.",
    )
    label: str | None = Field(
        default=None,
        description="the entry's name in a report, as running Dutch names the subject "
        "('explosies' for lemma 'explosie'); no effect on matching.",
    )
    note: str = ""
    source: str = ""

    @model_validator(mode="before")
    @classmethod
    def _pattern_case(cls, data: Any) -> Any:
        """A pattern is lowercased like a lemma, unless it is ``case_sensitive``."""
        if isinstance(data, dict) and isinstance(data.get("pattern"), str):
            pattern = " ".join(data["pattern"].split())
            data = {**data, "pattern": pattern if data.get("case_sensitive") else pattern.lower()}
        return data

    @field_validator("label")
    @classmethod
    def _one_line(cls, v: str | None) -> str | None:
        if v is None:
            return None
        v = " ".join(v.split())
        if not v:
            raise ValueError("must not be empty (leave 'label' out for no label)")
        return v

    @field_validator("lemma", "particle")
    @classmethod
    def _lower(cls, v: str | None) -> str | None:
        if v is None:
            return None
        v = " ".join(v.lower().split())
        if not v:
            raise ValueError("must not be empty")
        return v

    @model_validator(mode="after")
    def _check_shape(self) -> Entry:
        if (self.lemma is None) == (self.pattern is None):
            raise ValueError("exactly one of 'lemma' or 'pattern' is required")
        if self.case_sensitive and self.pattern is None:
            raise ValueError("'case_sensitive' applies to a 'pattern' only")
        if self.pattern is not None:
            if not self.pattern:
                raise ValueError("pattern must not be empty")
            if not re.fullmatch(r"[\w\-'*? ]+", self.pattern):
                raise ValueError(
                    f"pattern {self.pattern!r} may hold letters, digits, '-', spaces, '*' and '?'"
                )
            if self.pattern.count("*") > 2:
                raise ValueError(f"pattern {self.pattern!r} has more than two '*' wildcards")
            if self.pattern.strip("* ") == "":
                raise ValueError(f"pattern {self.pattern!r} matches every word")
            if len(self.pattern) > MAX_PATTERN_LENGTH:
                raise ValueError(
                    f"pattern {self.pattern!r} is longer than {MAX_PATTERN_LENGTH} characters"
                )
            for word in self.pattern.split():
                if "**" in word or word == "*":
                    raise ValueError(
                        f"pattern {self.pattern!r}: {word!r} has adjacent or bare wildcards; "
                        "write one '*' next to letters"
                    )
                if "*" in word and len(word.replace("*", "")) < MIN_PATTERN_LETTERS:
                    raise ValueError(
                        f"pattern {self.pattern!r}: {word!r} needs at least "
                        f"{MIN_PATTERN_LETTERS} letters besides its wildcards"
                    )
        if self.particle is not None:
            if self.lemma is None or " " in self.lemma:
                raise ValueError("'particle' needs a single-word 'lemma'")
            if not self.lemma.startswith(self.particle) or len(self.lemma) <= len(self.particle):
                raise ValueError(
                    f"lemma {self.lemma!r} does not start with particle {self.particle!r}"
                )
        return self


class LexiconSpec(_Strict):
    """Checks a whole lexicon (:class:`textscan.lexicon.LexiconSpec`)."""

    name: str
    version: str
    type: LexiconType = "custom"
    language: str = "nl"
    description: str = ""
    source: str = ""
    negation: bool | None = None
    categories: tuple[Category, ...] = Field(min_length=1)
    entries: tuple[Entry, ...] = ()

    @field_validator("version", mode="before")
    @classmethod
    def _version_str(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v

    @model_validator(mode="after")
    def _cross_checks(self) -> LexiconSpec:
        problems = cross_problems(
            [c.id for c in self.categories], [(e.id, e.category) for e in self.entries]
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self


def validate(data: Any) -> dict[str, Any]:
    """The lexicon ``data`` (as YAML gave it) checked and normalised, as plain data.

    Raises :class:`pydantic.ValidationError` with every problem found.
    """
    return LexiconSpec.model_validate(data).model_dump()
