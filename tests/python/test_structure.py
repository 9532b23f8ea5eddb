"""The structure parser through the Python API: documents as objects, JSON equal to
the CLI's, code-point offsets, golden checks on the corpus, and property tests
(hypothesis) for the structure invariants on generated and arbitrary text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportx

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))
DATA = Path(__file__).resolve().parents[1] / "data" / "structure"
ALL_DOCS = sorted(CORPUS.glob("*.txt"))
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# White space as reportx reads it (reportx/utf8.hpp is_space): Python's str.isspace also
# counts the ASCII separators \x1c-\x1f, which reportx keeps as (visible) characters.
SPACES = set(" \t\n\r\v\f\xa0\u3000\u202f\u205f\u1680\x85\u2028\u2029") | {chr(c) for c in range(0x2000, 0x200B)}

needs_corpus = pytest.mark.skipif(not ALL_DOCS, reason="shared/corpus not found")


def invisible(ch: str) -> bool:
    return ch in SPACES or ch in ZERO_WIDTH


def check_invariants(doc: reportx.Document) -> None:
    """Spans slice back, blocks are ordered without overlap, sections nest, items'
    parents are earlier items, and every visible character lies in some block."""
    text = doc.text
    blocks, sections = doc.blocks, doc.sections
    prev_end = 0
    for i, b in enumerate(blocks):
        assert b.id == i
        assert 0 <= b.start < b.end <= len(text)
        assert text[b.start:b.end] == b.text
        assert not invisible(b.text[0]) and not invisible(b.text[-1]), repr(b.text[:20])
        assert b.start >= prev_end, f"block {i} overlaps the one before"
        prev_end = b.end
        assert b.kind in ("heading", "paragraph", "item", "meta")
        assert (b.kind == "item") == (b.marker is not None)
        if b.marker is not None:
            assert b.text.startswith(b.marker)
        if b.parent is not None:
            assert b.parent < b.id and blocks[b.parent].kind == "item"
        if b.section is not None:
            s = sections[b.section]
            assert s.start <= b.start and b.end <= s.end
    for j, s in enumerate(sections):
        assert s.id == j
        whole = text[s.start:s.end]
        assert s.heading and s.heading in whole.split("\n", 1)[0]
        if s.parent is not None:
            p = sections[s.parent]
            assert s.parent < j and p.level < s.level
            assert p.start <= s.start and s.end <= p.end
        if j:
            assert sections[j - 1].start < s.start
    # nothing lost
    covered = bytearray(len(text))
    for b in blocks:
        covered[b.start:b.end] = b"\x01" * (b.end - b.start)
    lost = [i for i, ch in enumerate(text) if not covered[i] and not invisible(ch)]
    assert not lost, f"visible characters in no block at {lost[:5]}: {text[lost[0]:lost[0] + 20]!r}"


# ---- the API ------------------------------------------------------------------------------

def test_parse_gives_sections_and_blocks_as_objects():
    doc = reportx.parse("一、2023年工作回顾\n\n（一）着力扩大国内需求。推动消费从疫后恢复转向持续扩大。\n\n"
                        "——经济总体回升向好。国内生产总值超过126万亿元，增长5.2%。\n")
    assert doc.lang == "zh"
    assert [(s.level, s.label, s.heading) for s in doc.sections] == [
        (1, "一", "一、2023年工作回顾"), (2, "一", "（一）着力扩大国内需求")]
    assert doc.sections[1].parent == 0
    assert [b.kind for b in doc.blocks] == ["heading", "heading", "paragraph", "item"]
    assert doc.blocks[3].marker == "——"
    assert doc.blocks[3].section == 1
    assert doc.blocks[2].text == "推动消费从疫后恢复转向持续扩大。"
    check_invariants(doc)


def test_offsets_are_code_points_with_astral_and_cjk_text():
    text = "\ufeff政府工作报告\r\n\r\n\u3000\u3000😀 增长5.2％\r\n\u200b\r\n万亿元。\r\n➣ GDP growth of around 5%;\n"
    doc = reportx.parse(text)
    check_invariants(doc)
    assert doc.title == "政府工作报告"
    texts = [b.text for b in doc.blocks]
    assert texts[1] == "😀 增长5.2％\r\n\u200b\r\n万亿元。"
    assert doc.blocks[1].start == text.index("😀")


@needs_corpus
def test_to_dict_and_to_json_equal_the_cli_json(tmp_path):
    path = CORPUS / "seed-2024-summary-en.txt"
    doc = reportx.parse_file(path)
    out = subprocess.run([sys.executable, "-m", "reportx.cli", "parse", str(path), "--format", "json"],
                         capture_output=True, text=True, check=True)
    cli = json.loads(out.stdout)
    assert cli == doc.to_dict()
    assert json.loads(doc.to_json()) == cli
    jl = subprocess.run([sys.executable, "-m", "reportx.cli", "parse", str(path), str(CORPUS / "gwr-2024-zh.txt"),
                         "--format", "jsonl"], capture_output=True, text=True, check=True)
    lines = jl.stdout.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0]) == cli
    assert json.loads(lines[1]) == reportx.parse_file(CORPUS / "gwr-2024-zh.txt").to_dict()
    d = doc.to_dict()
    assert [b["text"] for b in d["blocks"]] == [b.text for b in doc.blocks]
    assert d["statements"] == [] or isinstance(d["statements"], list)


# ---- golden checks on the corpus ---------------------------------------------------------

def _tsv(name):
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append([c.replace("\\n", "\n") for c in line.split("\t")])
    return rows


@needs_corpus
@pytest.mark.parametrize("row", _tsv("gwr_parts.tsv"), ids=lambda r: r[0])
def test_national_reports_parts_and_main_target_paragraph(row):
    name, date, year, title, headings, target = row
    doc = reportx.parse_file(CORPUS / name)
    check_invariants(doc)
    assert doc.doc_id == name[:-4]
    assert doc.date == (None if date == "-" else date)
    assert doc.year == int(year)
    assert doc.title == (None if title == "-" else title)
    parts = [s for s in doc.sections if s.level == 1]
    assert [s.heading for s in parts] == headings.split("|")
    assert [s.label for s in parts] == ["一", "二", "三", "四", "五", "六"][:len(parts)]
    main = [b for b in doc.blocks if b.text.startswith(target)]
    assert len(main) == 1 and main[0].kind == "paragraph"
    assert doc.text.index(target) == main[0].start
    assert all(b.kind == "meta" and b.section is None for b in doc.blocks
               if b.start >= doc.text.index("本作品是中华人民共和国的"))


@needs_corpus
@pytest.mark.parametrize("row", _tsv("prov_targets.tsv"), ids=lambda r: r[0])
def test_provincial_main_target_paragraph(row):
    doc = reportx.parse_file(CORPUS / row[0])
    check_invariants(doc)
    assert [b.start for b in doc.blocks if b.text.startswith(row[1])] == [doc.text.index(row[1])]


@needs_corpus
def test_seed_summary():
    doc = reportx.parse_file(CORPUS / "seed-2024-summary-en.txt")
    assert (doc.lang, doc.date, doc.year) == ("en", "2024-03-21", 2024)
    assert doc.title.startswith("Government work report first mentioned lithium batteries")
    bullets = [b for b in doc.blocks if b.marker == "➣"]
    points = [b for b in doc.blocks if b.marker and b.marker.startswith("Point")]
    assert len(bullets) == 9
    assert [b.marker for b in points] == [f"Point {i}:" for i in range(1, 9)]
    # the line with three bullets is three items
    line = "➣ Formulating policies to support the development of green and low-carbon industries."
    i = [b.text for b in bullets].index(line)
    assert bullets[i + 1].text == "➣ Promoting ultra-low emission transformation in key industries."
    assert bullets[i + 2].text.startswith("➣ Launch the construction of the first batch")
    assert bullets[i + 2].text.endswith("promote global climate governance.")
    assert [b.parent for b in bullets[-2:]] == [points[0].id] * 2
    assert doc.blocks[-1].kind == "meta" and doc.blocks[-1].text == "Post time: Mar-21-2024"


@needs_corpus
def test_english_sample_2020():
    doc = reportx.parse_file(CORPUS / "dev-gwr-2020-synth-en.txt")
    assert (doc.date, doc.year, doc.title) == ("2020-05-22", 2020, "REPORT ON THE WORK OF THE GOVERNMENT")
    assert [(s.label, s.heading.split(". ", 1)[1][:20]) for s in doc.sections] == [
        ("I", "A Review of Our Work"), ("II", "Overall Requirements"), ("III", "Major Tasks for 2020")]
    dots = [b for b in doc.blocks if b.marker == "•"]
    assert len(dots) == 10 and dots[0].text == "• over 9 million new urban jobs;"
    assert [b.marker for b in doc.blocks if b.marker in ("--", "(1)", "(2)", "(3)", "(4)")] == \
        ["--"] * 4 + ["(1)", "(2)", "(3)", "(4)"]
    lead = doc.blocks[dots[0].id - 1]
    assert (lead.kind, lead.text) == ("heading", "The main targets for this year are:")


@needs_corpus
@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.name)
def test_every_corpus_document_keeps_the_invariants(path):
    doc = reportx.parse_file(path)
    check_invariants(doc)
    assert doc.to_dict()["length"] == len(doc.text)
    assert doc.lang == ("zh" if path.name.endswith("-zh.txt") else "en")


# ---- property tests -----------------------------------------------------------------------

PHRASES = [
    "国内生产总值增长5.2%", "城镇新增就业1244万人", "居民消费价格涨幅3%左右", "GDP growth of around 5%",
    "energy consumption per unit of GDP", "推动消费从疫后恢复转向持续扩大", "74.4", "万亿元", "M", "2", "😀",
    "主要预期目标是：", "Post time: Mar-21-2024", "本作品是中华人民共和国的", "下载", "大",
]
MARKERS = ["", "", "", "➣", "➣ ", "• ", "-- ", "- ", "– ", "—— ", "——", "一是", "第一，", "Point 3: ", "(2) ",
           "1. ", "（一）", "一、", "二、", "I. ", "II. ", "# ", "## ", "**", "* "]
INDENTS = ["", " ", "\u3000\u3000", "\u00a0", "\t", "\u200b"]
ENDS = ["", "。", ".", "：", ":", "；", ",", "，", "**"]
BREAKS = ["\n", "\n\n", "\r\n", "\n\u200b\n", "\n \n", "\n\n\n"]
ODD_CHARS = "a。：:.,，、；（）()“”—-➣•\u3000\u00a0\u200b\x00\x1f\r\t 5%％年月日一二😀"


@st.composite
def report_like(draw):
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        words = draw(st.lists(st.sampled_from(PHRASES) | st.text(ODD_CHARS, max_size=4), max_size=4))
        line = (draw(st.sampled_from(INDENTS)) + draw(st.sampled_from(MARKERS)) + "，".join(words)
                + draw(st.sampled_from(ENDS)) + draw(st.sampled_from(INDENTS)))
        parts.append(line + draw(st.sampled_from(BREAKS)))
    return "".join(parts)


@settings(max_examples=120, deadline=None)  # generation dominates the cost (~25 ms per document)
@given(report_like())
def test_property_generated_reports(text):
    doc = reportx.parse(text)
    assert doc.text == text
    check_invariants(doc)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_property_arbitrary_text(text):
    doc = reportx.parse(text)
    check_invariants(doc)


@needs_corpus
def test_property_corpus_lines_in_random_order():
    """Real lines from every corpus document, shuffled and rejoined with assorted breaks."""
    import random

    lines = [ln for p in ALL_DOCS for ln in p.read_text(encoding="utf-8").split("\n")]
    rng = random.Random(20240305)
    breaks = ["\n", "\n\n", "\r\n", "\n\u200b\n", "\n\u3000\n"]
    for _ in range(60):
        text = "".join(rng.choice(lines) + rng.choice(breaks) for _ in range(rng.randint(1, 300)))
        check_invariants(reportx.parse(text))
