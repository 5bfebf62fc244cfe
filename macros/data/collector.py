"""Pausing Python's cycle collector around work that builds one large structure and keeps it to the end.

The collector's full passes visit every live object, and work that keeps adding objects it will still hold at the
end (the records of a load, the pages of a PDF) set off pass after pass over a growing heap: time that grows faster
than the work. Whatever garbage the work leaves is collected once the collector runs again.
"""

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """The cycle collector paused inside the block (or the decorated function), and restored as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
