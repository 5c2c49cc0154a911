"""The working-day calendar (DOMAIN.md §4).

Monday to Friday are working days except where ``CalendarDay`` says otherwise (holidays on
weekdays, make-up working days 调休 on weekends). A year without a ``CalendarYear`` row is
counted weekends-only, with one warning per process, and never makes anything fail.

Exceptions are cached per year in this process. Saving or deleting a calendar row clears the
cache here; other processes (gunicorn workers) pick the change up within ``CACHE_SECONDS``.
"""

import logging
import threading
import time
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from jiefen.core.errors import DomainError

logger = logging.getLogger("jiefen.calendar")

ONE_DAY = timedelta(days=1)
CACHE_SECONDS = 300
MAX_WORKING_DAYS = 100_000
# A longer run of non-working days can only come from broken calendar data.
_MAX_NON_WORKING_RUN = 366

_cache: dict[int, dict[date, bool] | None] = {}
_cache_born = time.monotonic()
_generation = 0
_lock = threading.Lock()
_warned_years: set[int] = set()


# --- cache ----------------------------------------------------------------------------------


def clear_cache() -> None:
    global _cache_born, _generation
    with _lock:
        _cache.clear()
        _generation += 1
        _cache_born = time.monotonic()


def _on_calendar_change(sender, using=None, **kwargs) -> None:
    clear_cache()
    # Again after commit, so a reader that reloaded mid-transaction does not keep stale rows.
    transaction.on_commit(clear_cache, using=using)


def connect_cache_invalidation() -> None:
    """Clear the cache whenever a CalendarDay or CalendarYear is saved or deleted."""
    from django.db.models.signals import post_delete, post_save

    from jiefen.core.models import CalendarDay, CalendarYear

    for model in (CalendarDay, CalendarYear):
        for signal in (post_save, post_delete):
            signal.connect(
                _on_calendar_change, sender=model, dispatch_uid="jiefen.core.workdays.cache"
            )


def _refresh_if_stale() -> None:
    if time.monotonic() - _cache_born > CACHE_SECONDS:
        clear_cache()


def _warn_unknown(year: int) -> None:
    if year in _warned_years:
        return
    _warned_years.add(year)
    logger.warning(
        "no holiday schedule for %s (未录入%s年节假日安排); counting weekends only", year, year
    )


def _load_year(year: int) -> dict[date, bool] | None:
    from jiefen.core.models import CalendarDay, CalendarYear

    if not CalendarYear.objects.filter(year=year).exists():
        _warn_unknown(year)
        return None
    rows = CalendarDay.objects.filter(date__gte=date(year, 1, 1), date__lte=date(year, 12, 31))
    return dict(rows.values_list("date", "is_workday"))


def _exceptions(year: int) -> dict[date, bool] | None:
    """The year's exceptions to the Monday–Friday rule, or None if the year is unknown."""
    try:
        return _cache[year]
    except KeyError:
        pass
    generation = _generation
    data = _load_year(year)
    with _lock:
        if generation == _generation:  # not cleared while we were reading
            _cache[year] = data
    return data


# --- queries --------------------------------------------------------------------------------


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def _is_workday(d: date) -> bool:
    exceptions = _exceptions(d.year)
    if exceptions:
        status = exceptions.get(d)
        if status is not None:
            return status
    return d.weekday() < 5


def _first_workday_from(d: date) -> date:
    """``d`` if it is a working day, else the next working day."""
    for _ in range(_MAX_NON_WORKING_RUN):
        if _is_workday(d):
            return d
        d += ONE_DAY
    raise DomainError(
        f"节假日数据异常：{d.year}年前后连续一年以上没有工作日，请检查节假日设置",
        "calendar_no_workday",
        near=d.isoformat(),
    )


def is_workday(d: date) -> bool:
    _refresh_if_stale()
    return _is_workday(_as_date(d))


def is_holiday(d: date) -> bool:
    """Any day that is not a working day: weekends and public holidays."""
    return not is_workday(d)


def next_workday(d: date, include_today: bool = False) -> date:
    _refresh_if_stale()
    d = _as_date(d)
    return _first_workday_from(d if include_today else d + ONE_DAY)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start``; for n == 0, ``start`` or the next working day."""
    if n < 0 or n > MAX_WORKING_DAYS:
        raise ValueError(f"n must be between 0 and {MAX_WORKING_DAYS}, got {n}")
    _refresh_if_stale()
    d = _first_workday_from(_as_date(start)) if n == 0 else _as_date(start)
    for _ in range(n):
        d = _first_workday_from(d + ONE_DAY)
    return d


def _weekdays_in(first: date, last: date) -> int:
    """Monday–Friday days in [first, last]."""
    weeks, rest = divmod((last - first).days + 1, 7)
    start = first.weekday()
    return weeks * 5 + sum(1 for i in range(rest) if (start + i) % 7 < 5)


def _working_days_in(first: date, last: date) -> int:
    """Working days in [first, last], both in the same year."""
    count = _weekdays_in(first, last)
    for day, working in (_exceptions(first.year) or {}).items():
        if first <= day <= last and working != (day.weekday() < 5):
            count += 1 if working else -1
    return count


def working_days_between(start: date, end: date) -> int:
    """Working days d with start < d <= end; negated when end is before start."""
    _refresh_if_stale()
    start, end = _as_date(start), _as_date(end)
    if end < start:
        return -working_days_between(end, start)
    total = 0
    first = start + ONE_DAY
    while first <= end:
        last = min(end, date(first.year, 12, 31))
        total += _working_days_in(first, last)
        first = last + ONE_DAY
    return total


def add_calendar_days_rolling(start: date, n: int) -> date:
    """``start`` + n calendar days, moved to the next working day if that is not one."""
    _refresh_if_stale()
    return _first_workday_from(_as_date(start) + timedelta(days=n))


def known_years() -> set[int]:
    from jiefen.core.models import CalendarYear

    return set(CalendarYear.objects.values_list("year", flat=True))


def unknown_years_between(a: date, b: date) -> list[int]:
    """Years touched by [a, b] (either order) that have no holiday schedule."""
    low, high = sorted((_as_date(a).year, _as_date(b).year))
    known = known_years()
    return [year for year in range(low, high + 1) if year not in known]


# --- seeding from the chinese_calendar package --------------------------------------------

# The values of chinese_calendar.constants.Holiday in 1.11.0.
HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def _package_knows(year: int) -> bool:
    import chinese_calendar

    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def package_years() -> list[int]:
    """Every year the installed chinese_calendar package has a schedule for."""
    import chinese_calendar

    anchor = min(chinese_calendar.holidays).year
    years = []
    year = anchor
    while _package_knows(year):
        years.append(year)
        year += 1
    year = anchor - 1
    while _package_knows(year):
        years.insert(0, year)
        year -= 1
    return years


def _package_exceptions(year: int) -> list[tuple[date, bool, str]]:
    """(date, is_workday, Chinese name) for each day the package puts off the weekday rule."""
    import chinese_calendar

    found = []
    d = date(year, 1, 1)
    while d.year == year:
        on_holiday, name = chinese_calendar.get_holiday_detail(d)
        working = not on_holiday
        if working != (d.weekday() < 5):
            found.append((d, working, HOLIDAY_NAMES_ZH.get(name, name or "")[:40]))
        d += ONE_DAY
    return found


def seed_from_package(CalendarYear, CalendarDay, years=None) -> list[int]:  # noqa: N803
    """Fill the calendar tables from chinese_calendar; returns the years added.

    Takes the model classes so a data migration can pass its historical models. Years already
    present are left alone, as are days an administrator has already entered.
    """
    import chinese_calendar

    years = package_years() if years is None else sorted(set(years))
    present = set(CalendarYear.objects.filter(year__in=years).values_list("year", flat=True))
    added = []
    for year in years:
        if year in present:
            continue
        if not _package_knows(year):
            logger.warning("chinese_calendar has no schedule for %s; not seeded", year)
            continue
        with transaction.atomic(using=CalendarYear.objects.db):
            _seed_year(CalendarYear, CalendarDay, year, chinese_calendar.__version__)
        added.append(year)
    clear_cache()  # bulk_create sends no post_save
    return added


def _seed_year(CalendarYear, CalendarDay, year: int, version: str) -> None:  # noqa: N803
    entered = set(
        CalendarDay.objects.filter(
            date__gte=date(year, 1, 1), date__lte=date(year, 12, 31)
        ).values_list("date", flat=True)
    )
    CalendarDay.objects.bulk_create(
        CalendarDay(date=d, is_workday=working, name=name)
        for d, working, name in _package_exceptions(year)
        if d not in entered
    )
    CalendarYear.objects.create(
        year=year, source="chinese-calendar", note=f"由 chinesecalendar {version} 导入"
    )
