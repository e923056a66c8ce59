"""Every command refuses what it must not touch, with a sentence and exit status 1, before writing
anything: a damaged shop (one zeroed page of the orders table), an empty or missing file, a
read-only file or folder, an address it cannot use."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from shop_damage import zero_a_page_of

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.errors import DamagedDatabase, DatabaseProblem
from orderapp.store import backup_policy
from orderapp.store.opening import open_database, open_new_shop_database


def orderapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orderapp", *args],
        capture_output=True,
        text=True,
        input="",
        env=dict(os.environ),
        timeout=300,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder with its bytes: what "nothing was written" means."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def commands(shop: Path, out: Path) -> dict[str, list[str]]:
    orders_csv = out / "orders.csv"
    orders_csv.write_text("Name,Email\n#1001,a@example.com\n", encoding="utf-8")
    db = ["--database", str(shop)]
    return {
        "report daily": ["report", "daily", *db, "--out", str(out / "daily.pdf")],
        "print slips": [
            "print",
            "slips",
            "--status",
            "confirmed",
            "--database",
            str(shop),
            "--out",
            str(out / "s.pdf"),
        ],
        "print picklist": [
            "print",
            "picklist",
            "--orders",
            "SO-000001",
            "--database",
            str(shop),
            "--out",
            str(out / "p.pdf"),
        ],
        "make-demo": ["make-demo", "--database", str(shop), "--orders", "5", "--products", "5"],
        "import orders": ["import", "orders", str(orders_csv), "--database", str(shop)],
        "export products": ["export", "products", str(out / "products.csv"), "--database", str(shop)],
        "backup": ["backup", "--database", str(shop), "--out", str(out / "backup.sqlite")],
    }


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A demo shop in "Shop #2 店", with a good backup, then one page of its orders zeroed."""
    shop = tmp_path_factory.mktemp("damaged") / "Shop #2 店" / "shop.sqlite"
    database = open_new_shop_database(shop)
    build_demo_shop(database, DemoSize(products=40, customers=60, orders=400, days=10))
    database.dispose()
    good = backup_policy.take_automatic_backup(shop, "daily")
    zero_a_page_of(shop, "orders")
    yield shop, good.path


@pytest.mark.parametrize(
    "command",
    ["report daily", "print slips", "print picklist", "make-demo", "import orders", "export products", "backup"],
)
def test_every_command_refuses_a_damaged_shop(damaged: tuple[Path, Path], tmp_path: Path, command: str) -> None:
    shop, good = damaged
    before = fingerprint(shop.parent)
    result = orderapp(*commands(shop, tmp_path)[command])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if command == "make-demo":  # it never builds over a shop, damaged or not
        assert "already holds a shop" in result.stderr or "is damaged" in result.stderr
    else:
        assert "is damaged and cannot be opened safely" in result.stderr
        assert f'orderapp restore "{good}"' in result.stderr  # the latest good backup is offered
    assert fingerprint(shop.parent) == before
    assert not (tmp_path / "daily.pdf").exists() and not (tmp_path / "backup.sqlite").exists()


def test_the_damage_is_found_by_opening(damaged: tuple[Path, Path]) -> None:
    shop, _good = damaged
    with pytest.raises(DamagedDatabase):
        open_database(shop, create=False)


@pytest.mark.parametrize("command", ["report daily", "print slips", "import orders", "export products", "backup"])
def test_an_empty_file_never_becomes_a_shop(tmp_path: Path, command: str) -> None:
    shop = tmp_path / "shop.sqlite"
    shop.touch()
    out = tmp_path / "out"
    out.mkdir()
    result = orderapp(*commands(shop, out)[command])
    assert result.returncode == 1
    assert "is an empty file (0 bytes), not a shop" in result.stderr and "Traceback" not in result.stderr
    assert shop.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "shop.sqlite"]


def test_an_empty_file_is_refused_by_opening_too(tmp_path: Path) -> None:
    shop = tmp_path / "shop.sqlite"
    shop.touch()
    for create in (True, False):
        with pytest.raises(DatabaseProblem, match="empty file"):
            open_database(shop, create=create)
    assert shop.stat().st_size == 0


@pytest.mark.parametrize("command", ["report daily", "import orders", "export products", "backup"])
def test_a_missing_shop_is_not_made_by_a_command(tmp_path: Path, command: str) -> None:
    shop = tmp_path / "typo.sqlite"
    out = tmp_path / "out"
    out.mkdir()
    result = orderapp(*commands(shop, out)[command])
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no shop" in result.stderr.lower()
    assert not shop.exists()


def _read_only_file(tmp_path: Path) -> Path:
    shop = tmp_path / "shop.sqlite"
    open_database(shop).dispose()
    shop.chmod(0o444)
    return shop


def _read_only_folder(tmp_path: Path) -> Path:
    shop = tmp_path / "locked" / "shop.sqlite"
    open_database(shop).dispose()
    for side in ("-wal", "-shm"):
        shop.with_name(shop.name + side).unlink(missing_ok=True)
    shop.parent.chmod(0o555)
    return shop


ADDRESSES = {
    "bad port": (lambda tmp: "postgresql://shop:s3cret@127.0.0.1:54x2/shop", "port that is not a number"),
    "mysql": (lambda tmp: "mysql://shop:s3cret@127.0.0.1/shop", "cannot keep a shop in a mysql database"),
    "unreachable": (lambda tmp: "postgresql://shop:s3cret@127.0.0.1:1/shop", "Cannot reach the database server"),
    "missing folder": (lambda tmp: str(tmp / "no such folder" / "shop.sqlite"), "There is no (folder|shop)"),
    "read-only file": (lambda tmp: str(_read_only_file(tmp)), "is read-only"),
    "read-only folder": (lambda tmp: str(_read_only_folder(tmp)), "cannot be written to"),
}


@pytest.mark.parametrize("case", list(ADDRESSES))
@pytest.mark.parametrize("command", ["report daily", "export products", "backup"])
def test_opening_problems_are_sentences(tmp_path: Path, case: str, command: str) -> None:
    make_address, message = ADDRESSES[case]
    address = make_address(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    try:
        args = commands(Path("PLACEHOLDER"), out)[command]
        args[args.index("PLACEHOLDER")] = address
        result = orderapp(*args)
    finally:
        for folder in tmp_path.rglob("*"):
            if folder.is_dir():
                folder.chmod(0o755)
    assert result.returncode == 1
    assert re.search(message, result.stderr), result.stderr
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr
    assert result.stderr.startswith("orderapp: ")


@pytest.mark.parametrize("case", list(ADDRESSES))
def test_opening_problems_are_typed_errors(tmp_path: Path, case: str) -> None:
    make_address, message = ADDRESSES[case]
    try:
        with pytest.raises(DatabaseProblem, match=message.split(" a ")[0]):
            open_database(make_address(tmp_path), create=False)
    finally:
        for folder in tmp_path.rglob("*"):
            if folder.is_dir():
                folder.chmod(0o755)
