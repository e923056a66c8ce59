"""Slips, pick lists and labels made from a shop's database, and the CLI that prints them."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdf_checks import barcodes_in, page_count, page_images, pdf_pages_text, pdf_text
from sqlalchemy import select

from orderapp import cli
from orderapp.demo import DemoSize, build_demo_shop
from orderapp.documents.pick_list import bin_order
from orderapp.services.documents import paperwork
from orderapp.services.settings.documents import (
    DocumentSettings,
    load_document_settings,
    save_document_settings,
)
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Customer, Order, OrderLine, Product, ProductBarcode

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)


@pytest.fixture
def shop(database: Database) -> Database:
    build_demo_shop(database, DemoSize(products=60, customers=30, orders=200, days=10), seed=3, now=NOW)
    return database


def numbers(database: Database, status: str, count: int) -> list[str]:
    """Up to ``count`` order numbers in ``status`` ("open": any status whose goods are still in the shop)."""
    statuses = ["confirmed", "picking", "packed"] if status == "open" else [status]
    with database.session() as session:
        return list(
            session.scalars(
                select(Order.number).where(Order.status.in_(statuses)).order_by(Order.created_at, Order.id).limit(count)
            )
        )


def test_slips_come_from_the_orders_as_stored(shop: Database, tmp_path: Path) -> None:
    with shop.session(write=True) as session:
        order = session.scalars(select(Order).where(Order.fulfilment == "delivery", Order.ship_country == "CN")).first()
        assert order is not None
        order.notes = "门口放 <left at the door> & thanks"
        session.commit()
        lines = session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).all()
        number, name, line1 = order.number, order.ship_name, order.ship_line1
    ids = paperwork.order_ids(shop, [number.lower()])  # typed in lower case, still found
    slip = paperwork.slip_orders(shop, ids)[0]
    assert slip.number == number and slip.ship_name == name
    assert [(line.sku, line.quantity) for line in slip.lines] == [(line.sku, line.quantity) for line in lines]
    assert line1 in slip.ship_address
    assert not slip.ship_phone.startswith("+86")  # written as the shop's country writes it

    import io

    from orderapp.documents.packing_slip import SlipOptions, render_slips

    out = io.BytesIO()
    render_slips([slip], paperwork.shop_paper(shop).letterhead, SlipOptions(), out)
    text = pdf_text(out.getvalue(), tmp_path)
    assert "示例小店 Demo Corner Shop" in text and name in text and "门口放 <left at the door> & thanks" in text


def test_unknown_order_numbers_are_all_named(shop: Database) -> None:
    real = numbers(shop, "confirmed", 1)[0]
    with pytest.raises(paperwork.UnknownOrders) as raised:
        paperwork.order_ids(shop, [real, "SO-999998", "NOPE"])
    assert raised.value.numbers == ("SO-999998", "NOPE")
    assert "SO-999998, NOPE" in str(raised.value)


def test_a_pick_list_totals_each_product_over_the_batch_in_shelf_order(shop: Database) -> None:
    chosen = numbers(shop, "open", 6)
    assert len(chosen) == 6
    picks = paperwork.pick_list(shop, paperwork.order_ids(shop, chosen), now=NOW)
    expected: dict[str, dict[str, int]] = defaultdict(dict)
    with shop.session() as session:
        rows = session.execute(
            select(Order.number, OrderLine.sku, OrderLine.quantity, Product.location)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .join(Product, Product.id == OrderLine.product_id)
            .where(Order.number.in_(chosen))
        ).all()
    locations = {}
    for number, sku, quantity, location in rows:
        expected[sku][number] = expected[sku].get(number, 0) + quantity
        locations[sku] = location
    assert {item.sku: dict(item.per_order) for item in picks.items} == expected
    assert all(item.quantity == sum(expected[item.sku].values()) for item in picks.items)
    keys = [bin_order(item.location, item.sku) for item in picks.items]
    assert keys == sorted(keys)
    assert [order.number for order in picks.orders] == chosen
    assert picks.units == sum(quantity for _n, _s, quantity, _l in rows)


def test_labels_use_the_product_s_unit_barcode(shop: Database) -> None:
    with shop.session(write=True) as session:
        product = session.scalars(select(Product).order_by(Product.id)).first()
        assert product is not None
        bare = Product(sku="BARE-1", name="散装茶叶 Loose tea", price_cents=990, location="A-9-9")
        session.add(bare)
        session.commit()
        unit = session.scalar(
            select(ProductBarcode.code).where(ProductBarcode.product_id == product.id, ProductBarcode.kind == "unit")
        )
        sku = product.sku
    found = paperwork.label_products(shop, [sku, "BARE-1"])
    assert found[0].barcode == unit and found[0].currency == "CNY"
    assert found[1].barcode == "" and found[1].location == "A-9-9"  # printed as Code 128 of its SKU
    with pytest.raises(paperwork.UnknownProducts, match="NOPE-1"):
        paperwork.label_products(shop, [sku, "NOPE-1"])


def test_document_settings_are_kept_under_their_own_keys(shop: Database) -> None:
    assert load_document_settings(shop) == DocumentSettings()
    chosen = DocumentSettings(slip_paper="4x6", show_prices=False, slip_footer="退换货请保留此单", label_sheet="50x30")
    save_document_settings(shop, chosen)
    assert load_document_settings(shop) == chosen
    from orderapp.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as raised:
        save_document_settings(shop, DocumentSettings(slip_paper="a3", slip_footer="x" * 501))
    assert {error.field for error in raised.value.errors} == {"slip_paper", "slip_footer"}
    assert load_document_settings(shop) == chosen  # nothing stored


# -- the command line ---------------------------------------------------------------------------


def run(database: Database, *args: str) -> int:
    return cli.main(["--database", database.url.render_as_string(hide_password=False), *args])


def test_print_slips_for_numbers_and_for_a_status(
    shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = numbers(shop, "confirmed", 3)
    out = tmp_path / "slips.pdf"
    assert run(shop, "print", "slips", "--orders", ",".join(chosen), "--out", str(out)) == 0
    assert "3 slips" in capsys.readouterr().out
    pages = pdf_pages_text(out, tmp_path)
    assert [number for page in pages for number in chosen if number in page] == chosen
    assert (chosen[0], "code128") in barcodes_in(page_images(out, tmp_path, last=1)[0])

    all_confirmed = numbers(shop, "confirmed", 1000)
    out = tmp_path / "confirmed.pdf"
    assert run(shop, "print", "slips", "--status", "confirmed", "--paper", "4x6", "--no-prices", "--out", str(out)) == 0
    text = pdf_text(out, tmp_path)
    assert all(number in text for number in all_confirmed)
    assert "¥" not in text
    assert page_count(out, tmp_path) >= len(all_confirmed)


def test_print_picklist_and_labels(shop: Database, tmp_path: Path) -> None:
    chosen = numbers(shop, "open", 4)
    out = tmp_path / "pick.pdf"
    assert run(shop, "print", "picklist", "--orders", *chosen, "--out", str(out)) == 0
    text = pdf_text(out, tmp_path)
    assert "Pick list" in text and all(number in text for number in chosen)
    with shop.session() as session:
        skus = list(session.scalars(select(Product.sku).order_by(Product.id).limit(3)))
    out = tmp_path / "labels.pdf"
    assert run(shop, "print", "labels", "--products", ",".join(skus), "--sheet", "avery-5160", "--out", str(out)) == 0
    assert all(sku in pdf_text(out, tmp_path) for sku in skus)


def test_report_daily_writes_the_summary(shop: Database, tmp_path: Path) -> None:
    out = tmp_path / "daily.pdf"
    assert run(shop, "report", "daily", "--date", "2026-11-18", "--out", str(out)) == 0
    text = pdf_text(out, tmp_path)
    assert "Daily summary" in text and "Wednesday, November 18, 2026" in text and "Revenue, net" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("print", "slips", "--orders", "SO-999999"), "No order has the number SO-999999"),
        (("print", "slips", "--status", "lost"), "no order status called 'lost'"),
        (("print", "picklist", "--orders", "SO-999999"), "SO-999999"),
        (("print", "labels", "--products", "NOPE-1"), "No product has the SKU NOPE-1"),
    ],
)
def test_bad_input_exits_non_zero_with_a_clear_message(
    shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "x.pdf"
    assert run(shop, *args, "--out", str(out)) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_slips_for_a_status_no_order_is_in_say_so(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database, "print", "slips", "--status", "confirmed", "--out", str(tmp_path / "x.pdf")) == 1
    assert "No orders are confirmed at the moment" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_bad_date_or_an_unwritable_path_is_refused(
    shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(shop, "report", "daily", "--date", "2026-02-30", "--out", str(tmp_path / "x.pdf"))
    assert exited.value.code != 0
    assert "'2026-02-30' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert run(shop, "report", "daily", "--date", "2026-11-18", "--out", str(blocker / "daily.pdf")) == 1
    assert "choose" in capsys.readouterr().err
    assert run(shop, "report", "daily", "--out", str(tmp_path / "nowhere" / "daily.pdf")) == 1
    assert "does not exist" in capsys.readouterr().err


def test_a_missing_shop_file_is_not_made_by_a_print_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-shop.sqlite"
    code = cli.main(["--database", str(missing), "report", "daily", "--out", str(tmp_path / "x.pdf")])
    assert code == 1 and "There is no shop database" in capsys.readouterr().err
    assert not missing.exists()


def test_customer_names_survive_the_trip_from_database_to_paper(shop: Database, tmp_path: Path) -> None:
    """Markup characters and a 200-character name typed into the customer's record print as typed."""
    odd = 'Zoë & "Ming" <VIP> ' + "长" * 180
    with shop.session(write=True) as session:
        order = session.scalars(select(Order).where(Order.status == "confirmed")).first()
        assert order is not None
        order.ship_name = odd[:200]
        order.ship_line1 = "Flat <3> & 4, 'The Willows'"
        customer = session.get(Customer, order.customer_id) if order.customer_id else None
        if customer is not None:
            customer.name = odd[:200]
        number = order.number
        session.commit()
    out = tmp_path / "odd.pdf"
    assert run(shop, "print", "slips", "--orders", number, "--out", str(out)) == 0
    flat = "".join(pdf_text(out, tmp_path, raw=True).split())
    assert "".join(odd[:200].split()) in flat
    assert "Flat<3>&4,'TheWillows'" in flat
    assert DEFAULT_USER_ID == 1


def test_print_count_sheet_for_a_count(shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from orderapp.services.stock import counts

    with shop.session() as session:
        location = session.scalar(select(Product.location).where(Product.location != "").limit(1))
    assert location is not None
    count = counts.start_count(
        shop, counts.CountScope.location(location), user_id=DEFAULT_USER_ID, title="货架 A", blind=False
    )
    lines = counts.count_sheet_lines(shop, count.id)
    out = tmp_path / "count.pdf"
    assert run(shop, "print", "count-sheet", "--count", str(count.id), "--out", str(out)) == 0
    text = pdf_text(out, tmp_path)
    assert f"Count sheet {count.id}: 货架 A" in text and "Expected" in text
    assert all(line.sku in text for line in lines)
    assert run(shop, "print", "count-sheet", "--count", "99999", "--out", str(tmp_path / "x.pdf")) == 1
    assert "99999" in capsys.readouterr().err
