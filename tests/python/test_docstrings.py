"""The examples in the docstrings of the installed package's public modules run."""

import doctest
import importlib
import pkgutil

import pytest

import reportx

MODULES = ["reportx"] + sorted(f"reportx.{m.name}" for m in pkgutil.iter_modules(reportx.__path__)
                               if not m.name.startswith("_"))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    if name in ("reportx.dask", "reportx.frames", "reportx.compare") :
        pytest.importorskip("pandas")
    if name == "reportx.dask":
        pytest.importorskip("dask.dataframe")
    if name == "reportx.plot":
        pytest.importorskip("matplotlib")
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert res.failed == 0, f"{res.failed} doctest(s) failed in {name}"


def test_the_public_api_has_examples():
    finder = doctest.DocTestFinder()
    examples = sum(len(t.examples) for name in MODULES if name != "reportx.dask"
                   for t in finder.find(importlib.import_module(name)))
    assert examples >= 20
    for fn in (reportx.parse_many, reportx.to_pandas, reportx.Document, reportx.Document.to_pandas):
        assert ">>>" in (fn.__doc__ or ""), fn
