"""Database guards that make the history tables append-only.

Row triggers refuse UPDATE and DELETE on the audit log and the case history, and DELETE on the
audit chain head. TRUNCATE skips row triggers: in production the application's database role
must not own these tables (README, Operations), which takes TRUNCATE and DROP TRIGGER away from
it; the hash chains catch what an owner could still do. Migrations install the guards;
``lifted()`` removes them for the length of a block (the test suite's clean-up between
transactional tests, or an authorised retention purge).
"""

import contextlib

from django.db import connection as default_connection

GUARDED = {
    "core_auditentry": ("UPDATE", "DELETE"),
    "core_audithead": ("DELETE",),
    "cases_caseevent": ("UPDATE", "DELETE"),
}
_PG_FUNCTION = """CREATE OR REPLACE FUNCTION jiefen_refuse_change() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql"""


def _statements(vendor: str, table: str) -> list[str]:
    ops = GUARDED[table]
    if vendor == "postgresql":
        return [
            f"CREATE TRIGGER {table}_append_only BEFORE {' OR '.join(ops)} ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION jiefen_refuse_change()",
        ]
    return [
        f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        for op in ops
    ]


def _drops(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"]
    return [f"DROP TRIGGER IF EXISTS {table}_no_{op.lower()}" for op in GUARDED[table]]


def install(execute, vendor: str, tables) -> None:
    """``execute(sql)`` runs one statement (a migration passes its schema editor's)."""
    if vendor == "postgresql":
        execute(_PG_FUNCTION)
    for table in tables:
        for sql in _statements(vendor, table):
            execute(sql)


def remove(execute, vendor: str, tables) -> None:
    for table in tables:
        for sql in _drops(vendor, table):
            execute(sql)


def migration_ops(*tables):
    """RunPython functions (forward, backward) installing the guards on ``tables``."""

    def forward(apps, schema_editor):
        # params=None: the PostgreSQL function body holds a literal '%'
        install(
            lambda sql: schema_editor.execute(sql, params=None),
            schema_editor.connection.vendor,
            tables,
        )

    def backward(apps, schema_editor):
        remove(
            lambda sql: schema_editor.execute(sql, params=None),
            schema_editor.connection.vendor,
            tables,
        )

    return forward, backward


def _cursor_execute(connection):
    def execute(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)

    return execute


def existing_tables(connection=default_connection) -> list[str]:
    present = set(connection.introspection.table_names())
    return [t for t in GUARDED if t in present]


def lift(connection=default_connection) -> None:
    remove(_cursor_execute(connection), connection.vendor, existing_tables(connection))


def restore(connection=default_connection) -> None:
    remove(_cursor_execute(connection), connection.vendor, existing_tables(connection))
    install(_cursor_execute(connection), connection.vendor, existing_tables(connection))


@contextlib.contextmanager
def lifted(connection=default_connection):
    lift(connection)
    try:
        yield
    finally:
        restore(connection)


# Rows that point at guarded rows go first, so the DELETEs meet no foreign key.
_PURGE_ORDER = [
    "cases_outboxmessage",
    "cases_attachment",
    "cases_caseevent",
    "core_auditentry",
    "core_audithead",
]


def purge_guarded_tables(connection=default_connection) -> None:
    """Empty the guarded tables (and the rows that reference them). For the test suite."""
    present = set(connection.introspection.table_names())
    with lifted(connection), connection.cursor() as cursor:
        for table in _PURGE_ORDER:
            if table in present:
                cursor.execute(f"DELETE FROM {table}")
