"""ORDERAPP_DATA_DIR moves the user's data folder (the packaged app's smoke test, support); unset, the OS's."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from orderapp import paths


def test_the_variable_moves_the_shops(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ORDERAPP_DATA_DIR", str(tmp_path / "elsewhere"))
    assert paths.default_database_path() == tmp_path / "elsewhere" / "shop.sqlite"
    assert paths.demo_database_path() == tmp_path / "elsewhere" / "demo-shop.sqlite"


@pytest.mark.parametrize("value", ["", "   "])
def test_unset_or_blank_is_the_users_data_folder(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ORDERAPP_DATA_DIR", value)
    assert paths.data_dir() == Path(platformdirs.user_data_dir("OrderApp", appauthor=False))
