"""textscan's own exceptions. The CLI turns them into messages and exit codes."""

from __future__ import annotations


class TextscanError(Exception):
    """Base class of every error textscan raises on purpose."""

    kind = "error"


class InputError(TextscanError):
    """A file cannot be read as a document (missing, wrong type, undecodable...)."""

    kind = "input"

    def __init__(self, path: str, message: str, *, kind: str = "input") -> None:
        self.path = str(path)
        self.message = message
        self.kind = kind
        super().__init__(f"{self.path}: {message}")


class ExtractionError(InputError):
    """The file was recognised but its text could not be extracted."""

    def __init__(self, path: str, message: str, *, kind: str = "extraction") -> None:
        super().__init__(path, message, kind=kind)


class LexiconError(TextscanError):
    """A lexicon file is malformed. The message names the file and the place."""

    kind = "lexicon"

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = [f"{source}: {p}" for p in problems]
        super().__init__("\n".join(lines))
