"""`python -m hsreform` and the console script `hsreform`: the CLI, started cheaply.

Two costs of every run that the program does not need: the garbage collector walking the
objects the imports made (they live until the process ends: ~30 ms, at each full pass and
once more at exit), and pydantic looking through every installed distribution for plugins
(hsreform uses none; set PYDANTIC_DISABLE_PLUGINS to another value to have them).
"""

import gc
import os


def main() -> None:
    """Import the CLI with the collector off, freeze what the imports made, and run."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.disable()
    try:
        from hsreform.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    try:
        run()
    finally:
        gc.freeze()  # nothing is left to collect at exit that matters: skip the last walk


if __name__ == "__main__":
    main()
