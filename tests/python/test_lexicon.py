"""reportx.load_lexicon: user lexicons from a path, a dict, a list of rows; errors."""

from __future__ import annotations

import pytest

import reportx

SENTENCE = "We will boldly decarbonise steel and develop geothermal energy."


def actions(doc):
    return [(a.verb, a.modifiers, a.object, a.topics) for a in doc.actions]


def test_dict_of_kinds_extends_builtin():
    lex = reportx.load_lexicon({
        "topic": [{"id": "industry.steel", "label": "steel", "aliases": ["steel", "钢铁"]},
                  {"id": "energy.geothermal", "label": "geothermal", "aliases": "geothermal|地热"}],
        "verb": [{"id": "decarbonise", "weight": 2.5, "aliases": ["decarbonise", "decarbonises"]}],
        "modifier": [{"id": "boldly", "weight": 1.2, "aliases": ["boldly"]}],
    })
    assert isinstance(lex, reportx.Lexicon)
    assert len(lex) > len(reportx.Lexicon.builtin())
    doc = reportx.parse(SENTENCE, lexicon=lex)
    assert actions(doc) == [("decarbonise", ["boldly"], "steel", ["industry.steel"]),
                            ("develop", [], "geothermal energy", ["energy.geothermal"])]
    assert doc.actions[0].intensity == pytest.approx(3.7)
    # built-ins are still there
    assert [t.id for t in reportx.parse("发展光伏和地热", lexicon=lex).topics] == ["energy.photovoltaics",
                                                                          "energy.geothermal"]


def test_rows_and_replace():
    rows = [{"kind": "topic", "id": "mine.geo", "label": "geothermal", "aliases": ["geothermal"]}]
    doc = reportx.parse("Develop solar and geothermal energy.", lexicon=reportx.load_lexicon(rows, replace=True))
    assert [t.id for t in doc.topics] == ["mine.geo"]          # built-in topics replaced
    assert [a.verb for a in doc.actions] == ["develop"]         # built-in verbs kept
    doc = reportx.parse("Develop solar and geothermal energy.", lexicon=reportx.load_lexicon(rows))
    assert [t.id for t in doc.topics] == ["energy.photovoltaics", "mine.geo"]


def test_path(tmp_path):
    p = tmp_path / "mine.tsv"
    p.write_text("# my verbs\nverb\tdecarbonise\t-\t2.5\tdecarbonise\n", encoding="utf-8")
    doc = reportx.parse("Decarbonise steel.", lexicon=reportx.load_lexicon(p))
    assert [a.verb for a in doc.actions] == ["decarbonise"]
    assert [a.verb for a in reportx.parse("Decarbonise steel.", lexicon=reportx.load_lexicon(str(p))).actions] \
        == ["decarbonise"]


def test_bad_file_names_file_line_and_problem(tmp_path):
    p = tmp_path / "bad.tsv"
    p.write_text("# header\ntopic\tok\t-\t-\tok\nverb\tboldly\t-\tstrong\tboldly\n", encoding="utf-8")
    with pytest.raises(reportx.LexiconError) as e:
        reportx.load_lexicon(p)
    assert e.value.file.endswith("bad.tsv") and e.value.line == 3 and "weight" in e.value.problem
    assert "bad.tsv:3" in str(e.value)
    p.write_text("topic\tx\t-\n", encoding="utf-8")
    with pytest.raises(reportx.LexiconError) as e:
        reportx.load_lexicon(p)
    assert e.value.line == 1 and "columns" in e.value.problem
    with pytest.raises(reportx.LexiconError) as e:
        reportx.load_lexicon(tmp_path / "missing.tsv")
    assert "missing.tsv" in e.value.file


@pytest.mark.parametrize("source, line, words", [
    ({"topic": [{"id": "a", "aliases": ["a"]}, {"id": "b", "aliases": []}]}, 2, "no aliases"),
    ({"verb": [{"id": "x", "weight": "strong", "aliases": ["x"]}]}, 1, "not a number"),
    ({"verb": [{"aliases": ["x"]}]}, 1, "no 'id'"),
    ({"verb": [{"id": "x", "aliases": ["x"], "alias": "y"}]}, 1, "unknown field"),
    ({"verb": "promote"}, 0, "list of entries"),
    ([{"kind": "topic", "id": "x", "aliases": ["x", 3]}], 1, "must be a string"),
    ([{"kind": "Topic", "id": "x", "aliases": ["x"]}], 1, "lower-case"),
    ([{"id": "x", "aliases": ["x"]}], 1, "kind"),
    ([{"kind": "topic", "id": "x", "aliases": "a||b"}], 1, "empty alias"),
])
def test_bad_dict_entries(source, line, words):
    with pytest.raises(reportx.LexiconError) as e:
        reportx.load_lexicon(source)
    assert e.value.line == line
    assert words in str(e.value)


def test_wrong_type():
    with pytest.raises(TypeError):
        reportx.load_lexicon(42)
