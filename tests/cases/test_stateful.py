"""Random action sequences by random actors on a few cases: the lifecycle's invariants hold.

A hypothesis state machine registers 1–3 cases at the cast's village, town and county centres,
then applies random actions (from ``kernel.REGISTRY``) by random members of the cast — other-town
staff, unit handlers and the three administrators included — with plausible, sometimes broken,
input. A refused action (CaseError) must change nothing at all; an accepted one must change only
its own case, by a legal transition, and move deadlines only as the policy says. After every step
every case's chain verifies, scope and visibility hold, and a dispatched case has one lead unit.

Each example runs inside a savepoint that is rolled back at teardown, so examples never leak.
"""

from collections import Counter
from datetime import datetime, timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from jiefen.cases import actions as _actions  # noqa: F401  (fills kernel.REGISTRY)
from jiefen.cases import chains, deadlines, kernel, scope
from jiefen.cases.choices import (
    SENT_CHANNELS,
    Action,
    Channel,
    ContactMethod,
    Outcome,
    RiskLevel,
    Route,
    Satisfaction,
    Stage,
    State,
    UnitRole,
)
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.cases.models import (
    Agreement,
    Attachment,
    Case,
    CaseEvent,
    CaseLink,
    CaseNumberSequence,
    CaseUnit,
    CaseWatcher,
    Extension,
    FollowUp,
    MediationSession,
    OutboxMessage,
    Party,
    Supervision,
)
from jiefen.cases.selectors import visible_cases
from jiefen.core import clock
from jiefen.org import services
from jiefen.org.models import Category, User
from jiefen.org.roles import Role
from tests.cases.factories import case_data

pytestmark = pytest.mark.django_db

ACTIONS = sorted(name for name in kernel.REGISTRY if name != Action.REGISTER)
ACTORS = [
    "county_clerk",
    "county_supervisor",
    "county_leader",
    "town_clerk",
    "town_mediator",
    "town_leader",
    "village_clerk",
    "unit_handler",
    "other_unit_handler",
    "other_town_clerk",
    "sysadmin",
    "secadmin",
    "auditadmin",
]
# (registrar, place) pairs a centre may register: its own region or one below.
REGISTRATIONS = [
    ("village_clerk", "village_region"),
    ("town_clerk", "town_region"),
    ("town_clerk", "village_region"),
    ("county_clerk", "county_region"),
    ("county_clerk", "town_region"),
    ("county_clerk", "village_region"),
    ("county_clerk", "other_village_region"),
]
# Monday mornings, a Friday afternoon before a weekend and a day before the national-day holiday.
START_TIMES = [
    datetime(2026, 3, 2, 9, 0),
    datetime(2026, 6, 5, 16, 30),
    datetime(2026, 9, 30, 10, 0),
]

# Models whose rows a refused action must leave exactly as they were.
WORLD = [
    Case,
    CaseUnit,
    CaseWatcher,
    CaseLink,
    CaseEvent,
    OutboxMessage,
    Extension,
    Supervision,
    FollowUp,
    MediationSession,
    Agreement,
    Attachment,
    Party,
    CaseNumberSequence,
]

# Where each action may lead from ``before`` (a case snapshot); the kernel's table gives only the
# from-states, so this is the independent statement of the to-states (DESIGN.md §4).
SAME = "same"
TARGETS = {
    Action.REQUEST_MATERIALS: {State.AWAITING_MATERIALS},
    Action.SUPPLEMENT: {State.REGISTERED},
    Action.ACCEPT: {State.ACCEPTED},
    Action.REJECT: {State.REJECTED},
    Action.RETURN_TO_SENDER: {State.REJECTED},
    Action.DISPATCH: {State.DISPATCHED},
    Action.DELEGATE_DOWN: {State.ACCEPTED},
    Action.SIGN_FOR: {SAME, State.IN_PROGRESS},
    Action.SEND_BACK: {SAME, State.ACCEPTED},
    Action.ASSIGN: {State.IN_PROGRESS},
    Action.RECORD_SESSION: {SAME},
    Action.PROPOSE_ESCALATION: {State.ESCALATION_PENDING},
    Action.APPROVE_ESCALATION: {State.ACCEPTED},
    Action.DENY_ESCALATION: {"escalation_from_state"},
    Action.REQUEST_EXTENSION: {SAME},
    Action.GRANT_EXTENSION: {SAME},
    Action.SUPERVISE: {SAME},
    Action.URGE: {SAME},
    Action.RESOLVE: {State.RESOLVED},
    Action.NOTIFY_RESULT: {SAME},
    Action.FOLLOW_UP: {SAME},
    Action.REOPEN: {State.IN_PROGRESS},
    Action.CLOSE: {State.CLOSED},
    Action.ARCHIVE: {State.ARCHIVED},
    Action.MERGE_DUPLICATE: {State.CLOSED},
    Action.LINK_RELATED: {SAME},
    Action.ASSESS_RISK: {SAME},
}
# Which actions may move which deadline (DESIGN.md §3.5 and the action docstrings).
MOVES = {
    "handling_due": {
        Action.ACCEPT,
        Action.DELEGATE_DOWN,
        Action.APPROVE_ESCALATION,
        Action.GRANT_EXTENSION,
        Action.REOPEN,
    },
    "acceptance_due": {Action.SUPPLEMENT},  # and register, which creates the case
    "follow_up_due": {Action.RESOLVE, Action.REOPEN},
    "sign_for_due": {Action.DISPATCH, Action.SEND_BACK},
}
# How often a guided step draws an allowed action: dead ends and side steps less than progress.
WEIGHT = {
    Action.REJECT: 1,
    Action.RETURN_TO_SENDER: 1,
    Action.MERGE_DUPLICATE: 1,
    Action.URGE: 2,
    Action.SUPERVISE: 2,
    Action.LINK_RELATED: 2,
    Action.REQUEST_MATERIALS: 2,
}
REQUIRED_TEXT = {
    Action.REJECT: "reason",
    Action.RETURN_TO_SENDER: "reason",
    Action.SEND_BACK: "reason",
    Action.PROPOSE_ESCALATION: "opinion",
    Action.DENY_ESCALATION: "reason",
    Action.REQUEST_EXTENSION: "reason",
    Action.SUPERVISE: "note",
    Action.URGE: "note",
    Action.RESOLVE: "summary",
    Action.REOPEN: "reason",
    Action.DELEGATE_DOWN: "note",
    Action.RECORD_SESSION: "place",
    Action.ASSESS_RISK: "reason",
}


def test_every_action_of_the_lifecycle_is_exercised():
    assert set(ACTIONS) == set(Action.values) - {Action.REGISTER}
    assert set(TARGETS) == set(ACTIONS)


def row(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def world() -> dict:
    """Every row of every case table, to show a refused action changed nothing."""
    tables = {}
    with connection.cursor() as cursor:
        for model in WORLD:
            cursor.execute(f"SELECT * FROM {model._meta.db_table} ORDER BY {model._meta.pk.column}")  # noqa: S608
            tables[model.__name__] = cursor.fetchall()
    return tables


def data_for(action, case, cast, draw, *, valid, pool):
    """Arguments for ``action`` on ``case``: plausible ones, or (``valid=False``) ones that must be refused."""
    now, today = clock.now(), clock.today()
    others = [pk for pk in pool if pk != case.pk]
    other = draw(st.sampled_from(others * 4 + [case.pk])) if others else case.pk
    text = draw(st.sampled_from(["经核实情况属实", "当事人同意", "按规定办理"]))
    data = {
        Action.REQUEST_MATERIALS: lambda: {
            "items": draw(
                st.lists(
                    st.sampled_from(["身份证复印件", "证据材料", "收入证明"]),
                    min_size=1,
                    max_size=3,
                    unique=True,
                )
            )
        },
        Action.SUPPLEMENT: lambda: {"note": "已补交" + text},
        Action.ACCEPT: lambda: draw(st.sampled_from([{}, {"note": text}])),
        Action.REJECT: lambda: {"reason": "不属于受理范围", "other_route": "向人民法院起诉"},
        Action.RETURN_TO_SENDER: lambda: {"reason": "不属于本中心职责"},
        Action.DISPATCH: lambda: _dispatch(cast, draw),
        Action.DELEGATE_DOWN: lambda: {
            "centre": draw(st.sampled_from(_lower_centres(case, cast))),
            "note": "请属地调处",
        },
        Action.SIGN_FOR: lambda: draw(st.sampled_from([{}, {"note": "已签收"}])),
        Action.SEND_BACK: lambda: {"reason": "不属于本单位职责"},
        Action.ASSIGN: lambda: {
            "handler": draw(
                st.sampled_from(
                    [
                        u
                        for u in (getattr(cast, n) for n in ACTORS)
                        if u.centre_id == case.centre_id and u.unit_id is None
                    ]
                    * 3
                    + [cast.unit_handler, cast.other_town_clerk, cast.sysadmin]
                )
            )
        },
        Action.RECORD_SESSION: lambda: _session(draw, now),
        Action.PROPOSE_ESCALATION: lambda: {"opinion": "涉及多个部门，需上级协调"},
        Action.APPROVE_ESCALATION: lambda: draw(st.sampled_from([{}, {"note": "同意"}])),
        Action.DENY_ESCALATION: lambda: {"reason": "本级可以处理"},
        Action.REQUEST_EXTENSION: lambda: {
            "days": draw(st.integers(1, 40)),
            "reason": "需要补充调查",
        },
        Action.GRANT_EXTENSION: lambda: draw(
            st.sampled_from(
                [
                    {"approve": True},
                    {"approve": True, "days": 1, "note": "同意延期一天"},
                    {"approve": False, "note": "理由不充分"},
                ]
            )
        ),
        Action.SUPERVISE: lambda: {
            "due": today + timedelta(days=draw(st.integers(0, 20))),
            "note": "请抓紧办理",
        },
        Action.URGE: lambda: {"note": "请尽快办理"},
        Action.RESOLVE: lambda: _resolution(case, draw),
        Action.NOTIFY_RESULT: lambda: {"method": draw(st.sampled_from(ContactMethod.values))},
        Action.FOLLOW_UP: lambda: {
            "method": draw(st.sampled_from(ContactMethod.values)),
            "satisfaction": draw(st.sampled_from(Satisfaction.values)),
        },
        Action.REOPEN: lambda: {"reason": "当事人不满意，重新办理"},
        Action.CLOSE: lambda: {"note": "已回访，予以结案"},
        Action.ARCHIVE: lambda: draw(st.sampled_from([{}, {"note": "归档"}])),
        Action.MERGE_DUPLICATE: lambda: {"into": other},
        Action.LINK_RELATED: lambda: {"other": other, "note": "同一当事人"},
        Action.ASSESS_RISK: lambda: {
            "level": draw(st.sampled_from(RiskLevel.values)),
            "reason": "当事人情绪激动",
        },
    }[action]()
    if valid:
        return data
    broken = draw(st.sampled_from(["unknown_field", "blank_text", "drop_required", "bad_value"]))
    if broken == "blank_text" and action in REQUIRED_TEXT:
        return {**data, REQUIRED_TEXT[action]: draw(st.sampled_from(["", "   "]))}
    if broken == "drop_required" and action in REQUIRED_TEXT:
        return {k: v for k, v in data.items() if k != REQUIRED_TEXT[action]}
    if broken == "bad_value":
        bad = {
            Action.RESOLVE: {"outcome": "bogus"},
            Action.NOTIFY_RESULT: {"method": "pigeon"},
            Action.FOLLOW_UP: {"satisfaction": "meh"},
            Action.REQUEST_EXTENSION: {"days": 0},
            Action.SUPERVISE: {"due": today - timedelta(days=1)},
            Action.DISPATCH: {"units": [cast.unit], "lead": cast.other_unit},
            Action.RECORD_SESSION: {"held_at": now + timedelta(days=1)},
            Action.REQUEST_MATERIALS: {"items": ["  "]},
            Action.ASSESS_RISK: {"level": "purple"},
        }.get(action)
        if bad:
            return {**data, **bad}
    return {**data, "bogus_field": 1}


def _lower_centres(case, cast):
    """Every centre of the cast, those a delegation could really go to three times over."""
    centres = [cast.county, cast.town, cast.village, cast.other_town, cast.other_village]
    fitting = [
        c
        for c in centres
        if c.region.level != case.centre.region.level
        and scope.region_within(case.place_code, scope.centre_prefix(c))
    ]
    return centres + fitting * 3


def _dispatch(cast, draw):
    units = draw(
        st.sampled_from(
            [
                [cast.unit],
                [cast.other_unit],
                [cast.unit, cast.other_unit],
                [cast.other_unit, cast.unit],
            ]
        )
    )
    return {"units": units, "lead": draw(st.sampled_from(units)), "note": "请按职责办理"}


def _session(draw, now):
    data = {
        "held_at": now - timedelta(hours=1),
        "place": "调解室",
        "participants": "双方当事人及调解员",
        "applicant_account": "要求赔偿",
        "respondent_account": "愿意协商",
        "result": "继续调解",
    }
    if draw(st.booleans()):
        data.update(
            result="达成协议",
            agreement={"facts": "争议事实", "terms": "分期赔偿", "performance": "三日内履行"},
        )
    return data


def _resolution(case, draw):
    outcome = draw(st.sampled_from(Outcome.values))  # "merged" is not a resolve outcome: refused
    data = {"outcome": outcome, "summary": "已办结"}
    if outcome == Outcome.FAILED:
        data["route"] = draw(st.sampled_from(Route.values))
    if case.channel in SENT_CHANNELS or draw(st.booleans()):
        data["feedback"] = "已向来源单位反馈"
    return data


def test_random_action_sequences_keep_the_lifecycle_invariants(cast):
    cast.other_unit_handler = services.create_staff(
        username="other_unit_handler",
        full_name="other_unit_handler",
        password=cast.password,
        roles=[Role.UNIT_HANDLER],
        centre=cast.county,
        unit=cast.other_unit,
        must_change_password=False,
    )
    succeeded = Counter()
    users = {name: User.objects.with_roles().get(pk=getattr(cast, name).pk) for name in ACTORS}
    for name, user in users.items():
        setattr(cast, name, user)

    class Lifecycle(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.savepoint = transaction.atomic()
            self.savepoint.__enter__()
            self.cases: list[int] = []
            self.dirty = True  # something changed since the invariants were last checked

        def teardown(self):
            try:
                transaction.set_rollback(True)
            finally:
                self.savepoint.__exit__(None, None, None)
                clock.reset()

        # --- setup -------------------------------------------------------------------------

        @initialize(
            start=st.sampled_from(START_TIMES),
            specs=st.lists(
                st.tuples(
                    st.sampled_from(REGISTRATIONS),
                    st.sampled_from(["dispute", "petition", "complaint"]),
                    st.sampled_from(["walk_in", "hotline_12345", "dept_transfer"]),
                    st.sampled_from(["02", "10"]),
                ),
                min_size=1,
                max_size=3,
            ),
        )
        def register_cases(self, start, specs):
            clock.set_fixed(timezone.make_aware(start))
            for (registrar, place), matter_type, channel, category_code in specs:
                extra = {"source_unit": cast.other_unit} if channel == Channel.DEPT_TRANSFER else {}
                data = case_data(
                    getattr(cast, place), matter_type=matter_type, channel=channel, **extra
                )
                data["category"] = Category.objects.get(code=category_code)
                case = perform(None, "register", getattr(cast, registrar), **data)
                assert case.state == State.REGISTERED
                assert case.acceptance_due == deadlines.due_date(
                    matter_type, case.category_id, Stage.ACCEPTANCE, clock.today()
                )
                self.cases.append(case.pk)

        # --- steps -------------------------------------------------------------------------

        @rule(data=st.data(), kind=st.sampled_from(["allowed"] * 7 + ["random"] * 2 + ["time"]))
        def step(self, data, kind):
            """Mostly an action the kernel would allow someone now (to get deep into the lifecycle),
            else any action by anyone, and now and then the clock moves on."""
            if kind == "time":
                clock.travel(
                    timedelta(
                        days=data.draw(st.integers(0, 6)), hours=data.draw(st.integers(0, 23))
                    )
                )
                return
            pk = data.draw(st.sampled_from(self.cases))
            if kind == "random":
                self._act(
                    data,
                    pk,
                    data.draw(st.sampled_from(ACTIONS)),
                    data.draw(st.sampled_from(ACTORS)),
                )
                return
            case = self._load(pk)
            allowed = {}
            for name in ACTORS:
                for action in kernel.allowed_actions(case, getattr(cast, name)):
                    allowed.setdefault(action, []).append(name)
            if not allowed:
                assert case.state == State.ARCHIVED, f"nobody can act on a {case.state} case"
                return
            # every allowed action alike (not every actor-action pair), side steps and dead ends less often
            action = data.draw(
                st.sampled_from([a for a in sorted(allowed) for _ in range(WEIGHT.get(a, 6))])
            )
            self._act(data, pk, action, data.draw(st.sampled_from(allowed[action])))

        def _load(self, pk):
            return (
                Case.objects.select_related("centre__region", "category")
                .prefetch_related("units")
                .get(pk=pk)
            )

        def _act(self, data, pk, action, actor_name):
            actor = getattr(cast, actor_name)
            case = self._load(pk)
            valid = data.draw(st.integers(0, 9)) > 0
            kwargs = data_for(action, case, cast, data.draw, valid=valid, pool=self.cases)
            before, everything = row(case), world()
            saw_before = visible_cases(actor).filter(pk=pk).exists()
            try:
                perform(case, action, actor, **kwargs)
            except CaseError as exc:
                assert exc.code and exc.message
                assert world() == everything, f"refused {action} ({exc.code}) changed something"
                return
            self.dirty = True
            succeeded[action] += 1
            assert valid, f"{action} by {actor_name} accepted broken input {kwargs!r}"
            self._check_success(action, actor, before, everything, saw_before)

        def _check_success(self, action, actor, before, everything, saw_before):
            after = Case.objects.select_related("centre__region").get(pk=before["id"])
            event = CaseEvent.objects.get(case_id=after.pk, seq=before["event_count"] + 1)
            spec = kernel.REGISTRY[action]
            # one event, by this actor, for this action, from the state the case was in; then at
            # most the system's automatic risk assessment, which keeps the state
            follow_ups = list(CaseEvent.objects.filter(case_id=after.pk, seq__gt=event.seq))
            assert len(follow_ups) <= 1
            assert all(
                (f.action, f.data["auto"], f.from_state, f.to_state)
                == ("assess_risk", True, after.state, after.state)
                for f in follow_ups
            )
            assert after.event_count == before["event_count"] + 1 + len(follow_ups)
            assert (event.action, event.actor_id, event.from_state, event.to_state) == (
                action,
                actor.pk,
                before["state"],
                after.state,
            )
            assert before["state"] in spec.from_states
            targets = {
                before["state"]
                if t == SAME
                else before["escalation_from_state"]
                if t == "escalation_from_state"
                else t
                for t in TARGETS[action]
            }
            assert after.state in targets, (
                f"{action}: {before['state']} -> {after.state}, expected one of {targets}"
            )
            assert after.updated_at == clock.now()
            # who may act: never an administrator; a role of the action; someone with sight of the case
            assert not actor.is_administrator and actor.roles & spec.roles
            # nobody acts on a case they cannot see, and acting never takes it out of their sight
            assert saw_before and visible_cases(actor).filter(pk=after.pk).exists()
            if actor.unit_id is not None:
                assert (
                    CaseUnit.objects.filter(case_id=after.pk, unit_id=actor.unit_id).exists()
                    or after.handler_id == actor.pk
                )
            # only this case's row changed
            others = [r for r in world()["Case"] if r[0] != after.pk]
            assert others == [r for r in everything["Case"] if r[0] != after.pk], (
                f"{action} changed another case"
            )
            self._check_deadlines(action, before, after, event)

        def _check_deadlines(self, action, before, after, event):
            today = clock.today()
            for name, movers in MOVES.items():
                if getattr(after, name) != before[name]:
                    assert action in movers, (
                        f"{action} moved {name}: {before[name]} -> {getattr(after, name)}"
                    )
            handling = deadlines.due_date(
                after.matter_type, after.category_id, Stage.HANDLING, today
            )
            if action in (
                Action.ACCEPT,
                Action.DELEGATE_DOWN,
                Action.APPROVE_ESCALATION,
                Action.REOPEN,
            ):
                assert after.handling_due == handling
            if action == Action.GRANT_EXTENSION:
                if event.data["approved"]:
                    assert after.handling_due == deadlines.shift(
                        before["handling_due"], event.data["days"]
                    )
                    assert after.extended_days == before["extended_days"] + event.data["days"]
                else:
                    assert after.handling_due == before["handling_due"]
            if action == Action.SUPPLEMENT:
                paused = deadlines.paused_days(before["paused_at"], clock.now())
                assert after.acceptance_due == deadlines.shift(before["acceptance_due"], paused)
            if action == Action.RESOLVE:
                assert after.follow_up_due == deadlines.due_date(
                    after.matter_type, after.category_id, Stage.FOLLOW_UP, today
                )
            if action == Action.REOPEN:
                assert after.follow_up_due is None
            if action == Action.DISPATCH:
                assert after.sign_for_due == deadlines.due_date(
                    after.matter_type, after.category_id, Stage.SIGN_FOR, today
                )

        # --- invariants --------------------------------------------------------------------

        @invariant()
        def every_case_is_consistent(self):
            # a refused action was shown to change nothing, so only a change needs checking again
            if not self.cases or not self.dirty:
                return
            self.dirty = False
            cases = list(
                Case.objects.filter(pk__in=self.cases)
                .select_related("centre__region", "handler")
                .order_by("pk")
            )
            for case in cases:
                self._check_case(case)
            self._check_visibility(cases)

        def _check_case(self, case):
            assert case.state in State.values
            events = list(CaseEvent.objects.filter(case=case).order_by("seq"))
            assert chains.verify_case(case, events) is None
            assert (
                events[0].action == Action.REGISTER
                and events[0].from_state == ""
                and events[0].to_state == State.REGISTERED
            )
            for previous, event in zip(events, events[1:], strict=False):
                assert event.from_state == previous.to_state, (
                    f"event {event.seq} does not start where {previous.seq} ended"
                )
                assert event.from_state in kernel.REGISTRY[event.action].from_states, (
                    event.action,
                    event.from_state,
                )
            assert events[-1].to_state == case.state
            # one active lead while dispatched; no live unit before dispatch
            active = list(CaseUnit.objects.filter(case=case, active=True))
            leads = [u for u in active if u.role == UnitRole.LEAD]
            assert len(leads) <= 1
            if case.state == State.DISPATCHED:
                assert len(leads) == 1, f"dispatched case with {len(leads)} active lead units"
            if case.state in (State.REGISTERED, State.AWAITING_MATERIALS, State.ACCEPTED):
                assert not active, f"{case.state} case still has active units {active}"
            # the case sits inside its holding centre's area, at that centre's level
            assert scope.region_within(case.place_code, scope.centre_prefix(case.centre))
            assert (
                case.centre_code == int(case.centre.region.code)
                and case.level == case.centre.region.level
            )
            assert (case.escalation_target_id is not None) == (
                case.state == State.ESCALATION_PENDING
            )
            # the handler works at the holding centre or in a unit the case was dispatched to
            if case.handler_id is not None:
                handler = case.handler
                assert (handler.unit_id is None and handler.centre_id == case.centre_id) or (
                    handler.unit_id is not None
                    and any(u.unit_id == handler.unit_id for u in active)
                ), f"handler {handler} of a case held by {case.centre}"
            limit = deadlines.max_extension_days(case.matter_type, case.category_id)
            assert limit is None or case.extended_days <= limit

        def _check_visibility(self, cases):
            pks = [c.pk for c in cases]
            watchers = {pk: set() for pk in pks}
            for case_id, centre_id in CaseWatcher.objects.filter(case_id__in=pks).values_list(
                "case_id", "centre_id"
            ):
                watchers[case_id].add(centre_id)
            for name in ACTORS:
                user = getattr(cast, name)
                seen = set(visible_cases(user).filter(pk__in=pks).values_list("pk", flat=True))
                if user.is_administrator:
                    expected = set()
                elif user.unit_id is not None:
                    expected = set(
                        CaseUnit.objects.filter(case_id__in=pks, unit_id=user.unit_id).values_list(
                            "case_id", flat=True
                        )
                    )
                else:
                    expected = {
                        c.pk
                        for c in cases
                        if scope.region_within(c.place_code, user.jurisdiction_prefix)
                    }
                assert seen == expected, (
                    f"{name} sees {sorted(seen)}, should see {sorted(expected)}"
                )
                # the holding centre and every centre that handed the case on keep sight of it
                for case in cases:
                    if user.unit_id is None and user.centre_id in watchers[case.pk] | {
                        case.centre_id
                    }:
                        assert case.pk in seen, f"{name} lost sight of {case.number}"

    run_state_machine_as_test(
        Lifecycle,
        settings=settings(
            # about 1,200 steps: ~25 s of CPU on SQLite; PostgreSQL's round trips cost more per query
            max_examples=30 if connection.vendor == "sqlite" else 20,
            stateful_step_count=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )
    # the machine got deep into the lifecycle rather than being refused all along
    assert len(succeeded) >= 15, f"only these actions ever succeeded: {dict(succeeded)}"
