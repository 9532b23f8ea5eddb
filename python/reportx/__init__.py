"""reportx: policy texts into data.

>>> import reportx
>>> doc = reportx.parse("Point 1: GDP growth of around 5%.", lang="en")
>>> doc.lang
'en'
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterable, Optional, Union

try:
    from . import _core
except ImportError as exc:  # pragma: no cover - a broken install
    raise ImportError(
        "reportx's compiled module is missing; install the package with `pip install .` "
        "rather than importing it from the source tree"
    ) from exc

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

from ._errors import LexiconError, ParseError
from .document import Document
from .lexicon import load_lexicon

__version__ = _core.__version__
SCHEMA = _core.SCHEMA
Lexicon = _core.Lexicon

__all__ = ["Document", "Lexicon", "LexiconError", "ParseError", "SCHEMA", "parse", "parse_file", "__version__"]
__all__ += ["load_lexicon"]


def parse(text: str, *, doc_id: Optional[str] = None, lang: Optional[str] = None,
          year: Optional[int] = None, lexicon: Optional[Lexicon] = None) -> Document:
    """Parse a report given as text.

    ``lang`` ("en" or "zh") and ``year`` (what "this year" means) override what the
    text says; ``lexicon`` replaces the built-in lexicon (see ``Lexicon``).
    """
    if isinstance(text, bytearray):
        text = bytes(text)  # bytes go to C++ as they are: it validates UTF-8 and raises ParseError
    return Document(_core.parse(text, doc_id=doc_id, lang=lang, year=year, lexicon=lexicon),
                    {"lang": lang, "year": year, "lexicon": lexicon})


def parse_file(path: Union[str, "os.PathLike[str]"], *, doc_id: Optional[str] = None, lang: Optional[str] = None,
               year: Optional[int] = None, lexicon: Optional[Lexicon] = None) -> Document:
    """Read and parse a UTF-8 file; ``doc_id`` defaults to the file name without extension."""
    return Document(_core.parse_file(os.fspath(path), doc_id=doc_id, lang=lang, year=year, lexicon=lexicon),
                    {"lang": lang, "year": year, "lexicon": lexicon})


# --- the data-science surface: batches, tables, comparison -----------------------------
from .batch import parse_many  # noqa: E402
from .frames import table_names  # noqa: E402
from .compare import compare  # noqa: E402  (binds the function over the submodule's name)

__all__ += ["parse_many", "to_pandas", "to_arrow", "compare", "table_names"]


def to_pandas(docs: Iterable[Document], table: str = "statements") -> "pandas.DataFrame":
    """One tidy pandas DataFrame of ``table`` over many documents, with a leading
    ``doc_id`` column (see ``reportx.frames`` for columns and dtypes).

    >>> import reportx
    >>> docs = reportx.parse_many(["I. A\\nB.\\n", "C.\\n"], doc_ids=["x", "y"], lang="en")
    >>> reportx.to_pandas(docs, "blocks")["doc_id"].tolist()
    ['x', 'x', 'y']
    """
    from .frames import to_pandas as _to_pandas

    return _to_pandas(list(docs), table)


to_frame = to_pandas  # the name STYLE.md uses


def to_arrow(docs: Iterable[Document], table: str = "statements") -> "pyarrow.Table":
    """Like ``to_pandas`` but a ``pyarrow.Table``."""
    from .frames import to_arrow as _to_arrow

    return _to_arrow(list(docs), table)

