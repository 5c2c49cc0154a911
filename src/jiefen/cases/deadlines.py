"""Deadlines from the policy table (DESIGN.md §3.5), counted with the holiday calendar.

The table is small and read on every action, so it is cached per process and reloaded when a
row is saved here, or after CACHE_SECONDS for edits made through another process.
"""

import calendar as _calendar
import threading
import time
from datetime import date

from django.utils import timezone

from jiefen.cases.choices import Stage
from jiefen.core import workdays

CACHE_SECONDS = 300
_lock = threading.Lock()
_cache: dict | None = None
_loaded_at = 0.0


def _load() -> dict:
    from jiefen.cases.models import DeadlinePolicy

    table = {}
    for row in DeadlinePolicy.objects.all():
        table[(row.matter_type, row.category_id, row.stage)] = (row.amount, row.unit)
    return table


def clear_cache(**kwargs) -> None:
    global _cache
    with _lock:
        _cache = None


def _table() -> dict:
    global _cache, _loaded_at
    with _lock:
        if _cache is None or time.monotonic() - _loaded_at > CACHE_SECONDS:
            _cache, _loaded_at = _load(), time.monotonic()
        return _cache


def limit_for(matter_type: str, category_id: int | None, stage: str) -> tuple[int, str] | None:
    """The most specific rule: category + matter type, then matter type, then any matter type."""
    table = _table()
    for key in (
        (matter_type, category_id, stage),
        (matter_type, None, stage),
        ("", category_id, stage),
        ("", None, stage),
    ):
        if key in table:
            return table[key]
    return None


def add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, _calendar.monthrange(year, month)[1]))


def add_period(start: date, amount: int, unit: str) -> date:
    """A period counted from ``start``. Calendar periods that end on a holiday roll to the next
    working day (the rule for legal periods); working-day periods count working days only."""
    if unit == "working_days":
        return workdays.add_working_days(start, amount)
    if unit == "months":
        end = add_months(start, amount)
        return end if workdays.is_workday(end) else workdays.next_workday(end)
    return workdays.add_calendar_days_rolling(start, amount)


def due_date(matter_type: str, category_id: int | None, stage: str, start: date) -> date | None:
    rule = limit_for(matter_type, category_id, stage)
    if rule is None:
        return None
    return add_period(start, *rule)


def max_extension_days(matter_type: str, category_id: int | None) -> int | None:
    rule = limit_for(matter_type, category_id, Stage.EXTENSION_MAX)
    return rule[0] if rule else None


def shift(due: date | None, days: int) -> date | None:
    """Move a due date later by ``days`` calendar days (a paused clock), landing on a working day."""
    if due is None or days <= 0:
        return due
    return workdays.add_calendar_days_rolling(due, days)


def describe(due: date | None, today: date) -> str:
    """ "剩余 3 个工作日", "今日到期", "已超期 2 天" — how the screens say a deadline."""
    if due is None:
        return "—"
    if due == today:
        return "今日到期"
    if due > today:
        return f"剩余 {max(workdays.working_days_between(today, due), 0)} 个工作日"
    return f"已超期 {(today - due).days} 天"


def is_due_soon(due: date | None, today: date, within_working_days: int = 1) -> bool:
    return (
        due is not None
        and today <= due
        and workdays.working_days_between(today, due) <= within_working_days
    )


def is_overdue(due: date | None, today: date) -> bool:
    return due is not None and due < today


def paused_days(paused_at, now) -> int:
    """Whole local days the clock stood still (stored times are UTC: compare local dates)."""
    if paused_at is None or now < paused_at:
        return 0
    return max((timezone.localdate(now) - timezone.localdate(paused_at)).days, 0)


# Which deadline runs in which state, and when that stage was finished.
STAGE_CLOCKS = [
    ("受理期限", "acceptance_due", ("registered", "awaiting_materials"), "accepted_at"),
    ("签收期限", "sign_for_due", ("dispatched",), None),
    (
        "办理期限",
        "handling_due",
        ("accepted", "dispatched", "in_progress", "escalation_pending"),
        "resolved_at",
    ),
    ("回访期限", "follow_up_due", ("resolved",), "closed_at"),
]


def current(case):
    """The deadline that is running now, as (label, due date), or None."""
    for label, field, states, _done in STAGE_CLOCKS:
        if case.state in states and getattr(case, field):
            return label, getattr(case, field)
    return None


def stage_report(case, today) -> list[tuple[str, object, str, bool]]:
    """Each stage's deadline with how it stands: running ("剩余 2 个工作日"), or finished on time
    or late ("按期完成" / "超期 3 天完成")."""
    rows = []
    for label, field, states, done_field in STAGE_CLOCKS:
        due = getattr(case, field)
        if due is None:
            continue
        if case.state in states:
            rows.append((label, due, describe(due, today), is_overdue(due, today)))
            continue
        done = getattr(case, done_field) if done_field else None
        if done is None:
            rows.append((label, due, "—", False))
            continue
        late = (timezone.localdate(done) - due).days  # stored times are UTC: compare local dates
        rows.append((label, due, "按期完成" if late <= 0 else f"超期 {late} 天完成", late > 0))
    return rows
