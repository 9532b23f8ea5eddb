"""Charts of target series (matplotlib, optional: ``pip install 'reportx[plot]'``)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure


def plot_targets(data: Union["pd.DataFrame", Iterable[Any]], metric_id: str = "gdp_growth", *,
                 path: Union[str, "os.PathLike[str]", None] = None, outcomes: bool = True,
                 title: Optional[str] = None, series: Optional[str] = None) -> "Figure":
    """Draw one metric's targets across years (points, with a bar for ranges and an
    arrow for one-sided bounds) and, with ``outcomes``, the outcomes stated for each
    year. ``data`` is ``reportx.compare(...)``'s table or the documents themselves.
    Saved as PNG when ``path`` is given. Uses matplotlib's object API (no pyplot
    state), so it is safe in scripts and servers.

    >>> import reportx
    >>> from reportx.plot import plot_targets
    >>> fig = plot_targets(reportx.parse_many(["I. A\\nB.\\n"], lang="en"))
    >>> fig.axes[0].get_title()
    'gdp_growth: targets and outcomes'
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("plotting needs matplotlib; install it with `pip install 'reportx[plot]'`") from exc
    import pandas as pd

    from .compare import compare

    df = data if isinstance(data, pd.DataFrame) else compare(list(data), metrics=[metric_id])
    df = df[df["metric_id"].astype(object) == metric_id]
    if series is not None:
        df = df[df["series"].astype(object) == series]
    fig = Figure(figsize=(8, 4.5), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    unit = next((u for u in df["unit"].astype(object).dropna()), None)
    t = df[df["doc_id"].notna()]
    pts = t[t["value"].notna()]
    if len(pts):
        ax.plot(pts["year"].astype(float), pts["value"].astype(float), "o", color="#2a9d55", label="target")
    rng = t[t["value"].isna() & t["low"].notna() & t["high"].notna()]
    for y, lo, hi in zip(rng["year"].astype(float), rng["low"].astype(float), rng["high"].astype(float)):
        ax.plot([y, y], [lo, hi], "-", color="#2a9d55", linewidth=4, solid_capstyle="butt",
                label="target range" if y == float(rng["year"].iloc[0]) else None)
    for y, v, b in zip(pts["year"].astype(float), pts["value"].astype(float), pts["bound"].astype(object)):
        if b in ("min", "max"):
            ax.annotate("", xy=(y, v + (0.4 if b == "min" else -0.4)), xytext=(y, v),
                        arrowprops={"arrowstyle": "->", "color": "#2a9d55"})
    if outcomes and "outcome_value" in df:
        o = df[df["outcome_value"].notna()]
        if len(o):
            # one point per year, NaN where a year has no outcome, so the line breaks at gaps
            by_year = dict(zip(o["year"].astype(int), o["outcome_value"].astype(float)))
            xs = list(range(min(by_year), max(by_year) + 1))
            ax.plot([float(x) for x in xs], [by_year.get(x, float("nan")) for x in xs], "s--", color="#1f5fa8",
                    label="outcome")
    years = df["year"].dropna().astype(int)
    if len(years):
        ax.set_xticks(range(int(years.min()), int(years.max()) + 1))
        ax.tick_params(axis="x", labelrotation=45)
    ax.set_title(title or f"{metric_id}: targets and outcomes")
    ax.set_xlabel("year")
    ax.set_ylabel(unit or "value")
    ax.grid(True, alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend()
    fig.tight_layout()
    if path is not None:
        fig.savefig(os.fspath(path), format="png")
    return fig
