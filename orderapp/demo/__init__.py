"""The demo shop generator: a believable shop to try the app on, and the benchmarks' big shops.

A data generator, not a use case: it writes rows in bulk inside one transaction and is called by
``orderapp make-demo``, ``orderapp --demo`` and the first-run wizard. ``build_demo_shop`` (in
``shop``) has the maker (``products``, ``customers``, ``orders``; it touches no database and hands on
plain writes, ``plan``) make the rows, in a second process for a big shop (``making``), and applies
them through ``writer``; then ``staff``, ``exceptions`` and ``after_sales``; ``packing_clips`` adds
packing videos afterwards (it needs OpenCV, so it is imported only where it is used).

The builder's names are loaded when first used: the maker process imports this package too, and
needs none of the services the builder brings in (a third of a second at its start).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from orderapp.demo.plan import DemoSize

if TYPE_CHECKING:
    from orderapp.demo.shop import SHOP_SETTINGS, DemoReport, build_demo_shop
    from orderapp.store.opening import shop_is_empty

__all__ = ["SHOP_SETTINGS", "DemoReport", "DemoSize", "build_demo_shop", "shop_is_empty"]

_WHERE = {
    "SHOP_SETTINGS": "orderapp.demo.shop",
    "DemoReport": "orderapp.demo.shop",
    "build_demo_shop": "orderapp.demo.shop",
    "shop_is_empty": "orderapp.store.opening",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
