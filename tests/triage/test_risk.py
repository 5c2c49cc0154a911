"""The risk score: every signal on its own, the colour thresholds, configuration, the automatic
assessment after case actions, the analyst's floor, the daily sweep and the warnings."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command

from jiefen.cases.kernel import perform
from jiefen.cases.models import CaseEvent
from jiefen.core import clock
from jiefen.core.errors import DomainError
from jiefen.core.models import AuditEntry
from jiefen.org import services
from jiefen.org.roles import Role
from jiefen.triage import risk, warnings
from jiefen.triage.models import RiskPolicy, RiskSignal, RiskWarning
from jiefen.triage.risk import Facts, assess
from tests.cases.factories import accepted, in_progress_at_centre, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(cast):
    return services.create_staff(
        username="analyst",
        full_name="研判员",
        password=cast.password,
        roles=[Role.ANALYST],
        centre=cast.town,
        must_change_password=False,
    )


def codes(assessment):
    return [h.code for h in assessment.hits]


# --- each signal -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "facts, expected_codes, points",
    [
        (Facts(people=9), [], 0),
        (Facts(people=10), ["people_10"], 25),
        (Facts(people=30), ["people_10", "people_30"], 40),
        (Facts(people=100), ["people_10", "people_30", "people_100"], 55),
        (Facts(is_group=True), ["group"], 10),
        (Facts(amount=Decimal("99999")), [], 0),
        (Facts(amount=Decimal("100000")), ["amount_100k"], 15),
        (Facts(amount=Decimal("1200000")), ["amount_100k", "amount_1m"], 25),
        (Facts(text="被申请人扬言要让申请人一家好看"), ["threat"], 40),
        (Facts(text="老人称儿子再不给赡养费就喝农药"), ["self_harm"], 45),
        (Facts(text="双方争执时对方持刀追赶"), ["weapon"], 40),
        (Facts(text="二十余名工人在项目部门口聚集讨薪"), ["gathering"], 30),
        (Facts(text="申请人表示如不解决就进京反映"), ["petition_higher"], 25),
        (Facts(earlier_visits=1), [], 0),
        (Facts(earlier_visits=2), ["repeat_visits"], 15),
        (Facts(repeated_petitions=1), ["repeat_petitions"], 15),
        (Facts(failed_mediation=True), ["failed_mediation"], 15),
        (Facts(dissatisfied=True), ["dissatisfied"], 15),
        (Facts(overdue_days=0), [], 0),
        (Facts(overdue_days=3), ["overdue"], 10),
        (Facts(text="邻居家空调外机噪音扰民，要求移位"), [], 0),
    ],
)
def test_each_signal_alone(facts, expected_codes, points):
    result = assess(facts)
    assert codes(result) == expected_codes
    assert result.score == points


def test_levels_follow_the_default_thresholds():
    assert assess(Facts()).level == "none"
    assert assess(Facts(overdue_days=5)).level == "blue"  # 10
    assert assess(Facts(people=10)).level == "yellow"  # 25
    assert assess(Facts(text="扬言报复")).level == "yellow"  # 40
    assert assess(Facts(text="扬言要喝农药")).level == "red"  # 40 + 45
    assert assess(Facts(text="要去北京上访", people=10)).level == "orange"  # 25 + 25


def test_a_threat_with_thirty_people_is_red_and_the_explanation_lists_the_signals():
    result = assess(Facts(text="三十名工人讨薪，带头人扬言要跳楼", people=30, is_group=True))
    assert result.level == "red"
    assert result.explanation.startswith("涉及人数较多：涉及 30 人（不少于 10 人）（+25）")
    assert "扬言威胁：出现“扬言”（+40）" in result.explanation
    assert "自伤自杀倾向：出现“跳楼”（+45）" in result.explanation


def test_thresholds_are_configurable():
    RiskPolicy.objects.update(red_min=90, orange_min=60, yellow_min=30, blue_min=5)
    risk.forget()
    assert assess(Facts(text="扬言报复", people=30)).level == "orange"  # 80
    assert assess(Facts(overdue_days=1)).level == "blue"


def test_thresholds_must_rise_from_blue_to_red():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        RiskPolicy.objects.update(red_min=10, orange_min=45)


def test_signal_weights_words_and_switches_are_configurable():
    RiskSignal.objects.filter(code="threat").update(weight=70, keywords="讨说法")
    RiskSignal.objects.filter(code="people_10").update(enabled=False)
    risk.forget()
    result = assess(Facts(text="扬言去讨说法", people=12))
    assert codes(result) == ["threat"] and result.score == 70 and result.level == "red"


# --- automatic assessment after actions --------------------------------------------------------


def test_registration_with_a_threat_and_thirty_people_lands_red_with_a_warning(cast):
    case = register(
        cast.town_clerk,
        description="三十名村民因征地补偿未到位聚集在村委会，其中一人扬言要报复村干部。",
        people_count=30,
    )
    case.refresh_from_db()
    assert case.risk_level == "red" and case.risk_score >= 70
    events = list(CaseEvent.objects.filter(case=case).order_by("seq"))
    assert [e.action for e in events] == ["register", "assess_risk"]
    assessed = events[1]
    assert assessed.data["auto"] is True and assessed.data["from"] == "none"
    assert assessed.data["to"] == "red" and assessed.note == "系统自动研判"
    assert any("扬言" in s for s in assessed.data["signals"])
    warning = RiskWarning.objects.get(case=case)
    assert (warning.level, warning.status) == ("red", "open")
    assert any(s.startswith("聚集围堵") for s in warning.signals)


def test_a_plain_registration_writes_no_risk_event_and_no_warning(cast):
    case = register(cast.town_clerk)
    assert [e.action for e in case.events.all()] == ["register"]
    assert case.risk_level == "none" and not RiskWarning.objects.exists()


def test_the_clerks_level_at_registration_is_a_floor(cast):
    case = register(cast.town_clerk, risk_level="orange")
    case.refresh_from_db()
    assert (case.risk_level, case.risk_manual) == ("orange", "orange")
    assert [e.action for e in case.events.all()] == ["register"]


def test_yellow_and_blue_raise_no_warning(cast):
    case = register(cast.town_clerk, people_count=12)  # 25 + group flag 10 = 35: yellow
    case.refresh_from_db()
    assert case.risk_level == "yellow"
    assert not RiskWarning.objects.exists()


def test_a_repeat_visitor_scores_on_the_third_visit(cast):
    first, second = register(cast.town_clerk), register(cast.town_clerk)
    for c in (first, second):
        c.refresh_from_db()
        assert c.risk_level == "none"
    third = register(cast.town_clerk)
    third.refresh_from_db()
    assert third.risk_level == "blue"
    assert codes(risk.assess_case(third)) == ["repeat_visits"]


def test_another_person_with_the_same_name_is_not_a_repeat_visitor(cast):
    other_id = "11010519850612123X"
    register(cast.town_clerk)
    register(cast.town_clerk)
    third = register(
        cast.town_clerk,
        parties=[
            {"role": "applicant", "name": "王建国", "id_number": other_id, "phone": "13700000000"}
        ],
    )
    assert codes(risk.assess_case(third)) == []


def test_failed_mediation_and_dissatisfaction_raise_the_score(cast):
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator)
    case = perform(
        case,
        "record_session",
        cast.town_mediator,
        held_at=clock.now() - timedelta(hours=1),
        place="调解室",
        participants="双方",
        applicant_account="要求赔偿",
        result="双方分歧较大",
    )
    assert codes(risk.assess_case(case)) == ["failed_mediation"]
    assert case.risk_level == "blue"
    case = perform(
        case,
        "resolve",
        cast.town_mediator,
        outcome="failed",
        summary="调解不成",
        route="litigation",
    )
    case = perform(case, "notify_result", cast.town_clerk, method="phone")
    case = perform(case, "follow_up", cast.town_clerk, method="phone", satisfaction="dissatisfied")
    assert codes(risk.assess_case(case)) == ["failed_mediation", "dissatisfied"]
    case.refresh_from_db()
    assert case.risk_level == "yellow"


def test_linked_cases_count_as_repeated_petitions(cast):
    case, other = accepted(cast.town_clerk), register(cast.town_clerk)
    case = perform(case, "link_related", cast.town_clerk, other=other, note="同一事项再次反映")
    assert "repeat_petitions" in codes(risk.assess_case(case))


def test_an_analyst_sets_a_floor_the_automatic_assessment_keeps(cast, analyst):
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator)
    case = perform(case, "assess_risk", analyst, level="orange", reason="当事人情绪激动")
    warning = RiskWarning.objects.get(case=case)
    assert warning.level == "orange" and warning.signals == ["人工研判：当事人情绪激动"]
    case = perform(case, "urge", cast.town_leader, note="请尽快办理")
    case.refresh_from_db()
    assert case.risk_level == "orange"  # nothing computed, the floor holds


def test_the_daily_sweep_raises_overdue_cases(cast):
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator)
    clock.travel(timedelta(days=60))
    call_command("assess_risk")
    case.refresh_from_db()
    assert case.risk_level == "blue"
    last = case.events.order_by("-seq").first()
    assert (last.action, last.data["auto"], last.actor.username) == (
        "assess_risk",
        True,
        "risk-990121",
    )
    assert any(s.startswith("办理超期") for s in last.data["signals"])
    call_command("assess_risk")  # nothing new: no second event
    assert case.events.count() == last.seq


# --- warnings ---------------------------------------------------------------------------------


def _red_case(cast):
    return register(
        cast.town_clerk, description="申请人扬言要带汽油去对方家，同归于尽。", people_count=3
    )


def test_a_warning_is_raised_once_while_it_is_live(cast):
    case = _red_case(cast)
    assert RiskWarning.objects.filter(case=case).count() == 1
    perform(case, "accept", cast.town_clerk)
    assert RiskWarning.objects.filter(case=case).count() == 1


def test_analyst_acknowledges_then_handles_and_both_steps_are_audited(cast, analyst):
    case = _red_case(cast)
    warning = RiskWarning.objects.get(case=case)
    warnings.acknowledge(analyst, warning)
    warning.refresh_from_db()
    assert (warning.status, warning.acknowledged_by) == ("acknowledged", analyst)
    with pytest.raises(DomainError, match="该预警已签收"):
        warnings.acknowledge(analyst, warning)
    with pytest.raises(DomainError, match="请填写处置措施"):
        warnings.handle(analyst, warning, measures="  ")
    warnings.handle(analyst, warning, measures="已约谈双方，派出所民警参与稳控")
    warning.refresh_from_db()
    assert warning.status == "handled" and warning.measures.startswith("已约谈")
    entries = AuditEntry.objects.filter(event="risk_warning").order_by("seq")
    assert [e.target for e in entries] == [f"case:{case.number}:warning:{warning.pk}"] * 2


def test_a_clerk_may_not_handle_a_warning_and_nothing_changes(cast):
    warning = RiskWarning.objects.get(case=_red_case(cast))
    with pytest.raises(DomainError, match="只有研判员、督查员或中心领导可以处理风险预警"):
        warnings.handle(cast.town_clerk, warning, measures="已处理")
    warning.refresh_from_db()
    assert warning.status == "open" and warning.measures == ""
