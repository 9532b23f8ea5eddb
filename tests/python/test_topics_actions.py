"""Topics and actions from Python: hand-checked on real text in both languages,
code-point provenance, the topic_counts table."""

from __future__ import annotations

import os

import pytest

import reportx

CORPUS = os.environ.get("REPORTX_CORPUS", "/work/shared/corpus")


def corpus(name):
    path = os.path.join(CORPUS, name)
    if not os.path.exists(path):
        pytest.skip(f"corpus file {name} not available")
    return reportx.parse_file(path)


@pytest.fixture(scope="module")
def seed():
    return corpus("seed-2024-summary-en.txt")


@pytest.fixture(scope="module")
def gwr2024():
    return corpus("gwr-2024-zh.txt")


def inside(doc, items, passage):
    at = doc.text.index(passage)
    return [x for x in items if at <= x.start and x.end <= at + len(passage)]


def test_offsets_are_code_points(seed, gwr2024):
    for doc in (seed, gwr2024):
        assert doc.topics and doc.actions
        for t in doc.topics:
            assert doc.text[t.start:t.end] == t.text
        for a in doc.actions:
            assert doc.text[a.start:a.end] == a.text
            if a.object is not None:
                assert doc.text[a.object_start:a.object_end] == a.object
                assert a.text.endswith(a.object)
            assert isinstance(a.modifiers, list) and isinstance(a.topics, list)


def test_seed_point8_five_kinds_of_finance(seed):
    (a,) = inside(seed, seed.actions, "Vigorously develop science and technology finance, green finance, "
                                      "inclusive finance, pension finance and digital finance.")
    assert a.verb == "develop"
    assert a.modifiers == ["Vigorously"]
    assert a.object == ("science and technology finance, green finance, inclusive finance, pension finance "
                        "and digital finance")
    assert a.topics == ["finance.sci_tech", "finance.green", "finance.inclusive", "finance.pension",
                        "finance.digital"]
    promote = [x.intensity for x in seed.actions if x.verb == "promote" and not x.modifiers]
    assert promote and all(a.intensity > p for p in promote)


def test_seed_point4_modifiers_as_written(seed):
    acts = inside(seed, seed.actions, "Actively and steadily promote carbon peaking and carbon neutrality. "
                                      "Solidly carry out the \"Ten Actions for Peak Carbon\".")
    assert [(a.verb, a.modifiers, a.object) for a in acts] == [
        ("promote", ["Actively", "steadily"], "carbon peaking and carbon neutrality"),
        ("carry out", ["Solidly"], "the \"Ten Actions for Peak Carbon\""),
    ]
    assert acts[0].topics == ["climate.carbon_peaking", "climate.carbon_neutrality"]
    assert acts[1].topics == ["climate.peak_carbon_actions", "climate.carbon_peaking"]


def test_seed_point7_coordinated_verbs(seed):
    acts = inside(seed, seed.actions, "Stabilizing and expanding traditional consumption, encouraging and promoting "
                                      "the replacement of old consumer goods with new ones")
    assert [(a.verb, a.object) for a in acts] == [
        ("stabilize", "traditional consumption"),
        ("expand", "traditional consumption"),
        ("encourage", "the replacement of old consumer goods with new ones"),
        ("promote", "the replacement of old consumer goods with new ones"),
    ]
    assert acts[0].start == acts[1].start and acts[0].object_start == acts[1].object_start
    assert acts[2].topics == ["consumption.trade_in"]


def test_seed_new_three_expands(seed):
    hits = [t for t in seed.topics if t.text == "the new three"]
    assert len(hits) == 9  # three mentions x three ids
    assert {t.id for t in hits} == {"industry.new_energy_vehicles", "industry.lithium_batteries",
                                    "energy.photovoltaics"}


def test_gwr2024_chinese_themes(gwr2024):
    doc = gwr2024
    (a,) = inside(doc, doc.actions, "积极稳妥推进碳达峰碳中和。")
    assert (a.verb, a.modifiers, a.object, a.text) == ("推进", ["积极稳妥"], "碳达峰碳中和", "积极稳妥推进碳达峰碳中和")
    assert a.topics == ["climate.carbon_peaking", "climate.carbon_neutrality"]
    (a,) = inside(doc, doc.actions, "大力发展绿色低碳经济。")
    assert (a.verb, a.modifiers, a.object, a.topics) == ("发展", ["大力"], "绿色低碳经济", ["climate.green_low_carbon"])
    acts = inside(doc, doc.actions, "巩固扩大智能网联新能源汽车等产业领先优势，")
    assert [(x.verb, x.object) for x in acts] == [("巩固", "智能网联新能源汽车等产业领先优势"),
                                                  ("扩大", "智能网联新能源汽车等产业领先优势")]
    new_three = inside(doc, doc.topics, "光伏产品“新三样”出口")
    assert [(t.id, t.text) for t in new_three] == [
        ("energy.photovoltaics", "光伏产品"),
        ("industry.new_energy_vehicles", "新三样"),
        ("industry.lithium_batteries", "新三样"),
        ("energy.photovoltaics", "新三样"),
        ("trade.exports", "出口"),
    ]


def test_topic_counts_table(gwr2024):
    counts = gwr2024.to_dict()["topic_counts"]
    assert counts
    assert set(counts[0]) == {"section", "section_label", "topic", "label", "count"}
    assert sum(r["count"] for r in counts) == len(gwr2024.topics)
    by_topic = {}
    for r in counts:
        by_topic[r["topic"]] = by_topic.get(r["topic"], 0) + r["count"]
    assert by_topic["energy.photovoltaics"] == sum(t.id == "energy.photovoltaics" for t in gwr2024.topics)
    assert by_topic["climate.carbon_peaking"] >= 3  # 碳达峰试点, 碳达峰碳中和, 碳达峰十大行动


def test_no_topic_inside_other_words():
    doc = reportx.parse("The coalition said the PVC windfall would wind down. 降低水电气价格，优化产业生态。")
    assert doc.topics == []
