# %% [markdown]
# # The statements of a report, as a table
#
# Parse the shipped seed summary (an English summary of China's 2024 Government
# Work Report) and look at what reportx found: document metadata, then one row per
# quantitative statement.

# %%
import os
from pathlib import Path

import reportx

ROOT = Path(__file__).resolve().parents[2] if "__file__" in globals() else Path.cwd()
SEED = ROOT / "examples" / "data" / "seed-2024-summary-en.txt"

doc = reportx.parse_file(SEED)
print(doc)
print("title:", doc.title, "| date:", doc.date, "| year:", doc.year)
print(doc.counts())

# %% [markdown]
# One tidy DataFrame per table; ``doc.text[start:end] == text`` for every row.

# %%
import pandas as pd

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 40)
statements = doc.to_pandas("statements")
print(statements[["kind", "metric_id", "text", "value", "low", "high", "unit", "bound", "direction", "period"]]
      .to_string())
assert all(doc.text[r.start:r.end] == r.text for r in statements.itertuples())

# %% [markdown]
# Statements join their blocks (and blocks their sections) on the ids.

# %%
blocks = doc.to_pandas("blocks")
joined = statements.merge(blocks[["id", "kind", "marker"]], left_on="block", right_on="id",
                          suffixes=("", "_block"))
print(joined[["text", "kind_block", "marker"]].to_string())
