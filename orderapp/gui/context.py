"""What every screen is given: the shop's database, who is working, and at which PC."""

from __future__ import annotations

import platform
from dataclasses import dataclass, field

from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID


def default_station_name() -> str:
    return (platform.node() or "PC").split(".")[0][:64]


@dataclass
class AppContext:
    database: Database
    user_id: int = DEFAULT_USER_ID
    station: str = field(default_factory=default_station_name)
    demo: bool = False
