"""Parsing many documents at once, and expanding file arguments."""

from __future__ import annotations

import glob as _glob
import os
from pathlib import Path
from typing import Any, Iterable, List, Optional, Sequence, Union

from . import _core
from ._errors import ParseError
from .document import Document

Input = Union[str, bytes, "os.PathLike[str]"]


def parse_many(items: Iterable[Input], *, threads: Optional[int] = None, doc_ids: Optional[Sequence[Optional[str]]] = None,
               lang: Optional[str] = None, year: Optional[int] = None, lexicon: Any = None,
               errors: str = "return") -> List[Union[Document, ParseError]]:
    """Parse many texts or files in parallel, in C++, with the GIL released.

    An input is a ``str`` or ``bytes`` (the text itself) or an ``os.PathLike``
    (``pathlib.Path``: a file to read; its ``doc_id`` defaults to the file stem).
    Results come back in input order. ``threads`` is the number of C++ threads
    (default: one per core). ``errors`` says what happens to an input that cannot
    be parsed (invalid UTF-8, unreadable file):

    - ``"return"`` (default): its place in the list holds the ``ParseError``;
      the other documents are kept;
    - ``"skip"``: it is left out;
    - ``"raise"``: after all inputs are parsed, the first error is raised; its
      ``results`` attribute holds the full list (nothing is lost).

    >>> import reportx
    >>> docs = reportx.parse_many(["增长5%", b"bad \\xff", "GDP grew."], threads=2, doc_ids=["a", "b", "c"])
    >>> [d.doc_id if isinstance(d, reportx.Document) else type(d).__name__ for d in docs]
    ['a', 'ParseError', 'c']
    >>> docs[1].byte_offset
    4
    """
    if errors not in ("return", "skip", "raise"):
        raise ValueError("errors must be 'return', 'skip' or 'raise'")
    if isinstance(items, (str, bytes)):
        raise TypeError("parse_many takes a list of inputs, not one text")
    items = list(items)
    _warn_path_like_strings(items)
    raw = _core.parse_many(items, doc_ids=None if doc_ids is None else list(doc_ids), lang=lang, year=year,
                           lexicon=lexicon, threads=0 if threads is None else int(threads))
    options = {"lang": lang, "year": year, "lexicon": lexicon}
    out: List[Union[Document, ParseError]] = []
    first: Optional[ParseError] = None
    for r in raw:
        if isinstance(r, tuple):
            err = ParseError(*r)
            first = first or err
            if errors != "skip":
                out.append(err)
        else:
            out.append(Document(r, options))
    if errors == "raise" and first is not None:
        first.results = out  # type: ignore[attr-defined]
        raise first
    return out


def _warn_path_like_strings(items: List[Any]) -> None:
    for it in items[:1000]:
        if isinstance(it, str) and len(it) < 4096 and "\n" not in it and it.endswith((".txt", ".md")) \
                and os.path.isfile(it):
            import warnings

            warnings.warn(f"parse_many parses str items as texts, and {it!r} names a file: pass pathlib.Path "
                          "objects to read files", UserWarning, stacklevel=3)
            return


def expand_paths(args: Iterable[Union[str, "os.PathLike[str]"]], suffixes: Sequence[str] = (".txt", ".md")) -> List[str]:
    """File arguments as a list of paths: a directory gives its files with one of
    ``suffixes`` (sorted), a pattern with ``*``/``?``/``[`` is globbed (sorted),
    ``-`` (standard input) and plain paths are kept as given.

    >>> expand_paths(["-", "a.txt"])
    ['-', 'a.txt']
    """
    out: List[str] = []
    for a in args:
        s = os.fspath(a)
        if s == "-":
            out.append(s)
        elif os.path.isdir(s):
            out.extend(sorted(str(p) for p in Path(s).iterdir() if p.is_file() and p.suffix in suffixes))
        elif any(ch in s for ch in "*?["):
            matches = sorted(_glob.glob(s, recursive=True))
            if not matches:
                raise FileNotFoundError(f"{s}: no file matches")
            out.extend(matches)
        else:
            out.append(s)
    return out
