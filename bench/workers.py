"""Register through ``perform`` in worker processes (started with ``spawn``: each one runs its
own ``django.setup()`` and opens its own database connection, like a gunicorn worker)."""

import time

VARIANTS = {
    "as_is": "as the code is",
    "async_commit": "diagnostic: synchronous_commit = off (commit does not wait for the WAL flush)",
    "server_binding": "diagnostic: psycopg server-side parameter binding (DATABASES OPTIONS server_side_binding)",
}


def register_worker(
    username: str,
    n: int,
    seed: int,
    warmup: int,
    barrier,
    queue,
    variant: str = "as_is",
    index: int = 0,
) -> None:
    from bench import dbenv

    dbenv.setup_django()
    from django.db import connection

    from bench.measure import actor, registration_inputs
    from jiefen.cases.kernel import perform

    try:
        if variant == "server_binding" and connection.vendor == "postgresql":
            connection.close()
            connection.settings_dict.setdefault("OPTIONS", {})["server_side_binding"] = True
        if "async" in variant and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit = off")
        clerk = actor(username)
        inputs = registration_inputs(clerk, n + warmup, seed)
        for data in inputs[:warmup]:
            perform(None, "register", clerk, **data)
        backend = _backend_pid(connection)
        barrier.wait(timeout=600)
        latencies = []
        s0 = _cpu_of(backend)
        c0 = time.process_time()
        t0 = time.perf_counter()
        for data in inputs[warmup:]:
            s = time.perf_counter()
            perform(None, "register", clerk, **data)
            latencies.append(time.perf_counter() - s)
        t1 = time.perf_counter()
        cpu = time.process_time() - c0
        server = _cpu_of(backend) - s0 if backend else None
        queue.put(
            {
                "username": username,
                "n": n,
                "t0": t0,
                "t1": t1,
                "cpu": cpu,
                "server_cpu": server,
                "latencies": latencies,
            }
        )
    except Exception as exc:  # reported to the parent, which fails the run
        queue.put({"username": username, "error": f"{type(exc).__name__}: {exc}"})
        try:
            barrier.abort()
        except Exception:
            pass
    finally:
        connection.close()


def _backend_pid(connection) -> int | None:
    """The PostgreSQL backend serving this connection, if it runs on this machine."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    return pid if _cpu_of(pid) is not None else None


def _cpu_of(pid) -> float | None:
    """CPU seconds (user + system) a process has used so far, from /proc (Linux)."""
    import os

    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def register_throughput(
    processes: int, per_process: int, *, warmup: int = 20, seed: int = 100, variant: str = "as_is"
) -> dict:
    """Registrations per second with ``processes`` concurrent workers, each a different town clerk."""
    import multiprocessing

    from bench.measure import TOWN_CLERKS, summary_ms

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(processes)
    queue = ctx.Queue()
    procs = [
        ctx.Process(
            target=register_worker,
            args=(
                TOWN_CLERKS[i % len(TOWN_CLERKS)],
                per_process,
                seed + i,
                warmup,
                barrier,
                queue,
                variant,
                i,
            ),
        )
        for i in range(processes)
    ]
    for p in procs:
        p.start()
    results = [queue.get(timeout=3600) for _ in procs]
    for p in procs:
        p.join()
    errors = [r["error"] for r in results if "error" in r]
    if errors:
        raise RuntimeError("register worker failed: " + "; ".join(errors))
    wall = max(r["t1"] for r in results) - min(r["t0"] for r in results)
    total = sum(r["n"] for r in results)
    latencies = [x for r in results for x in r["latencies"]]
    return {
        "processes": processes,
        "variant": variant,
        "registrations": total,
        "seconds": round(wall, 2),
        "per_s": round(total / wall, 1),
        "python_cpu_ms_per_registration": round(sum(r["cpu"] for r in results) / total * 1000, 2),
        "server_cpu_ms_per_registration": (
            round(sum(r["server_cpu"] for r in results) / total * 1000, 2)
            if all(r.get("server_cpu") is not None for r in results)
            else None
        ),
        "latency": summary_ms(latencies),
    }
