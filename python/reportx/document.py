"""The Python view of a parsed document.

Offsets are code points (``doc.text[item.start:item.end] == item.text``); the C++
core keeps bytes and converts once per table.
"""

from __future__ import annotations

import copyreg
import json
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa


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


def _rebuild(text: str, doc_id: Optional[str], source: Optional[str], options: Dict[str, Any]) -> "Document":
    core = _core.parse(text, doc_id=doc_id, source=source, **options)
    return Document(core, options)


class Document:
    """A parsed report: metadata, sections, blocks, statements, topics, actions.

    Items (``doc.statements``…) are small objects for browsing; ``to_pandas`` and
    ``to_arrow`` give whole tables. A Document pickles as its text and parse
    options and is parsed again on unpickling (for multiprocessing and Dask).

    >>> import pickle, reportx
    >>> doc = reportx.parse("I. Review\\nGDP grew.\\n", lang="en", doc_id="d")
    >>> doc.lang, doc.doc_id
    ('en', 'd')
    >>> pickle.loads(pickle.dumps(doc)).to_json() == doc.to_json()
    True
    """

    __slots__ = ("_core", "_text", "_cache", "_options")

    def __init__(self, core: "_core.Document", options: Optional[Dict[str, Any]] = None) -> None:
        self._core = core
        self._text: Optional[str] = None
        self._cache: Dict[str, List[Item]] = {}
        self._options: Dict[str, Any] = {k: v for k, v in (options or {}).items() if v is not None}

    # --- metadata -----------------------------------------------------------
    @property
    def text(self) -> str:
        """The original input text."""
        if self._text is None:
            self._text = self._core.text
        return self._text

    doc_id = property(lambda self: self._core.doc_id, doc="The caller's id, else the file name without extension.")
    source = property(lambda self: self._core.source, doc="The path read, None for text passed in memory.")
    lang = property(lambda self: self._core.lang, doc='"en" or "zh".')
    title = property(lambda self: self._core.title, doc="The title line, or None.")
    date = property(lambda self: self._core.date, doc='"YYYY-MM-DD" or None.')
    year = property(lambda self: self._core.year, doc='The year "this year" means, or None.')

    def counts(self) -> Dict[str, int]:
        """Items per table, without building any table.

        >>> import reportx
        >>> reportx.parse("I. Review\\nGDP grew.\\n", lang="en").counts()["blocks"]
        2
        """
        return dict(self._core.counts())

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

    @property
    def targets(self) -> List[Item]:
        """The statements whose ``kind`` is ``target``."""
        return [s for s in self.statements if s.kind == "target"]

    # --- tables -------------------------------------------------------------------
    def to_pandas(self, table: str = "statements") -> "pd.DataFrame":
        """One table as a tidy DataFrame (columns: ``doc_id`` then the contract's fields).

        ``table`` is one of ``reportx.table_names()``: statements, sections, blocks,
        topics, actions, diagnostics. See ``reportx.frames`` for the dtypes.

        >>> import reportx
        >>> df = reportx.parse("I. Review\\nGDP grew.\\n", lang="en").to_pandas("blocks")
        >>> df[["kind", "text"]].to_dict("records")[1]
        {'kind': 'paragraph', 'text': 'GDP grew.'}
        """
        from .frames import to_pandas

        return to_pandas([self], table)

    to_frame = to_pandas

    def to_arrow(self, table: str = "statements") -> "pa.Table":
        """One table as a ``pyarrow.Table`` with the same columns as ``to_pandas``."""
        from .frames import to_arrow

        return to_arrow([self], table)

    # --- serialization ----------------------------------------------------------
    def to_json(self, indent: Optional[int] = None) -> str:
        """The document as JSON per the output contract (schema ``reportx/1``)."""
        return self._core.to_json(-1 if indent is None else indent)

    def to_dict(self) -> Dict[str, Any]:
        """The document as a dict per the output contract."""
        return json.loads(self._core.to_json(-1))

    def to_html(self, path: Optional[str] = None) -> str:
        """A self-contained HTML page of the whole text with statements, metrics,
        topics and actions highlighted and labelled; written to ``path`` if given.

        >>> import reportx
        >>> page = reportx.parse("I. Review\\nGDP <grew>.\\n", lang="en").to_html()
        >>> "GDP &lt;grew&gt;." in page
        True
        """
        from .html import to_html

        page = to_html(self)
        if path is not None:
            with open(path, "w", encoding="utf-8") as f:
                f.write(page)
        return page

    def _repr_html_(self) -> str:
        from .html import summary_html

        return summary_html(self)

    def __reduce__(self):
        return (_rebuild, (self.text, self.doc_id, self.source, dict(self._options)))

    def __repr__(self) -> str:
        c = self._core.counts()
        return (f"<reportx.Document {self.doc_id or ''!s} lang={self.lang} year={self.year} "
                f"sections={c['sections']} blocks={c['blocks']} statements={c['statements']}>")


def _pickle_lexicon(lex: "_core.Lexicon"):
    entries = [{k: e[k] for k in ("kind", "id", "label", "weight", "aliases", "expands")} for e in lex.entries()]
    return (_lexicon_from_entries, (entries,))


def _lexicon_from_entries(entries: List[Dict[str, Any]]) -> "_core.Lexicon":
    return _core.Lexicon.from_entries(entries)


copyreg.pickle(_core.Lexicon, _pickle_lexicon)
