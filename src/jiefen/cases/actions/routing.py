"""Routing: dispatch to units (one lead), delegate down, units sign for or send back, assign a handler."""

from jiefen.cases import deadlines, scope
from jiefen.cases.actions._common import CENTRE_DESK, DESK_AND_SUPERVISOR, instance, text
from jiefen.cases.choices import Action, Stage, State, UnitRole, UnitStatus
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import Step, action
from jiefen.cases.models import CaseUnit, CaseWatcher
from jiefen.org.models import LEVEL_ORDER, Centre, Unit, User
from jiefen.org.roles import CASE_ROLES, Role


@action(
    Action.DISPATCH,
    from_states=[State.ACCEPTED],
    roles=DESK_AND_SUPERVISOR,
    scope=scope.at_holding_centre,
)
def dispatch(ctx, *, units, lead, note="") -> Step:
    """Send the case to one or more units, exactly one of them lead (牵头) for joint handling.
    Units must serve this county. Event: dispatch; sets the sign-for deadline; notifies units."""
    case = ctx.case
    chosen = _units(units, case)
    lead_unit = instance(Unit, lead, "牵头单位")
    if lead_unit.pk not in {u.pk for u in chosen}:
        raise CaseError("牵头单位必须是所选单位之一", "lead_not_in_units", field="牵头单位")
    case.units.filter(active=True).update(active=False)
    CaseUnit.objects.bulk_create(
        [
            CaseUnit(
                case=case,
                unit=u,
                role=UnitRole.LEAD if u.pk == lead_unit.pk else UnitRole.ASSIST,
                dispatched_at=ctx.now,
            )
            for u in chosen
        ]
    )
    case.sign_for_due = deadlines.due_date(
        case.matter_type, case.category_id, Stage.SIGN_FOR, ctx.today
    )
    names = [u.name for u in chosen]
    return Step(
        State.DISPATCHED,
        note=text(note, "分流意见", required=False, max_length=2000),
        data={"units": names, "lead": lead_unit.name, "sign_for_due": case.sign_for_due},
        notify=[
            ("unit.dispatched", {"unit_id": u.pk, "lead": u.pk == lead_unit.pk}) for u in chosen
        ],
    )


def _units(values, case) -> list[Unit]:
    ids = [getattr(v, "pk", v) for v in (values or [])]
    if not ids:
        raise CaseError("请至少选择一个承办单位", "units_required", field="承办单位")
    if len(set(ids)) != len(ids):
        raise CaseError("承办单位不能重复选择", "units_duplicate", field="承办单位")
    low, high = scope.code_range(str(case.centre_code)[:6])
    units = list(Unit.objects.filter(pk__in=ids, active=True).select_related("region"))
    if len(units) != len(ids):
        raise CaseError("所选承办单位不存在或已停用", "unit_not_found", field="承办单位")
    outside = [u.name for u in units if not low <= int(u.region.code) < high]
    if outside:
        raise CaseError(
            f"{'、'.join(outside)}不属于本县，不能分流", "unit_out_of_scope", field="承办单位"
        )
    return units


@action(
    Action.DELEGATE_DOWN,
    from_states=[State.ACCEPTED],
    roles=CENTRE_DESK,
    scope=scope.at_holding_centre,
)
def delegate_down(ctx, *, centre, note="") -> Step:
    """Hand the case to a lower centre whose area holds the place of the matter (指派下级). The
    case keeps its number and history; this centre keeps read-only sight. Event: delegate_down."""
    case = ctx.case
    target = instance(Centre.objects.select_related("region"), centre, "下级中心")
    own_prefix = scope.centre_prefix(case.centre)
    deeper = LEVEL_ORDER.index(target.region.level) > LEVEL_ORDER.index(case.centre.region.level)
    if not deeper or not scope.region_within(target.region.code, own_prefix):
        raise CaseError("只能指派给本辖区内的下级中心", "not_lower_centre", field="下级中心")
    if not scope.region_within(case.place_code, scope.centre_prefix(target)):
        raise CaseError("事发地不在该下级中心辖区内", "place_not_in_target", field="下级中心")
    note = text(note, "指派意见", max_length=2000)
    source = case.centre
    _move(case, target, ctx)
    CaseWatcher.objects.get_or_create(case=case, centre=source, defaults={"reason": "delegated"})
    return Step(
        State.ACCEPTED,
        note=note,
        data={"from": source.name, "to": target.name, "handling_due": case.handling_due},
        notify=[("centre.delegated", {"centre_id": target.pk})],
    )


def _move(case, target: Centre, ctx) -> None:
    """Give the case to another centre, which handles it afresh with a new handling period."""
    case.centre = target
    case.level = target.region.level
    case.centre_code = int(target.region.code)
    case.handler = None
    case.units.filter(active=True).update(active=False)
    case.handling_due = deadlines.due_date(
        case.matter_type, case.category_id, Stage.HANDLING, ctx.today
    )


def _pending_for_my_unit(actor, case) -> bool:
    assignment = scope.active_assignment(actor, case)
    return assignment is not None and assignment.status == UnitStatus.PENDING


@action(
    Action.SIGN_FOR,
    from_states=[State.DISPATCHED, State.IN_PROGRESS],
    roles={Role.UNIT_HANDLER},
    scope=scope.active_assignment,
    scope_message="该事项未分流给您所在的单位",
    offer_if=_pending_for_my_unit,
)
def sign_for(ctx, *, note="") -> Step:
    """The unit signs for the case (签收). When the lead unit signs, handling starts and the
    signer becomes handler if none is set. Event: sign_for."""
    case = ctx.case
    assignment = scope.active_assignment(ctx.actor, case)
    if assignment.status != UnitStatus.PENDING:
        raise CaseError("本单位已签收该事项", "already_signed")
    assignment.status, assignment.signed_at = UnitStatus.SIGNED, ctx.now
    assignment.note = text(note, "签收意见", required=False, max_length=2000)
    assignment.save(update_fields=["status", "signed_at", "note"])
    to_state = case.state
    if assignment.role == UnitRole.LEAD:
        to_state = State.IN_PROGRESS
        case.handler = case.handler or ctx.actor
    return Step(
        to_state, note=assignment.note, data={"unit": assignment.unit.name, "role": assignment.role}
    )


@action(
    Action.SEND_BACK,
    from_states=[State.DISPATCHED, State.IN_PROGRESS],
    roles={Role.UNIT_HANDLER},
    scope=scope.active_assignment,
    scope_message="该事项未分流给您所在的单位",
    offer_if=_pending_for_my_unit,
)
def send_back(ctx, *, reason) -> Step:
    """A unit returns a case it has not signed for, with its reason (退回). If the lead unit
    returns it, every unit is released and the case goes back to the centre. Event: send_back."""
    case = ctx.case
    assignment = scope.active_assignment(ctx.actor, case)
    if assignment.status != UnitStatus.PENDING:
        raise CaseError("已签收的事项不能退回，如需调整请与中心联系", "already_signed")
    reason = text(reason, "退回理由", max_length=2000)
    assignment.status, assignment.active, assignment.returned_reason = (
        UnitStatus.RETURNED,
        False,
        reason,
    )
    assignment.save(update_fields=["status", "active", "returned_reason"])
    to_state = case.state
    if assignment.role == UnitRole.LEAD:
        case.units.filter(active=True).update(active=False)
        case.sign_for_due = None
        to_state = State.ACCEPTED
    return Step(
        to_state,
        note=reason,
        data={"unit": assignment.unit.name, "role": assignment.role},
        notify=[("centre.sent_back", {"unit": assignment.unit.name})],
    )


@action(
    Action.ASSIGN,
    from_states=[State.ACCEPTED, State.IN_PROGRESS],
    roles=DESK_AND_SUPERVISOR,
    scope=scope.at_holding_centre,
)
def assign(ctx, *, handler, note="") -> Step:
    """Name the handler (a mediator or other staff member of this centre). From accepted this
    starts handling at the centre itself. Event: assign; notifies the handler."""
    case = ctx.case
    person = instance(
        User.objects.prefetch_related("role_assignments"), handler, "承办人", is_active=True
    )
    if (
        person.centre_id != case.centre_id
        or person.unit_id is not None
        or not person.roles & CASE_ROLES
    ):
        raise CaseError("承办人须为本中心的工作人员", "handler_not_in_centre", field="承办人")
    previous = case.handler.full_name if case.handler_id else ""
    case.handler = person
    return Step(
        State.IN_PROGRESS,
        note=text(note, "指派说明", required=False, max_length=2000),
        data={"handler": person.full_name, "previous": previous},
        notify=[("staff.assigned", {"user_id": person.pk})],
    )
