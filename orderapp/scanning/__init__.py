"""From camera frames to accepted barcodes (zxing-cpp first, pyzbar as second opinion). Qt-free.

The API other capabilities build on (packing, inventory counts):

``orderapp.scanning.decoding``
    ``Decoded(text, symbology, corners, decoder)``: one code read in one frame. ``text`` is what the
    code holds: 13 digits for EAN-13, 12 for UPC-A (an EAN-13 starting with 0 is reported as the UPC-A
    it is), 8 for EAN-8 and UPC-E, 14 for GTIN-14 (a GS1-128 whose first element is (01), or ITF-14 when
    enabled), the text for Code 128 and QR. ``corners`` is the polygon in frame pixels; ``decoder`` is
    "zxing" or "zbar".
    ``DEFAULT_SYMBOLOGIES``: EAN-8, EAN-13, UPC-A, UPC-E, Code 128, QR.
    ``FrameDecoder(symbologies=DEFAULT_SYMBOLOGIES, *, second_opinion=True)``: ``decode(frame)`` for
    every camera frame (BGR or grey numpy array). zxing-cpp reads every frame; when it has found
    nothing for a few frames, pyzbar reads a frame on a background thread (it never holds up the
    frame), and a code it finds is then re-read in the following frames from the area around it, so
    each ``Decoded`` is a read of the frame passed in. ``notice`` is a translated sentence when
    something is degraded (ZBar missing), else None. ``close()`` stops the background thread.
    ``decode_image_file(path, symbologies)``: full effort on one image file (both decoders, rotated and
    contrast-boosted copies); raises ``UnreadableImage`` (an ``OrderAppError``) when the file cannot
    be read as an image.

``orderapp.scanning.acceptance``
    ``Scan(code, symbology, source)``: one accepted scan; ``source`` is "camera", "wedge" or "typed".
    ``ScanFilter(frames_required=2, absent_frames_to_rearm=3)``: ``feed(decoded)`` once per frame
    gives the scans accepted in that frame: a GTIN only with a valid check digit, any code only after
    it was read in ``frames_required`` consecutive frames, and the same code not again until it has
    been out of view for ``absent_frames_to_rearm`` frames. ``reset()`` forgets everything.
    ``typed_scan(text, source)``: a Scan from a wedge burst or typed entry (whitespace and control
    characters stripped; GTIN symbology inferred from length and check digit); raises ``InvalidCode``
    with a sentence for the user for empty or illegal text or a GTIN-looking code whose check digit
    is wrong.

``orderapp.scanning.gtin_forms``
    ``gtin_key(code, symbology=None)``: a 14-digit key equal for every written form of one GTIN
    (UPC-A as 12 or 13 digits, UPC-E as 8 digits or expanded): use it to match scanned codes against
    stored product barcodes. ``canonical_gtin(text, symbology)``, ``upca_to_upce(upca)``.

``orderapp.scanning.camera``
    ``CameraUnavailable`` (an ``OrderAppError``): no camera, busy, cannot open; the message says what
    to do. ``CameraInfo(index, name)``; ``list_cameras(limit=6)``. ``FrameSource`` (protocol):
    ``read() -> ndarray | None`` (None: lost or ended), ``release()``, ``fps``.
    ``open_camera(index, width=1280, height=720)``; ``open_video(path, *, paced=False)`` reads a video
    file through the same ``cv2.VideoCapture`` code (tests, benchmarks); ``paced`` delivers frames at
    the file's frame rate like a camera would.

Qt side (``orderapp.gui``):

``camera_worker.CameraController(parent=None, *, symbologies=DEFAULT_SYMBOLOGIES)``
    Capture, decoding and the scan filter on a QThread; the GUI thread only receives signals:
    ``frame(QImage)`` preview (frames the GUI has not painted yet are dropped, never queued),
    ``found(list[Decoded])`` for outlines and "hold steady" ([] once the codes leave the view),
    ``scanned(Scan)``, ``lost(str)`` (cannot open / unplugged / video ended: a sentence for the
    user), ``resumed()`` (a lost camera sends pictures again: it is retried every 2 s until ``stop``),
    ``notice(str)`` (ZBar missing). ``start(source, *, width=1280, height=720, frames_required=2,
    paced=True)`` with a camera index or a video path; ``start_source(opener, *, is_camera=False,
    frames_required=2)`` with any FrameSource factory; ``stop()`` (cooperative, also on quit);
    ``is_running()``. Nothing from a stopped run arrives after ``stop()``.

``scanner_input.WedgeScannerFilter(scope, *, max_gap_ms=40, min_length=4, clock=None)``
    USB keyboard-wedge scanners, recognised by keystroke timing anywhere in ``scope``'s window while
    ``scope`` is visible: ``scanned(Scan)`` with source "wedge"; ``rejected(str)`` with a sentence
    when a burst is not a valid code (wrong check digit). The burst's keys never reach a field;
    slower typing is passed on unchanged. ``clock`` (milliseconds) lets tests control the timing.
"""
