"""Rules inside the actions (what an allowed action still refuses), bad input and idempotency:
every refusal has a Chinese message and a code, and changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jiefen.cases.choices import State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.cases.models import (
    Attachment,
    Case,
    CaseEvent,
    CaseLink,
    CaseUnit,
    FollowUp,
    Party,
)
from tests.cases.factories import case_data, in_progress_at_centre, register, session_with_agreement
from tests.cases.lifecycle import add_crew, case_in_state, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def crew(cast):
    return add_crew(cast)


# --- allowed actions that still refuse bad requests -----------------------------------------


def test_town_clerk_cannot_approve_a_town_escalation_only_the_town_leader_can(cast):
    case = perform(
        in_progress_at_centre(cast.town_clerk, cast.town_mediator),
        "propose_escalation",
        cast.town_clerk,
        opinion="涉及县级部门职责",
    )
    error = refused(case, "approve_escalation", cast.town_clerk)
    assert (error.code, error.message) == ("out_of_scope", "您无权审批该事项的提级")
    # the county leader is not the holding centre's leader
    error = refused(case, "approve_escalation", cast.county_leader)
    assert error.code == "out_of_scope"


def test_village_escalation_is_decided_by_the_town_and_denial_returns_to_the_prior_state(cast):
    case = perform(
        case_in_state(cast, State.ACCEPTED, clerk=cast.village_clerk),
        "propose_escalation",
        cast.village_clerk,
        opinion="村级难以调处",
    )
    assert refused(case, "deny_escalation", cast.village_clerk, reason="x").code == "out_of_scope"
    case = perform(case, "deny_escalation", cast.town_clerk, reason="请村级继续调处")
    assert (case.state, case.centre) == (State.ACCEPTED, cast.village)


def test_assisting_unit_signing_does_not_start_handling(crew):
    case = perform(
        case_in_state(crew, State.ACCEPTED),
        "dispatch",
        crew.town_clerk,
        units=[crew.unit, crew.other_unit],
        lead=crew.unit,
    )
    case = perform(case, "sign_for", crew.other_unit_handler)
    assert case.state == State.DISPATCHED and case.handler is None
    case = perform(case, "sign_for", crew.unit_handler)
    assert case.state == State.IN_PROGRESS and case.handler == crew.unit_handler
    assert refused(case, "sign_for", crew.unit_handler).code == "already_signed"


def test_resolve_failed_mediation_without_a_route_is_refused(cast):
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator)
    error = refused(case, "resolve", cast.town_mediator, outcome="failed", summary="双方分歧较大")
    assert error.code == "route_required" and "须告知当事人可选择的其他途径" in error.message


def test_resolve_as_agreement_without_a_recorded_agreement_is_refused(cast):
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator)
    error = refused(case, "resolve", cast.town_mediator, outcome="agreement", summary="达成协议")
    assert error.code == "agreement_missing" and "尚未录入调解协议" in error.message
    case = session_with_agreement(case, cast.town_mediator)
    assert (
        perform(case, "resolve", cast.town_mediator, outcome="agreement", summary="达成协议").state
        == State.RESOLVED
    )


def test_resolve_by_an_assisting_unit_is_refused(crew):
    case = perform(
        case_in_state(crew, State.ACCEPTED),
        "dispatch",
        crew.town_clerk,
        units=[crew.unit, crew.other_unit],
        lead=crew.unit,
    )
    case = perform(
        perform(case, "sign_for", crew.unit_handler), "sign_for", crew.other_unit_handler
    )
    assert (
        refused(case, "resolve", crew.other_unit_handler, outcome="handled", summary="x").code
        == "out_of_scope"
    )


def test_notify_result_twice_is_refused(cast):
    case = perform(
        case_in_state(cast, State.RESOLVED), "notify_result", cast.town_clerk, method="phone"
    )
    error = refused(case, "notify_result", cast.town_clerk, method="sms")
    assert error.code == "already_notified" and error.message == "已告知过办理结果"


def test_follow_up_before_the_result_was_told_is_refused(cast):
    case = case_in_state(cast, State.RESOLVED)
    error = refused(case, "follow_up", cast.town_clerk, method="phone", satisfaction="satisfied")
    assert error.code == "not_notified" and "请先告知当事人办理结果" in error.message
    assert not FollowUp.objects.exists()


def test_reopen_is_only_for_a_dissatisfied_party(cast):
    case = perform(
        case_in_state(cast, State.RESOLVED), "notify_result", cast.town_clerk, method="phone"
    )
    assert refused(case, "reopen", cast.town_leader, reason="x").code == "not_dissatisfied"
    case = perform(case, "follow_up", cast.town_clerk, method="phone", satisfaction="basically")
    error = refused(case, "reopen", cast.town_leader, reason="x")
    assert error.code == "not_dissatisfied" and "只有回访不满意的事项才能重新办理" in error.message


def test_close_needs_the_result_told_and_the_follow_up_done(cast):
    case = case_in_state(cast, State.RESOLVED)
    assert refused(case, "close", cast.town_clerk).code == "not_notified"
    case = perform(case, "notify_result", cast.town_clerk, method="phone")
    error = refused(case, "close", cast.town_clerk)
    assert error.code == "not_followed_up" and error.message == "尚未回访，不能结案"
    case = perform(case, "follow_up", cast.town_clerk, method="phone", satisfaction="dissatisfied")
    # closing over 不满意 needs an explanation
    assert refused(case, "close", cast.town_clerk).code == "required"
    case = perform(case, "close", cast.town_clerk, note="已解释，当事人保留意见")
    assert case.state == State.CLOSED


def test_link_related_a_second_time_is_refused_either_way(cast):
    case, other = register(cast.town_clerk), register(cast.town_clerk)
    perform(case, "link_related", cast.town_clerk, other=other)
    assert refused(case, "link_related", cast.town_clerk, other=other).code == "already_linked"
    assert refused(other, "link_related", cast.town_clerk, other=case).code == "already_linked"
    assert CaseLink.objects.count() == 2


def test_merge_into_itself_or_into_a_closed_case_is_refused(cast):
    case = register(cast.town_clerk)
    assert refused(case, "merge_duplicate", cast.town_clerk, into=case).code == "merge_self"
    closed = case_in_state(cast, State.CLOSED)
    assert (
        refused(case, "merge_duplicate", cast.town_clerk, into=closed).code == "merge_target_closed"
    )
    foreign = register(cast.other_town_clerk)
    assert refused(case, "merge_duplicate", cast.town_clerk, into=foreign).code == "case_not_found"


def test_return_to_sender_is_only_for_cases_another_body_sent(cast):
    case = case_in_state(cast, State.REGISTERED)  # walk-in
    error = refused(case, "return_to_sender", cast.town_clerk, reason="不属于本中心职责")
    assert error.code == "not_sent_case" and "只有部门移送" in error.message


def test_dispatch_needs_its_lead_among_the_units(cast):
    case = case_in_state(cast, State.ACCEPTED)
    error = refused(case, "dispatch", cast.town_clerk, units=[cast.other_unit], lead=cast.unit)
    assert error.code == "lead_not_in_units"
    assert not CaseUnit.objects.filter(case=case).exists()


# --- bad input changes nothing ------------------------------------------------------------


def _counts():
    return tuple(model.objects.count() for model in (Case, Party, Attachment, CaseEvent))


BAD_REGISTRATIONS = {
    "invalid_id_checksum": (
        lambda c: {
            "parties": [{"role": "applicant", "name": "王建国", "id_number": "110105199003071238"}]
        },
        "citizen_id_checksum",
        "身份证号码校验位不正确",
    ),
    "empty_description": (lambda c: {"description": "   "}, "required", "请填写事项概要"),
    "place_outside_jurisdiction": (
        lambda c: {"region": c.other_village_region},
        "place_out_of_scope",
        "事发地不在本中心辖区内",
    ),
    "unknown_field": (lambda c: {"colour": "red"}, "unknown_field", "colour"),
    "missing_field": (lambda c: {"description": None}, "missing_field", "description"),
    "oversized_file": (
        lambda c: {"files": [SimpleUploadedFile("证据.pdf", b"%PDF" + b"x" * (2 * 1024 * 1024))]},
        "file_too_large",
        "超过 1 MB 的上限",
    ),
    "wrong_file_type": (
        lambda c: {"files": [SimpleUploadedFile("setup.exe", b"MZ\x90\x00")]},
        "file_type",
        "不支持的文件类型",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_REGISTRATIONS))
def test_bad_registration_gets_a_clear_message_and_changes_nothing(cast, settings, kind):
    settings.JIEFEN_UPLOAD_MAX_MB = 1
    build, code, fragment = BAD_REGISTRATIONS[kind]
    overrides = build(cast)
    data = case_data(overrides.pop("region", cast.town_region), **overrides)
    data = {k: v for k, v in data.items() if v is not None}
    before = _counts()
    with pytest.raises(CaseError) as info:
        perform(None, "register", cast.town_clerk, **data)
    assert info.value.code == code and fragment in info.value.message
    assert _counts() == before


def test_a_good_registration_with_a_file_stores_it_on_the_register_event(cast, settings):
    settings.JIEFEN_UPLOAD_MAX_MB = 1
    case = register(cast.town_clerk, files=[SimpleUploadedFile("申请书.pdf", b"%PDF-1.4 small")])
    attachment = Attachment.objects.get(case=case)
    assert attachment.event == CaseEvent.objects.get(case=case, seq=1) and attachment.size == 14


# --- idempotency --------------------------------------------------------------------------


def test_same_idempotency_key_twice_returns_the_same_case_and_writes_one_event(cast):
    data = case_data(cast.town_region)
    first = perform(None, "register", cast.town_clerk, idempotency_key="reg-1", **data)
    again = perform(None, "register", cast.town_clerk, idempotency_key="reg-1", **data)
    assert again.pk == first.pk and Case.objects.count() == 1
    perform(first, "urge", cast.town_clerk, idempotency_key="urge-1", note="请尽快办理")
    case = perform(first, "urge", cast.town_clerk, idempotency_key="urge-1", note="请尽快办理")
    case.refresh_from_db()
    assert case.urge_count == 1 and case.event_count == 2
    assert CaseEvent.objects.filter(idempotency_key__in=["reg-1", "urge-1"]).count() == 2


def test_reusing_an_idempotency_key_for_another_action_is_a_conflict(cast):
    case = perform(
        None, "register", cast.town_clerk, idempotency_key="k-1", **case_data(cast.town_region)
    )
    error = refused(case, "accept", cast.town_clerk, idempotency_key="k-1")
    assert error.code == "idempotency_conflict" and error.message == "该幂等键已用于另一项操作"


def test_reusing_an_idempotency_key_on_another_case_is_a_conflict(cast):
    first, second = register(cast.town_clerk), register(cast.town_clerk)
    perform(first, "urge", cast.town_clerk, idempotency_key="urge-k", note="请尽快办理")
    error = refused(second, "urge", cast.town_clerk, idempotency_key="urge-k", note="请尽快办理")
    assert error.code == "idempotency_conflict"
    assert Case.objects.get(pk=second.pk).urge_count == 0


def test_the_table_refusal_order_is_scope_then_role_then_state(cast):
    # an archived case: the other town's clerk fails on scope first, the town mediator on role
    case = case_in_state(cast, State.ARCHIVED)
    assert (
        refused(case, "dispatch", cast.other_town_clerk, units=[cast.unit], lead=cast.unit).code
        == "out_of_scope"
    )
    assert (
        refused(case, "dispatch", cast.town_mediator, units=[cast.unit], lead=cast.unit).code
        == "role_not_allowed"
    )
