"""The routing rule engine: which level, centre and units should handle a matter, and why.

Rules are tried in priority order (smaller first, then id). Every rule whose conditions all hold
fires. Each output (level, centre, lead unit or its kind, assisting kinds, deadline policy) is
decided by the first firing rule that sets it; a later firing rule that also sets it is listed
as overridden. A rule marked ``stop`` ends the matching."""

import re
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max

from jiefen.cases.choices import MatterType, RiskLevel
from jiefen.cases.scope import region_within
from jiefen.org.models import Level, Unit
from jiefen.triage.models import RoutingRule

OUTPUTS = {
    "target_level": "办理层级",
    "target_centre": "承办中心",
    "lead_unit": "牵头单位",
    "lead_unit_kind": "牵头单位类别",
    "assist_unit_kinds": "配合单位类别",
    "deadline_policy": "适用时限",
}
_SEPARATORS = re.compile(r"[、,，;；\s]+")
CACHE_SECONDS = 10


@dataclass(frozen=True)
class Facts:
    """What the rules look at, from a case or from an intake form being filled in."""

    matter_type: str = ""
    category_code: str = ""
    place_code: str = ""
    people: int = 1
    amount: Decimal | None = None
    is_group: bool = False
    text: str = ""
    risk_level: str = RiskLevel.NONE

    @classmethod
    def of_case(cls, case) -> "Facts":
        return cls(
            matter_type=case.matter_type,
            category_code=case.category.code,
            place_code=str(case.place_code),
            people=case.people_count,
            amount=case.amount,
            is_group=case.is_group,
            text=f"{case.title} {case.description}",
            risk_level=case.risk_level,
        )


@dataclass
class Fired:
    rule: RoutingRule
    applied: list[str] = field(default_factory=list)  # output labels this rule decided
    overridden: list[str] = field(default_factory=list)  # outputs an earlier rule had decided
    matched: list[str] = field(default_factory=list)  # the conditions that held, in words


@dataclass
class Suggestion:
    target_level: str = ""
    target_centre: object = None
    lead_unit: object = None
    lead_unit_kind: str = ""
    assist_unit_kinds: list = field(default_factory=list)
    deadline_policy: object = None
    fired: list[Fired] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.fired

    def summary(self) -> str:
        parts = []
        if self.target_centre is not None:
            parts.append(f"由{self.target_centre.name}办理")
        elif self.target_level:
            parts.append(f"由{Level(self.target_level).label}中心办理")
        if self.lead_unit is not None:
            parts.append(f"牵头单位：{self.lead_unit.name}")
        elif self.lead_unit_kind:
            parts.append(f"牵头单位：{Unit.Kind(self.lead_unit_kind).label}")
        if self.assist_unit_kinds:
            parts.append("配合：" + "、".join(Unit.Kind(k).label for k in self.assist_unit_kinds))
        if self.deadline_policy is not None:
            policy = self.deadline_policy
            parts.append(f"时限：{policy.amount} {policy.get_unit_display()}")
        return "；".join(parts) if parts else "无匹配的分流规则，请按常规流程处理"

    def why(self) -> str:
        """The Chinese explanation: every rule that fired, what it decided, what it lost to."""
        if not self.fired:
            return "没有命中任何分流规则。"
        lines = []
        for n, f in enumerate(self.fired, 1):
            line = f"{n}. 规则“{f.rule.name}”（优先级 {f.rule.priority}）命中：{'；'.join(f.matched) or '无条件'}"
            if f.applied:
                line += f" → 决定{'、'.join(f.applied)}"
            if f.overridden:
                line += f"（{'、'.join(f.overridden)}已由优先级更高的规则决定，本规则不采用）"
            if f.rule.reason:
                line += f"。依据：{f.rule.reason}"
            if f.rule.stop:
                line += "。该规则命中后停止匹配"
            lines.append(line)
        return "\n".join(lines)

    def unit_for(self, units) -> object:
        """The suggested lead unit among ``units`` (a named unit, else the first of its kind)."""
        units = list(units)
        if self.lead_unit is not None:
            return next((u for u in units if u.pk == self.lead_unit.pk), None)
        if self.lead_unit_kind:
            return next((u for u in units if u.kind == self.lead_unit_kind), None)
        return None


def keywords_of(value: str) -> list[str]:
    return [w for w in _SEPARATORS.split(value or "") if w]


def _conditions(rule: RoutingRule, facts: Facts, categories: set) -> list[str] | None:
    """The conditions the rule sets, in words, if all of them hold; None if one fails."""
    said = []
    if rule.matter_types:
        if facts.matter_type not in rule.matter_types:
            return None
        said.append("事项类型为" + MatterType(facts.matter_type).label)
    if categories:
        if facts.category_code not in categories:
            return None
        said.append(f"类别为{rule._category_names.get(facts.category_code, facts.category_code)}")
    if rule.region_id:
        if not facts.place_code or not region_within(facts.place_code, rule.region.prefix):
            return None
        said.append(f"事发地在{rule.region.name}")
    if rule.min_people is not None:
        if facts.people < rule.min_people:
            return None
        said.append(f"涉及 {facts.people} 人（不少于 {rule.min_people} 人）")
    if rule.max_people is not None:
        if facts.people >= rule.max_people:
            return None
        said.append(f"涉及 {facts.people} 人（少于 {rule.max_people} 人）")
    if rule.min_amount is not None:
        if facts.amount is None or facts.amount < rule.min_amount:
            return None
        said.append(f"金额 {facts.amount:,.0f} 元（不少于 {rule.min_amount:,.0f} 元）")
    if rule.max_amount is not None:
        if facts.amount is not None and facts.amount >= rule.max_amount:
            return None
        said.append(f"金额少于 {rule.max_amount:,.0f} 元")
    if rule.is_group is not None:
        if facts.is_group != rule.is_group:
            return None
        said.append("群体性事项" if rule.is_group else "非群体性事项")
    words = keywords_of(rule.keywords)
    if words:
        hits = [w for w in words if w in facts.text]
        if not hits:
            return None
        said.append("出现关键词“" + "”“".join(hits[:5]) + "”")
    if rule.risk_levels:
        if facts.risk_level not in rule.risk_levels:
            return None
        said.append("风险等级为" + RiskLevel(facts.risk_level).label)
    return said


def suggest(facts: Facts, rules: list[RoutingRule] | None = None) -> Suggestion:
    result = Suggestion()
    for rule in rules if rules is not None else active_rules():
        _load_categories(rule)
        matched = _conditions(rule, facts, rule._category_codes)
        if matched is None:
            continue
        fired = Fired(rule, matched=matched)
        for attr, label in OUTPUTS.items():
            value = getattr(rule, attr)
            if not value:
                continue
            if attr == "lead_unit_kind" and result.lead_unit is not None:
                fired.overridden.append(label)
                continue
            current = getattr(result, attr)
            if current:
                fired.overridden.append(label)
            else:
                setattr(result, attr, value)
                fired.applied.append(label)
        result.fired.append(fired)
        if rule.stop:
            break
    return result


def _load_categories(rule: RoutingRule) -> None:
    if not hasattr(rule, "_category_codes"):
        cats = list(rule.categories.all())
        rule._category_codes = {c.code for c in cats}
        rule._category_names = {c.code: c.name for c in cats}


_cache = {"key": None, "rules": [], "checked": 0.0}
_lock = threading.Lock()


def active_rules() -> list[RoutingRule]:
    """The active rules with their categories, cached per process until the table changes."""
    now = time.monotonic()
    if now - _cache["checked"] < CACHE_SECONDS and _cache["key"] is not None:
        return _cache["rules"]
    stamp = RoutingRule.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    key = (stamp["n"], stamp["at"])
    if key != _cache["key"]:
        with _lock:
            rules = list(
                RoutingRule.objects.filter(active=True)
                .select_related("region", "target_centre", "lead_unit", "deadline_policy")
                .prefetch_related("categories")
                .order_by("priority", "id")
            )
            for rule in rules:
                _load_categories(rule)
            _cache.update(key=key, rules=rules)
    _cache["checked"] = now
    return _cache["rules"]


def forget() -> None:
    _cache.update(key=None, rules=[], checked=0.0)
