"""The percent-format examples in examples/python run from start to end."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "python"
CORPUS = Path(os.environ.get("REPORTX_CORPUS", ROOT.parent / "shared" / "corpus"))


def _run(name, tmp_path):
    env = dict(os.environ, REPORTX_CORPUS=str(CORPUS), REPORTX_OUT=str(tmp_path), MPLBACKEND="Agg")
    r = subprocess.run([sys.executable, str(EXAMPLES / name)], capture_output=True, env=env, cwd=tmp_path,
                       timeout=300)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-3000:]
    return r.stdout.decode()


def test_examples_are_percent_scripts():
    scripts = sorted(EXAMPLES.glob("*.py"))
    assert len(scripts) >= 3
    for s in scripts:
        assert "# %%" in s.read_text(encoding="utf-8"), s


def test_statements_table(tmp_path):
    pytest.importorskip("pandas")
    out = _run("statements_table.py", tmp_path)
    assert "<reportx.Document seed-2024-summary-en" in out and "kind" in out


def test_target_series_and_plot(tmp_path):
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    if not list(CORPUS.glob("gwr-*-zh.txt")):
        pytest.skip(f"national reports not found in {CORPUS}")
    out = _run("target_series.py", tmp_path)
    assert "11 reports" in out
    png = tmp_path / "gdp_growth_targets.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_html_view(tmp_path):
    out = _run("html_view.py", tmp_path)
    page = tmp_path / "gwr-2024-zh.html"
    assert "wrote" in out and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
