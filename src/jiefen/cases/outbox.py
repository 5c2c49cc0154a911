"""Deliver outbox messages after their event committed.

A worker claims a batch with a compare-and-set UPDATE (only rows still unclaimed, or whose
claim went stale), so several workers on several hosts never deliver one message twice.
Delivery handlers are looked up by topic prefix; the default one writes to the log (the SMS and
webhook senders of later modules register themselves here).
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models import Q

from jiefen.cases.models import OutboxMessage
from jiefen.core import clock

log = logging.getLogger("jiefen.outbox")
STALE_AFTER = timedelta(minutes=5)
MAX_ATTEMPTS = 8
HANDLERS: dict[str, Callable[[OutboxMessage], None]] = {}


def handler(prefix: str):
    def register(func):
        HANDLERS[prefix] = func
        return func

    return register


def _log_delivery(message: OutboxMessage) -> None:
    log.info("outbox %s case=%s payload=%s", message.topic, message.event.case_id, message.payload)


def claim(worker: str, limit: int = 100) -> list[OutboxMessage]:
    now = clock.now()
    claimable = Q(done_at__isnull=True, attempts__lt=MAX_ATTEMPTS) & (
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_AFTER)
    )
    ids = list(
        OutboxMessage.objects.filter(claimable).order_by("id").values_list("id", flat=True)[:limit]
    )
    claimed = []
    for pk in ids:
        # compare-and-set: succeeds only if nobody claimed the row since we read it
        if (
            OutboxMessage.objects.filter(claimable, pk=pk).update(claimed_by=worker, claimed_at=now)
            == 1
        ):
            claimed.append(pk)
    return list(
        OutboxMessage.objects.filter(pk__in=claimed, claimed_by=worker)
        .select_related("event")
        .order_by("id")
    )


def deliver(message: OutboxMessage) -> bool:
    func = next(
        (f for prefix, f in HANDLERS.items() if message.topic.startswith(prefix)), _log_delivery
    )
    try:
        with transaction.atomic():
            func(message)
    except Exception as exc:  # a failed delivery is retried later; the message keeps the error
        log.exception("outbox delivery failed: %s", message.pk)
        # back off: the row becomes claimable again after 30 s, 1 min, 2 min … (at most 1 h)
        wait = min(timedelta(seconds=30) * 2**message.attempts, timedelta(hours=1))
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=message.attempts + 1,
            claimed_at=clock.now() - STALE_AFTER + wait,
            claimed_by="",
            last_error=str(exc)[:2000],
        )
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(
        done_at=clock.now(), attempts=message.attempts + 1
    )
    return True


def run_once(worker: str, limit: int = 100) -> int:
    return sum(deliver(m) for m in claim(worker, limit))
