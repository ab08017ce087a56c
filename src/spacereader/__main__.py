"""`python -m spacereader` runs the same entry point as the console script."""

from spacereader.cli import main

if __name__ == "__main__":  # guarded: worker processes re-import the main module
    raise SystemExit(main())
