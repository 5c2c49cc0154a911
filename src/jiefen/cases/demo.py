"""Demo cases for the demo county: about 3,000 matters over the last 24 months, every state,
category, channel and level, driven through ``perform`` exactly as staff would (so histories,
deadlines and chains are real). Deterministic: the same seed gives the same data."""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from jiefen.cases import demo_text
from jiefen.cases.choices import Channel, MatterType, State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.cases.models import Case
from jiefen.core import clock
from jiefen.org.demo import COUNTY_CODE, TOWNS
from jiefen.org.models import Category, Centre, Region, Unit, User
from jiefen.org.roles import Role

# Final states and their weights for cases older than two months; recent cases are still open.
OLD_STATES = [
    (State.ARCHIVED, 50),
    (State.CLOSED, 22),
    (State.RESOLVED, 5),
    (State.REJECTED, 7),
    (State.IN_PROGRESS, 6),
    (State.ACCEPTED, 2),
    (State.DISPATCHED, 2),
    (State.AWAITING_MATERIALS, 2),
    (State.ESCALATION_PENDING, 2),
    (State.REGISTERED, 2),
]
RECENT_STATES = [
    (State.REGISTERED, 12),
    (State.AWAITING_MATERIALS, 6),
    (State.ACCEPTED, 10),
    (State.DISPATCHED, 9),
    (State.IN_PROGRESS, 25),
    (State.ESCALATION_PENDING, 6),
    (State.RESOLVED, 12),
    (State.CLOSED, 10),
    (State.REJECTED, 4),
    (State.ARCHIVED, 6),
]
CHANNELS = [
    (Channel.WALK_IN, 38),
    (Channel.PHONE, 12),
    (Channel.LETTER, 3),
    (Channel.ONLINE, 9),
    (Channel.HOTLINE_12345, 12),
    (Channel.POLICE_110, 5),
    (Channel.GRID, 10),
    (Channel.PLATFORM, 2),
    (Channel.LEADER_RECEPTION, 3),
    (Channel.LEADER_ASSIGNED, 1),
    (Channel.DEPT_TRANSFER, 3),
    (Channel.HIGHER_ASSIGNED, 2),
]
UNIT_BY_CATEGORY = {
    "劳动争议": "劳动人事争议仲裁院",
    "道路交通事故": "交警",
    "医疗": "医疗纠纷",
    "物业": "住房和城乡建设局",
    "山林土地": "自然资源局",
    "征地拆迁": "自然资源局",
    "消费": "市场监督管理局",
    "合同": "人民法院",
    "损害赔偿": "公安局",
    "环境污染": "司法局",
    "婚姻家庭": "妇女联合会",
}


def _weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


@dataclass
class Places:
    """The demo county's centres and the staff who act for each."""

    centres: dict
    clerks: dict
    mediators: dict
    leaders: dict
    units: list
    handlers: dict
    until: datetime | None = None

    @classmethod
    def load(cls):
        staff = list(User.objects.with_roles().filter(is_active=True, centre__isnull=False))

        def first(centre, role):
            return next(
                (
                    u
                    for u in staff
                    if u.centre_id == centre.pk and u.unit_id is None and role in u.roles
                ),
                None,
            )

        centres = {c.region.code: c for c in Centre.objects.select_related("region__parent")}
        units = list(Unit.objects.filter(centre__region__code=COUNTY_CODE, active=True))
        handlers = {u.unit_id: u for u in staff if u.unit_id}
        return cls(
            centres=centres,
            clerks={c: first(c, Role.WINDOW_CLERK) for c in centres.values()},
            mediators={c: first(c, Role.MEDIATOR) for c in centres.values()},
            leaders={c: first(c, Role.CENTRE_LEADER) for c in centres.values()},
            units=[u for u in units if u.pk in handlers],
            handlers=handlers,
        )


def load(count: int = 3000, seed: int = 2026, months: int = 24, progress=None) -> int:
    """Create ``count`` cases; returns how many were made. Runs with the clock moved to each
    step's moment and puts it back afterwards."""
    rng = random.Random(seed)
    places = Places.load()
    places.until = clock.now()
    start = clock.today() - timedelta(days=months * 30)
    days = sorted(rng.randrange(months * 30) for _ in range(count))
    repeat_people: list[dict] = []
    made = 0
    try:
        for batch in range(0, count, 100):
            # 100 cases a transaction: each perform is then a savepoint, not a commit (4× faster)
            with transaction.atomic():
                for i in range(batch, min(batch + 100, count)):
                    moment = timezone.make_aware(
                        datetime.combine(start + timedelta(days=days[i]), time(8, 30))
                    )
                    moment = min(
                        moment + timedelta(minutes=rng.randrange(0, 8 * 60)),
                        places.until - timedelta(hours=1),
                    )
                    _one_case(rng, places, moment, repeat_people)
                    made += 1
            if progress:
                progress(min(batch + 100, count), count)
    finally:
        clock.reset()
    return made


def _one_case(rng, places: Places, moment, repeat_people) -> Case | None:
    town_code, town_name, _slug, villages = rng.choice(TOWNS)
    suffix, village_name, _vslug = rng.choice(villages)
    village_code = town_code[:9] + suffix
    sketch = demo_text.make_case(rng, village=village_name, town=town_name)
    level = rng.choices(["village", "town", "county"], weights=[52, 33, 15])[0]
    if sketch.is_group or sketch.risk_words:
        level = rng.choice(["town", "county"])
    centre = places.centres[
        {"village": village_code, "town": town_code, "county": COUNTY_CODE}[level]
    ]
    clerk = places.clerks[centre]
    recent = (places.until - moment).days < 60
    target = _weighted(rng, RECENT_STATES if recent else OLD_STATES)
    channel = (
        Channel.GRID if level == "village" and rng.random() < 0.15 else _weighted(rng, CHANNELS)
    )
    data = _register_data(rng, sketch, village_code, channel, places, repeat_people)
    clock.set_fixed(moment)
    try:
        case = perform(None, "register", clerk, **data)
        return _drive(rng, places, case, target, moment)
    except CaseError:
        return None  # a random path met a rule (e.g. no agreement yet); the case stays where it got


def _register_data(rng, sketch, village_code, channel, places, repeat_people) -> dict:
    parties = []
    for p in sketch.parties:
        party = {
            "role": p.role,
            "kind": p.kind,
            "name": p.name,
            "address": p.address_hint,
            "occupation": p.occupation,
        }
        if p.kind == "person":
            if repeat_people and rng.random() < 0.08 and p.role == "applicant":
                party = dict(rng.choice(repeat_people))
            else:
                if p.birth_year and rng.random() < 0.85:
                    party["id_number"] = demo_text.citizen_id(rng, p.birth_year, p.sex or "male")
                party["phone"] = demo_text.mobile(rng)
                party["ethnicity"] = p.ethnicity
                if p.role == "applicant" and rng.random() < 0.2:
                    repeat_people.append(party)
        parties.append(party)
    data = {
        "matter_type": sketch.matter_type,
        "channel": channel,
        "category": Category.objects.get(name=sketch.category).pk,
        "title": sketch.title,
        "description": sketch.description,
        "region": Region.objects.get(code=village_code, valid_to__isnull=True).pk,
        "parties": parties,
        "people_count": sketch.people_count,
        "amount": sketch.amount_yuan,
        "is_group": sketch.is_group,
        "risk_level": "orange" if sketch.risk_words else ("yellow" if sketch.is_group else "none"),
    }
    if channel in (Channel.DEPT_TRANSFER, Channel.HOTLINE_12345, Channel.POLICE_110):
        data["external_ref"] = f"ZB{rng.randrange(10**9):09d}"
    if channel == Channel.DEPT_TRANSFER:
        data["source_unit"] = rng.choice(places.units).pk
    if sketch.matter_type == MatterType.SUGGESTION and rng.random() < 0.5:
        data["parties"] = []
    return data


def _later(rng, case_moment, hours=(1, 72)):
    return case_moment + timedelta(hours=rng.uniform(*hours))


def _drive(rng, places: Places, case: Case, target: str, moment) -> Case:
    """Take the case through plausible steps until it reaches ``target``."""
    clerk = places.clerks[case.centre]
    step = {"t": moment}

    def act(action, actor, **data):
        step["t"] = min(_later(rng, step["t"]), places.until - timedelta(minutes=1))
        clock.set_fixed(step["t"])
        return perform(case, action, actor, **data)

    if target == State.REGISTERED:
        return case
    if target in (State.AWAITING_MATERIALS, State.REJECTED) or rng.random() < 0.06:
        case = act(
            "request_materials",
            clerk,
            items=["申请人身份证复印件", "相关证据材料（照片、票据、合同等）"],
        )
        if target == State.AWAITING_MATERIALS:
            return case
        if target == State.REJECTED:
            return act(
                "reject",
                clerk,
                reason="经审查，该事项已由人民法院立案受理，依法不属于人民调解受理范围",
                other_route="请按人民法院诉讼程序处理",
            )
        case = act("supplement", clerk, note="当事人已补齐身份证复印件及证据材料")
    case = act("accept", clerk)
    if target == State.ACCEPTED:
        return case
    case = _maybe_escalate(rng, places, case, act, target)
    if case.state == State.ESCALATION_PENDING:
        return case
    clerk = places.clerks[case.centre]
    case = _start_handling(rng, places, case, act, target)
    if case.state in (State.DISPATCHED,) or target == State.IN_PROGRESS:
        _oversight(rng, places, case, act)
        return case
    return _finish(rng, places, case, act, target)


def _maybe_escalate(rng, places, case, act, target):
    wants = target == State.ESCALATION_PENDING or (case.level != "county" and rng.random() < 0.12)
    if not wants or case.level == "county":
        return case
    case = act(
        "propose_escalation",
        places.clerks[case.centre],
        opinion="涉及人数较多、情况复杂，本级调处难度大，提请上级中心调处",
    )
    if target == State.ESCALATION_PENDING:
        return case
    if case.level == "village":
        decider = places.clerks[case.escalation_target]
    else:
        decider = places.leaders[case.centre]
    return act("approve_escalation", decider, note="同意提级")


def _start_handling(rng, places, case, act, target):
    clerk = places.clerks[case.centre]
    dispatchable = case.level == "county" or (case.level == "town" and rng.random() < 0.3)
    if target == State.DISPATCHED or (dispatchable and rng.random() < 0.6):
        lead = _unit_for(rng, places, case)
        others = [u for u in places.units if u.pk != lead.pk]
        chosen = [lead] + (rng.sample(others, 1) if rng.random() < 0.3 else [])
        case = act("dispatch", clerk, units=chosen, lead=lead)
        if target == State.DISPATCHED:
            return case
        return act("sign_for", places.handlers[lead.pk], note="已签收，安排专人办理")
    mediator = places.mediators[case.centre] or clerk
    return act("assign", clerk, handler=mediator)


def _unit_for(rng, places, case):
    hint = UNIT_BY_CATEGORY.get(case.category.name, "司法局")
    matching = [u for u in places.units if hint in u.name]
    return matching[0] if matching else rng.choice(places.units)


def _oversight(rng, places, case, act):
    leader = places.leaders.get(case.centre)
    if leader is not None and rng.random() < 0.25:
        act(
            "supervise",
            leader,
            due=(clock.today() + timedelta(days=rng.randrange(3, 15))).isoformat(),
            note="请加快办理进度，按期反馈",
        )
    if rng.random() < 0.15:
        act("urge", places.clerks[case.centre], note="该事项即将到期，请抓紧办理")


def _finish(rng, places, case, act, target):
    handler = case.handler or places.clerks[case.centre]
    agreed = case.matter_type == MatterType.DISPUTE and rng.random() < 0.72
    if case.matter_type == MatterType.DISPUTE:
        case = act(
            "record_session",
            handler,
            held_at=clock.now().isoformat(),
            place=f"{case.centre.name}调解室",
            participants="申请人、被申请人、调解员",
            applicant_account="申请人陈述了事情经过并提出诉求。",
            respondent_account="被申请人对部分事实有异议，愿意协商。",
            result="经调解，双方达成一致意见。" if agreed else "双方分歧较大，未能达成一致。",
            agreement={
                "facts": case.description[:200],
                "terms": "双方同意按调解意见履行，今后互不追究。",
                "performance": "协议签订之日起十五日内履行完毕。",
            }
            if agreed
            else None,
        )
    outcome = (
        "agreement"
        if agreed
        else (
            "failed"
            if case.matter_type == MatterType.DISPUTE
            else rng.choice(["answered", "handled"])
        )
    )
    feedback = "已按要求办理完毕，当事人已知晓处理结果。"
    case = act(
        "resolve",
        handler,
        outcome=outcome,
        summary="经调处，" + ("双方达成调解协议并已履行。" if agreed else "已依法答复当事人。"),
        route="litigation" if outcome == "failed" else "",
        feedback=feedback,
    )
    if target == State.RESOLVED:
        return case
    clerk = places.clerks[case.centre]
    case = act("notify_result", clerk, method=rng.choice(["phone", "in_person", "sms"]))
    satisfaction = rng.choices(["satisfied", "basically", "dissatisfied"], weights=[78, 17, 5])[0]
    case = act(
        "follow_up",
        clerk,
        method="phone",
        satisfaction=satisfaction,
        performance_status="已履行" if agreed else "",
    )
    if satisfaction == "dissatisfied":
        return case
    case = act("close", clerk)
    if target == State.ARCHIVED:
        case = act("archive", clerk)
    return case
