"""The measurements of ``bench.run``, each a function that returns a plain dict.

Django must be set up before any of these run. Register throughput with several processes is
in ``bench.workers`` (a spawned process imports only that module).
"""

import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta

# --- small statistics helpers ----------------------------------------------------------------------


def pct(values, p: float) -> float | None:
    """The p-th percentile (nearest rank on the sorted values), in the values' unit."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def summary_ms(seconds: list[float]) -> dict:
    ms = [x * 1000 for x in seconds]
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50_ms": round(pct(ms, 50), 2),
        "p95_ms": round(pct(ms, 95), 2),
        "p99_ms": round(pct(ms, 99), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
        "max_ms": round(max(ms), 2),
    }


# --- registration input (shared with the worker processes) ---------------------------------------

TOWN_CLERKS = ["qs_clerk", "bs_clerk", "lj_clerk", "ty_clerk", "cg_clerk"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉文斌"
MATTERS = ["dispute"] * 6 + ["petition", "complaint", "legal_consult", "help"]
CHANNELS = ["walk_in"] * 4 + ["phone", "online", "grid", "hotline_12345", "letter"]


def citizen_id(rng) -> str:
    from jiefen.core.identifiers import citizen_id_check_char

    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    first17 = f"990121{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + citizen_id_check_char(first17)


def registration_inputs(actor, n: int, seed: int) -> list[dict]:
    """n realistic ``register`` payloads for ``actor`` (a town clerk), as a form would send them."""
    from jiefen.org.models import Category, Region

    rng = random.Random(seed)
    regions = list(
        Region.objects.current().within(actor.centre.region.prefix).values_list("pk", flat=True)
    )
    categories = list(
        Category.objects.filter(source="ministry", active=True).values_list("pk", flat=True)
    )
    out = []
    for _ in range(n):
        a = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        b = rng.choice(SURNAMES) + rng.choice(GIVEN)
        out.append(
            {
                "matter_type": rng.choice(MATTERS),
                "channel": rng.choice(CHANNELS),
                "category": rng.choice(categories),
                "region": rng.choice(regions),
                "people_count": rng.choice((1, 2, 2, 3)),
                "description": f"{a}反映与{b}因宅基地边界和排水问题发生争执，多次协商未果，请求中心调解处理。",
                "address": f"{rng.randint(1, 12)}组{rng.randint(1, 80)}号",
                "parties": [
                    {
                        "role": "applicant",
                        "name": a,
                        "id_number": citizen_id(rng),
                        "phone": f"139{rng.randrange(10**8):08d}",
                        "address": "示范县青石镇",
                    },
                    {"role": "respondent", "name": b, "phone": f"137{rng.randrange(10**8):08d}"},
                ],
            }
        )
    return out


def actor(username: str):
    from jiefen.org.models import User

    return User.objects.with_roles().get(username=username)


# --- 2. the physical limit: the same rows without perform ----------------------------------------


def raw_inserts(n: int, *, batch: int = 500, seed: int = 7, username: str = "qs_clerk") -> dict:
    """Insert what ``register`` writes (a case, its parties, one event — the register action
    queues no outbox message) with plain ORM inserts: once one registration per transaction
    (the same commit pattern as perform), once ``batch`` registrations per transaction."""
    from django.db import transaction

    from jiefen.cases import numbering
    from jiefen.core import clock

    clerk = actor(username)
    county = clerk.centre.region.code[:6]
    results = {}
    for mode, per_tx in (("per_transaction", 1), ("bulk", batch)):
        inputs = registration_inputs(clerk, n, seed + per_tx)
        rows = []
        for data in inputs:  # numbers taken beforehand, untimed, from the same source perform uses
            with transaction.atomic():
                number = numbering.next_number(county, clock.now().year)
            rows.append(_raw_rows(clerk, data, number))
        t0 = time.perf_counter()
        for start in range(0, n, per_tx):
            chunk = rows[start : start + per_tx]
            with transaction.atomic():
                _insert(chunk)
        seconds = time.perf_counter() - t0
        results[mode] = {
            "registrations": n,
            "per_transaction": per_tx,
            "seconds": round(seconds, 2),
            "per_s": round(n / seconds, 1),
        }
    return results


def _raw_rows(clerk, data, number):
    """Unsaved model objects equivalent to one registration (field values as register sets them)."""
    from jiefen.cases import deadlines
    from jiefen.cases.kernel import event_payload
    from jiefen.cases.models import Case, CaseEvent, Party
    from jiefen.cases.parties import build_parties
    from jiefen.core import clock, crypto
    from jiefen.core.hashing import GENESIS, link_hash
    from jiefen.org.models import Region

    place = Region.objects.only("code").get(pk=data["region"])
    now = clock.now()
    case = Case(
        number=number,
        query_code_hash=crypto.keyed_hash(number + ":RAW"),
        matter_type=data["matter_type"],
        channel=data["channel"],
        category_id=data["category"],
        description=data["description"],
        title=data["description"][:30],
        region_id=place.pk,
        address=data["address"],
        people_count=data["people_count"],
        centre=clerk.centre,
        level=clerk.centre.region.level,
        centre_code=int(clerk.centre.region.code),
        place_code=int(place.code),
        first_responder=clerk,
        registered_by=clerk,
        registered_at=now,
        updated_at=now,
        event_count=1,
        acceptance_due=deadlines.due_date(
            data["matter_type"], data["category"], "acceptance", clock.today()
        ),
    )
    parties: list[Party] = build_parties(data["parties"])  # the same checks and keyed hashes
    event = CaseEvent(
        seq=1,
        action="register",
        actor=clerk,
        actor_name=clerk.full_name,
        actor_centre=clerk.centre.name,
        at=now,
        from_state="",
        to_state="registered",
        note="",
        prev_hash=GENESIS,
        data={
            "number": number,
            "channel": case.channel,
            "matter_type": case.matter_type,
            "parties": len(parties),
        },
    )
    event.hash = link_hash(GENESIS, event_payload(event, number))
    case.last_event_hash = event.hash
    return case, parties, event


def _insert(chunk) -> None:
    from jiefen.cases.models import Case, CaseEvent, Party

    cases = [c for c, _, _ in chunk]
    if len(chunk) == 1:
        cases[0].save(force_insert=True)
    else:
        Case.objects.bulk_create(cases)
    parties, events = [], []
    for case, ps, event in chunk:
        for p in ps:
            p.case = case
        parties.extend(ps)
        event.case = case
        events.append(event)
    Party.objects.bulk_create(parties)
    CaseEvent.objects.bulk_create(events)


# --- 3. the cost of hash chaining ------------------------------------------------------------------


CONST_HASH = "c" * 64
CONST_MARK = "bench:const-hash"


def chaining(n: int = 2000, *, seed: int = 11, username: str = "bs_clerk") -> dict:
    """Register through perform with the real ``link_hash`` and with a constant in its place,
    alternating one registration each (A B A B …), so that whatever else the machine does
    slows both alike; compare the median latencies (95 % interval by bootstrap).

    Cases registered with the constant carry ``external_ref = 'bench:const-hash'``: their
    chains are deliberately invalid, and ``verify-chains`` reports them."""
    from jiefen.cases import kernel
    from jiefen.cases.kernel import perform

    clerk = actor(username)
    real = kernel.link_hash

    def constant(prev, payload):
        return CONST_HASH

    inputs = registration_inputs(clerk, n + 20, seed)
    for data in inputs[:20]:  # warm-up
        perform(None, "register", clerk, **data)
    lat = {"real": [], "constant": []}
    for i, data in enumerate(inputs[20:]):
        mode = "constant" if i % 2 else "real"
        if mode == "constant":
            kernel.link_hash = constant
            data["external_ref"] = CONST_MARK
        try:
            t0 = time.perf_counter()
            perform(None, "register", clerk, **data)
            lat[mode].append(time.perf_counter() - t0)
        finally:
            kernel.link_hash = real
    med_real, med_const = statistics.median(lat["real"]), statistics.median(lat["constant"])
    rng = random.Random(seed)
    boot = []
    for _ in range(1000):
        a = statistics.median(rng.choices(lat["real"], k=len(lat["real"])))
        b = statistics.median(rng.choices(lat["constant"], k=len(lat["constant"])))
        boot.append((a / b - 1) * 100)
    boot.sort()
    micro_us = _hash_micro()
    return {
        "registrations": n,
        "real": summary_ms(lat["real"]),
        "constant": summary_ms(lat["constant"]),
        "overhead_pct": round((med_real / med_const - 1) * 100, 2),
        "overhead_ci95_pct": [round(boot[25], 2), round(boot[974], 2)],
        "overhead_mean_pct": round(
            (statistics.fmean(lat["real"]) / statistics.fmean(lat["constant"]) - 1) * 100, 2
        ),
        "hash_us_per_event": round(micro_us, 1),
        "hash_share_pct": round(micro_us / 1000 / (med_real * 1000) * 100, 3),
    }


def _hash_micro(n: int = 20000) -> float:
    """Microseconds for one event hash: ``link_hash(prev, event_payload(event, number))``."""
    from jiefen.cases.kernel import event_payload
    from jiefen.cases.models import CaseEvent
    from jiefen.core.hashing import GENESIS, link_hash

    event = CaseEvent(
        seq=3,
        action="dispatch",
        actor_id=42,
        at=datetime.now(UTC),
        from_state="accepted",
        to_state="dispatched",
        note="请牵头单位会同配合单位办理",
        data={
            "units": ["示范县司法局", "示范县人民法院诉讼服务站"],
            "lead": "示范县司法局",
            "sign_for_due": "2026-11-24",
        },
    )
    t0 = time.perf_counter()
    prev = GENESIS
    for _ in range(n):
        prev = link_hash(prev, event_payload(event, "990121-2026-0000001"))
    return (time.perf_counter() - t0) / n * 1e6


# --- 4. lifecycle actions through perform ---------------------------------------------------------


class Staff:
    """The demo county's people, by role and centre, loaded once with their roles."""

    def __init__(self):
        from jiefen.org.models import Centre, User
        from jiefen.org.roles import Role

        self.users = {u.username: u for u in User.objects.with_roles().filter(is_active=True)}
        self.centres = {c.pk: c for c in Centre.objects.select_related("region", "region__parent")}
        self.by_region_code = {c.region.code: c for c in self.centres.values()}
        self.desk, self.leader, self.mediator, self.unit_handler = {}, {}, {}, {}
        for u in sorted(self.users.values(), key=lambda u: u.username):
            roles = u.roles
            if u.unit_id:
                self.unit_handler.setdefault(u.unit_id, u)
            elif u.centre_id:
                if Role.WINDOW_CLERK in roles:
                    self.desk.setdefault(u.centre_id, u)
                if Role.CENTRE_LEADER in roles:
                    self.leader.setdefault(u.centre_id, u)
                if Role.MEDIATOR in roles:
                    self.mediator.setdefault(u.centre_id, u)
        self.supervisor = self.users["county_supervisor"]


OPEN = [
    "registered",
    "awaiting_materials",
    "accepted",
    "dispatched",
    "in_progress",
    "escalation_pending",
]


def lifecycle(samples: int = 200, *, seed: int = 5, log=print) -> dict:
    """p50/p95 of each lifecycle action through perform, on cases of the big database.

    Each action takes random cases that are in its starting state in the generated data, acted
    on by a member of staff allowed to do it. Where the data holds too few such cases (a rare
    state such as escalation_pending), the missing ones are brought there first through perform
    from an earlier state (untimed), e.g. propose_escalation before timing approve_escalation."""
    from django.db.models import F

    from jiefen.cases.errors import CaseError
    from jiefen.cases.kernel import perform
    from jiefen.cases.models import Case, CaseUnit, Extension
    from jiefen.core import clock

    rng = random.Random(seed)
    staff = Staff()
    used: set[int] = set()
    fields = [
        "id",
        "centre_id",
        "level",
        "place_code",
        "escalation_target_id",
        "channel",
        "matter_type",
        "extended_days",
    ]

    def pool(qs, k=None):
        """Up to k random cases of qs (as dicts) not taken by another action."""
        k = samples if k is None else k
        if k <= 0:
            return []
        rows = [r for r in qs.values(*fields)[: max(20 * k, 5000)] if r["id"] not in used]
        picked = rng.sample(rows, min(k, len(rows)))
        used.update(r["id"] for r in picked)
        return picked

    def desk(r):
        return staff.desk.get(r["centre_id"]) or staff.leader.get(r["centre_id"])

    def with_desk(qs):
        return qs.filter(centre_id__in=list(staff.desk))

    today = clock.today()
    units = sorted(
        u for u in staff.unit_handler if staff.unit_handler[u].centre.region.level == "county"
    )
    plans: dict[str, list] = {}
    prepared: dict[str, int] = {}

    def plan(name, rows, make, fallback=None, prep=None):
        """rows: cases already in the starting state; fallback: a queryset of cases one step
        earlier, brought forward by ``prep(row)`` (through perform, untimed) to make up numbers."""
        items = [(r, make, None) for r in rows]
        if fallback is not None and len(items) < samples:
            extra = pool(fallback, samples - len(items))
            items += [(r, make, prep) for r in extra]
            prepared[name] = len(extra)
        plans[name] = items

    registered = with_desk(Case.objects.filter(state="registered"))
    accepted = with_desk(Case.objects.filter(state="accepted"))
    in_progress = with_desk(Case.objects.filter(state="in_progress"))
    resolved = with_desk(Case.objects.filter(state="resolved"))

    plan("accept", pool(registered), lambda r: (desk(r), {}))
    plan(
        "reject",
        pool(registered),
        lambda r: (
            desk(r),
            {"reason": "不属于人民调解受理范围", "other_route": "可向人民法院起诉"},
        ),
    )
    plan(
        "request_materials",
        pool(registered),
        lambda r: (desk(r), {"items": ["身份证明复印件", "相关证据材料"]}),
    )
    plan(
        "supplement",
        pool(with_desk(Case.objects.filter(state="awaiting_materials"))),
        lambda r: (desk(r), {"note": "当事人已补齐材料"}),
        fallback=registered,
        prep=lambda r: perform(
            Case(pk=r["id"]), "request_materials", desk(r), items=["书面申请书"]
        ),
    )
    targets_by_centre: dict[int, list[int]] = {}
    for r in pool(accepted):
        targets_by_centre.setdefault(r["centre_id"], []).append(r["id"])
    merge_sources = [r for r in pool(registered.filter(centre_id__in=list(targets_by_centre)))]
    plan(
        "merge_duplicate",
        merge_sources,
        lambda r: (
            desk(r),
            {"into": rng.choice(targets_by_centre[r["centre_id"]]), "note": "同一纠纷重复登记"},
        ),
    )
    plan("dispatch", pool(accepted), lambda r: (desk(r), _dispatch_args(rng, units)))
    plan(
        "assign",
        pool(accepted.filter(centre_id__in=list(staff.mediator))),
        lambda r: (
            desk(r),
            {"handler": staff.mediator[r["centre_id"]].pk, "note": "请尽快联系当事人"},
        ),
    )
    delegable = accepted.filter(level__in=["county", "town"]).exclude(place_code=F("centre_code"))
    plan(
        "delegate_down",
        pool(delegable),
        lambda r: (
            desk(r),
            {"centre": _lower_centre(staff, r), "note": "属地化解，指派下级中心办理"},
        ),
    )
    proposable = accepted.filter(level__in=["village", "town"])
    opinion = "涉及多方，本级难以调处，提请上级中心处理"
    plan("propose_escalation", pool(proposable), lambda r: (desk(r), {"opinion": opinion}))
    pending = Case.objects.filter(state="escalation_pending")
    plan(
        "approve_escalation",
        pool(pending),
        lambda r: _approver(staff, rows_target(r)),
        fallback=proposable,
        prep=lambda r: perform(Case(pk=r["id"]), "propose_escalation", desk(r), opinion=opinion),
    )

    def rows_target(r):
        if (
            r.get("escalation_target_id") is None
        ):  # proposed just now: the target is the parent centre
            r["escalation_target_id"] = Case.objects.values_list(
                "escalation_target_id", flat=True
            ).get(pk=r["id"])
        return r

    signable = CaseUnit.objects.filter(
        active=True,
        status="pending",
        case__state="dispatched",
        unit_id__in=list(staff.unit_handler),
    )
    pairs = {}
    for case_id, unit_id in signable.values_list("case_id", "unit_id")[: 40 * samples]:
        pairs.setdefault(case_id, unit_id)
    dispatched = [{"id": c, "unit_id": u} for c, u in pairs.items() if c not in used]
    rng.shuffle(dispatched)
    half = len(dispatched) // 2
    for name, rows, args in (
        ("sign_for", dispatched[: min(samples, half)], {"note": "已签收"}),
        ("send_back", dispatched[half : half + samples], {"reason": "不属于本单位职责范围"}),
    ):
        used.update(r["id"] for r in rows)

        def prep_dispatch(r):
            lead, other = rng.sample(units, 2)
            perform(Case(pk=r["id"]), "dispatch", desk(r), units=[lead, other], lead=lead)
            r["unit_id"] = lead

        plan(
            name,
            rows,
            lambda r, args=args: (staff.unit_handler[r["unit_id"]], dict(args)),
            fallback=accepted,
            prep=prep_dispatch,
        )
    plan("record_session", pool(in_progress), lambda r: (desk(r), _session_args()))
    plan(
        "resolve",
        pool(in_progress),
        lambda r: (
            desk(r),
            {
                "outcome": "handled",
                "summary": "已依法依规处理并答复当事人",
                "feedback": "已按要求办理并反馈",
            },
        ),
    )
    no_pending = in_progress.exclude(extensions__status="pending").filter(extended_days__lt=20)
    plan(
        "request_extension",
        pool(no_pending),
        lambda r: (desk(r), {"days": 5, "reason": "需进一步调查核实"}),
    )
    ext_cases = Case.objects.filter(
        id__in=Extension.objects.filter(status="pending").values("case_id"),
        state__in=["in_progress", "dispatched"],
    )
    plan(
        "grant_extension",
        pool(ext_cases),
        lambda r: (staff.supervisor, {"approve": True, "note": "同意"}),
        fallback=no_pending,
        prep=lambda r: perform(
            Case(pk=r["id"]), "request_extension", desk(r), days=5, reason="需进一步调查核实"
        ),
    )
    open_cases = Case.objects.filter(state__in=OPEN)
    plan(
        "supervise",
        pool(open_cases),
        lambda r: (
            staff.supervisor,
            {
                "due": (today + timedelta(days=7)).isoformat(),
                "note": "请加快办理进度，按期报告结果",
            },
        ),
    )
    plan(
        "urge",
        pool(open_cases),
        lambda r: (staff.supervisor, {"note": "该事项临近期限，请抓紧办理"}),
    )
    by_centre: dict[int, list[int]] = {}
    for cid, centre in Case.objects.filter(state="closed").values_list("id", "centre_id")[:20000]:
        by_centre.setdefault(centre, []).append(cid)
    linkable = [r for r in pool(in_progress.filter(centre_id__in=list(by_centre)))]
    plan(
        "link_related",
        linkable,
        lambda r: (
            desk(r),
            {"other": rng.choice(by_centre[r["centre_id"]]), "note": "同一当事人的关联纠纷"},
        ),
    )
    plan(
        "notify_result",
        pool(resolved.filter(notified_at__isnull=True)),
        lambda r: (desk(r), {"method": "phone"}),
    )
    plan(
        "follow_up",
        pool(resolved.filter(notified_at__isnull=False, satisfaction="")),
        lambda r: (
            desk(r),
            {"method": "phone", "satisfaction": "satisfied", "note": "当事人表示满意"},
        ),
    )
    plan(
        "close",
        pool(resolved.filter(notified_at__isnull=False).exclude(satisfaction="")),
        lambda r: (desk(r), {"note": "已结案"}),
    )
    plan(
        "archive",
        pool(with_desk(Case.objects.filter(state="closed"))),
        lambda r: (desk(r), {"note": ""}),
    )

    timings: dict[str, list[float]] = {name: [] for name in plans}
    errors: dict[str, list[str]] = {}
    # round-robin over the actions, so every action sees the same mix of warm and cold caches
    for i in range(max((len(v) for v in plans.values()), default=0)):
        for name, items in plans.items():
            if i >= len(items):
                continue
            row, make, prep = items[i]
            try:
                if prep is not None:
                    prep(row)
                who, kwargs = make(row)
                case = Case(pk=row["id"])
                t0 = time.perf_counter()
                perform(case, name, who, **kwargs)
                timings[name].append(time.perf_counter() - t0)
            except CaseError as exc:
                errors.setdefault(name, []).append(f"{exc.code}: {exc}")
    result = {name: summary_ms(ts) for name, ts in timings.items()}
    for name, count in prepared.items():
        result[name]["prepared"] = count
    for name, errs in errors.items():
        result[name]["errors"] = len(errs)
        result[name]["first_error"] = errs[0]
        log(f"  {name}: {len(errs)} refused, e.g. {errs[0]}")
    return result


def _dispatch_args(rng, units):
    chosen = rng.sample(units, 2)
    return {"units": chosen, "lead": chosen[0], "note": "请牵头单位会同配合单位办理"}


def _session_args():
    from jiefen.core import clock

    return {
        "held_at": clock.now() - timedelta(hours=1),
        "place": "调解室",
        "participants": "双方当事人及调解员",
        "applicant_account": "要求对方清理杂物并赔偿损失",
        "respondent_account": "同意清理，不同意赔偿",
        "result": "双方分歧较大，约定再次调解",
    }


def _lower_centre(staff, r) -> int:
    code = str(r["place_code"])
    if r["level"] == "county":
        town = code[:9] + "000"
        centre = staff.by_region_code.get(town) or staff.by_region_code.get(code)
    else:
        centre = staff.by_region_code.get(code)
    return centre.pk if centre else None


def _approver(staff, r):
    if r["level"] == "village":
        return staff.desk.get(r["escalation_target_id"]), {"note": "同意"}
    return staff.leader.get(r["centre_id"]), {"note": "同意"}


# --- 5. work-list and case-detail queries ----------------------------------------------------------

LIST_USERS = [
    ("town clerk", "qs_clerk"),
    ("county clerk", "county_clerk"),
    ("village clerk", "qsc_clerk"),
    ("unit handler", "unit_ldzc"),
]
LIST_STATES = [None, "registered", "accepted", "in_progress", "resolved", "closed"]


def queries(iterations: int = 200, *, seed: int = 3, max_seconds: float = 30) -> dict:
    """p50/p95 of ``work_list`` (page 1, 20 rows, prefetches materialised) per user and state, and
    of the case-detail read (``get_case_for_user_or_404`` plus what the page touches). A cell
    whose query is slow stops after ``max_seconds`` (at least 20 runs); its n says so."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jiefen.cases.selectors import get_case_for_user_or_404, visible_cases, work_list

    rng = random.Random(seed)
    out = {"work_list": [], "detail": []}
    for label, username in LIST_USERS:
        user = actor(username)
        visible = visible_cases(user).count()
        for state in LIST_STATES:
            _touch_list(work_list(user, state=state, page=1, size=20))  # warm-up
            with CaptureQueriesContext(connection) as ctx:
                rows = _touch_list(work_list(user, state=state, page=1, size=20))
            times, started = [], time.perf_counter()
            for i in range(iterations):
                if i >= 20 and time.perf_counter() - started > max_seconds:
                    break  # a slow plan: enough samples for its percentiles, the run goes on
                t0 = time.perf_counter()
                _touch_list(work_list(user, state=state, page=1, size=20))
                times.append(time.perf_counter() - t0)
            out["work_list"].append(
                {
                    "user": label,
                    "username": username,
                    "state": state or "(all)",
                    "visible": visible,
                    "rows": rows,
                    "queries": len(ctx.captured_queries),
                    **summary_ms(times),
                }
            )
        ids = list(visible_cases(user).order_by("-id").values_list("id", flat=True)[:50000])
        sample = rng.sample(ids, min(iterations, len(ids)))
        if not sample:
            continue
        with CaptureQueriesContext(connection) as ctx:
            _touch_detail(get_case_for_user_or_404(user, sample[0]))
        times = []
        for pk in sample:
            t0 = time.perf_counter()
            _touch_detail(get_case_for_user_or_404(user, pk))
            times.append(time.perf_counter() - t0)
        out["detail"].append(
            {
                "user": label,
                "username": username,
                "queries": len(ctx.captured_queries),
                **summary_ms(times),
            }
        )
    return out


def _touch_list(cases) -> int:
    """What a list row shows: number, title, state, category, centre, place, handler, parties, units."""
    for c in cases:
        _ = (
            c.number,
            c.title,
            c.get_state_display(),
            c.category.name,
            c.centre.name,
            c.region.name,
            c.handler.full_name if c.handler_id else "",
            c.handling_due,
        )
        _ = [p.name for p in c.parties.all()]
        _ = [u.unit.name for u in c.active_units]
    return len(cases)


def _touch_detail(case) -> None:
    """What the detail page shows: history, parties with masked numbers, units, records."""
    _ = (
        case.centre.region.name,
        case.category.name,
        case.handler,
        case.first_responder,
        case.registered_by,
    )
    for e in case.events.all():
        _ = (e.seq, e.action, e.actor_name, e.at, e.note, e.data, list(e.attachments.all()))
    for p in case.parties.all():
        _ = (p.name, p.masked_phone, p.masked_id_number)
    _ = [u.unit.name for u in case.units.all()]
    _ = [(s.held_at, s.mediator) for s in case.sessions.all()]
    _ = (
        list(case.agreements.all()),
        list(case.follow_ups.all()),
        list(case.supervisions.all()),
        list(case.extensions.all()),
    )
    _ = (
        [link.other.number for link in case.links.all()],
        [w.centre.name for w in case.watchers.all()],
    )
