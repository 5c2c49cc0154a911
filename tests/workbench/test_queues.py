"""The 工作台: counters, queues, filters, search, paging, the ledger export — all scoped."""

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jiefen.cases.kernel import perform
from jiefen.core.models import AuditEntry
from tests.cases.factories import VALID_ID, register

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_counters_show_each_queue_size(client, cast):
    register(cast.town_clerk)
    accepted = register(cast.town_clerk)
    perform(accepted, "accept", cast.town_clerk)
    page = _login(client, cast.town_clerk).get("/").content.decode()
    assert "待审核" in page and "办理中" in page and "已超期" in page
    response = client.get("/work/review/")
    assert response.context["page"].paginator.count == 1
    counts = dict((q.key, n) for q, n in response.context["queues"])
    assert counts["review"] == 1 and counts["all"] == 2


def test_other_town_sees_nothing_in_any_queue(client, cast):
    case = register(cast.town_clerk)
    response = _login(client, cast.other_town_clerk).get("/work/all/")
    assert response.context["page"].paginator.count == 0
    assert case.number not in response.content.decode()


def test_search_finds_a_case_by_number_id_phone_name_and_words(client, cast):
    case = register(cast.town_clerk)
    register(
        cast.town_clerk,
        parties=[{"role": "applicant", "name": "赵大海", "phone": "13700000001"}],
        description="楼上漏水导致天花板发霉，要求修复。",
    )
    _login(client, cast.town_clerk)
    for query in (case.number, VALID_ID, "13812345678", "王建国", "排水沟"):
        numbers = [c.number for c, _ in client.get("/work/all/", {"q": query}).context["rows"]]
        assert numbers == [case.number], query
    assert (
        client.get("/work/all/", {"q": "110105199003071238"}).context["page"].paginator.count == 0
    )


def test_filters_narrow_by_category_and_place(client, cast):
    village_case = register(cast.village_clerk)
    town_case = register(
        cast.town_clerk,
        category=__import__("jiefen.org.models", fromlist=["Category"]).Category.objects.get(
            code="10"
        ),
    )
    _login(client, cast.town_clerk)
    by_place = client.get("/work/all/", {"place": cast.village_region.code}).context["rows"]
    assert [c.pk for c, _ in by_place] == [village_case.pk]
    by_category = client.get("/work/all/", {"category": town_case.category_id}).context["rows"]
    assert [c.pk for c, _ in by_category] == [town_case.pk]


def test_unknown_queue_is_404(client, cast):
    assert _login(client, cast.town_clerk).get("/work/nonsense/").status_code == 404


def test_administrator_is_sent_to_administration_not_cases(client, cast):
    from tests.org.test_security import _verified_admin

    register(cast.town_clerk)
    _verified_admin(client, cast.sysadmin, cast.password)
    response = client.get("/", follow=False)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/work/all/").status_code == 302


def test_ledger_export_opens_in_excel_and_is_audited(client, cast):
    case = register(cast.town_clerk)
    response = _login(client, cast.town_clerk).get("/work/all/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert case.number in values
    assert VALID_ID not in values and "13812345678" not in values
    assert AuditEntry.objects.filter(event="export", actor_username="town_clerk").exists()


def test_ledger_export_of_other_town_holds_none_of_our_cases(client, cast):
    case = register(cast.town_clerk)
    response = _login(client, cast.other_town_clerk).get("/work/all/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert case.number not in [cell for row in sheet.iter_rows(values_only=True) for cell in row]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/", "/work/all/", "/work/all/?q=排水沟", "/work/all/export.xlsx"])
def test_pages_run_the_same_number_of_queries_for_10_and_200_cases(client, cast, url):
    for _ in range(10):
        register(cast.town_clerk)
    _login(client, cast.town_clerk)
    client.get(url)  # warm-up: the first request of a session also writes the session
    at_10 = _queries(client, url)
    for _ in range(190):
        register(cast.town_clerk)
    assert _queries(client, url) == at_10
