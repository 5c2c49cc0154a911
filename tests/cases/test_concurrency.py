"""Concurrent actions on one case through ``perform``: the row lock makes them take turns.

Threads released together by a barrier each act on the same case with their own database
connection. On PostgreSQL 20 threads race on ``SELECT … FOR UPDATE``; on SQLite 4 threads queue
on the write lock (``BEGIN IMMEDIATE`` with a busy timeout, settings.py). Either way there is no
lost update: the winners form one legal history, every loser is refused with ``invalid_state``
and the hash chain verifies.

The SQLite test database is in memory with a shared cache, where a second writer fails at once
with "database table is locked" instead of waiting — unlike the file the application runs on.
So on SQLite these tests run against a file copy of the test database (``file_database``).
"""

import sqlite3
import threading
from collections import Counter

import pytest
from django.db import connection

from jiefen.cases import chains
from jiefen.cases.choices import Action, State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import REGISTRY, perform
from jiefen.cases.models import Case, CaseEvent
from jiefen.org.models import User
from tests.cases.factories import accepted, case_data, in_progress_at_centre

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def thread_count() -> int:
    return 20 if connection.vendor == "postgresql" else 4


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """On SQLite, point every connection at a file copy of the in-memory test database for the
    test (WAL, busy timeout and IMMEDIATE transactions as in production); put it back after."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    memory, name = connection.connection, connection.settings_dict["NAME"]
    path = str(tmp_path / "concurrency.sqlite3")
    copy = sqlite3.connect(path)
    memory.backup(copy)
    copy.close()
    connection.connection = (
        None  # the wrapper reconnects, to the file; `memory` keeps the test DB alive
    )
    connection.settings_dict["NAME"] = path
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory


@pytest.fixture
def threaded_cast(file_database, cast):
    return cast


def race(jobs):
    """Run each job (a no-argument callable) in its own thread, all released at once. Returns
    one ("ok", value) or ("refused", CaseError) per job; anything else fails the test."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(i, job):
        try:
            barrier.wait(timeout=30)
            try:
                results[i] = ("ok", job())
            except CaseError as exc:
                results[i] = ("refused", exc)
            except Exception as exc:  # noqa: BLE001  (reported below, with the thread's number)
                results[i] = ("crashed", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    crashed = [(i, r[1]) for i, r in enumerate(results) if r[0] == "crashed"]
    assert not crashed, f"threads failed with something other than CaseError: {crashed}"
    return results


def user(u):
    """A fresh copy of ``u`` for one thread, so threads share no model instance."""
    return lambda: User.objects.with_roles().get(pk=u.pk)


def events_of(case):
    return list(CaseEvent.objects.filter(case=case).order_by("seq"))


def assert_history_is_sound(case, events):
    assert chains.verify_case(case, events) is None
    for previous, event in zip(events, events[1:], strict=False):
        assert event.from_state == previous.to_state
        assert event.from_state in REGISTRY[event.action].from_states
    assert events[-1].to_state == case.state


def test_resolve_and_escalation_race_for_one_case_and_exactly_one_wins(threaded_cast):
    cast = threaded_cast
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator)
    setup_events = case.event_count  # register, accept, assign
    n = thread_count()
    resolvers = [cast.town_clerk, cast.town_mediator, cast.town_leader]
    proposers = [cast.town_mediator, cast.town_leader, cast.town_clerk]

    def resolve(actor):
        return lambda: perform(case, "resolve", actor(), outcome="handled", summary="已现场处理")

    def propose(actor):
        return lambda: perform(case, "propose_escalation", actor(), opinion="需县级部门协调")

    jobs = [
        resolve(user(resolvers[i % 3])) if i % 2 else propose(user(proposers[i % 3]))
        for i in range(n)
    ]
    results = race(jobs)

    winners = [i for i, (outcome, _) in enumerate(results) if outcome == "ok"]
    assert len(winners) == 1, f"{len(winners)} conflicting actions succeeded: {winners}"
    losers = [r[1] for r in results if r[0] == "refused"]
    assert len(losers) == n - 1 and {e.code for e in losers} == {"invalid_state"}
    case.refresh_from_db()
    events = events_of(case)
    assert case.event_count == len(events) == setup_events + 1
    won = events[-1]
    assert won.action == (Action.RESOLVE if winners[0] % 2 else Action.PROPOSE_ESCALATION)
    assert (
        case.state
        == won.to_state
        == (State.RESOLVED if won.action == Action.RESOLVE else State.ESCALATION_PENDING)
    )
    assert_history_is_sound(case, events)


def test_assignments_and_an_escalation_race_without_a_lost_update(threaded_cast):
    """From accepted, assign (→ in_progress, again allowed from in_progress) races propose_escalation
    (allowed from both). Every assign that ran before the escalation wins; the first escalation
    wins and ends the race: every later action is refused with invalid_state."""
    cast = threaded_cast
    case = accepted(cast.town_clerk)
    setup_events = case.event_count  # register, accept
    n = thread_count()
    handlers = [cast.town_clerk, cast.town_mediator, cast.town_leader]
    assigners = [cast.town_clerk, cast.town_leader]

    def assign(actor, handler):
        return lambda: perform(case, "assign", actor(), handler=handler.pk, note="请办理")

    def propose(actor):
        return lambda: perform(case, "propose_escalation", actor(), opinion="涉及县级部门职责")

    kinds = [Action.ASSIGN if i % 2 else Action.PROPOSE_ESCALATION for i in range(n)]
    jobs = [
        assign(user(assigners[i % 2]), handlers[i % 3])
        if kind == Action.ASSIGN
        else propose(user(handlers[i % 3]))
        for i, kind in enumerate(kinds)
    ]
    results = race(jobs)

    succeeded = Counter(
        kind for kind, (outcome, _) in zip(kinds, results, strict=True) if outcome == "ok"
    )
    assert succeeded[Action.PROPOSE_ESCALATION] == 1, "exactly one escalation can win"
    refused = [r[1] for r in results if r[0] == "refused"]
    assert len(refused) == n - sum(succeeded.values()) and {e.code for e in refused} <= {
        "invalid_state"
    }
    case.refresh_from_db()
    events = events_of(case)
    new = events[setup_events:]
    assert case.event_count == len(events) == setup_events + sum(succeeded.values())
    # the winners took turns: assigns first, the one escalation last, then nothing
    assert [e.action for e in new] == [Action.ASSIGN] * succeeded[Action.ASSIGN] + [
        Action.PROPOSE_ESCALATION
    ]
    assert case.state == State.ESCALATION_PENDING == new[-1].to_state
    assert case.escalation_from_state == (
        State.IN_PROGRESS if succeeded[Action.ASSIGN] else State.ACCEPTED
    )
    # no lost update: the handler is the one the last successful assign named
    assigns = [e for e in new if e.action == Action.ASSIGN]
    if assigns:
        assert case.handler.full_name == assigns[-1].data["handler"]
        assert [e.data["previous"] for e in assigns] == [""] + [
            e.data["handler"] for e in assigns[:-1]
        ]
    else:
        assert case.handler_id is None
    assert_history_is_sound(case, events)


def test_concurrent_registrations_get_distinct_consecutive_numbers(threaded_cast):
    cast = threaded_cast
    n = thread_count()
    clerks = [cast.county_clerk, cast.town_clerk, cast.village_clerk]
    regions = [cast.county_region, cast.town_region, cast.village_region]

    def register(i):
        actor, region = user(clerks[i % 3]), regions[i % 3]
        return lambda: perform(
            None, "register", actor(), **case_data(region, title=f"并发登记 {i}")
        )

    results = race([register(i) for i in range(n)])

    assert all(outcome == "ok" for outcome, _ in results), [r for r in results if r[0] != "ok"]
    numbers = [case.number for _, case in results]
    assert len(set(numbers)) == n
    year = numbers[0].split("-")[1]
    assert all(number.startswith(f"990121-{year}-") for number in numbers)
    # consecutive: no registration was lost and none took a number twice (on PostgreSQL the
    # numbers come from a database sequence that outlives the test's flush, so start anywhere)
    values = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert values == list(range(values[0], values[0] + n))
    cases = list(Case.objects.filter(number__in=numbers))
    assert len(cases) == n
    for case in cases:
        # the register event, then (the same applicant again and again: a repeat visitor) at
        # most the system's automatic risk assessment
        assert case.state == State.REGISTERED and case.event_count in (1, 2)
        assert case.events.order_by("seq").first().action == "register"
        assert_history_is_sound(case, events_of(case))
