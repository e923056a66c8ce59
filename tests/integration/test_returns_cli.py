"""``orderapp return / refund / exchange / print return-slip`` as a script uses them (SQLite file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from order_shop import figures, make_shop
from return_shop import shipped

from orderapp.cli import main
from orderapp.domain.order_validation import LineDraft
from orderapp.services.aftersales import returns
from orderapp.services.orders import placing as orders
from orderapp.store.opening import open_database


def test_return_refund_exchange_and_slip_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(tmp_path / "shop.sqlite")
    database = open_database(url)
    try:
        shop = make_shop(database)
        view = shipped(database, LineDraft(code="TEA-001", qty="3"), LineDraft(code="NDL-002", qty="2"))
    finally:
        database.dispose()
    slip = tmp_path / "rt.pdf"
    code = main(
        ["return", view.number, "--item", "tea-001=2", "--item", "NDL-002=1:damaged", "--reason", "damaged_in_transit",
         "--refund", "12.50", "--slip", str(slip), "--database", url]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "RT-000001" in out and "2 back in stock, 1 written off" in out and "Refunded ¥12.50" in out
    assert slip.read_bytes().startswith(b"%PDF")

    assert main(["refund", view.number, "99999", "--reason", "Too much", "--database", url]) == 1
    assert "At most ¥87.50 can be refunded" in capsys.readouterr().err
    assert main(["return", view.number, "--item", "TEA-001=2", "--reason", "other", "--database", url]) == 1
    assert "Only 1 of TEA-001 can come back" in capsys.readouterr().err
    assert main(["return", view.number, "--item", "SOP-003", "--reason", "other", "--database", url]) == 1
    assert f"SOP-003 is not on order {view.number}" in capsys.readouterr().err

    assert main(["refund", view.number, "2.50", "--reason", "Late", "--database", url]) == 0
    assert "¥15.00 of ¥100.00 paid has been refunded" in capsys.readouterr().out
    assert main(["exchange", view.number, "--item", "TEA-001", "--for", "SOP-003", "--reason", "wrong_item",
                 "--database", url]) == 0  # fmt: skip
    assert "sends the exchange" in capsys.readouterr().out
    assert main(["print", "return-slip", "RT-000002", "--out", str(tmp_path / "2.pdf"), "--database", url]) == 0
    assert main(["print", "return-slip", "RT-000099", "--out", str(tmp_path / "9.pdf"), "--database", url]) == 1
    assert "There is no return RT-000099" in capsys.readouterr().err

    database = open_database(url)
    try:
        assert figures(database, shop.tea) == (10, 0)
        assert figures(database, shop.noodles) == (1, 0)
        assert figures(database, shop.soap) == (1, 1)
        assert returns.returnable_order(database, view.number).refunded_cents == 1500
        assert orders.get_order(database, view.id).status == "shipped"  # one noodle is still out
    finally:
        database.dispose()
