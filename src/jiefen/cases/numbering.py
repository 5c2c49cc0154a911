"""Case numbers: county code + year + sequence (一案一码), never reused.

On PostgreSQL each county-year has a database SEQUENCE: ``nextval`` takes no row lock, so
registrations in parallel do not queue behind one counter row until they commit (that lock
halved the throughput of two workers in the benchmark). A registration that rolls back leaves a
gap; numbers are never given twice. The CaseNumberSequence row keeps the high-water mark, so a
sequence created later (or after a move from SQLite) starts above every number already given.
SQLite serialises writers anyway, so there the counter row is simply locked and bumped.
"""

from django.db import IntegrityError, ProgrammingError, connection, transaction

from jiefen.cases.models import CaseNumberSequence

_READY: set[str] = set()


def next_number(county_code: str, year: int) -> str:
    return f"{county_code}-{year}-{_next_value(county_code, year):07d}"


def _next_value(county_code: str, year: int) -> int:
    if connection.vendor != "postgresql":
        return _counter_row(county_code, year)
    name = sequence_name(county_code, year)
    if name not in _READY:
        _ensure_sequence(name, county_code, year)
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [name])
        value = cursor.fetchone()[0]
    return value


def sequence_name(county_code: str, year: int) -> str:
    if not (county_code.isdigit() and len(county_code) == 6):
        raise ValueError(f"bad county code {county_code!r}")
    return f"jiefen_case_no_{county_code}_{int(year)}"


def _counter_row(county_code: str, year: int) -> int:
    row, _ = CaseNumberSequence.objects.select_for_update().get_or_create(
        county_code=county_code, year=year
    )
    CaseNumberSequence.objects.filter(pk=row.pk).update(last_value=row.last_value + 1)
    return row.last_value + 1


def _ensure_sequence(name: str, county_code: str, year: int) -> None:
    floor = (
        CaseNumberSequence.objects.filter(county_code=county_code, year=year)
        .values_list("last_value", flat=True)
        .first()
    )
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {name} START WITH {int(floor or 0) + 1}")
    except (IntegrityError, ProgrammingError):
        pass  # a concurrent registration created it first
    transaction.on_commit(lambda: _READY.add(name))


def sync_high_water_marks() -> None:
    """Copy each sequence's last value into CaseNumberSequence (for backups and moves)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE sequencename LIKE 'jiefen_case_no_%%'"
        )
        for name, last in cursor.fetchall():
            if last is None:
                continue
            _prefix, county, year = name.rsplit("_", 2)
            CaseNumberSequence.objects.update_or_create(
                county_code=county, year=int(year), defaults={"last_value": last}
            )
