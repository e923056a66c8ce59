from orderapp.cli import main

raise SystemExit(main())
