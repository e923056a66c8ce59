"""Every Alt+letter means one thing on each screen and in each dialog, in English and in Chinese
(Alt+H was both "Phone" and the Help menu; the next letter then fired "Open log folder")."""

from __future__ import annotations

from access_keys import access_key, access_keys, clashes
from both_languages import both_languages  # noqa: F401  (the `language` fixture: English, then Chinese)
from gui_helpers import show_window
from pytestqt.qtbot import QtBot
from screen_tour import PACKING_AND_COUNTS, tour

from orderapp.store.database import Database


def test_access_keys_are_read_as_qt_reads_them() -> None:
    assert access_key("P&hone") == "H" and access_key("订单(&O)") == "O"
    assert access_key("Tom && Jerry") is None and access_key("Save") is None


def test_each_access_key_means_one_thing(qtbot: QtBot, demo_shop: Database, language: str) -> None:
    window = show_window(qtbot, demo_shop)
    window.resize(1024, 700)
    found: dict[str, dict[str, list[str]]] = {}
    seen: list[str] = []
    for name, root in tour(qtbot, window, demo_shop):
        seen.append(name)
        if name.split("/")[0] in PACKING_AND_COUNTS:
            continue  # checked below, separately
        found[name] = clashes(root)
    assert {"dashboard", "orders/form new", "orders/form walk_in", "inventory/product form", "settings"} <= set(seen)
    assert found == {name: {} for name in found}, f"access keys used twice ({language})"
    # The keys a shopkeeper relies on in the order form: the phone, not Help.
    window.show_screen("orders")
    keys = access_keys(window)
    assert len(keys["H"]) == 1 and "menu" in keys["H"][0]


def test_each_access_key_means_one_thing_in_packing_and_counts(
    qtbot: QtBot, demo_shop: Database, language: str
) -> None:
    window = show_window(qtbot, demo_shop)
    for key in PACKING_AND_COUNTS:
        window.show_screen(key)
        qtbot.wait(100)
        assert clashes(window) == {}, key
