"""The package surface: parse, errors, lexicons, JSON and code-point offsets."""

import json

import pytest

import reportx


def test_parse_returns_document_with_contract_fields():
    doc = reportx.parse("标题\n增长5.2%\n", doc_id="t")
    d = doc.to_dict()
    assert d["schema"] == "reportx/1"
    assert d["doc_id"] == "t"
    for key in ("sections", "blocks", "statements", "topics", "actions", "diagnostics"):
        assert isinstance(d[key], list)
    assert d["length"] == len(doc.text)
    assert json.loads(doc.to_json()) == d


def test_invalid_utf8_raises_parse_error_with_position(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("第一行\n增长".encode() + b"\xff" + b"5%")
    with pytest.raises(reportx.ParseError) as e:
        reportx.parse_file(p)
    assert e.value.byte_offset == 16
    assert (e.value.line, e.value.column) == (2, 3)
    assert "bad.txt" in str(e.value)
    with pytest.raises(reportx.ParseError) as e2:
        reportx.parse(b"ok\x80")
    assert e2.value.byte_offset == 2


def test_missing_file_is_a_parse_error(tmp_path):
    with pytest.raises(reportx.ParseError):
        reportx.parse_file(tmp_path / "nope.txt")


def test_lexicon_from_dict_and_bad_file(tmp_path):
    lex = reportx.Lexicon.from_entries([{"kind": "metric", "id": "solar", "aliases": ["solar capacity", "光伏装机"]}])
    assert len(lex) == 1
    bad = tmp_path / "bad.tsv"
    bad.write_text("# header\nmetric\tsolar\t-\tmany\tsolar\n", encoding="utf-8")
    with pytest.raises(reportx.LexiconError) as e:
        reportx.Lexicon.from_file(str(bad))
    assert e.value.line == 2 and "bad.tsv" in e.value.file and "weight" in e.value.problem


def test_block_offsets_are_code_points():
    text = "一、回顾\n\u3000\u3000国内生产总值增长5.2%。\nGDP grew.\n"
    doc = reportx.parse(text)
    assert doc.blocks
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
