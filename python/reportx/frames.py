"""Tidy tables (pandas and Arrow) built from the columns the C++ core makes.

Every table has the contract's fields as columns (``spec/output-schema.md``), in the
contract's order, after a leading ``doc_id`` column when several documents are
stacked. ``_core.tables`` concatenates the documents' columns in C++ and hands over
numpy arrays, Arrow-style string buffers and dictionary-encoded categories, so no
Python object is made per row when pyarrow is installed.

dtypes (the same for every table):

==================  =========================================================
C++ column          pandas dtype (Arrow type)
==================  =========================================================
integer             ``Int64`` (int64) — ids, offsets, years; missing is <NA>
real                ``Float64`` (float64) — values; missing is <NA>
string              ``string`` (large_string)
string_list         ``string`` joined with ``|`` (large_string)
category            ``category`` (dictionary<int32, string>): enums, units,
                    metric and topic ids, ``doc_id``
==================  =========================================================

Enum columns (``bound``, ``kind``, ``direction``, ``severity``) have the contract's
fixed category list, so frames of different documents concatenate cleanly; other
categories (``unit``, ``metric_id``, ``doc_id``…) are sorted.

Ids join across tables within a document (``doc_id`` across documents):
``statements.block``/``topics.block``/``actions.block`` → ``blocks.id``;
``blocks.section``/``statements.section`` → ``sections.id``; ``sections.parent``
→ ``sections.id``; ``blocks.parent`` → ``blocks.id``; ``actions.topics`` holds
``topics.id`` values.

>>> import reportx
>>> doc = reportx.parse("I. Review\\nGDP grew.\\n", lang="en", doc_id="d")
>>> df = doc.to_pandas("blocks")
>>> list(df.columns[:3])
['doc_id', 'id', 'section']
>>> str(df["kind"].dtype), str(df["start"].dtype)
('category', 'Int64')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Sequence

import numpy as np

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa

    from .document import Document

#: The contract's closed vocabularies: these columns keep all their categories.
ENUMS: Dict[str, List[str]] = {
    "blocks.kind": ["heading", "paragraph", "item", "meta"],
    "statements.bound": ["exact", "approx", "min", "max", "range", "none"],
    "statements.direction": ["increase", "decrease", "level"],
    "statements.kind": ["target", "outcome", "other"],
    "diagnostics.severity": ["info", "warning", "error"],
}

#: C++ column type -> pandas dtype name.
PANDAS_DTYPES = {"integer": "Int64", "real": "Float64", "string": "string", "string_list": "string",
                 "category": "category"}


def table_names() -> List[str]:
    """The tables every document has (``sections``, ``blocks``, ``statements``…)."""
    return list(_core.table_names())


def _need(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"this reportx feature needs {module}; install it with "
                          f"`pip install 'reportx[{extra}]'` (or `pip install {module}`)") from exc


def _have(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _cores(docs: Iterable["Document"]) -> list:
    from .document import Document

    out = []
    for d in docs:
        if isinstance(d, Document):
            out.append(d._core)
        elif isinstance(d, _core.Document):
            out.append(d)
        else:
            raise TypeError(f"expected reportx.Document, got {type(d).__name__} "
                            "(parse_many returns ParseError items for inputs that failed; drop them first)")
    return out


def raw_columns(docs: Sequence["Document"], table: str, doc_id: bool = True) -> Dict[str, tuple]:
    """The C++ columns of ``table`` over ``docs``: {name: (type, values, valid)}."""
    if table not in _core.table_names():
        raise ValueError(f"unknown table {table!r}; tables are: {', '.join(_core.table_names())}")
    return _core.tables(_cores(docs), table, doc_id=doc_id)


def _sorted_categories(table: str, name: str, codes: np.ndarray, cats: List[str]):
    """Recode so that categories are the enum's fixed list, or sorted."""
    fixed = ENUMS.get(f"{table}.{name}")
    if fixed is not None:
        order = list(fixed) + sorted(c for c in cats if c not in fixed)
    else:
        order = sorted(cats)
    if not cats:
        return codes, order
    pos = {c: i for i, c in enumerate(order)}
    remap = np.array([pos[c] for c in cats] + [-1], dtype=np.int32)
    return remap[codes], order  # codes == -1 picks the trailing -1


def _strings_to_list(offsets: np.ndarray, data: bytes, valid: np.ndarray) -> List[Any]:
    # Fallback without pyarrow: one str per row is unavoidable for object storage.
    off = offsets.tolist()
    return [data[off[i]:off[i + 1]].decode("utf-8") if ok else None for i, ok in enumerate(valid.tolist())]


def _arrow_strings(pa: Any, offsets: np.ndarray, data: bytes, valid: np.ndarray) -> Any:
    n = len(valid)
    nulls = int(n - valid.sum())
    bitmap = pa.array(valid, type=pa.bool_()).buffers()[1] if nulls else None
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data), bitmap, nulls)


def to_arrow(docs: Sequence["Document"], table: str = "statements", doc_id: bool = True) -> "pa.Table":
    """One Arrow table over ``docs`` (see the module docstring for the types).

    >>> import reportx
    >>> t = reportx.parse("I. Review\\nGDP grew.\\n", lang="en").to_arrow("blocks")
    >>> t.schema.field("kind").type
    DictionaryType(dictionary<values=string, indices=int32, ordered=0>)
    """
    pa = _need("pyarrow", "pandas")
    cols = raw_columns(docs, table, doc_id)
    arrays, names = [], []
    for name, (kind, values, valid) in cols.items():
        if kind in ("integer", "real"):
            arr = pa.array(values, mask=~valid)
        elif kind == "category":
            codes, cats = _sorted_categories(table, name, *values)
            arr = pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0, type=pa.int32()),
                                                 pa.array(cats, type=pa.string()))
        else:
            arr = _arrow_strings(pa, values[0], values[1], valid)
        arrays.append(arr)
        names.append(name)
    return pa.Table.from_arrays(arrays, names=names)


def to_pandas(docs: Sequence["Document"], table: str = "statements", doc_id: bool = True) -> "pd.DataFrame":
    """One tidy DataFrame over ``docs``, with a leading ``doc_id`` column.

    >>> import reportx
    >>> docs = [reportx.parse("I. Review\\nGDP grew.\\n", lang="en", doc_id=n) for n in ("a", "b")]
    >>> df = reportx.to_pandas(docs, "blocks")
    >>> df.groupby("doc_id", observed=True).size().to_dict()
    {'a': 2, 'b': 2}
    """
    pd = _need("pandas", "pandas")
    cols = raw_columns(docs, table, doc_id)
    pa = _need("pyarrow", "pandas") if _have("pyarrow") else None
    data: Dict[str, Any] = {}
    for name, (kind, values, valid) in cols.items():
        if kind == "integer":
            data[name] = pd.arrays.IntegerArray(values, ~valid)
        elif kind == "real":
            data[name] = pd.arrays.FloatingArray(values, ~valid)
        elif kind == "category":
            codes, cats = _sorted_categories(table, name, *values)
            data[name] = pd.Categorical.from_codes(codes, categories=pd.Index(cats, dtype=object))
        elif pa is not None:
            data[name] = pd.array(_arrow_strings(pa, values[0], values[1], valid), dtype=pd.StringDtype("pyarrow"))
        else:
            data[name] = pd.array(_strings_to_list(values[0], values[1], valid), dtype="string")
    n = len(next(iter(cols.values()))[2]) if cols else 0
    return pd.DataFrame(data, index=pd.RangeIndex(n))


def empty_frame(table: str = "statements", doc_id: bool = True) -> "pd.DataFrame":
    """A zero-row frame with ``table``'s columns and dtypes (Dask's ``meta``)."""
    return to_pandas([], table, doc_id)
