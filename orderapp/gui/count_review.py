"""The review side of the counts screen (its second tab): the lines with their differences, the
recount thresholds, counting lines again, and posting or cancelling the count.

On a blind count the review stays behind a cover until the person checking the count opens it.
"""

from __future__ import annotations

from orderapp.domain import product_csv
from orderapp.domain.count_maths import Thresholds
from orderapp.domain.money import format_money
from orderapp.domain.staff import Permission
from orderapp.errors import FieldError, ValidationFailed
from orderapp.gui.count_screen_base import CountsScreenBase
from orderapp.gui.staff_dialogs import approve
from orderapp.gui.tasks import run_task
from orderapp.services.stock.counts import (
    CountNeedsReview,
    CountStatus,
    CountSummary,
    PostResult,
    ReviewLine,
    cancel_count,
    post_count,
    request_recount,
    review_lines,
    set_thresholds,
)


class CountReviewing(CountsScreenBase):
    def _tab_changed(self, index: int) -> None:
        summary = self.summary
        if index != 1 or summary is None:
            return
        covered = summary.blind and summary.status is CountStatus.OPEN and summary.id not in self._review_opened
        self.review_cover.setVisible(covered)
        self.review_panel.setVisible(not covered)
        if not covered:
            self.load_review()

    def open_review(self) -> None:
        if self.summary is None:
            return
        self._review_opened.add(self.summary.id)
        if self.tabs.currentIndex() == 1:
            self._tab_changed(1)
        else:
            self.tabs.setCurrentIndex(1)  # which shows it

    def load_review(self) -> None:
        summary = self.summary
        if summary is None:
            return
        database, count_id, variances_only = self.database, summary.id, self.variances_only.isChecked()
        approval = approve(self, self.context, Permission.BLIND_REVIEW, remember=count_id) if summary.blind else None
        if approval is not None and not approval.given:
            self.review_summary_fit.set_text(self.tr("Reviewing a blind count needs the owner's approval."))
            return
        user_id, approved_by = self.context.user_id, approval.by if approval else None
        self._review_generation += 1
        generation = self._review_generation
        self.review_summary_fit.set_text(self.tr("Reading the count…"))
        run_task(
            lambda: review_lines(
                database, count_id, variances_only=variances_only, user_id=user_id, approved_by=approved_by
            ),
            lambda lines: self._review_arrived(count_id, lines, generation),
            self._show_problem,
            context=self,
        )

    def _review_arrived(self, count_id: int, lines: tuple[ReviewLine, ...], generation: int = 0) -> None:
        if self.summary is None or self.summary.id != count_id or generation != self._review_generation:
            return
        self.review = lines
        self.review_model.set_lines(lines)
        self.review_view.resizeColumnsToContents()
        counted = [line for line in lines if line.counted is not None]
        off = [line for line in counted if line.variance]
        flagged = [line for line in lines if line.flagged]
        value = sum(line.value_cents or 0 for line in counted)
        text = self.tr(
            "Lines counted: {counted}; not counted: {uncounted}; with a difference: {off}, worth {value} in all."
        ).format(
            counted=len(counted),
            uncounted=len(lines) - len(counted),
            off=len(off),
            value=format_money(value, self.currency),
        )
        if flagged:
            text += " " + self.tr("Flagged for a recount (marked in red): {n}.").format(n=len(flagged))
        self.review_summary_fit.set_text(text)
        self.recount_flagged_button.setEnabled(bool(flagged) and self.summary.status is CountStatus.OPEN)
        self.review_shown.emit(lines)

    def review_shown_rows(self) -> list[tuple[str, ...]]:
        model = self.review_model
        return [
            tuple(str(model.data(model.index(r, c)) or "") for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]

    def _set_threshold_fields(self, thresholds: Thresholds) -> None:
        self.threshold_units.setValue(thresholds.units)
        self.threshold_value.setText(product_csv.format_amount(thresholds.value_cents, self.currency))
        self.thresholds_error_fit.set_text("")

    def apply_thresholds(self) -> None:
        summary = self.summary
        if summary is None:
            return
        text = self.threshold_value.text().strip()
        value, message = product_csv.parse_amount(text, self.currency) if text else (0, "")
        if value is None:
            self._threshold_problem([FieldError("threshold_value_cents", message)])
            return
        thresholds = Thresholds(self.threshold_units.value(), value)
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        run_task(
            lambda: set_thresholds(database, count_id, thresholds, user_id=user_id),
            self._thresholds_set,
            lambda exc: self._threshold_problem(list(exc.errors) if isinstance(exc, ValidationFailed) else exc),
            context=self,
        )

    def _thresholds_set(self, summary: CountSummary) -> None:
        self.thresholds_error_fit.set_text("")
        self._show_count(summary)
        self.load_review()

    def _threshold_problem(self, problem: object) -> None:
        text = " ".join(e.message for e in problem) if isinstance(problem, list) else str(problem)
        self.thresholds_error_fit.set_text(text)
        self.problem_shown.emit(text)

    def recount_selected(self) -> None:
        rows = sorted({index.row() for index in self.review_view.selectionModel().selectedRows()})
        ids = [self.review_model.lines[row].line_id for row in rows]
        if not ids:
            self._show_problem(self.tr("Choose the lines to count again in the list first."))
            return
        self._recount(ids)

    def recount_flagged(self) -> None:
        ids = [line.line_id for line in self.review if line.flagged]
        if ids:
            self._recount(ids)

    def _recount(self, line_ids: list[int]) -> None:
        summary = self.summary
        assert summary is not None
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        run_task(
            lambda: request_recount(database, count_id, line_ids, user_id=user_id),
            self._recount_started,
            self._show_problem,
            context=self,
        )

    def _recount_started(self, lines: int) -> None:
        self._note(
            self.tr(
                "%n line(s) to be counted again: they show as not counted on the Count tab until they are.", "", lines
            )
        )
        self._undo = []
        self.undo_button.setEnabled(False)
        self.lines_model.refresh()
        self.load_review()
        self.refresh()
        self.recount_requested.emit(lines)

    # -- posting and cancelling -----------------------------------------------------------------

    def post(self, *, confirmed: bool = False, accept_flagged: bool = False) -> None:
        """Book every counted line's difference as count movements, in one transaction."""
        summary = self.summary
        if summary is None or summary.status is not CountStatus.OPEN:
            return
        zero = self.zero_uncounted.isChecked()
        if not confirmed:
            uncounted = summary.lines - summary.counted_lines
            what = (
                self.tr("The %n line(s) not counted are set to 0.", "", uncounted)
                if zero
                else self.tr("The %n line(s) not counted stay as they are.", "", uncounted)
            )
            text = self.tr(
                "Post count {id}? Each counted line's difference becomes a count movement in the stock ledger, "
                "all at once. {uncounted}"
            ).format(id=summary.id, uncounted=what)
            if not self._confirm("confirm_post", self.tr("Post the count"), text, self.tr("Post")):
                return
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        self.post_button.setEnabled(False)
        run_task(
            lambda: post_count(database, count_id, user_id=user_id, zero_uncounted=zero, accept_flagged=accept_flagged),
            self._posted,
            self._post_failed,
            context=self,
        )

    def _posted(self, result: PostResult) -> None:
        text = self.tr(
            "Posted: {lines} lines adjusted, {added} units added and {removed} taken off, worth {value}."
        ).format(
            lines=result.adjusted_lines,
            added=result.units_added,
            removed=result.units_removed,
            value=format_money(result.value_cents, self.currency),
        )
        if result.short_skus:
            text += " " + self.tr(
                "Now fewer on hand than open orders have reserved: {skus}. Check those orders."
            ).format(skus=", ".join(result.short_skus))
        self._note(text)
        self.count_posted.emit(result)
        self.show_count(result.count_id)
        self.load_review()
        self.load_counts()

    def _post_failed(self, exc: BaseException) -> None:
        self.post_button.setEnabled(True)
        if isinstance(exc, CountNeedsReview):
            if self._confirm(
                "confirm_post_flagged",
                self.tr("Lines flagged for a recount"),
                str(exc),
                self.tr("Post anyway"),
            ):
                self.post(confirmed=True, accept_flagged=True)
            else:
                self.open_review()
            return
        self._show_problem(exc)

    def cancel(self, *, confirmed: bool = False) -> None:
        summary = self.summary
        if summary is None or summary.status is not CountStatus.OPEN:
            return
        if not confirmed and not self._confirm(
            "confirm_cancel",
            self.tr("Cancel the count"),
            self.tr("Cancel count {id}? Stock stays as it is; what was counted is kept for the record.").format(
                id=summary.id
            ),
            self.tr("Cancel the count"),
        ):
            return
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        run_task(
            lambda: cancel_count(database, count_id, user_id=user_id),
            self._cancelled,
            self._show_problem,
            context=self,
        )

    def _cancelled(self, summary: CountSummary) -> None:
        self._show_count(summary)
        self.work.clear()
        self.count_cancelled.emit(summary)
        self.load_counts()
