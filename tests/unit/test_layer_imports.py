"""Each layer imports only the layers below it (ARCHITECTURE.md); type-only imports are free."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            found += _imports(ast.Module(body=node.orelse, type_ignores=[]))
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        found += _imports(node)
    return found


def layer_offences(package: Path) -> list[str]:
    offences = []
    for layer, forbidden in FORBIDDEN.items():
        for path in sorted((package / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, name in _imports(tree):
                parts = name.split(".")
                if parts[0] == "orderapp" and len(parts) > 1 and parts[1] in forbidden:
                    offences.append(f"{path.relative_to(package.parent)}:{line} imports {name}")
    return offences


def test_no_layer_imports_a_layer_above_it() -> None:
    # The installation's self-test opens the window when asked (--window), as orderapp/cli.py does: a
    # command that is about the whole app, not a use case.
    allowed = {"orderapp/commands/selftest.py:245 imports orderapp.gui.selftest_window"}
    assert [o for o in layer_offences(PACKAGE) if o not in allowed] == []


@pytest.mark.parametrize(
    "source, offends",
    [
        ("from orderapp.services.orders import place_order\n", True),
        ("def f():\n    import orderapp.gui.tasks\n", True),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from orderapp.services import x\n", False),
        ("from orderapp.domain.money import format_money\n", False),
    ],
)
def test_the_check_catches_an_upward_import(tmp_path: Path, source: str, offends: bool) -> None:
    (tmp_path / "domain").mkdir()
    (tmp_path / "domain" / "rule.py").write_text(source, encoding="utf-8")
    assert bool(layer_offences(tmp_path)) is offends
