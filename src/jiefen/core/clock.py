"""The one clock. Code that needs the time calls ``now()`` or ``today()``; tests move it.

Deadlines, idle logout, audit times and demo data all read this, so a test can put the whole
system on any day (``with clock.frozen(dt):`` or ``clock.travel(timedelta)``) without patching.
"""

import contextlib
import threading
from datetime import date, datetime, timedelta

from django.utils import timezone

_lock = threading.Lock()
_fixed: datetime | None = None
_offset = timedelta(0)


def now() -> datetime:
    with _lock:
        if _fixed is not None:
            return _fixed
        offset = _offset
    return timezone.now() + offset


def today() -> date:
    return timezone.localdate(now())


def set_fixed(moment: datetime | None) -> None:
    """Freeze the clock at ``moment`` (aware datetime), or let it run again with ``None``."""
    global _fixed
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    with _lock:
        _fixed = moment


def travel(delta: timedelta) -> None:
    """Move the clock by ``delta``, frozen or running."""
    global _fixed, _offset
    with _lock:
        if _fixed is not None:
            _fixed = _fixed + delta
        else:
            _offset = _offset + delta


def reset() -> None:
    global _fixed, _offset
    with _lock:
        _fixed = None
        _offset = timedelta(0)


@contextlib.contextmanager
def frozen(moment: datetime):
    set_fixed(moment)
    try:
        yield
    finally:
        reset()
