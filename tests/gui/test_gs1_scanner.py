"""A USB scanner reading a GS1 code (a GS1-128 carton label, a GS1 DataMatrix or QR) types its element
string: a symbology prefix ("]C1", "]d2", "]Q3") when set to send one, GS (ASCII 29, typed as Ctrl+])
between variable-length elements, the GTIN in (01) with a lot (10), an expiry (17), a serial (21).
Such a burst counts the product of its (01) at the packing bench and in a count, at real key timings,
and never types into a field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from packing_shop import TEA, TEA_NAME, make_packing_shop
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from scanner_keys import CONTROL, NONE, SHIFT, Press, send
from sqlalchemy import select

from orderapp.domain.gtin import GS
from orderapp.gui.context import AppContext
from orderapp.gui.counts_screen import CountsScreen
from orderapp.gui.packing_lines import PRODUCT, SCANNED
from orderapp.gui.packing_screen import PackingScreen
from orderapp.services.stock import counts
from orderapp.services.stock.counts import CountScope
from orderapp.store.database import Database
from orderapp.store.packing_models import PackScan

GTIN = "0" + TEA  # the GTIN-14 of the tea's EAN-13, as (01) carries it


def presses(text: str, per_key_ms: float, *, gs_text: str = GS, start: int = 100_000) -> list[Press]:
    """A scanner typing ``text`` (GS as Ctrl+], "]" as its key, capitals with Shift), then Enter."""
    out: list[Press] = []
    t = float(start)
    for char in text:
        if char == GS:
            out.append(Press(Qt.Key.Key_Control, CONTROL, "", round(t)))
            t += per_key_ms
            out.append(Press(Qt.Key.Key_BracketRight, CONTROL, gs_text, round(t)))
        elif char == "]":
            out.append(Press(Qt.Key.Key_BracketRight, NONE, char, round(t)))
        elif char.isupper():
            out.append(Press(Qt.Key.Key_Shift, SHIFT, "", round(t)))
            t += per_key_ms
            out.append(Press(ord(char), SHIFT, char, round(t)))
        else:
            out.append(Press(ord(char.upper()), NONE, char, round(t)))
        t += per_key_ms
    out.append(Press(Qt.Key.Key_Return, NONE, "\r", round(t)))
    return out


ELEMENT_STRINGS = {
    "gs1-128 prefix": f"]C101{GTIN}17271231" + f"10LOT7{GS}21SN42",
    "datamatrix prefix": f"]d201{GTIN}10B12{GS}17270630",
    "qr prefix": f"]Q301{GTIN}",
    "fnc1 as gs": f"{GS}01{GTIN}10LOT7{GS}21SN42",
    "lot before gtin": f"]C110LOT7{GS}01{GTIN}",
}


@pytest.fixture
def packing_screen(qtbot: QtBot, shop: Database) -> Iterator[PackingScreen]:
    make_packing_shop(shop)
    screen = PackingScreen(AppContext(shop, station="PACK-GS1"))
    qtbot.addWidget(screen)
    screen.sounds.enabled = False
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        send(screen.code_entry, presses("SO-000001", 10))
    yield screen
    screen.stop_camera()


def tea_scanned(screen: PackingScreen) -> int:
    model = screen.lines_model
    row = next(r for r in range(model.rowCount()) if model.index(r, PRODUCT).data() == TEA_NAME)
    return int(model.index(row, SCANNED).data())


@pytest.mark.parametrize("per_key_ms", [8, 30, 45])
@pytest.mark.parametrize("name", ELEMENT_STRINGS)
def test_a_gs1_burst_counts_the_product_of_its_01_when_packing(
    qtbot: QtBot, packing_screen: PackingScreen, shop: Database, name: str, per_key_ms: int
) -> None:
    screen = packing_screen
    screen.code_entry.setFocus()
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        send(screen.code_entry, presses(ELEMENT_STRINGS[name], per_key_ms))
    assert screen.alert is None or not screen.alert.isVisible()
    assert tea_scanned(screen) == 1
    assert screen.code_entry.text() == ""  # nothing of the burst leaked into the field
    with shop.session() as session:
        assert session.execute(select(PackScan.outcome, PackScan.source)).all() == [("accepted", "wedge")]


def test_gs_sent_as_ctrl_bracket_without_its_character_still_separates(
    qtbot: QtBot, packing_screen: PackingScreen
) -> None:
    screen = packing_screen
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        send(screen.code_entry, presses(ELEMENT_STRINGS["lot before gtin"], 30, gs_text=""))
    assert tea_scanned(screen) == 1


def test_a_gs1_burst_is_counted_in_a_stock_count(qtbot: QtBot, shop: Database) -> None:
    make_packing_shop(shop)
    counts.start_count(shop, CountScope.everything(), user_id=1, title="GS1")
    screen = CountsScreen(AppContext(shop, station="COUNT-GS1"))
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    screen.line_search.setFocus()
    with qtbot.waitSignal(screen.entry_shown, timeout=10_000) as shown:
        send(screen.line_search, presses(ELEMENT_STRINGS["gs1-128 prefix"], 30))
    assert shown.args[0].name == TEA_NAME and shown.args[0].counted == 1
    assert screen.line_search.text() == ""
