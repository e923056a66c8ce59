"""The first start of a new shop: whether to offer the setup wizard, and storing what it was told.

The wizard only gathers choices; they land in the settings every other screen reads (the shop's details
through ``shop_settings``, the slip paper through ``document_settings``), so each can be changed later in
Settings. A wizard that was finished or skipped is not offered again for that shop.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.settings.documents import load_document_settings, save_document_settings
from orderapp.services.settings.shop import ShopSettings, load_settings, save_settings, validate_settings
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

SETUP_KEY = "setup.first_run"  # "done" or "skipped"
SLIP_PAPERS = ("a4", "letter", "4x6")


@dataclass(frozen=True)
class FirstRunChoices:
    """What the wizard was told; ``None`` for a step that was left alone (its setting keeps its default)."""

    shop: ShopSettings | None = None  # name, address, phone, phone region, currency, time zone
    slip_paper: str | None = None  # a4 | letter | 4x6


def needs_first_run(database: Database) -> bool:
    """True for a shop with no name, no products, customers or orders, that has not been through the wizard."""
    from orderapp.store.opening import shop_is_empty

    with database.session() as session:
        stored = settings_store.read_values(session, [SETUP_KEY, "shop.name"])
    if stored.get(SETUP_KEY) or stored.get("shop.name", "").strip():
        return False
    return shop_is_empty(database)


def finish_first_run(
    database: Database, choices: FirstRunChoices, *, user_id: int = DEFAULT_USER_ID
) -> FirstRunChoices:
    """Store the choices and mark the wizard done. Every problem is raised as ValidationFailed before
    anything is written (a wrong phone number keeps the paper size from being stored too)."""
    shop = choices.shop
    if shop is not None:
        errors = validate_settings(shop)
        if errors:
            raise ValidationFailed(errors)
    paper = None
    if choices.slip_paper is not None:
        if choices.slip_paper not in SLIP_PAPERS:
            raise ValidationFailed([FieldError("slip_paper", _("Choose A4, Letter or a 4x6 in label for slips."))])
        paper = replace(load_document_settings(database), slip_paper=choices.slip_paper)
    if shop is not None:
        keep_logo = load_settings(database).logo
        shop = save_settings(database, replace(shop, logo=keep_logo), user_id=user_id)
    if paper is not None:
        save_document_settings(database, paper, user_id=user_id)
    _mark(database, "done", user_id)
    return replace(choices, shop=shop)


def skip_first_run(database: Database, *, user_id: int = DEFAULT_USER_ID) -> None:
    """The shopkeeper skipped the wizard: nothing is stored but that, so it is not offered again."""
    _mark(database, "skipped", user_id)


def _mark(database: Database, how: str, user_id: int) -> None:
    with database.session(write=True) as session:
        settings_store.write_values(session, {SETUP_KEY: how}, user_id=user_id)
        session.commit()
