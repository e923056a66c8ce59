"""Bring a shop's database to the schema this version of OrderApp expects."""

from __future__ import annotations

from dataclasses import dataclass

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from orderapp import paths


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.bundled_dir("db")))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


@dataclass(frozen=True)
class SchemaState:
    revision: str | None  # None: not an OrderApp database (yet)
    has_tables: bool  # any table at all, ours or somebody else's

    @property
    def is_empty(self) -> bool:
        return self.revision is None and not self.has_tables


def schema_state(connection: Connection) -> SchemaState:
    revision = MigrationContext.configure(connection).get_current_revision()
    tables = [t for t in inspect(connection).get_table_names() if not t.startswith("sqlite_")]
    return SchemaState(revision=revision, has_tables=bool(tables))


def upgrade(connection: Connection) -> None:
    """Run every pending migration on ``connection``, in one transaction where the backend allows."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
