"""Fixtures shared by every test folder.

``database`` gives a fresh, migrated shop database: a SQLite file in tmp_path, and the same test
again on PostgreSQL when ORDERAPP_TEST_PG_URL is set (a fresh database made for the test and
dropped after it). ``database_url`` gives the URL alone, for tests that open it themselves.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from orderapp.store.database import Database, normalise_url
from orderapp.store.opening import open_database

PG_ENV = "ORDERAPP_TEST_PG_URL"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never write to the real user's log or data folders from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ORDERAPP_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ORDERAPP_DATABASE", raising=False)


def pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for this test; skipped without ORDERAPP_TEST_PG_URL."""
    admin = pg_admin_url()
    if admin is None:
        pytest.skip(f"{PG_ENV} is not set: PostgreSQL tests need a server (see .ci/run)")
    base = normalise_url(admin)
    name = f"orderapp_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "shop.sqlite")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared barcode samples are only beside a developer's checkout")
    return SHARED


def redacted(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
