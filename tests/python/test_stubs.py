"""The type stubs cover the compiled module, and the package ships py.typed."""

import ast
import inspect
from pathlib import Path

import reportx
from reportx import _core

PKG = Path(reportx.__file__).parent


def _stub():
    return ast.parse((PKG / "_core.pyi").read_text(encoding="utf-8"))


def _names(tree):
    out = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = node
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = node
    return out


def test_every_public_name_of_core_has_a_stub():
    stub = _names(_stub())
    public = [n for n in dir(_core) if not n.startswith("_")] + ["__version__"]
    missing = [n for n in public if n not in stub]
    assert not missing, f"add these to python/reportx/_core.pyi: {missing}"


def test_class_members_have_stubs():
    stub = _names(_stub())
    for cls in ("Document", "Lexicon"):
        members = {n.name for n in stub[cls].body if isinstance(n, ast.FunctionDef)}
        public = {n for n in dir(getattr(_core, cls)) if not n.startswith("_")}
        assert public <= members, (cls, public - members)


def test_stub_keyword_arguments_match_the_binding():
    stub = _names(_stub())
    for fn in ("parse", "parse_file", "parse_many", "tables"):
        doc = getattr(_core, fn).__doc__
        for arg in stub[fn].args.kwonlyargs:
            assert f"{arg.arg}:" in doc, (fn, arg.arg)


def test_py_typed_ships_and_public_api_is_annotated():
    assert (PKG / "py.typed").exists()
    for name in ("parse", "parse_file", "parse_many", "to_pandas", "to_arrow", "compare"):
        fn = getattr(reportx, name)
        assert fn.__doc__, name
        sig = inspect.signature(fn)
        assert all(p.annotation is not inspect.Parameter.empty for p in sig.parameters.values()), name
    for name in reportx.__all__:
        assert hasattr(reportx, name), name
