"""From camera frames to accepted barcodes (zxing-cpp first, pyzbar as second opinion). Qt-free.

The API other capabilities build on (packing, inventory counts):

``orderapp.scanning.decoding``
    ``Decoded(text, symbology, corners, decoder)``: one code read in one frame. ``text`` is what the
    code holds: 13 digits for EAN-13, 12 for UPC-A (an EAN-13 starting with 0 is reported as the UPC-A
    it is), 8 for EAN-8 and UPC-E, 14 for GTIN-14 (a GS1-128 whose first element is (01), or ITF-14 when
    enabled), the text for Code 128 and QR. ``corners`` is the polygon in frame pixels; ``decoder`` is
    "zxing" or "zbar".
    ``DEFAULT_SYMBOLOGIES``: EAN-8, EAN-13, UPC-A, UPC-E, Code 128, QR, DataMatrix, ITF-14 (GTIN-14).
    ``read_cascade(grey, ...)``: zxing-cpp on the picture; on a miss zxing-cpp on a CLAHE-enhanced 2x
    copy (``enhanced``); on a miss ZBar on that copy. Reads that disagree (two codes where one symbol
    is) are dropped and the next step decides.
    ``FrameDecoder(symbologies=DEFAULT_SYMBOLOGIES, *, second_opinion=True, idle_frames=3,
    cpu_share=0.25, background=True)``: ``decode(frame, at=None)`` for every camera frame (BGR or grey
    numpy array): zxing-cpp on the grey frame; after ``idle_frames`` frames without a read, the
    cascade's later steps take a "second look" at a whole frame (on a background thread, or in line on
    the frames' own clock ``at`` when ``background`` is False), at most ``cpu_share`` of one core; a
    code found there is re-read in the following frames around where it was, so each ``Decoded`` is a
    read of the frame passed in. ``notice`` is a translated sentence when ZBar is missing (zxing-cpp
    then does both looks), else None. ``close()`` stops the background thread.
    ``decode_image_file(path, symbologies)``: the cascade on one image file; raises ``UnreadableImage``
    (an ``OrderAppError``) when the file cannot be read as an image.

``orderapp.scanning.agreement``
    ``disagree(a, b)``, ``without_disputes(reads)``, ``code_key(decoded)``: when two reads are two
    different codes where one symbol is.

``orderapp.scanning.acceptance``
    ``Scan(code, symbology, source)``: one accepted scan; ``source`` is "camera", "wedge" or "typed".
    ``AcceptanceRules(rearm_s=0.3, frames_required=2, short_frames_required=4, short_hold_s=0.1,
    agree_s=0.5, dispute_s=0.3)``: ``rearm_s`` is the time a code must be out of view before it counts
    again (feed it from a Settings value).
    ``ScanFilter(rules=AcceptanceRules())``: ``feed(decoded, at)`` once per frame, ``at`` the frame's
    time in seconds, gives the scans accepted in that frame: a GTIN only with a valid check digit, a
    code once read in ``frames_required`` frames within ``agree_s`` (EAN-8 and UPC-E: more frames,
    spanning ``short_hold_s``), nothing while reads disagree at its place, and the same code not
    again until it has been out of view for ``rearm_s``. ``state`` (a ``ViewState``: empty, reading,
    counted, disputed) and ``view_hint(state)`` (a translated sentence, e.g. "Counted: take it out
    of view to count the next one.") tell the preview what to say. ``reset()`` forgets everything.
    ``typed_scan(text, source)``: a Scan from a wedge burst or typed entry (whitespace and control
    characters stripped; GTIN symbology inferred from length and check digit); raises ``InvalidCode``
    with a sentence for the user for empty or illegal text or a GTIN-looking code whose check digit
    is wrong.

``orderapp.scanning.pipeline``
    ``FramePipeline(symbologies, *, rules=None, background=True)``: ``feed(frame, at) -> FrameResult
    (decoded, scans, state, hint)``, the packing station's decoding then acceptance; the GUI's camera
    worker uses it. ``replay_video(path, symbologies, *, rules=None)`` yields ``TimedScan(seconds,
    scan)`` for every scan the station would accept from a recorded video (every frame, times from
    its frame rate; ``orderapp decode VIDEO``); raises ``CameraUnavailable`` with a sentence when the
    file cannot be played.

``orderapp.scanning.gtin_forms``
    ``gtin_key(code, symbology=None)``: a 14-digit key equal for every written form of one GTIN
    (UPC-A as 12 or 13 digits, UPC-E as 8 digits or expanded, GS1 AI (01)); the rule itself is
    ``orderapp.domain.gtin.code_key`` / ``lookup_keys``, and products are found through
    ``orderapp.store.barcode_lookup``. ``canonical_gtin(text, symbology)``, ``upca_to_upce(upca)``.

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
    ``view(state, hint)`` when the view's ``ViewState`` changes (its value, and the sentence to show:
    "Hold steady…", "Counted: take it out of view to count the next one.", or "" when empty),
    ``scanned(Scan)``, ``lost(str)`` (cannot open / unplugged / video ended: a sentence for the
    user), ``resumed()`` (a lost camera sends pictures again: it is retried every 2 s until ``stop``),
    ``notice(str)`` (ZBar missing). ``start(source, *, width=1280, height=720, frames_required=2,
    paced=True, rearm_s=0.3)`` with a camera index or a video path; ``start_source(opener, *,
    is_camera=False, frames_required=2, rearm_s=0.3)`` with any FrameSource factory (a camera's frame
    times are their arrival times; a video's come from its frame rate); ``stop()`` (cooperative, also on quit);
    ``is_running()``. Nothing from a stopped run arrives after ``stop()``.

``scanner_input.WedgeScannerFilter(scope, *, max_gap_ms=40, min_length=4, clock=None)``
    USB keyboard-wedge scanners, recognised by keystroke timing anywhere in ``scope``'s window while
    ``scope`` is visible: ``scanned(Scan)`` with source "wedge"; ``rejected(str)`` with a sentence
    when a burst is not a valid code (wrong check digit). The burst's keys never reach a field;
    slower typing is passed on unchanged. ``clock`` (milliseconds) lets tests control the timing.
"""
