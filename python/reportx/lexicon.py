"""User lexicons: extend or replace the built-in topics, verbs, modifiers, metrics...

Every lexicon reportx uses is data in one format (``data/lexicon/README.md``)::

    kind <TAB> id <TAB> label <TAB> weight <TAB> aliases [<TAB> expands]

``load_lexicon`` reads a file in that format, or the same entries as Python data,
and returns the built-in lexicon extended with them (or, with ``replace=True``,
with every kind they define taken from them alone). Pass the result to
``reportx.parse(..., lexicon=lex)``.

>>> import reportx
>>> lex = reportx.load_lexicon({"topic": [{"id": "energy.geothermal", "label": "geothermal",
...                                         "aliases": ["geothermal", "地热"]}]})
>>> [t.id for t in reportx.parse("Develop geothermal energy.", lexicon=lex).topics]
['energy.geothermal']
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, List, Mapping, Union

from . import _core
from ._errors import LexiconError

Lexicon = _core.Lexicon

#: A row: {"kind", "id", "label"?, "weight"?, "aliases", "expands"?}
Entry = Mapping[str, Any]
Source = Union[str, "os.PathLike[str]", Mapping[str, Iterable[Entry]], Iterable[Entry], "_core.Lexicon"]

_FIELDS = ("kind", "id", "label", "weight", "aliases", "expands")


def load_lexicon(source: Source, *, replace: bool = False) -> "_core.Lexicon":
    """The built-in lexicon plus ``source``'s entries.

    ``source`` is one of:

    - a path to a lexicon file (``.tsv``, the format above);
    - a dict of kinds: ``{"topic": [{"id": "energy.geothermal", "label": "geothermal",
      "aliases": ["geothermal", "地热"]}], "verb": [...]}``;
    - a list of rows, each with its ``kind``: ``[{"kind": "modifier", "id": "boldly",
      "weight": 0.8, "aliases": ["boldly"]}]``;
    - a ``reportx.Lexicon``.

    ``aliases`` and ``expands`` are lists of strings (a string is split at ``|``, as
    in the file). User entries come first, so where a user alias equals a built-in
    one the user's entry wins. With ``replace=True`` every kind that ``source``
    defines replaces the built-in entries of that kind (e.g. your own taxonomy
    instead of the built-in topics); other kinds stay built in.

    Raises ``reportx.LexiconError`` naming the file (or ``<dict>``), the line (or
    the entry's position) and the problem.
    """
    user = _as_lexicon(source)
    return Lexicon.builtin().merged(user, replace)


def _as_lexicon(source: Source) -> "_core.Lexicon":
    if isinstance(source, Lexicon):
        return source
    if isinstance(source, (str, bytes, os.PathLike)):
        path = os.fsdecode(source)
        if not os.path.isfile(path):
            raise LexiconError(f"{path}:0: no such lexicon file", path, 0, "no such lexicon file")
        return Lexicon.from_file(path)
    if isinstance(source, Mapping):
        rows: List[Dict[str, Any]] = []
        for kind, entries in source.items():
            if isinstance(entries, (str, bytes, Mapping)) or not isinstance(entries, Iterable):
                raise LexiconError(f"<dict>:0: kind {kind!r} must map to a list of entries",
                                   "<dict>", 0, f"kind {kind!r} must map to a list of entries")
            for i, e in enumerate(entries):
                row = _check_row(e, f"{kind}[{i}]", len(rows) + 1)
                if "kind" in row and row["kind"] != kind:
                    problem = f"entry {kind}[{i}] says kind {row['kind']!r} inside {kind!r}"
                    raise LexiconError(f"<dict>:{len(rows) + 1}: {problem}", "<dict>", len(rows) + 1, problem)
                row["kind"] = kind
                rows.append(row)
        return _from_rows(rows)
    if isinstance(source, Iterable):
        rows = [_check_row(e, f"entry {i}", i + 1) for i, e in enumerate(source)]
        return _from_rows(rows)
    raise TypeError(f"load_lexicon: expected a path, a dict, a list of entries or a Lexicon, not {type(source).__name__}")


def _split(value: Any, field: str, label: str, line: int) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|")]
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        out = []
        for v in value:
            if not isinstance(v, str):
                problem = f"{label}: every item of {field!r} must be a string, got {type(v).__name__}"
                raise LexiconError(f"<dict>:{line}: {problem}", "<dict>", line, problem)
            out.append(v)
        return out
    problem = f"{label}: {field!r} must be a list of strings or a '|'-separated string"
    raise LexiconError(f"<dict>:{line}: {problem}", "<dict>", line, problem)


def _check_row(e: Any, label: str, line: int) -> Dict[str, Any]:
    def fail(problem: str) -> LexiconError:
        return LexiconError(f"<dict>:{line}: {problem}", "<dict>", line, problem)

    if not isinstance(e, Mapping):
        raise fail(f"{label} must be a dict, got {type(e).__name__}")
    unknown = sorted(set(e) - set(_FIELDS))
    if unknown:
        raise fail(f"{label} has unknown field(s) {', '.join(map(repr, unknown))} (known: {', '.join(_FIELDS)})")
    row: Dict[str, Any] = {}
    for key in ("kind", "id", "label"):
        if key in e and e[key] is not None:
            if not isinstance(e[key], str):
                raise fail(f"{label}: {key!r} must be a string")
            row[key] = e[key]
    if "id" not in row or not row["id"].strip():
        raise fail(f"{label} has no 'id'")
    w = e.get("weight")
    if w is not None and w != "-":
        try:
            row["weight"] = float(w)
        except (TypeError, ValueError):
            raise fail(f"{label}: weight {w!r} is not a number") from None
    row["aliases"] = _split(e.get("aliases"), "aliases", label, line)
    if not row["aliases"]:
        raise fail(f"entry '{row['id']}' ({label}) has no aliases")
    row["expands"] = _split(e.get("expands"), "expands", label, line)
    return row


def _from_rows(rows: List[Dict[str, Any]]) -> "_core.Lexicon":
    # The C++ side validates again (kind spelling, empty aliases, UTF-8) and reports
    # the row's 1-based position as the line.
    return Lexicon.from_entries(rows)
