"""The lifecycle table (``kernel.REGISTRY``), state by state and role by role.

Every action is tried in every state it is not declared for, by an actor who has an allowed
role and the scope; by an actor in scope without the role; by the other town and by an
administrator. Every refusal must leave the case untouched. The allowed moves are in
test_lifecycle_allowed.py, the rules inside actions, bad input and idempotency in
test_lifecycle_rules.py.
"""

from datetime import timedelta

import pytest

from jiefen.cases import actions  # noqa: F401  (importing the package fills REGISTRY)
from jiefen.cases.choices import Action, State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import REGISTRY, perform
from jiefen.cases.models import Case
from jiefen.core import clock
from tests.cases.factories import case_data, register
from tests.cases.lifecycle import add_crew, case_in_state, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def crew(cast):
    return add_crew(cast)


ACTIONS_ON_A_CASE = sorted(set(REGISTRY) - {Action.REGISTER})


# --- the table: who acts, with what, from where ------------------------------------------

# The default actor of each action: has an allowed role and, on a town-held case, the scope.
ACTOR = {name: "town_clerk" for name in ACTIONS_ON_A_CASE} | {
    "sign_for": "unit_handler",
    "send_back": "unit_handler",
    "approve_escalation": "town_leader",
    "deny_escalation": "town_leader",
    "grant_extension": "town_leader",
    "supervise": "town_leader",
    "reopen": "town_leader",
    "assess_risk": "town_leader",
}

# One allowed state per action, for the refusal tests that need the state check to pass.
FROM_STATE = {
    "request_materials": State.REGISTERED,
    "supplement": State.AWAITING_MATERIALS,
    "accept": State.REGISTERED,
    "reject": State.REGISTERED,
    "return_to_sender": State.REGISTERED,
    "dispatch": State.ACCEPTED,
    "delegate_down": State.ACCEPTED,
    "sign_for": State.DISPATCHED,
    "send_back": State.DISPATCHED,
    "assign": State.ACCEPTED,
    "record_session": State.IN_PROGRESS,
    "propose_escalation": State.IN_PROGRESS,
    "approve_escalation": State.ESCALATION_PENDING,
    "deny_escalation": State.ESCALATION_PENDING,
    "request_extension": State.IN_PROGRESS,
    "grant_extension": State.IN_PROGRESS,
    "supervise": State.IN_PROGRESS,
    "urge": State.IN_PROGRESS,
    "resolve": State.IN_PROGRESS,
    "notify_result": State.RESOLVED,
    "follow_up": State.RESOLVED,
    "reopen": State.RESOLVED,
    "close": State.RESOLVED,
    "archive": State.CLOSED,
    "merge_duplicate": State.REGISTERED,
    "link_related": State.ACCEPTED,
    "assess_risk": State.IN_PROGRESS,
}

# In scope, lacking every allowed role (approve/deny: a village case is reviewed by the town,
# whose mediator is in scope but may not decide; for a town case the scope itself needs a leader).
WITHOUT_ROLE = {name: "town_mediator" for name in ACTIONS_ON_A_CASE} | {
    "sign_for": "unit_analyst",
    "send_back": "unit_analyst",
    "record_session": "town_analyst",
    "propose_escalation": "town_analyst",
    "request_extension": "town_analyst",
    "grant_extension": "town_clerk",
    "supervise": "town_clerk",
    "reopen": "town_clerk",
    "resolve": "town_analyst",
    "notify_result": "town_analyst",
    "follow_up": "town_analyst",
    "link_related": "town_grid",
    "assess_risk": "town_clerk",
}
HELD_AT_VILLAGE = {"approve_escalation", "deny_escalation"}

# Where no one at all is in scope, so the state check is never reached: units only act on cases
# dispatched to them, and only a pending escalation has someone to decide it.
NO_ONE_IN_SCOPE = {
    (name, state)
    for name in ("sign_for", "send_back")
    for state in (State.REGISTERED, State.AWAITING_MATERIALS, State.ACCEPTED, State.REJECTED)
} | {
    (name, state)
    for name in ("approve_escalation", "deny_escalation")
    for state in State.values
    if state != State.ESCALATION_PENDING
}


def table_args(cast, other_case):
    """Valid data for each action (the refusals under test come before the data is used)."""
    return {
        "request_materials": {"items": ["身份证复印件"]},
        "supplement": {"note": "已补交身份证复印件"},
        "accept": {},
        "reject": {"reason": "不属于人民调解受理范围", "other_route": "向人民法院起诉"},
        "return_to_sender": {"reason": "不属于本中心职责"},
        "dispatch": {"units": [cast.unit], "lead": cast.unit},
        "delegate_down": {"centre": cast.village, "note": "由村级先行调处"},
        "sign_for": {},
        "send_back": {"reason": "不属于本单位职责"},
        "assign": {"handler": cast.town_mediator},
        "record_session": {
            "held_at": clock.now() - timedelta(hours=1),
            "place": "调解室",
            "participants": "双方当事人",
            "applicant_account": "要求清理杂物",
            "result": "双方未达成一致",
        },
        "propose_escalation": {"opinion": "涉及县级部门职责"},
        "approve_escalation": {},
        "deny_escalation": {"reason": "本级可以化解"},
        "request_extension": {"days": 10, "reason": "需现场勘验"},
        "grant_extension": {"approve": True},
        "supervise": {"due": clock.today() + timedelta(days=7), "note": "请限期办结"},
        "urge": {"note": "请尽快办理"},
        "resolve": {"outcome": "handled", "summary": "已协调处理"},
        "notify_result": {"method": "phone"},
        "follow_up": {"method": "phone", "satisfaction": "satisfied"},
        "reopen": {"reason": "当事人不满意"},
        "close": {},
        "archive": {},
        "merge_duplicate": {"into": other_case},
        "link_related": {"other": other_case},
        "assess_risk": {"level": "orange", "reason": "当事人情绪激动，扬言到省里上访"},
    }


def test_the_tables_here_cover_every_action_of_the_registry(cast):
    names = set(ACTIONS_ON_A_CASE)
    assert set(table_args(cast, None)) == names
    assert set(ACTOR) == set(FROM_STATE) == set(WITHOUT_ROLE) == names
    for name in names:
        assert FROM_STATE[name] in REGISTRY[name].from_states, name
    assert REGISTRY[Action.REGISTER].from_states == frozenset()


# --- states: every action outside its from_states is refused -----------------------------


@pytest.mark.parametrize("state", State.values)
def test_action_outside_its_from_states_is_refused_as_invalid_state_and_changes_nothing(
    cast, state
):
    case = case_in_state(cast, state)
    args = table_args(cast, register(cast.town_clerk))
    mismatches, checked = [], 0
    for name in ACTIONS_ON_A_CASE:
        spec = REGISTRY[name]
        if state in spec.from_states:
            continue
        error = refused(case, name, getattr(cast, ACTOR[name]), **args[name])
        if (name, state) in NO_ONE_IN_SCOPE:
            expected = ("out_of_scope", spec.scope_message)
        else:
            checked += 1
            label = f"事项当前为“{State(state).label}”，不能进行“{Action(name).label}”操作"
            expected = ("invalid_state", label)
        if (error.code, error.message) != expected:
            mismatches.append(f"{name}: got {(error.code, error.message)}, expected {expected}")
    assert mismatches == []
    assert checked > 0


@pytest.mark.parametrize(
    "state", [State.REGISTERED, State.ACCEPTED, State.IN_PROGRESS, State.ARCHIVED]
)
def test_unit_and_escalation_actions_have_no_one_in_scope_where_the_table_says_so(crew, state):
    case = Case.objects.get(pk=case_in_state(crew, state).pk)
    people = [
        crew.town_clerk,
        crew.town_mediator,
        crew.town_leader,
        crew.county_clerk,
        crew.county_leader,
        crew.county_supervisor,
        crew.village_clerk,
        crew.unit_handler,
        crew.unit_analyst,
        crew.other_unit_handler,
        crew.other_town_clerk,
    ]
    for name in ("sign_for", "send_back", "approve_escalation", "deny_escalation"):
        in_scope = [p.username for p in people if REGISTRY[name].scope(p, case)]
        if (name, state) in NO_ONE_IN_SCOPE:
            assert in_scope == [], name
        else:
            assert in_scope, name


# --- roles, jurisdiction, administrators ---------------------------------------------------


@pytest.mark.parametrize("name", ACTIONS_ON_A_CASE)
def test_actor_in_scope_without_an_allowed_role_is_refused(crew, name):
    clerk = crew.village_clerk if name in HELD_AT_VILLAGE else crew.town_clerk
    case = case_in_state(crew, FROM_STATE[name], clerk=clerk)
    actor, spec = getattr(crew, WITHOUT_ROLE[name]), REGISTRY[name]
    assert spec.scope(actor, Case.objects.get(pk=case.pk)) and not spec.roles & actor.roles
    error = refused(case, name, actor, **table_args(crew, register(crew.town_clerk))[name])
    assert error.code == "role_not_allowed"
    assert f"您的角色不能进行“{Action(name).label}”操作" in error.message


def test_register_by_a_role_that_may_not_register_is_refused(crew):
    cases = Case.objects.count()
    with pytest.raises(CaseError) as info:
        register(crew.town_analyst, crew.town_region)
    assert (
        info.value.code == "role_not_allowed" and "您的角色不能进行“登记”操作" in info.value.message
    )
    assert Case.objects.count() == cases


@pytest.mark.parametrize("name", ACTIONS_ON_A_CASE)
def test_other_town_clerk_is_refused_as_out_of_scope(cast, name):
    case = case_in_state(cast, FROM_STATE[name])
    error = refused(
        case, name, cast.other_town_clerk, **table_args(cast, register(cast.town_clerk))[name]
    )
    assert (error.code, error.message) == ("out_of_scope", REGISTRY[name].scope_message)


@pytest.mark.parametrize("name", ACTIONS_ON_A_CASE)
def test_administrator_cannot_act_on_a_case(cast, name):
    case = case_in_state(cast, FROM_STATE[name])
    error = refused(case, name, cast.sysadmin, **table_args(cast, register(cast.town_clerk))[name])
    assert error.code == "admin_cannot_act" and "管理员账户不能办理事项" in error.message


def test_other_town_clerk_cannot_register_a_place_in_this_town(cast):
    with pytest.raises(CaseError) as info:
        register(cast.other_town_clerk, cast.town_region)
    assert info.value.code == "place_out_of_scope" and not Case.objects.exists()


@pytest.mark.parametrize("admin", ["sysadmin", "secadmin", "auditadmin"])
def test_administrators_cannot_register(cast, admin):
    with pytest.raises(CaseError) as info:
        perform(None, "register", getattr(cast, admin), **case_data(cast.town_region))
    assert info.value.code == "admin_cannot_act" and not Case.objects.exists()
