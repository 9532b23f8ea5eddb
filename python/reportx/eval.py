"""Scoring statements against a gold file (``reportx eval``).

The gold format and the matching rules are those of the corpus README
(``shared/corpus/README.md``):

1. A gold line is located by ``evidence_span`` (code points); a statement matches it
   when the statement's span overlaps that range and it carries the gold number(s):
   ``value``, ``low``, ``high`` where not null, with a relative tolerance of 1e-6.
2. Then, level by level: ``bound`` equal; ``unit`` equal; ``direction`` equal (a null
   gold direction accepts anything); ``kind`` equal; ``metric_id`` equal (gold
   ``other`` accepts anything, null included); ``period`` equal (a gold span
   ``period``..``period_end`` accepts any year in it, or null).
3. Lines with ``bound: "none"`` are not scored for recall.
4. Recall at each level, by language; on exhaustive documents, precision: the share of
   target/outcome statements that carry some gold number of that document
   (``bound: none`` statements carry no number and are left out of the share).

A gold line counts at a level when one of its matching statements passes that level
and every level before it.

>>> from reportx.eval import score
>>> gold = [{"doc_id": "d", "lang": "en", "kind": "target", "metric_id": "gdp_growth", "value": 5,
...          "low": None, "high": None, "unit": "percent", "bound": "approx", "direction": "increase",
...          "period": 2024, "period_end": None, "evidence_span": [0, 20]}]
>>> st = {"d": [{"start": 14, "end": 24, "value": 5.0, "low": None, "high": None, "unit": "percent",
...              "bound": "approx", "direction": "increase", "kind": "target", "metric_id": "gdp_growth",
...              "period": 2024, "period_end": None}]}
>>> score(gold, st)["recall"]["all"]["period"]
1.0
"""

from __future__ import annotations

import json
import math
import os
import sys
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

LEVELS = ("number", "bound", "unit", "direction", "kind", "metric_id", "period")
EXHAUSTIVE = ("seed-2024-summary-en", "dev-gwr-2020-synth-en")
REL_TOL = 1e-6


def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=0.0)


def _get(s: Any, name: str) -> Any:
    return s.get(name) if isinstance(s, Mapping) else getattr(s, name, None)


def carries_numbers(gold: Mapping[str, Any], s: Any) -> bool:
    """Rule 1's number test: every non-null gold value/low/high is in the statement."""
    for f in ("value", "low", "high"):
        g = gold.get(f)
        if g is not None and not _close(g, _get(s, f)):
            return False
    return True


def overlaps(gold: Mapping[str, Any], s: Any) -> bool:
    gs, ge = gold["evidence_span"]
    ss, se = _get(s, "start"), _get(s, "end")
    return ss is not None and se is not None and ss < ge and se > gs


def levels_passed(gold: Mapping[str, Any], s: Any) -> int:
    """How many levels (in LEVELS order) the statement passes for this gold line."""
    if not (overlaps(gold, s) and carries_numbers(gold, s)):
        return 0
    n = 1
    checks = (
        lambda: _get(s, "bound") == gold.get("bound"),
        lambda: _get(s, "unit") == gold.get("unit"),
        lambda: gold.get("direction") is None or _get(s, "direction") == gold.get("direction"),
        lambda: _get(s, "kind") == gold.get("kind"),
        lambda: gold.get("metric_id") == "other" or _get(s, "metric_id") == gold.get("metric_id"),
        lambda: _period_ok(gold, s),
    )
    for check in checks:
        if not check():
            break
        n += 1
    return n


def _period_ok(gold: Mapping[str, Any], s: Any) -> bool:
    gp, ge = gold.get("period"), gold.get("period_end")
    sp = _get(s, "period")
    if ge is None:
        return sp == gp
    if sp is None:
        return True
    se = _get(s, "period_end")
    return gp <= sp <= ge and (se is None or gp <= se <= ge)


def score(gold: Iterable[Mapping[str, Any]], statements: Mapping[str, Sequence[Any]],
          exhaustive: Sequence[str] = EXHAUSTIVE) -> Dict[str, Any]:
    """Scores statements (per doc_id: dicts or objects with the contract's fields)
    against gold lines. Returns recall per level and language, precision on the
    exhaustive documents, and the misses (gold lines below the strictest level)."""
    gold = list(gold)
    counts: Dict[str, List[int]] = {}
    totals: Dict[str, int] = {}
    misses: List[Dict[str, Any]] = []
    for g in gold:
        if g.get("bound") == "none":
            continue
        lang = g.get("lang") or "?"
        best, best_s = 0, None
        for s in statements.get(g["doc_id"], ()):
            k = levels_passed(g, s)
            if k > best:
                best, best_s = k, s
        for key in (lang, "all"):
            counts.setdefault(key, [0] * len(LEVELS))
            totals[key] = totals.get(key, 0) + 1
            for i in range(best):
                counts[key][i] += 1
        if best < len(LEVELS):
            misses.append({"gold": g, "failed_level": LEVELS[best],
                           "statement": _as_dict(best_s) if best_s is not None else None})
    recall = {key: {lvl: (counts[key][i] / totals[key] if totals[key] else 0.0) for i, lvl in enumerate(LEVELS)}
              for key in counts}
    lines = {key: totals[key] for key in totals}
    precision: Dict[str, Any] = {}
    for doc_id in exhaustive:
        golds = [g for g in gold if g["doc_id"] == doc_id]
        if not golds or doc_id not in statements:
            continue
        numbers = [g[f] for g in golds for f in ("value", "low", "high") if g.get(f) is not None]
        scored = [s for s in statements[doc_id]
                  if _get(s, "kind") in ("target", "outcome") and _get(s, "bound") != "none"]
        good = [any(_close(n, _get(s, f)) for n in numbers for f in ("value", "low", "high")) for s in scored]
        precision[doc_id] = {"precision": (sum(good) / len(scored)) if scored else 1.0, "statements": len(scored),
                             "false_positives": [_as_dict(s) for s, ok in zip(scored, good) if not ok]}
    return {"recall": recall, "lines": lines, "precision": precision, "misses": misses}


def _as_dict(s: Any) -> Dict[str, Any]:
    if isinstance(s, Mapping):
        return dict(s)
    return s.to_dict() if hasattr(s, "to_dict") else dict(vars(s))


def load_gold(path: str) -> List[Dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(gold_path: str, corpus_dir: str, docs: Optional[Sequence[str]] = None,
             exhaustive: Sequence[str] = EXHAUSTIVE) -> Dict[str, Any]:
    """Parses every document the gold names (``<corpus_dir>/<doc_id>.txt``) and scores it."""
    from pathlib import Path

    from . import parse_many

    gold = load_gold(gold_path)
    if docs:
        gold = [g for g in gold if g["doc_id"] in docs]
    doc_ids = sorted({g["doc_id"] for g in gold})
    # The documents are parsed on C++ threads; the first that fails raises its ParseError, as parse_file did.
    parsed = parse_many([Path(corpus_dir, doc_id + ".txt") for doc_id in doc_ids], errors="raise")
    statements: Dict[str, List[Any]] = {doc_id: [s.to_dict() for s in doc.statements]
                                        for doc_id, doc in zip(doc_ids, parsed)}
    return score(gold, statements, exhaustive)


def format_report(result: Mapping[str, Any], verbose: bool = False) -> str:
    out = []
    head = "lang  lines  " + "  ".join(f"{lvl:>9}" for lvl in LEVELS)
    out.append("recall (cumulative levels)")
    out.append(head)
    for key in sorted(result["recall"], key=lambda k: (k == "all", k)):
        r = result["recall"][key]
        out.append(f"{key:<4}  {result['lines'][key]:>5}  " + "  ".join(f"{r[lvl]:>9.3f}" for lvl in LEVELS))
    for doc_id, p in result["precision"].items():
        out.append(f"precision {doc_id}: {p['precision']:.3f} ({p['statements']} target/outcome statements)")
        if verbose:
            for s in p["false_positives"]:
                out.append(f"  FP {s.get('text')!r} value={s.get('value')} kind={s.get('kind')}")
    if verbose:
        out.append("misses:")
        for m in result["misses"]:
            g, s = m["gold"], m["statement"]
            got = (f"{s.get('text')!r} v={s.get('value')} lo={s.get('low')} hi={s.get('high')} "
                   f"{s.get('bound')} {s.get('unit')} {s.get('direction')} {s.get('kind')} "
                   f"{s.get('metric_id')} {s.get('period')}-{s.get('period_end')}") if s else "-"
            out.append(f"  [{m['failed_level']}] {g['doc_id']} {g['evidence']!r} want v={g['value']} "
                       f"lo={g['low']} hi={g['high']} {g['bound']} {g['unit']} {g['direction']} {g['kind']} "
                       f"{g['metric_id']} {g['period']}-{g['period_end']} | got {got}")
    return "\n".join(out)


def _cmd_eval(args) -> int:
    corpus = args.corpus or os.path.dirname(os.path.abspath(args.gold))
    result = evaluate(args.gold, corpus, docs=args.doc or None)
    if args.json:
        sys.stdout.write(json.dumps({k: result[k] for k in ("recall", "lines")} |
                                    {"precision": {d: p["precision"] for d, p in result["precision"].items()}},
                                    indent=2) + "\n")
    else:
        sys.stdout.write(format_report(result, verbose=args.verbose) + "\n")
    return 0


def register(subparsers) -> None:
    """Adds the ``eval`` subcommand to the ``reportx`` command line."""
    p = subparsers.add_parser("eval", help="score statements against a gold file (recall per level, precision)")
    p.add_argument("gold", help="gold JSONL (the format of shared/corpus/gold-dev.jsonl)")
    p.add_argument("--corpus", default=None, help="folder with <doc_id>.txt (default: the gold file's folder)")
    p.add_argument("--doc", action="append", default=[], help="score only this doc_id (repeatable)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    p.set_defaults(func=_cmd_eval)
