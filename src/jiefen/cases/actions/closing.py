"""Closing the loop: resolve, tell the party, follow up on satisfaction, reopen, close."""

from jiefen.cases import deadlines, scope
from jiefen.cases.actions._common import CENTRE_DESK, HANDLING_ROLES, attachments, choice, text
from jiefen.cases.choices import (
    SENT_CHANNELS,
    Action,
    ContactMethod,
    Outcome,
    Route,
    Satisfaction,
    Stage,
    State,
)
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import Step, action
from jiefen.cases.models import Attachment, FollowUp
from jiefen.org.roles import Role

RESOLVE_OUTCOMES = [
    Outcome.AGREEMENT,
    Outcome.FAILED,
    Outcome.ANSWERED,
    Outcome.HANDLED,
    Outcome.WITHDRAWN,
]


def may_resolve(actor, case) -> bool:
    """The handler, the lead unit, or the holding centre's staff; an assisting unit may not."""
    if Role.PUBLIC_PORTAL in actor.roles:
        return False
    if case.handler_id == actor.pk:
        return True
    if scope.active_assignment(actor, case) is not None:
        return scope.is_lead_unit(actor, case)
    return scope.at_holding_centre(actor, case)


@action(Action.RESOLVE, from_states=[State.IN_PROGRESS], roles=HANDLING_ROLES, scope=may_resolve)
def resolve(ctx, *, outcome, summary, route="", feedback="", files=()) -> Step:
    """Conclude handling (办结). A failed mediation names the route left to the party; a case
    sent by a department or another level needs the feedback for the sender; an agreement
    outcome needs a recorded agreement. Event: resolve; sets the follow-up deadline."""
    case = ctx.case
    outcome = choice(outcome, Outcome, "办理结果")
    if outcome not in RESOLVE_OUTCOMES:
        raise CaseError("办理结果的取值无效", "invalid_choice", field="办理结果")
    if outcome == Outcome.AGREEMENT and not case.agreements.exists():
        raise CaseError(
            "尚未录入调解协议，不能以“调解成功”办结", "agreement_missing", field="办理结果"
        )
    route = choice(route, Route, "后续途径") if route else ""
    if outcome == Outcome.FAILED and not route:
        raise CaseError(
            "调解不成的，须告知当事人可选择的其他途径", "route_required", field="后续途径"
        )
    feedback = text(feedback, "反馈意见", required=case.channel in SENT_CHANNELS, max_length=2000)
    case.outcome, case.outcome_route, case.feedback = outcome, route, feedback
    case.result_summary = text(summary, "办理结果说明", max_length=4000)
    case.resolved_at = ctx.now
    case.follow_up_due = deadlines.due_date(
        case.matter_type, case.category_id, Stage.FOLLOW_UP, ctx.today
    )
    case.supervisions.filter(closed_at__isnull=True).update(closed_at=ctx.now)
    case.is_supervised = False
    notify = [("sender.feedback", {"external_ref": case.external_ref})] if feedback else []
    files = attachments(files, kind=Attachment.Kind.PERFORMANCE, uploader=ctx.actor, now=ctx.now)
    return Step(
        State.RESOLVED,
        note=case.result_summary,
        attachments=files,
        notify=notify,
        data={"outcome": outcome, "route": route, "follow_up_due": case.follow_up_due},
    )


NOTIFY_ROLES = CENTRE_DESK | {Role.MEDIATOR, Role.UNIT_HANDLER}


def may_notify(actor, case) -> bool:
    """Whoever may resolve; or the portal, when the citizen reads the result on the tracking page."""
    return (
        scope.portal_or_holding_centre(actor, case)
        if Role.PUBLIC_PORTAL in actor.roles
        else may_resolve(actor, case)
    )


@action(
    Action.NOTIFY_RESULT,
    from_states=[State.RESOLVED],
    roles=NOTIFY_ROLES | {Role.PUBLIC_PORTAL},
    scope=may_notify,
    offer_if=lambda actor, case: case.notified_at is None,
)
def notify_result(ctx, *, method, note="") -> Step:
    """Record that the result was told to the party (结果告知), and how. Event: notify_result;
    queues the result notice to the applicant."""
    case = ctx.case
    if case.notified_at is not None:
        raise CaseError("已告知过办理结果", "already_notified")
    method = choice(method, ContactMethod, "告知方式")
    case.notified_at = ctx.now
    return Step(
        case.state,
        note=text(note, "告知情况", required=False, max_length=2000),
        data={"method": method},
        notify=[("party.result", {"outcome": case.outcome})],
    )


FOLLOW_UP_ROLES = CENTRE_DESK | {Role.SUPERVISOR, Role.MEDIATOR, Role.PUBLIC_PORTAL}


@action(
    Action.FOLLOW_UP,
    from_states=[State.RESOLVED],
    roles=FOLLOW_UP_ROLES,
    scope=scope.portal_or_holding_centre,
    offer_if=lambda actor, case: case.notified_at is not None,
)
def follow_up(
    ctx,
    *,
    method,
    satisfaction,
    performance_status="",
    lawsuit_filed=False,
    escalation_signs=False,
    note="",
) -> Step:
    """Record the satisfaction follow-up (回访). 不满意 lets a supervisor reopen the case.
    Event: follow_up."""
    case = ctx.case
    if case.notified_at is None:
        raise CaseError("请先告知当事人办理结果，再进行回访", "not_notified")
    row = FollowUp.objects.create(
        case=case,
        at=ctx.now,
        by=ctx.actor,
        method=choice(method, ContactMethod, "回访方式"),
        satisfaction=choice(satisfaction, Satisfaction, "满意度"),
        performance_status=text(performance_status, "协议履行情况", required=False, max_length=200),
        lawsuit_filed=bool(lawsuit_filed),
        escalation_signs=bool(escalation_signs),
        note=text(note, "回访情况", required=False, max_length=2000),
    )
    case.satisfaction = row.satisfaction
    return Step(
        case.state,
        note=row.note,
        data={
            "method": row.method,
            "satisfaction": row.satisfaction,
            "escalation_signs": row.escalation_signs,
        },
    )


@action(
    Action.REOPEN,
    from_states=[State.RESOLVED, State.CLOSED],
    roles={Role.SUPERVISOR, Role.CENTRE_LEADER},
    scope=scope.oversees,
    offer_if=lambda actor, case: case.satisfaction == Satisfaction.DISSATISFIED
    and not case.merged_into_id,
)
def reopen(ctx, *, reason) -> Step:
    """Send a case the party was dissatisfied with back to handling, with a new handling period.
    Event: reopen."""
    case = ctx.case
    if case.satisfaction != Satisfaction.DISSATISFIED:
        raise CaseError("只有回访不满意的事项才能重新办理", "not_dissatisfied")
    if case.merged_into_id:
        raise CaseError("已合并的事项不能重新办理", "merged")
    reason = text(reason, "重新办理的理由", max_length=2000)
    case.outcome = case.outcome_route = case.satisfaction = ""
    case.resolved_at = case.notified_at = case.closed_at = None
    case.follow_up_due = None
    case.handling_due = deadlines.due_date(
        case.matter_type, case.category_id, Stage.HANDLING, ctx.today
    )
    return Step(
        State.IN_PROGRESS,
        note=reason,
        data={"handling_due": case.handling_due},
        notify=[("staff.reopened", {})],
    )


@action(
    Action.CLOSE,
    from_states=[State.RESOLVED],
    roles=CENTRE_DESK | {Role.SUPERVISOR},
    scope=scope.at_holding_centre,
    offer_if=lambda actor, case: case.notified_at is not None and bool(case.satisfaction),
)
def close(ctx, *, note="") -> Step:
    """Close the case (结案) once the result was told and the follow-up done; closing over a
    dissatisfied party needs an explanation. Event: close."""
    case = ctx.case
    if case.notified_at is None:
        raise CaseError("尚未告知当事人办理结果，不能结案", "not_notified")
    if not case.satisfaction:
        raise CaseError("尚未回访，不能结案", "not_followed_up")
    note = text(
        note, "结案说明", required=case.satisfaction == Satisfaction.DISSATISFIED, max_length=2000
    )
    case.closed_at = ctx.now
    return Step(State.CLOSED, note=note, data={"satisfaction": case.satisfaction})
