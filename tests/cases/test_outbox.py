"""The outbox: actions queue messages with their event; workers claim them with a compare-and-set
update, so no message is handed to two workers, and failed deliveries keep their error."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from jiefen.cases import outbox
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.cases.models import CaseEvent, OutboxMessage
from jiefen.core import clock
from tests.cases.factories import accepted, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_handler():
    calls = []

    @outbox.handler("test.")
    def explode(message):
        calls.append(message.pk)
        raise RuntimeError("短信网关无响应")

    yield calls
    outbox.HANDLERS.pop("test.", None)


def queued(case, topic):
    event = CaseEvent.objects.filter(case=case).order_by("-seq").first()
    return OutboxMessage.objects.create(
        event=event, topic=topic, payload={"n": 1}, created_at=clock.now()
    )


def test_accept_queues_party_accepted_with_its_event(cast):
    case = accepted(cast.town_clerk)
    message = OutboxMessage.objects.get(event__case=case)
    assert message.topic == "party.accepted"
    assert message.event == CaseEvent.objects.get(case=case, action="accept")
    assert (message.done_at, message.claimed_at, message.attempts) == (None, None, 0)


def test_a_refused_action_queues_nothing(cast):
    case = register(cast.town_clerk)
    with pytest.raises(CaseError):
        perform(case, "accept", cast.other_town_clerk)
    assert not OutboxMessage.objects.exists()


def test_two_workers_never_claim_the_same_message(cast):
    for _ in range(5):
        accepted(cast.town_clerk)
    assert OutboxMessage.objects.count() == 5
    first = outbox.claim("worker-a", limit=3)
    second = outbox.claim("worker-b", limit=10)
    third = outbox.claim("worker-c", limit=10)
    a, b = {m.pk for m in first}, {m.pk for m in second}
    assert len(a) == 3 and len(b) == 2 and not a & b and third == []
    assert (
        set(OutboxMessage.objects.filter(claimed_by="worker-a").values_list("pk", flat=True)) == a
    )
    assert (
        set(OutboxMessage.objects.filter(claimed_by="worker-b").values_list("pk", flat=True)) == b
    )


def test_a_claim_goes_stale_after_five_minutes_and_can_be_taken_over(cast):
    accepted(cast.town_clerk)
    clock.set_fixed(clock.now())
    [message] = outbox.claim("worker-a")
    clock.travel(timedelta(minutes=4))
    assert outbox.claim("worker-b") == []
    clock.travel(timedelta(minutes=2))
    assert [m.pk for m in outbox.claim("worker-b")] == [message.pk]
    assert OutboxMessage.objects.get(pk=message.pk).claimed_by == "worker-b"


def test_run_once_delivers_and_marks_messages_done(cast):
    case = accepted(cast.town_clerk)
    perform(case, "dispatch", cast.town_clerk, units=[cast.unit, cast.other_unit], lead=cast.unit)
    assert outbox.run_once("worker-a") == 3
    assert not OutboxMessage.objects.filter(done_at__isnull=True).exists()
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}
    assert outbox.run_once("worker-b") == 0  # done messages are never delivered again


def test_worker_command_delivers_the_backlog_once(cast):
    accepted(cast.town_clerk)
    out = StringIO()
    call_command("worker", "--once", stdout=out)
    assert "已投递 1 条" in out.getvalue()
    assert OutboxMessage.objects.get().done_at is not None


def test_failing_handler_counts_the_attempt_and_keeps_the_error(cast, failing_handler):
    case = accepted(cast.town_clerk)
    message = queued(case, "test.sms")
    delivered = outbox.run_once("worker-a")
    assert delivered == 1  # party.accepted went through the default handler; test.sms failed
    message.refresh_from_db()
    assert failing_handler == [message.pk]
    assert (message.attempts, message.done_at, message.claimed_by) == (1, None, "")
    assert message.last_error == "短信网关无响应"
    # backed off: not retried at once, but after 30 seconds
    assert outbox.run_once("worker-b") == 0
    message.refresh_from_db()
    assert message.attempts == 1 and failing_handler == [message.pk]
    clock.travel(timedelta(seconds=31))
    assert outbox.run_once("worker-b") == 0
    message.refresh_from_db()
    assert message.attempts == 2 and failing_handler == [message.pk, message.pk]
    # the next wait is twice as long
    clock.travel(timedelta(seconds=31))
    outbox.run_once("worker-c")
    assert failing_handler == [message.pk, message.pk]


def test_a_message_that_failed_too_often_is_no_longer_claimed(cast, failing_handler):
    message = queued(accepted(cast.town_clerk), "test.sms")
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=outbox.MAX_ATTEMPTS - 1)
    outbox.run_once("worker-a")
    message.refresh_from_db()
    assert message.attempts == outbox.MAX_ATTEMPTS and message.done_at is None
    assert all(m.pk != message.pk for m in outbox.claim("worker-b"))
