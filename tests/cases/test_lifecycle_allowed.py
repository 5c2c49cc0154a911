"""Each action of the lifecycle table, once where it is allowed: the state it leads to, the
hash-linked event it writes and the fields it changes."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from jiefen.cases import actions  # noqa: F401  (importing the package fills REGISTRY)
from jiefen.cases.choices import State, UnitRole, UnitStatus
from jiefen.cases.kernel import REGISTRY, perform
from jiefen.cases.models import (
    Agreement,
    Case,
    CaseEvent,
    CaseLink,
    CaseUnit,
    CaseWatcher,
    Extension,
    FollowUp,
    MediationSession,
    Party,
    Supervision,
)
from jiefen.core import clock
from tests.cases.factories import case_data, in_progress_at_centre, register, session_with_agreement
from tests.cases.lifecycle import Snapshot, add_crew, assert_chained_event, case_in_state, topics

pytestmark = pytest.mark.django_db


@pytest.fixture
def crew(cast):
    return add_crew(cast)


# --- allowed: one positive scenario per action ---------------------------------------------

POSITIVE = {}


def positive(name):
    def declare(func):
        POSITIVE[name] = func
        return func

    return declare


@positive("register")
def _register(c):
    case = perform(None, "register", c.town_clerk, **case_data(c.village_region))
    assert (case.centre, case.level, case.place_code) == (
        c.town,
        "town",
        int(c.village_region.code),
    )
    assert case.first_responder == c.town_clerk and case.acceptance_due is not None
    assert len(case.query_code) == 8 and Party.objects.filter(case=case).count() == 2
    return Snapshot("", 0, "", None, 0), case, c.town_clerk, State.REGISTERED


@positive("request_materials")
def _request_materials(c):
    case = case_in_state(c, State.REGISTERED)
    before = Snapshot.of(case)
    case = perform(case, "request_materials", c.town_clerk, items=["身份证复印件", "现场照片"])
    case.refresh_from_db()
    assert case.missing_materials == ["身份证复印件", "现场照片"] and case.paused_at is not None
    assert topics(case) == ["party.materials_requested"]
    return before, case, c.town_clerk, State.AWAITING_MATERIALS


@positive("supplement")
def _supplement(c):
    case = case_in_state(c, State.AWAITING_MATERIALS)
    before = Snapshot.of(case)
    case = perform(case, "supplement", c.town_clerk, note="已补交身份证复印件和照片")
    case.refresh_from_db()
    assert case.missing_materials == [] and case.paused_at is None
    assert CaseEvent.objects.get(case=case, seq=before.event_count + 1).data["supplied"] == [
        "身份证复印件",
        "现场照片",
    ]
    return before, case, c.town_clerk, State.REGISTERED


@positive("accept")
def _accept(c):
    case = case_in_state(c, State.REGISTERED)
    before = Snapshot.of(case)
    case = perform(case, "accept", c.town_clerk)
    case.refresh_from_db()
    assert case.accepted_at is not None and case.handling_due is not None
    assert topics(case) == ["party.accepted"]
    return before, case, c.town_clerk, State.ACCEPTED


@positive("reject")
def _reject(c):
    case = case_in_state(c, State.REGISTERED)
    before = Snapshot.of(case)
    case = perform(
        case, "reject", c.town_clerk, reason="属于法院已受理的案件", other_route="向人民法院起诉"
    )
    case.refresh_from_db()
    assert (case.reject_reason, case.other_route) == ("属于法院已受理的案件", "向人民法院起诉")
    return before, case, c.town_clerk, State.REJECTED


@positive("return_to_sender")
def _return_to_sender(c):
    case = case_in_state(c, State.REGISTERED, channel="dept_transfer", source_unit=c.unit)
    before = Snapshot.of(case)
    case = perform(case, "return_to_sender", c.town_clerk, reason="不属于本中心职责")
    case.refresh_from_db()
    assert (case.reject_reason, case.other_route) == ("不属于本中心职责", "退回来源单位")
    assert topics(case) == ["sender.returned"]
    return before, case, c.town_clerk, State.REJECTED


@positive("dispatch")
def _dispatch(c):
    case = case_in_state(c, State.ACCEPTED)
    before = Snapshot.of(case)
    case = perform(case, "dispatch", c.town_clerk, units=[c.unit, c.other_unit], lead=c.unit)
    active = CaseUnit.objects.filter(case=case, active=True)
    assert active.count() == 2 and {u.status for u in active} == {UnitStatus.PENDING}
    assert [u.unit for u in active.filter(role=UnitRole.LEAD)] == [c.unit]
    case.refresh_from_db()
    assert case.sign_for_due is not None
    assert topics(case) == ["party.accepted", "unit.dispatched", "unit.dispatched"]
    return before, case, c.town_clerk, State.DISPATCHED


@positive("delegate_down")
def _delegate_down(c):
    case = case_in_state(c, State.ACCEPTED, region=c.village_region)
    before = Snapshot.of(case)
    case = perform(case, "delegate_down", c.town_clerk, centre=c.village, note="由村级先行调处")
    case.refresh_from_db()
    assert (case.centre, case.level, case.centre_code) == (
        c.village,
        "village",
        int(c.village_region.code),
    )
    assert CaseWatcher.objects.filter(case=case, centre=c.town, reason="delegated").exists()
    return before, case, c.town_clerk, State.ACCEPTED


@positive("sign_for")
def _sign_for(c):
    case = case_in_state(c, State.DISPATCHED)
    before = Snapshot.of(case)
    case = perform(case, "sign_for", c.unit_handler, note="已签收")
    case.refresh_from_db()
    assert case.handler == c.unit_handler
    assert CaseUnit.objects.get(case=case, active=True).status == UnitStatus.SIGNED
    return before, case, c.unit_handler, State.IN_PROGRESS


@positive("send_back")
def _send_back(c):
    case = case_in_state(c, State.ACCEPTED)
    case = perform(case, "dispatch", c.town_clerk, units=[c.unit, c.other_unit], lead=c.unit)
    before = Snapshot.of(case)
    case = perform(case, "send_back", c.unit_handler, reason="不属于本单位职责")
    case.refresh_from_db()
    assert (
        not CaseUnit.objects.filter(case=case, active=True).exists() and case.sign_for_due is None
    )
    lead = CaseUnit.objects.get(case=case, unit=c.unit)
    assert (lead.status, lead.returned_reason) == (UnitStatus.RETURNED, "不属于本单位职责")
    return before, case, c.unit_handler, State.ACCEPTED


@positive("assign")
def _assign(c):
    case = case_in_state(c, State.ACCEPTED)
    before = Snapshot.of(case)
    case = perform(case, "assign", c.town_clerk, handler=c.town_mediator)
    case.refresh_from_db()
    assert case.handler == c.town_mediator and "staff.assigned" in topics(case)
    return before, case, c.town_clerk, State.IN_PROGRESS


@positive("record_session")
def _record_session(c):
    case = in_progress_at_centre(c.town_clerk, c.town_mediator)
    before = Snapshot.of(case)
    case = session_with_agreement(case, c.town_mediator)
    session = MediationSession.objects.get(case=case)
    agreement = Agreement.objects.get(case=case)
    assert (
        session.succeeded and session.mediator == c.town_mediator and agreement.session == session
    )
    assert (
        agreement.judicial_confirmation_due is not None and agreement.number == f"{case.number}-X1"
    )
    return before, case, c.town_mediator, State.IN_PROGRESS


@positive("propose_escalation")
def _propose_escalation(c):
    case = in_progress_at_centre(c.town_clerk, c.town_mediator)
    before = Snapshot.of(case)
    case = perform(case, "propose_escalation", c.town_clerk, opinion="涉及县级部门职责")
    case.refresh_from_db()
    assert (case.escalation_target, case.escalation_from_state) == (c.county, State.IN_PROGRESS)
    assert case.centre == c.town
    return before, case, c.town_clerk, State.ESCALATION_PENDING


@positive("approve_escalation")
def _approve_escalation(c):
    case = perform(
        in_progress_at_centre(c.town_clerk, c.town_mediator),
        "propose_escalation",
        c.town_clerk,
        opinion="涉及县级部门职责",
    )
    before = Snapshot.of(case)
    case = perform(case, "approve_escalation", c.town_leader, note="同意提级")
    case.refresh_from_db()
    assert (case.centre, case.level, case.handler, case.escalation_target) == (
        c.county,
        "county",
        None,
        None,
    )
    assert CaseWatcher.objects.filter(case=case, centre=c.town, reason="escalated").exists()
    return before, case, c.town_leader, State.ACCEPTED


@positive("deny_escalation")
def _deny_escalation(c):
    case = perform(
        in_progress_at_centre(c.town_clerk, c.town_mediator),
        "propose_escalation",
        c.town_clerk,
        opinion="涉及县级部门职责",
    )
    before = Snapshot.of(case)
    case = perform(case, "deny_escalation", c.town_leader, reason="本级可以化解")
    case.refresh_from_db()
    assert (case.centre, case.handler, case.escalation_target, case.escalation_from_state) == (
        c.town,
        c.town_mediator,
        None,
        "",
    )
    return before, case, c.town_leader, State.IN_PROGRESS


@positive("request_extension")
def _request_extension(c):
    case = in_progress_at_centre(c.town_clerk, c.town_mediator)
    before = Snapshot.of(case)
    case = perform(case, "request_extension", c.town_mediator, days=10, reason="需现场勘验")
    extension = Extension.objects.get(case=case)
    assert (extension.status, extension.days, extension.requested_by) == (
        "pending",
        10,
        c.town_mediator,
    )
    return before, case, c.town_mediator, State.IN_PROGRESS


@positive("grant_extension")
def _grant_extension(c):
    clock.set_fixed(timezone.make_aware(datetime(2024, 9, 23, 10, 0)))
    case = in_progress_at_centre(c.town_clerk, c.town_mediator)
    assert case.handling_due.isoformat() == "2024-10-23"  # one month, a Wednesday
    case = perform(case, "request_extension", c.town_mediator, days=10, reason="需现场勘验")
    before = Snapshot.of(case)
    case = perform(case, "grant_extension", c.town_leader, approve=True, note="同意")
    case.refresh_from_db()
    # 10 days later is Saturday 2 November, rolled to Monday 4 November
    assert (case.handling_due.isoformat(), case.extended_days) == ("2024-11-04", 10)
    assert Extension.objects.get(case=case).status == "granted"
    return before, case, c.town_leader, State.IN_PROGRESS


@positive("supervise")
def _supervise(c):
    case = in_progress_at_centre(c.town_clerk, c.town_mediator)
    before = Snapshot.of(case)
    due = clock.today() + timedelta(days=5)
    case = perform(case, "supervise", c.county_supervisor, due=due, note="请五日内办结")
    case.refresh_from_db()
    assert case.is_supervised
    supervision = Supervision.objects.get(case=case)
    assert (supervision.kind, supervision.due, supervision.by) == (
        "supervise",
        due,
        c.county_supervisor,
    )
    return before, case, c.county_supervisor, State.IN_PROGRESS


@positive("urge")
def _urge(c):
    case = in_progress_at_centre(c.town_clerk, c.town_mediator)
    case = perform(case, "urge", c.town_leader, note="请尽快办理")
    before = Snapshot.of(case)
    case = perform(case, "urge", c.county_supervisor, note="再次催办")
    case.refresh_from_db()
    assert case.urge_count == 2 and Supervision.objects.filter(case=case, kind="urge").count() == 2
    return before, case, c.county_supervisor, State.IN_PROGRESS


@positive("resolve")
def _resolve(c):
    case = in_progress_at_centre(c.town_clerk, c.town_mediator)
    case = perform(
        case, "supervise", c.county_supervisor, due=clock.today() + timedelta(days=5), note="督办"
    )
    before = Snapshot.of(case)
    case = perform(
        case,
        "resolve",
        c.town_mediator,
        outcome="failed",
        route="litigation",
        summary="双方分歧较大",
    )
    case.refresh_from_db()
    assert (case.outcome, case.outcome_route, case.result_summary) == (
        "failed",
        "litigation",
        "双方分歧较大",
    )
    assert case.resolved_at is not None and case.follow_up_due is not None
    assert (
        not case.is_supervised
        and not Supervision.objects.filter(case=case, closed_at__isnull=True).exists()
    )
    return before, case, c.town_mediator, State.RESOLVED


@positive("notify_result")
def _notify_result(c):
    case = case_in_state(c, State.IN_PROGRESS)
    case = perform(case, "resolve", c.unit_handler, outcome="handled", summary="已处理")
    before = Snapshot.of(case)
    case = perform(case, "notify_result", c.town_clerk, method="phone")
    case.refresh_from_db()
    assert case.notified_at is not None and "party.result" in topics(case)
    return before, case, c.town_clerk, State.RESOLVED


@positive("follow_up")
def _follow_up(c):
    case = perform(case_in_state(c, State.RESOLVED), "notify_result", c.town_clerk, method="phone")
    before = Snapshot.of(case)
    case = perform(case, "follow_up", c.town_mediator, method="visit", satisfaction="basically")
    case.refresh_from_db()
    assert case.satisfaction == "basically"
    assert FollowUp.objects.get(case=case).by == c.town_mediator
    return before, case, c.town_mediator, State.RESOLVED


@positive("reopen")
def _reopen(c):
    case = perform(case_in_state(c, State.RESOLVED), "notify_result", c.town_clerk, method="phone")
    case = perform(case, "follow_up", c.town_clerk, method="phone", satisfaction="dissatisfied")
    before = Snapshot.of(case)
    case = perform(case, "reopen", c.town_leader, reason="当事人反映杂物未清理")
    case.refresh_from_db()
    assert (case.outcome, case.satisfaction, case.resolved_at, case.notified_at) == (
        "",
        "",
        None,
        None,
    )
    assert case.handling_due is not None
    return before, case, c.town_leader, State.IN_PROGRESS


@positive("close")
def _close(c):
    case = perform(case_in_state(c, State.RESOLVED), "notify_result", c.town_clerk, method="phone")
    case = perform(case, "follow_up", c.town_clerk, method="phone", satisfaction="satisfied")
    before = Snapshot.of(case)
    case = perform(case, "close", c.town_clerk)
    case.refresh_from_db()
    assert case.closed_at is not None
    return before, case, c.town_clerk, State.CLOSED


@positive("archive")
def _archive(c):
    case = case_in_state(c, State.CLOSED)
    before = Snapshot.of(case)
    case = perform(case, "archive", c.town_clerk)
    case.refresh_from_db()
    assert case.archived_at is not None
    return before, case, c.town_clerk, State.ARCHIVED


@positive("merge_duplicate")
def _merge_duplicate(c):
    original, duplicate = register(c.town_clerk), register(c.town_clerk)
    before = Snapshot.of(duplicate)
    case = perform(
        duplicate, "merge_duplicate", c.town_clerk, into=original, note="同一事项重复登记"
    )
    case.refresh_from_db()
    assert (case.outcome, case.merged_into, case.closed_at is not None) == (
        "merged",
        original,
        True,
    )
    assert Case.objects.get(pk=original.pk).state == State.REGISTERED
    return before, case, c.town_clerk, State.CLOSED


@positive("link_related")
def _link_related(c):
    case, other = case_in_state(c, State.ACCEPTED), register(c.town_clerk)
    before = Snapshot.of(case)
    case = perform(case, "link_related", c.town_clerk, other=other, note="同一当事人")
    assert set(CaseLink.objects.values_list("case_id", "other_id")) == {
        (case.pk, other.pk),
        (other.pk, case.pk),
    }
    assert Snapshot.of(other).event_count == 1  # the other case's history is not touched
    return before, case, c.town_clerk, State.ACCEPTED


@positive("assess_risk")
def _assess_risk(c):
    case = case_in_state(c, State.IN_PROGRESS)
    before = Snapshot.of(case)
    case = perform(
        case, "assess_risk", c.town_leader, level="orange", reason="当事人扬言到省里上访"
    )
    case.refresh_from_db()
    assert (case.risk_level, case.risk_manual) == ("orange", "orange")
    return before, case, c.town_leader, State.IN_PROGRESS


@pytest.mark.parametrize("name", sorted(POSITIVE))
def test_allowed_action_moves_the_case_and_writes_one_chained_event(crew, name):
    before, case, actor, to_state = POSITIVE[name](crew)
    assert_chained_event(before, case, name, actor, to_state)


def test_every_action_of_the_registry_has_a_positive_scenario():
    assert set(POSITIVE) == set(REGISTRY)
