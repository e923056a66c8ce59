"""The shop's packing-video settings (keys under "recording."): on or off, where clips go, how long
and how much is kept, and the free space never to go below."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from orderapp import paths
from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

ENABLED_KEY = "recording.enabled"
FOLDER_KEY = "recording.folder"
KEEP_DAYS_KEY = "recording.keep_days"
MAX_TOTAL_MB_KEY = "recording.max_total_mb"
FREE_FLOOR_MB_KEY = "recording.free_floor_mb"
MAX_KEEP_DAYS = 3650
MAX_MB = 100_000_000


@dataclass(frozen=True)
class RecordingSettings:
    enabled: bool = True
    folder: str = ""  # "" = a folder beside the shop's database file
    keep_days: int = 90  # 0 = keep whatever the size allows
    max_total_mb: int = 20_000
    free_floor_mb: int = 2_000


def default_folder(database: Database) -> Path:
    """Beside a shop file ("shop.sqlite" -> "shop-videos"); for a server database, the app's data folder."""
    path = database.path
    if path is not None:
        return path.with_name(f"{path.stem}-videos")
    return paths.data_dir() / "packing-videos"


def clip_folder(database: Database, settings: RecordingSettings) -> Path:
    return Path(settings.folder).expanduser() if settings.folder.strip() else default_folder(database)


def validate_recording_settings(settings: RecordingSettings) -> list[FieldError]:
    errors: list[FieldError] = []
    if not 0 <= settings.keep_days <= MAX_KEEP_DAYS:
        errors.append(
            FieldError(
                "keep_days",
                _("Type a number of days from 0 to {most} (0 keeps clips until the size limit).").format(
                    most=MAX_KEEP_DAYS
                ),
            )
        )
    if not 100 <= settings.max_total_mb <= MAX_MB:
        errors.append(FieldError("max_total_mb", _("Keep at least 100 MB of packing videos.")))
    if not 0 <= settings.free_floor_mb <= MAX_MB:
        errors.append(FieldError("free_floor_mb", _("Type the free space to keep in MB, 0 or more.")))
    if settings.folder.strip() and not Path(settings.folder).expanduser().is_absolute():
        errors.append(FieldError("folder", _("Choose a full folder path, e.g. D:\\Packing videos.")))
    return errors


def _number(stored: dict[str, str], key: str, default: int) -> int:
    text = stored.get(key, "").strip()
    return int(text) if text.isdigit() and int(text) <= MAX_MB else default


def read_recording_settings(session: Session) -> RecordingSettings:
    """The settings in force; a stored value that is not usable gives the default."""
    stored = settings_store.read_values(
        session, [ENABLED_KEY, FOLDER_KEY, KEEP_DAYS_KEY, MAX_TOTAL_MB_KEY, FREE_FLOOR_MB_KEY]
    )
    defaults = RecordingSettings()
    return RecordingSettings(
        enabled=stored.get(ENABLED_KEY, "1") != "0",
        folder=stored.get(FOLDER_KEY, ""),
        keep_days=min(_number(stored, KEEP_DAYS_KEY, defaults.keep_days), MAX_KEEP_DAYS),
        max_total_mb=max(_number(stored, MAX_TOTAL_MB_KEY, defaults.max_total_mb), 100),
        free_floor_mb=_number(stored, FREE_FLOOR_MB_KEY, defaults.free_floor_mb),
    )


def load_recording_settings(database: Database) -> RecordingSettings:
    with database.session() as session:
        return read_recording_settings(session)


def save_recording_settings(
    database: Database, settings: RecordingSettings, *, user_id: int = DEFAULT_USER_ID
) -> RecordingSettings:
    """Validate and store; raises ValidationFailed and stores nothing when a value is out of range."""
    errors = validate_recording_settings(settings)
    if errors:
        raise ValidationFailed(errors)
    values = {
        ENABLED_KEY: "1" if settings.enabled else "0",
        FOLDER_KEY: settings.folder.strip(),
        KEEP_DAYS_KEY: str(settings.keep_days),
        MAX_TOTAL_MB_KEY: str(settings.max_total_mb),
        FREE_FLOOR_MB_KEY: str(settings.free_floor_mb),
    }
    with database.session(write=True) as session:
        settings_store.write_values(session, values, user_id=user_id)
        session.commit()
    return settings
