from __future__ import annotations

from dataclasses import replace

import pytest

from orderapp.errors import ValidationFailed
from orderapp.services.settings.shop import ShopSettings, load_settings, save_settings
from orderapp.store.database import Database

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_new_shop_starts_with_defaults(database: Database) -> None:
    assert load_settings(database) == ShopSettings()


def test_saved_settings_come_back_with_chinese_text_and_the_logo(database: Database) -> None:
    wanted = ShopSettings(
        name="示例小店 Corner Shop",
        address="上海市黄浦区南京东路100号\n200001",
        phone="02161234567",
        currency="CNY",
        timezone="Asia/Shanghai",
        phone_region="CN",
        logo=PNG,
    )
    saved = save_settings(database, wanted)
    assert saved.phone == "021 6123 4567"  # written the local way
    assert load_settings(database) == saved


def test_invalid_settings_are_refused_and_nothing_is_stored(database: Database) -> None:
    save_settings(database, ShopSettings(name="Old name"))
    with pytest.raises(ValidationFailed) as caught:
        save_settings(database, replace(ShopSettings(name="New name"), timezone="Nowhere/Land", phone="123"))
    assert {e.field for e in caught.value.errors} == {"timezone", "phone"}
    assert load_settings(database).name == "Old name"


def test_removing_the_logo_clears_it(database: Database) -> None:
    save_settings(database, ShopSettings(name="Shop", logo=PNG))
    save_settings(database, ShopSettings(name="Shop", logo=None))
    assert load_settings(database).logo is None
