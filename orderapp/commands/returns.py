"""``orderapp return``, ``orderapp refund``, ``orderapp exchange`` and ``orderapp print return-slip``.

Examples::

    orderapp return SO-000123 --item TEA-001=2 --item NDL-002=1:damaged --reason damaged_in_transit --slip rt.pdf
    orderapp return SO-000123 --item TEA-001 --reason not_wanted --refund 25.00
    orderapp refund SO-000123 12.50 --reason "Late delivery"
    orderapp exchange SO-000123 --item TEA-001=1 --for TEA-002=1 --reason wrong_size
    orderapp print return-slip RT-000001 --out rt.pdf
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orderapp.commands import Command
from orderapp.i18n import _

if TYPE_CHECKING:
    from orderapp.domain.returns import ReturnItem
    from orderapp.services.aftersales.returns import ReturnableOrder, ReturnView
    from orderapp.store.database import Database

REASONS = (
    "not_wanted",
    "wrong_size",
    "wrong_item",
    "defective",
    "damaged_in_transit",
    "not_as_described",
    "returned_to_sender",
    "other",
)


def parse_item(text: str) -> tuple[str, int, str]:
    """ "SKU", "SKU=2" or "SKU=2:damaged" -> (sku, units, condition)."""
    sku, _sep, rest = text.partition("=")
    quantity_text, _sep, condition = rest.partition(":")
    condition = condition.strip().lower() or "resellable"
    if not sku.strip():
        raise argparse.ArgumentTypeError(_("{text!r} has no SKU; write SKU=UNITS, e.g. TEA-001=2").format(text=text))
    if condition not in ("resellable", "damaged"):
        raise argparse.ArgumentTypeError(
            _("{text!r}: the condition is resellable or damaged, e.g. TEA-001=2:damaged").format(text=text)
        )
    try:
        quantity = int(quantity_text) if quantity_text.strip() else 1
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r}: the units must be a whole number, e.g. TEA-001=2").format(text=text)
        ) from None
    if quantity < 1:
        raise argparse.ArgumentTypeError(_("{text!r}: the units must be at least 1").format(text=text))
    return sku.strip(), quantity, condition


def _return_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order", metavar="ORDER", help=_("the order number, e.g. SO-000123"))
    parser.add_argument(
        "--item",
        dest="items",
        action="append",
        type=parse_item,
        required=True,
        metavar="SKU[=UNITS][:damaged]",
        help=_("an item coming back (repeat for more); damaged items are written off"),
    )
    parser.add_argument("--reason", required=True, choices=REASONS, help=_("why the items come back"))
    parser.add_argument("--note", default="", help=_("a note kept with the return"))


def _return_only_arguments(parser: argparse.ArgumentParser) -> None:
    _return_arguments(parser)
    parser.add_argument("--refund", metavar="AMOUNT", help=_("refund this amount with the return, e.g. 25.00"))
    parser.add_argument("--slip", metavar="FILE.pdf", help=_("also write the return slip to this PDF"))


def _exchange_arguments(parser: argparse.ArgumentParser) -> None:
    _return_arguments(parser)
    parser.add_argument(
        "--for",
        dest="replacements",
        action="append",
        type=parse_item,
        required=True,
        metavar="SKU[=UNITS]",
        help=_("what is sent in exchange, at no charge (repeat for more)"),
    )


def _refund_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order", metavar="ORDER", help=_("the order number, e.g. SO-000123"))
    parser.add_argument("amount", metavar="AMOUNT", help=_("the money paid back, e.g. 12.50"))
    parser.add_argument("--reason", required=True, help=_("why the money is paid back"))


def _slip_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="RETURN", help=_("the return number, e.g. RT-000001"))
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to write the PDF"))


def _amount(text: str, currency: str) -> int:
    from orderapp.domain.money import parse_money
    from orderapp.errors import OrderAppError

    try:
        return parse_money(text, currency)
    except ValueError:
        raise OrderAppError(_("{text!r} is not an amount of money; write it like 12.50.").format(text=text)) from None


def _items(database: Database, args: argparse.Namespace) -> tuple[ReturnableOrder, list[ReturnItem]]:
    from orderapp.domain.returns import items_by_sku
    from orderapp.errors import ValidationFailed
    from orderapp.services.aftersales.returns import returnable_order

    order = returnable_order(database, args.order)
    items, errors = items_by_sku(order.number, order.lines, args.items)
    if errors:
        raise ValidationFailed(errors)
    return order, items


def _describe(view: ReturnView) -> str:
    from orderapp.domain.money import format_money

    text = _("Return {number} recorded for order {order}: units {units}, worth {value}").format(
        number=view.number,
        order=view.order_number,
        units=view.units,
        value=format_money(view.value_cents, view.currency),
    )
    text += _("; {restocked} back in stock, {written_off} written off.").format(
        restocked=view.restocked_units, written_off=view.written_off_units
    )
    if view.refund_cents:
        text += " " + _("Refunded {amount}.").format(amount=format_money(view.refund_cents, view.currency))
    if view.exchange_order_number:
        text += " " + _("Order {number} sends the exchange.").format(number=view.exchange_order_number)
    return text


def _run_return(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.services.aftersales.returns import record_return
    from orderapp.services.documents.return_slips import return_slip_pdf

    database = open_existing_shop(args)
    try:
        order, items = _items(database, args)
        refund = _amount(args.refund, order.currency) if args.refund else 0
        view = record_return(
            database, order.order_id, items, reason=args.reason, note=args.note, refund_cents=refund, user_id=_user()
        )
        print(_describe(view))
        if args.slip:
            path = return_slip_pdf(database, view.number, args.slip)
            print(_("Return slip written to {path}.").format(path=path))
    finally:
        database.dispose()
    return 0


def _run_exchange(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.errors import NotFound
    from orderapp.services.aftersales.returns import record_exchange
    from orderapp.services.orders.products_for_orders import lookup_code

    database = open_existing_shop(args)
    try:
        order, items = _items(database, args)
        replacements: list[tuple[int, int]] = []
        for sku, quantity, _condition in args.replacements:
            product = lookup_code(database, sku)
            if product is None:
                raise NotFound(_("There is no product {sku}; check the SKU.").format(sku=sku))
            replacements.append((product.product_id, quantity))
        view = record_exchange(
            database, order.order_id, items, replacements, reason=args.reason, note=args.note, user_id=_user()
        )
        print(_describe(view))
    finally:
        database.dispose()
    return 0


def _run_refund(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.domain.money import format_money
    from orderapp.services.aftersales.returns import record_refund, returnable_order

    database = open_existing_shop(args)
    try:
        order = returnable_order(database, args.order)
        view = record_refund(
            database, order.order_id, _amount(args.amount, order.currency), reason=args.reason, user_id=_user()
        )
    finally:
        database.dispose()
    print(
        _("Refund of {amount} recorded for order {order}; {refunded} of {paid} paid has been refunded.").format(
            amount=view.amount_text(),
            order=view.order_number,
            refunded=format_money(view.refunded_cents, view.currency),
            paid=format_money(view.paid_cents, view.currency),
        )
    )
    return 0


def _run_slip(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.services.documents.return_slips import return_slip_pdf

    database = open_existing_shop(args)
    try:
        path = return_slip_pdf(database, args.number, args.out)
    finally:
        database.dispose()
    print(_("Return slip written to {path}.").format(path=path))
    return 0


def _user() -> int:
    from orderapp.store.models import DEFAULT_USER_ID

    return DEFAULT_USER_ID


COMMANDS = [
    Command(
        ("return",),
        _("record items coming back from a shipped order: back in stock, or written off when damaged"),
        _return_only_arguments,
        _run_return,
    ),
    Command(("refund",), _("record money paid back for an order"), _refund_arguments, _run_refund),
    Command(
        ("exchange",),
        _("record a return and send other items in its place, as a new order at no charge"),
        _exchange_arguments,
        _run_exchange,
    ),
    Command(("print", "return-slip"), _("the slip of a return, as a PDF"), _slip_arguments, _run_slip),
]
