"""The command line: formats, tables, stdin, directories and globs, errors, help."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import reportx
from reportx.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "data" / "seed-2024-summary-en.txt"
ZH = ROOT / "examples" / "data" / "gwr-2024-zh.txt"
CORPUS = Path(os.environ.get("REPORTX_CORPUS", ROOT / ".." / "shared" / "corpus"))


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "reportx.cli", *map(str, args)], input=stdin,
                          capture_output=True, cwd=ROOT)


def test_json_one_object_and_array_for_several(capsys):
    assert main(["parse", str(SEED)]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one["doc_id"] == "seed-2024-summary-en" and one["schema"] == "reportx/1"
    assert one == reportx.parse_file(SEED).to_dict()
    assert main(["parse", str(SEED), str(ZH)]) == 0
    many = json.loads(capsys.readouterr().out)
    assert [d["doc_id"] for d in many] == ["seed-2024-summary-en", "gwr-2024-zh"]


def test_jsonl_and_directory(capsys):
    assert main(["parse", str(ROOT / "examples" / "data"), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["doc_id"] for x in lines] == ["gwr-2024-zh", "seed-2024-summary-en"]


def test_csv_table_matches_the_frame(capsys):
    pd = pytest.importorskip("pandas")
    assert main(["parse", str(SEED), str(ZH), "--format", "csv", "--table", "blocks"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    df = reportx.to_pandas(reportx.parse_many([SEED, ZH]), "blocks")
    assert len(rows) == len(df) and list(rows[0]) == list(df.columns)
    for r, (_, d) in zip(rows, df.iterrows()):
        assert r["doc_id"] == d["doc_id"] and r["text"] == d["text"] and int(r["start"]) == d["start"]
        assert r["marker"] == ("" if pd.isna(d["marker"]) else d["marker"])


def test_table_format_has_a_header_and_aligned_rows(capsys):
    assert main(["parse", str(SEED), "--format", "table"]) == 0
    out = capsys.readouterr().out
    doc = reportx.parse_file(SEED)
    assert out.startswith("# seed-2024-summary-en")
    assert f"{len(doc.blocks)} blocks" in out and f"{len(doc.statements)} statements" in out
    if doc.statements:
        lines = out.splitlines()
        head = next(i for i, l in enumerate(lines) if l.startswith("id "))
        assert set(lines[head + 1]) <= {"-", " "}
        assert len(lines) - head - 2 == len(doc.statements)
        assert doc.statements[0].text.split()[0] in lines[head + 2]


def test_stdin_and_overrides():
    r = run("parse", "-", "--format", "jsonl", "--lang", "en", "--year", "2030", stdin="增长5%\n".encode())
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["doc_id"], d["lang"], d["year"], d["source"]) == ("stdin", "en", 2030, None)


def test_glob(capsys):
    if not list(CORPUS.glob("gwr-201*-zh.txt")):
        pytest.skip("corpus missing")
    assert main(["parse", str(CORPUS / "gwr-201*-zh.txt"), "--format", "jsonl"]) == 0
    ids = [json.loads(x)["doc_id"] for x in capsys.readouterr().out.splitlines()]
    assert ids == [f"gwr-{y}-zh" for y in range(2014, 2020)]


def test_errors_go_to_stderr_with_nonzero_exit(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\xff")
    r = run("parse", SEED, bad, tmp_path / "missing.txt", "--format", "jsonl")
    assert r.returncode == 1
    assert b"bad.txt" in r.stderr and b"byte 3" in r.stderr and b"missing.txt" in r.stderr
    assert [json.loads(x)["doc_id"] for x in r.stdout.splitlines()] == ["seed-2024-summary-en"]
    r = run("parse", "--format", "xml", SEED)
    assert r.returncode == 2 and b"invalid choice" in r.stderr
    r = run("parse", str(tmp_path / "*.nothing"))
    assert r.returncode == 1 and b"no file matches" in r.stderr


def test_help_for_each_command():
    for cmd in ([], ["parse"], ["compare"], ["html"]):
        r = run(*cmd, "--help")
        assert r.returncode == 0 and b"usage: reportx" in r.stdout


def test_html_command(tmp_path):
    out = tmp_path / "o.html"
    r = run("html", SEED, "-o", out)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Premier Li Qiang" in page
    r = run("html", "-", stdin=b"a < b\n")
    assert r.returncode == 0 and b"a &lt; b" in r.stdout


def test_compare_command(capsys):
    pytest.importorskip("pandas")
    assert main(["compare", str(SEED), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("series,metric_id,year,doc_id,value")


def test_progress_bar_only_when_asked_for_or_long(tmp_path, capsys):
    files = []
    for i in range(25):
        f = tmp_path / f"d{i:02}.txt"
        f.write_text(f"增长{i}%\n", encoding="utf-8")
        files.append(f)
    assert main(["parse", str(tmp_path), "--format", "jsonl"]) == 0
    cap = capsys.readouterr()
    assert len(cap.out.splitlines()) == 25 and "25/25 files" in cap.err
    assert main(["parse", *map(str, files[:3]), "--format", "jsonl"]) == 0
    assert capsys.readouterr().err == ""


def test_no_avx2_gives_the_same_output():
    # REPORTX_NO_AVX2 turns the AVX2 byte scans off (the SSE2 paths run): a Chinese and an
    # English report come out byte for byte the same, through the whole package.
    def parse(env):
        done = subprocess.run([sys.executable, "-m", "reportx.cli", "parse", str(ZH), str(SEED), "--format", "jsonl"],
                              capture_output=True, cwd=ROOT, env={**os.environ, **env})
        assert done.returncode == 0, done.stderr
        return done.stdout
    default, without = parse({}), parse({"REPORTX_NO_AVX2": "1"})
    assert len(default.splitlines()) == 2 and b'"statements"' in default
    assert without == default
