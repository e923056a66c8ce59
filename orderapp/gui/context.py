"""What every screen is given: the shop's database, who is working, and at which PC."""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass, field

from orderapp.domain.staff import Actor, Permission, Role, allowed
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
    user_name: str = ""
    role: Role = Role.OWNER
    # called after another person signs in at this PC (screens re-check what they offer)
    user_changed: list[Callable[[], None]] = field(default_factory=list)

    def may(self, permission: Permission) -> bool:
        return allowed(self.role, permission)

    def sign_in(self, actor: Actor) -> None:
        self.user_id, self.user_name, self.role = actor.user_id, actor.name, actor.role
        for listener in list(self.user_changed):
            listener()

    def actor(self) -> Actor:
        return Actor(self.user_id, self.user_name, self.role, self.station)
