"""`mkdocs serve` hears of a saved file from the operating system as it happens, instead of looking twice a second.

MkDocs 1.6 watches the project with watchdog's PollingObserver, which compares the watched folders every 0.5 s: after
a save, the rebuild waits a quarter of a second on average (up to half a second) before it even starts, a third of
what a reload after a data edit takes. On Linux, inotify reports the save at once. Polling stays where the system's
events are not to be trusted: on other systems, and with HANDBOOK_POLLING=1 (a folder shared into a container or over
the network, whose changes inotify does not see).

With inotify, MkDocs's wait for a save's events to stop coming is shortened too. MkDocs waits until 0.1 s pass
without a new event; inotify hands over a save's events (an editor's temporary file, its rename) within a few
milliseconds of each other, so SETTLE waits less and still makes one rebuild of one save.
"""

import logging
import os
import sys

log = logging.getLogger("mkdocs.handbook")

SETTLE = 0.03  # seconds without a new file event before the rebuild starts (MkDocs's LiveReloadServer.build_delay: 0.1)


def use_system_file_events(server) -> bool:
    """Move every path `server` (MkDocs's LiveReloadServer, not yet serving) watches to an inotify observer."""
    if os.environ.get("HANDBOOK_POLLING") or not sys.platform.startswith("linux"):
        return False

    # What MkDocs watches so far (its own folders and mkdocs.yml): path -> times watched. tests/test_patches.py checks
    # that the server still keeps it so, and makes its observer in __init__ and starts it only in serve().
    watched = dict(server._watched_paths)
    for path, times in watched.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = _changes_observer()
    for path, times in watched.items():
        for _ in range(times):
            server.watch(path)
    server.build_delay = min(server.build_delay, SETTLE)
    log.info("Watching for changes with the system's file events (inotify; HANDBOOK_POLLING=1 polls instead)")
    return True


def _changes_observer():
    """An inotify observer that reports changes only. inotify also reports every file opened and closed unwritten,
    and MkDocs rebuilds on any event: each build, reading data/ and the templates, would ask for the next one."""
    from watchdog import events
    from watchdog.observers.inotify import InotifyObserver

    changes = [events.FileModifiedEvent, events.FileAttribEvent, events.FileClosedEvent, events.FileCreatedEvent,
               events.FileDeletedEvent, events.FileMovedEvent]

    class ChangesObserver(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or changes,
                                    follow_symlink=follow_symlink)

    return ChangesObserver()
