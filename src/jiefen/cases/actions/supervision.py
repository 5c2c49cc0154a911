"""Supervision: escalation up a level, extensions, 督办 and 催办."""

from jiefen.cases import deadlines, scope
from jiefen.cases.actions._common import (
    DESK_AND_SUPERVISOR,
    HANDLING_ROLES,
    OVERSIGHT_ROLES,
    a_date,
    positive_int,
    text,
)
from jiefen.cases.actions.routing import _move
from jiefen.cases.choices import OPEN_STATES, Action, State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import Step, action
from jiefen.cases.models import CaseWatcher, Extension, Supervision
from jiefen.org.models import Centre, Level
from jiefen.org.roles import Role

PROPOSE_ROLES = frozenset({Role.WINDOW_CLERK, Role.CENTRE_LEADER, Role.MEDIATOR, Role.SUPERVISOR})


@action(
    Action.PROPOSE_ESCALATION,
    from_states=[State.ACCEPTED, State.IN_PROGRESS],
    roles=PROPOSE_ROLES,
    scope=scope.at_holding_centre,
)
def propose_escalation(ctx, *, opinion) -> Step:
    """Ask to move the case to the centre one level up (提级), with an opinion. A village case
    goes to the town for review; from town level the town leader must approve. Event:
    propose_escalation; state escalation_pending."""
    case = ctx.case
    parent = case.centre.region.parent
    target = Centre.objects.filter(region=parent).first() if parent is not None else None
    if target is None:
        raise CaseError("已是最高层级中心，无法再提级", "no_higher_centre")
    case.escalation_target = target
    case.escalation_opinion = text(opinion, "提级意见", max_length=2000)
    case.escalation_from_state = case.state
    return Step(
        State.ESCALATION_PENDING,
        note=case.escalation_opinion,
        data={"to": target.name},
        notify=[
            (
                "centre.escalation_proposed",
                {"centre_id": target.pk if case.level == Level.VILLAGE else case.centre_id},
            )
        ],
    )


def may_decide_escalation(actor, case) -> bool:
    """A village case is reviewed by the town it goes to; from town level up, the holding
    centre's own leader approves (e.g. town→county needs the town leader)."""
    if case.escalation_target_id is None or actor.unit_id is not None:
        return False
    if case.level == Level.VILLAGE:
        return actor.centre_id == case.escalation_target_id
    return actor.centre_id == case.centre_id and Role.CENTRE_LEADER in actor.roles


ESCALATION_DECIDERS = frozenset({Role.WINDOW_CLERK, Role.CENTRE_LEADER, Role.SUPERVISOR})


@action(
    Action.APPROVE_ESCALATION,
    from_states=[State.ESCALATION_PENDING],
    roles=ESCALATION_DECIDERS,
    scope=may_decide_escalation,
    scope_message="您无权审批该事项的提级",
)
def approve_escalation(ctx, *, note="") -> Step:
    """Move the case to the higher centre, accepted there with a new handling period; the lower
    centre keeps read-only sight. Event: approve_escalation; notifies the higher centre."""
    case = ctx.case
    if case.level != Level.VILLAGE and Role.CENTRE_LEADER not in ctx.actor.roles:
        raise CaseError("镇（街道）级提级须由中心领导审批", "leader_required")
    source, target = case.centre, case.escalation_target
    _move(case, target, ctx)
    CaseWatcher.objects.get_or_create(case=case, centre=source, defaults={"reason": "escalated"})
    _clear_escalation(case)
    return Step(
        State.ACCEPTED,
        note=text(note, "审批意见", required=False, max_length=2000),
        data={"from": source.name, "to": target.name, "handling_due": case.handling_due},
        notify=[("centre.escalated", {"centre_id": target.pk})],
    )


@action(
    Action.DENY_ESCALATION,
    from_states=[State.ESCALATION_PENDING],
    roles=ESCALATION_DECIDERS,
    scope=may_decide_escalation,
    scope_message="您无权审批该事项的提级",
)
def deny_escalation(ctx, *, reason) -> Step:
    """Refuse the escalation with a reason; the case goes back to where it was. Event: deny_escalation."""
    case = ctx.case
    back = case.escalation_from_state or State.ACCEPTED
    _clear_escalation(case)
    return Step(back, note=text(reason, "不同意提级的理由", max_length=2000))


def _clear_escalation(case) -> None:
    case.escalation_target = None
    case.escalation_opinion = ""
    case.escalation_from_state = ""


def _extension_pending(actor, case) -> bool:
    return any(
        e.status == Extension.Status.PENDING for e in case.extensions.all()
    )  # uses a prefetch


@action(
    Action.REQUEST_EXTENSION,
    from_states=[State.DISPATCHED, State.IN_PROGRESS],
    roles=HANDLING_ROLES,
    scope=scope.handles,
    offer_if=lambda actor, case: not _extension_pending(actor, case),
)
def request_extension(ctx, *, days, reason) -> Step:
    """Ask for more time, with the reason (told to the petitioner for petitions). Event: request_extension."""
    case = ctx.case
    limit = deadlines.max_extension_days(case.matter_type, case.category_id)
    remaining = None if limit is None else limit - case.extended_days
    if remaining is not None and remaining <= 0:
        raise CaseError(
            f"已延期 {case.extended_days} 天，达到上限，不能再延期", "extension_exhausted"
        )
    days = positive_int(days, "延期天数", maximum=remaining if remaining is not None else 365)
    if case.extensions.filter(status=Extension.Status.PENDING).exists():
        raise CaseError("已有一份延期申请待审批", "extension_pending")
    reason = text(reason, "延期理由", max_length=2000)
    Extension.objects.create(
        case=case, requested_by=ctx.actor, requested_at=ctx.now, days=days, reason=reason
    )
    return Step(
        case.state,
        note=reason,
        data={"days": days},
        notify=[("centre.extension_requested", {"days": days})],
    )


@action(
    Action.GRANT_EXTENSION,
    from_states=[State.DISPATCHED, State.IN_PROGRESS],
    roles={Role.CENTRE_LEADER, Role.SUPERVISOR},
    scope=scope.oversees,
    offer_if=_extension_pending,
)
def grant_extension(ctx, *, approve, days=None, note="") -> Step:
    """Decide the pending extension; approving moves the handling deadline by the days granted
    (at most those asked). Event: grant_extension."""
    case = ctx.case
    pending = case.extensions.filter(status=Extension.Status.PENDING).first()
    if pending is None:
        raise CaseError("没有待审批的延期申请", "no_pending_extension")
    pending.decided_by, pending.decided_at = ctx.actor, ctx.now
    pending.decision_note = text(note, "审批意见", required=not approve, max_length=2000)
    data = {"approved": bool(approve)}
    if approve:
        granted = positive_int(days or pending.days, "批准延期天数", maximum=pending.days)
        pending.days = granted
        case.handling_due = deadlines.shift(case.handling_due, granted)
        case.extended_days += granted
        data.update(days=granted, handling_due=case.handling_due)
    pending.status = Extension.Status.GRANTED if approve else Extension.Status.DENIED
    pending.save()
    return Step(
        case.state,
        note=pending.decision_note,
        data=data,
        notify=[("staff.extension_decided", data)],
    )


@action(Action.SUPERVISE, from_states=OPEN_STATES, roles=OVERSIGHT_ROLES, scope=scope.oversees)
def supervise(ctx, *, due, note) -> Step:
    """Put the case under supervision (督办) with a due date. Event: supervise; notifies the centre."""
    case = ctx.case
    due = a_date(due, "督办时限")
    if due < ctx.today:
        raise CaseError("督办时限不能早于今天", "due_in_past", field="督办时限")
    note = text(note, "督办意见", max_length=2000)
    Supervision.objects.create(
        case=case, kind=Supervision.Kind.SUPERVISE, by=ctx.actor, at=ctx.now, due=due, note=note
    )
    case.is_supervised = True
    return Step(
        case.state,
        note=note,
        data={"due": due},
        notify=[("centre.supervised", {"due": due.isoformat()})],
    )


@action(
    Action.URGE,
    from_states=OPEN_STATES,
    roles=OVERSIGHT_ROLES | DESK_AND_SUPERVISOR,
    scope=scope.oversees,
)
def urge(ctx, *, note) -> Step:
    """Press the handler to act (催办). Event: urge; notifies the handler."""
    case = ctx.case
    note = text(note, "催办意见", max_length=2000)
    Supervision.objects.create(
        case=case, kind=Supervision.Kind.URGE, by=ctx.actor, at=ctx.now, note=note
    )
    case.urge_count += 1
    return Step(
        case.state, note=note, data={"count": case.urge_count}, notify=[("staff.urged", {})]
    )
