"""Packing slips read back from the PDF: the fields a packer and a customer see, on every paper."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdf_checks import barcodes_in, page_count, page_images, pdf_pages_text, pdf_text, squashed

from orderapp.documents.letterhead import Letterhead
from orderapp.documents.output import Batch, Cancelled, CannotWrite, write_pdf
from orderapp.documents.packing_slip import SlipLine, SlipOptions, SlipOrder, render_slips
from orderapp.documents.papers import PAPERS, UnknownPaper, paper
from orderapp.paths import bundled_dir

LOGO = (bundled_dir("resources") / "icons" / "orderapp.png").read_bytes()
SHOP = Letterhead(
    name="莲花茶庄 Lotus Tea House",
    address="上海市徐汇区漕溪北路88号\n88 Caoxi North Road, Shanghai",
    phone="021 6123 4567",
    logo=LOGO,
)


def slip(number: str = "SO-000123", lines: int = 3, **changes: object) -> SlipOrder:
    order = SlipOrder(
        number=number,
        created_at=datetime(2026, 11, 21, 2, 30, tzinfo=UTC),  # 10:30 in Shanghai
        lines=tuple(SlipLine(f"TEA-{i:06d}", f"龙井绿茶 Longjing Tea {i}", i, 2500, 0) for i in range(1, lines + 1)),
        ship_name="王小明",
        ship_phone="138 1234 5678",
        ship_address=("上海市浦东新区", "世纪大道100号 20楼", "200120"),
        notes="请轻拿轻放 Handle with care",
        subtotal_cents=2500 * sum(range(1, lines + 1)),
        shipping_cents=1000,
        total_cents=2500 * sum(range(1, lines + 1)) + 1000,
        paid_cents=2500 * sum(range(1, lines + 1)) + 1000,
    )
    return replace(order, **changes)  # type: ignore[arg-type]


def render(orders: list[SlipOrder], options: SlipOptions | None = None, shop: Letterhead = SHOP) -> bytes:
    out = io.BytesIO()
    render_slips(orders, shop, options or SlipOptions(footer="7天无理由退货 Returns within 7 days"), out)
    return out.getvalue()


def test_a_slip_shows_the_shop_the_order_the_address_and_every_line(tmp_path: Path) -> None:
    text = pdf_text(render([slip()]), tmp_path)
    for expected in (
        "莲花茶庄 Lotus Tea House",
        "上海市徐汇区漕溪北路88号",
        "Tel. 021 6123 4567",
        "Packing slip",
        "SO-000123",
        "Nov 21, 2026 10:30",  # the order date in the shop's time zone
        "王小明",
        "138 1234 5678",
        "世纪大道100号 20楼",
        "龙井绿茶 Longjing Tea 2",
        "TEA-000003",
        "3 lines, 6 units",
        "请轻拿轻放 Handle with care",
        "7天无理由退货 Returns within 7 days",
        "¥150.00",  # the line amount of 3 x ¥25.00... and the total
        "¥160.00",
        "Page 1 of 1",
    ):
        assert expected in text, expected


def test_a_gift_slip_has_no_prices(tmp_path: Path) -> None:
    text = pdf_text(render([slip()], SlipOptions(show_prices=False)), tmp_path)
    assert "TEA-000001" in text and "SO-000123" in text
    assert "¥" not in text
    assert "Total" not in text and "Price" not in text


def test_the_order_barcode_on_the_printed_slip_scans_as_the_order_number(tmp_path: Path) -> None:
    orders = [slip("SO-000123"), slip("SO-000124"), slip("WEB-2026-11-0001")]
    images = page_images(render(orders), tmp_path, dpi=200)
    assert len(images) == 3
    for order, image in zip(orders, images, strict=True):
        assert (order.number, "code128") in barcodes_in(image)


@pytest.mark.parametrize("key", ["a4", "a5", "letter", "4x6"])
def test_every_paper_size_prints_a_readable_slip_with_a_scannable_barcode(key: str, tmp_path: Path) -> None:
    data = render([slip(lines=4)], SlipOptions(paper=paper(key), footer="Thank you"))
    text = pdf_text(data, tmp_path)
    assert "王小明" in text and "TEA-000004" in text and "Thank you" in text
    width, height = (float(v) for v in _page_size(data, tmp_path))
    assert (round(width), round(height)) == (round(PAPERS[key].width), round(PAPERS[key].height))
    assert ("SO-000123", "code128") in barcodes_in(page_images(data, tmp_path, last=1)[0])


def test_a_long_order_flows_over_pages_with_the_header_on_each(tmp_path: Path) -> None:
    data = render([slip("SO-000777", lines=95), slip("SO-000778", lines=2)])
    pages = pdf_pages_text(data, tmp_path)
    long_pages = [page for page in pages if "SO-000777" in page]
    assert len(long_pages) >= 3
    count = len(long_pages)
    assert len(pages) == count + 1
    for number, page in enumerate(long_pages, start=1):
        assert f"Page {number} of {count}" in page  # counted within the order, not the batch
        assert "Lotus Tea House" in page and "Packing slip" in page
        assert "SKU" in page and "Qty" in page  # the table header is repeated
    every_line = "\n".join(long_pages)
    for index in range(1, 96):
        assert f"TEA-{index:06d}" in every_line
    assert "95 lines" in long_pages[-1] and "Returns within 7 days" in long_pages[-1]
    assert "Page 1 of 1" in pages[-1] and "SO-000778" in pages[-1]
    for image in page_images(data, tmp_path, first=2, last=count):
        assert ("SO-000777", "code128") in barcodes_in(image)


def test_markup_characters_and_500_character_names_print_as_typed(tmp_path: Path) -> None:
    nasty = "Tom & Jerry <b>\"Bold\"</b> 'quoted' <br/> &amp;"
    long_name = ("陈" * 100) + ("Wolfeschlegelsteinhausenbergerdorff" * 12)[:400]
    order = slip(
        ship_name=long_name,
        ship_address=(nasty, "x" * 200, "深圳市" * 60),
        notes=nasty + "\n" + "备注" * 200,
        lines=0,
    )
    order = replace(order, lines=(SlipLine("<SKU&1>", long_name, 2, 100), SlipLine("B&B", nasty, 1, 100)))
    data = render([order])
    (tmp_path / "nasty.pdf").write_bytes(data)
    assert data.startswith(b"%PDF") and page_count(data, tmp_path) >= 1
    text = pdf_text(data, tmp_path, raw=True)
    flat = squashed(text)
    assert squashed(nasty) in flat
    assert "<SKU&1>" in text
    assert long_name in flat  # every character printed, wrapped over lines
    assert flat.count("备") == 200 and flat.count("注") == 200  # the notes go on over the next page


def test_long_text_never_runs_past_the_right_margin(tmp_path: Path) -> None:
    """Words are placed inside the page's margins: pdftotext's bounding boxes say where."""
    import subprocess

    order = slip(ship_name="Ｗ" * 300, ship_address=("长" * 300,), notes="n" * 900)
    order = replace(order, lines=(SlipLine("S" * 64, "名" * 300, 1, 1),))
    path = tmp_path / "wide.pdf"
    path.write_bytes(render([order], SlipOptions(paper=PAPERS["4x6"])))
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    import re

    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert right_edges
    limit = PAPERS["4x6"].width - PAPERS["4x6"].margin + 0.5
    assert max(right_edges) <= limit


def test_no_orders_gives_a_page_that_says_so(tmp_path: Path) -> None:
    assert "No orders to print." in pdf_text(render([]), tmp_path)


def test_a_damaged_logo_is_left_off_and_the_slip_still_prints(tmp_path: Path) -> None:
    data = render([slip()], shop=replace(SHOP, logo=b"\x89PNG\r\n\x1a\nbroken"))
    assert "Lotus Tea House" in pdf_text(data, tmp_path)


def test_a_batch_reports_progress_and_can_be_stopped_leaving_no_file(tmp_path: Path) -> None:
    orders = [slip(f"SO-{n:06d}") for n in range(20)]
    seen: list[tuple[int, int]] = []
    out = io.BytesIO()
    render_slips(orders, SHOP, SlipOptions(), out, batch=Batch(len(orders), progress=lambda d, t: seen.append((d, t))))
    assert seen[0] == (1, 20) and seen[-1] == (20, 20)

    target = tmp_path / "slips.pdf"

    def stop_after_five() -> bool:
        return len(progress) >= 5

    progress: list[int] = []
    batch = Batch(len(orders), progress=lambda done, total: progress.append(done), should_stop=stop_after_five)
    with pytest.raises(Cancelled):
        write_pdf(target, lambda stream: render_slips(orders, SHOP, SlipOptions(), stream, batch=batch))
    assert progress == [1, 2, 3, 4, 5]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written file left beside it either


def test_writing_where_no_file_can_be_written_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CannotWrite, match="does not exist"):
        write_pdf(tmp_path / "missing" / "slips.pdf", lambda stream: stream.write(b"%PDF"))
    with pytest.raises(CannotWrite, match="is a folder"):
        write_pdf(tmp_path, lambda stream: stream.write(b"%PDF"))
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    with pytest.raises(CannotWrite):
        write_pdf(blocker / "slips.pdf", lambda stream: stream.write(b"%PDF"))


def test_an_unknown_paper_size_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownPaper, match="a4, a5, letter, 4x6"):
        paper("tabloid")


def _page_size(data: bytes, tmp_path: Path) -> tuple[str, str]:
    from pdf_checks import pdf_info

    size = pdf_info(data, tmp_path)["Page size"]  # "595.276 x 841.89 pts (A4)"
    width, _x, height = size.split()[:3]
    return width, height
