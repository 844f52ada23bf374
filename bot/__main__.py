"""`meeting-bot` and `python -m bot`: the command line of bot/cli.py.

Kept apart from it so that `serve` pauses the cycle collector (bot/collector.py) before any of
the command line's own imports run: a cold start is mostly imports.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.collector import pause_for_start_up


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["serve"]:
        pause_for_start_up()  # resumed as the port opens
    from bot.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
