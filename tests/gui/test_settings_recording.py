"""Settings > Packing video: what is stored is shown, a change is saved, a bad value or an unusable
folder gets a sentence."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from orderapp.gui import tasks
from orderapp.gui.settings_recording import RecordingSettingsGroup
from orderapp.gui.settings_screen import SettingsScreen
from orderapp.services.settings.evidence import RecordingSettings, load_recording_settings, save_recording_settings
from orderapp.store.database import Database


def test_the_recording_settings_are_shown_and_saved(
    qtbot: QtBot, shop: Database, sync_tasks: tasks.SynchronousRunner, tmp_path: Path
) -> None:
    save_recording_settings(shop, RecordingSettings(keep_days=30, max_total_mb=5000, free_floor_mb=1000))
    group = RecordingSettingsGroup(shop)
    qtbot.addWidget(group)
    assert group.isEnabled() and group.enabled.isChecked()
    assert (group.keep_days.value(), group.max_total.value(), group.free_floor.value()) == (30, 5, 1)
    assert group.folder.placeholderText() == str(shop.path.with_name("shop-videos"))  # type: ignore[union-attr]
    assert group.usage.text() == "Packing videos now take 0.00 GB."

    group.enabled.setChecked(False)
    group.folder.setText(str(tmp_path / "视频 videos"))
    group.keep_days.setValue(7)
    group.max_total.setValue(50)
    group.free_floor.setValue(0)
    group.save()
    assert group.message.text() == "Saved."
    assert load_recording_settings(shop) == RecordingSettings(
        enabled=False, folder=str(tmp_path / "视频 videos"), keep_days=7, max_total_mb=50_000, free_floor_mb=0
    )

    group.folder.setText("videos")
    group.save()
    assert group.message.text() == "Choose a full folder path, e.g. D:\\Packing videos."
    assert load_recording_settings(shop).folder == str(tmp_path / "视频 videos")

    blocker = tmp_path / "a file"
    blocker.write_text("x")
    group.enabled.setChecked(True)
    group.folder.setText(str(blocker / "videos"))
    group.save()
    assert "cannot be used" in group.message.text()
    assert load_recording_settings(shop).folder == str(blocker / "videos")  # kept: the drive may come back


def test_the_settings_screen_holds_the_packing_video_group(
    qtbot: QtBot, shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    screen = SettingsScreen(shop)
    qtbot.addWidget(screen)
    assert screen.recording_group.title() == "Packing video"
    assert screen.recording_group.parent() is screen.form
