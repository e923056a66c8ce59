"""People, permissions and the audit log, on SQLite and PostgreSQL: what each role is refused (with
the sentence it sees), the PIN lockout, and the audit entries with their before and after."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta

import pytest
from packing_shop import TEA, PackingShop, make_packing_shop
from sqlalchemy import select, update

from orderapp.domain.product_validation import ProductDraft
from orderapp.domain.staff import LOCK_MINUTES, Actor, Role
from orderapp.errors import ValidationFailed
from orderapp.services.orders.placing import cancel_order
from orderapp.services.packing.station import open_order, override_pack, record_scan
from orderapp.services.settings.shop import load_settings, save_settings
from orderapp.services.staff import people as staff
from orderapp.services.staff.audit_log import AuditFilter, audit_entries, write_audit_csv
from orderapp.services.staff.people import NotAllowed, PinRefused, UserRemoved
from orderapp.services.stock.catalogue import get_product, update_product
from orderapp.services.stock.counts import CountScope, post_count, record_entry, review_lines, start_count
from orderapp.services.stock.shelf import AdjustReason, adjust_stock, stock_figures
from orderapp.store.database import Database
from orderapp.store.staff_models import StaffAccount
from orderapp.store.types import utc_now

STATION = "前台 PC-1"


@pytest.fixture
def shop(database: Database) -> PackingShop:
    return make_packing_shop(database)


@pytest.fixture
def owner(database: Database) -> Actor:
    actor = staff.owner_without_pin(database, station=STATION)
    assert actor is not None and actor.role is Role.OWNER
    return actor


@pytest.fixture
def team(database: Database, owner: Actor) -> dict[str, Actor]:
    staff.add_user(database, "Mary Shopkeeper", "shopkeeper", "1111", actor=owner)
    staff.add_user(database, "李娜", Role.PACKER, "2222", actor=owner)
    staff.add_user(database, "Tom Packer", "packer", "3333", actor=owner)
    return {
        "shopkeeper": staff.sign_in(database, "mary shopkeeper", "1111", station=STATION),
        "packer": staff.sign_in(database, "李娜", "2222", station="PACK-1"),
        "packer2": staff.sign_in(database, "Tom Packer", "3333", station="PACK-2"),
    }


def entries(database: Database, action: str = "") -> list[tuple[str, str, str, str, str, str]]:
    return [
        (r.user, r.station, r.action, r.object, r.before, r.after)
        for r in audit_entries(database, AuditFilter(action=action))
    ]


# -- people ---------------------------------------------------------------------------------------


def test_a_new_shop_has_one_owner_without_a_pin(database: Database, owner: Actor) -> None:
    (row,) = staff.list_users(database)
    assert (row.name, row.role, row.active, row.has_pin) == ("Owner", Role.OWNER, True, False)
    assert row.badge_code.startswith("STAFF-")
    assert owner.station == STATION


def test_users_are_added_with_a_role_and_a_hashed_pin(database: Database, owner: Actor, team: dict) -> None:
    rows = {row.name: row for row in staff.list_users(database)}
    assert {name: row.role.value for name, row in rows.items()} == {
        "Owner": "owner",
        "Mary Shopkeeper": "shopkeeper",
        "李娜": "packer",
        "Tom Packer": "packer",
    }
    assert rows["李娜"].last_sign_in_at is not None and rows["Owner"].last_sign_in_at is None
    with database.session() as session:
        hashes = session.scalars(select(StaffAccount.pin_hash).where(StaffAccount.pin_hash.is_not(None))).all()
    assert len(hashes) == 3 and all(h.startswith("scrypt$") for h in hashes)
    assert not any(pin in h.split("$") for h in hashes for pin in ("1111", "2222", "3333"))
    added = entries(database, "user_add")
    assert ("Owner", STATION, "user_add", "user 李娜", "", "packer") in added


@pytest.mark.parametrize(
    "name, pin, field, sentence",
    [
        ("李娜", "5555", "name", "There is already a user called 李娜"),
        ("  tom packer ", "5555", "name", "There is already a user called Tom Packer"),
        ("", "5555", "name", "Type the person's name"),
        ("New Person", "123", "pin", "at least 4 digits"),
        ("New Person", "12ab", "pin", "digits only"),
    ],
)
def test_bad_users_are_refused_with_a_sentence(
    database: Database, owner: Actor, team: dict, name: str, pin: str, field: str, sentence: str
) -> None:
    before = staff.list_users(database)
    with pytest.raises(ValidationFailed) as refused:
        staff.add_user(database, name, "packer", pin, actor=owner)
    assert refused.value.errors[0].field == field and sentence in str(refused.value)
    assert staff.list_users(database) == before


@pytest.mark.parametrize("who", ["shopkeeper", "packer"])
def test_only_the_owner_manages_users(database: Database, team: dict[str, Actor], who: str) -> None:
    with pytest.raises(NotAllowed, match="Only the owner can manage users"):
        staff.add_user(database, "Someone", "packer", "4444", actor=team[who])
    with pytest.raises(NotAllowed):
        staff.set_role(database, team["packer2"].user_id, "owner", actor=team[who])
    assert [r.name for r in staff.list_users(database)].count("Someone") == 0


def test_anyone_may_change_their_own_pin_but_not_another_s(database: Database, team: dict[str, Actor]) -> None:
    packer = team["packer"]
    staff.set_pin(database, packer.user_id, "98765", actor=packer)
    assert staff.sign_in(database, "李娜", "98765", station="PACK-1").user_id == packer.user_id
    with pytest.raises(NotAllowed):
        staff.set_pin(database, team["packer2"].user_id, "1234", actor=packer)
    with pytest.raises(ValidationFailed, match="at least 4 digits"):
        staff.set_pin(database, packer.user_id, "12", actor=packer)
    (changed,) = entries(database, "user_pin")
    assert changed[0] == "李娜" and "98765" not in changed[4] + changed[5]


# -- signing in and the lockout --------------------------------------------------------------------


def test_five_wrong_pins_lock_the_user_and_the_right_pin_waits_for_the_lock(
    database: Database, team: dict[str, Actor]
) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(PinRefused, match=f"{left} more tries") as refused:
            staff.sign_in(database, "Tom Packer", "0000", station="PACK-2")
        assert not refused.value.locked
    with pytest.raises(PinRefused, match=f"locked for {LOCK_MINUTES} minutes") as refused:
        staff.sign_in(database, "Tom Packer", "0000", station="PACK-2")
    assert refused.value.locked
    with pytest.raises(PinRefused, match="is locked after 5 wrong PINs; try again in 15 minute"):
        staff.sign_in(database, "Tom Packer", "3333", station="PACK-2")
    # others are not locked
    assert staff.sign_in(database, "李娜", "2222", station="PACK-1").name == "李娜"
    with database.session(write=True) as session:  # the lock has run out
        session.execute(
            update(StaffAccount)
            .where(StaffAccount.user_id == team["packer2"].user_id)
            .values(locked_until=utc_now() - timedelta(seconds=1))
        )
        session.commit()
    assert staff.sign_in(database, "Tom Packer", "3333", station="PACK-2").role is Role.PACKER
    # a right PIN starts the count again: four wrong ones do not lock
    for _n in range(4):
        with pytest.raises(PinRefused, match="more tries"):
            staff.sign_in(database, "Tom Packer", "0000", station="PACK-2")


def test_the_owner_resets_a_locked_user_with_a_new_pin(database: Database, owner: Actor, team: dict) -> None:
    for _n in range(5):
        with pytest.raises(PinRefused):
            staff.sign_in(database, "李娜", "0000", station="PACK-1")
    staff.set_pin(database, team["packer"].user_id, "7777", actor=owner)
    assert staff.sign_in(database, "李娜", "7777", station="PACK-1").name == "李娜"


def test_unknown_and_removed_users_cannot_sign_in(database: Database, owner: Actor, team: dict[str, Actor]) -> None:
    with pytest.raises(PinRefused, match="There is no user called Nobody"):
        staff.sign_in(database, "Nobody", "1234", station=STATION)
    staff.remove_user(database, team["packer2"].user_id, actor=owner)
    with pytest.raises(PinRefused, match="Tom Packer has been removed"):
        staff.sign_in(database, "Tom Packer", "3333", station="PACK-2")
    # still signed in at another PC: the next thing they do is refused with a sentence
    with pytest.raises(UserRemoved, match="Tom Packer has been removed"):
        staff.actor_for(database, team["packer2"].user_id, station="PACK-2")
    with pytest.raises(UserRemoved, match="sign in as someone else"):
        staff.set_pin(database, team["packer2"].user_id, "4321", actor=team["packer2"])
    assert entries(database, "user_remove")[0][4:] == ("active", "removed")
    removed = [r for r in staff.list_users(database) if r.name == "Tom Packer"]
    assert removed[0].active is False
    staff.restore_user(database, team["packer2"].user_id, actor=owner)
    assert staff.sign_in(database, "Tom Packer", "3333", station="PACK-2").name == "Tom Packer"


def test_the_only_owner_can_be_neither_removed_nor_demoted(database: Database, owner: Actor, team: dict) -> None:
    with pytest.raises(ValidationFailed, match="only owner"):
        staff.remove_user(database, owner.user_id, actor=owner)
    with pytest.raises(ValidationFailed, match="only owner"):
        staff.set_role(database, owner.user_id, "packer", actor=owner)
    staff.set_role(database, team["shopkeeper"].user_id, "owner", actor=owner)
    staff.set_role(database, owner.user_id, "shopkeeper", actor=owner)
    assert entries(database, "user_role")[0][3:] == ("user Owner", "owner", "shopkeeper")


def test_once_an_owner_has_a_pin_someone_must_sign_in(database: Database, owner: Actor) -> None:
    staff.set_pin(database, owner.user_id, "4821", actor=owner)
    assert staff.owner_without_pin(database, station=STATION) is None
    with pytest.raises(PinRefused, match="Wrong PIN for Owner"):
        staff.sign_in(database, "Owner", "4822", station=STATION)
    assert staff.sign_in(database, "owner", "4821", station=STATION).role is Role.OWNER


def test_a_badge_signs_in_its_person_but_an_owner_with_a_pin_still_types_it(
    database: Database, owner: Actor, team: dict[str, Actor]
) -> None:
    rows = {row.name: row for row in staff.list_users(database)}
    actor = staff.sign_in_badge(database, rows["李娜"].badge_code.lower(), station="PACK-1")
    assert actor is not None and actor.user_id == team["packer"].user_id
    assert staff.sign_in_badge(database, rows["Owner"].badge_code, station=STATION) is not None
    staff.set_pin(database, owner.user_id, "4821", actor=owner)
    assert staff.sign_in_badge(database, rows["Owner"].badge_code, station=STATION) is None
    assert staff.badge_user_name(database, rows["Owner"].badge_code) == "Owner"
    with pytest.raises(PinRefused, match="badge is not known"):
        staff.sign_in_badge(database, "STAFF-NOSUCH00", station=STATION)


def test_owner_approval_needs_an_owner_and_the_right_pin(database: Database, owner: Actor, team: dict) -> None:
    staff.set_pin(database, owner.user_id, "4821", actor=owner)
    with pytest.raises(PinRefused, match="only an owner can approve"):
        staff.approve_as_owner(database, "Mary Shopkeeper", "1111", station="PACK-1")
    with pytest.raises(PinRefused, match="Wrong PIN"):
        staff.approve_as_owner(database, "Owner", "1111", station="PACK-1")
    assert staff.approve_as_owner(database, "Owner", "4821", station="PACK-1").user_id == owner.user_id


# -- permissions and the audit log -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["shopkeeper", "packer"])
def test_only_the_owner_changes_settings(database: Database, owner: Actor, team: dict[str, Actor], who: str) -> None:
    settings = replace(load_settings(database), name="茶叶小店", currency="CNY")
    with pytest.raises(NotAllowed, match="Only the owner can change the settings"):
        save_settings(database, settings, user_id=team[who].user_id)
    assert load_settings(database).name != "茶叶小店"
    assert entries(database, "settings") == []
    save_settings(database, settings, user_id=owner.user_id)
    save_settings(database, replace(settings, name="茶叶大店"), user_id=owner.user_id)
    names = [e for e in entries(database, "settings") if e[3] == "shop.name"]
    assert [(e[0], e[4], e[5]) for e in names] == [("Owner", "茶叶小店", "茶叶大店"), ("Owner", "", "茶叶小店")]


def test_only_the_owner_changes_prices_but_a_shopkeeper_edits_the_rest(
    database: Database, shop: PackingShop, owner: Actor, team: dict[str, Actor]
) -> None:
    draft = get_product(database, shop.tea).draft()
    renamed = update_product(
        database, shop.tea, replace(draft, name="茉莉花茶 新包装"), user_id=team["shopkeeper"].user_id
    )
    assert renamed.name == "茉莉花茶 新包装"
    for who in ("shopkeeper", "packer"):
        with pytest.raises(NotAllowed, match="Only the owner can change prices"):
            update_product(database, shop.tea, replace(renamed.draft(), price_cents=1990), user_id=team[who].user_id)
    assert get_product(database, shop.tea).price_cents == draft.price_cents
    update_product(database, shop.tea, replace(renamed.draft(), price_cents=1990), user_id=owner.user_id)
    (entry,) = entries(database, "price")
    assert entry[0] == "Owner" and entry[3] == "product TEA-1"
    assert entry[4] == "price 0.00, cost 0.00" and entry[5] == "price 19.90, cost 0.00"


def test_large_stock_adjustments_need_the_owner(
    database: Database, shop: PackingShop, owner: Actor, team: dict[str, Actor]
) -> None:
    on_hand = stock_figures(database, shop.tea).on_hand
    adjust_stock(database, shop.tea, -2, AdjustReason.DAMAGED, user_id=team["packer"].user_id)
    assert entries(database, "stock_adjust") == []  # small: no owner needed, not audited
    for delta in (-11, 11, 50):
        with pytest.raises(NotAllowed, match="large stock adjustment"):
            adjust_stock(database, shop.tea, delta, AdjustReason.CORRECTION, user_id=team["shopkeeper"].user_id)
    assert stock_figures(database, shop.tea).on_hand == on_hand - 2
    adjust_stock(database, shop.tea, -20, AdjustReason.LOST, note="盘点差异", user_id=owner.user_id)
    (entry,) = entries(database, "stock_adjust")
    assert entry[4] == f"on hand {on_hand - 2}" and entry[5].startswith(f"on hand {on_hand - 22} (lost: 盘点差异")


def test_posting_a_count_needs_the_owner_and_a_blind_review_needs_an_owner_s_pin(
    database: Database, shop: PackingShop, owner: Actor, team: dict[str, Actor]
) -> None:
    count = start_count(database, CountScope.products([shop.tea]), user_id=owner.user_id, title="茶 count")
    record_entry(database, count.id, user_id=team["packer"].user_id, station="PACK-1", code=TEA, qty=1)
    packer, packer2 = team["packer"].user_id, team["packer2"].user_id
    with pytest.raises(NotAllowed, match="Only the owner can review a blind count"):
        review_lines(database, count.id, user_id=packer)
    with pytest.raises(NotAllowed):
        review_lines(database, count.id, user_id=packer, approved_by=packer2)
    assert len(review_lines(database, count.id, user_id=packer, approved_by=owner.user_id)) == 1
    assert len(review_lines(database, count.id, user_id=team["shopkeeper"].user_id)) == 1
    for who in ("shopkeeper", "packer"):
        with pytest.raises(NotAllowed, match="Only the owner can post a stock count"):
            post_count(database, count.id, user_id=team[who].user_id, accept_flagged=True)
    assert stock_figures(database, shop.tea).on_hand == 100
    post_count(database, count.id, user_id=owner.user_id, accept_flagged=True)
    (entry,) = entries(database, "post_count")
    assert entry[0] == "Owner" and "茶 count" in entry[3] and entry[4:] == ("open", "posted: +0 / -99 units")


def test_a_packer_s_override_needs_an_owner_and_is_logged(
    database: Database, shop: PackingShop, owner: Actor, team: dict[str, Actor]
) -> None:
    packer = team["packer"]
    view = open_order(database, "SO-000001", user_id=packer.user_id, station="PACK-1")
    record_scan(
        database, view.session_id, TEA, symbology=None, source="camera", user_id=packer.user_id, station="PACK-1"
    )
    with pytest.raises(NotAllowed, match="Only the owner can pack an order without scanning"):
        override_pack(database, view.session_id, "label torn", user_id=packer.user_id, station="PACK-1")
    with pytest.raises(NotAllowed):
        override_pack(
            database, view.session_id, "label torn", user_id=packer.user_id, station="PACK-1",
            approved_by=team["packer2"].user_id,
        )  # fmt: skip
    result = override_pack(
        database, view.session_id, "标签撕坏了", user_id=packer.user_id, station="PACK-1", approved_by=owner.user_id
    )
    assert result.view.status == "packed"
    (entry,) = entries(database, "pack_override")
    assert entry[0] == "李娜" and entry[3] == "order SO-000001" and entry[4] == "picking"
    assert entry[5].startswith("packed:") and "标签撕坏了" in entry[5] and entry[5].endswith("(approved by Owner)")
    assert entry[1] == "PACK-1"


def test_cancellations_are_logged_with_who_and_why(database: Database, shop: PackingShop, team: dict) -> None:
    cancel_order(database, shop.received, reason="客户取消 customer cancelled", user_id=team["shopkeeper"].user_id)
    (entry,) = entries(database, "cancel")
    assert entry[0] == "Mary Shopkeeper" and entry[3] == "order SO-000003"
    assert entry[4] == "received" and "客户取消" in entry[5]


def test_the_audit_log_filters_and_exports(database: Database, owner: Actor, team: dict[str, Actor]) -> None:
    staff.set_role(database, team["packer2"].user_id, "shopkeeper", actor=owner)
    everything = audit_entries(database)
    assert [r.action for r in everything][:1] == ["user_role"]  # newest first
    assert len(everything) == 4
    assert {r.action for r in audit_entries(database, AuditFilter(text="李娜"))} == {"user_add"}
    assert audit_entries(database, AuditFilter(user_id=team["packer"].user_id)) == ()
    today = everything[0].at.date()
    assert len(audit_entries(database, AuditFilter(since=today, until=today))) == 4
    assert audit_entries(database, AuditFilter(since=today + timedelta(days=1))) == ()
    out = io.StringIO()
    assert write_audit_csv(everything, out) == 4
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["time", "user", "station", "action", "object", "before", "after"]
    assert rows[1][1:] == ["Owner", STATION, "user_role", "user Tom Packer", "packer", "shopkeeper"]


def test_a_product_file_that_changes_prices_needs_the_owner(
    database: Database, owner: Actor, team: dict[str, Actor]
) -> None:
    from orderapp.services.stock.catalogue import create_product
    from orderapp.services.stock.product_import import import_products

    header = "sku,name,price"
    made = create_product(database, ProductDraft(sku="TEA-001", name="龙井", price_cents=8800), user_id=owner.user_id)
    renamed = f"{header}\r\nTEA-001,西湖龙井,88.00\r\n".encode()
    import_products(database, renamed, user_id=team["shopkeeper"].user_id)  # same price: allowed
    assert get_product(database, made.id).name == "西湖龙井"
    dearer = f"{header}\r\nTEA-001,西湖龙井,98.00\r\n".encode()
    with pytest.raises(NotAllowed, match="Only the owner can change prices"):
        import_products(database, dearer, user_id=team["shopkeeper"].user_id)
    assert get_product(database, made.id).price_cents == 8800
    import_products(database, dearer, user_id=owner.user_id)
    (entry,) = entries(database, "price")
    assert entry[3:] == ("product TEA-001", "price 88.00, cost 0.00", "price 98.00, cost 0.00")
