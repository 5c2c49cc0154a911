"""Rate limits on RateHit rows: "at most N hits of this key within this window".

Rows live in the database, so every web process sees the same counts. A key names the thing
limited and whose it is ("submit-ip:1.2.3.4"); personal values (phone numbers, case numbers)
enter a key only as a keyed hash. Old rows are pruned now and then by the writers themselves.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from jiefen.core import clock, crypto
from jiefen.core.errors import DomainError
from jiefen.portal.models import RateHit

KEEP = timedelta(days=2)  # longer than the longest window below
PRUNE_CHANCE = 0.01


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    window: timedelta
    message: str

    def key(self, value: str) -> str:
        return f"{self.name}:{value}"[:120]


SUBMIT_MESSAGE = "提交过于频繁，请稍后再试"
TRACK_MESSAGE = "查询过于频繁，请 15 分钟后再试"

SUBMIT_PER_IP = Limit("submit-ip", 5, timedelta(hours=1), SUBMIT_MESSAGE)
SUBMIT_PER_PHONE = Limit("submit-phone", 3, timedelta(days=1), SUBMIT_MESSAGE)
# wrong number/code pairs: per address, and per case number so that many addresses cannot
# guess one case's code together
TRACK_FAIL_PER_IP = Limit("track-fail-ip", 10, timedelta(minutes=15), TRACK_MESSAGE)
TRACK_FAIL_PER_NUMBER = Limit("track-fail-no", 10, timedelta(hours=1), TRACK_MESSAGE)
# after this many wrong tries from an address, the tracking form asks for the captcha too
TRACK_CAPTCHA_AFTER = 3
FEEDBACK_PER_IP = Limit("feedback-ip", 5, timedelta(hours=1), SUBMIT_MESSAGE)
FEEDBACK_FAIL_PER_IP = Limit("feedback-fail-ip", 10, timedelta(minutes=15), TRACK_MESSAGE)


class RateLimited(DomainError):
    pass


def hashed(value: str) -> str:
    """A personal value as it may appear in a key."""
    return crypto.keyed_hash(str(value))[:32]


def count(limit: Limit, value: str) -> int:
    since = clock.now() - limit.window
    return RateHit.objects.filter(key=limit.key(value), at__gt=since).count()


def exceeded(limit: Limit, value: str) -> bool:
    return count(limit, value) >= limit.count


def check(limit: Limit, value: str) -> None:
    """Raise RateLimited (Chinese message) when the key has used up its window."""
    if value and exceeded(limit, value):
        raise RateLimited(limit.message, "rate_limited", limit=limit.name)


def hit(limit: Limit, value: str) -> None:
    """Count one hit (inside the caller's transaction, so a rolled-back attempt counts nothing)."""
    if not value:
        return
    now = clock.now()
    RateHit.objects.create(key=limit.key(value), at=now)
    if random.random() < PRUNE_CHANCE:  # noqa: S311 - not security relevant
        prune()


def prune() -> int:
    deleted, _ = RateHit.objects.filter(at__lt=clock.now() - KEEP).delete()
    return deleted
