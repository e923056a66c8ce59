"""Alembic environment. The app runs it in-process (orderapp.store.migrations) with a connection
in ``config.attributes["connection"]``; a developer may also run ``alembic`` with
``-x url=sqlite:///path`` from the project root (see db/README.md)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from orderapp.store.count_models import outside_models as inventory_outside_models
from orderapp.store.database import Database
from orderapp.store.order_models import outside_models as orders_outside_models
from orderapp.store.schema import metadata

config = context.config


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave alone what migrations make outside the models (the orders' search index)."""
    return not (orders_outside_models(name, type_) or inventory_outside_models(name, type_))


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    run(given)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -x url=sqlite:///path/to/shop.sqlite ...")
    database = Database(url)
    with database.write_engine.connect() as conn:
        run(conn)
    database.dispose()
