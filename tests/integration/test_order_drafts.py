"""Nothing typed is lost: drafts survive a closed window or a crash, per station and user."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from order_shop import USER, delivery_draft, make_shop
from sqlalchemy import func, select

from orderapp.domain.order_validation import LineDraft, OrderDraft
from orderapp.services.orders import placing as orders
from orderapp.services.orders.drafts import discard_draft, draft_from_json, list_drafts, load_draft, save_draft
from orderapp.store.database import Database
from orderapp.store.opening import open_database
from orderapp.store.order_models import OrderDraftRecord

HALF_TYPED = delivery_draft(
    LineDraft(code="TEA-001", qty="2"),
    LineDraft(code="6901234567892", qty="abc"),  # still wrong: drafts keep what was typed, right or not
    name="王小明",
    phone="138 1234",
    notes="门口放 leave at the door",
    due_at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
)


def test_a_draft_comes_back_after_the_app_is_gone(database: Database, database_url: str) -> None:
    draft_id = save_draft(database, HALF_TYPED, station="柜台 PC-1", user_id=USER)
    save_draft(database, HALF_TYPED, station="柜台 PC-1", user_id=USER, draft_id=draft_id)  # saved again, not twice
    database.dispose()  # the window (or the whole app) is gone

    reopened = open_database(database_url)
    try:
        [saved] = list_drafts(reopened, station="柜台 PC-1", user_id=USER)
        assert saved.id == draft_id and saved.draft == HALF_TYPED
        assert saved.summary == "王小明 · 2 lines"
        assert list_drafts(reopened, station="PC-2", user_id=USER) == []
    finally:
        reopened.dispose()


def test_placing_the_order_removes_its_draft_in_the_same_step(database: Database) -> None:
    make_shop(database)
    draft = delivery_draft(LineDraft(code="TEA-001"))
    draft_id = save_draft(database, draft, station="PC-1", user_id=USER)
    orders.place_order(database, draft, user_id=USER, draft_id=draft_id)
    assert load_draft(database, draft_id) is None


def test_a_failed_placement_keeps_the_draft(database: Database) -> None:
    make_shop(database)
    draft = delivery_draft(LineDraft(code="SOP-003", qty="5"))
    draft_id = save_draft(database, draft, station="PC-1", user_id=USER)
    with pytest.raises(orders.OutOfStock):
        orders.place_order(database, draft, user_id=USER, confirm=True, draft_id=draft_id)
    saved = load_draft(database, draft_id)
    assert saved is not None and saved.draft == draft


def test_discarding_and_editing_drafts(database: Database) -> None:
    make_shop(database)
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
    draft_id = save_draft(database, view.to_draft(), station="PC-1", user_id=USER, order_id=view.id)
    saved = load_draft(database, draft_id)
    assert saved is not None and saved.order_id == view.id
    discard_draft(database, draft_id)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(OrderDraftRecord)) == 0


def test_a_draft_from_another_version_still_opens() -> None:
    old = '{"customer": {"name": "李雷", "nickname": "x"}, "lines": [{"code": "TEA-001"}, "junk"], "colour": "red"}'
    draft = draft_from_json(old)
    assert draft.customer.name == "李雷" and draft.lines == (LineDraft(code="TEA-001"),)
    assert draft_from_json("{}") == OrderDraft()


def _draft_rows(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(OrderDraftRecord)) or 0)


def test_saves_keyed_by_the_form_make_one_draft_whatever_their_order(database: Database) -> None:
    """The app quits while a save is in flight: both writes land on the form's one draft, and the newer
    text wins even when the older save commits last."""
    older = delivery_draft(LineDraft(code="TEA-001"), name="王小", notes="门口")
    newer = delivery_draft(LineDraft(code="TEA-001", qty="3"), name="王小明", notes="门口放 leave at the door")
    first = save_draft(database, newer, station="PC-1", user_id=USER, form_key="form-a", revision=2)
    second = save_draft(database, older, station="PC-1", user_id=USER, form_key="form-a", revision=1)
    again = save_draft(database, newer, station="PC-1", user_id=USER, form_key="form-a", revision=2)
    assert first == second == again
    [saved] = list_drafts(database, station="PC-1", user_id=USER)
    assert saved.draft == newer and saved.summary.startswith("王小明 · ")
    other = save_draft(database, older, station="PC-1", user_id=USER, form_key="form-b", revision=1)
    assert other != first and _draft_rows(database) == 2


def test_a_reopened_draft_is_saved_over_by_its_new_form(database: Database) -> None:
    draft_id = save_draft(database, HALF_TYPED, station="PC-1", user_id=USER)
    typed_on = delivery_draft(LineDraft(code="TEA-001"), name="王小明", notes="改了")
    assert save_draft(
        database, typed_on, station="PC-1", user_id=USER, draft_id=draft_id, form_key="new", revision=1
    ) == (draft_id)
    assert save_draft(database, typed_on, station="PC-1", user_id=USER, form_key="new", revision=2) == draft_id
    saved = load_draft(database, draft_id)
    assert saved is not None and saved.draft == typed_on and _draft_rows(database) == 1
