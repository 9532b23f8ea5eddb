"""Tables as pandas DataFrames and Arrow tables: columns, dtypes, nulls, joins."""

import os
from pathlib import Path

import numpy as np
import pytest

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

import reportx
from reportx.frames import ENUMS

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))
CONTRACT = {
    "sections": ["id", "parent", "level", "label", "heading", "start", "end"],
    "blocks": ["id", "section", "kind", "marker", "parent", "start", "end", "text"],
    "statements": ["id", "block", "section", "start", "end", "text", "metric", "metric_start", "metric_end",
                   "metric_id", "value", "low", "high", "unit", "bound", "qualifier", "direction", "kind", "period",
                   "period_end"],
    "topics": ["id", "label", "start", "end", "text", "block"],
    "actions": ["verb", "modifiers", "intensity", "object", "start", "end", "text", "block", "topics"],
    "diagnostics": ["code", "severity", "message", "start", "end"],
}


def _docs():
    texts = ["一、回顾\n\u3000\u3000国内生产总值增长5.2%。\n——城镇新增就业1244万人。\n",
             "I. Review\n➣ GDP growth of around 5%;\n➣ More than 12 million new urban jobs.\n"]
    docs = reportx.parse_many(texts, doc_ids=["zh", "en"], errors="raise")
    paths = [CORPUS / "gwr-2024-zh.txt", CORPUS / "seed-2024-summary-en.txt"]
    docs += reportx.parse_many([p for p in paths if p.exists()], errors="raise")
    return docs


@pytest.mark.parametrize("table", list(CONTRACT))
def test_columns_are_the_contract_fields_with_doc_id_first(table):
    df = reportx.to_pandas(_docs(), table)
    assert df.columns[0] == "doc_id"
    # the contract's fields, in its order (added fields such as object_start may sit between)
    assert [c for c in df.columns if c in CONTRACT[table]] == CONTRACT[table]
    for name, dtype in df.dtypes.items():
        assert str(dtype) in ("Int64", "Float64", "string", "category"), (name, dtype)
        assert not any(isinstance(v, (list, tuple, np.ndarray)) for v in df[name].tolist())
    for key, cats in ENUMS.items():
        t, col = key.split(".")
        if t == table:
            assert list(df[col].cat.categories[:len(cats)]) == cats
    t = reportx.to_arrow(_docs(), table)
    assert t.column_names == list(df.columns)
    assert t.num_rows == len(df)


def test_offsets_round_trip_and_nulls_are_na():
    docs = _docs()
    df = reportx.to_pandas(docs, "blocks")
    text = {d.doc_id: d.text for d in docs}
    assert len(df) > 100
    for row in df.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text
    assert df["parent"].isna().any() and df["parent"].dtype == "Int64"
    assert df["marker"].isna().any() and df["marker"].dtype == "string"
    assert df["marker"].dtype.storage in ("pyarrow", "python")


def test_frames_match_the_item_objects_and_json():
    for doc in _docs():
        for table in CONTRACT:
            df = doc.to_pandas(table)
            items = getattr(doc, table)
            assert len(df) == len(items) == doc.counts()[table]
            js = doc.to_dict()[table]
            assert len(js) == len(df)
            for rec, item in zip(df.to_dict("records"), items):
                for k, v in vars(item).items():
                    got = rec[k]
                    if isinstance(v, list):
                        assert got == "|".join(v)
                    elif v is None:
                        assert got is pd.NA or pd.isna(got)
                    else:
                        assert got == v, (table, k)


def test_ids_join_across_tables():
    docs = _docs()
    blocks = reportx.to_pandas(docs, "blocks")
    sections = reportx.to_pandas(docs, "sections")
    j = blocks.dropna(subset=["section"]).merge(sections, left_on=["doc_id", "section"], right_on=["doc_id", "id"],
                                                how="left", suffixes=("", "_s"), indicator=True)
    assert (j["_merge"] == "both").all()
    assert ((j["start"] >= j["start_s"]) & (j["end"] <= j["end_s"])).all()
    st = reportx.to_pandas(docs, "statements")
    j = st.merge(blocks, left_on=["doc_id", "block"], right_on=["doc_id", "id"], how="left", indicator=True,
                 suffixes=("", "_b"))
    assert (j["_merge"] == "both").all()
    assert ((j["start"] >= j["start_b"]) & (j["end"] <= j["end_b"])).all()


def test_empty_and_unknown_tables():
    df = reportx.to_pandas([], "statements")
    assert len(df) == 0 and str(df["value"].dtype) == "Float64" and str(df["bound"].dtype) == "category"
    with pytest.raises(ValueError, match="unknown table"):
        reportx.to_pandas(_docs(), "nope")
    with pytest.raises(TypeError, match="ParseError"):
        reportx.to_pandas(reportx.parse_many([b"\xff"]), "blocks")


def test_categories_are_sorted_and_doc_id_is_categorical():
    df = reportx.to_pandas(_docs(), "blocks")
    cats = list(df["doc_id"].cat.categories)
    assert cats == sorted(cats)
    assert df["doc_id"].tolist()[0] == "zh"  # row order is input order, not category order


def test_missing_pandas_gives_a_clear_message(monkeypatch):
    import builtins

    real = builtins.__import__

    def fake(name, *a, **k):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("no pandas")
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake)
    import importlib

    monkeypatch.setattr(importlib, "import_module", lambda n, *a: fake(n))
    with pytest.raises(ImportError, match=r"reportx\[pandas\]"):
        reportx.parse("x").to_pandas()


def test_every_table_of_the_core_converts():
    # tables added in C++ later (e.g. topic_counts) come through with the generic dtypes
    docs = _docs()
    for table in reportx.table_names():
        df = reportx.to_pandas(docs, table)
        assert df.columns[0] == "doc_id"
        assert all(str(t) in ("Int64", "Float64", "string", "category") for t in df.dtypes), table
        assert reportx.to_arrow(docs, table).num_rows == len(df)
        assert sum(len(d.to_pandas(table)) for d in docs) == len(df)


def test_no_python_object_per_row():
    # With pyarrow, strings stay in Arrow buffers and numbers in numpy arrays: the
    # number of live Python objects does not grow with the number of rows.
    import gc
    import sys

    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        pytest.skip("corpus missing")
    docs = reportx.parse_many(paths * 2, errors="raise")
    reportx.to_pandas(docs[:1], "blocks")  # warm caches and lazy imports
    gc.collect()
    before = sys.getallocatedblocks()
    df = reportx.to_pandas(docs, "blocks")
    gc.collect()
    grown = sys.getallocatedblocks() - before
    assert len(df) > 5000
    assert grown < len(df) / 10, (grown, len(df))
