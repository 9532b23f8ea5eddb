"""Dask DataFrames of reportx tables, parsed on the workers.

>>> import reportx.dask as rxd                                  # doctest: +SKIP
>>> df = rxd.read_statements("corpus/gwr-*-zh.txt")              # doctest: +SKIP
>>> df[df.kind == "target"].groupby("metric_id").size().compute()  # doctest: +SKIP

Each partition is ``files_per_partition`` files (default 1), read and parsed on a
worker with ``reportx.parse_many``; the driver only lists the files. The frames have
the same columns and dtypes as ``reportx.to_pandas`` (given to Dask as ``meta``);
categorical columns whose categories depend on the data (``doc_id``, ``unit``,
``metric_id``…) are declared with unknown categories. A file that cannot be parsed
fails its partition with ``reportx.ParseError``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Union

from .batch import expand_paths
from .frames import ENUMS, _need, empty_frame

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd
    import pandas as pd

PathsOrGlob = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]


def _paths(paths_or_glob: PathsOrGlob) -> List[str]:
    if isinstance(paths_or_glob, (str, os.PathLike)):
        paths_or_glob = [paths_or_glob]
    paths = [os.path.abspath(p) for p in expand_paths(paths_or_glob)]
    if not paths:
        raise FileNotFoundError(f"no files in {paths_or_glob!r}")
    return paths


def _meta(table: str) -> "pd.DataFrame":
    meta = empty_frame(table)
    from dask.dataframe.utils import clear_known_categories

    data_dependent = [c for c in meta.columns
                      if str(meta[c].dtype) == "category" and f"{table}.{c}" not in ENUMS]
    return clear_known_categories(meta, cols=data_dependent) if data_dependent else meta


def _parse_partition(group: Sequence[str], table: str, lang: Optional[str], year: Optional[int],
                     lexicon: Any = None) -> "pd.DataFrame":
    from . import parse_many
    from .frames import to_pandas

    docs = parse_many([Path(p) for p in group], threads=1, lang=lang, year=year, lexicon=lexicon, errors="raise")
    return to_pandas(docs, table)


def read_table(paths_or_glob: PathsOrGlob, table: str = "statements", *, files_per_partition: int = 1,
               lang: Optional[str] = None, year: Optional[int] = None, lexicon: Any = None) -> "dd.DataFrame":
    """One reportx table over many files as a Dask DataFrame (see the module docs).

    ``lang``, ``year`` and ``lexicon`` are passed to the parser (a lexicon is pickled
    to the workers)."""
    dd = _need("dask.dataframe", "dask")
    paths = _paths(paths_or_glob)
    n = max(1, int(files_per_partition))
    groups = [tuple(paths[i:i + n]) for i in range(0, len(paths), n)]
    return dd.from_map(_parse_partition, groups, table=table, lang=lang, year=year, lexicon=lexicon, meta=_meta(table),
                       label=f"reportx-{table}", enforce_metadata=False)


def read_statements(paths_or_glob: PathsOrGlob, **kwargs: Any) -> "dd.DataFrame":
    """The statements of many files as a Dask DataFrame, parsed on the workers."""
    return read_table(paths_or_glob, "statements", **kwargs)


def read_topics(paths_or_glob: PathsOrGlob, **kwargs: Any) -> "dd.DataFrame":
    """The topic mentions of many files as a Dask DataFrame, parsed on the workers."""
    return read_table(paths_or_glob, "topics", **kwargs)


def read_actions(paths_or_glob: PathsOrGlob, **kwargs: Any) -> "dd.DataFrame":
    """The policy actions of many files as a Dask DataFrame, parsed on the workers."""
    return read_table(paths_or_glob, "actions", **kwargs)


__all__ = ["read_table", "read_statements", "read_topics", "read_actions"]
