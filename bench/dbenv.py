"""Point Django at the benchmark database, before ``django.setup()`` reads the settings.

Settings come from the environment (DATABASE_URL, JIEFEN_DATA_DIR), so the runner sets them
here and every worker process started with ``spawn`` inherits them.
"""

import os
import time


def configure(*, db: str, data_dir: str, database_url: str | None = None) -> None:
    os.environ["JIEFEN_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("JIEFEN_LOG_LEVEL", "WARNING")
    if db == "postgres":
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)  # the default: SQLite file in JIEFEN_DATA_DIR


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiefen.settings")
    import django

    django.setup()


def prepare(log=print) -> dict:
    """Migrate and load the demo county (once). Returns how long each took."""
    from django.core.management import call_command

    from jiefen.org import demo

    timings = {}
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    timings["migrate_s"] = round(time.perf_counter() - t0, 1)
    if not demo.is_loaded():
        t0 = time.perf_counter()
        demo.load()
        timings["demo_s"] = round(time.perf_counter() - t0, 1)
        log(f"demo county loaded in {timings['demo_s']} s")
    return timings


def vendor() -> str:
    from django.db import connection

    return connection.vendor


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return "PostgreSQL " + cursor.fetchone()[0]
        cursor.execute("SELECT sqlite_version()")
        return "SQLite " + cursor.fetchone()[0]
