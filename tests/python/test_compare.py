"""reportx.compare: targets lined up by metric and year, change, and outcomes."""

import math
import os
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

import reportx
from reportx.compare import compare_frame, default_series

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))


def _frame(rows):
    cols = ["doc_id", "metric_id", "kind", "period", "period_end", "start", "value", "low", "high", "bound", "unit",
            "text"]
    df = pd.DataFrame(rows, columns=cols)
    df["block"] = df["start"] // 100  # statements 100 code points apart sit in different blocks
    for c in ("period", "period_end", "start"):
        df[c] = df[c].astype("Int64")
    for c in ("value", "low", "high"):
        df[c] = df[c].astype("Float64")
    for c in ("doc_id", "metric_id", "kind", "bound", "unit"):
        df[c] = df[c].astype("category")
    return df


def test_series_key_drops_the_year():
    assert default_series("gwr-2024-zh") == "gwr-zh"
    assert default_series("prov-beijing-2026-zh") == "prov-beijing-zh"
    assert default_series("report") == "report"


def test_compare_frame_change_bound_change_and_outcome():
    N = None
    rows = [
        # doc a (2015): outcome for 2014, target for 2015, and a five-year target that is left out
        ("a", "gdp_growth", "outcome", 2014, N, 10, 7.4, N, N, "exact", "percent", "增长7.4%"),
        ("a", "gdp_growth", "target", N, N, 50, 7.0, N, N, "approx", "percent", "7%左右"),
        ("a", "gdp_growth", "target", 2011, 2015, 60, 7.8, N, N, "exact", "percent", "年均增长7.8%"),
        ("a", "cpi", "target", N, N, 70, 3.0, N, N, "approx", "percent", "3%左右"),
        ("a", "gdp_growth", "target", 2020, N, 75, 60.0, N, N, "exact", "percent", "到2020年"),  # not a's year
        # doc b (2016): outcome for 2015, a range target for 2016, and a repeat of the target later
        ("b", "gdp_growth", "outcome", 2015, N, 5, 6.9, N, N, "exact", "percent", "增长6.9%"),
        ("b", "gdp_growth", "target", N, N, 80, N, 6.5, 7.0, "range", "percent", "6.5%－7%"),
        ("b", "gdp_growth", "target", N, N, 90, 6.5, N, N, "min", "percent", "6.5%以上"),
        # doc c (2018): an outcome for 2016 stated two years later, and target 2018
        ("c", "gdp_growth", "outcome", 2016, N, 5, 6.7, N, N, "exact", "percent", "6.7%"),
        ("c", "gdp_growth", "target", N, N, 50, 6.5, N, N, "approx", "percent", "6.5%左右"),
    ]
    out = compare_frame(_frame(rows), {"a": 2015, "b": 2016, "c": 2018}, {"a": "s", "b": "s", "c": "s"})
    g = out[out.metric_id == "gdp_growth"].set_index("year")
    assert list(g.index) == [2014, 2015, 2016, 2018]
    # 2014: outcome only
    assert pd.isna(g.loc[2014, "doc_id"]) and g.loc[2014, "outcome_value"] == 7.4
    # 2015: target 7 approx, outcome 6.9 from b (the next report)
    assert g.loc[2015, "value"] == 7.0 and g.loc[2015, "bound"] == "approx"
    assert g.loc[2015, "outcome_value"] == 6.9 and g.loc[2015, "outcome_doc_id"] == "b"
    assert math.isclose(g.loc[2015, "gap"], -0.1)
    # 2016: the first target in text order (the range), change of the centre 6.75 - 7
    assert (g.loc[2016, "low"], g.loc[2016, "high"], g.loc[2016, "bound"]) == (6.5, 7.0, "range")
    assert math.isclose(g.loc[2016, "change"], -0.25) and g.loc[2016, "bound_change"] == "approx→range"
    assert g.loc[2016, "outcome_value"] == 6.7 and g.loc[2016, "outcome_doc_id"] == "c"
    # 2018: previous target year is 2016 (no 2017 document)
    assert g.loc[2018, "prev_year"] == 2016 and math.isclose(g.loc[2018, "change"], -0.25)
    assert pd.isna(g.loc[2018, "outcome_value"])
    assert out[out.metric_id == "cpi"]["year"].tolist() == [2015]


def test_compare_frame_prefers_the_main_target_list():
    N = None
    rows = [  # a stray "target" alone in block 0, the target list (three targets) in block 5
        ("a", "gdp_growth", "target", N, N, 10, 23.0, N, N, "exact", "percent", "23%"),
        ("a", "gdp_growth", "target", N, N, 500, N, 6.5, 7.0, "range", "percent", "6.5%－7%"),
        ("a", "cpi", "target", N, N, 520, 3.0, N, N, "approx", "percent", "3%左右"),
        ("a", "urban_jobs", "target", N, N, 540, 1e7, 1e7, N, "min", "count", "1000万人以上"),
    ]
    out = compare_frame(_frame(rows), {"a": 2016}, {"a": "s"}, metrics=["gdp_growth"])
    g = out[out.metric_id == "gdp_growth"]
    assert len(g) == 1 and g["bound"].iloc[0] == "range" and g["text"].iloc[0] == "6.5%－7%"


def test_compare_metric_filter_and_empty():
    out = reportx.compare([reportx.parse("I. A\nB.\n", lang="en")], metrics=["gdp_growth"])
    assert len(out) == 0 and "change" in out.columns


# Checked by hand against the reports (grep 国内生产总值增长 in gwr-*-zh.txt): the target
# in each year's 主要预期目标 list, and the outcome the next report states.
GDP_TARGETS = {
    2014: ("approx", 7.5, None, None),   # 国内生产总值增长7.5%左右
    2015: ("approx", 7.0, None, None),   # 国内生产总值增长7%左右
    2016: ("range", None, 6.5, 7.0),     # 国内生产总值增长6.5%－7%
    2017: ("approx", 6.5, None, None),   # 国内生产总值增长6.5%左右
    2018: ("approx", 6.5, None, None),   # 国内生产总值增长6.5%左右
    2019: ("range", None, 6.0, 6.5),     # 国内生产总值增长6%－6.5%
    2021: ("min", 6.0, 6.0, None),       # 国内生产总值增长6%以上
    2022: ("approx", 5.5, None, None),   # 国内生产总值增长5.5%左右
    2023: ("approx", 5.0, None, None),   # 国内生产总值增长5%左右
    2024: ("approx", 5.0, None, None),   # 国内生产总值增长5%左右
    2025: ("approx", 5.0, None, None),   # 国内生产总值增长5%左右
}
GDP_OUTCOMES = {  # year: (value, the report that states it)
    2013: (7.7, "gwr-2014-zh"),  # 国内生产总值达到56.9万亿元，比上年增长7.7%
    2014: (7.4, "gwr-2015-zh"),  # 国内生产总值达到63.6万亿元，比上年增长7.4%
    2015: (6.9, "gwr-2016-zh"),  # 国内生产总值达到67.7万亿元，增长6.9%
    2016: (6.7, "gwr-2017-zh"),  # 国内生产总值达到74.4万亿元，增长6.7%
    2017: (6.9, "gwr-2018-zh"),  # 国内生产总值增长6.9%
    2018: (6.6, "gwr-2019-zh"),  # 国内生产总值增长6.6%
    2020: (2.3, "gwr-2021-zh"),  # 全年国内生产总值增长2.3％
    2021: (8.1, "gwr-2022-zh"),  # 国内生产总值达到114万亿元，增长8.1%
    2022: (3.0, "gwr-2023-zh"),  # 全年国内生产总值增长3%
    2023: (5.2, "gwr-2024-zh"),  # 国内生产总值超过126万亿元，增长5.2%
    2024: (5.0, "gwr-2025-zh"),  # 国内生产总值达到134.9万亿元、增长5%
}


_NATIONAL = {}


def _national():
    paths = sorted(CORPUS.glob("gwr-*-zh.txt"))
    if len(paths) < 11:
        pytest.skip(f"national reports not found in {CORPUS}")
    if "table" not in _NATIONAL:
        docs = reportx.parse_many(paths, threads=2, errors="raise")
        _NATIONAL["table"] = reportx.compare(docs, metrics=["gdp_growth"])
    return _NATIONAL["table"]


def test_gdp_growth_target_years_on_the_national_reports():
    out = _national()
    assert sorted(out[out.doc_id.notna()]["year"]) == sorted(GDP_TARGETS)
    got = out.set_index("year")
    assert math.isclose(got.loc[2017, "change"], 6.5 - 6.75)  # from the 2016 range's centre
    assert got.loc[2016, "bound_change"] == "approx→range"
    assert got.loc[2019, "bound_change"] == "approx→range"
    assert pd.isna(got.loc[2018, "bound_change"]) and math.isclose(got.loc[2018, "change"], 0.0)


@pytest.mark.parametrize("year", sorted(GDP_TARGETS))
def test_gdp_growth_target_of_each_year(year):
    bound, value, low, high = GDP_TARGETS[year]
    out = _national()
    rows = out[(out.year == year) & out.doc_id.notna()]
    assert len(rows) == 1, year
    row = rows.iloc[0]
    assert row["doc_id"] == f"gwr-{year}-zh"
    assert row["bound"] == bound
    assert row["unit"] == "percent"
    for name, want in (("value", value), ("low", low), ("high", high)):
        if want is None:
            assert pd.isna(row[name]), name
        else:
            assert math.isclose(row[name], want), (name, row[name])


@pytest.mark.parametrize("year", sorted(GDP_OUTCOMES))
def test_gdp_growth_outcome_beside_the_target(year):
    value, doc = GDP_OUTCOMES[year]
    out = _national()
    rows = out[out.year == year]
    assert len(rows) == 1, f"no row for {year}"
    row = rows.iloc[0]
    assert not pd.isna(row["outcome_value"]) and math.isclose(row["outcome_value"], value), row["outcome_value"]
    assert row["outcome_doc_id"] == doc
    target = GDP_TARGETS.get(year)
    if target is not None:  # gap = outcome - the target's centre
        bound, v, low, high = target
        centre = v if v is not None else (low + high) / 2
        assert math.isclose(row["gap"], value - centre, abs_tol=1e-9)


def test_plot_targets_draws_points_ranges_and_outcomes(tmp_path):
    pytest.importorskip("matplotlib")
    from reportx.plot import plot_targets

    N = None
    rows = [
        ("a", "gdp_growth", "outcome", 2014, N, 10, 7.4, N, N, "exact", "percent", "7.4%"),
        ("a", "gdp_growth", "target", N, N, 50, 7.0, N, N, "approx", "percent", "7%左右"),
        ("b", "gdp_growth", "outcome", 2015, N, 5, 6.9, N, N, "exact", "percent", "6.9%"),
        ("b", "gdp_growth", "target", N, N, 80, N, 6.5, 7.0, "range", "percent", "6.5%－7%"),
    ]
    table = compare_frame(_frame(rows), {"a": 2015, "b": 2016}, {"a": "s", "b": "s"})
    png = tmp_path / "gdp.png"
    fig = plot_targets(table, "gdp_growth", path=png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    lines = {l.get_label(): (list(l.get_xdata()), list(l.get_ydata())) for l in fig.axes[0].lines}
    assert lines["target"] == ([2015.0], [7.0])
    assert lines["target range"] == ([2016.0, 2016.0], [6.5, 7.0])
    assert lines["outcome"] == ([2014.0, 2015.0], [7.4, 6.9])
    # a year without an outcome breaks the line
    rows.append(("c", "gdp_growth", "outcome", 2017, N, 5, 6.9, N, N, "exact", "percent", "6.9%"))
    table = compare_frame(_frame(rows), {"a": 2015, "b": 2016, "c": 2018}, {"a": "s", "b": "s", "c": "s"})
    fig = plot_targets(table, "gdp_growth")
    (line,) = [l for l in fig.axes[0].lines if l.get_label() == "outcome"]
    assert list(line.get_xdata()) == [2014.0, 2015.0, 2016.0, 2017.0]
    assert math.isnan(line.get_ydata()[2]) and line.get_ydata()[3] == 6.9
    assert fig.axes[0].get_ylabel() == "percent"
