from __future__ import annotations

from dataclasses import replace

import pytest

from orderapp.services.settings.shop import ShopSettings, format_phone, validate_settings

GOOD = ShopSettings(
    name="示例小店",
    address="上海市",
    phone="021 6123 4567",
    currency="CNY",
    timezone="Asia/Shanghai",
    phone_region="CN",
)


def messages(settings: ShopSettings) -> dict[str, str]:
    return {e.field: e.message for e in validate_settings(settings)}


def test_good_settings_have_no_messages() -> None:
    assert messages(GOOD) == {}


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"name": "  "}, "name", "Enter the shop's name"),
        ({"phone": "12"}, "phone", "not valid for CN"),
        ({"phone": "call me"}, "phone", "not a phone number"),
        ({"currency": "yuan"}, "currency", "three-letter code"),
        ({"timezone": "Mars/Olympus"}, "timezone", "time zone"),
        ({"phone_region": "XX"}, "phone_region", "country"),
        ({"logo": b"GIF89a..."}, "logo", "PNG or JPEG"),
        ({"logo": b"\x89PNG\r\n\x1a\n" + b"0" * (3 * 1024 * 1024)}, "logo", "larger than 2 MB"),
    ],
)
def test_each_mistake_is_named_under_its_field(change: dict[str, object], field: str, words: str) -> None:
    found = messages(replace(GOOD, **change))  # type: ignore[arg-type]
    assert list(found) == [field]
    assert words in found[field]


def test_phone_is_written_the_local_way() -> None:
    assert format_phone("02161234567", "CN") == "021 6123 4567"
    assert format_phone("+1 415 555 2671", "CN") == "+1 415-555-2671"
    assert format_phone("not a phone", "CN") == "not a phone"
