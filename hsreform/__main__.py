"""`python -m hsreform` and the console script `hsreform`: the CLI, started cheaply.

Three costs of every run that the program does not need:
- the garbage collector walking the objects the imports made (they live until the process
  ends: ~30 ms, at each full pass and once more at exit): they are frozen;
- the collector's young-generation passes while a command runs: every 700 new objects,
  some fifty passes (~10-15 ms) over modules imported as they are first used, models and
  rows that all live to the end. It runs every 100,000 objects instead, as mypy's does:
  a large data set is still collected, a few MB of garbage at a time;
- pydantic looking through every installed distribution for plugins (hsreform uses none;
  set PYDANTIC_DISABLE_PLUGINS to another value to have them).
"""

import gc
import os

YOUNG_OBJECTS = 100_000
"""New objects between two passes of the collector (Python's default is 700)."""


def main() -> None:
    """Import the CLI with the collector off, freeze what the imports made, and run."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.disable()
    try:
        from hsreform.cli import main as run
    finally:
        gc.freeze()
        gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
        gc.enable()
    try:
        run()
    finally:
        gc.freeze()  # nothing is left to collect at exit that matters: skip the last walk


if __name__ == "__main__":
    main()
