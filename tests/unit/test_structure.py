"""The code stays a size a newcomer can carry forward (issue 15): no module of ``orderapp/`` over 800
lines, no class with more than 50 methods. A part that grows past either is split by what it does."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "orderapp"
MAX_MODULE_LINES = 800
MAX_CLASS_METHODS = 50


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "versions" not in path.parts)


def methods_per_class(source: str) -> dict[str, int]:
    """Every class (nested ones too) with the number of functions defined directly in its body."""
    counts: dict[str, int] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            counts[node.name] = sum(isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) for item in node.body)
    return counts


def test_the_counter_counts_methods_not_nested_functions() -> None:
    source = (
        "class A:\n"
        "    def one(self):\n"
        "        def inner(): pass\n"
        "    @property\n"
        "    def two(self): pass\n"
        "    async def three(self): pass\n"
        "    x = 1\n"
    )
    assert methods_per_class(source) == {"A": 3}


def test_no_class_has_more_than_50_methods() -> None:
    too_big = {
        f"{path.relative_to(PACKAGE.parent)}:{name}": count
        for path in _modules()
        for name, count in methods_per_class(path.read_text(encoding="utf-8")).items()
        if count > MAX_CLASS_METHODS
    }
    assert not too_big, f"classes over {MAX_CLASS_METHODS} methods (split them by what their parts do): {too_big}"


def test_no_module_is_over_800_lines() -> None:
    too_long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in _modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines (split them by what their parts do): {too_long}"
