"""Packing an order from a generated video through the real capture path, recording its clip as the
packing station does: frames from ``open_video`` (cv2.VideoCapture), read by the app's decoder and
scan filter, each scan handled by the packing service and marked on the recorder, the clip opened
when the slip is scanned and closed when the order is packed."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from orderapp.scanning.camera import open_video
from orderapp.scanning.pipeline import FramePipeline
from orderapp.scanning.recording import Recorder
from orderapp.services.packing.evidence import ClipRecord, finish_clip, start_clip
from orderapp.services.packing.station import PackingView, ScanResult, handle_code
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID


@dataclass
class PackedFromVideo:
    clip: ClipRecord | None
    results: list[ScanResult]
    view: PackingView | None
    frames_read: int


def pack_from_video(
    database: Database,
    video: Path,
    *,
    station: str = "PACK-1",
    paced: bool = False,
    clock: Callable[[], float] | None = None,
    on_frame: Callable[[int], None] | None = None,
) -> PackedFromVideo:
    """Play ``video`` to the packing service; with ``paced`` the frames come at the video's rate on the
    real clock (so clip times can be compared with the stored scan times), otherwise as fast as they
    decode, on ``clock`` (default: the frame's time in the video)."""
    source = open_video(video, paced=paced)
    pipeline = FramePipeline(background=paced)  # the camera's own decoding and acceptance
    frame_no = 0
    video_time = [0.0]
    tick = clock or (time.monotonic if paced else (lambda: video_time[0]))
    view: PackingView | None = None
    recorder: Recorder | None = None
    clip_id: int | None = None
    results: list[ScanResult] = []
    clip: ClipRecord | None = None
    try:
        while (frame := source.read()) is not None:
            video_time[0] = frame_no / source.fps
            if on_frame is not None:
                on_frame(frame_no)
            frame_no += 1
            if recorder is not None:
                recorder.feed(frame)
            for scan in pipeline.feed(frame, tick()).scans:
                session_id = view.session_id if view is not None and view.is_open else None
                outcome = handle_code(
                    database,
                    scan.code,
                    symbology=scan.symbology,
                    source="camera",
                    user_id=DEFAULT_USER_ID,
                    station=station,
                    session_id=session_id,
                )
                if isinstance(outcome, PackingView):
                    view = outcome
                    start = start_clip(
                        database,
                        view.number,
                        station=station,
                        pack_session_id=view.session_id,
                        started_at=view.started_at,
                    )
                    if start.path is not None:
                        recorder = Recorder(
                            start.path,
                            order_number=view.number,
                            station=station,
                            packer=start.packer,
                            started_at=start.started_at,
                            clock=tick,
                        )
                        recorder.feed(frame)
                        clip_id = start.clip_id
                    continue
                results.append(outcome)
                view = outcome.view
                if recorder is not None:
                    recorder.mark(outcome.outcome.value, outcome.code)
                if outcome.packed and recorder is not None and clip_id is not None:
                    recorder.mark("packed", view.number)
                    facts = recorder.finish()
                    clip = finish_clip(database, clip_id, facts, outcome="packed", ended_at=view.finished_at)
                    recorder = None
    finally:
        source.release()
        pipeline.close()
        if recorder is not None:
            recorder.finish()
    return PackedFromVideo(clip, results, view, frame_no)
