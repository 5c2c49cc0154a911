from django.db import migrations


def seed(apps, schema_editor):
    from jiefen.triage.defaults import seed_risk, seed_rules

    seed_rules(
        apps.get_model("triage", "RoutingRule"),
        apps.get_model("org", "Category"),
        apps.get_model("cases", "DeadlinePolicy"),
    )
    seed_risk(apps.get_model("triage", "RiskPolicy"), apps.get_model("triage", "RiskSignal"))


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0001_initial"),
        ("cases", "0004_case_risk_manual_case_risk_score_and_more"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
