"""Each layer imports only the layers below it (ARCHITECTURE.md); type-only imports are free."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from orderapp.commands import GUI_ENTRY_POINTS

PACKAGE = Path(__file__).resolve().parents[2] / "orderapp"

# layer -> the orderapp packages it must never import
FORBIDDEN = {
    "domain": {"store", "services", "documents", "scanning", "commands", "gui"},
    "store": {"services", "documents", "scanning", "commands", "gui"},
    "documents": {"store", "services", "commands", "gui"},
    "scanning": {"store", "services", "documents", "commands", "gui"},
    "services": {"commands", "gui"},
    "commands": {"gui"},
}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, *, in_function: bool = False) -> list[tuple[int, str, bool]]:
    """(line, module, imported inside a function) of every import outside ``if TYPE_CHECKING``."""
    found: list[tuple[int, str, bool]] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            found += _imports(ast.Module(body=node.orelse, type_ignores=[]), in_function=in_function)
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, in_function) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module, in_function))
        nested = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        found += _imports(node, in_function=nested)
    return found


def layer_offences(package: Path, gui_entry_points: frozenset[str] = GUI_ENTRY_POINTS) -> list[str]:
    """Imports of a layer above; a command may import a named GUI entry point inside a function."""
    offences = []
    for layer, forbidden in FORBIDDEN.items():
        for path in sorted((package / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, name, lazily in _imports(tree):
                parts = name.split(".")
                if layer == "commands" and lazily and name in gui_entry_points:
                    continue
                if parts[0] == "orderapp" and len(parts) > 1 and parts[1] in forbidden:
                    offences.append(f"{path.relative_to(package.parent)}:{line} imports {name}")
    return offences


def test_no_layer_imports_a_layer_above_it() -> None:
    # A command may open a window part only through a GUI entry point (orderapp.commands.GUI_ENTRY_POINTS,
    # e.g. ``selftest --window``), imported inside its run, as orderapp/cli.py opens the app.
    assert layer_offences(PACKAGE) == []


def test_every_gui_entry_point_of_the_commands_is_a_gui_module() -> None:
    for module in GUI_ENTRY_POINTS:
        assert module.startswith("orderapp.gui."), module
        assert (PACKAGE.parent / (module.replace(".", "/") + ".py")).is_file(), module


@pytest.mark.parametrize(
    "source, offends",
    [
        ("def run():\n    from orderapp.gui.selftest_window import window_checks\n", False),
        ("from orderapp.gui.selftest_window import window_checks\n", True),  # at the top: Qt for every command
        ("def run():\n    from orderapp.gui.main_window import MainWindow\n", True),  # not an entry point
    ],
)
def test_a_command_may_open_only_a_named_gui_entry_point_and_only_lazily(
    tmp_path: Path, source: str, offends: bool
) -> None:
    (tmp_path / "commands").mkdir()
    (tmp_path / "commands" / "window.py").write_text(source, encoding="utf-8")
    assert bool(layer_offences(tmp_path, frozenset({"orderapp.gui.selftest_window"}))) is offends


@pytest.mark.parametrize(
    "source, offends",
    [
        ("from orderapp.services.orders.placing import place_order\n", True),
        ("def f():\n    import orderapp.gui.tasks\n", True),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from orderapp.services import x\n", False),
        ("from orderapp.domain.money import format_money\n", False),
    ],
)
def test_the_check_catches_an_upward_import(tmp_path: Path, source: str, offends: bool) -> None:
    (tmp_path / "domain").mkdir()
    (tmp_path / "domain" / "rule.py").write_text(source, encoding="utf-8")
    assert bool(layer_offences(tmp_path)) is offends
