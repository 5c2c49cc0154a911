"""The case ledger: header as specified, one row per case, real dates and numbers, no personal
numbers, no queries of its own, and the same sheet in streaming mode."""

import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from jiefen.archive import ledger
from jiefen.archive.ledger import HEADERS, cases_ledger
from jiefen.cases.kernel import perform
from jiefen.cases.models import Case
from jiefen.cases.selectors import for_lists
from jiefen.core import clock
from tests.cases.factories import VALID_ID, register

pytestmark = pytest.mark.django_db

EXPECTED_HEADERS = [
    "事项编号",
    "登记时间",
    "事项类型",
    "来源渠道",
    "纠纷类别",
    "标题",
    "事发地",
    "申请人",
    "被申请人",
    "涉及人数",
    "涉及金额",
    "办理层级",
    "承办中心",
    "承办单位",
    "承办人",
    "状态",
    "受理期限",
    "办理期限",
    "办结时间",
    "办理结果",
    "满意度",
]


@pytest.fixture(params=[False, True], ids=["normal", "write_only"])
def streaming(request, monkeypatch):
    if request.param:
        monkeypatch.setattr(ledger, "WRITE_ONLY_THRESHOLD", 1)
    return request.param


def _cases(cast):
    first = register(cast.county_clerk, amount="3500", title='=HYPERLINK("http://x")')
    second = perform(register(cast.county_clerk), "accept", cast.county_clerk)
    second = perform(
        second, "dispatch", cast.county_clerk, units=[cast.unit, cast.other_unit], lead=cast.unit
    )
    third = perform(
        register(cast.town_clerk),
        "reject",
        cast.town_clerk,
        reason="不属于受理范围",
        other_route="向法院起诉",
    )
    return [first, second, third]


def _build(cases, **kwargs):
    data = cases_ledger(
        cases,
        title="测试县矛盾纠纷台账",
        generated_by=kwargs.get("by", "张三"),
        generated_at=clock.now(),
    )
    return data, load_workbook(io.BytesIO(data))["台账"]


def test_ledger_has_the_header_and_one_row_per_case(cast, streaming, django_assert_num_queries):
    made = _cases(cast)
    cases = list(for_lists(Case.objects.filter(pk__in=[c.pk for c in made]).order_by("id")))
    with django_assert_num_queries(0):
        data, sheet = _build(cases)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "测试县矛盾纠纷台账"
    assert "张三" in rows[1][0] and "制表时间" in rows[1][0]
    assert list(rows[2]) == EXPECTED_HEADERS == HEADERS
    body = rows[3:]
    assert [r[0] for r in body] == [c.number for c in made]
    assert [r[15] for r in body] == ["已登记·待审核", "已分流·待签收", "不予受理"]
    first, second, third = body
    assert isinstance(first[1], datetime) and first[1].tzinfo is None
    assert isinstance(
        first[16], datetime | date
    )  # an Excel date (openpyxl reads dates back as datetimes)
    assert first[10] == 3500 and first[9] == 2
    assert first[5] == '=HYPERLINK("http://x")' and sheet.cell(row=4, column=6).data_type == "s"
    assert (
        first[7] == "王建国"
        and first[8] == "李秀英"
        and first[2] == "纠纷化解"
        and first[3] == "来访"
    )
    assert second[13] == "测试县劳动人事争议仲裁院（牵头）、测试县住建局"
    assert (third[11], third[12], third[15]) == ("镇（街道）", cast.town.name, "不予受理")
    assert (first[11], first[12], first[14]) == ("县（市、区）", cast.county.name, None)
    assert sheet.freeze_panes == "B4"
    assert sheet.auto_filter.ref == "A3:U6"
    assert sheet.column_dimensions["F"].width >= 20
    assert sheet.cell(row=4, column=2).number_format == "yyyy-mm-dd hh:mm"


def test_ledger_never_carries_id_or_phone_numbers(cast, streaming):
    made = _cases(cast)
    data, _ = _build(list(for_lists(Case.objects.filter(pk__in=[c.pk for c in made]))))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        everything = "".join(package.read(n).decode("utf-8", "ignore") for n in package.namelist())
    for number in (VALID_ID, "13812345678", "13987654321", "138****5678"):
        assert number not in everything


def test_ledger_accepts_a_generator_and_a_user_as_author(cast, streaming):
    made = _cases(cast)
    cases = (c for c in for_lists(Case.objects.filter(pk__in=[c.pk for c in made]).order_by("id")))
    _, sheet = _build(cases, by=cast.county_clerk)
    rows = list(sheet.iter_rows(values_only=True))
    assert "county_clerk" in rows[1][0] and len(rows) == 3 + len(made)


def test_empty_ledger_still_has_its_header(cast, streaming):
    _, sheet = _build([])
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[2]) == EXPECTED_HEADERS and len(rows) == 3
