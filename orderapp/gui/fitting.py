"""Text that fits its place: labels that wrap instead of widening the window, and status banners of a
fixed size whose type shrinks until the whole text, last line included, shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_WRAP_FLAGS = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


def let_shrink(*widgets: QWidget) -> None:
    """However long its text, the widget never asks for more width: a label wraps onto more lines."""
    for widget in widgets:
        if isinstance(widget, QLabel):
            widget.setWordWrap(True)
        policy = widget.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        widget.setSizePolicy(policy)
        widget.setMinimumWidth(0)


def keep_window_width(screen: QWidget, least: int = 640) -> None:
    """The screen takes the width the window has and never asks it for more: whatever a text or a
    table holds at the moment, the window is not widened by it (the layout tests check that what the
    user needs still fits at 1024 pixels)."""
    policy = screen.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    screen.setSizePolicy(policy)
    screen.setMinimumWidth(least)


class FittedBanner(QObject):
    """Keeps ``label`` at ``height`` pixels (and any width the layout gives) and picks the largest type,
    from ``largest`` down to ``smallest`` points, at which its whole text fits."""

    def __init__(
        self,
        label: QLabel,
        *,
        height: int,
        largest: int,
        smallest: int = 9,
        margin: int = 2,
        side: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
    ) -> None:
        super().__init__(label)
        self._label = label
        self._side = side
        self._largest, self._smallest, self._margin = largest, smallest, margin
        label.setWordWrap(True)
        label.setFixedHeight(height)
        policy = label.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        label.setSizePolicy(policy)
        label.setMinimumWidth(0)
        self._fitted = ""
        label.installEventFilter(self)

    def set_text(self, text: str) -> None:
        self._label.setText(text)
        self.fit()

    def room(self) -> QRect:
        """Where the text may go: the label's contents (the style's padding and border are outside it)."""
        inner = self._label.contentsRect()
        return inner.adjusted(self._margin, self._margin, -self._margin, -self._margin)

    def fits(self, font: QFont | None = None) -> bool:
        room = self.room()
        metrics = QFontMetrics(font or self._label.font())
        needed = metrics.boundingRect(QRect(0, 0, max(room.width(), 1), 100_000), _WRAP_FLAGS, self._label.text())
        return needed.height() <= room.height() and needed.width() <= room.width()

    def fit(self) -> None:
        self._fitted = self._label.text()
        font = QFont(self._label.font())
        size = self._largest
        font.setPointSize(size)
        while size > self._smallest and not self.fits(font):
            size -= 1
            font.setPointSize(size)
        if font.pointSize() != self._label.font().pointSize():
            self._label.setFont(font)
        # Too long even in the smallest type: the end (what to do now) shows rather than the middle.
        bottom = not self.fits(font)
        self._label.setAlignment(
            self._side | (Qt.AlignmentFlag.AlignBottom if bottom else Qt.AlignmentFlag.AlignVCenter)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._label and (
            event.type() == QEvent.Type.Resize
            or (event.type() == QEvent.Type.Paint and self._label.text() != self._fitted)  # set by setText
        ):
            self.fit()
        return False


def fixed_lines(label: QLabel, lines: int, *, smallest: int = 8) -> FittedBanner:
    """A status line of a fixed size: room for ``lines`` lines of the label's type, whatever it says,
    and its room kept while it is hidden (nothing moves under the mouse when a message comes or goes);
    a longer text is set smaller."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    height = label.fontMetrics().lineSpacing() * lines + 2
    largest = max(label.font().pointSize(), smallest)
    return FittedBanner(
        label, height=height, largest=largest, smallest=smallest, margin=1, side=Qt.AlignmentFlag.AlignLeft
    )
