"""parse_many: order, per-document errors, threads, paths and texts."""

import os
from pathlib import Path

import pytest

import reportx

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))


def _corpus(pattern="*.txt"):
    paths = sorted(CORPUS.glob(pattern))
    if not paths:
        pytest.skip(f"corpus not found in {CORPUS}")
    return paths


def test_keeps_input_order_and_matches_single_parses():
    paths = _corpus()
    docs = reportx.parse_many(paths, threads=2, errors="raise")
    assert [d.doc_id for d in docs] == [p.stem for p in paths]
    for p, d in zip(paths, docs):
        single = reportx.parse_file(p)
        assert d.to_json() == single.to_json()
        assert d.source == str(p)


def test_texts_bytes_and_paths_mixed(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("一、回顾\n增长5%\n", encoding="utf-8")
    docs = reportx.parse_many(["GDP grew.", "增长5%".encode(), f], threads=3, doc_ids=["a", None, None],
                              errors="raise")
    assert docs[0].doc_id == "a" and docs[0].text == "GDP grew."
    assert docs[1].doc_id is None and docs[1].text == "增长5%"
    assert docs[2].doc_id == "one" and docs[2].text == "一、回顾\n增长5%\n"


def test_failures_are_reported_in_place_without_losing_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xe4\xb8")  # truncated UTF-8
    items = ["first", bad, tmp_path / "missing.txt", b"\xff", "last"]
    out = reportx.parse_many(items, threads=2)
    assert [type(x).__name__ for x in out] == ["Document", "ParseError", "ParseError", "ParseError", "Document"]
    assert out[1].byte_offset == 3 and out[1].line == 2 and "bad.txt" in str(out[1])
    assert "missing.txt" in str(out[2])
    assert out[3].byte_offset == 0 and (out[3].line, out[3].column) == (1, 1)
    assert out[4].text == "last"
    assert [d.text for d in reportx.parse_many(items, errors="skip")] == ["first", "last"]
    with pytest.raises(reportx.ParseError) as e:
        reportx.parse_many(items, errors="raise")
    assert "bad.txt" in str(e.value) and len(e.value.results) == 5 and e.value.results[4].text == "last"


def test_options_apply_to_every_document():
    docs = reportx.parse_many(["增长5%", "GDP"], lang="en", year=2030, errors="raise")
    assert [d.lang for d in docs] == ["en", "en"]
    assert [d.year for d in docs] == [2030, 2030]


def test_bad_arguments():
    with pytest.raises(TypeError):
        reportx.parse_many("one text")
    with pytest.raises(ValueError):
        reportx.parse_many(["a"], errors="ignore")
    with pytest.raises(ValueError):
        reportx.parse_many(["a", "b"], doc_ids=["x"])
    with pytest.raises(ValueError):
        reportx.parse_many(["a"], lang="fr")
    assert reportx.parse_many([]) == []


def test_a_str_that_names_a_file_is_a_text_but_warns(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("增长5%", encoding="utf-8")
    with pytest.warns(UserWarning, match="pathlib.Path"):
        (doc,) = reportx.parse_many([str(f)])
    assert doc.text == str(f)
