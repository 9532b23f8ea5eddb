"""The parser is safe from several Python threads at once, and releases the GIL."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import reportx

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))


def _texts():
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        pytest.skip("corpus missing")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def test_concurrent_parses_equal_sequential_ones():
    texts = _texts()
    expected = {name: reportx.parse(t, doc_id=name).to_json() for name, t in texts}
    work = texts * 3
    barrier = threading.Barrier(4)

    def run(chunk):
        barrier.wait()  # start all threads together
        return [(name, reportx.parse(t, doc_id=name).to_json()) for name, t in chunk]

    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(run, [work[i::4] for i in range(4)]))
    got = [r for chunk in results for r in chunk]
    assert len(got) == len(work)
    for name, js in got:
        assert js == expected[name], name


def test_concurrent_parse_many_and_tables():
    texts = _texts()
    names = [n for n, _ in texts]
    expected = [reportx.parse(t, doc_id=n).to_json() for n, t in texts]

    def run(_):
        docs = reportx.parse_many([t for _, t in texts], doc_ids=names, threads=2, errors="raise")
        return [d.to_json() for d in docs], sum(len(d.blocks) for d in docs)

    with ThreadPoolExecutor(3) as ex:
        results = list(ex.map(run, range(3)))
    for js, nblocks in results:
        assert js == expected
        assert nblocks == results[0][1]


def test_parse_releases_the_gil():
    # While one thread parses a large text in C++, another Python thread keeps running.
    text = "".join(t for _, t in _texts()) * 10
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    th = threading.Thread(target=ticker)
    th.start()
    try:
        t0 = time.perf_counter()
        reportx.parse(text)
        t1 = time.perf_counter()
    finally:
        stop.set()
        th.join()
    during = [t for t in ticks if t0 < t < t1]
    if t1 - t0 < 0.02:
        pytest.skip("the parse was too quick to observe")
    assert len(during) >= 3
