"""The bundled app's entry point (PyInstaller runs this file; ``orderapp`` on a developer's PC is the same ``main``)."""

from orderapp.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
