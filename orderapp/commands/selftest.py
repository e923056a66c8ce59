"""``orderapp selftest --out FOLDER``: check that this installation works, end to end, without the user's shop.

For support and for the packaged app's smoke test (packaging/build.py runs it inside the built bundle,
where no Python is around to hide a missing module): it makes a small demo shop in FOLDER (migrations
included), reads a generated barcode picture, prints slips, labels, a pick list, a count sheet and the
daily summary through the same commands a user runs, and checks the translations, fonts, sounds, icons
and the database drivers. ``--window`` also opens the main window (offscreen when no screen is set)
until it is idle, loads every form, shows a printed PDF with QtPdf, and closes it again.

Each check prints one line, "ok" or "FAILED", and FOLDER/selftest.json lists the PDFs with the words
each must contain, for a caller that reads their text back. Exit status 1 when any check failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from orderapp.commands import Command
from orderapp.i18n import _

# A retail code and an order number: the two kinds the packing station reads most.
SAMPLE_CODES = (("ean13", "4006381333931"), ("code128", "SO-SELFTEST-42"))
REPORT_NAME = "selftest.json"


@dataclass
class SelfTest:
    out: Path
    url: str = ""
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    documents: dict[str, list[str]] = field(default_factory=dict)  # PDF name -> words it must hold
    facts: dict[str, Any] = field(default_factory=dict)

    def check(self, name: str, step: Callable[[], str]) -> bool:
        """Run one check; its line says what was found, or why it failed (with the traceback)."""
        try:
            detail = step()
        except BaseException as exc:  # a selftest reports every failure, including SystemExit from argparse
            if isinstance(exc, KeyboardInterrupt):
                raise
            self.failed.append(name)
            print(f"FAILED {name}: {type(exc).__name__}: {exc}", flush=True)
            traceback.print_exc(file=sys.stdout)
            sys.stdout.flush()
            return False
        self.passed.append(name)
        print(f"ok     {name}: {detail}", flush=True)
        return True

    def write_report(self) -> Path:
        target = self.out / REPORT_NAME
        body = asdict(self) | {"out": str(self.out)}
        target.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
        return target


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, metavar="FOLDER", help=_("an empty folder for the test"))
    parser.add_argument("--window", action="store_true", help=_("also open the main window until it is idle"))
    parser.add_argument(
        "--require-zbar",
        action="store_true",
        help=_("fail when ZBar cannot be loaded (by default its absence is a notice: zxing-cpp reads alone)"),
    )


def check_drivers() -> str:
    import psycopg
    import sqlalchemy
    from sqlalchemy.dialects import postgresql, sqlite  # noqa: F401  (loaded by URL at run time)

    implementation = psycopg.pq.__impl__
    if implementation == "python":
        raise RuntimeError("psycopg has only its pure-Python driver: libpq and psycopg_binary are missing")
    libpq = psycopg.pq.version()
    return f"SQLAlchemy {sqlalchemy.__version__}, psycopg {psycopg.__version__} ({implementation}, libpq {libpq})"


def make_shop(test: SelfTest) -> str:
    from sqlalchemy import select

    from orderapp.demo import DemoSize, build_demo_shop
    from orderapp.store.models import Order, Product
    from orderapp.store.opening import open_new_shop_database

    path = test.out / "selftest-shop.sqlite"
    database = open_new_shop_database(path)  # a new file: every migration in db/ runs
    try:
        report = build_demo_shop(database, DemoSize(products=40, customers=12, orders=30, days=3))
        with database.session() as session:
            numbers = list(session.scalars(select(Order.number).order_by(Order.id).limit(3)))
            skus = list(session.scalars(select(Product.sku).order_by(Product.id).limit(3)))
            revision = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        database.dispose()
    test.url = str(path)
    test.facts.update(order_numbers=numbers, skus=skus, schema_revision=revision)
    return f"{report.products} products, {report.orders} orders, schema {revision}"


def write_barcode_picture(kind: str, text: str, target: Path) -> None:
    """A clean picture of one barcode, drawn by zxing-cpp's writer (its API changed in 2.3)."""
    import cv2
    import numpy as np
    import zxingcpp

    formats = {"ean13": zxingcpp.BarcodeFormat.EAN13, "code128": zxingcpp.BarcodeFormat.Code128}
    if hasattr(zxingcpp, "create_barcode"):
        image = np.asarray(zxingcpp.create_barcode(text, formats[kind]).to_image(scale=4))
    else:
        image = np.asarray(zxingcpp.write_barcode(formats[kind], text, width=600, height=200, quiet_zone=40))
    if image.ndim == 3:
        image = image[:, :, 0]
    image = cv2.copyMakeBorder(image, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
    ok, encoded = cv2.imencode(".png", image)
    if not ok:
        raise RuntimeError(f"OpenCV could not write {target.name}")
    encoded.tofile(target)


def read_barcodes(test: SelfTest, *, require_zbar: bool) -> str:
    from orderapp.scanning.decoding import decode_image_file, load_zbar, zbar_missing_notice

    read = []
    for kind, text in SAMPLE_CODES:
        picture = test.out / f"barcode-{kind}.png"
        write_barcode_picture(kind, text, picture)
        found = [(decoded.symbology.value, decoded.text) for decoded in decode_image_file(picture)]
        if not any(code == text for _symbology, code in found):
            raise RuntimeError(f"{picture.name} holds {text!r} but the decoder read {found or 'nothing'}")
        read.append(text)
    zbar = load_zbar()
    test.facts["zbar"] = zbar is not None
    loaded = getattr(sys.modules.get("pyzbar.wrapper"), "LIBZBAR", None)
    test.facts["zbar_library"] = str(getattr(loaded, "_name", "") or "")
    if zbar is None:
        if require_zbar:
            raise RuntimeError("ZBar cannot be loaded, and this build must carry it")
        test.notices.append(zbar_missing_notice())
    which = (
        f" (zxing-cpp and ZBar: {test.facts['zbar_library']})" if zbar is not None else " (zxing-cpp alone: no ZBar)"
    )
    return ", ".join(read) + which


def record_and_replay(test: SelfTest) -> str:
    """A packing video recorded as the station records one (PyAV's encoder) and played back through OpenCV's
    FFmpeg as ``orderapp decode`` plays one: the barcode shown in it must be accepted once."""
    from datetime import UTC, datetime

    import cv2
    import numpy as np

    from orderapp.scanning.pipeline import replay_video
    from orderapp.scanning.recording import ClipWriter

    code, picture_path = SAMPLE_CODES[0][1], test.out / f"barcode-{SAMPLE_CODES[0][0]}.png"
    if not picture_path.exists():
        write_barcode_picture(SAMPLE_CODES[0][0], code, picture_path)
    picture = cv2.imread(str(picture_path), cv2.IMREAD_GRAYSCALE)
    if picture is None:
        raise RuntimeError(f"OpenCV cannot read {picture_path.name} back")
    scale = min(560 / picture.shape[1], 360 / picture.shape[0])
    picture = cv2.resize(picture, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    desk = np.full((480, 640, 3), 235, np.uint8)
    shown = desk.copy()
    top, left = (480 - picture.shape[0]) // 2, (640 - picture.shape[1]) // 2
    shown[top : top + picture.shape[0], left : left + picture.shape[1]] = picture[:, :, None]
    writer = ClipWriter(
        test.out / "packing.ts",
        order_number="SO-SELFTEST",
        station="selftest",
        packer="selftest",
        started_at=datetime.now(UTC),
    )
    for index in range(30):  # a second of empty desk, then the label held up for two
        writer.write(desk if index < 10 else shown, offset_ms=index * 100)
    facts = writer.close()
    test.facts["video_codec"] = facts.codec
    read = [timed.scan.code for timed in replay_video(facts.path)]
    if read != [code]:
        raise RuntimeError(f"{facts.path.name} shows {code} once but playing it back accepted {read or 'nothing'}")
    return f"{facts.frames} frames in {facts.codec}, {code} read back through OpenCV"


def check_opencv_maths() -> str:
    """OpenCV's linear algebra (its BLAS and LAPACK: the Linux bundle forwards them to numpy's) against numpy's,
    on matrices big enough for OpenCV to call LAPACK rather than its own small-matrix code."""
    import cv2
    import numpy as np
    import numpy.typing as npt

    rng = np.random.default_rng(12)
    size = 160
    compared = 0
    kinds: tuple[type[np.floating[Any]], ...] = (np.float64, np.float32)
    for kind in kinds:
        a: npt.NDArray[np.floating[Any]] = (rng.standard_normal((size, size)) + size * np.eye(size)).astype(kind)
        b: npt.NDArray[np.floating[Any]] = rng.standard_normal((size, size)).astype(kind)
        spd: npt.NDArray[np.floating[Any]] = (a @ a.T).astype(kind)
        tolerance = 1e-6 if kind == np.float64 else 2e-2
        results = {
            "LU solve": (cv2.solve(a, b, flags=cv2.DECOMP_LU)[1], np.linalg.solve(a, b)),
            "Cholesky solve": (cv2.solve(spd, b, flags=cv2.DECOMP_CHOLESKY)[1], np.linalg.solve(spd, b)),
            "QR solve": (cv2.solve(a, b, flags=cv2.DECOMP_QR)[1], np.linalg.solve(a, b)),
            "SVD": (cv2.SVDecomp(a)[0].ravel(), np.linalg.svd(a, compute_uv=False)),
            "product": (cv2.gemm(a, b, 1.0, np.zeros_like(a), 0.0), a @ b),
            "inverse": (cv2.invert(a, flags=cv2.DECOMP_LU)[1], np.linalg.inv(a)),
        }
        for name, (theirs, expected) in results.items():
            error = float(np.max(np.abs(theirs - expected)) / max(1.0, float(np.max(np.abs(expected)))))
            if not error < tolerance:
                raise RuntimeError(f"OpenCV's {name} ({np.dtype(kind).name}) is off numpy's by {error:.3g}")
            compared += 1
    return f"{compared} results of OpenCV's LAPACK and BLAS agree with numpy's"


def print_documents(test: SelfTest) -> str:
    """Every kind of paperwork, through the same commands a user runs (they load ReportLab's
    barcode modules, the CJK font and the shop's letterhead)."""
    from orderapp.cli import main
    from orderapp.services.stock.counts import CountScope, start_count
    from orderapp.store.models import DEFAULT_USER_ID
    from orderapp.store.opening import open_database

    numbers, skus = test.facts["order_numbers"], test.facts["skus"]
    database = open_database(test.url)
    try:
        count = start_count(database, CountScope.everything(), user_id=DEFAULT_USER_ID, title="Selftest", blind=False)
    finally:
        database.dispose()
    shop = ["Demo Corner Shop", "示例小店"]
    jobs = {
        "slips.pdf": (["print", "slips", "--orders", *numbers], [*shop, *numbers]),
        "labels.pdf": (["print", "labels", "--products", *skus], skus),
        "picklist.pdf": (["print", "picklist", "--orders", *numbers], numbers),
        "count-sheet.pdf": (["print", "count-sheet", "--count", str(count.id)], skus),
        "daily-summary.pdf": (["report", "daily"], shop),
    }
    for name, (words, expected) in jobs.items():
        target = test.out / name
        status = main([*words, "--database", test.url, "--out", str(target)])
        if status != 0 or not target.is_file() or target.stat().st_size < 1000:
            raise RuntimeError(f"{' '.join(words[:2])} gave status {status} and no usable {name}")
        test.documents[name] = expected
    return ", ".join(test.documents)


def check_resources() -> str:
    import gettext
    import wave

    from reportlab.graphics.barcode import getCodeNames

    from orderapp.paths import bundled_dir

    resources = bundled_dir("resources")
    needed = [
        resources / "fonts" / "WenQuanYiMicroHei.ttf",
        resources / "icons" / "orderapp.png",
        resources / "icons" / "orderapp.svg",
        resources / "translations" / "orderapp_zh_CN.qm",
        resources / "style.qss",
        bundled_dir("db") / "env.py",
        bundled_dir("ui") / "order_form.ui",
    ]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        raise RuntimeError("missing: " + ", ".join(missing))
    sounds = sorted((resources / "sounds").glob("*.wav"))
    for sound in sounds:
        with wave.open(str(sound)) as clip:
            if clip.getnframes() <= 0:
                raise RuntimeError(f"{sound.name} holds no sound")
    if len(sounds) < 2:
        raise RuntimeError(f"expected the two packing sounds, found {[s.name for s in sounds]}")
    english = "Enter the shop's name; it is printed on every slip."
    catalogue = gettext.translation("orderapp", localedir=str(resources / "locale"), languages=["zh_CN"], fallback=True)
    chinese = catalogue.gettext(english)  # read as i18n reads it, without switching the app's language
    if chinese == english:
        raise RuntimeError("the core's Chinese catalogue (resources/locale) was not found")
    codes = getCodeNames()  # imports every ReportLab barcode module, as its widgets do
    return f"{len(sounds)} sounds, fonts, icons, forms, migrations, catalogues; {len(codes)} ReportLab barcodes"


def _run(args: argparse.Namespace) -> int:
    from orderapp import __version__

    for stream in (sys.stdout, sys.stderr):  # a Windows pipe speaks the ANSI code page: the shop's name is Chinese
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and str(getattr(stream, "encoding", "")).lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8", errors="backslashreplace")
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        print(_("orderapp: {path} is not empty; give an empty folder.").format(path=out), file=sys.stderr)
        return 2
    test = SelfTest(out)
    test.facts.update(version=__version__, frozen=bool(getattr(sys, "frozen", False)), platform=sys.platform)
    print(f"OrderApp {__version__} selftest in {out}", flush=True)
    test.check("drivers", check_drivers)
    test.check("resources", check_resources)
    shop_made = test.check("demo shop", lambda: make_shop(test))
    test.check("barcode", lambda: read_barcodes(test, require_zbar=args.require_zbar))
    test.check("video", lambda: record_and_replay(test))
    test.check("opencv maths", check_opencv_maths)
    if shop_made:
        test.check("documents", lambda: print_documents(test))
    if args.window:
        from orderapp.gui.selftest_window import window_checks  # a GUI entry point: Qt only when asked

        printed = "slips.pdf" in test.documents
        number = test.facts["order_numbers"][0] if printed else ""
        for name, step in window_checks(test.url if shop_made else "", out, number):
            test.check(name, step)
    for notice in test.notices:
        print(f"notice {notice}", flush=True)
    report = test.write_report()
    print(f"{len(test.passed)} passed, {len(test.failed)} failed (report: {report})", flush=True)
    return 1 if test.failed else 0


COMMANDS = [
    Command(
        path=("selftest",),
        help=_("check that this installation works: demo shop, barcodes, printing (support)"),
        add_arguments=_add_arguments,
        run=_run,
    )
]
