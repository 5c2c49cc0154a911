"""Import regions from CSV (columns: code, name, and optionally valid_from as YYYY-MM-DD).

Each row is checked (code format and level, name, a parent that exists in the file or the
database, no duplicate current code). Bad rows are reported with their line number in Chinese;
by default nothing is loaded when any row is bad, or, with ``skip_bad``, only the good rows.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from jiefen.core.errors import InvalidIdentifier
from jiefen.core.identifiers import parse_region_code
from jiefen.org.models import LEVEL_ORDER, LEVEL_PREFIX_LENGTH, Region


@dataclass
class ImportReport:
    created: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def parent_code(code: str, level: str) -> str | None:
    index = LEVEL_ORDER.index(level)
    if index == 0:
        return None
    keep = LEVEL_PREFIX_LENGTH[LEVEL_ORDER[index - 1]]
    return code[:keep].ljust(12, "0")


def import_regions_csv(text: str, *, skip_bad: bool = False) -> ImportReport:
    report = ImportReport()
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    if rows and not {"code", "name"} <= set(rows[0]):
        report.errors.append("第 1 行：表头须包含 code 和 name 两列")
        return report
    existing = set(Region.objects.current().values_list("code", flat=True))
    planned: dict[str, tuple] = {}
    for line_no, row in enumerate(rows, start=2):
        problem, parsed = _check_row(row, existing, planned)
        if problem:
            report.errors.append(f"第 {line_no} 行：{problem}")
        else:
            planned[parsed[0]] = parsed
    if report.errors and not skip_bad:
        return report
    with transaction.atomic():
        report.created = _create(planned)
    return report


def _check_row(row, existing, planned):
    raw_code = (row.get("code") or "").strip()
    name = (row.get("name") or "").strip()
    try:
        region_code = parse_region_code(raw_code)
    except InvalidIdentifier as exc:
        return f"区划代码“{raw_code}”无效：{exc.message}", None
    code, level = region_code.code, region_code.level
    if not name:
        return f"区划代码 {code} 缺少名称", None
    if code in existing or code in planned:
        return f"区划代码 {code} 已存在", None
    parent = parent_code(code, level)
    if parent and parent not in existing and parent not in planned:
        return f"区划代码 {code} 的上级 {parent} 不存在（上级须先于下级出现）", None
    valid_from = None
    if raw_date := (row.get("valid_from") or "").strip():
        try:
            valid_from = date.fromisoformat(raw_date)
        except ValueError:
            return f"启用日期“{raw_date}”应为 YYYY-MM-DD 格式", None
    return None, (code, name, level, parent, valid_from)


def _create(planned: dict) -> int:
    by_code = {r.code: r for r in Region.objects.current()}
    for code, name, level, parent, valid_from in planned.values():
        region = Region.objects.create(
            code=code,
            name=name,
            level=level,
            parent=by_code.get(parent) if parent else None,
            valid_from=valid_from,
        )
        by_code[code] = region
    return len(planned)
