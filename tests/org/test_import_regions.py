"""Regions are imported from CSV all-or-nothing, with each bad row named by line in Chinese."""

import io

import pytest
from django.core.management import CommandError, call_command

from jiefen.org.importers import import_regions_csv
from jiefen.org.models import Level, Region

pytestmark = pytest.mark.django_db

GOOD = """code,name,valid_from
990000000000,示范省,
990100000000,示范市,
990121000000,示范县,2020-01-01
990121100000,青石镇,
990121100201,青石村,
990121100202,柳塘村,
990121001000,城关街道,
990121001001,东门社区,
"""


def _csv(*rows, header="code,name"):
    return "\n".join([header, *rows]) + "\n"


def test_good_csv_creates_regions_with_levels_and_parents():
    report = import_regions_csv(GOOD)

    assert report.ok
    assert report.created == 8
    county = Region.objects.get(code="990121000000")
    assert (county.name, county.level, county.parent.code) == (
        "示范县",
        Level.COUNTY,
        "990100000000",
    )
    assert str(county.valid_from) == "2020-01-01"
    assert Region.objects.get(code="990000000000").parent is None
    assert Region.objects.get(code="990000000000").level == Level.PROVINCE
    assert Region.objects.get(code="990100000000").level == Level.CITY
    town = Region.objects.get(code="990121100000")
    assert (town.level, town.parent) == (Level.TOWN, county)
    village = Region.objects.get(code="990121100202")
    assert (village.level, village.parent) == (Level.VILLAGE, town)
    assert Region.objects.get(code="990121001001").parent.name == "城关街道"


def test_csv_with_byte_order_mark_from_excel_is_read():
    report = import_regions_csv("\ufeff" + _csv("990000000000,示范省"))

    assert report.ok
    assert Region.objects.filter(code="990000000000").exists()


def test_rows_may_hang_under_regions_already_in_the_database():
    import_regions_csv(GOOD)

    report = import_regions_csv(_csv("990121100203,石桥村"))

    assert report.ok
    assert Region.objects.get(code="990121100203").parent.code == "990121100000"


@pytest.mark.parametrize(
    "bad_row, message",
    [
        ("99012110000,十一位", "第 4 行：区划代码“99012110000”无效：行政区划代码应为12位数字"),
        ("99012110A000,带字母", "第 4 行：区划代码“99012110A000”无效：行政区划代码应为12位数字"),
        ("990121101000,", "第 4 行：区划代码 990121101000 缺少名称"),
        (
            "990121102201,无上级村",
            "第 4 行：区划代码 990121102201 的上级 990121102000 不存在（上级须先于下级出现）",
        ),
        ("990100000000,重复市", "第 4 行：区划代码 990100000000 已存在"),
    ],
    ids=["eleven_digits", "letter_in_code", "missing_name", "missing_parent", "duplicate"],
)
def test_one_bad_row_is_reported_by_line_and_nothing_is_created(bad_row, message):
    text = _csv("990000000000,示范省", "990100000000,示范市", bad_row, "990121000000,示范县")
    before = Region.objects.count()

    report = import_regions_csv(text)

    assert report.errors == [message]
    assert report.created == 0
    assert Region.objects.count() == before


def test_every_bad_row_is_reported_and_nothing_is_created():
    text = _csv(
        "990000000000,示范省",
        "99012110000,十一位",
        "990100000000,",
        "990100000000,示范市",
        "990121102201,无上级村",
    )
    before = Region.objects.count()

    report = import_regions_csv(text)

    assert [e.split("：")[0] for e in report.errors] == ["第 3 行", "第 4 行", "第 6 行"]
    assert Region.objects.count() == before


def test_bad_date_is_reported():
    report = import_regions_csv(
        _csv("990000000000,示范省,2024/01/01", header="code,name,valid_from")
    )

    assert report.errors == ["第 2 行：启用日期“2024/01/01”应为 YYYY-MM-DD 格式"]
    assert not Region.objects.exists()


def test_missing_header_columns_are_reported():
    report = import_regions_csv("代码,名称\n990000000000,示范省\n")

    assert report.errors == ["第 1 行：表头须包含 code 和 name 两列"]
    assert not Region.objects.exists()


def test_skip_bad_loads_only_the_good_rows():
    text = _csv(
        "990000000000,示范省", "99012110A000,带字母", "990100000000,示范市", "990121102201,无上级村"
    )

    report = import_regions_csv(text, skip_bad=True)

    assert report.created == 2
    assert len(report.errors) == 2
    assert set(Region.objects.values_list("code", flat=True)) == {"990000000000", "990100000000"}


def test_import_command_refuses_bad_file_with_chinese_summary(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(
        _csv("990000000000,示范省", "99012110000,十一位", "990100000000,"), encoding="utf-8"
    )
    err = io.StringIO()

    with pytest.raises(CommandError) as exc:
        call_command("import_regions", str(path), stdout=io.StringIO(), stderr=err)

    assert (
        str(exc.value)
        == "发现 2 行错误，未导入任何数据。修正后重试，或加 --skip-bad 只导入正确的行。"
    )
    assert "第 3 行：" in err.getvalue()
    assert "第 4 行：" in err.getvalue()
    assert not Region.objects.exists()


def test_import_command_with_skip_bad_loads_the_good_rows(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(
        _csv("990000000000,示范省", "99012110000,十一位", "990100000000,示范市"), encoding="utf-8"
    )
    out = io.StringIO()

    call_command("import_regions", str(path), "--skip-bad", stdout=out, stderr=io.StringIO())

    assert "已导入 2 个行政区划" in out.getvalue()
    assert Region.objects.count() == 2


def test_import_command_loads_a_good_file(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()

    call_command("import_regions", str(path), stdout=out)

    assert "已导入 8 个行政区划" in out.getvalue()
    assert Region.objects.count() == 8


def test_import_command_reports_a_missing_file_in_chinese(tmp_path):
    with pytest.raises(CommandError, match="无法读取文件"):
        call_command("import_regions", str(tmp_path / "nope.csv"))
