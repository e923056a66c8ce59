"""Where a document goes: a PDF file written whole or not at all, or bytes for the preview.

A batch reports progress and can be stopped between documents; a stopped or failed batch leaves no
half-written file behind (it is written beside the target and moved into place at the end).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from orderapp import __version__
from orderapp.errors import OrderAppError
from orderapp.i18n import _

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

Progress = Callable[[int, int], None]  # (documents done, documents in the batch)
ShouldStop = Callable[[], bool]


class Cancelled(OrderAppError):
    """The person stopped the batch; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("Printing was stopped; no PDF was written."))


class CannotWrite(OrderAppError):
    pass


@dataclass
class Batch:
    """Progress reporting and stopping for a document made of many parts (slips, labels ...)."""

    total: int
    progress: Progress | None = None
    should_stop: ShouldStop | None = None
    done: int = 0

    def step(self) -> None:
        """Call before each part: raises ``Cancelled`` when asked to stop."""
        if self.should_stop is not None and self.should_stop():
            raise Cancelled()

    def finished_one(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def new_canvas(target: BinaryIO, *, title: str, page_size: tuple[float, float]) -> Canvas:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(target, pagesize=page_size, pageCompression=1, invariant=0)
    canvas.setTitle(title)
    canvas.setCreator(f"OrderApp {__version__}")
    canvas.setProducer(f"OrderApp {__version__} (ReportLab)")
    return canvas


def pdf_bytes(build: Callable[[BinaryIO], object]) -> bytes:
    buffer = io.BytesIO()
    build(buffer)
    return buffer.getvalue()


def write_pdf(path: str | os.PathLike[str], build: Callable[[BinaryIO], object]) -> Path:
    """Run ``build`` into a file beside ``path`` and move it into place when it succeeded.

    Raises ``CannotWrite`` with what to do when the folder is missing, read-only or full.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise CannotWrite(_("{path} is a folder; give a file name for the PDF, e.g. slips.pdf.").format(path=target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CannotWrite(
            _("The folder {folder} does not exist; create it or choose another place for the PDF.").format(
                folder=folder
            )
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise CannotWrite(_cannot_write(target, exc)) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            build(stream)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a PDF is an ordinary file
        os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary)
        raise CannotWrite(_cannot_write(target, exc)) from exc
    except BaseException:
        _remove(temporary)
        raise
    return target


def _cannot_write(target: Path, exc: OSError) -> str:
    return _("The PDF cannot be written to {path} ({reason}); choose a folder you can save files in.").format(
        path=target, reason=exc.strerror or exc
    )


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
