"""Fixtures shared by every test folder.

``database`` gives a fresh, migrated shop database: a SQLite file in tmp_path, and the same test
again on PostgreSQL when ORDERAPP_TEST_PG_URL is set (a fresh database made for the test and
dropped after it); both are copies of one shop migrated once per test process. ``database_url``
gives the URL alone (an absent file, an empty server database), for tests that open it themselves.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from orderapp.store.database import Database, normalise_url, sqlite_path
from orderapp.store.opening import open_database

PG_ENV = "ORDERAPP_TEST_PG_URL"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


SLOWEST_FIRST = ("tests/integration/test_bundle.py",)


def pytest_configure(config: pytest.Config) -> None:
    """Under xdist every core already runs a worker: OpenCV's own thread pool in each worker would
    only make the workers take turns (and spin) on the same cores."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        import cv2

        cv2.setNumThreads(1)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The few tests that take minutes start first, so that with ``-n auto`` they run beside the
    rest instead of being the last thing a worker does."""
    items.sort(key=lambda item: not item.nodeid.startswith(SLOWEST_FIRST))


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


class _MigratedTemplates:
    """One freshly migrated shop per test process, copied for each test that asks for ``database``.

    Migrating a new shop takes most of a second; a copy of one takes a few milliseconds (a SQLite
    file copied, a PostgreSQL database made from a template). The copy is what ``open_database``
    would have made, nothing else, so tests that exercise creating or migrating a shop open
    ``database_url`` themselves and still start from nothing.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._sqlite: Path | None = None
        self._pg_name: str | None = None

    def fill_sqlite(self, target: Path) -> None:
        if self._sqlite is None:
            template = self._folder / "template.sqlite"
            open_database(template).dispose()
            self._sqlite = template
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self._sqlite, target)

    def new_postgres(self, admin: str, *, migrated: bool) -> Iterator[str]:
        """A new PostgreSQL database for one test (migrated or empty), dropped after it."""
        base = normalise_url(admin)
        engine = create_engine(base, isolation_level="AUTOCOMMIT")
        name = f"orderapp_test_{uuid.uuid4().hex[:12]}"
        try:
            if migrated and self._pg_name is None:
                template = f"orderapp_template_{uuid.uuid4().hex[:12]}"
                with engine.connect() as conn:
                    conn.execute(text(f'CREATE DATABASE "{template}"'))
                open_database(base.set(database=template)).dispose()
                self._pg_name = template
            source = f' TEMPLATE "{self._pg_name}"' if migrated else ""
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"{source}'))
            yield base.set(database=name).render_as_string(hide_password=False)
        finally:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            engine.dispose()

    def drop(self) -> None:
        admin = pg_admin_url()
        if self._pg_name is None or admin is None:
            return
        engine = create_engine(normalise_url(admin), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self._pg_name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(scope="session")
def _migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_MigratedTemplates]:
    templates = _MigratedTemplates(tmp_path_factory.mktemp("templates"))
    yield templates
    templates.drop()


def _admin_or_skip() -> str:
    admin = pg_admin_url()
    if admin is None:
        pytest.skip(f"{PG_ENV} is not set: PostgreSQL tests need a server (see .ci/run)")
    return admin


@pytest.fixture
def postgres_url(_migrated_templates: _MigratedTemplates) -> Iterator[str]:
    """A new, empty PostgreSQL database for this test; skipped without ORDERAPP_TEST_PG_URL."""
    yield from _migrated_templates.new_postgres(_admin_or_skip(), migrated=False)


@pytest.fixture
def _postgres_shop_url(_migrated_templates: _MigratedTemplates) -> Iterator[str]:
    """A new PostgreSQL database already holding a freshly migrated, empty shop."""
    yield from _migrated_templates.new_postgres(_admin_or_skip(), migrated=True)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "shop.sqlite")
    # A test that opens the shop through ``database`` gets it already migrated (see _MigratedTemplates).
    wanted = "_postgres_shop_url" if "database" in request.fixturenames else "postgres_url"
    url: str = request.getfixturevalue(wanted)
    return url


@pytest.fixture
def database(database_url: str, _migrated_templates: _MigratedTemplates) -> Iterator[Database]:
    if sqlite_path(normalise_url(database_url)) is not None:
        _migrated_templates.fill_sqlite(Path(database_url))
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
