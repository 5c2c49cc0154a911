import logging
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiefen.core import workdays
from jiefen.core.errors import DomainError
from jiefen.core.models import CalendarDay, CalendarYear
from jiefen.core.workdays import (
    add_calendar_days_rolling,
    add_working_days,
    is_holiday,
    is_workday,
    known_years,
    next_workday,
    seed_from_package,
    unknown_years_between,
    working_days_between,
)

pytestmark = pytest.mark.django_db

SEEDED = [2023, 2024, 2025, 2026]
db_property = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=60
)
known_dates = st.dates(date(2023, 1, 1), date(2026, 12, 31))


@pytest.fixture(autouse=True)
def calendar():
    # start from exactly these years, whether or not the migrations seeded the tables
    CalendarDay.objects.all().delete()
    CalendarYear.objects.all().delete()
    workdays.clear_cache()
    seed_from_package(CalendarYear, CalendarDay, years=SEEDED)
    yield
    workdays.clear_cache()


@pytest.fixture
def fresh_warnings(monkeypatch, caplog):
    monkeypatch.setattr(workdays, "_warned_years", set())
    caplog.set_level(logging.WARNING, logger="jiefen.calendar")
    return caplog


def calendar_warnings(caplog, year):
    return [
        r
        for r in caplog.records
        if r.name == "jiefen.calendar" and f"未录入{year}年节假日安排" in r.getMessage()
    ]


# --- seeding -------------------------------------------------------------------------------


def test_seed_stores_only_exceptions_with_chinese_names():
    assert known_years() == set(SEEDED)
    sunday_makeup = CalendarDay.objects.get(date=date(2024, 2, 4))
    assert (sunday_makeup.is_workday, sunday_makeup.name) == (True, "春节")
    national_day = CalendarDay.objects.get(date=date(2024, 10, 1))
    assert (national_day.is_workday, national_day.name) == (False, "国庆节")
    # a Saturday inside the holiday is a weekend anyway, so not stored
    assert not CalendarDay.objects.filter(date=date(2024, 10, 5)).exists()
    assert not CalendarDay.objects.filter(date=date(2024, 10, 9)).exists()
    for day in CalendarDay.objects.all():
        assert day.is_workday == (day.date.weekday() >= 5)


def test_seed_is_idempotent():
    rows = CalendarDay.objects.count()
    assert seed_from_package(CalendarYear, CalendarDay, years=SEEDED) == []
    assert CalendarDay.objects.count() == rows
    assert CalendarYear.objects.count() == len(SEEDED)


def test_seed_keeps_days_entered_by_hand():
    CalendarDay.objects.create(date=date(2022, 10, 10), is_workday=False, name="本地假日")
    assert is_workday(date(2022, 10, 3))  # unknown year so far: a plain Monday
    assert seed_from_package(CalendarYear, CalendarDay, years=[2022]) == [2022]
    assert is_holiday(date(2022, 10, 3))  # seeding cleared the cache
    assert CalendarDay.objects.get(date=date(2022, 10, 10)).name == "本地假日"
    assert CalendarDay.objects.get(date=date(2022, 10, 3)).name == "国庆节"


def test_seed_skips_years_the_package_does_not_know():
    assert seed_from_package(CalendarYear, CalendarDay, years=[2027]) == []
    assert 2027 not in known_years()


def test_package_years_and_every_holiday_name_is_translated():
    assert workdays.package_years() == list(range(2004, 2027))
    package_names = {h.value for h in chinese_calendar.constants.Holiday}
    assert package_names <= set(workdays.HOLIDAY_NAMES_ZH)
    seed_from_package(CalendarYear, CalendarDay, years=[2015])
    assert CalendarDay.objects.get(date=date(2015, 9, 3)).name == "抗战胜利70周年纪念日"


def test_seed_all_package_years_by_default():
    added = seed_from_package(CalendarYear, CalendarDay)
    assert added == [y for y in range(2004, 2027) if y not in SEEDED]
    assert known_years() == set(range(2004, 2027))


# --- the 2024 schedule --------------------------------------------------------------------


def test_2024_makeup_days_are_working_days():
    assert is_workday(date(2024, 2, 4))  # Sunday, 春节调休
    assert is_workday(date(2024, 9, 29))  # Sunday, 国庆调休
    assert is_workday(date(2024, 10, 12))  # Saturday, 国庆调休
    assert not is_holiday(date(2024, 9, 29))


def test_2024_national_day_holiday():
    for day in range(1, 8):
        assert is_holiday(date(2024, 10, day)), day
        assert not is_workday(date(2024, 10, day))
    assert is_workday(date(2024, 10, 8))
    assert is_holiday(date(2024, 10, 13))  # an ordinary Sunday


def test_datetimes_are_read_in_local_time():
    shanghai = ZoneInfo("Asia/Shanghai")
    assert is_holiday(datetime(2024, 10, 1, 1, 0, tzinfo=shanghai))
    # 20:00 UTC on 30 September is already 1 October in Beijing
    assert is_holiday(datetime(2024, 9, 30, 20, 0, tzinfo=ZoneInfo("UTC")))
    assert is_workday(datetime(2024, 9, 30, 20, 0))


def test_next_workday():
    assert next_workday(date(2024, 9, 30)) == date(2024, 10, 8)
    assert next_workday(date(2024, 10, 1)) == date(2024, 10, 8)
    assert next_workday(date(2024, 10, 8)) == date(2024, 10, 9)
    assert next_workday(date(2024, 10, 8), include_today=True) == date(2024, 10, 8)
    assert next_workday(date(2024, 10, 3), include_today=True) == date(2024, 10, 8)


def test_add_working_days_across_national_day():
    assert add_working_days(date(2024, 9, 30), 1) == date(2024, 10, 8)
    assert add_working_days(date(2024, 9, 27), 1) == date(2024, 9, 29)
    # 9-27, 9-29, 9-30, 10-8, 10-9
    assert add_working_days(date(2024, 9, 26), 5) == date(2024, 10, 9)
    assert add_working_days(date(2024, 10, 1), 1) == date(2024, 10, 8)
    assert add_working_days(date(2024, 9, 30), 0) == date(2024, 9, 30)
    assert add_working_days(date(2024, 10, 1), 0) == date(2024, 10, 8)


def test_add_working_days_rejects_bad_n():
    with pytest.raises(ValueError):
        add_working_days(date(2024, 1, 1), -1)
    with pytest.raises(ValueError):
        add_working_days(date(2024, 1, 1), workdays.MAX_WORKING_DAYS + 1)


def test_add_working_days_over_a_long_range():
    end = add_working_days(date(2024, 1, 1), 10_000)
    assert is_workday(end)
    assert working_days_between(date(2024, 1, 1), end) == 10_000


def test_working_days_between():
    assert working_days_between(date(2024, 9, 30), date(2024, 10, 8)) == 1
    assert working_days_between(date(2024, 10, 8), date(2024, 9, 30)) == -1
    assert working_days_between(date(2024, 10, 1), date(2024, 10, 7)) == 0
    assert working_days_between(date(2024, 10, 8), date(2024, 10, 8)) == 0
    assert working_days_between(date(2023, 12, 31), date(2024, 12, 31)) == 251


def test_add_calendar_days_rolling():
    assert add_calendar_days_rolling(date(2024, 9, 1), 30) == date(2024, 10, 8)
    assert add_calendar_days_rolling(date(2024, 9, 16), 15) == date(2024, 10, 8)
    assert add_calendar_days_rolling(date(2024, 9, 1), 28) == date(2024, 9, 29)  # make-up day
    assert add_calendar_days_rolling(date(2024, 9, 1), 29) == date(2024, 9, 30)
    assert add_calendar_days_rolling(date(2024, 10, 8), 0) == date(2024, 10, 8)


# --- a year without a schedule -------------------------------------------------------------


def test_unknown_year_counts_weekends_only_and_warns_once(fresh_warnings):
    assert is_workday(date(2027, 1, 1))  # Friday; the real 元旦 is not known yet
    assert is_holiday(date(2027, 1, 2))  # Saturday
    assert is_holiday(date(2027, 1, 3))
    assert add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 4)
    assert working_days_between(date(2027, 1, 1), date(2027, 12, 31)) == 260
    workdays.clear_cache()
    assert is_workday(date(2027, 1, 4))
    assert len(calendar_warnings(fresh_warnings, 2027)) == 1
    record = calendar_warnings(fresh_warnings, 2027)[0]
    assert "no holiday schedule for 2027" in record.getMessage()
    assert record.levelno == logging.WARNING


def test_unknown_years_between():
    assert known_years() == set(SEEDED)
    assert unknown_years_between(date(2026, 1, 1), date(2028, 3, 1)) == [2027, 2028]
    assert unknown_years_between(date(2028, 3, 1), date(2022, 3, 1)) == [2022, 2027, 2028]
    assert unknown_years_between(date(2024, 1, 1), date(2025, 1, 1)) == []


def test_broken_data_raises_instead_of_looping():
    CalendarYear.objects.create(year=2030)
    CalendarYear.objects.create(year=2031)
    CalendarDay.objects.bulk_create(
        CalendarDay(date=date(2030, 1, 1) + timedelta(days=i), is_workday=False) for i in range(400)
    )
    workdays.clear_cache()
    with pytest.raises(DomainError) as caught:
        next_workday(date(2029, 12, 31))
    assert caught.value.code == "calendar_no_workday"


# --- cache invalidation --------------------------------------------------------------------


def test_editing_a_calendar_day_is_seen_immediately():
    tuesday = date(2024, 10, 8)
    assert is_workday(tuesday)
    row = CalendarDay.objects.create(date=tuesday, is_workday=False, name="临时放假")
    assert is_holiday(tuesday)
    row.is_workday = True
    row.save()
    assert is_workday(tuesday)
    row.is_workday = False
    row.save()
    assert is_holiday(tuesday)
    row.delete()
    assert is_workday(tuesday)


def test_removing_a_year_falls_back_to_weekends(fresh_warnings):
    assert is_holiday(date(2024, 10, 1))
    CalendarYear.objects.get(year=2024).delete()
    assert is_workday(date(2024, 10, 1))
    assert is_holiday(date(2024, 9, 29))
    assert len(calendar_warnings(fresh_warnings, 2024)) == 1
    CalendarYear.objects.create(year=2024)
    assert is_holiday(date(2024, 10, 1))


def test_stale_cache_is_reloaded(monkeypatch):
    assert is_workday(date(2024, 10, 8))
    CalendarDay.objects.bulk_create([CalendarDay(date=date(2024, 10, 8), is_workday=False)])
    assert is_workday(date(2024, 10, 8))  # bulk_create sends no signal: still cached
    monkeypatch.setattr(workdays, "_cache_born", workdays._cache_born - workdays.CACHE_SECONDS - 1)
    assert is_holiday(date(2024, 10, 8))


# --- properties ----------------------------------------------------------------------------


@db_property
@given(day=known_dates)
def test_matches_the_package(day):
    assert is_workday(day) == chinese_calendar.is_workday(day)


@db_property
@given(start=known_dates, n=st.integers(1, 400))
def test_add_working_days_lands_on_a_working_day(start, n):
    end = add_working_days(start, n)
    assert end > start
    assert is_workday(end)
    assert working_days_between(start, end) == n
    assert working_days_between(start, end - timedelta(days=1)) == n - 1


@db_property
@given(a=known_dates, b=known_dates, c=known_dates)
def test_working_days_between_is_antisymmetric_and_additive(a, b, c):
    assert working_days_between(a, b) == -working_days_between(b, a)
    assert working_days_between(a, b) + working_days_between(b, c) == working_days_between(a, c)


@db_property
@given(a=known_dates, b=known_dates)
def test_working_days_between_matches_the_package(a, b):
    low, high = sorted((a, b))
    expected = (
        len(chinese_calendar.get_workdays(low + timedelta(days=1), high)) if low < high else 0
    )
    assert working_days_between(low, high) == expected
