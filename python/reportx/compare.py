"""Year-over-year comparison of targets, and targets beside outcomes.

``compare(docs)`` lines up the ``target`` statements of several documents by
``series`` (documents of one issuer), ``metric_id`` and year, one row per
(series, metric, year):

- the target the report of that year sets: ``doc_id``, ``value``, ``low``, ``high``,
  ``bound``, ``unit``, ``text``. When a report states several targets for one
  metric, the one in the block holding the most targets (its main target list) wins,
  then the first in text order. Statements about a span of years are left out, and
  so are targets for other years than the report's own (``到2020年…`` in a 2016
  report), unless the report's year is unknown;
- the move from the previous year that has a target: ``prev_year``,
  ``change`` (difference of the targets' centres: ``value``, or the middle of
  ``low``-``high``, or the one bound given; only when the units agree) and
  ``bound_change`` (``"approx→range"`` when the kind of bound changed);
- the outcome stated for that year: ``outcome_value``/``outcome_low``/
  ``outcome_high``/``outcome_bound``/``outcome_doc_id``/``outcome_text``, taken
  from the ``outcome`` statements whose ``period`` is that year, preferring the
  series' next report (the one for year + 1), and ``gap`` (outcome minus the
  target's centre).

Years that have an outcome but no target document (the 2013 outcome stated in the
2014 report) are rows too, with the target columns empty.

A statement's year is its ``period``, else the year of its document.

The series of a document is its ``doc_id`` with the four-digit year removed
(``gwr-2024-zh`` → ``gwr-zh``); pass ``series=`` (a function of the Document) to
group otherwise.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .document import Document

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

COLUMNS = ["series", "metric_id", "year", "doc_id", "value", "low", "high", "bound", "unit", "text", "prev_year",
           "change", "bound_change", "outcome_value", "outcome_low", "outcome_high", "outcome_bound", "outcome_unit",
           "outcome_doc_id", "outcome_text", "gap"]


def default_series(doc_id: Optional[str]) -> str:
    """``doc_id`` without its year: ``gwr-2024-zh`` → ``gwr-zh``.

    >>> default_series("prov-beijing-2025-zh")
    'prov-beijing-zh'
    >>> default_series(None)
    ''
    """
    if not doc_id:
        return ""
    s = _YEAR.sub("", doc_id)
    return re.sub(r"([-_ .])[-_ .]+", r"\1", s).strip("-_ .")


def _centre(value: Any, low: Any, high: Any) -> Optional[float]:
    import pandas as pd

    if not pd.isna(value):
        return float(value)
    if not pd.isna(low) and not pd.isna(high):
        return (float(low) + float(high)) / 2
    if not pd.isna(low):
        return float(low)
    if not pd.isna(high):
        return float(high)
    return None


def compare(docs: Iterable["Document"], *, metrics: Optional[Sequence[str]] = None,
            series: Optional[Callable[["Document"], str]] = None) -> "pd.DataFrame":
    """Targets by series, ``metric_id`` and year, with the change from the previous
    year and the outcome stated for that year (see the module docs for the columns).

    ``metrics`` keeps only those metric ids.

    >>> import reportx
    >>> docs = reportx.parse_many(["I. A\\nB.\\n"], lang="en")
    >>> list(reportx.compare(docs).columns[:4])
    ['series', 'metric_id', 'year', 'doc_id']
    """
    from .frames import _need, to_pandas

    pd = _need("pandas", "pandas")
    docs = list(docs)
    st = to_pandas(docs, "statements")
    key = series or (lambda d: default_series(d.doc_id))
    doc_year: Dict[Any, Any] = {}
    doc_series: Dict[Any, str] = {}
    for d in docs:
        doc_year[d.doc_id] = d.year
        doc_series[d.doc_id] = key(d)
    return compare_frame(st, doc_year, doc_series, metrics=metrics)


def compare_frame(st: "pd.DataFrame", doc_year: Dict[Any, Any], doc_series: Dict[Any, str], *,
                  metrics: Optional[Sequence[str]] = None) -> "pd.DataFrame":
    """``compare`` on a statements frame (``to_pandas(docs, "statements")``) with
    each document's year and series given as dicts keyed by ``doc_id``."""
    import pandas as pd

    st = st.copy()
    st["doc_id"] = st["doc_id"].astype(object)
    st["metric_id"] = st["metric_id"].astype(object)
    st["kind"] = st["kind"].astype(object)
    # Targets per block, counted before any filtering: the main target list is the block with the most.
    is_target = (st["kind"] == "target").to_numpy(dtype=bool, na_value=False)
    st["_list"] = st.assign(_t=is_target).groupby(["doc_id", "block"], sort=False)["_t"].transform("sum")
    st = st[st["metric_id"].notna() & st["period_end"].isna()]
    if metrics is not None:
        st = st[st["metric_id"].isin(list(metrics))]
    # na_action="ignore": a missing doc_id finds nothing (pandas would match it to a None key).
    ids = st["doc_id"]
    st["doc_year"] = ids.map(doc_year, na_action="ignore").astype("Int64")
    # A doc_id without a series gets ""; assigned as a list so that a zero-row result keeps its dtypes.
    known = ids.notna() & ids.isin(list(doc_series))
    st["series"] = ids.map(doc_series, na_action="ignore").where(known, "").tolist()
    st["year"] = st["period"].fillna(st["doc_year"]).astype("Int64")
    st = st[st["year"].notna()]

    tg = st[st["kind"] == "target"]
    # A report's targets for its own year (all single-year targets when its year is unknown).
    tg = tg[(tg["doc_year"].isna() | (tg["year"] == tg["doc_year"])).fillna(False).astype(bool)]
    # One target per (series, metric, year): the one in the block that holds the most
    # targets (the report's main target list), then the first in text order.
    tg = tg.sort_values(["series", "metric_id", "year", "_list", "doc_id", "start"],
                        ascending=[True, True, True, False, True, True], kind="stable")
    tg = tg.drop_duplicates(["series", "metric_id", "year"], keep="first")
    targets = tg[["series", "metric_id", "year", "doc_id", "value", "low", "high", "bound", "unit", "text"]].copy()
    targets["bound"] = targets["bound"].astype(object)
    targets["unit"] = targets["unit"].astype(object)

    oc = st[st["kind"] == "outcome"]
    # Prefer the next report (year + 1), then the nearest later one, then any.
    dist = (oc["doc_year"] - oc["year"]).astype("Float64")
    rank = dist.where((dist >= 1).fillna(False), 1000 + (1 - dist)).fillna(10_000)
    oc = oc.assign(_rank=rank).sort_values(["series", "metric_id", "year", "_rank", "start"], kind="stable")
    oc = oc.drop_duplicates(["series", "metric_id", "year"], keep="first")
    outcomes = oc[["series", "metric_id", "year", "value", "low", "high", "bound", "unit", "doc_id", "text"]].rename(
        columns={"value": "outcome_value", "low": "outcome_low", "high": "outcome_high", "bound": "outcome_bound",
                 "unit": "outcome_unit", "doc_id": "outcome_doc_id", "text": "outcome_text"})
    outcomes["outcome_bound"] = outcomes["outcome_bound"].astype(object)
    outcomes["outcome_unit"] = outcomes["outcome_unit"].astype(object)

    out = targets.merge(outcomes, on=["series", "metric_id", "year"], how="outer")
    out = out.sort_values(["series", "metric_id", "year"], kind="stable").reset_index(drop=True)

    prev_year, change, bound_change, gap = [], [], [], []
    last: Dict[tuple, tuple] = {}
    for row in out.itertuples(index=False):
        k = (row.series, row.metric_id)
        has_target = not pd.isna(row.doc_id)
        c = _centre(row.value, row.low, row.high) if has_target else None
        p = last.get(k)
        if has_target and p is not None:
            prev_year.append(p[0])
            change.append(c - p[1] if c is not None and p[1] is not None and row.unit == p[3] else None)
            bound_change.append(f"{p[2]}→{row.bound}" if row.bound != p[2] else None)
        else:
            prev_year.append(None)
            change.append(None)
            bound_change.append(None)
        o = _centre(row.outcome_value, row.outcome_low, row.outcome_high)
        gap.append(o - c if has_target and o is not None and c is not None and row.unit == row.outcome_unit else None)
        if has_target:
            last[k] = (row.year, c, row.bound, row.unit)
    out["prev_year"] = pd.array(prev_year, dtype="Int64")
    out["change"] = pd.array(change, dtype="Float64")
    out["bound_change"] = pd.array(bound_change, dtype="string")
    out["gap"] = pd.array(gap, dtype="Float64")
    for col in ("series", "metric_id", "doc_id", "bound", "unit", "outcome_bound", "outcome_unit", "outcome_doc_id"):
        out[col] = out[col].astype("category")
    for col in ("text", "outcome_text"):
        out[col] = out[col].astype("string")
    out["year"] = out["year"].astype("Int64")
    return out[COLUMNS]
