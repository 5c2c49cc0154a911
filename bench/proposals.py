"""Changes to src/jiefen/cases that the benchmark proposes, measured "what if" on the same data.

The indexes are created with Django's own schema editor — the same DDL a migration would run —
after the as-is measurement, the queries are measured again, and the indexes are dropped, so a
kept database stays as the code defines it.
"""

from django.db import models

# Work lists: `visible_cases(user)` is a range on place_code (the user's region subtree), the
# list filters one state (or none) and orders by -registered_at, -id, page 1 = the 20 newest.
# With the newest-first key leading and place_code after it, the database walks the index from
# the newest end and checks the place range on index entries (PostgreSQL: an Index Cond), so it
# stops after ~20 / (share of the county in the user's area) entries instead of sorting all of
# the user's cases.
PROPOSED_INDEXES = [
    models.Index(fields=["-registered_at", "-id", "place_code"], name="case_recent"),
    models.Index(fields=["state", "-registered_at", "-id", "place_code"], name="case_state_recent"),
]


def _existing_names(model) -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, model._meta.db_table))


def add_indexes(log=print) -> list[str]:
    """Create the proposed indexes that are not there yet; return the names created."""
    from django.db import connection

    from jiefen.cases.models import Case

    present = _existing_names(Case)
    created = []
    for index in PROPOSED_INDEXES:
        if index.name in present:  # e.g. src already has them, with their migration
            log(f"  index {index.name} already exists")
            continue
        with connection.schema_editor() as editor:
            editor.add_index(Case, index)
        created.append(index.name)
    if connection.vendor == "postgresql":  # (SQLite: no ANALYZE, as in the as-is measurement)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE cases_case")
    return created


def drop_indexes(names) -> None:
    from django.db import connection

    from jiefen.cases.models import Case

    for index in PROPOSED_INDEXES:
        if index.name in names:
            with connection.schema_editor() as editor:
                editor.remove_index(Case, index)


def sql() -> list[str]:
    """The CREATE INDEX statements, for the README."""
    from django.db import connection

    from jiefen.cases.models import Case

    with connection.schema_editor(collect_sql=True) as editor:
        for index in PROPOSED_INDEXES:
            editor.add_index(Case, index)
    return editor.collected_sql
