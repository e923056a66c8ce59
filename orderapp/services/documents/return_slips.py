"""The return slip PDF: one function for the command line and the GUI."""

from __future__ import annotations

import os
from pathlib import Path

from orderapp.documents.output import pdf_bytes, write_pdf
from orderapp.documents.papers import paper
from orderapp.documents.return_slip import ReturnSlip, ReturnSlipLine, render_return_slip
from orderapp.services.aftersales.returns import ReturnView, get_return
from orderapp.services.documents.paperwork import shop_paper
from orderapp.services.settings.documents import load_document_settings
from orderapp.store.database import Database


def slip_of(view: ReturnView) -> ReturnSlip:
    return ReturnSlip(
        number=view.number,
        order_number=view.order_number,
        created_at=view.created_at,
        customer_name=view.customer_name,
        reason=view.reason_label,
        note=view.note,
        currency=view.currency,
        lines=tuple(
            ReturnSlipLine(line.sku, line.name, line.quantity, line.condition_label, line.value_cents)
            for line in view.lines
        ),
        value_cents=view.value_cents,
        refund_cents=view.refund_cents,
        exchange_order_number=view.exchange_order_number,
    )


def return_slip_pdf(database: Database, number: str, out: str | os.PathLike[str] | None = None) -> Path | bytes:
    """The slip of return ``number`` ("RT-000001"): written to ``out`` (returns its path), or as bytes
    for a preview when ``out`` is None. Raises ``NotFound`` for an unknown return."""
    slip = slip_of(get_return(database, number))
    letterhead = shop_paper(database).letterhead
    size = paper(load_document_settings(database).list_paper)
    if out is None:
        return pdf_bytes(lambda target: render_return_slip(slip, letterhead, target, paper=size))
    return write_pdf(out, lambda target: render_return_slip(slip, letterhead, target, paper=size))
