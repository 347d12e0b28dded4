"""The packages look only down: ingest/ < index/ < assistant/ < eval/ (no import of a higher layer)."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

LAYERS = ("ingest", "index", "assistant", "eval")


def _imports(source: str) -> list[tuple[int, str]]:
    """Every absolute module a source file imports, with its line (imports inside functions too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def upward_imports() -> list[str]:
    arrows = []
    for rank, layer in enumerate(LAYERS):
        for path in sorted((ROOT / layer).rglob("*.py")):
            for line, module in _imports(path.read_text(encoding="utf-8")):
                top = module.split(".")[0]
                if top in LAYERS and LAYERS.index(top) > rank:
                    arrows.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return arrows


def test_no_layer_imports_a_layer_above_it():
    assert upward_imports() == []


def test_the_check_sees_an_import_inside_a_function():
    source = "def f():\n    from eval.run import run_eval\n    import index.build\n"
    assert _imports(source) == [(2, "eval.run"), (3, "index.build")]


def test_brieven_eval_is_still_a_subcommand():
    # eval/ registers it through the brieven.commands entry point (pyproject.toml)
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "eval", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert "--judge" in out.stdout
