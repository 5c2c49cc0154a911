"""Reaching any state of the lifecycle through ``perform``, and checking what an action left."""

from dataclasses import dataclass

import pytest

from jiefen.cases.choices import State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.cases.models import CaseEvent, OutboxMessage
from jiefen.core.hashing import GENESIS
from jiefen.org import services
from jiefen.org.roles import Role
from tests.cases.factories import register

# --- building cases and looking at them ----------------------------------------------------


def case_in_state(cast, state, *, clerk=None, region=None, **overrides):
    """A case in ``state``, reached through ``perform`` only and held at ``clerk``'s centre (the
    town by default). From ``dispatched`` on it went through ``cast.unit`` as lead unit."""
    clerk = clerk or cast.town_clerk
    case = register(clerk, region or clerk.centre.region, **overrides)
    steps = []
    if state == State.AWAITING_MATERIALS:
        steps = [("request_materials", clerk, {"items": ["身份证复印件", "现场照片"]})]
    elif state == State.REJECTED:
        steps = [
            ("reject", clerk, {"reason": "不属于人民调解受理范围", "other_route": "向人民法院起诉"})
        ]
    elif state != State.REGISTERED:
        steps = _steps_from_registered(cast, clerk, state)
    for name, actor, data in steps:
        case = perform(case, name, actor, **data)
    assert case.state == state
    return case


def _steps_from_registered(cast, clerk, state):
    path = [
        (State.ACCEPTED, ("accept", clerk, {})),
        (State.DISPATCHED, ("dispatch", clerk, {"units": [cast.unit], "lead": cast.unit})),
        (State.IN_PROGRESS, ("sign_for", cast.unit_handler, {})),
        (
            State.RESOLVED,
            ("resolve", cast.unit_handler, {"outcome": "handled", "summary": "已协调双方清理杂物"}),
        ),
        (None, ("notify_result", clerk, {"method": "phone"})),
        (None, ("follow_up", clerk, {"method": "phone", "satisfaction": "satisfied"})),
        (State.CLOSED, ("close", clerk, {})),
        (State.ARCHIVED, ("archive", clerk, {})),
    ]
    if state == State.ESCALATION_PENDING:
        return [step for _, step in path[:3]] + [
            ("propose_escalation", clerk, {"opinion": "涉及县级部门职责"})
        ]
    steps = []
    for reached, step in path:
        steps.append(step)
        if reached == state:
            return steps
    raise AssertionError(f"no path to {state}")


@dataclass(frozen=True)
class Snapshot:
    state: str
    event_count: int
    last_event_hash: str
    updated_at: object
    events: int

    @classmethod
    def of(cls, case):
        case.refresh_from_db()
        events = CaseEvent.objects.filter(case=case).count()
        return cls(case.state, case.event_count, case.last_event_hash, case.updated_at, events)


def refused(case, name, actor, **data) -> CaseError:
    """Perform an action that must be refused; check that the case did not change."""
    before = Snapshot.of(case)
    with pytest.raises(CaseError) as info:
        perform(case, name, actor, **data)
    assert Snapshot.of(case) == before, f"{name} was refused but changed the case"
    return info.value


def assert_chained_event(before: Snapshot, case, name, actor, to_state) -> CaseEvent:
    """The action's new event: right action, states, actor, seq and link to the previous event.
    It may be followed only by the system's automatic risk assessment (its own chained event)."""
    case.refresh_from_db()
    assert case.state == to_state
    new_events = list(
        CaseEvent.objects.filter(case=case, seq__gt=before.event_count).order_by("seq")
    )
    follow_ups = new_events[1:]
    assert all(e.action == "assess_risk" and e.data["auto"] for e in follow_ups), follow_ups
    assert case.event_count == before.event_count + 1 + len(follow_ups)
    assert CaseEvent.objects.filter(case=case).count() == before.events + 1 + len(follow_ups)
    event = new_events[0]
    assert (event.seq, event.action, event.from_state, event.to_state, event.actor_id) == (
        before.event_count + 1,
        name,
        before.state,
        to_state,
        actor.pk,
    )
    previous = CaseEvent.objects.filter(case=case, seq=before.event_count).first()
    assert event.prev_hash == (previous.hash if previous else GENESIS)
    assert event.prev_hash == (before.last_event_hash or GENESIS)
    assert case.last_event_hash == new_events[-1].hash and len(event.hash) == 64
    for earlier, later in zip(new_events, follow_ups, strict=False):
        assert later.prev_hash == earlier.hash
    return event


def topics(case):
    return sorted(OutboxMessage.objects.filter(event__case=case).values_list("topic", flat=True))


def add_crew(cast):
    """The cast plus people who are in scope but hold none of some actions' roles."""

    def staff(username, roles, centre, unit=None):
        return services.create_staff(
            username=username,
            full_name=username,
            password=cast.password,
            roles=roles,
            centre=centre,
            unit=unit,
            must_change_password=False,
        )

    cast.town_analyst = staff("town_analyst", [Role.ANALYST], cast.town)
    cast.town_grid = staff("town_grid", [Role.GRID_WORKER], cast.town)
    cast.unit_analyst = staff("unit_analyst", [Role.ANALYST], cast.county, cast.unit)
    cast.other_unit_handler = staff(
        "other_unit_handler", [Role.UNIT_HANDLER], cast.county, cast.other_unit
    )
    return cast
