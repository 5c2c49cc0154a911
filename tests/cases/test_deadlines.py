"""Deadlines from the policy table (DESIGN.md §3.5), counted with the 2024 holiday calendar.

Around the 2024 National Day holiday: Sunday 29 September and Saturday 12 October are make-up
working days; 1–7 October are off.
"""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from jiefen.cases import deadlines
from jiefen.cases.choices import Stage, State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.cases.models import CaseEvent, DeadlinePolicy, Extension
from jiefen.core import clock
from tests.cases.factories import accepted, category, in_progress_at_centre, register

pytestmark = pytest.mark.django_db


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in local (Asia/Shanghai) time."""
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


@pytest.fixture(autouse=True)
def _fresh_policy_cache():
    # a test that edits a policy row is rolled back without a post_save: drop what was cached
    deadlines.clear_cache()
    yield
    deadlines.clear_cache()


def accepted_on(cast, day: date, **overrides):
    clock.set_fixed(at(day))
    return accepted(cast.town_clerk, cast.town_region, **overrides)


# --- the seeded policy table ---------------------------------------------------------------


def test_seeded_policy_table_holds_the_legal_limits(db):
    labour = category("10")
    assert deadlines.limit_for("dispute", category("02").pk, Stage.HANDLING) == (1, "months")
    assert deadlines.limit_for("dispute", labour.pk, Stage.HANDLING) == (15, "calendar_days")
    assert deadlines.limit_for("petition", None, Stage.ACCEPTANCE) == (15, "calendar_days")
    assert deadlines.limit_for("petition", None, Stage.HANDLING) == (60, "calendar_days")
    assert deadlines.limit_for("legal_consult", None, Stage.HANDLING) == (3, "working_days")
    assert deadlines.limit_for("dispute", None, Stage.ACCEPTANCE) == (3, "working_days")
    assert deadlines.max_extension_days("petition", None) == 30
    assert deadlines.max_extension_days("dispute", None) is None
    assert DeadlinePolicy.objects.filter(basis__contains="人民调解").exists()


# --- due dates across the National Day holiday ---------------------------------------------


def test_dispute_handling_is_one_month_rolled_to_the_next_working_day(cast):
    case = accepted_on(cast, date(2024, 9, 27))
    assert case.handling_due == date(2024, 10, 28)  # 27 October is a Sunday
    case = accepted_on(cast, date(2024, 9, 5))
    assert case.handling_due == date(2024, 10, 8)  # 5 October is inside the holiday


def test_labour_dispute_handling_is_fifteen_calendar_days(cast):
    case = accepted_on(cast, date(2024, 9, 27), category=category("10"))
    assert case.handling_due == date(2024, 10, 12)  # a Saturday, but a make-up working day
    case = accepted_on(cast, date(2024, 9, 20), category=category("10"))
    assert case.handling_due == date(2024, 10, 8)  # 5 October is a holiday


def test_petition_acceptance_is_fifteen_days_and_handling_sixty(cast):
    clock.set_fixed(at(date(2024, 9, 27)))
    case = register(cast.town_clerk, matter_type="petition")
    assert case.acceptance_due == date(2024, 10, 12)
    case = perform(case, "accept", cast.town_clerk)
    assert case.handling_due == date(2024, 11, 26)


def test_legal_consultation_is_three_working_days_across_the_holiday(cast):
    case = accepted_on(cast, date(2024, 9, 27), matter_type="legal_consult")
    assert case.handling_due == date(2024, 10, 8)  # 29 Sep (make-up), 30 Sep, 8 Oct
    # the default acceptance rule is also 3 working days
    assert case.acceptance_due == date(2024, 10, 8)


# --- the one-time notice pauses the acceptance clock ---------------------------------------


def test_one_time_notice_pauses_the_acceptance_clock_until_the_party_supplements(cast):
    clock.set_fixed(at(date(2024, 9, 23)))  # a Monday
    case = register(cast.town_clerk)
    assert case.acceptance_due == date(2024, 9, 26)
    case = perform(case, "request_materials", cast.town_clerk, items=["身份证复印件"])
    clock.travel(timedelta(days=5))
    case = perform(case, "supplement", cast.town_clerk, note="已补交")
    # 26 September + 5 days = 1 October, a holiday: the first working day after is 8 October
    assert case.acceptance_due == date(2024, 10, 8) and case.paused_at is None
    assert CaseEvent.objects.get(case=case, action="supplement").data["paused_days"] == 5


def test_supplement_on_the_same_local_day_pauses_nothing(cast):
    # 07:30 in Shanghai is still the previous day in UTC: the pause is counted in local days
    clock.set_fixed(at(date(2024, 9, 23), 7, 30))
    case = perform(
        register(cast.town_clerk), "request_materials", cast.town_clerk, items=["身份证复印件"]
    )
    clock.travel(timedelta(hours=2))
    case = perform(case, "supplement", cast.town_clerk, note="当场补交")
    assert case.acceptance_due == date(2024, 9, 26)
    assert CaseEvent.objects.get(case=case, action="supplement").data["paused_days"] == 0


# --- extensions --------------------------------------------------------------------------


def test_petition_extension_is_capped_at_thirty_days_in_total(cast):
    clock.set_fixed(at(date(2024, 9, 27)))
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator, matter_type="petition")
    assert case.handling_due == date(2024, 11, 26)
    with pytest.raises(CaseError) as info:
        perform(case, "request_extension", cast.town_mediator, days=31, reason="需要会商")
    assert info.value.code == "out_of_range" and info.value.message == "延期天数应为 1–30 的整数"
    assert not Extension.objects.exists()

    case = perform(case, "request_extension", cast.town_mediator, days=20, reason="需要会商")
    case = perform(case, "grant_extension", cast.town_leader, approve=True)
    assert (case.handling_due, case.extended_days) == (date(2024, 12, 16), 20)
    with pytest.raises(CaseError) as info:
        perform(case, "request_extension", cast.town_mediator, days=11, reason="仍需会商")
    assert info.value.message == "延期天数应为 1–10 的整数"
    case = perform(case, "request_extension", cast.town_mediator, days=10, reason="仍需会商")
    case = perform(case, "grant_extension", cast.town_leader, approve=True)
    assert (case.handling_due, case.extended_days) == (date(2024, 12, 26), 30)
    with pytest.raises(CaseError) as info:
        perform(case, "request_extension", cast.town_mediator, days=1, reason="再延")
    assert (
        info.value.code == "extension_exhausted" and "已延期 30 天，达到上限" in info.value.message
    )


def test_granting_fewer_days_than_asked_moves_the_deadline_by_the_days_granted(cast):
    clock.set_fixed(at(date(2024, 9, 23)))
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator)
    assert case.handling_due == date(2024, 10, 23)
    case = perform(case, "request_extension", cast.town_mediator, days=15, reason="需现场勘验")
    with pytest.raises(CaseError):
        perform(case, "grant_extension", cast.town_leader, approve=True, days=16)
    case = perform(case, "grant_extension", cast.town_leader, approve=True, days=5)
    assert (case.handling_due, case.extended_days) == (date(2024, 10, 28), 5)  # 28 Oct, a Monday
    assert Extension.objects.get(case=case).days == 5


def test_denied_extension_leaves_the_deadline_and_needs_a_reason(cast):
    clock.set_fixed(at(date(2024, 9, 23)))
    case = perform(
        in_progress_at_centre(cast.town_clerk, cast.town_mediator),
        "request_extension",
        cast.town_mediator,
        days=10,
        reason="需现场勘验",
    )
    with pytest.raises(CaseError) as info:
        perform(case, "grant_extension", cast.town_leader, approve=False)
    assert info.value.code == "required"
    case = perform(case, "grant_extension", cast.town_leader, approve=False, note="理由不充分")
    assert (case.handling_due, case.extended_days) == (date(2024, 10, 23), 0)


# --- the table is data: edits apply to the next action -------------------------------------


def test_editing_a_policy_row_applies_to_the_next_action(cast):
    assert accepted_on(cast, date(2024, 9, 27)).handling_due == date(2024, 10, 28)  # cache now warm
    row = DeadlinePolicy.objects.get(matter_type="dispute", category=None, stage=Stage.HANDLING)
    row.amount = 2
    row.save()  # post_save clears the cached table
    assert accepted_on(cast, date(2024, 9, 27)).handling_due == date(2024, 11, 27)
    row.unit, row.amount = DeadlinePolicy.Unit.WORKING_DAYS, 5
    row.save()
    assert accepted_on(cast, date(2024, 9, 27)).handling_due == date(2024, 10, 10)


def test_deleting_a_specific_row_falls_back_to_the_general_rule(cast):
    DeadlinePolicy.objects.filter(
        matter_type="dispute", category__code="10", stage=Stage.HANDLING
    ).get().delete()
    case = accepted_on(cast, date(2024, 9, 27), category=category("10"))
    assert case.handling_due == date(2024, 10, 28)  # the one-month dispute rule


# --- how a deadline is said ----------------------------------------------------------------


def test_describe_says_working_days_left_due_today_or_days_overdue(db):
    due = date(2024, 10, 8)
    assert deadlines.describe(due, date(2024, 9, 27)) == "剩余 3 个工作日"
    assert deadlines.describe(due, date(2024, 9, 30)) == "剩余 1 个工作日"
    assert deadlines.describe(due, due) == "今日到期"
    assert deadlines.describe(due, date(2024, 10, 10)) == "已超期 2 天"
    assert deadlines.describe(None, due) == "—"


def test_case_states_its_own_deadline_in_chinese(cast):
    case = accepted_on(cast, date(2024, 9, 27), matter_type="legal_consult")
    assert case.state == State.ACCEPTED
    assert deadlines.describe(case.handling_due, clock.today()) == "剩余 3 个工作日"
    clock.set_fixed(at(date(2024, 10, 8)))
    assert deadlines.describe(case.handling_due, clock.today()) == "今日到期"
    clock.set_fixed(at(date(2024, 10, 11)))
    assert deadlines.describe(case.handling_due, clock.today()) == "已超期 3 天"
    assert deadlines.is_overdue(case.handling_due, clock.today())


def test_stage_report_counts_lateness_in_local_days(cast):
    case = accepted_on(cast, date(2024, 9, 27), matter_type="legal_consult")
    case = perform(case, "assign", cast.town_clerk, handler=cast.town_mediator)
    assert case.handling_due == date(2024, 10, 8)
    # 07:00 on 9 October in Shanghai is still 8 October in UTC: a day late all the same
    clock.set_fixed(at(date(2024, 10, 9), 7, 0))
    case = perform(case, "resolve", cast.town_mediator, outcome="answered", summary="已解答")
    case.refresh_from_db()
    rows = {label: text for label, _, text, _ in deadlines.stage_report(case, clock.today())}
    assert rows["办理期限"] == "超期 1 天完成"
    assert rows["受理期限"] == "按期完成"
    assert deadlines.current(case) == ("回访期限", case.follow_up_due)
