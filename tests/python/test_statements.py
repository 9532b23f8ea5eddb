"""Statements in Python: contract fields, code-point provenance, hand-checked English
documents (tests/data/statements) scored with the project's scorer, and numbers that
must never become statements."""

from __future__ import annotations

import json
import pathlib

import pytest

import reportx
from reportx.eval import score

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "statements"
CORPUS = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

FIELDS = ("id", "block", "section", "start", "end", "text", "metric", "metric_start", "metric_end", "metric_id",
          "value", "low", "high", "unit", "bound", "qualifier", "direction", "kind", "period", "period_end")


def _expected(name: str, text: str):
    """The hand-written expectations of a test document, located in its text."""
    lines = []
    for raw in (DATA / f"{name}.expected.jsonl").read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        g = json.loads(raw)
        start = text.index(g["evidence"])
        g.update(doc_id=name, lang="en", evidence_span=[start, start + len(g["evidence"])])
        lines.append(g)
    return lines


@pytest.mark.parametrize("name", ["report-style-2023-en", "news-summary-2024-en"])
def test_english_documents_match_hand_checked_expectations(name):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    doc = reportx.parse(text, doc_id=name)
    gold = _expected(name, text)
    result = score(gold, {name: [s.to_dict() for s in doc.statements]}, exhaustive=[name])
    misses = [(m["failed_level"], m["gold"]["evidence"], m["statement"]) for m in result["misses"]]
    assert result["recall"]["en"]["period"] == 1.0, misses
    # every target/outcome figure of these documents is in the expectations
    assert result["precision"][name]["precision"] == 1.0, result["precision"][name]["false_positives"]
    # the qualitative items of the target list are there too (bound none, no number)
    nones = [s for s in doc.statements if s.bound == "none"]
    for g in gold:
        if g["bound"] == "none":
            hits = [s for s in nones if s.start < g["evidence_span"][1] and s.end > g["evidence_span"][0]]
            assert hits, g["evidence"]
            assert hits[0].value is None and hits[0].unit is None and hits[0].kind == "target"
            if g["metric_id"] != "other":
                assert hits[0].metric_id == g["metric_id"]


def test_statement_objects_have_the_contract_fields_and_code_point_spans():
    doc = reportx.parse("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；国际收支保持基本平衡。",
                        year=2024)
    assert doc.statements
    for s in doc.statements:
        d = s.to_dict()
        for f in FIELDS:
            assert f in d, f
        assert doc.text[s.start:s.end] == s.text
        if s.metric is not None:
            assert doc.text[s.metric_start:s.metric_end] == s.metric
    gdp = next(s for s in doc.statements if s.text == "5%左右")
    assert (gdp.value, gdp.bound, gdp.qualifier, gdp.unit) == (5, "approx", "左右", "percent")
    assert (gdp.metric_id, gdp.direction, gdp.kind, gdp.period) == ("gdp_growth", "increase", "target", 2024)
    jobs = next(s for s in doc.statements if s.text == "1200万人以上")
    assert (jobs.value, jobs.low, jobs.high, jobs.unit, jobs.bound) == (12000000, 12000000, None, "count", "min")
    assert jobs.metric == "城镇新增就业" and jobs.direction == "level"
    bop = next(s for s in doc.statements if s.bound == "none")
    assert bop.metric_id == "balance_of_payments" and bop.value is None


def test_json_statements_follow_the_contract():
    doc = reportx.parse("GDP growth of 6 to 6.5 percent is the target for this year.", year=2019)
    d = doc.to_dict()
    (s,) = d["statements"]
    assert s["text"] == "6 to 6.5 percent"
    assert (s["value"], s["low"], s["high"], s["bound"]) == (None, 6, 6.5, "range")
    assert s["metric_id"] == "gdp_growth" and s["kind"] == "target" and s["period"] == 2019


@pytest.mark.parametrize("text", [
    "The second session of the 14th National People's Congress opened on March 5, 2024 at 9:00 am.",
    "Point 3: Launch the first batch of pilot cities and carry out the \"Ten Actions for Peak Carbon\".",
    "This is the final year of the 13th Five-Year Plan (2016-2020).",
    "We will promote the new three and extend 5G networks, monitor PM2.5 and M2, and fight COVID-19.",
    "Healthy China 2030 and the three critical battles. Call 010-65123456.",
    "Post time: Mar-21-2024",
    "第十四届全国人民代表大会第二次会议于2024年3月5日上午9时开幕。",
    "（二）进一步深化改革，一是建设全国统一大市场。",
    "“十四五”规划实施，推动“新三样”发展，千方百计稳就业，推进一带一路建设。",
    "广义货币M2和PM2.5浓度继续下降。联系电话：010-65123456。",
])
def test_numbers_that_are_not_statements(text):
    doc = reportx.parse(text)
    assert [s.text for s in doc.statements] == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize("name", ["gwr-2024-zh", "gwr-2018-zh", "prov-beijing-2026-zh", "other-sg-budget-2025-en",
                                  "other-za-sona-2022-en"])
def test_corpus_statements_keep_provenance_and_order(name):
    doc = reportx.parse_file(CORPUS / f"{name}.txt")
    starts = [s.start for s in doc.statements]
    assert starts == sorted(starts)
    assert len(doc.statements) > 10
    for s in doc.statements:
        assert doc.text[s.start:s.end] == s.text
        assert s.bound in ("exact", "approx", "min", "max", "range", "none")
        assert s.kind in ("target", "outcome", "other")
        if s.bound == "range":
            assert s.value is None and s.low is not None and s.high is not None and s.low <= s.high
        elif s.bound == "min":
            assert s.low == s.value
        elif s.bound == "max":
            assert s.high == s.value
        if s.period_end is not None:
            assert s.period is not None and s.period <= s.period_end
