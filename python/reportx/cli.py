"""The `reportx` command line."""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from . import ParseError, parse, parse_file


def _read(path: str, args):
    if path == "-":
        data = sys.stdin.buffer.read()
        return parse(data, doc_id="stdin", lang=args.lang, year=args.year)
    return parse_file(path, lang=args.lang, year=args.year)


def _cmd_parse(args) -> int:
    docs = []
    for path in args.files:
        try:
            docs.append(_read(path, args))
        except (ParseError, OSError) as e:
            # name the input once: file errors from the core already start with "<path>: "
            print(f"reportx: {e}" if str(e).startswith(f"{path}: ") else f"reportx: {path}: {e}", file=sys.stderr)
            return 1
    out = sys.stdout
    if args.format == "jsonl":
        for d in docs:
            out.write(d.to_json() + "\n")
    else:
        if len(docs) == 1:
            out.write(docs[0].to_json(indent=2) + "\n")
        else:
            out.write("[\n" + ",\n".join(d.to_json(indent=2) for d in docs) + "\n]\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reportx", description="Policy texts into data.")
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser("parse", help="parse files and print what was found")
    pp.add_argument("files", nargs="+", help="UTF-8 text files, or - for standard input")
    pp.add_argument("--format", choices=["json", "jsonl"], default="json")
    pp.add_argument("--lang", choices=["en", "zh"], default=None, help="force the language")
    pp.add_argument("--year", type=int, default=None, help="the year 'this year' means")
    pp.set_defaults(func=_cmd_parse)
    return p


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
