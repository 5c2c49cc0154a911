"""The one door for reads: who sees which cases, and lists that cost a fixed number of queries."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from jiefen.cases.kernel import perform
from jiefen.cases.selectors import (
    LIST_PARTY_FIELDS,
    find_by_number,
    get_case_for_user_or_404,
    visible_cases,
    work_list,
)
from jiefen.org.models import User
from tests.cases.factories import accepted, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(cast):
    """One case per corner of the county, plus a village case escalated up to the county."""
    c = {
        "town": register(cast.town_clerk, cast.town_region),
        "village": register(cast.village_clerk, cast.village_region),
        "village_by_town": register(cast.town_clerk, cast.village_region),
        "other_town": register(cast.other_town_clerk, cast.other_town_region),
        "other_village": register(cast.other_town_clerk, cast.other_village_region),
        "county_place": register(cast.county_clerk, cast.county_region),
    }
    case = perform(
        accepted(cast.village_clerk, cast.village_region),
        "propose_escalation",
        cast.village_clerk,
        opinion="村级难以调处",
    )
    case = perform(case, "approve_escalation", cast.town_clerk)
    case = perform(case, "propose_escalation", cast.town_clerk, opinion="涉及县级部门")
    c["escalated"] = perform(case, "approve_escalation", cast.town_leader)
    assert c["escalated"].centre == cast.county
    return c


def seen(user, cases):
    pks = set(visible_cases(user).values_list("pk", flat=True))
    return {name for name, case in cases.items() if case.pk in pks}


def test_town_staff_see_their_town_and_its_villages_including_cases_sent_up(cast, cases):
    expected = {"town", "village", "village_by_town", "escalated"}
    for user in (cast.town_clerk, cast.town_mediator, cast.town_leader):
        assert seen(user, cases) == expected


def test_other_town_sees_only_its_own(cast, cases):
    assert seen(cast.other_town_clerk, cases) == {"other_town", "other_village"}


def test_village_staff_see_only_their_village(cast, cases):
    assert seen(cast.village_clerk, cases) == {"village", "village_by_town", "escalated"}


def test_county_sees_every_case_in_the_county(cast, cases):
    for user in (cast.county_clerk, cast.county_supervisor, cast.county_leader):
        assert seen(user, cases) == set(cases)


def test_unit_handler_sees_only_cases_dispatched_to_their_unit(cast, cases):
    assert seen(cast.unit_handler, cases) == set()
    mine = perform(
        accepted(cast.town_clerk), "dispatch", cast.town_clerk, units=[cast.unit], lead=cast.unit
    )
    theirs = perform(
        accepted(cast.other_town_clerk),
        "dispatch",
        cast.other_town_clerk,
        units=[cast.other_unit],
        lead=cast.other_unit,
    )
    pks = set(visible_cases(cast.unit_handler).values_list("pk", flat=True))
    assert mine.pk in pks and theirs.pk not in pks and len(pks) == 1


@pytest.mark.parametrize("admin", ["sysadmin", "secadmin", "auditadmin"])
def test_administrators_see_no_cases(cast, cases, admin):
    assert not visible_cases(getattr(cast, admin)).exists()


def test_inactive_user_sees_no_cases(cast, cases):
    User.objects.filter(pk=cast.county_clerk.pk).update(is_active=False)
    assert not visible_cases(User.objects.get(pk=cast.county_clerk.pk)).exists()


def test_detail_of_another_towns_case_is_404(cast, cases):
    case = cases["town"]
    assert get_case_for_user_or_404(cast.town_clerk, case.pk) == case
    with pytest.raises(Http404):
        get_case_for_user_or_404(cast.other_town_clerk, case.pk)
    with pytest.raises(Http404):
        get_case_for_user_or_404(cast.unit_handler, case.pk)
    with pytest.raises(Http404):
        get_case_for_user_or_404(cast.sysadmin, case.pk)
    with pytest.raises(Http404):
        get_case_for_user_or_404(cast.town_clerk, "not-a-number")


def test_search_by_number_is_scoped_too(cast, cases):
    number = cases["town"].number
    assert find_by_number(cast.town_clerk, f" {number} ") == cases["town"]
    assert find_by_number(cast.other_town_clerk, number) is None


# --- lists ---------------------------------------------------------------------------------


def _make_cases(cast, n):
    """n town cases of mixed shape: plain, accepted, dispatched to two units, with a handler."""
    for i in range(n):
        case = register(cast.town_clerk, cast.village_region if i % 2 else cast.town_region)
        if i % 3 == 1:
            perform(case, "accept", cast.town_clerk)
        elif i % 3 == 2:
            case = perform(case, "accept", cast.town_clerk)
            case = perform(
                case,
                "dispatch",
                cast.town_clerk,
                units=[cast.unit, cast.other_unit],
                lead=cast.unit,
            )
            perform(case, "sign_for", cast.unit_handler)


def _list_queries(user_pk, size=100):
    user = User.objects.get(pk=user_pk)  # fresh: nothing cached on the user
    with CaptureQueriesContext(connection) as ctx:
        rows = work_list(user, size=size)
        shown = [
            (
                c.number,
                c.category.name,
                c.centre.name,
                c.region.name,
                c.handler and c.handler.full_name,
                [p.name for p in c.parties.all()],
                [u.unit.name for u in c.active_units],
            )
            for c in rows
        ]
    return len(rows), len(ctx.captured_queries), shown, ctx.captured_queries


def test_work_list_runs_a_fixed_number_of_queries_as_the_list_grows(cast):
    _make_cases(cast, 10)
    count_10, queries_10, shown, _ = _list_queries(cast.town_clerk.pk)
    assert count_10 == 10 and any(row[6] for row in shown) and any(row[4] for row in shown)
    _make_cases(cast, 50)
    count_60, queries_60, _, _ = _list_queries(cast.town_clerk.pk)
    assert count_60 == 60
    assert queries_60 == queries_10
    assert queries_10 <= 8


def test_work_list_does_not_read_or_decrypt_party_id_numbers(cast):
    _make_cases(cast, 3)
    _, _, _, queries = _list_queries(cast.town_clerk.pk)
    party_sql = [q["sql"] for q in queries if "cases_party" in q["sql"]]
    assert party_sql and not any("id_number" in sql or '"phone"' in sql for sql in party_sql)
    for case in work_list(User.objects.get(pk=cast.town_clerk.pk)):
        for party in case.parties.all():
            assert {"id_number", "phone"} <= party.get_deferred_fields()
    assert "id_number" not in LIST_PARTY_FIELDS and "phone" not in LIST_PARTY_FIELDS


def test_work_list_filters_by_state_and_pages(cast):
    _make_cases(cast, 6)
    user = User.objects.get(pk=cast.town_clerk.pk)
    assert len(work_list(user, state="registered")) == 2
    first, second = work_list(user, size=4), work_list(user, page=2, size=4)
    assert (
        len(first) == 4 and len(second) == 2 and not {c.pk for c in first} & {c.pk for c in second}
    )
    assert work_list(User.objects.get(pk=cast.other_town_clerk.pk)) == []
