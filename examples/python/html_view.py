# %% [markdown]
# # Looking rather than reading: a report with its findings highlighted
#
# ``doc.to_html()`` renders the whole text with statements (green: targets, blue:
# outcomes), metric phrases, topics and actions marked and labelled; in a notebook
# the document itself shows a summary (``_repr_html_``).

# %%
import os
from pathlib import Path

import reportx

ROOT = Path(__file__).resolve().parents[2] if "__file__" in globals() else Path.cwd()
CORPUS = Path(os.environ.get("REPORTX_CORPUS", ROOT.parent / "shared" / "corpus"))
OUT = Path(os.environ.get("REPORTX_OUT", "."))
path = CORPUS / "gwr-2024-zh.txt"
if not path.exists():
    path = ROOT / "examples" / "data" / "gwr-2024-zh.txt"

doc = reportx.parse_file(path)
doc  # in a notebook: the summary view

# %%
page = OUT / f"{doc.doc_id}.html"
doc.to_html(str(page))
print("wrote", page, f"({page.stat().st_size // 1024} KiB,", doc.counts()["statements"], "statements highlighted)")
