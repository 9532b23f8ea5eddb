"""Errors raised by reportx."""

from __future__ import annotations


class ParseError(ValueError):
    """Input that cannot become a document (invalid UTF-8, unreadable file).

    Carries the position of the problem: ``byte_offset`` (0-based, into the UTF-8
    bytes), ``line`` and ``column`` (1-based, column in code points).
    """

    def __init__(self, message: str, byte_offset: int = 0, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.byte_offset = byte_offset
        self.line = line
        self.column = column

    def __reduce__(self):
        return (type(self), (str(self), self.byte_offset, self.line, self.column))


class LexiconError(ValueError):
    """A lexicon file or dict that cannot be read; names the file, line and problem."""

    def __init__(self, message: str, file: str = "", line: int = 0, problem: str = "") -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.problem = problem

    def __reduce__(self):
        return (type(self), (str(self), self.file, self.line, self.problem))
