"""The packing sounds: short, present, and never a reason for the packing screen to fail."""

from __future__ import annotations

import logging
import wave

import pytest
from pytestqt.qtbot import QtBot

from orderapp.gui.packing_sounds import SoundPlayer, sound_path


@pytest.mark.parametrize(("kind", "longest_s"), [("good", 0.15), ("alert", 1.0)])
def test_the_sounds_are_short_wav_files(kind: str, longest_s: float) -> None:
    with wave.open(str(sound_path(kind)), "rb") as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() == 1
    assert 0.05 < seconds <= longest_s


def test_a_broken_player_falls_back_to_the_beep_without_raising(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    player = SoundPlayer()
    player._backend = "missing-player"
    player._command = ("/nonexistent/orderapp-sound-player",)
    with caplog.at_level(logging.WARNING):
        player.play("good")
        player.play("alert")
    assert player.played == ["good", "alert"]
    warnings = [r for r in caplog.records if "could not be played" in r.getMessage()]
    assert len(warnings) == 1  # said once, not on every scan


def test_a_silenced_player_plays_nothing_but_remembers(qtbot: QtBot) -> None:
    player = SoundPlayer(enabled=False)
    player._command = ("/nonexistent/orderapp-sound-player",)
    player._backend = "missing-player"
    player.play("alert")
    assert player.played == ["alert"] and not player._failed
