"""What the triage layer adds to the case kernel: registration and a short lifecycle through
``perform``, alternating rounds with the triage hook on and off in the same process, on the
same database (the hook records routing decisions and reassesses risk after each action).

    python -m bench.triage_overhead [--rounds 6] [--per-round 150] [--db sqlite|postgres]

Each registration has its own applicant (a new ID number and phone); one round in three
reuses an applicant who has been seen before, as repeat visitors do. Prints a markdown table.
"""

import argparse
import statistics
import tempfile
import time

from bench import dbenv
from bench import pg as pgmod

DESCRIPTIONS = [
    "来访人称邻居在两家交界处堆放杂物，堵塞排水沟，雨天积水倒灌，要求清理并赔偿损失。",
    "申请人称某装修队老板拖欠三名工人两个月工资共一万二千元，多次讨要无果，要求结清。",
    "村民反映承包地边界被相邻农户多占约半亩，双方多次争吵，要求村里重新丈量确认。",
]


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.triage_overhead", description=__doc__)
    p.add_argument("--rounds", type=int, default=6, help="rounds per mode (on, off alternate)")
    p.add_argument("--per-round", type=int, default=150)
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cluster = pgmod.ThrowawayCluster() if args.db == "postgres" else None
        if cluster:
            cluster.start()
        url = cluster.url if cluster else None
        try:
            dbenv.configure(db=args.db, data_dir=tmp, database_url=url)
            dbenv.setup_django()
            dbenv.prepare()
            print(_run(args))
        finally:
            if cluster:
                cluster.stop()


def _id_number(n: int) -> str:
    base = f"11010519{70 + n % 30:02d}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return base + "10X98765432"[sum(int(d) * w for d, w in zip(base, weights, strict=True)) % 11]


def _run(args) -> str:
    from jiefen.cases import kernel
    from jiefen.cases.kernel import perform
    from jiefen.org.models import Category, User
    from jiefen.triage import classifier, hooks

    classifier.train(seed=42, use_cases=False, by="bench")  # as after `jiefen demo`
    clerk = User.objects.with_roles().get(username="qs_clerk")
    category = Category.objects.get(code="02")
    counter = iter(range(10**9))

    def one_round(repeat: bool) -> tuple[float, float]:
        register_s, lifecycle_s = [], []
        for i in range(args.per_round):
            n = 7 if repeat else next(counter)
            data = {
                "matter_type": "dispute",
                "channel": "walk_in",
                "category": category,
                "region": clerk.centre.region,
                "description": DESCRIPTIONS[i % 3],
                "people_count": 2,
                "parties": [
                    {
                        "role": "applicant",
                        "name": "王某",
                        "id_number": _id_number(n),
                        "phone": f"135{n:08d}",
                    }
                ],
            }
            t0 = time.perf_counter()
            case = perform(None, "register", clerk, **data)
            t1 = time.perf_counter()
            case = perform(case, "accept", clerk)
            perform(case, "urge", clerk, note="请尽快办理")
            t2 = time.perf_counter()
            register_s.append(t1 - t0)
            lifecycle_s.append(t2 - t1)
        return statistics.mean(register_s) * 1000, statistics.mean(lifecycle_s) * 500

    results = {"on": [], "off": []}
    for r in range(args.rounds):
        repeat = r % 3 == 2
        for mode in ("on", "off") if r % 2 == 0 else ("off", "on"):
            if mode == "off":
                kernel.AFTER_ACTION.clear()
            results[mode].append((repeat, *one_round(repeat)))
            kernel.register_after_action(hooks.after_action)

    def med(mode, index, repeat=None):
        rows = [row for row in results[mode] if repeat is None or row[0] == repeat]
        return statistics.median(row[index] for row in rows)

    lines = [
        f"triage overhead, {args.db}, {args.rounds} rounds × {args.per_round} per mode",
        "",
        "| ms per action (median of rounds) | triage on | triage off | on ÷ off |",
        "|---|---:|---:|---:|",
    ]
    for label, index, repeat in [
        ("register, new applicant", 1, False),
        ("register, repeat visitor", 1, True),
        ("accept / urge (mean of the two)", 2, None),
    ]:
        on, off = med("on", index, repeat), med("off", index, repeat)
        lines.append(f"| {label} | {on:.2f} | {off:.2f} | {on / off:.2f}× |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
