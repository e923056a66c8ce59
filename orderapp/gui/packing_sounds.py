"""Short sounds for the packing station: a chirp for a good scan, a buzz for a refused one.

Qt's own audio module is not part of the app (it is in PySide6-Addons), so the two tiny WAV files in
resources/sounds are played with what the system has: ``winsound`` on Windows, ``afplay`` on macOS,
``paplay``/``aplay``/``pw-play`` on Linux; failing all of them, the system beep. Sound is a help, never
a requirement: a missing player or a broken audio device is logged once and the packing goes on.

``python -m orderapp.gui.packing_sounds`` writes the WAV files again (they are generated tones).
"""

from __future__ import annotations

import logging
import math
import shutil
import subprocess
import sys
import wave
from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import QApplication

from orderapp.paths import bundled_dir

log = logging.getLogger(__name__)

Sound = Literal["good", "alert"]
RATE = 16_000
# (frequency Hz, milliseconds) pieces of each sound
TONES: dict[str, list[tuple[float, int]]] = {
    "good": [(1568.0, 90)],  # a short high chirp (G6)
    "alert": [(330.0, 180), (0.0, 60), (330.0, 180), (0.0, 60), (262.0, 320)],  # a low, insistent buzz
}
_LINUX_PLAYERS = (("paplay",), ("pw-play",), ("aplay", "-q"))


def sound_path(kind: str) -> Path:
    return bundled_dir("resources") / "sounds" / f"{kind}.wav"


def write_tone(path: Path, pieces: list[tuple[float, int]], *, volume: float = 0.5) -> None:
    """A mono 8-bit WAV of square-ish tones (0 Hz is silence), with short fades against clicks."""
    frames = bytearray()
    for frequency, millis in pieces:
        count = RATE * millis // 1000
        fade = min(count // 2, RATE // 200)
        for i in range(count):
            if frequency <= 0:
                frames.append(128)
                continue
            envelope = min(1.0, i / fade if fade else 1.0, (count - 1 - i) / fade if fade else 1.0)
            wave_value = math.sin(2 * math.pi * frequency * i / RATE)
            shaped = max(-1.0, min(1.0, 1.6 * wave_value))  # a little clipping: louder on small speakers
            frames.append(int(128 + 127 * volume * envelope * shaped))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


class SoundPlayer:
    """Plays the packing sounds without ever blocking the GUI thread or raising."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.played: list[str] = []  # what was asked for, newest last (the screen's tests read it)
        self._command: tuple[str, ...] | None = None
        self._backend = self._choose_backend()
        self._children: list[subprocess.Popen[bytes]] = []
        self._failed = False

    @property
    def backend(self) -> str:
        return self._backend

    def _choose_backend(self) -> str:
        if sys.platform == "win32":
            return "winsound"
        if sys.platform == "darwin" and shutil.which("afplay"):
            self._command = ("afplay",)
            return "afplay"
        for command in _LINUX_PLAYERS:
            if shutil.which(command[0]):
                self._command = command
                return command[0]
        return "beep"

    def play(self, kind: Sound) -> None:
        self.played.append(kind)
        del self.played[:-20]
        if not self.enabled:
            return
        path = sound_path(kind)
        try:
            if self._backend == "beep" or self._failed or not path.is_file():
                self._beep(kind)
            elif self._backend == "winsound":
                import winsound  # Windows only

                flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT  # type: ignore[attr-defined,unused-ignore]
                winsound.PlaySound(str(path), flags)  # type: ignore[attr-defined,unused-ignore]
            else:
                assert self._command is not None
                self._reap()
                self._children.append(
                    subprocess.Popen(
                        [*self._command, str(path)],
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
        except Exception:  # sound is optional: say so once, then use the beep
            if not self._failed:
                log.warning(
                    "the %s sound could not be played with %s; using the beep", kind, self._backend, exc_info=True
                )
            self._failed = True
            self._beep(kind)

    def _beep(self, kind: Sound) -> None:
        QApplication.beep()
        if kind == "alert":
            QApplication.beep()

    def _reap(self) -> None:
        self._children = [child for child in self._children if child.poll() is None]


if __name__ == "__main__":
    for name, pieces in TONES.items():
        write_tone(sound_path(name), pieces)
        print(sound_path(name))
