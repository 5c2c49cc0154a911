"""The benchmark: one run on one database prints a table and writes bench/out/results-<db>.{json,md}.

    make bench                                             # PostgreSQL (throw-away cluster), 100 000 cases
    python -m bench.run --db postgres --cases 1000000
    python -m bench.run --db sqlite --cases 1000000
    python -m bench.run --db both --cases 20000            # one after the other
    python -m bench.run --db postgres --cases 1000000 --keep /var/tmp/jb-pg   # keep and reuse the data

Phases (all on the same database): generate the cases (bench.generate), verify hash chains,
then (run in the order 4, 5, 1, 2, 3, so that the reads see the data as generated)
  1. register through perform, 1 process and 2 processes (spawned, each its own django.setup());
  2. the same rows inserted without perform (one transaction per registration, and batched);
  3. hash-chaining cost: register with the real link_hash vs a constant, alternating (A/B);
  4. p50/p95 of each lifecycle action through perform on cases of the big database;
  5. p50/p95 of the work-list page and the case-detail read for several users.
See bench/README.md for what each figure means.
"""

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import pg as pgmod

ROOT = Path(__file__).resolve().parent.parent
PHASES = ["register", "raw", "chain", "lifecycle", "queries"]
TARGETS = {"register_2p_per_s": 500, "list_p95_ms": 30, "chain_overhead_pct": 20}


def parse(argv):
    p = argparse.ArgumentParser(
        prog="python -m bench.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--db",
        choices=["postgres", "sqlite", "both"],
        default="postgres" if pgmod.available() else "sqlite",
    )
    p.add_argument(
        "--cases",
        type=int,
        default=100_000,
        help="cases in the database before measuring (default 100000)",
    )
    p.add_argument(
        "--registrations",
        type=int,
        default=2000,
        help="registrations per process in phase 1 (default 2000)",
    )
    p.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="tries of each register configuration; the median counts (default 3)",
    )
    p.add_argument(
        "--raw",
        type=int,
        default=2000,
        help="registrations inserted without perform in phase 2 (default 2000)",
    )
    p.add_argument(
        "--chain",
        type=int,
        default=2000,
        help="registrations in the hash-chaining A/B (default 2000)",
    )
    p.add_argument(
        "--samples", type=int, default=200, help="samples per lifecycle action (default 200)"
    )
    p.add_argument(
        "--iterations", type=int, default=200, help="runs per list/detail query (default 200)"
    )
    p.add_argument(
        "--pii-pool",
        type=int,
        default=5000,
        help="distinct encrypted ID/phone values the generator reuses",
    )
    p.add_argument(
        "--jobs", type=int, default=2, help="generator processes (default 2, one per core)"
    )
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument(
        "--verify",
        choices=["none", "sample", "all"],
        default="sample",
        help="hash-chain check after generating",
    )
    p.add_argument("--skip", default="", help=f"comma-separated phases to skip: {','.join(PHASES)}")
    p.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the database (SQLite file or PostgreSQL cluster) in DIR and reuse it next time",
    )
    p.add_argument(
        "--database-url",
        help="measure an existing PostgreSQL database instead of a throw-away cluster",
    )
    p.add_argument(
        "--pg-unsafe",
        action="store_true",
        help="measure with fsync/synchronous_commit off (default: durable)",
    )
    p.add_argument(
        "--no-diagnostics",
        action="store_true",
        help="skip the register what-ifs (own counter row, synchronous_commit off) on PostgreSQL",
    )
    p.add_argument(
        "--no-proposals",
        action="store_true",
        help="skip re-measuring the queries with the proposed indexes",
    )
    p.add_argument("--out", default=str(ROOT / "bench" / "out"))
    return p.parse_args(argv)


def main(argv=None) -> int:
    import signal

    # a plain `kill` should still stop the throw-away cluster: turn SIGTERM into SystemExit
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    argv = sys.argv[1:] if argv is None else argv
    args = parse(argv)
    if args.db == "both":
        rc = 0
        for db in ("sqlite", "postgres"):
            rest = _replace_db(argv, db)
            rc |= subprocess.call([sys.executable, "-m", "bench.run", *rest], cwd=ROOT)
        return rc
    return run(args, argv)


def _replace_db(argv, db):
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
            continue
        if a == "--db":
            skip = True
            continue
        if a.startswith("--db="):
            continue
        out.append(a)
    return ["--db", db, *out]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}Z] {msg}", flush=True)


def load() -> float:
    """The 1-minute load average: on a 2-core machine anything above ~2 means we share the CPU."""
    return round(os.getloadavg()[0], 2)


def run(args, argv) -> int:
    from bench import dbenv

    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    tmp = None
    if args.keep:
        base = Path(args.keep).resolve()
        base.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix=f"jiefen-bench-{args.db}.")
        base = Path(tmp.name)
    cluster = None
    results = {"meta": meta(args, argv)}
    try:
        if args.db == "postgres" and not args.database_url:
            cluster = pgmod.ThrowawayCluster(
                keep_dir=str(base / "pg") if args.keep else None, log=log
            )
            cluster.start()
            url = cluster.url
        else:
            url = args.database_url
        dbenv.configure(db=args.db, data_dir=str(base / "data"), database_url=url)
        (base / "data").mkdir(exist_ok=True)
        dbenv.setup_django()
        from django.db import connection

        from bench import generate, measure, workers
        from jiefen.cases.models import Case

        results["meta"]["database"] = dbenv.server_version()
        log(
            f"database: {results['meta']['database']} ({'kept in ' + str(base) if args.keep else 'throw-away'})"
        )
        results["setup"] = dbenv.prepare(log=log)
        existing = Case.objects.count()
        missing = args.cases - existing
        record = base / "generated.json"  # what generated a kept database, for later runs' reports
        if missing > 0:
            if cluster:
                cluster.make_bulk()
            log(f"generating {missing:,} cases ({existing:,} already there) …")
            loads_gen = load()
            results["generate"] = generate.generate(
                missing, seed=args.seed, pii=args.pii_pool, jobs=args.jobs, log=log
            )
            g = results["generate"]
            g["load_at_start"], g["load_at_end"] = loads_gen, load()
            g["date"] = datetime.now(UTC).isoformat(timespec="seconds")
            log(
                f"generated {g['cases']:,} cases / {g['rows_total']:,} rows in {g['timings']['total_s']} s "
                f"({g['cases_per_s']:,} cases/s): {g['timings']}"
            )
            if args.keep:
                record.write_text(json.dumps(g, ensure_ascii=False, indent=2))
        else:
            results["generate"] = json.loads(record.read_text()) if record.exists() else {}
            results["generate"]["reused"] = existing
            log(f"reusing {existing:,} cases already in the database")
        connection.close()
        if cluster:
            if args.pg_unsafe:
                cluster.make_bulk()
            else:
                cluster.make_durable()
            results["meta"]["pg_settings"] = cluster.settings()
        results["meta"]["cases_at_start"] = Case.objects.count()
        if args.verify != "none" and missing > 0:
            log("verifying hash chains …")
            results["verify"] = generate.verify(None if args.verify == "all" else 20_000)
            v = results["verify"]
            v["scope"] = args.verify
            log(
                f"verified {v['cases']:,} cases / {v['events']:,} events in {v['seconds']} s: {v['broken']} broken"
            )
            if args.keep and record.exists():
                record.write_text(
                    json.dumps({**results["generate"], "verify": v}, ensure_ascii=False, indent=2)
                )
            if v["broken"]:
                log(f"  e.g. {v['first_problems']}")
        connection.close()

        loads = results["load"] = {"start": load()}
        # The reads and the lifecycle actions run first, on the data as generated; phases 1-3 then
        # add some 15 000 registered cases, which would otherwise swell the "registered" lists.
        if "lifecycle" not in skip:
            loads["lifecycle"] = load()
            log(f"4. lifecycle actions: up to {args.samples} samples each …")
            t0 = time.perf_counter()
            results["lifecycle"] = measure.lifecycle(args.samples, log=log)
            log(f"   done in {time.perf_counter() - t0:.0f} s")
        if "queries" not in skip:
            loads["queries"] = load()
            log(f"5. work lists and case detail: {args.iterations} runs each …")
            results["queries"] = measure.queries(args.iterations)
            if not args.no_proposals:
                from bench import proposals

                log("5b. the same with the proposed indexes …")
                created = proposals.add_indexes(log=log)
                try:
                    if created:
                        loads["queries_proposed"] = load()
                        results["queries_proposed"] = measure.queries(args.iterations)
                        results["queries_proposed"]["indexes"] = created
                        results["queries_proposed"]["sql"] = proposals.sql()
                    else:
                        log("   (skipped: the database has them already)")
                finally:
                    proposals.drop_indexes(created)
        if "register" not in skip:
            results["register"] = {}
            runs = [("1", 1, "as_is"), ("2", 2, "as_is")]
            if connection.vendor == "postgresql" and not args.no_diagnostics:
                runs += [
                    ("4", 4, "as_is"),
                    ("2 async_commit", 2, "async_commit"),
                    ("2 server_binding", 2, "server_binding"),
                ]
            for key, procs, variant in runs:
                tries = []
                for i in range(args.repeat):
                    log(
                        f"1. register through perform: {procs} process(es) × {args.registrations}, {variant}, "
                        f"try {i + 1}/{args.repeat} (load {load()}) …"
                    )
                    loads[f"register {key} #{i + 1}"] = load()
                    r = workers.register_throughput(
                        procs, args.registrations, variant=variant, seed=100 + 10 * i
                    )
                    tries.append(r)
                    log(
                        f"   {r['per_s']} registrations/s (p50 {r['latency']['p50_ms']} ms, p95 {r['latency']['p95_ms']} ms; "
                        f"CPU per registration: Python {r['python_cpu_ms_per_registration']} ms, "
                        f"server {r['server_cpu_ms_per_registration']} ms)"
                    )
                tries.sort(key=lambda x: x["per_s"])
                best = dict(tries[len(tries) // 2])  # the median try stands for the configuration
                best["tries_per_s"] = [x["per_s"] for x in tries]
                results["register"][key] = best
        if "raw" not in skip:
            loads["raw"] = load()
            log(f"2. raw inserts of the same rows: {args.raw} registrations …")
            results["raw"] = measure.raw_inserts(args.raw)
            log(f"   {results['raw']}")
        if "chain" not in skip:
            loads["chain"] = load()
            log(
                f"3. hash chaining: {args.chain} registrations, real and constant hash alternating …"
            )
            results["chain"] = measure.chaining(args.chain)
            log(f"   {results['chain']}")
        loads["end"] = load()
        results["meta"]["cases_at_end"] = Case.objects.count()
        results["meta"]["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
        connection.close()
    finally:
        if cluster:
            cluster.stop()
        if tmp:
            tmp.cleanup()
    write(results, args)
    return 0


# --- meta ----------------------------------------------------------------------------------------


def meta(args, argv) -> dict:
    import django

    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")
        )
        mem = f"{mem_kb / 1024 / 1024:.0f} GB"
    except OSError:
        mem = "?"
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.run " + shlex.join(argv),
        "db": args.db,
        "cases_requested": args.cases,
        "machine": {
            "cores": os.cpu_count(),
            "cpu": cpu,
            "memory": mem,
            "os": platform.platform(),
            "python": platform.python_version(),
            "django": django.get_version(),
        },
        "git": _git(),
    }


def _git() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "src"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        return rev + (" (src modified)" if dirty else "")
    except OSError:
        return ""


# --- report --------------------------------------------------------------------------------------


def _f(x, unit="", digits=1):
    if x is None:
        return "—"
    if isinstance(x, float | int) and abs(x) >= 1000:
        return f"{x:,.0f}{unit}"
    return f"{x:.{digits}f}{unit}"


def _verdict(ok):
    return "—" if ok is None else ("met" if ok else "**missed**")


def headline(r: dict) -> list[tuple]:
    rows = []
    reg = r.get("register")
    if reg:

        def tries(x):
            t = x.get("tries_per_s") or [x["per_s"]]
            return f" (tries {min(t):,.0f}–{max(t):,.0f})" if len(t) > 1 else ""

        rows.append(
            (
                "register via perform, 1 process",
                _f(reg["1"]["per_s"], "/s") + tries(reg["1"]),
                "",
                "",
            )
        )
        two = reg["2"]["per_s"]
        rows.append(
            (
                "register via perform, 2 processes",
                _f(two, "/s") + tries(reg["2"]),
                "≥ 500/s",
                _verdict(two >= TARGETS["register_2p_per_s"]),
            )
        )
        py, srv = (
            reg["2"].get("python_cpu_ms_per_registration"),
            reg["2"].get("server_cpu_ms_per_registration"),
        )
        if py:
            cpu = f"Python {py:.2f} ms" + (
                f" + PostgreSQL backend {srv:.2f} ms" if srv is not None else ""
            )
            ceiling = 2000 / (py + (srv or 0))
            rows.append(("CPU per registration (2 processes)", cpu, "", ""))
            rows.append(("→ CPU ceiling of 2 cores at that cost", _f(ceiling, "/s"), "", ""))
        rows.append(
            (
                "register latency p50 / p95 (2 processes)",
                f"{_f(reg['2']['latency']['p50_ms'], ' ms')} / {_f(reg['2']['latency']['p95_ms'], ' ms')}",
                "",
                "",
            )
        )
        from bench.workers import VARIANTS

        for key, x in reg.items():
            if key not in ("1", "2"):
                what = (
                    VARIANTS[x["variant"]]
                    if x["variant"] != "as_is"
                    else "diagnostic: more processes than cores"
                )
                rows.append(
                    (
                        f"register, {x['processes']} processes — {what}",
                        _f(x["per_s"], "/s") + tries(x),
                        "",
                        "",
                    )
                )
    raw = r.get("raw")
    if raw:
        rows.append(
            (
                "raw insert, 1 transaction per registration",
                _f(raw["per_transaction"]["per_s"], "/s"),
                "",
                "",
            )
        )
        rows.append(
            (
                f"raw insert, {raw['bulk']['per_transaction']} per transaction",
                _f(raw["bulk"]["per_s"], "/s"),
                "",
                "",
            )
        )
        if reg:
            one = reg["1"]["per_s"]
            rows.append(
                (
                    "perform (1 process) ÷ raw per-transaction",
                    f"{one / raw['per_transaction']['per_s'] * 100:.0f} %",
                    "",
                    "",
                )
            )
            rows.append(
                (
                    "perform (1 process) ÷ raw bulk",
                    f"{one / raw['bulk']['per_s'] * 100:.0f} %",
                    "",
                    "",
                )
            )
    ch = r.get("chain")
    if ch:
        lo, hi = ch["overhead_ci95_pct"]
        rows.append(
            (
                "hash-chaining overhead on register (A/B, median latency)",
                f"{ch['overhead_pct']:+.1f} % (95 % CI {lo:+.1f} … {hi:+.1f} %)",
                "≤ 20 %",
                _verdict(ch["overhead_pct"] <= TARGETS["chain_overhead_pct"]),
            )
        )
        rows.append(
            (
                "one event hash (link_hash + event_payload)",
                f"{ch['hash_us_per_event']} µs = {ch['hash_share_pct']:.2f} % of a register",
                "",
                "",
            )
        )
    for key, suffix in (("queries", ""), ("queries_proposed", " — with the proposed indexes")):
        q = r.get(key)
        if not q:
            continue
        for label in ("town clerk", "county clerk"):
            lists = [x for x in q["work_list"] if x["user"] == label]
            if lists:
                worst = max(lists, key=lambda x: x.get("p95_ms") or 0)
                rows.append(
                    (
                        f"work list p95, {label} (worst state: {worst['state']}){suffix}",
                        _f(worst["p95_ms"], " ms"),
                        "≤ 30 ms",
                        _verdict(worst["p95_ms"] <= TARGETS["list_p95_ms"]),
                    )
                )
        for d in q["detail"]:
            if d["user"] in ("town clerk", "county clerk"):
                rows.append(
                    (f"case detail p95, {d['user']}{suffix}", _f(d["p95_ms"], " ms"), "", "")
                )
    return rows


def markdown(r: dict) -> str:
    m = r["meta"]
    mach = m["machine"]
    out = [
        f"# jiefen benchmark — {m.get('database', m['db'])}, {m.get('cases_at_start', 0):,} cases",
        "",
    ]
    out.append(
        f"- date: {m['date']} · machine: {mach['cores']} cores ({mach['cpu']}), {mach['memory']} RAM, {mach['os']}"
    )
    out.append(f"- Python {mach['python']}, Django {mach['django']}, git {m.get('git', '')}")
    out.append(f"- command: `{m['command']}`")
    if m.get("pg_settings"):
        s = m["pg_settings"]
        out.append("- PostgreSQL: " + ", ".join(f"{k}={v}" for k, v in s.items()))
    out.append("")
    g = r.get("generate", {})
    if "cases" in g:
        t = g["timings"]
        out += [
            "## Generated data",
            "",
            f"{g.get('jobs', 1)} generator processes; 1-minute load average "
            f"{g.get('load_at_start', '?')} at the start, {g.get('load_at_end', '?')} at the end (2 cores).",
            "",
            "| cases | rows (all tables) | total time | cases/s | load | index rebuild | analyze |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {g['cases']:,} | {g['rows_total']:,} | {t['total_s']:,} s | {g['cases_per_s']:,} | {t['load_s']:,} s | "
            f"{t.get('index_s', 0):,} s | {t['analyze_s']:,} s |",
            "",
        ]
        out.append("Rows: " + ", ".join(f"{k} {v:,}" for k, v in g["rows"].items()) + ".")
        out.append("States: " + ", ".join(f"{k} {v:,}" for k, v in g["states"].items()) + ".")
        out.append("")
    if "reused" in g:
        out += [
            f"This run reused a kept database with {g['reused']:,} cases"
            + (f", generated on {g['date']} as above." if "cases" in g else "."),
            "",
        ]
    v = r.get("verify") or g.get("verify")
    if v:
        out += [
            f"Hash chains verified: {v['cases']:,} cases / {v['events']:,} events in {v['seconds']} s, **{v['broken']} broken**.",
            "",
        ]
    rows = headline(r)
    if rows:
        out += [
            "## Headline",
            "",
            "| figure | measured | target (PostgreSQL, 2 cores) | |",
            "|---|---:|---|---|",
        ]
        out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
        out.append("")
    lc = r.get("lifecycle")
    if lc:
        out += [
            "## Lifecycle actions through perform",
            "",
            "| action | n | p50 ms | p95 ms | p99 ms | mean ms | refused / note |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        reg = r.get("register")
        if reg:
            lat = reg["1"]["latency"]
            out.append(
                f"| register (1 process) | {lat['n']} | {lat['p50_ms']} | {lat['p95_ms']} | {lat['p99_ms']} | {lat['mean_ms']} | |"
            )
        for name, s in lc.items():
            if s.get("n"):
                note = f"{s.get('errors', '')}" + (
                    f" ({s['prepared']} brought to the state first)" if s.get("prepared") else ""
                )
                out.append(
                    f"| {name} | {s['n']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['mean_ms']} | {note} |"
                )
            else:
                out.append(
                    f"| {name} | 0 | — | — | — | — | {s.get('errors', 'no case in that state')} |"
                )
        out.append("")
    for key, title in (("queries", ""), ("queries_proposed", " — with the proposed indexes")):
        q = r.get(key)
        if not q:
            continue
        out += [f"## Work list (page 1, 20 rows, prefetches materialised){title}", ""]
        if q.get("sql"):
            out += ["```sql", *q["sql"], "```", ""]
        out += [
            "| user | state | visible cases | rows | queries | n | p50 ms | p95 ms | p99 ms |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for x in q["work_list"]:
            out.append(
                f"| {x['user']} ({x['username']}) | {x['state']} | {x['visible']:,} | {x['rows']} | {x['queries']} | {x['n']} | "
                f"{x['p50_ms']} | {x['p95_ms']} | {x['p99_ms']} |"
            )
        out += [
            "",
            f"## Case detail (get_case_for_user_or_404 + history, parties with masked numbers, units, records){title}",
            "",
            "| user | queries | p50 ms | p95 ms | p99 ms |",
            "|---|---:|---:|---:|---:|",
        ]
        for x in q["detail"]:
            out.append(
                f"| {x['user']} ({x['username']}) | {x['queries']} | {x['p50_ms']} | {x['p95_ms']} | {x['p99_ms']} |"
            )
        out.append("")
    ch = r.get("chain")
    if ch:
        out += [
            "## Hash chaining A/B (register latency, alternating real and constant hash)",
            "",
            "| hash | n | p50 ms | p95 ms | mean ms |",
            "|---|---:|---:|---:|---:|",
            *[
                f"| {k} | {ch[k]['n']} | {ch[k]['p50_ms']} | {ch[k]['p95_ms']} | {ch[k]['mean_ms']} |"
                for k in ("real", "constant")
            ],
            "",
            f"Overhead of the median {ch['overhead_pct']:+.2f} % (95 % bootstrap interval {ch['overhead_ci95_pct']}), "
            f"of the mean {ch['overhead_mean_pct']:+.2f} %. One event hash costs {ch['hash_us_per_event']} µs.",
            "",
        ]
    if r.get("load"):
        out += [
            "## Machine load (1-minute load average when each phase started; 2 cores)",
            "",
            ", ".join(f"{k} {v}" for k, v in r["load"].items()) + ".",
            "",
        ]
    return "\n".join(out)


def write(results: dict, args) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = "postgres" if args.db == "postgres" else "sqlite"
    (out / f"results-{name}.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n"
    )
    md = markdown(results)
    (out / f"results-{name}.md").write_text(md + "\n")
    print()
    print(md)
    print(f"(written to {out / f'results-{name}.json'} and .md)")


if __name__ == "__main__":
    sys.exit(main())
