"""Python's cycle collector around `meeting-bot serve`'s start-up.

A cold start is almost all imports: ~1,270 modules (~240 of them the bot's own and what only
it uses) and ~140,000 objects, nearly all of which live as long as the process. While they
are made the collector runs ~200 times, and the later runs walk most of them to find them
all alive. Measured here, `import bot.runtime` with the collector on against off,
alternating: 40-110 ms of a ~600 ms import. What start-up leaves as cyclic garbage is
~60,000 small objects (~0.7 MiB).

So `serve` pauses the collector before the command line's imports (`pause_for_start_up`,
from bot/__main__.py), and as the port opens (`resume_after_start_up`) freezes everything
start-up made, its garbage included, out of the collector's way and turns it back on for
what turns make. Once start-up has settled (`freeze_long_lived`, after the parser's warm-up)
start-up's garbage is collected and what lives on is frozen again. Code that never paused
the collector (the tests, an embedding) sees no difference when the port opens.

This module imports nothing but `gc`: it runs before anything heavy is imported.
"""

from __future__ import annotations

import gc

#: Allocations between two young-generation collections once serving (Python's default: 700).
#: Turns leave no reference cycles (bot/transport/adapter.py), so their objects are freed as
#: they go; a collection every 700 allocations only walked the live objects of the turns in
#: flight. Measured under cachegrind: -1.8% instructions a `schedule` turn at 10x the default.
YOUNG_THRESHOLD = 7000


class _StartUp:
    """Whether this process paused the collector for its start-up and has not resumed it."""

    paused = False


def pause_for_start_up() -> None:
    """Turn the collector off until `resume_after_start_up` (if it is on: a caller that
    turned it off itself keeps it off)."""
    if gc.isenabled():
        gc.disable()
        _StartUp.paused = True


def resume_after_start_up() -> None:
    """The port is about to open: freeze what start-up made and turn the collector back on,
    young collections every YOUNG_THRESHOLD allocations. Does nothing unless
    `pause_for_start_up` paused it."""
    if _StartUp.paused:
        _StartUp.paused = False
        gc.freeze()
        _serving_thresholds()
        gc.enable()


def _serving_thresholds() -> None:
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(YOUNG_THRESHOLD, young), middle, old)


def freeze_long_lived() -> None:
    """What start-up made (modules, classes, the app, the compiled grammar) lives as long as
    the process: `gc.freeze` takes it out of the collector's way, so a full collection walks
    only what turns have made since, not the ~95,000 objects of start-up (~70 ms a walk here,
    once every few hundred turns). What an earlier freeze set aside is looked at again and
    start-up's garbage collected first, so none of it is kept for good. Then young
    collections run every YOUNG_THRESHOLD allocations."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    _serving_thresholds()
