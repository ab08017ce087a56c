"""Python's garbage collector is held off while the reader starts and resumed after the first frame.

Starting allocates hundreds of thousands of long-lived objects (Textual's modules, styles, widgets) and
almost no garbage, yet each allocation burst triggers collections that walk them all again: about a fifth
of the CPU time before the first frame. After it, the survivors are frozen (moved where later full
collections do not walk them), so collections while reading scan only what reading allocates.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Stop automatic collection until `resume` (called when the reader is launched, not in tests)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def resume() -> None:
    """Freeze what start-up built and collect automatically again; does nothing unless `hold` stopped it."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
