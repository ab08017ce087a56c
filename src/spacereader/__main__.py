"""`python -m spacereader` runs the same entry point as the console script."""

from spacereader.cli import main

raise SystemExit(main())
