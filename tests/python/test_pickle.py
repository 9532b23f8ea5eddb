"""Documents pickle (as text and options, parsed again) for multiprocessing and Dask."""

import multiprocessing as mp
import os
import pickle
from pathlib import Path

import pytest

import reportx

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))


def test_round_trip_keeps_everything(tmp_path):
    p = CORPUS / "gwr-2019-zh.txt"
    if not p.exists():
        pytest.skip("corpus missing")
    doc = reportx.parse_file(p)
    back = pickle.loads(pickle.dumps(doc))
    assert back.to_json() == doc.to_json()
    assert (back.doc_id, back.source, back.lang, back.year) == (doc.doc_id, doc.source, doc.lang, doc.year)


def test_forced_options_survive():
    doc = reportx.parse("增长5%", lang="en", year=2031, doc_id="x")
    back = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    assert (back.lang, back.year, back.doc_id, back.source) == ("en", 2031, "x", None)
    assert back.to_json() == doc.to_json()


def test_custom_lexicon_survives():
    lex = reportx.Lexicon.from_entries([{"kind": "metric", "id": "solar", "aliases": ["solar capacity"]}])
    doc = reportx.parse("solar capacity grew by 5%", lexicon=lex, lang="en")
    back = pickle.loads(pickle.dumps(doc))
    assert back.to_json() == doc.to_json()
    lex2 = pickle.loads(pickle.dumps(lex))
    assert [(e["kind"], e["id"], e["aliases"]) for e in lex2.entries()] == [("metric", "solar", ["solar capacity"])]


def _summary(doc):
    return doc.doc_id, doc.to_json()


def test_documents_cross_process_boundaries():
    docs = reportx.parse_many(["一、回顾\n增长5%\n", "I. Review\nGDP growth of around 5%\n"], doc_ids=["a", "b"])
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.map(_summary, docs)
    assert got == [_summary(d) for d in docs]
