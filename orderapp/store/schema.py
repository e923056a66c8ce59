"""The whole schema: importing this module registers every model module on ``Base.metadata``.

Models live in modules named for what they hold (``models`` for the core tables). A new model
module is added to the import list here, and its tables get a migration in db/versions.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

from orderapp.store.base import Base

MODEL_MODULES = (
    "orderapp.store.models",
    "orderapp.store.order_models",
    "orderapp.store.packing_models",
    "orderapp.store.count_models",
    "orderapp.store.evidence_models",
    "orderapp.store.staff_models",
    "orderapp.store.exception_models",
    "orderapp.store.return_models",
    "orderapp.store.customer_models",
)

for _name in MODEL_MODULES:
    importlib.import_module(_name)

metadata: MetaData = Base.metadata
