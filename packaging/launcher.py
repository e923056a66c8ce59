"""The bundled app's entry point (PyInstaller runs this file; ``orderapp`` on a developer's PC is the same ``main``)."""

import multiprocessing

from orderapp.cli import main

if __name__ == "__main__":
    # A bundled app started again as a worker process (the demo shop's maker) runs the worker, not the app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
