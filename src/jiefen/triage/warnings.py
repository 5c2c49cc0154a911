"""Risk warnings (风险预警): raised when a case rises to 红 or 橙; an analyst signs for the
warning and records the measures taken. Every step is in the audit log."""

from django.db import transaction

from jiefen.cases.choices import RiskLevel, risk_rank
from jiefen.core import audit, clock
from jiefen.core.errors import DomainError
from jiefen.org.roles import Role
from jiefen.triage.models import RiskWarning

WARNING_LEVELS = (RiskLevel.RED, RiskLevel.ORANGE)
HANDLER_ROLES = frozenset({Role.ANALYST, Role.CENTRE_LEADER, Role.SUPERVISOR, Role.COUNTY_LEADER})


def raise_if_needed(case, before: str, after: str, score: int, signals: list[str]):
    """A new warning when the level rises into 红/橙 and no live warning at least as high exists."""
    if after not in WARNING_LEVELS or risk_rank(after) <= risk_rank(before):
        return None
    live = RiskWarning.objects.filter(case=case).exclude(status=RiskWarning.Status.HANDLED)
    if any(risk_rank(w.level) >= risk_rank(after) for w in live):
        return None
    return RiskWarning.objects.create(
        case=case, level=after, score=score, signals=signals, raised_at=clock.now()
    )


def _check(user, warning: RiskWarning):
    if not HANDLER_ROLES & user.roles:
        raise DomainError("只有研判员、督查员或中心领导可以处理风险预警", "role_not_allowed")


def acknowledge(user, warning: RiskWarning, *, ip="") -> RiskWarning:
    _check(user, warning)
    with transaction.atomic():
        warning = RiskWarning.objects.select_for_update().get(pk=warning.pk)
        if warning.status != RiskWarning.Status.OPEN:
            raise DomainError("该预警已签收", "already_acknowledged")
        warning.status = RiskWarning.Status.ACKNOWLEDGED
        warning.acknowledged_by, warning.acknowledged_at = user, clock.now()
        warning.save(update_fields=["status", "acknowledged_by", "acknowledged_at"])
        audit.record(
            audit.Event.RISK_WARNING,
            user=user,
            ip=ip or None,
            target=f"case:{warning.case.number}:warning:{warning.pk}",
            reason="签收",
        )
    return warning


def handle(user, warning: RiskWarning, *, measures: str, ip="") -> RiskWarning:
    _check(user, warning)
    measures = (measures or "").strip()
    if not measures:
        raise DomainError("请填写处置措施", "measures_required")
    if len(measures) > 2000:
        raise DomainError("处置措施不能超过 2000 字", "measures_too_long")
    with transaction.atomic():
        warning = RiskWarning.objects.select_for_update().get(pk=warning.pk)
        if warning.status == RiskWarning.Status.HANDLED:
            raise DomainError("该预警已处置完毕", "already_handled")
        now = clock.now()
        if warning.status == RiskWarning.Status.OPEN:
            warning.acknowledged_by, warning.acknowledged_at = user, now
        warning.status = RiskWarning.Status.HANDLED
        warning.handled_by, warning.handled_at, warning.measures = user, now, measures
        warning.save()
        audit.record(
            audit.Event.RISK_WARNING,
            user=user,
            ip=ip or None,
            target=f"case:{warning.case.number}:warning:{warning.pk}",
            reason=f"处置：{measures[:100]}",
        )
    return warning
