"""Paperwork in the shop's language (issue 11): the PDFs read back in English, Chinese and both, for
their headings, dates, weekdays, money, country names and counted words; the slip's barcode read
with the app's own decoder."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pdf_checks import barcodes_in, page_images, pdf_pages_text, pdf_text
from sqlalchemy import func, select

from orderapp import cli, i18n
from orderapp.demo import DemoSize, build_demo_shop
from orderapp.services.documents import printing as documents
from orderapp.services.settings.documents import DocumentSettings, save_document_settings
from orderapp.store.database import Database
from orderapp.store.models import Order, OrderLine

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")
CHINESE_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@pytest.fixture
def shop(database: Database) -> Database:
    build_demo_shop(database, DemoSize(products=40, customers=20, orders=120, days=8), seed=5, now=NOW)
    return database


def _orders_by_lines(shop: Database) -> tuple[str, str]:
    """The number of an order with one line and of one with several, both to be delivered."""
    with shop.session() as session:
        lines = select(OrderLine.order_id, func.count().label("n")).group_by(OrderLine.order_id).subquery()
        one = session.scalar(
            select(Order.number)
            .join(lines, lines.c.order_id == Order.id)
            .where(lines.c.n == 1, Order.fulfilment == "delivery")
        )
        more = session.scalar(
            select(Order.number)
            .join(lines, lines.c.order_id == Order.id)
            .where(lines.c.n > 1, Order.fulfilment == "delivery")
        )
    assert one and more
    return one, more


def _abroad(shop: Database, number: str) -> Order:
    with shop.session(write=True) as session:
        order = session.scalars(select(Order).where(Order.number == number)).one()
        order.ship_country = "JP"
        session.commit()
        session.refresh(order)
        session.expunge(order)
    return order


def _units(shop: Database, number: str) -> int:
    with shop.session() as session:
        return int(
            session.scalar(
                select(func.sum(OrderLine.quantity))
                .join(Order, Order.id == OrderLine.order_id)
                .where(Order.number == number)
            )
            or 0
        )


def _english_date(moment: datetime) -> str:
    local = moment.astimezone(SHANGHAI)
    return f"{local:%b} {local.day}, {local.year} {local:%H:%M}"


def _chinese_date(moment: datetime) -> str:
    local = moment.astimezone(SHANGHAI)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


@pytest.mark.parametrize("language", ["en", "zh_CN", "both"])
def test_slips_read_in_the_paperwork_language(shop: Database, tmp_path: Path, language: str) -> None:
    single, several = _orders_by_lines(shop)
    abroad = _abroad(shop, single)
    units = _units(shop, single)
    result = documents.slips_pdf(shop, [single, several], tmp_path / "slips.pdf", language=language)
    assert result.path is not None and result.count == 2 and result.warnings == ()
    first, *rest = pdf_pages_text(result.path, tmp_path)
    text = "\n".join([first, *rest])
    english_units = f"1 line, {units} unit" + ("s" if units != 1 else "")
    expected = {
        "en": [
            "Packing slip",
            "Ship to",
            "Page 1 of 1",
            _english_date(abroad.created_at),
            english_units,
            "Japan",
            "CN¥",
        ],
        "zh_CN": [
            "装箱单",
            "收货人",
            "第 1 页，共 1 页",
            _chinese_date(abroad.created_at),
            f"1 行，{units} 件",
            "日本 Japan",
        ],
        "both": [
            "Packing slip 装箱单",
            "Ship to 收货人",
            "Page 1 of 1 第 1 页，共 1 页",
            abroad.created_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M"),
            f"1 line 1 行, {units} unit",
            "Japan 日本",
        ],
    }[language]
    for words in expected:
        assert words in first, (language, words)
    unwanted = {"en": ["装箱单", "收货人", "日本"], "zh_CN": ["Packing slip", "Ship to", "Page 1", "CN¥"], "both": []}
    for words in unwanted[language]:
        assert words not in text, (language, words)
    assert "lines" in text or "行" in text  # the order with several lines counts them too
    assert "line(s)" not in text and "1 lines" not in text and "1 units" not in text
    image = page_images(result.path, tmp_path, dpi=200, first=1, last=1)[0]
    assert (single, "code128") in barcodes_in(image)  # the app's own decoder reads the slip's number


@pytest.mark.parametrize("language", ["en", "zh_CN", "both"])
def test_the_daily_summary_names_the_weekday_and_date_in_the_paperwork_language(
    shop: Database, tmp_path: Path, language: str
) -> None:
    day = date(2026, 11, 18)
    result = documents.daily_summary_pdf(shop, day, tmp_path / "day.pdf", language=language)
    assert result.path is not None
    text = pdf_text(result.path, tmp_path)
    week_before = day - timedelta(days=7)
    expected = {
        "en": ["Daily summary", "Wednesday, November 18, 2026", "Revenue, net", "Day before", "CN¥"],
        "zh_CN": ["每日汇总", "2026年11月18日星期三", "营业额（净额）", "前一天", "¥"],
        "both": [
            "Daily summary 每日汇总",
            "Wednesday 星期三 2026-11-18",
            "Revenue, net 营业额（净额）",
            "Day before 前一天",
        ],
    }[language]
    for words in expected:
        assert words in text, (language, words)
    assert {"en": "Nov 11, 2026", "zh_CN": "2026年11月11日", "both": week_before.isoformat()}[language] in text
    if language == "zh_CN":
        assert "Wednesday" not in text and "Daily summary" not in text and CHINESE_WEEKDAYS[day.weekday()] in text


def test_counted_words_take_their_plural_forms(shop: Database, tmp_path: Path) -> None:
    single, several = _orders_by_lines(shop)
    one = documents.pick_list_pdf(shop, [single], tmp_path / "one.pdf", language="en")
    two = documents.pick_list_pdf(shop, [single, several], tmp_path / "two.pdf", language="en")
    assert one.path is not None and two.path is not None
    assert "1 order, " in pdf_text(one.path, tmp_path) and "1 orders" not in pdf_text(one.path, tmp_path)
    assert "2 orders, " in pdf_text(two.path, tmp_path)
    assert one.message.startswith("Pick list for 1 order (") and two.message.startswith("Pick list for 2 orders (")
    slip = documents.slips_pdf(shop, [single], None, language="en")
    assert slip.message.startswith("1 slip, 1 page written") and slip.data.startswith(b"%PDF")
    chinese = documents.pick_list_pdf(shop, [single, several], tmp_path / "zh.pdf", language="zh_CN")
    assert chinese.path is not None and "2 个订单，" in pdf_text(chinese.path, tmp_path)


def test_the_shop_setting_chooses_the_language_and_else_the_window_s_language(
    shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    single, _several = _orders_by_lines(shop)
    url = str(shop.engine.url.render_as_string(hide_password=False))
    monkeypatch.setattr(i18n, "_language", "zh_CN")  # the window (or ORDERAPP_LANGUAGE) speaks Chinese
    out = tmp_path / "auto.pdf"
    assert cli.main(["print", "slips", "--orders", single, "--out", str(out), "--database", url]) == 0
    assert "装箱单" in pdf_text(out, tmp_path) and "Packing slip" not in pdf_text(out, tmp_path)
    save_document_settings(shop, DocumentSettings(paperwork_language="en"))
    assert cli.main(["print", "slips", "--orders", single, "--out", str(out), "--database", url]) == 0
    assert "Packing slip" in pdf_text(out, tmp_path) and "装箱单" not in pdf_text(out, tmp_path)
    assert (
        cli.main(["print", "slips", "--orders", single, "--language", "both", "--out", str(out), "--database", url])
        == 0
    )
    assert "Packing slip 装箱单" in pdf_text(out, tmp_path)
    assert "1 slip, 1 page written" in capsys.readouterr().out


def test_a_name_no_font_can_print_is_printed_as_question_marks_and_warned_about(
    shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from orderapp.documents import fonts

    monkeypatch.setattr(fonts, "_fallbacks", fonts._Fallbacks())  # a PC without any other font
    monkeypatch.setattr(fonts, "_installed_fonts", dict)
    monkeypatch.setattr(fonts, "_fontconfig_candidates", lambda code: [])
    single, several = _orders_by_lines(shop)
    with shop.session(write=True) as session:
        order = session.scalars(select(Order).where(Order.number == single)).one()
        order.ship_name = "王 \U0001f600 שלום"
        session.commit()
    result = documents.slips_pdf(shop, [several, single], None, language="en")
    assert len(result.warnings) == 1 and "U+1F600" in result.warnings[0] and "U+05E9" in result.warnings[0]
    out = tmp_path / "slips.pdf"
    url = str(shop.engine.url.render_as_string(hide_password=False))
    assert cli.main(["print", "slips", "--orders", single, "--out", str(out), "--database", url]) == 0
    printed = capsys.readouterr()
    assert "Warning: Some characters have no font on this PC" in printed.err and "U+1F600" in printed.err
    assert "王 ? ????" in pdf_text(out, tmp_path)
    clean = documents.slips_pdf(shop, [several], None, language="en")
    assert clean.warnings == ()
