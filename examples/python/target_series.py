# %% [markdown]
# # Eleven years of targets: GDP growth targets against outcomes
#
# Parse the national Government Work Reports 2014-2025 (no 2020 report in the
# corpus) in parallel, line up their targets by metric and year, and plot the GDP
# growth target of each year beside the outcome the next report states.
#
# The corpus directory comes from ``REPORTX_CORPUS`` (default: ``../shared/corpus``
# next to the repository); the chart goes to ``REPORTX_OUT`` (default: the
# current directory).

# %%
import os
from pathlib import Path

import reportx
from reportx.plot import plot_targets

ROOT = Path(__file__).resolve().parents[2] if "__file__" in globals() else Path.cwd()
CORPUS = Path(os.environ.get("REPORTX_CORPUS", ROOT.parent / "shared" / "corpus"))
OUT = Path(os.environ.get("REPORTX_OUT", "."))

paths = sorted(CORPUS.glob("gwr-*-zh.txt"))
docs = reportx.parse_many(paths, threads=2, errors="raise")
print(len(docs), "reports:", ", ".join(d.doc_id for d in docs))

# %% [markdown]
# Every target of every report in one table (one row per target, with ``doc_id``).

# %%
import pandas as pd

pd.set_option("display.width", 160)
statements = reportx.to_pandas(docs, "statements")
targets = statements[statements.kind == "target"]
print(targets.groupby("metric_id", observed=True).size().sort_values(ascending=False).head(15))

# %% [markdown]
# Year over year: the target each report set, the change from the previous year
# and the outcome the next report states for that year.

# %%
table = reportx.compare(docs)
gdp = table[table.metric_id == "gdp_growth"]
print(gdp[["year", "doc_id", "value", "low", "high", "bound", "change", "bound_change", "outcome_value",
           "outcome_doc_id", "gap"]].to_string(index=False))

# %% [markdown]
# The 2014-2025 target table: one row per metric, one column per year, the target as written.

# %%
set_targets = table[table.doc_id.notna()]
wide = set_targets.pivot_table(index="metric_id", columns="year", values="text", aggfunc="first", observed=True)
print(wide.fillna("").to_string(max_colwidth=12))

# %%
png = OUT / "gdp_growth_targets.png"
plot_targets(table, "gdp_growth", path=png, title="China: GDP growth target and outcome (%)")
print("wrote", png)
