"""The whole lifecycle through the one door, and what each step leaves behind."""

import pytest

from jiefen.cases.chains import verify_all
from jiefen.cases.choices import State
from jiefen.cases.kernel import perform
from jiefen.cases.models import CaseEvent, OutboxMessage
from jiefen.cases.selectors import visible_cases
from tests.cases.factories import register, session_with_agreement

pytestmark = pytest.mark.django_db


def test_village_case_escalates_to_county_and_is_archived(cast):
    case = register(cast.village_clerk)
    assert case.state == State.REGISTERED and case.number.startswith("990121-")
    assert len(case.query_code) == 8 and case.query_code_hash
    case = perform(case, "accept", cast.village_clerk)
    case = perform(case, "propose_escalation", cast.village_clerk, opinion="涉及多户，村级难以调处")
    assert case.state == State.ESCALATION_PENDING
    case = perform(case, "approve_escalation", cast.town_clerk, note="同意")
    assert (case.state, case.centre, case.level) == (State.ACCEPTED, cast.town, "town")
    case = perform(case, "propose_escalation", cast.town_clerk, opinion="涉及县级部门职责")
    case = perform(case, "approve_escalation", cast.town_leader)
    assert (case.centre, case.level) == (cast.county, "county")
    case = perform(
        case, "dispatch", cast.county_clerk, units=[cast.unit, cast.other_unit], lead=cast.unit
    )
    assert case.state == State.DISPATCHED
    case = perform(case, "sign_for", cast.unit_handler)
    assert case.state == State.IN_PROGRESS and case.handler == cast.unit_handler
    case = session_with_agreement(case, cast.unit_handler)
    case = perform(
        case, "resolve", cast.unit_handler, outcome="agreement", summary="双方达成协议并已履行"
    )
    case = perform(case, "notify_result", cast.county_clerk, method="phone")
    case = perform(case, "follow_up", cast.county_clerk, method="phone", satisfaction="satisfied")
    case = perform(case, "close", cast.county_clerk)
    case = perform(case, "archive", cast.county_clerk)
    assert case.state == State.ARCHIVED
    actions = list(
        CaseEvent.objects.filter(case=case).order_by("seq").values_list("action", flat=True)
    )
    assert actions == [
        "register",
        "accept",
        "propose_escalation",
        "approve_escalation",
        "propose_escalation",
        "approve_escalation",
        "dispatch",
        "sign_for",
        "record_session",
        "resolve",
        "notify_result",
        "follow_up",
        "close",
        "archive",
    ]
    assert list(verify_all()) == []
    assert OutboxMessage.objects.filter(event__case=case, topic="party.accepted").exists()
    # the village and town that handed it up still see it; the other town does not
    for user in (cast.village_clerk, cast.town_clerk, cast.county_clerk, cast.unit_handler):
        assert visible_cases(user).filter(pk=case.pk).exists()
    assert not visible_cases(cast.other_town_clerk).filter(pk=case.pk).exists()
