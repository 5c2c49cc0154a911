"""Risk level (风险研判): set by the automatic assessment (a follow-up the system applies after
the actions that change the signals) or by an analyst, whose level is a floor the automatic
assessment never goes below."""

from jiefen.cases import scope
from jiefen.cases.actions._common import choice, text
from jiefen.cases.choices import OPEN_STATES, Action, RiskLevel, State, risk_rank
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import Step, action
from jiefen.org.roles import Role


@action(
    Action.ASSESS_RISK,
    from_states=[*OPEN_STATES, State.RESOLVED],
    roles={Role.ANALYST, Role.CENTRE_LEADER, Role.SUPERVISOR, Role.COUNTY_LEADER},
    scope=scope.oversees,
)
def assess_risk(ctx, *, level, reason="", score=None, signals=(), auto=False) -> Step:
    """Set the case's risk level. By hand (auto=False) a reason is required and the level
    becomes the floor for later automatic assessments; automatically (auto=True, only as a
    kernel follow-up) the level is max(computed, floor) and the signals are recorded.
    Event: assess_risk."""
    case = ctx.case
    level = choice(level, RiskLevel, "风险等级")
    previous = case.risk_level
    if auto:
        case.risk_score = max(0, min(int(score or 0), 32767))
        if risk_rank(case.risk_manual) > risk_rank(level):
            level = case.risk_manual
        note = "系统自动研判"
    else:
        note = text(reason, "研判意见", max_length=2000)
        case.risk_manual = level
    if level == previous and not auto:
        raise CaseError(f"风险等级已是“{RiskLevel(level).label}”", "risk_unchanged")
    case.risk_level = level
    return Step(
        case.state,
        note=note,
        data={
            "from": previous,
            "to": level,
            "score": case.risk_score,
            "signals": [str(s) for s in signals][:20],
            "auto": bool(auto),
        },
    )
