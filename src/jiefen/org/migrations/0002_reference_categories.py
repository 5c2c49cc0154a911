from django.db import migrations


def seed(apps, schema_editor):
    from jiefen.org.reference import seed_categories

    seed_categories(apps.get_model("org", "Category"))


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
