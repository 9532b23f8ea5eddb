"""Speed through Python: parse_many -> statements DataFrame on the corpus.

    python bench/bench_python.py [--corpus DIR] [--repeat N] [--rounds R]

Reports documents/s and MB/s for (1) the C++ parse alone (``_core.parse`` on each
text, one thread), (2) ``parse_many`` + ``to_pandas(docs, "statements")`` with one
thread and (3) with two threads, and the ratio of the whole path to the C++ parse
alone. The corpus is read once into memory and repeated ``--repeat`` times; each
figure is the best of ``--rounds`` runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import reportx
from reportx import _core

ROOT = Path(__file__).resolve().parents[1]


def best(fn, rounds):
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.environ.get("REPORTX_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    ap.add_argument("--repeat", type=int, default=4, help="copies of the corpus per run")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    paths = sorted(Path(args.corpus).glob("*.txt"))
    if not paths:
        sys.exit(f"no *.txt in {args.corpus}")
    corpus = [p.read_text(encoding="utf-8") for p in paths]
    texts = corpus * args.repeat
    ids = [p.stem for p in paths] * args.repeat
    nbytes = sum(len(t.encode("utf-8")) for t in corpus) * args.repeat
    mb = nbytes / 1e6

    def cpp_only():
        for t in texts:
            _core.parse(t)

    def whole(threads):
        def run():
            docs = reportx.parse_many(texts, threads=threads, doc_ids=ids, errors="raise")
            return reportx.to_pandas(docs, "statements")
        return run

    frame = whole(1)()
    t_cpp = best(cpp_only, args.rounds)
    t1 = best(whole(1), args.rounds)
    t2 = best(whole(2), args.rounds)
    print(f"corpus: {len(paths)} files x {args.repeat} = {len(texts)} documents, {mb:.2f} MB, "
          f"{len(frame)} statement rows; best of {args.rounds}; {os.cpu_count()} CPUs")
    print(f"{'path':44} {'seconds':>8} {'docs/s':>9} {'MB/s':>8} {'vs C++':>7}")
    for name, t in (("C++ parse alone (_core.parse, 1 thread)", t_cpp),
                    ("parse_many + to_pandas, threads=1", t1),
                    ("parse_many + to_pandas, threads=2", t2)):
        print(f"{name:44} {t:8.3f} {len(texts) / t:9.1f} {mb / t:8.1f} {t / t_cpp:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
