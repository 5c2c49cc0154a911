from django.db import migrations

SQLITE = [
    """CREATE TRIGGER cases_caseevent_no_update BEFORE UPDATE ON cases_caseevent
       BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END""",
    """CREATE TRIGGER cases_caseevent_no_delete BEFORE DELETE ON cases_caseevent
       BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END""",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS cases_caseevent_no_update", "DROP TRIGGER IF EXISTS cases_caseevent_no_delete"]
POSTGRES = [
    """CREATE TRIGGER cases_caseevent_append_only BEFORE UPDATE OR DELETE ON cases_caseevent
       FOR EACH ROW EXECUTE FUNCTION jiefen_refuse_change()""",
]
POSTGRES_DROP = ["DROP TRIGGER IF EXISTS cases_caseevent_append_only ON cases_caseevent"]


def add(apps, schema_editor):
    for sql in POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for sql in POSTGRES_DROP if schema_editor.connection.vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(sql)


def seed(apps, schema_editor):
    from jiefen.cases.policy_defaults import seed_policies

    seed_policies(apps.get_model("cases", "DeadlinePolicy"), apps.get_model("org", "Category"))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("core", "0002_audit_append_only_and_calendar"),
        ("org", "0002_reference_categories"),
    ]

    operations = [
        migrations.RunPython(add, drop),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
