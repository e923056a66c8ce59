"""Build OrderApp for the OS this runs on, then smoke-test the built bundle with no Python around it.

    python -m pip install -e ".[packaging]"
    python packaging/build.py                 # build + smoke test; exit status 1 on any failure
    python packaging/build.py --smoke-only    # test the bundle already in dist/
    python packaging/build.py --installer     # also the Windows installer (Inno Setup) or the macOS DMG

Makes ``dist/OrderApp/`` (``OrderApp`` or ``OrderApp.exe`` in it) or, on macOS, ``dist/OrderApp.app``, and
``dist/build-report.json`` with the times, the size and each smoke step. The smoke test runs the bundled
executable in an empty home folder with the Python environment variables removed: ``--version``; ``selftest
--window`` (a demo shop made, a generated barcode decoded, every document printed, the forms, QtPdf and the
main window opened offscreen to idle and closed); the PDFs' text read back here; and ``--demo`` started as a
user would until its window reports idle.
"""

from __future__ import annotations

import argparse
import ctypes.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from linux_libraries import shared_objects, unloadable  # noqa: E402  (the packaging folder's own module)

SPEC = ROOT / "packaging" / "orderapp.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ICONS = ROOT / "build" / "icons"
# The Linux bundle's size limit (MB of 2^20 bytes, issue 12). OpenCV (68 MB), Qt (65 MB), FFmpeg (44 MB) and
# numpy with its OpenBLAS (40 MB) take most of it, which ``linux_libraries.slim`` keeps to one copy each; a
# build over it fails, naming the largest parts (packaging/README.md has the table).
LINUX_SIZE_LIMIT_MB = 300
STEP_TIMEOUT_S = 600
# Variables that would let the bundle borrow modules or settings from a Python on the build machine.
PYTHON_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "VIRTUAL_ENV", "CONDA_PREFIX")


@dataclass
class Report:
    system: str = sys.platform
    machine: str = platform.machine()
    build_s: float = 0.0
    smoke_s: float = 0.0
    size_mb: float = 0.0
    largest: list[tuple[str, float]] = field(default_factory=list)
    steps: list[dict[str, object]] = field(default_factory=list)
    slimmed: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class SmokeFailure(Exception):
    pass


def app_folder() -> Path:
    return DIST / ("OrderApp.app" if sys.platform == "darwin" else "OrderApp")


def executable() -> Path:
    if sys.platform == "darwin":
        return DIST / "OrderApp.app" / "Contents" / "MacOS" / "OrderApp"
    return DIST / "OrderApp" / ("OrderApp.exe" if sys.platform == "win32" else "OrderApp")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def largest_parts(folder: Path, count: int = 12) -> list[tuple[str, float]]:
    """The biggest files and first-level folders under the bundle's internal folder, in MB."""
    inner = folder / "_internal" if (folder / "_internal").is_dir() else folder
    if sys.platform == "darwin":
        inner = folder / "Contents" / "Frameworks"
    sizes: dict[str, int] = {}
    for path in inner.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(inner)
            key = str(relative.parts[0]) if len(relative.parts) > 1 else str(relative)
            if relative.parts[0] == "PySide6" and len(relative.parts) > 2:
                key = "/".join(relative.parts[:3]) if relative.parts[1] == "Qt" else "/".join(relative.parts[:2])
            sizes[key] = sizes.get(key, 0) + path.stat().st_size
    ranked = sorted(sizes.items(), key=lambda item: -item[1])[:count]
    return [(name, round(size / 2**20, 1)) for name, size in ranked]


def zbar_library() -> str | None:
    """macOS: Homebrew's libzbar, to bundle (pyzbar's wheel carries ZBar only on Windows)."""
    if sys.platform != "darwin":
        return None
    for prefix in (os.environ.get("HOMEBREW_PREFIX", ""), "/opt/homebrew", "/usr/local"):
        candidate = Path(prefix) / "lib" / "libzbar.dylib" if prefix else None
        if candidate and candidate.exists():
            return str(candidate.resolve())
    return None


def make_icons() -> None:
    """orderapp.ico (Windows) and orderapp.icns (macOS) from the SVG, drawn by Qt, packed by Pillow."""
    from icons import make_icons as draw

    draw(ROOT / "resources" / "icons" / "orderapp.svg", ICONS)


def build(report: Report) -> float:
    make_icons()
    env = dict(os.environ, ORDERAPP_ICON_DIR=str(ICONS))
    zbar = zbar_library()
    if zbar:
        env["ORDERAPP_ZBAR_LIBRARY"] = zbar
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    print("==", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    strip_binaries()
    report.slimmed = slim_libraries()
    return time.monotonic() - started


def stripped_candidates(inner: Path) -> list[Path]:
    """The bundle's ELF shared objects that may be stripped: everything but the wheels' vendored libraries
    (the ``*.libs`` folders auditwheel made: patchelf rewrote them, and stripping numpy's OpenBLAS there made
    it unloadable, "ELF load command address/offset not page-aligned"; ``linux_libraries`` strips those one
    by one)."""
    return [path for path in shared_objects(inner) if not any(part.endswith(".libs") for part in path.parts)]


def strip_binaries() -> None:
    """Linux: symbols the loader never needs out of the bundle's own and the wheels' extension modules and
    libraries (PyAV's modules alone carry 25 MB of them, SQLAlchemy's 8 MB): ``strip --strip-unneeded``,
    except the ``*.libs`` folders (see ``stripped_candidates``). Every library the loader accepted before
    must still load after, or the build fails naming it (the smoke test then runs what it loads)."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    targets = stripped_candidates(app_folder() / "_internal")
    before = unloadable(targets)
    subprocess.run([strip, "--strip-unneeded", *map(str, targets)], check=True)
    broken = {path: why for path, why in unloadable(targets).items() if path not in before}
    if broken:
        lines = "\n".join(f"{path}: {why}" for path, why in broken.items())
        raise SystemExit(f"stripping made these libraries unloadable:\n{lines}")


def slim_libraries() -> list[str]:
    """Linux: one FFmpeg and one OpenBLAS, no unused encoders (``linux_libraries.py``). Every library the
    loader opened before must still open after, or the build fails naming it."""
    if not sys.platform.startswith("linux"):
        return []
    from linux_libraries import slim

    inner = app_folder() / "_internal"
    size = folder_size(inner)
    targets = shared_objects(inner)
    before = unloadable(targets)
    slimming = slim(inner)
    broken = {path: why for path, why in unloadable([t for t in targets if t.exists()]).items() if path not in before}
    if broken:
        lines = "\n".join(f"{path}: {why}" for path, why in broken.items())
        raise SystemExit(f"slimming made these libraries unloadable:\n{lines}")
    saved = f"{(size - folder_size(inner)) / 2**20:.1f} MB saved, {len(slimming.removed)} libraries removed"
    said = [*slimming.notes, saved]
    for line in said:
        print("slim:", line, flush=True)
    return said + [f"removed {name}" for name in slimming.removed]


def bare_environment(home: Path) -> dict[str, str]:
    """The environment a shopkeeper's PC gives the app: no Python variables, no virtual environment on
    PATH, an empty home (so the user's data folder is new), and no screen (Qt's offscreen platform)."""
    env = {key: value for key, value in os.environ.items() if key not in PYTHON_VARIABLES}
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep) if part != venv_bin)
    env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen", ORDERAPP_LOG_DIR=str(home / "logs"))
    # Windows finds the user's folders through the shell, not the environment: name the data folder outright.
    env["ORDERAPP_DATA_DIR"] = str(home / "data")
    env.pop("ORDERAPP_DATABASE", None)
    if sys.platform == "win32":
        env.update(APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"))
    else:
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env.pop(name, None)
    return env


def run_bundle(args: Sequence[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable()), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=STEP_TIMEOUT_S,
        check=False,
    )


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def check_version(env: dict[str, str], home: Path) -> str:
    from orderapp import __version__

    result = run_bundle(["--version"], env, home)
    said = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or said != f"OrderApp {__version__}":
        raise SmokeFailure(f"--version exited {result.returncode} saying {said!r}, not 'OrderApp {__version__}'")
    return said


def check_selftest(env: dict[str, str], home: Path, *, require_zbar: bool) -> str:
    out = home / "selftest"
    args = ["selftest", "--window", "--out", str(out)] + (["--require-zbar"] if require_zbar else [])
    result = run_bundle(args, env, home)
    print(result.stdout, result.stderr, sep="\n", flush=True)
    if result.returncode != 0:
        raise SmokeFailure(f"selftest exited {result.returncode}")
    report = json.loads((out / "selftest.json").read_text(encoding="utf-8"))
    if not report["facts"].get("frozen"):
        raise SmokeFailure("the selftest ran in a plain Python, not in the bundle")
    missing = [
        f"{name}: {word!r}"
        for name, words in report["documents"].items()
        for text in [pdf_text(out / name)]
        for word in words
        if word not in text
    ]
    if len(report["documents"]) < 5 or missing:
        raise SmokeFailure(f"documents {sorted(report['documents'])}; text not read back: {missing}")
    from orderapp.scanning.recording import choose_codec

    if report["facts"].get("video_codec") != choose_codec():  # e.g. H.264 lost with a library swapped
        raise SmokeFailure(f"the bundle records {report['facts'].get('video_codec')}, not {choose_codec()} as here")
    library = str(report["facts"].get("zbar_library", ""))
    carried = [path for path in app_folder().rglob("libzbar*") if path.is_file()]
    if report["facts"].get("zbar") and sys.platform != "win32" and carried and not library.startswith(str(DIST)):
        raise SmokeFailure(f"the bundle carries {carried[0].name} but ZBar was loaded from {library}")
    zbar = f"with ZBar ({library})" if report["facts"].get("zbar") else "without ZBar (zxing-cpp alone, notice shown)"
    return f"{len(report['passed'])} checks passed, {len(report['documents'])} PDFs read back, {zbar}"


def check_demo_start(env: dict[str, str], home: Path) -> str:
    """``OrderApp --demo`` as a user starts it: the demo shop made in the user's data folder, the window idle."""
    ready = home / "ready.json"
    started = time.time()
    child = subprocess.Popen(
        [str(executable()), "--demo"],
        env=dict(env, ORDERAPP_STARTUP_REPORT=str(ready)),
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        while not ready.exists():
            if child.poll() is not None:
                output = child.stdout.read().decode(errors="replace") if child.stdout else ""
                raise SmokeFailure(f"--demo exited {child.returncode} before its window was idle:\n{output}")
            if time.time() - started > 120:
                raise SmokeFailure("--demo showed no idle window within 120 s")
            time.sleep(0.05)
        seconds = json.loads(ready.read_text(encoding="utf-8"))["ready_at"] - started
    finally:
        child.terminate()
        child.wait(30)
    data = Path(env["ORDERAPP_DATA_DIR"])
    if not (data / "demo-shop.sqlite").is_file():
        raise SmokeFailure(f"no demo-shop.sqlite in the user's data folder {data}")
    return f"demo shop made and window idle in {seconds:.1f} s; {check_demo_clips(data)}"


def check_demo_clips(data: Path) -> str:
    """The demo's packing videos, recorded by the bundle's encoder (the only run of it here), must play."""
    from orderapp.scanning.recording import CLIP_SUFFIX, probe_clip

    clips = sorted(data.rglob(f"*{CLIP_SUFFIX}"))
    played = [(clip.name, *probe_clip(clip)) for clip in clips]
    if not played or any(frames < 10 for _name, frames, _last in played):
        raise SmokeFailure(f"the demo's packing videos do not play (name, frames, last ms): {played}")
    return f"{len(played)} packing videos play ({min(frames for _n, frames, _l in played)}+ frames)"


def smoke(report: Report) -> None:
    if not executable().is_file():
        raise SmokeFailure(f"no bundle at {executable()}; build it first")
    # ZBar must be there wherever it can be: in the wheel (Windows), bundled (macOS with Homebrew's),
    # or a system library (Linux with libzbar0). Elsewhere its absence must degrade, not crash.
    require_zbar = (
        sys.platform == "win32"
        or bool(zbar_library())
        or (sys.platform.startswith("linux") and ctypes.util.find_library("zbar") is not None)
    )
    with tempfile.TemporaryDirectory(prefix="orderapp-smoke-") as tmp:
        home = Path(tmp)
        env = bare_environment(home)
        steps: list[tuple[str, Callable[[], str]]] = [
            ("version", lambda: check_version(env, home)),
            ("selftest", lambda: check_selftest(env, home, require_zbar=require_zbar)),
            ("demo start", lambda: check_demo_start(env, home)),
        ]
        for name, step in steps:
            started = time.monotonic()
            try:
                detail = step()
            except (SmokeFailure, subprocess.SubprocessError, OSError, ValueError, KeyError) as exc:
                report.failures.append(f"{name}: {exc}")
                detail, ok = str(exc), False
            else:
                ok = True
            seconds = round(time.monotonic() - started, 1)
            report.steps.append({"step": name, "ok": ok, "seconds": seconds, "detail": detail})
            print(f"{'ok' if ok else 'FAILED'} {name} ({seconds} s): {detail}", flush=True)


def make_installer() -> Path:
    if sys.platform == "win32":
        from orderapp import __version__

        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        script = ROOT / "packaging" / "windows" / "orderapp.iss"
        subprocess.run([iscc, f"/DAppVersion={__version__}", f"/DRoot={ROOT}", str(script)], check=True)
        return DIST / f"OrderApp-{__version__}-setup.exe"
    if sys.platform == "darwin":
        from orderapp import __version__

        target = DIST / f"OrderApp-{__version__}.dmg"
        target.unlink(missing_ok=True)
        subprocess.run(
            [
                "hdiutil",
                "create",
                "-volname",
                "OrderApp",
                "-srcfolder",
                str(app_folder()),
                "-ov",
                "-format",
                "UDZO",
                str(target),
            ],
            check=True,
        )
        return target
    raise SystemExit("installers are made on Windows (Inno Setup) and macOS (DMG); Linux ships the folder")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke-only", action="store_true", help="test the bundle already in dist/")
    parser.add_argument("--installer", action="store_true", help="also make the installer (Windows, macOS)")
    args = parser.parse_args(argv)
    report = Report()
    if not args.smoke_only:
        report.build_s = round(build(report), 1)
    folder = app_folder()
    if folder.is_dir():
        report.size_mb = round(folder_size(folder) / 2**20, 1)
        report.largest = largest_parts(folder)
        print(f"bundle {folder}: {report.size_mb} MB; largest parts: {report.largest}", flush=True)
        if sys.platform.startswith("linux") and report.size_mb > LINUX_SIZE_LIMIT_MB:
            failure = f"size: {report.size_mb} MB is over the {LINUX_SIZE_LIMIT_MB} MB limit"
            slim_notes = [line for line in report.slimmed if not line.startswith("removed ")]
            report.failures.append(f"{failure}; largest parts {report.largest}; slimming: {slim_notes}")
    started = time.monotonic()
    try:
        smoke(report)
    except SmokeFailure as exc:
        report.failures.append(str(exc))
    report.smoke_s = round(time.monotonic() - started, 1)
    if args.installer and not report.failures:
        print(f"installer: {make_installer()}", flush=True)
    DIST.mkdir(exist_ok=True)
    (DIST / "build-report.json").write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    print(f"build {report.build_s} s, smoke test {report.smoke_s} s, size {report.size_mb} MB", flush=True)
    for failure in report.failures:
        print(f"FAILED {failure}", file=sys.stderr, flush=True)
    return 1 if report.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
