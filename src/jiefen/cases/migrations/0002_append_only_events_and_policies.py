from django.db import migrations

from jiefen.core.append_only import migration_ops


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
        migrations.RunPython(*migration_ops("cases_caseevent")),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
