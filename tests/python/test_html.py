"""HTML views: the page renders in a real headless chromium with the spans highlighted."""

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reportx
from reportx.html import render_text

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))
SEED = Path(__file__).resolve().parents[2] / "examples" / "data" / "seed-2024-summary-en.txt"


def _chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no chromium binary on PATH (Debian package `chromium`): the browser test cannot run")


def dump_dom(path: Path) -> str:
    exe = _chromium()
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", "--dump-dom", path.resolve().as_uri()],
                           capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    return r.stdout.decode("utf-8")


class Marks(HTMLParser):
    """Collects the text of each <mark> (by data-id, pieces joined) from a DOM dump."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.text = {}
        self.types = {}
        self.body = {}
        self.counts = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            self.stack.append(a.get("data-id"))
            self.text.setdefault(a.get("data-id"), "")
            self.types[a.get("data-id")] = a.get("data-type")
        elif tag == "body":
            self.body = a
        elif tag == "span" and a.get("class") == "rx-count":
            self.counts[a["data-type"]] = int(a["data-count"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data):
        for ident in self.stack:
            self.text[ident] += data


def test_render_text_nests_crossing_spans_and_escapes():
    text = "a <script>x & y</script> b"
    items = [(2, 10, "action", "a0", {"data-label": "<x>"}), (5, 14, "statement", "s0", {}),
             (0, len(text), "topic", "t0", {})]
    out = render_text(text, items)
    assert "<script" not in out and "</script" not in out and "&amp;" in out
    p = Marks()
    p.feed(out)
    assert p.text == {"t0": text, "a0": text[2:10], "s0": text[5:14]}
    assert out.count("<mark") == out.count("</mark>") == 4  # the action is split in two


def test_page_in_headless_chromium_shows_crossing_and_escaped_spans(tmp_path):
    text = "一、回顾\n增长<5%> & \"更多\"\u3000</div><script>alert(1)</script>\n"
    items = [(5, 12, "statement", "s0", {"data-kind": "target", "data-label": "target gdp_growth"}),
             (7, 20, "action", "a0", {"data-label": "verb"})]
    from reportx import html as rh

    page = ("<!DOCTYPE html><html><head><meta charset=utf-8></head><body><div id=rx-legend></div>"
            f"<div class=rx-text>{render_text(text, items)}</div><script>{rh._JS}</script></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    dom = dump_dom(path)
    p = Marks()
    p.feed(dom)
    assert p.body.get("data-rendered") == "1"  # the page's script ran in the browser
    assert p.text == {"s0": text[5:12], "a0": text[7:20]}
    assert p.counts["statement"] == 1 and p.counts["action"] == 1


def _check_doc_page(doc, tmp_path):
    path = tmp_path / f"{doc.doc_id}.html"
    doc.to_html(str(path))
    dom = dump_dom(path)
    p = Marks()
    p.feed(dom)
    assert p.body.get("data-rendered") == "1"
    assert doc.statements, "the parser found no statements in this report"
    for s in doc.statements:
        assert p.text[f"s{s.id}"] == s.text == doc.text[s.start:s.end]
        if s.metric_start is not None and s.metric_end > s.metric_start:
            assert p.text[f"m{s.id}"] == s.metric == doc.text[s.metric_start:s.metric_end]
    for i, t in enumerate(doc.topics):
        assert t.end > t.start and p.text[f"t{i}"] == t.text
    for i, a in enumerate(doc.actions):
        assert a.end > a.start and p.text[f"a{i}"] == a.text
    assert p.counts["statement"] == len(doc.statements)
    assert p.counts["topic"] == len(doc.topics) and p.counts["action"] == len(doc.actions)


def test_seed_summary_page_in_headless_chromium(tmp_path):
    _check_doc_page(reportx.parse_file(SEED), tmp_path)


def test_chinese_report_page_in_headless_chromium(tmp_path):
    path = CORPUS / "gwr-2024-zh.txt"
    if not path.exists():
        pytest.skip(f"{path} not found")
    _check_doc_page(reportx.parse_file(path), tmp_path)


def test_repr_html_has_summary_and_escapes():
    doc = reportx.parse("I. <Review>\nGDP grew by 5%.\n", lang="en", doc_id="a<b")
    h = doc._repr_html_()
    assert "a&lt;b" in h and "<b>reportx.Document</b>" in h and "blocks" in h


def test_render_text_any_spans_reconstruct_text_and_each_span():
    hyp = pytest.importorskip("hypothesis")
    st = pytest.importorskip("hypothesis.strategies")

    @hyp.settings(max_examples=200, deadline=None)
    @hyp.given(st.text(alphabet="ab<>&\"'\n 增长%\u3000", max_size=40), st.data())
    def check(text, data):
        n = len(text)
        items = []
        for i in range(data.draw(st.integers(0, 6))):
            if n == 0:
                break
            a = data.draw(st.integers(0, n - 1))
            b = data.draw(st.integers(a + 1, n))
            typ = data.draw(st.sampled_from(["statement", "metric", "topic", "action"]))
            items.append((a, b, typ, f"x{i}", {"data-label": "<l&>"}))
        out = render_text(text, items)
        p = Marks()
        p.feed(out)
        p.close()
        # all text outside tags, in order, is the document
        import re
        import html as h
        assert h.unescape(re.sub(r"<[^>]+>", "", out)) == text
        for a, b, _, ident, _ in items:
            assert p.text[ident] == text[a:b]
        assert out.count("<mark") == out.count("</mark>")

    check()
