from orderapp.cli import main

if __name__ == "__main__":  # not again in a worker process started by spawning (the demo shop's maker)
    raise SystemExit(main())
