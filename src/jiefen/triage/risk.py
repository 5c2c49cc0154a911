"""The risk score (风险研判): weighted signals from the case's words, size, amount, history and
progress, mapped to 红/橙/黄/蓝 by the configured thresholds. Every point of the score is
explained by a listed signal."""

import time
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Q

from jiefen.cases.choices import OPEN_STATES, MatterType, Outcome, RiskLevel, Satisfaction
from jiefen.cases.models import Case, CaseLink, MediationSession, Party
from jiefen.core import clock
from jiefen.triage.models import RiskPolicy, RiskSignal
from jiefen.triage.rules import keywords_of

# code -> (name, default weight, default threshold, default words, order)
DEFAULT_SIGNALS = {
    "people_10": ("涉及人数较多", 25, 10, "", 10),
    "people_30": ("涉及人数众多", 15, 30, "", 11),
    "people_100": ("涉及人数百人以上", 15, 100, "", 12),
    "group": ("群体性事项", 10, None, "", 13),
    "amount_100k": ("涉及金额较大", 15, 100_000, "", 20),
    "amount_1m": ("涉及金额巨大", 10, 1_000_000, "", 21),
    "threat": (
        "扬言威胁",
        40,
        None,
        "扬言、威胁、恐吓、报复、同归于尽、弄死、杀了、拼命、要他好看、不会放过",
        30,
    ),
    "self_harm": (
        "自伤自杀倾向",
        45,
        None,
        "自杀、轻生、跳楼、跳河、喝农药、服毒、割腕、自残、不想活、寻短见、以死相逼",
        31,
    ),
    "weapon": (
        "持械凶器",
        40,
        None,
        "持刀、菜刀、刀具、砍刀、汽油、炸药、爆炸、枪支、棍棒、铁棍、械斗",
        32,
    ),
    "gathering": (
        "聚集围堵",
        30,
        None,
        "聚集、围堵、堵路、堵门、拉横幅、打横幅、静坐、冲击、集体上访、联名、闹事",
        33,
    ),
    "petition_higher": (
        "越级上访倾向",
        25,
        None,
        "进京、赴京、去北京、上北京、赴省、去省里、到省里、越级、上访、信访局、网上曝光、找媒体",
        34,
    ),
    "repeat_visits": ("同一当事人多次来访", 15, 2, "", 40),
    "repeat_petitions": ("同一事项重复信访", 15, 1, "", 41),
    "failed_mediation": ("调解未成", 15, None, "", 50),
    "dissatisfied": ("群众不满意", 15, None, "", 51),
    "overdue": ("办理超期", 10, 1, "", 52),
}


@dataclass(frozen=True)
class Hit:
    code: str
    name: str
    points: int
    detail: str

    def __str__(self):
        return f"{self.name}：{self.detail}（+{self.points}）"


@dataclass
class Facts:
    text: str = ""
    people: int = 1
    amount: Decimal | None = None
    is_group: bool = False
    earlier_visits: int = 0
    repeated_petitions: int = 0
    failed_mediation: bool = False
    dissatisfied: bool = False
    overdue_days: int = 0


@dataclass
class Assessment:
    score: int
    level: str
    hits: list[Hit] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return "；".join(str(h) for h in self.hits) or "未发现风险信号"


_cache = {"at": 0.0, "config": None}
CACHE_SECONDS = 10


def forget() -> None:
    _cache.update(at=0.0, config=None)


def config() -> tuple[RiskPolicy, dict]:
    """The thresholds and the signals (rows missing from the table fall back to defaults)."""
    now = time.monotonic()
    if _cache["config"] is None or now - _cache["at"] > CACHE_SECONDS:
        policy = RiskPolicy.objects.first() or RiskPolicy()
        signals = {}
        for code, (name, weight, threshold, words, sort) in DEFAULT_SIGNALS.items():
            signals[code] = RiskSignal(
                code=code, name=name, weight=weight, threshold=threshold, keywords=words, sort=sort
            )
        for row in RiskSignal.objects.all():
            signals[row.code] = row
        _cache.update(at=now, config=(policy, signals))
    return _cache["config"]


def level_for(score: int, policy: RiskPolicy) -> str:
    for level, minimum in (
        (RiskLevel.RED, policy.red_min),
        (RiskLevel.ORANGE, policy.orange_min),
        (RiskLevel.YELLOW, policy.yellow_min),
        (RiskLevel.BLUE, policy.blue_min),
    ):
        if score >= minimum:
            return level
    return RiskLevel.NONE


def assess(facts: Facts) -> Assessment:
    policy, signals = config()
    hits: list[Hit] = []

    def add(code, detail):
        signal = signals[code]
        if signal.enabled and signal.weight:
            hits.append(Hit(code, signal.name, signal.weight, detail))

    def reaches(code, value) -> bool:
        threshold = signals[code].threshold
        return value is not None and threshold is not None and value >= threshold

    for code in ("people_10", "people_30", "people_100"):
        if reaches(code, facts.people):
            add(code, f"涉及 {facts.people} 人（不少于 {signals[code].threshold:.0f} 人）")
    if facts.is_group:
        add("group", "登记为群体性事项")
    for code in ("amount_100k", "amount_1m"):
        if reaches(code, facts.amount):
            add(
                code, f"涉及金额 {facts.amount:,.0f} 元（不少于 {signals[code].threshold:,.0f} 元）"
            )
    for code in ("threat", "self_harm", "weapon", "gathering", "petition_higher"):
        found = [w for w in keywords_of(signals[code].keywords) if w in facts.text]
        if found:
            add(code, "出现“" + "”“".join(found[:4]) + "”")
    if reaches("repeat_visits", facts.earlier_visits):
        add("repeat_visits", f"近期已有 {facts.earlier_visits} 件事项")
    if reaches("repeat_petitions", facts.repeated_petitions):
        add("repeat_petitions", f"同一事项已反映 {facts.repeated_petitions} 次")
    if facts.failed_mediation:
        add("failed_mediation", "调解未达成协议")
    if facts.dissatisfied:
        add("dissatisfied", "回访或评价为不满意")
    if reaches("overdue", facts.overdue_days):
        add("overdue", f"已超期 {facts.overdue_days} 天")
    score = sum(h.points for h in hits)
    return Assessment(score, level_for(score, policy), hits)


def applicant_hashes(case: Case) -> list[tuple[str, str]]:
    """The keyed hashes (field, value) of the case's applicants' ID and phone numbers."""
    hashes = []
    applicants = Party.objects.filter(case=case, role="applicant")
    for id_hash, phone_hash in applicants.values_list("id_hash", "phone_hash"):
        hashes += [(f, v) for f, v in (("id_hash", id_hash), ("phone_hash", phone_hash)) if v]
    return hashes


def any_of(hashes, prefix: str = "", **also) -> Q:
    """A party (reached through ``prefix``) carrying any of these keyed hashes."""
    matched = Q()
    for name, value in hashes:
        matched |= Q(**{f"{prefix}{name}": value, **also})
    return matched


def facts_of_case(case: Case) -> Facts:
    policy, _ = config()
    today = clock.today()
    hashes = applicant_hashes(case)
    earlier = 0
    petitions = 0
    if hashes:
        same_person = any_of(hashes, "parties__", parties__role="applicant")
        since = case.registered_at - timedelta(days=policy.repeat_window_days)
        history = (
            Case.objects.filter(
                same_person, registered_at__gte=since, registered_at__lt=case.registered_at
            )
            .exclude(pk=case.pk)
            .values_list("pk", "matter_type", "category_id")
            .distinct()
        )
        rows = list(history[:200])
        earlier = len(rows)
        petitions = sum(
            1
            for _, matter, category in rows
            if category == case.category_id and matter == MatterType.PETITION
        )
    fresh = case.event_count <= 1  # just registered: no links or sessions yet
    if not fresh:
        petitions += CaseLink.objects.filter(case=case).count()
    failed = case.outcome == Outcome.FAILED or (
        not fresh and MediationSession.objects.filter(case=case, succeeded=False).exists()
    )
    overdue = 0
    if case.state in OPEN_STATES and case.handling_due and today > case.handling_due:
        overdue = (today - case.handling_due).days
    return Facts(
        text=f"{case.title} {case.description}",
        people=case.people_count,
        amount=case.amount,
        is_group=case.is_group,
        earlier_visits=earlier,
        repeated_petitions=petitions,
        failed_mediation=failed,
        dissatisfied=case.satisfaction == Satisfaction.DISSATISFIED,
        overdue_days=overdue,
    )


def assess_case(case: Case) -> Assessment:
    return assess(facts_of_case(case))
