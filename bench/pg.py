"""A throw-away PostgreSQL cluster for the benchmark (the same recipe as scripts/test.sh).

``with ThrowawayCluster() as pg: pg.url`` starts a fresh cluster on a free loopback port and
always stops (and, unless ``keep_dir`` was given, deletes) it on the way out. PostgreSQL refuses
to run as root, so as root the server runs as the ``postgres`` system user.

``make_bulk()`` turns fsync, full-page writes and synchronous commit off while the generator
loads (a crash there only costs a re-run); ``make_durable()`` turns them back on (they are
reloadable settings), so throughput and latency are measured with production durability.
A kept cluster (``keep_dir``) is reused on the next run.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("JIEFEN_PG_BIN", "/usr/lib/postgresql/15/bin"))

# Server settings for a 2-core machine with a few GB of RAM to spare. Memory sizes are modest
# on purpose: what a small county server would be given, not a tuned benchmark rig.
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "max_connections": "100",
    "shared_buffers": "1GB",
    "effective_cache_size": "4GB",
    "work_mem": "16MB",
    "maintenance_work_mem": "512MB",
    "max_wal_size": "8GB",
    "checkpoint_timeout": "30min",
    "wal_compression": "on",
    "random_page_cost": "1.1",  # SSD-backed virtual disk
}
# Durability is switched with ALTER SYSTEM + reload, never on the command line: a command-line
# setting outranks postgresql.auto.conf, so a reload could not turn it back on.
BULK = {"fsync": "off", "full_page_writes": "off", "synchronous_commit": "off"}
DURABLE = {"fsync": "on", "full_page_writes": "on", "synchronous_commit": "on"}


def available() -> bool:
    return (PG_BIN / "initdb").exists() and (PG_BIN / "pg_ctl").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_pg(args, **kwargs):
    """Run a server binary as the postgres user when we are root (PostgreSQL refuses root)."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, cwd="/", check=True, **kwargs)


class ThrowawayCluster:
    def __init__(self, keep_dir: str | None = None, dbname: str = "jiefen", log=print):
        self.keep_dir = Path(keep_dir).resolve() if keep_dir else None
        self.dbname = dbname
        self.log = log
        self.dir: Path | None = None
        self.port: int | None = None
        self.started = False

    # --- lifecycle ---------------------------------------------------------------------------

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    @property
    def data(self) -> Path:
        return self.dir / "data"

    def start(self) -> None:
        if not available():
            raise RuntimeError(
                f"PostgreSQL server binaries not found in {PG_BIN} "
                "(apt-get install -y postgresql-15, or set JIEFEN_PG_BIN)"
            )
        if self.keep_dir:
            self.dir = self.keep_dir
            self.dir.mkdir(parents=True, exist_ok=True)
        else:
            self.dir = Path(tempfile.mkdtemp(prefix="jiefen-bench-pg."))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.dir.chmod(0o700)
        fresh = not (self.data / "PG_VERSION").exists()
        if fresh:
            with open(self.dir / "initdb.log", "w") as out:
                _as_pg(
                    [
                        str(PG_BIN / "initdb"),
                        "-D",
                        str(self.data),
                        "-A",
                        "trust",
                        "-U",
                        "postgres",
                        "-E",
                        "UTF8",
                        "--no-locale",
                    ],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
        self.port = free_port()
        options = f"-p {self.port} -k {self.dir} " + " ".join(
            f"-c {k}={v}" for k, v in SERVER_SETTINGS.items()
        )
        _as_pg(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.dir / "server.log"),
                "-w",
                "-t",
                "300",
                "-o",
                options,
                "start",
            ],
            stdout=subprocess.DEVNULL,
        )
        self.started = True
        if fresh or not self._database_exists():
            self.psql(f'CREATE DATABASE "{self.dbname}"')
        self.log(
            f"PostgreSQL {self.server_version()} on 127.0.0.1:{self.port} (data in {self.data})"
        )

    def stop(self) -> None:
        if self.started:
            try:
                _as_pg(
                    [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            except subprocess.CalledProcessError:
                pass
            self.started = False
        if self.dir is not None and self.keep_dir is None:
            shutil.rmtree(self.dir, ignore_errors=True)

    # --- helpers -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.dbname}"

    def psql(self, sql: str, db: str = "postgres") -> str:
        out = subprocess.run(
            [
                str(PG_BIN / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                db,
                "-XAtqc",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd="/",
        )
        return out.stdout.strip()

    def _database_exists(self) -> bool:
        return self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{self.dbname}'") == "1"

    def server_version(self) -> str:
        return self.psql("SHOW server_version")

    def make_durable(self) -> None:
        """fsync and full-page writes on, commits wait for the WAL flush: production durability."""
        self._set(DURABLE)
        self.psql("CHECKPOINT")

    def make_bulk(self) -> None:
        """Back to load mode (used while generating into a kept cluster)."""
        self._set(BULK)

    def _set(self, settings: dict) -> None:
        for name, value in settings.items():
            self.psql(f"ALTER SYSTEM SET {name} = '{value}'")
        self.psql("SELECT pg_reload_conf()")
        for _ in range(50):  # the reload is asynchronous: wait until new sessions see it
            if all(self.psql(f"SHOW {name}") == value for name, value in settings.items()):
                return
            time.sleep(0.1)
        raise RuntimeError(f"PostgreSQL did not take the settings {settings}")

    def settings(self) -> dict:
        names = [*SERVER_SETTINGS, *DURABLE]
        return {n: self.psql(f"SHOW {n}") for n in names if n != "listen_addresses"}


def main() -> None:
    """``python -m bench.pg [DIR]``: start a cluster (kept in DIR if given), print its URL, and
    stop it on Ctrl-C — for poking at a kept benchmark database with psql or EXPLAIN."""
    import sys

    cluster = ThrowawayCluster(keep_dir=sys.argv[1] if len(sys.argv) > 1 else None)
    cluster.start()
    print(f"DATABASE_URL={cluster.url}   (Ctrl-C stops the server)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
