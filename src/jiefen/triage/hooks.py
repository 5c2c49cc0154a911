"""What the triage layer does after each case action (called by the kernel inside the action's
transaction): record routing decisions, reassess risk, raise warnings."""

from jiefen.cases.choices import FINAL_STATES, Action, State, risk_rank
from jiefen.triage import decisions, risk, warnings

# a case that is over has no risk to follow
NO_RISK_STATES = FINAL_STATES | {State.CLOSED}

# actions after which the risk signals may have changed
RISK_ACTIONS = frozenset(
    {
        Action.REGISTER,
        Action.SUPPLEMENT,
        Action.ACCEPT,
        Action.DISPATCH,
        Action.RECORD_SESSION,
        Action.RESOLVE,
        Action.FOLLOW_UP,
        Action.REOPEN,
        Action.LINK_RELATED,
        Action.URGE,
        Action.SUPERVISE,
        Action.PROPOSE_ESCALATION,
        Action.DENY_ESCALATION,
        Action.SEND_BACK,
    }
)


def after_action(case, action: str, actor, event) -> list:
    # the category suggestion is recorded by the intake screen, which showed it (decisions.py)
    if action == Action.ACCEPT:
        decisions.on_level(case, action, actor, case.level)
    elif action == Action.DELEGATE_DOWN:
        decisions.on_level(case, action, actor, case.level)
    elif action == Action.PROPOSE_ESCALATION and case.escalation_target_id:
        decisions.on_level(case, action, actor, case.escalation_target.region.level)
    elif action == Action.DISPATCH:
        decisions.on_dispatch(case, actor)
    if action == Action.ASSESS_RISK:
        if event.data.get("auto"):  # the daily reassessment raised its warning already
            return []
        warnings.raise_if_needed(
            case,
            event.data.get("from", ""),
            case.risk_level,
            case.risk_score,
            [f"人工研判：{event.note}"],
        )
        return []
    if action not in RISK_ACTIONS or case.state in NO_RISK_STATES:
        return []
    return reassess(case)


def reassess(case) -> list:
    """The follow-up that sets the computed level, if it differs from the case's level."""
    assessment = risk.assess_case(case)
    level = assessment.level
    if risk_rank(case.risk_manual) > risk_rank(level):
        level = case.risk_manual
    if level == case.risk_level:
        return []
    signals = [str(h) for h in assessment.hits]
    warnings.raise_if_needed(case, case.risk_level, level, assessment.score, signals)
    return [
        (
            Action.ASSESS_RISK,
            {"level": level, "score": assessment.score, "signals": signals, "auto": True},
        )
    ]
