"""The `reportx` command line.

::

    reportx parse FILE... [--format json|jsonl|csv|table] [--table NAME]
    reportx compare FILE... [--metric ID] [--format table|csv|jsonl]
    reportx html FILE [-o out.html]

FILE may be ``-`` (standard input), a directory (its ``*.txt``/``*.md`` files) or a
glob pattern. Errors go to standard error and the exit status is non-zero; the
documents that could be parsed are still printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple

from . import ParseError, parse, parse_many
from .batch import expand_paths
from .document import Document

PROGRESS_MIN_FILES = 20
_CHUNK = 8


class _Failed(Exception):
    pass


def _err(msg: str) -> None:
    print(f"reportx: {msg}", file=sys.stderr)


class _Progress:
    """A one-line progress bar on stderr, only for a terminal or a long run."""

    def __init__(self, total: int, enabled: Optional[bool] = None) -> None:
        self.total = total
        self.done = 0
        tty = getattr(sys.stderr, "isatty", lambda: False)()
        self.enabled = (tty or total > PROGRESS_MIN_FILES) if enabled is None else enabled
        self.enabled = self.enabled and total > 1

    def update(self, n: int) -> None:
        self.done += n
        if self.enabled:
            width = 30
            filled = width * self.done // max(self.total, 1)
            end = "\n" if self.done >= self.total else ""
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files{end}")
            sys.stderr.flush()


def load(files: Sequence[str], lang: Optional[str] = None, year: Optional[int] = None, threads: Optional[int] = None,
         progress: Optional[bool] = None) -> Tuple[List[Document], int]:
    """Parse the command line's FILE arguments; returns (documents, number of failures).

    Failures are reported on stderr; the other documents are kept, in order.
    """
    return _load_paths(expand_paths(files), lang, year, threads, progress)


def _load_paths(paths: Sequence[str], lang: Optional[str], year: Optional[int], threads: Optional[int],
                progress: Optional[bool] = None) -> Tuple[List[Document], int]:
    """``load`` on arguments already expanded by ``expand_paths``."""
    bar = _Progress(len(paths), progress)
    # Batches only feed the progress bar; without it, all files go to one parse_many call.
    chunk = _CHUNK * max(threads or os.cpu_count() or 2, 1) if bar.enabled else len(paths)
    docs: List[Document] = []
    failures = 0
    i = 0
    while i < len(paths):
        if paths[i] == "-":
            data = sys.stdin.buffer.read()
            try:
                docs.append(parse(data, doc_id="stdin", lang=lang, year=year))
            except ParseError as e:
                _err(f"-: {e}")  # standard input is named as given
                failures += 1
            bar.update(1)
            i += 1
            continue
        j = i
        while j < len(paths) and paths[j] != "-" and j - i < chunk:
            j += 1
        for r in parse_many([Path(p) for p in paths[i:j]], threads=threads, lang=lang, year=year):
            if isinstance(r, ParseError):
                _err(str(r))
                failures += 1
            else:
                docs.append(r)
        bar.update(j - i)
        i = j
    return docs, failures


# --- plain tables (no pandas needed) ---------------------------------------------------
def table_rows(docs: Sequence[Document], table: str) -> Tuple[List[str], List[List[Any]]]:
    """A table over ``docs`` as (column names, rows of Python values); None for nulls."""
    from .frames import _strings_to_list, raw_columns

    cols = raw_columns(list(docs), table)
    names = list(cols)
    data = []
    for name in names:
        kind, values, valid = cols[name]
        ok = valid.tolist()
        if kind in ("integer", "real"):
            vals = values.tolist()
        elif kind == "category":
            codes, cats = values
            vals = [cats[c] if c >= 0 else None for c in codes.tolist()]
        else:
            vals = _strings_to_list(values[0], values[1], valid)
        data.append([v if good else None for v, good in zip(vals, ok)])
    return names, [list(r) for r in zip(*data)]


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.12g}"
    return str(v)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in s)


def _clip(s: str, limit: int) -> str:
    s = " ".join(s.split())
    if _width(s) <= limit:
        return s
    out, w = [], 0
    for ch in s:
        cw = _width(ch)
        if w + cw > limit - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"


def format_table(names: Sequence[str], rows: Sequence[Sequence[Any]], limit: int = 48) -> str:
    """Rows as an aligned text table (CJK characters count two columns).

    >>> print(format_table(["a", "metric"], [[1, "国内生产总值"], [22, "GDP"]]))
    a   metric
    --  ------------
    1   国内生产总值
    22  GDP
    """
    cells = [[_clip(_cell(v), limit) for v in r] for r in rows]
    widths = [max([_width(n)] + [_width(r[i]) for r in cells]) for i, n in enumerate(names)]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float)) or r[i] is None for r in rows)
               for i in range(len(names))]

    def line(vals: Sequence[str], right: bool = True) -> str:
        parts = []
        for i, v in enumerate(vals):
            pad = " " * (widths[i] - _width(v))
            parts.append(pad + v if numeric[i] and right else v + pad)
        return "  ".join(parts).rstrip()

    head = [line(list(names), right=False), line(["-" * w for w in widths], right=False)]
    return "\n".join(head + [line(r) for r in cells])


STATEMENT_VIEW = ("id", "kind", "metric_id", "metric", "text", "value", "low", "high", "unit", "bound", "direction",
                  "period")


def _doc_header(d: Document) -> str:
    c = d.counts()
    title = d.title or "(no title line)"
    return (f"# {d.doc_id or '-'}: {_clip(title, 70)}\n"
            f"  lang {d.lang} · date {d.date or '-'} · year {d.year or '-'} · {c['sections']} sections · "
            f"{c['blocks']} blocks · {c['statements']} statements · {c['topics']} topics · {c['actions']} actions"
            f" · {c['diagnostics']} diagnostics")


def _print_table(docs: Sequence[Document], table: str, out) -> None:
    for d in docs:
        out.write(_doc_header(d) + "\n")
    names, rows = table_rows(docs, table)
    if table == "statements":
        keep = [i for i, n in enumerate(names) if n in STATEMENT_VIEW or (n == "doc_id" and len(docs) > 1)]
        names = [names[i] for i in keep]
        rows = [[r[i] for i in keep] for r in rows]
    elif len(docs) <= 1:
        names, rows = names[1:], [r[1:] for r in rows]
    out.write("\n")
    if rows:
        out.write(format_table(names, rows) + "\n")
    else:
        out.write(f"(no {table})\n")


def _write_csv(names: Sequence[str], rows: Sequence[Sequence[Any]], out) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(names)
    for r in rows:
        w.writerow([_cell(v) for v in r])


# --- commands ---------------------------------------------------------------------------
def _cmd_parse(args) -> int:
    paths = expand_paths(args.files)
    docs, failures = _load_paths(paths, args.lang, args.year, args.threads)
    out = sys.stdout
    if args.format == "jsonl":
        for d in docs:
            out.write(d.to_json() + "\n")
    elif args.format == "json":
        if len(docs) == 1 and len(paths) == 1:
            out.write(docs[0].to_json(indent=2) + "\n")
        elif docs or not failures:
            out.write("[\n" + ",\n".join(d.to_json(indent=2) for d in docs) + "\n]\n")
    elif args.format == "csv":
        names, rows = table_rows(docs, args.table)
        _write_csv(names, rows, out)
    else:
        _print_table(docs, args.table, out)
    return 1 if failures else 0


def _cmd_compare(args) -> int:
    from .compare import compare

    docs, failures = load(args.files, args.lang, args.year, args.threads)
    try:
        df = compare(docs, metrics=args.metric or None)
    except ImportError as e:
        _err(str(e))
        return 1
    if args.format == "csv":
        df.to_csv(sys.stdout, index=False)
    elif args.format == "jsonl":
        for rec in json.loads(df.to_json(orient="records", force_ascii=False)):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        cols = ["metric_id", "year", "doc_id", "text", "value", "low", "high", "unit", "bound", "change",
                "bound_change", "outcome_value", "gap"]
        if df["series"].nunique() > 1:
            cols.insert(0, "series")
        rows = [[None if _isna(v) else v for v in r] for r in df[cols].itertuples(index=False)]
        sys.stdout.write(format_table(cols, rows) + "\n" if rows else "(no targets with a metric_id)\n")
    return 1 if failures else 0


def _isna(v: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(v))
    except (ImportError, TypeError, ValueError):
        return v is None


def _cmd_html(args) -> int:
    docs, failures = load([args.file], args.lang, args.year, progress=False)
    if failures or not docs:
        return 1
    if len(docs) > 1:
        _err(f"{args.file}: html takes one document, got {len(docs)}")
        return 2
    page = docs[0].to_html()
    if args.output in (None, "-"):
        sys.stdout.write(page)
    else:
        Path(args.output).write_text(page, encoding="utf-8")
    return 0


def _common(p: argparse.ArgumentParser, threads: bool = True) -> None:
    p.add_argument("--lang", choices=["en", "zh"], default=None, help="force the language (default: detected)")
    p.add_argument("--year", type=int, default=None, help="the year 'this year' means (default: from the text)")
    if threads:
        p.add_argument("--threads", type=int, default=None, help="parser threads (default: one per core)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (``reportx --help``)."""
    from . import __version__, table_names

    p = argparse.ArgumentParser(prog="reportx", description="Policy texts into data: structure, quantitative "
                                "statements, topics and policy actions.")
    p.add_argument("--version", action="version", version=f"reportx {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    files_help = "UTF-8 text files, - for standard input, a directory or a glob pattern"

    pp = sub.add_parser("parse", help="parse files and print what was found",
                        description="Parse files and print the documents (JSON) or one table (CSV, text).")
    pp.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    pp.add_argument("--format", choices=["json", "jsonl", "csv", "table"], default="json",
                    help="json: one object (an array for several files); jsonl: one per line; "
                         "csv/table: one table with a doc_id column")
    pp.add_argument("--table", choices=table_names(), default="statements", help="the table for csv/table")
    _common(pp)
    pp.set_defaults(func=_cmd_parse)

    pc = sub.add_parser("compare", help="line up targets by metric and year across reports",
                        description="Targets by metric_id and year across reports, the change from the previous "
                                    "year, and the outcome the next report states (needs pandas).")
    pc.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    pc.add_argument("--metric", action="append", metavar="ID", help="keep only this metric_id (repeatable)")
    pc.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    _common(pc)
    pc.set_defaults(func=_cmd_compare)

    ph = sub.add_parser("html", help="write an HTML page with what was found highlighted",
                        description="Render one document as a self-contained HTML page with statements, metrics, "
                                    "topics and actions highlighted.")
    ph.add_argument("file", metavar="FILE", help="a UTF-8 text file or - for standard input")
    ph.add_argument("-o", "--output", metavar="OUT", default=None, help="output file (default: standard output)")
    _common(ph, threads=False)
    ph.set_defaults(func=_cmd_html)

    # `reportx eval` lives in reportx/eval.py (register(subparsers)) when that module is present.
    import importlib.util

    if importlib.util.find_spec(f"{__package__}.eval") is not None:
        from . import eval as _eval

        _eval.register(sub)
    return p


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (ParseError, OSError, ValueError) as e:
        _err(str(e))
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
