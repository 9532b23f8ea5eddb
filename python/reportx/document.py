"""The Python view of a parsed document.

Offsets are code points (``doc.text[item.start:item.end] == item.text``); the C++
core keeps bytes and converts once per table.
"""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any, Dict, List, Optional

from . import _core

TABLES = ("sections", "blocks", "statements", "topics", "actions", "diagnostics")


class Item(SimpleNamespace):
    """One row of a table as an object with attribute access (``s.value``, ``b.text``)."""

    def to_dict(self) -> Dict[str, Any]:
        return dict(vars(self))


def _rows(columns: Dict[str, tuple]) -> List[Item]:
    names = list(columns)
    if not names:
        return []
    data = []
    for name in names:
        kind, values, valid = columns[name]
        if kind in ("integer", "real"):
            values = values.tolist()
        data.append([v if ok else None for v, ok in zip(values, valid.tolist())])
    return [Item(**dict(zip(names, row))) for row in zip(*data)]


class Document:
    """A parsed report: metadata, sections, blocks, statements, topics, actions.

    >>> import reportx
    >>> doc = reportx.parse("I. Review\\nGDP grew.\\n", lang="en")
    >>> doc.lang
    'en'
    """

    __slots__ = ("_core", "_text", "_cache")

    def __init__(self, core: "_core.Document") -> None:
        self._core = core
        self._text: Optional[str] = None
        self._cache: Dict[str, List[Item]] = {}

    # --- metadata -----------------------------------------------------------
    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._core.text
        return self._text

    doc_id = property(lambda self: self._core.doc_id)
    source = property(lambda self: self._core.source)
    lang = property(lambda self: self._core.lang)
    title = property(lambda self: self._core.title)
    date = property(lambda self: self._core.date)
    year = property(lambda self: self._core.year)

    # --- items ----------------------------------------------------------------
    def _items(self, name: str) -> List[Item]:
        if name not in self._cache:
            self._cache[name] = _rows(_core.table(self._core, name))
        return self._cache[name]

    sections = property(lambda self: self._items("sections"))
    blocks = property(lambda self: self._items("blocks"))
    statements = property(lambda self: self._items("statements"))
    topics = property(lambda self: self._items("topics"))
    actions = property(lambda self: self._items("actions"))
    diagnostics = property(lambda self: self._items("diagnostics"))

    # --- serialization ----------------------------------------------------------
    def to_json(self, indent: Optional[int] = None) -> str:
        """The document as JSON per the output contract (schema ``reportx/1``)."""
        return self._core.to_json(-1 if indent is None else indent)

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self._core.to_json(-1))

    def __repr__(self) -> str:
        return (f"<reportx.Document {self.doc_id or ''!s} lang={self.lang} year={self.year} "
                f"sections={len(self.sections)} blocks={len(self.blocks)} statements={len(self.statements)}>")
