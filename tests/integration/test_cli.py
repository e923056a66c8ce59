"""The ``orderapp`` command as a shop owner or a script uses it: its own process, its exit status."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from orderapp import __version__
from orderapp.store.opening import open_database


def orderapp(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orderapp", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_is_printed() -> None:
    result = orderapp("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"OrderApp {__version__}"


def test_make_demo_builds_a_shop_that_opens(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    result = orderapp("make-demo", "--database", str(path), "--products", "30", "--orders", "40", "--days", "5")
    assert result.returncode == 0, result.stderr
    assert "30 products" in result.stdout
    made = re.search(r"(\d+) orders", result.stdout)
    # 40, and the after-sales exchange and reship when the shop (built up to now) has orders for them
    assert made is not None and int(made.group(1)) in (40, 41, 42)
    database = open_database(path)
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM orders").scalar() == int(made.group(1))
    finally:
        database.dispose()


def test_make_demo_follows_the_environment_variable(tmp_path: Path) -> None:
    path = tmp_path / "from-env.sqlite"
    result = orderapp(
        "make-demo", "--products", "20", "--orders", "10", "--clips", "0", env={"ORDERAPP_DATABASE": str(path)}
    )
    assert result.returncode == 0, result.stderr
    assert path.is_file()


def test_make_demo_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "prices.sqlite"
    path.write_text("sku,price\nA,1\n", encoding="utf-8")
    before = digest(path)
    result = orderapp("make-demo", "--database", str(path))
    assert result.returncode == 1
    assert "not an OrderApp database" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(path) == before


def test_make_demo_refuses_a_shop_that_exists(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    assert (
        orderapp("make-demo", "--database", str(path), "--products", "20", "--orders", "10", "--clips", "0").returncode
        == 0
    )
    before = digest(path)
    result = orderapp("make-demo", "--database", str(path), "--products", "20", "--orders", "10", "--clips", "0")
    assert result.returncode == 1
    assert "already holds a shop" in result.stderr
    assert digest(path) == before


def test_a_bad_number_is_a_usage_error(tmp_path: Path) -> None:
    result = orderapp("make-demo", "--database", str(tmp_path / "x.sqlite"), "--orders", "many")
    assert result.returncode == 2
    assert "'many' is not a whole number" in result.stderr
