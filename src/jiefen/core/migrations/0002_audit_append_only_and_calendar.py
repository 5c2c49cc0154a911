"""Make the audit log append-only in the database itself, and seed the holiday calendar."""

from django.db import migrations

from jiefen.core.append_only import migration_ops


def seed_calendar(apps, schema_editor):
    from jiefen.core.workdays import seed_from_package

    seed_from_package(apps.get_model("core", "CalendarYear"), apps.get_model("core", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(*migration_ops("core_auditentry", "core_audithead")),
        migrations.RunPython(seed_calendar, migrations.RunPython.noop),
    ]
