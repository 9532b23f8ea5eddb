"""Bad input: each gets a correct parse or a clear typed error, never a crash, a hang
or text silently dropped. The big inputs are sized to keep the whole file to a few
seconds."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

import reportx


def visible_covered(doc) -> bool:
    covered = bytearray(len(doc.text))
    for b in doc.blocks:
        covered[b.start:b.end] = b"\x01" * (b.end - b.start)
    return all(covered[i] or ch.isspace() or ch in "\u200b\u200c\u200d\u2060\ufeff" for i, ch in enumerate(doc.text))


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "reportx.cli", *args], capture_output=True, text=True, timeout=120)


def test_invalid_utf8_is_a_parse_error_with_byte_line_and_column(tmp_path):
    data = "二、2024年经济社会发展总体要求\n今年发展主要预期目标是：国内生产总值增长".encode() + b"\xc3\x28" + "5%左右".encode()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    with pytest.raises(reportx.ParseError) as e:
        reportx.parse_file(bad)
    line2 = "今年发展主要预期目标是：国内生产总值增长"
    assert e.value.byte_offset == len("二、2024年经济社会发展总体要求\n".encode()) + len(line2.encode())
    assert (e.value.line, e.value.column) == (2, len(line2) + 1)
    assert "bad.txt" in str(e.value)
    assert isinstance(e.value, ValueError)
    with pytest.raises(reportx.ParseError) as e2:  # the same bytes handed over in memory
        reportx.parse(data)
    assert (e2.value.byte_offset, e2.value.line, e2.value.column) == (e.value.byte_offset, 2, len(line2) + 1)


def test_truncated_sequence_at_the_end_and_lone_continuation_byte():
    with pytest.raises(reportx.ParseError) as e:
        reportx.parse("增长5%".encode() + b"\xe5\xa2")
    assert e.value.byte_offset == len("增长5%".encode())
    with pytest.raises(reportx.ParseError) as e:
        reportx.parse(b"GDP\n\x80growth")
    assert (e.value.byte_offset, e.value.line, e.value.column) == (4, 2, 1)


def test_binary_file_is_rejected_not_parsed(tmp_path):
    png = tmp_path / "chart.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(reportx.ParseError) as e:
        reportx.parse_file(png)
    assert (e.value.byte_offset, e.value.line, e.value.column) == (0, 1, 1)


def test_empty_and_blank_files_parse_to_empty_documents(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    doc = reportx.parse_file(empty)
    assert doc.text == "" and doc.blocks == [] and doc.sections == []
    assert doc.title is None and doc.date is None and doc.year is None
    d = doc.to_dict()
    assert d["length"] == 0 and d["doc_id"] == "empty"
    blank = reportx.parse("\n\r\n\u3000\u3000\n\u200b\n\ufeff \n")
    assert blank.blocks == []


def test_nul_and_control_characters_are_characters():
    text = "GDP\x00growth of around 5%\n\n\x00\x00\x00\n\n一是\x01稳增长。\n"
    doc = reportx.parse(text)
    assert [b.text for b in doc.blocks] == ["GDP\x00growth of around 5%", "\x00\x00\x00", "一是\x01稳增长。"]
    assert doc.blocks[2].marker == "一是"
    assert visible_covered(doc)


def test_100000_bullets_are_100000_items_in_linear_time():
    n = 100_000
    text = "Highlights of this year's energy work:\n" + "➣ GDP growth of around 5%;\n" * n
    t0 = time.perf_counter()
    doc = reportx.parse(text)
    items = [b for b in doc.blocks if b.kind == "item"]
    elapsed = time.perf_counter() - t0
    assert len(items) == n
    assert doc.blocks[0].kind == "heading"
    assert items[-1].text == "➣ GDP growth of around 5%;" and items[-1].parent is None
    assert elapsed < 10, elapsed
    # all on one line: still 100,000 items
    one = reportx.parse("➣ A. " * n)
    assert len(one.blocks) == n and one.blocks[-1].text == "➣ A."


def test_a_single_10_mb_line_is_one_block():
    unit = "国内生产总值增长5.2%，城镇新增就业1244万人，"
    text = unit * (10 * 1024 * 1024 // len(unit.encode()) + 1)
    t0 = time.perf_counter()
    doc = reportx.parse(text)
    assert len(doc.blocks) == 1
    b = doc.blocks[0]
    assert (b.start, b.end, b.kind) == (0, len(text), "paragraph")
    assert b.text == text
    assert time.perf_counter() - t0 < 10


def test_long_line_of_part_heading_text_and_deep_nesting_do_not_blow_up():
    # a "（一）" heading without a 。 in a 2 MB line, and 5,000 alternating markers that nest
    doc = reportx.parse("（一）" + "推动高质量发展" * 100_000)
    assert len(doc.sections) == 1 and len(doc.blocks) == 1
    nested = "".join(f"Point {i % 9 + 1}: goals are\n➣ item\n" for i in range(5000))
    doc2 = reportx.parse(nested)
    assert len(doc2.blocks) == 10000
    assert all(b.parent == b.id - 1 for b in doc2.blocks if b.marker == "➣")
    assert all(b.parent is None for b in doc2.blocks if b.marker != "➣")  # Point 2 is Point 1's sibling


def test_cli_exits_non_zero_with_one_line_naming_file_and_position(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("第一行\n增长".encode() + b"\xff" + b"5%\n")
    r = run_cli("parse", str(bad))
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0] and "line 2" in lines[0] and "column 3" in lines[0] and "byte 16" in lines[0]
    missing = run_cli("parse", str(tmp_path / "nope.txt"))
    assert missing.returncode != 0
    assert len(missing.stderr.strip().splitlines()) == 1 and "nope.txt" in missing.stderr


def test_cli_reads_standard_input_and_names_it_on_error():
    r = subprocess.run([sys.executable, "-m", "reportx.cli", "parse", "-"], input=b"ok\n\xc0\xaf", capture_output=True,
                       timeout=60)
    assert r.returncode != 0
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("reportx: -:") and "line 2" in err[0]
    ok = subprocess.run([sys.executable, "-m", "reportx.cli", "parse", "-", "--format", "jsonl"],
                        input="一、2023年工作回顾\n".encode(), capture_output=True, timeout=60)
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["sections"][0]["heading"] == "一、2023年工作回顾"
