"""The shop's details as printed at the top of its documents (money, dates: ``documents.words``)."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from orderapp.services.settings.shop import ShopSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Letterhead:
    name: str
    address: str = ""
    phone: str = ""
    logo: bytes | None = None  # PNG or JPEG
    currency: str = "CNY"
    timezone: str = "Asia/Shanghai"

    @classmethod
    def of(cls, settings: ShopSettings) -> Letterhead:
        return cls(
            name=settings.name,
            address=settings.address,
            phone=settings.phone,
            logo=settings.logo,
            currency=settings.currency,
            timezone=settings.timezone,
        )

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")


class LogoStamp:
    """The shop's logo, embedded once per PDF and stamped on every page that wants it."""

    FORM = "orderapp_logo"

    def __init__(self, logo: bytes | None, *, max_width: float, max_height: float) -> None:
        self.width = self.height = 0.0
        self._reader = None
        self._canvases: set[int] = set()
        if not logo:
            return
        try:
            from reportlab.lib.utils import ImageReader

            reader = ImageReader(io.BytesIO(logo))
            pixels_wide, pixels_high = reader.getSize()
        except Exception as exc:  # a damaged logo must not stop a slip from printing
            log.warning("the shop's logo cannot be read and is left off: %s", exc)
            return
        if pixels_wide <= 0 or pixels_high <= 0:
            return
        scale = min(max_width / pixels_wide, max_height / pixels_high)
        self.width, self.height = pixels_wide * scale, pixels_high * scale
        self._reader = reader

    def __bool__(self) -> bool:
        return self._reader is not None

    def prepare(self, canvas: Canvas) -> None:
        """Embed the logo in this PDF (once); call outside any other form."""
        if self._reader is not None and id(canvas) not in self._canvases:
            canvas.beginForm(self.FORM, 0, 0, self.width, self.height)
            canvas.drawImage(self._reader, 0, 0, self.width, self.height, mask="auto")
            canvas.endForm()
            self._canvases.add(id(canvas))

    def stamp(self, canvas: Canvas, x: float, top: float) -> None:
        """Draw the logo with its top left corner at (x, top)."""
        if self._reader is None:
            return
        self.prepare(canvas)
        canvas.saveState()
        canvas.translate(x, top - self.height)
        canvas.doForm(self.FORM)
        canvas.restoreState()
