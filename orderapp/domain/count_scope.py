"""What a stock count covers and the words it is described with: the scope, the statuses, and
the checks of a new count's scope and thresholds.

Pure rules (no database); ``services.counts`` starts and closes the counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from orderapp.domain.count_maths import Thresholds
from orderapp.domain.product_validation import QTY_MAX
from orderapp.errors import FieldError
from orderapp.i18n import _


class ScopeKind(StrEnum):
    ALL = "all"
    LOCATION = "location"
    CATEGORY = "category"
    PRODUCTS = "products"


class CountStatus(StrEnum):
    OPEN = "open"
    POSTED = "posted"
    CANCELLED = "cancelled"


class EntrySource(StrEnum):
    SCAN = "scan"
    TYPED = "typed"
    UNDO = "undo"


@dataclass(frozen=True)
class CountScope:
    kind: ScopeKind
    value: str = ""
    product_ids: tuple[int, ...] = ()

    @classmethod
    def everything(cls) -> CountScope:
        return cls(ScopeKind.ALL)

    @classmethod
    def location(cls, location: str) -> CountScope:
        return cls(ScopeKind.LOCATION, location.strip())

    @classmethod
    def category(cls, category: str) -> CountScope:
        return cls(ScopeKind.CATEGORY, category.strip())

    @classmethod
    def products(cls, product_ids: Iterable[int]) -> CountScope:
        return cls(ScopeKind.PRODUCTS, "", tuple(sorted(set(product_ids))))


def scope_problems(scope: CountScope) -> list[FieldError]:
    if scope.kind in (ScopeKind.LOCATION, ScopeKind.CATEGORY) and not scope.value:
        return [FieldError("scope", _("Choose the location or category to count."))]
    if scope.kind is ScopeKind.PRODUCTS and not scope.product_ids:
        return [FieldError("scope", _("Choose at least one product to count."))]
    return []


def threshold_problems(thresholds: Thresholds) -> list[FieldError]:
    errors = []
    if not 0 <= thresholds.units <= QTY_MAX:
        errors.append(FieldError("threshold_units", _("Type a number of units of 0 or more (0: no limit).")))
    if not 0 <= thresholds.value_cents <= 2_000_000_000:
        errors.append(FieldError("threshold_value_cents", _("Type an amount of 0 or more (0: no limit).")))
    return errors


def nothing_to_count(scope: CountScope) -> str:
    if scope.kind is ScopeKind.LOCATION:
        return _("No product is kept in location {value}; check the location.").format(value=scope.value)
    if scope.kind is ScopeKind.CATEGORY:
        return _("No product is in category {value}; check the category.").format(value=scope.value)
    return _("There are no products to count.")


def count_name(count_id: int, title: str) -> str:
    return f"#{count_id} “{title}”" if title else f"#{count_id}"


def status_word(status: CountStatus) -> str:
    return {CountStatus.OPEN: _("open"), CountStatus.POSTED: _("posted"), CountStatus.CANCELLED: _("cancelled")}[status]
