"""Printed documents on the 1,000,000-order shop: a batch of 500 packing slips (time against plain
ReportLab canvas drawing of the same content, in the same run, and peak memory), and the owner's
daily summary with its PDF."""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from common import ROOT, Row, benchmark, big_shop

if TYPE_CHECKING:
    from orderapp.documents.letterhead import Letterhead
    from orderapp.documents.packing_slip import SlipOrder
    from orderapp.services.settings.documents import DocumentSettings

BATCH = 500


def _orders_for_batch(path: Path) -> tuple[list[int], float]:
    """500 orders waiting to be packed (oldest first), topped up with packed and shipped ones."""
    from orderapp.domain.order_status import OrderStatus
    from orderapp.services.documents import paperwork
    from orderapp.store.opening import open_database

    database = open_database(path)
    try:
        ids: list[int] = []
        for status in (OrderStatus.CONFIRMED, OrderStatus.PICKING, OrderStatus.PACKED, OrderStatus.SHIPPED):
            ids += paperwork.order_ids_with_status(database, status, limit=BATCH - len(ids))
            if len(ids) >= BATCH:
                break
    finally:
        database.dispose()
    return ids[:BATCH], 0.0


def _load_slips(path: Path, ids: list[int]) -> tuple[Letterhead, list[SlipOrder], DocumentSettings]:
    from orderapp.services.documents import paperwork
    from orderapp.services.settings.documents import load_document_settings
    from orderapp.store.opening import open_database

    database = open_database(path)
    try:
        shop = paperwork.shop_paper(database)
        slips = paperwork.slip_orders(database, ids, paper=shop)
        settings = load_document_settings(database)
    finally:
        database.dispose()
    return shop.letterhead, slips, settings


def plain_canvas_slips(slips: list[SlipOrder], letterhead: Letterhead, out: BinaryIO) -> int:
    """The same content drawn the plainest way ReportLab allows: one page per slip, every string the
    app prints (header, captions, lines, totals, notes, footer) at fixed positions, with the same
    font, barcode, rules and boxes, but no wrapping, no measuring, no pagination: the floor for any
    slip renderer."""
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from orderapp.documents.fonts import register_font
    from orderapp.domain.money import format_money

    font = register_font()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    width, height = A4
    footer = "Returns within 7 days with this slip. 7天无理由退货，请保留此单。"
    for slip in slips:
        canvas.setFont(font, 13)
        canvas.drawString(40, height - 50, letterhead.name)
        canvas.setFont(font, 8)
        y = height - 64
        for line in letterhead.address.splitlines():
            canvas.drawString(40, y, line)
            y -= 10
        canvas.drawString(40, y, "Tel. " + letterhead.phone)
        canvas.setFont(font, 13)
        canvas.drawRightString(width - 40, height - 50, "Packing slip")
        Code128(slip.number, barWidth=1, barHeight=34, humanReadable=False).drawOn(canvas, width - 200, height - 94)
        canvas.drawRightString(width - 40, height - 110, slip.number)
        canvas.setFont(font, 8)
        canvas.drawRightString(width - 40, height - 122, "Page 1 of 1")
        canvas.line(40, height - 130, width - 40, height - 130)
        canvas.drawString(40, height - 142, "Ship to")
        canvas.drawString(330, height - 142, "Order date")
        canvas.setFont(font, 9)
        y = height - 154
        for line in (slip.ship_name, "Tel. " + slip.ship_phone, *slip.ship_address):
            canvas.drawString(40, y, line)
            y -= 12
        canvas.drawString(330, height - 154, slip.created_at.isoformat(" ", "minutes"))
        if slip.external_ref:
            canvas.drawString(330, height - 166, "Reference " + slip.external_ref)
        y -= 10
        canvas.rect(40, y - 4, width - 80, 14, stroke=0, fill=0)
        for label, x in (("SKU", 60), ("Item", 160), ("Qty", 400), ("Price", 470), ("Amount", 540)):
            canvas.drawString(x, y, label)
        canvas.line(40, y - 4, width - 40, y - 4)
        y -= 16
        for line in slip.lines:
            canvas.rect(44, y - 1, 9, 9)
            canvas.drawString(60, y, line.sku)
            canvas.drawString(160, y, line.name)
            canvas.drawString(400, y, str(line.quantity))
            canvas.drawString(470, y, format_money(line.unit_price_cents, slip.currency))
            canvas.drawString(540, y, format_money(line.amount_cents, slip.currency))
            canvas.line(40, y - 4, width - 40, y - 4)
            y -= 16
        canvas.drawRightString(width - 40, y, f"{len(slip.lines)} lines, {slip.units} units")
        for label, cents in (
            ("Subtotal", slip.subtotal_cents),
            ("Discount", slip.discount_cents),
            ("Shipping", slip.shipping_cents),
            ("Total", slip.total_cents),
        ):
            y -= 14
            if cents or label in ("Subtotal", "Total"):
                canvas.drawRightString(470, y, label)
                canvas.drawRightString(width - 40, y, format_money(cents, slip.currency))
        if slip.notes:
            canvas.drawString(40, y - 30, "Notes")
            canvas.drawString(40, y - 42, slip.notes)
        canvas.setFont(font, 8)
        canvas.line(40, 50, width - 40, 50)
        canvas.drawString(40, 40, footer)
        canvas.showPage()
    canvas.save()
    return len(slips)


def _app_slips(slips: list[SlipOrder], letterhead: Letterhead, settings: DocumentSettings, out: BinaryIO) -> int:
    from orderapp.documents.packing_slip import SlipOptions, render_slips
    from orderapp.documents.papers import paper

    footer = settings.slip_footer or "Returns within 7 days with this slip. 7天无理由退货，请保留此单。"
    return render_slips(slips, letterhead, SlipOptions(paper(settings.slip_paper), True, footer), out)


@benchmark
def bench_slips(args: argparse.Namespace) -> list[Row]:
    """500 slips in one batch: the app's renderer against plain canvas drawing, alternating runs."""
    path, _ = big_shop(args)
    ids, _ = _orders_for_batch(path)
    started = time.perf_counter()
    letterhead, slips, settings = _load_slips(path, ids)
    load_seconds = time.perf_counter() - started
    app_runs: list[tuple[float, float]] = []
    plain_runs: list[tuple[float, float]] = []
    sizes: dict[str, object] = {}
    _app_slips(slips[:20], letterhead, settings, io.BytesIO())  # font registered, modules loaded
    plain_canvas_slips(slips[:20], letterhead, io.BytesIO())

    def timed(fn: Callable[[io.BytesIO], object]) -> tuple[tuple[float, float], io.BytesIO]:
        out = io.BytesIO()
        wall, cpu = time.perf_counter(), time.process_time()
        fn(out)
        return (time.perf_counter() - wall, time.process_time() - cpu), out

    for run in range(max(5, args.repeat)):
        # Alternate which goes first, so that neither always runs on a warmer machine.
        order = ("app", "plain") if run % 2 == 0 else ("plain", "app")
        for which in order:
            if which == "app":
                took, out = timed(
                    lambda out: sizes.__setitem__("app_pages", _app_slips(slips, letterhead, settings, out))
                )
                app_runs.append(took)
                sizes["app_mb"] = round(len(out.getvalue()) / 1e6, 2)
            else:
                took, out = timed(lambda out: plain_canvas_slips(slips, letterhead, out))
                plain_runs.append(took)
                sizes["plain_mb"] = round(len(out.getvalue()) / 1e6, 2)
    app = statistics.median(wall for wall, _cpu in app_runs)
    plain = statistics.median(wall for wall, _cpu in plain_runs)
    app_cpu = statistics.median(cpu for _wall, cpu in app_runs)
    plain_cpu = statistics.median(cpu for _wall, cpu in plain_runs)
    memory = _batch_memory(path, ids)
    service = _service_slips(path, ids)
    detail = {
        "orders": len(slips),
        "lines": sum(len(slip.lines) for slip in slips),
        "app_runs_s": [round(wall, 3) for wall, _cpu in app_runs],
        "plain_runs_s": [round(wall, 3) for wall, _cpu in plain_runs],
        **sizes,
    }
    return [
        Row("documents", "500 slips, loaded from the shop", load_seconds, "s", "", {"orders": len(ids)}),
        Row("documents", "500 slips, app renderer (median)", app, "s", "<= 10 s", detail),
        Row("documents", "500 slips, plain canvas (median)", plain, "s", ""),
        Row("documents", "500 slips, app / plain canvas (wall)", app / plain, "x", "<= 2.0"),
        Row(
            "documents",
            "500 slips, app / plain canvas (CPU time)",
            app_cpu / plain_cpu,
            "x",
            "<= 2.0",
            {"app_cpu_s": round(app_cpu, 3), "plain_cpu_s": round(plain_cpu, 3)},
        ),
        Row("documents", "500 slips, peak memory of the process", memory["peak_mb"], "MB", "<= 300 MB", memory),
        Row(
            "documents",
            "500 slips by the slips service, loaded and printed in Chinese (median)",
            service["median_s"],
            "s",
            "<= 10 s",
            service,
        ),
    ]


def _service_slips(path: Path, ids: list[int]) -> dict[str, object]:
    """The whole use case as the command line and the window run it: ``services.documents.slips_pdf``
    for 500 order numbers (found, loaded, laid out in the paperwork language, written to a file)."""
    import tempfile

    from orderapp.services.documents import printing as documents
    from orderapp.store.models import Order
    from orderapp.store.opening import open_database

    database = open_database(path)
    runs: list[float] = []
    try:
        with database.engine.connect() as conn:
            from sqlalchemy import select

            by_id = dict(conn.execute(select(Order.id, Order.number).where(Order.id.in_(ids))).all())
        numbers = [by_id[order_id] for order_id in ids]
        with tempfile.TemporaryDirectory() as folder:
            for _run in range(3):
                started = time.perf_counter()
                result = documents.slips_pdf(database, numbers, Path(folder) / "slips.pdf", language="zh_CN")
                runs.append(time.perf_counter() - started)
    finally:
        database.dispose()
    return {
        "median_s": statistics.median(runs),
        "runs_s": [round(run, 3) for run in runs],
        "pages": result.pages,
        "warnings": len(result.warnings),
    }


_MEMORY_SCRIPT = """
import json, resource, sys, time
sys.path.insert(0, {benchmarks!r})
from bench_documents import _load_slips, _app_slips
ids = json.loads(sys.argv[1])
def high_water_mb():
    # VmHWM: this process's own peak (ru_maxrss can carry the parent's over fork and exec).
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
before = high_water_mb()
started = time.perf_counter()
letterhead, slips, settings = _load_slips({path!r}, ids)
with open({out!r}, "wb") as out:
    pages = _app_slips(slips, letterhead, settings, out)
seconds = time.perf_counter() - started
peak = high_water_mb()
print(json.dumps({{"peak_mb": round(peak, 1), "before_batch_mb": round(before, 1),
                  "pages": pages, "load_and_render_s": round(seconds, 3)}}))
"""


def _batch_memory(path: Path, ids: list[int]) -> dict[str, float]:
    """Peak resident memory of a fresh process that loads and renders the batch to a file."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        script = _MEMORY_SCRIPT.format(
            benchmarks=str(ROOT / "benchmarks"), path=str(path), out=str(Path(folder) / "slips.pdf")
        )
        result = subprocess.run(
            [sys.executable, "-c", script, json.dumps(ids)], capture_output=True, text=True, check=True
        )
    values: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


@benchmark
def bench_daily_summary(args: argparse.Namespace) -> list[Row]:
    """The daily summary of the big shop, figures and PDF, for yesterday, today and a month back."""
    from orderapp.documents.daily_report import render_daily_summary
    from orderapp.services.documents.daily_summary import daily_summary, today_in_shop
    from orderapp.services.documents.paperwork import shop_paper
    from orderapp.store.opening import open_database

    path, _ = big_shop(args)
    database = open_database(path)
    rows = []
    try:
        today = today_in_shop(database)
        letterhead = shop_paper(database).letterhead
        daily_summary(database, today - timedelta(days=1))  # warm the page cache as a running app has it
        for label, day in (
            ("yesterday", today - timedelta(days=1)),
            ("today", today),
            ("30 days back", today - timedelta(days=30)),
        ):
            figures_runs, total_runs = [], []
            for _run in range(max(3, args.repeat)):
                started = time.perf_counter()
                summary = daily_summary(database, day)
                counted = time.perf_counter()
                out = io.BytesIO()
                render_daily_summary(summary, letterhead, out)
                done = time.perf_counter()
                figures_runs.append(counted - started)
                total_runs.append(done - started)
            detail = {
                "day": day.isoformat(),
                "figures_ms": round(statistics.median(figures_runs) * 1000, 1),
                "runs_s": [round(run, 3) for run in total_runs],
                "orders_received": summary.figures.received,
            }
            goal = "<= 1 s" if label == "yesterday" else ""
            rows.append(
                Row("daily", f"summary + PDF, {label} (median)", statistics.median(total_runs), "s", goal, detail)
            )
    finally:
        database.dispose()
    return rows
