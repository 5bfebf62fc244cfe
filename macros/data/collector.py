"""Pausing Python's cycle collector around work that builds one large structure and keeps it to the end.

The collector's full passes visit every live object, and work that keeps adding objects it will still hold at the
end (the records of a load, the pages of a PDF) set off pass after pass over a growing heap: time that grows faster
than the work. Whatever garbage the work leaves is collected once the collector runs again.
"""

import gc
from contextlib import contextmanager


# Whether `paused(keeps=True)` hands over at all. Off where the data is loaded again and again in one process
# (`mkdocs serve`, macros/site/hooks.py): there each load carried the last rebuild's cyclic garbage (its pages and
# navigation) into the oldest generation too, out of reach of all but the rare full pass (30 saves: 154 -> 290 MB).
HANDS_OVER = True


def hand_over_kept(on: bool) -> None:
    global HANDS_OVER
    HANDS_OVER = on


@contextmanager
def paused(keeps: bool = False):
    """The cycle collector paused inside the block (or the decorated function), and restored as it was after.

    `keeps`: the block builds what the process keeps (the loaded handbook). On the way out, everything it made joins
    the oldest generation at once. Otherwise the first young pass after the block walks all of it and finds nothing
    to free: 10 ms after a load of 10x data, 190 ms after one of 100x (the walk is slower per object on a larger heap).
    Cyclic garbage the block left waits for the next full pass instead.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if keeps and HANDS_OVER and gc.get_freeze_count() == 0:  # never thaw what someone else froze
                gc.freeze()    # every tracked object into the permanent generation: a splice of lists, no walk
                gc.unfreeze()  # and from there into the oldest
            gc.enable()


def leave_the_rest_to_exit() -> None:
    """For a process that has done its work and is about to exit: what it holds is left for the operating system.

    As Python shuts down it runs the collector over every object still alive and frees, one by one, the cyclic
    garbage it finds. After a build that took 0.12-0.17 s of CPU (the pages, navigation and records walked, some 5,000
    objects in cycles freed), against 0.02-0.03 s for all the rest of the shutdown, for memory the operating system
    takes back at once when the process ends. Frozen objects are never walked or freed by the collector; what is not
    in a cycle is still freed as Python clears its modules. So anything that must happen when an object in a cycle is
    freed (a folder removed) is done before this; every file a build writes is closed by then.
    """
    gc.freeze()
