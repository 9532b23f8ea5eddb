"""reportx.dask on a LocalCluster with worker processes gives the single-machine rows."""

import os
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import reportx
import reportx.dask as rxd

CORPUS = Path(os.environ.get("REPORTX_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"))


def _norm(df):
    df = df.copy()
    for c in df.columns:
        if str(df[c].dtype) == "category":
            df[c] = df[c].astype("string")
    return df.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as c:
        yield c


def test_same_rows_as_the_single_machine_path(client):
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        pytest.skip("corpus missing")
    local_docs = reportx.parse_many(paths, errors="raise")
    for table, reader in (("statements", rxd.read_statements), ("topics", rxd.read_topics),
                          ("actions", rxd.read_actions), ("blocks", lambda p: rxd.read_table(p, "blocks"))):
        ddf = reader(str(CORPUS / "*.txt"))
        assert ddf.npartitions == len(paths)
        assert list(ddf.columns) == list(reportx.to_pandas([], table).columns)
        got = ddf.compute()
        want = reportx.to_pandas(local_docs, table)
        assert len(got) == len(want)
        assert (got.dtypes.astype(str) == want.dtypes.astype(str)).all()
        pd.testing.assert_frame_equal(_norm(got), _norm(want))
    # the workers did the parsing: the tasks ran in other processes
    pids = client.run(os.getpid)
    assert os.getpid() not in pids.values() and len(pids) == 2


def test_grouped_partitions_and_filters(client):
    paths = sorted(CORPUS.glob("gwr-*-zh.txt"))
    if not paths:
        pytest.skip("corpus missing")
    ddf = rxd.read_table(paths, "blocks", files_per_partition=4)
    assert ddf.npartitions == (len(paths) + 3) // 4
    n = ddf[ddf.kind == "paragraph"].groupby("doc_id", observed=True).size().compute()
    want = reportx.to_pandas(reportx.parse_many(paths), "blocks")
    want = want[want.kind == "paragraph"].groupby("doc_id", observed=True).size()
    assert n.sort_index().to_dict() == want.sort_index().to_dict()


def test_missing_files():
    with pytest.raises(FileNotFoundError):
        rxd.read_statements(str(CORPUS / "*.nothing"))
