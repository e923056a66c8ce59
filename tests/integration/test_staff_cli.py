"""``orderapp users``, ``orderapp audit`` and ``--as NAME`` as a script uses them: own process,
standard input, exit status and the sentence on stderr; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

from orderapp.services.staff import people as staff
from orderapp.store.opening import open_database


def orderapp(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ORDERAPP_LANGUAGE": "en"}
    return subprocess.run(
        [sys.executable, "-m", "orderapp", *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def shop(database_url: str) -> str:
    open_database(database_url).dispose()  # a new, migrated shop: one owner without a PIN
    return database_url


def users_csv(shop: str) -> list[list[str]]:
    result = orderapp("users", "list", "--csv", "--database", shop)
    assert result.returncode == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


def test_users_are_added_from_the_command_line_and_listed(shop: str) -> None:
    added = orderapp("users", "add", "李娜", "--role", "packer", "--database", shop, stdin="2468\n")
    assert added.returncode == 0, added.stderr
    assert "李娜 added as packer" in added.stdout
    assert orderapp("users", "add", "Mary", "--role", "shopkeeper", "--database", shop, stdin="1357\n").returncode == 0
    rows = users_csv(shop)
    assert rows[0] == ["name", "role", "active", "last sign-in"]
    assert sorted(rows[1:]) == [
        ["Mary", "shopkeeper", "yes", ""],
        ["Owner", "owner", "yes", ""],
        ["李娜", "packer", "yes", ""],
    ]
    table = orderapp("users", "list", "--database", shop)
    assert "李娜" in table.stdout and "packer" in table.stdout
    database = open_database(shop)
    try:
        assert staff.sign_in(database, "李娜", "2468", station="T").role.value == "packer"
    finally:
        database.dispose()
    assert [r[1:3] for r in users_csv(shop) if r[0] == "李娜"] == [["packer", "yes"]]
    assert [r[3][:2] for r in users_csv(shop) if r[0] == "李娜"] == ["20"]  # signed in: a date now


@pytest.mark.parametrize(
    "args, stdin, sentence",
    [
        (["李娜", "--role", "packer"], "12\n", "at least 4 digits"),
        (["李娜", "--role", "packer"], "", "digits only"),
        (["owner", "--role", "packer"], "1234\n", "There is already a user called Owner"),
    ],
)
def test_bad_users_are_refused_with_a_sentence(shop: str, args: list[str], stdin: str, sentence: str) -> None:
    result = orderapp("users", "add", *args, "--database", shop, stdin=stdin)
    assert result.returncode == 1 and sentence in result.stderr
    assert len(users_csv(shop)) == 2  # header + the owner


def test_a_wrong_role_is_refused_by_the_parser(shop: str) -> None:
    result = orderapp("users", "add", "Bob", "--role", "boss", "--database", shop, stdin="1234\n")
    assert result.returncode == 2 and "owner" in result.stderr and "packer" in result.stderr


def test_once_the_owner_has_a_pin_write_commands_need_as_and_a_pin(shop: str, tmp_path) -> None:
    database = open_database(shop)
    try:
        owner = staff.owner_without_pin(database, station="T")
        assert owner is not None
        staff.set_pin(database, owner.user_id, "4821", actor=owner)
        staff.add_user(database, "Tom", "packer", "9999", actor=owner)
    finally:
        database.dispose()
    refused = orderapp("users", "add", "Ann", "--role", "packer", "--database", shop, stdin="1111\n")
    assert refused.returncode == 1 and "add --as NAME" in refused.stderr
    wrong = orderapp(
        "users", "add", "Ann", "--role", "packer", "--as", "Owner", "--database", shop, stdin="1111\n0000\n"
    )
    assert wrong.returncode == 1 and "Wrong PIN for Owner" in wrong.stderr
    packer = orderapp(
        "users", "add", "Ann", "--role", "packer", "--as", "Tom", "--database", shop, stdin="1111\n9999\n"
    )
    assert packer.returncode == 1 and "Only the owner can manage users" in packer.stderr
    assert "Ann" not in [r[0] for r in users_csv(shop)]
    ok = orderapp("users", "add", "Ann", "--role", "packer", "--as", "owner", "--database", shop, stdin="1111\n4821\n")
    assert ok.returncode == 0, ok.stderr
    assert "Ann" in [r[0] for r in users_csv(shop)]
    # the same central check guards every writing command, e.g. a product import
    products = tmp_path / "products.csv"
    products.write_text("sku,name,price\nTEA-1,Tea,9.90\n", encoding="utf-8")
    refused = orderapp("import", "products", str(products), "--database", shop)
    assert refused.returncode == 1 and "--as NAME" in refused.stderr
    # reading needs no PIN
    assert orderapp("users", "list", "--database", shop).returncode == 0


def test_the_audit_command_lists_and_exports(shop: str) -> None:
    assert orderapp("users", "add", "李娜", "--role", "packer", "--database", shop, stdin="2468\n").returncode == 0
    lines = orderapp("audit", "--database", shop)
    assert lines.returncode == 0, lines.stderr
    assert "Owner" in lines.stdout and "user_add" in lines.stdout and "user 李娜" in lines.stdout
    exported = orderapp("audit", "--csv", "--since", "2020-01-01", "--database", shop)
    rows = list(csv.reader(io.StringIO(exported.stdout)))
    assert rows[0] == ["time", "user", "station", "action", "object", "before", "after"]
    assert rows[1][1] == "Owner" and rows[1][3:] == ["user_add", "user 李娜", "", "packer"]
    assert rows[1][2]  # the station
    future = orderapp("audit", "--since", "2999-01-01", "--database", shop)
    assert future.returncode == 0 and future.stdout == "" and "no entries" in future.stderr
    bad = orderapp("audit", "--since", "yesterday", "--database", shop)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
