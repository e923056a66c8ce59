"""services.first_run: when the setup wizard is offered, and where its answers land (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.errors import ValidationFailed
from orderapp.services.settings.documents import load_document_settings
from orderapp.services.settings.shop import ShopSettings, load_settings, save_settings
from orderapp.services.shop.first_run import FirstRunChoices, finish_first_run, needs_first_run, skip_first_run
from orderapp.store.database import Database

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
CHOICES = FirstRunChoices(
    shop=ShopSettings(
        name="莲花茶馆 Lotus Tea",
        address="上海市徐汇区\nShanghai",
        phone="02161234567",
        currency="CNY",
        timezone="Asia/Shanghai",
        phone_region="CN",
    ),
    slip_paper="4x6",
)


def test_a_new_shop_is_offered_the_wizard_once(database: Database) -> None:
    assert needs_first_run(database)
    stored = finish_first_run(database, CHOICES)
    assert stored.shop is not None and stored.shop.phone == "021 6123 4567"  # tidied as Settings does
    shop = load_settings(database)
    assert (shop.name, shop.address, shop.phone) == ("莲花茶馆 Lotus Tea", "上海市徐汇区\nShanghai", "021 6123 4567")
    assert load_document_settings(database).slip_paper == "4x6"
    assert not needs_first_run(database)


def test_skipping_stores_nothing_else_and_is_not_offered_again(database: Database) -> None:
    skip_first_run(database)
    assert not needs_first_run(database)
    assert load_settings(database) == ShopSettings()
    assert load_document_settings(database).slip_paper == "a4"


@pytest.mark.parametrize(
    "choices, field",
    [
        (replace(CHOICES, shop=replace(CHOICES.shop, phone="12345")), "phone"),
        (replace(CHOICES, shop=replace(CHOICES.shop, name="  ")), "name"),
        (replace(CHOICES, shop=replace(CHOICES.shop, timezone="Mars/Olympus")), "timezone"),
        (replace(CHOICES, slip_paper="a3"), "slip_paper"),
    ],
)
def test_a_wrong_answer_stores_nothing_at_all(database: Database, choices: FirstRunChoices, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        finish_first_run(database, choices)
    assert field in {error.field for error in refused.value.errors}
    assert load_settings(database) == ShopSettings()
    assert load_document_settings(database).slip_paper == "a4"  # not even the good half
    assert needs_first_run(database)  # still offered


def test_a_shop_with_a_name_or_with_orders_is_not_new(database: Database) -> None:
    save_settings(database, ShopSettings(name="Old shop", logo=PNG))
    assert not needs_first_run(database)
    finish_first_run(database, CHOICES)  # a wizard run anyway keeps the logo it does not ask about
    assert load_settings(database).logo == PNG


def test_a_shop_holding_orders_but_no_name_is_not_new(database: Database) -> None:
    from orderapp.store import settings_store
    from orderapp.store.models import DEFAULT_USER_ID

    build_demo_shop(database, DemoSize(products=5, customers=2, orders=3, days=2))
    with database.session(write=True) as session:  # a shop from an older version, its name never set
        settings_store.write_values(session, {"shop.name": ""}, user_id=DEFAULT_USER_ID)
        session.commit()
    assert load_settings(database).name == ""
    assert not needs_first_run(database)
