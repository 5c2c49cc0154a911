"""The case ledger (台账) as Excel: one row per case, for the screens' "export" button.

The caller passes Case rows already fetched for lists (``cases.selectors.for_lists``:
category, centre, region and handler selected; parties and ``active_units`` prefetched), so
building the sheet runs no query. Only names appear: no ID or phone numbers. Past
``WRITE_ONLY_THRESHOLD`` rows the workbook is written in openpyxl's write-only (streaming)
mode, so a large export does not hold every cell in memory."""

import io
import re
from collections.abc import Iterable
from datetime import date, datetime
from itertools import chain, islice

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jiefen.cases.choices import PartyRole, UnitRole

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WRITE_ONLY_THRESHOLD = 1000
HEADER_ROW = 3

# (header, width in characters, number format or None)
COLUMNS = [
    ("事项编号", 21, None),
    ("登记时间", 17, "yyyy-mm-dd hh:mm"),
    ("事项类型", 10, None),
    ("来源渠道", 12, None),
    ("纠纷类别", 14, None),
    ("标题", 32, None),
    ("事发地", 12, None),
    ("申请人", 14, None),
    ("被申请人", 14, None),
    ("涉及人数", 9, "0"),
    ("涉及金额", 13, "#,##0.00"),
    ("办理层级", 9, None),
    ("承办中心", 20, None),
    ("承办单位", 26, None),
    ("承办人", 10, None),
    ("状态", 14, None),
    ("受理期限", 11, "yyyy-mm-dd"),
    ("办理期限", 11, "yyyy-mm-dd"),
    ("办结时间", 17, "yyyy-mm-dd hh:mm"),
    ("办理结果", 18, None),
    ("满意度", 9, None),
]
HEADERS = [name for name, _, _ in COLUMNS]

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_THIN = Side(style="thin", color="999999")
_HEADER_FONT = Font(name="宋体", bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_BORDER = Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)


def cases_ledger(cases: Iterable, *, title: str, generated_by, generated_at: datetime) -> bytes:
    """The .xlsx: a title row, a "制表人/制表时间" row, the header (frozen, with an auto filter),
    then one row per case. ``generated_by`` is a name or a User."""
    rows = iter(cases)
    head = list(islice(rows, WRITE_ONLY_THRESHOLD + 1))
    write_only = len(head) > WRITE_ONLY_THRESHOLD
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("台账") if write_only else workbook.active
    sheet.title = "台账"
    _prepare(sheet)
    by = (
        getattr(generated_by, "full_name", None)
        or getattr(generated_by, "username", None)
        or str(generated_by or "")
    )
    sheet.append([_cell(sheet, title, font=Font(name="宋体", bold=True, size=16))])
    sheet.append([_cell(sheet, f"制表人：{by}　　制表时间：{_local(generated_at):%Y-%m-%d %H:%M}")])
    sheet.append(
        [
            _cell(
                sheet, h, font=_HEADER_FONT, fill=_HEADER_FILL, border=_HEADER_BORDER, center=True
            )
            for h in HEADERS
        ]
    )
    count = 0
    for case in chain(head, rows):
        sheet.append(
            [
                _cell(sheet, value, number_format=fmt)
                for value, (_, _, fmt) in zip(_values(case), COLUMNS, strict=True)
            ]
        )
        count += 1
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + count}"
    if not write_only:
        sheet.merge_cells(f"A1:{last}1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _prepare(sheet) -> None:
    """What must be set before the first row in write-only mode: widths, panes, printing."""
    for index, (_, width, _) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _cell(sheet, value, *, number_format=None, font=None, fill=None, border=None, center=False):
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"  # text typed by the public is never a formula ("=HYPERLINK(...)")
    if number_format and value is not None:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if border is not None:
        cell.border = border
    if center:
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def _local(moment):
    """Excel has no time zones: a local, naive datetime (a date stays a date)."""
    if moment is None or (isinstance(moment, date) and not isinstance(moment, datetime)):
        return moment
    moment = (
        timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment
    )
    return moment.replace(microsecond=0)


def _values(case) -> list:
    parties = list(case.parties.all())
    return [
        case.number,
        _local(case.registered_at),
        case.get_matter_type_display(),
        case.get_channel_display(),
        case.category.name,
        case.title,
        case.region.name,
        "、".join(p.name for p in parties if p.role == PartyRole.APPLICANT),
        "、".join(p.name for p in parties if p.role == PartyRole.RESPONDENT),
        case.people_count,
        case.amount,
        case.get_level_display(),
        case.centre.name,
        _units(case),
        (case.handler.full_name or case.handler.username) if case.handler_id else "",
        case.get_state_display(),
        case.acceptance_due,
        case.handling_due,
        _local(case.resolved_at),
        case.get_outcome_display() if case.outcome else "",
        case.get_satisfaction_display() if case.satisfaction else "",
    ]


def _units(case) -> str:
    units = getattr(case, "active_units", None)
    if units is None:
        units = [u for u in case.units.all() if u.active]
    units = sorted(units, key=lambda u: (u.role != UnitRole.LEAD, u.pk or 0))
    return "、".join(
        u.unit.name + ("（牵头）" if u.role == UnitRole.LEAD and len(units) > 1 else "")
        for u in units
    )
