"""The demo shop's people: an owner without a PIN (the demo opens without signing in), a
shopkeeper and two packers who did the recent packing; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.staff import Role
from orderapp.services.documents.daily_summary import today_in_shop
from orderapp.services.staff import people as staff
from orderapp.services.staff.audit_log import AuditFilter, audit_entries
from orderapp.services.staff.figures import staff_report
from orderapp.store.database import Database


def test_the_demo_has_an_owner_without_pin_a_shopkeeper_and_two_packers(database: Database) -> None:
    build_demo_shop(database, DemoSize(products=40, customers=20, orders=150, days=20), now=datetime.now(UTC))
    users = {row.name: row for row in staff.list_users(database)}
    assert {name: (row.role, row.has_pin) for name, row in users.items()} == {
        "Owner": (Role.OWNER, False),
        "王芳 Wang Fang": (Role.SHOPKEEPER, True),
        "李娜 Li Na": (Role.PACKER, True),
        "Tom": (Role.PACKER, True),
    }
    owner = staff.owner_without_pin(database, station="PC")
    assert owner is not None and owner.name == "Owner"  # no sign-in for the demo
    assert staff.sign_in(database, "Tom", "3333", station="PACK-2").role is Role.PACKER
    assert staff.sign_in(database, "李娜 Li Na", "2222", station="PACK-1").role is Role.PACKER
    assert staff.sign_in(database, "王芳 Wang Fang", "1111", station="PC").role is Role.SHOPKEEPER
    today = today_in_shop(database)
    report = staff_report(database, today - timedelta(days=13), today)
    figures = {f.name: f for f in report.packers}
    assert set(figures) == {"李娜 Li Na", "Tom"}
    for packer in figures.values():
        assert packer.orders_packed > 3 and packer.items_packed >= packer.orders_packed
        assert packer.median_seconds is not None and 60 <= packer.median_seconds <= 360
    added = audit_entries(database, AuditFilter(action="user_add"))
    assert sorted(e.object for e in added) == ["user Tom", "user 李娜 Li Na", "user 王芳 Wang Fang"]
    assert {e.user for e in added} == {"Owner"}
