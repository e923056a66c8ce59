"""The order form's draft autosaver: what is typed is saved shortly after each edit, and at quitting.

Every save is an idempotent upsert keyed by the form (``form_key``, a random key per form) and
numbered (``revision``), so two saves can never make two drafts, and an older save never overwrites
a newer one. That makes quitting simple: wait for a save in flight, then write what the form holds
now. Saves while the form is open run in a worker, one at a time; edits made meanwhile are saved
right after.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from orderapp.domain.order_validation import OrderDraft
from orderapp.gui.tasks import current_runner, run_task
from orderapp.services.orders.drafts import discard_draft, save_draft
from orderapp.store.database import Database

log = logging.getLogger(__name__)

DRAFT_SAVE_MS = 700
QUIT_WAIT_MS = 5_000


class DraftSaver(QObject):
    """Saves one form's draft. ``read`` gives the form's draft as it is now."""

    saved = Signal(int)  # the draft's id, after each save
    failed = Signal(str)  # why a save failed (the form shows it)

    def __init__(
        self,
        database: Database,
        read: Callable[[], OrderDraft],
        *,
        station: str,
        user_id: int,
        order_id: int | None = None,
        draft_id: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._read = read
        self._station = station
        self._user_id = user_id
        self._order_id = order_id
        self._draft_id = draft_id
        self.form_key = uuid.uuid4().hex
        self._revision = 0
        self._last_saved: OrderDraft | None = None
        self._saving = False
        self._save_again = False
        self._after: list[Callable[[], None]] = []
        self._finished = False
        self._discarded = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_SAVE_MS)
        self._timer.timeout.connect(self.save_now)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_before_quit)

    # -- state -------------------------------------------------------------------------------------

    @property
    def draft_id(self) -> int | None:
        return self._draft_id

    @property
    def saving(self) -> bool:
        return self._saving

    @property
    def finished(self) -> bool:
        return self._finished

    def mark_saved(self, draft: OrderDraft | None) -> None:
        """What the database holds already (a restored draft, the order being edited)."""
        self._last_saved = draft

    def is_dirty(self) -> bool:
        """Typed since the last save."""
        return not self._finished and self._dirty()

    def _dirty(self) -> bool:
        draft = self._read()
        if self._last_saved is None:
            return has_content(draft)
        return draft != self._last_saved

    # -- saving ------------------------------------------------------------------------------------

    def schedule(self) -> None:
        """An edit: save soon (a burst of typing makes one save)."""
        if not self._finished:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def when_idle(self, then: Callable[[], None]) -> None:
        """Run ``then`` once no save is in flight (at once when none is)."""
        if self._saving:
            self._after.append(then)
        else:
            then()

    def save_now(self, then: Callable[[], None] | None = None) -> None:
        """Save (in a worker) if the draft changed; ``then`` runs once everything typed is saved."""
        self._timer.stop()
        if then is not None:
            self._after.append(then)
        if self._saving:
            self._save_again = True
            return
        if self._finished or not self._dirty():
            self._settled()
            return
        draft = self._read()
        self._revision += 1
        self._saving = True
        save = self._save_call(draft, self._revision)
        run_task(save, lambda new_id: self._stored(draft, new_id), self._failed, context=self)

    def _save_call(self, draft: OrderDraft, revision: int) -> Callable[[], int]:
        database, station, user_id = self._database, self._station, self._user_id
        draft_id, order_id, form_key = self._draft_id, self._order_id, self.form_key
        return lambda: save_draft(
            database,
            draft,
            station=station,
            user_id=user_id,
            draft_id=draft_id,
            order_id=order_id,
            form_key=form_key,
            revision=revision,
        )

    def _stored(self, draft: OrderDraft, draft_id: int) -> None:
        self._saving = False
        if self._finished:
            # The order was placed (or the form discarded) while this save ran: the draft is not wanted.
            self._discard_quietly(draft_id)
            self._settled()
            return
        self._draft_id = draft_id
        self._last_saved = draft
        self.saved.emit(draft_id)
        if self._save_again:
            self._save_again = False
            self.save_now()
        else:
            self._settled()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._save_again = False
        log.error("saving the order draft failed", exc_info=exc)
        self.failed.emit(
            self.tr("Your draft could not be saved just now ({reason}); keep this form open.").format(reason=exc)
        )
        self._settled()

    def _settled(self) -> None:
        waiting, self._after = self._after, []
        for then in waiting:
            then()

    def save_before_quit(self) -> None:
        """The app is closing: wait for a save in flight, then write what the form holds now. The
        upsert makes the order of the two writes harmless: the newer revision is the one kept."""
        try:
            self._timer.stop()
            if self._discarded:
                # Thrown away while a save ran: that save may land after the quit; remove it too.
                current_runner().wait(QUIT_WAIT_MS)
                discard_draft(self._database, self._draft_id, form_key=self.form_key)
                return
            if self._finished:
                return
            if self._saving:
                current_runner().wait(QUIT_WAIT_MS)
            if not self._dirty():
                return
            draft = self._read()
            self._revision += 1
            self._draft_id = self._save_call(draft, self._revision)()
            self._last_saved = draft
        except RuntimeError:
            pass  # the form is already gone
        except Exception:
            log.exception("saving the order draft at exit failed")

    # -- ending --------------------------------------------------------------------------------------

    def finish(self) -> None:
        """The order was placed (its draft went with it): nothing more to save."""
        self._finished = True
        self._timer.stop()
        self._draft_id = None

    def start_over(self) -> None:
        """A walk-in sale was completed and the form is empty for the next one: a new draft."""
        self._timer.stop()
        self._draft_id = None
        self._last_saved = None
        self.form_key = uuid.uuid4().hex
        self._revision = 0

    def discard(self, then: Callable[[], None]) -> None:
        """Throw the draft away (after any save in flight), then run ``then``."""
        self._finished = True
        self._discarded = True
        self._timer.stop()

        def drop() -> None:
            self._discard_quietly(self._draft_id)
            self._draft_id = None
            then()

        self.when_idle(drop)

    def _discard_quietly(self, draft_id: int | None) -> None:
        database, form_key = self._database, self.form_key
        run_task(lambda: discard_draft(database, draft_id, form_key=form_key), None, lambda exc: log.warning("%s", exc))


def has_content(draft: OrderDraft) -> bool:
    """The draft holds anything worth keeping (a customer, an address, a line, a note)."""
    return bool(
        draft.customer.name.strip()
        or draft.customer.phone.strip()
        or draft.customer.email.strip()
        or draft.delivery.line1.strip()
        or any(not line.is_blank() for line in draft.lines)
        or draft.notes.strip()
    )
