"""The one door for every change to a case: ``perform(case, action, actor, **data)``.

Inside one transaction it locks the case row, checks the action against the lifecycle table,
the actor's jurisdiction and role, runs the action (cases/actions/), appends the hash-chained
CaseEvent, sets the new state and queues the outbox messages. Any refusal raises CaseError
with a Chinese message before anything is written, so a refused action changes nothing.
"""

import inspect
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db import IntegrityError, transaction

from jiefen.cases.choices import Action, State
from jiefen.cases.errors import CaseError
from jiefen.cases.models import Attachment, Case, CaseEvent, OutboxMessage
from jiefen.core import clock
from jiefen.core.hashing import GENESIS, canonical_json, link_hash


@dataclass
class Ctx:
    """What an action function gets: the locked case (None for register), the actor and the time."""

    case: Case | None
    actor: object
    now: datetime

    @property
    def today(self) -> date:
        return clock.today()


@dataclass
class Step:
    """What an action function returns: the state to move to and what to record."""

    to_state: str
    data: dict = field(default_factory=dict)
    note: str = ""
    notify: list[tuple[str, dict]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    case: Case | None = None  # set by register, which creates the case


@dataclass(frozen=True)
class ActionSpec:
    action: str
    func: object
    from_states: frozenset
    roles: frozenset
    scope: object  # (actor, case) -> bool
    scope_message: str = "该事项不在您的管辖范围内"
    offer_if: object = (
        None  # (actor, case) -> bool: worth offering on screen (the action still judges)
    )


REGISTRY: dict[str, ActionSpec] = {}

# Hooks run after every action inside its transaction: hook(case, action_name, actor, event) returns
# follow-up actions [(name, data), ...] the system applies at once (e.g. the risk assessment
# that a registration's words call for). Layers above cases register them (triage).
AFTER_ACTION: list = []


def register_after_action(hook) -> None:
    if hook not in AFTER_ACTION:
        AFTER_ACTION.append(hook)


def action(
    name, *, from_states, roles, scope, scope_message="该事项不在您的管辖范围内", offer_if=None
):
    """Declare an action function and its row of the lifecycle table. ``offer_if`` hides a
    button that the action's own rules would refuse anyway (e.g. 签收 after signing)."""

    def register(func):
        REGISTRY[name] = ActionSpec(
            name, func, frozenset(from_states), frozenset(roles), scope, scope_message, offer_if
        )
        return func

    return register


def perform(
    case: Case | None, action_name: str, actor, *, idempotency_key: str | None = None, **data
) -> Case:
    """Apply one action to one case and return the case as it now stands. For ``register`` pass
    ``case=None``; the new case carries ``query_code`` (shown once to the citizen)."""
    _load_actions()
    spec = REGISTRY.get(action_name)
    if spec is None:
        raise CaseError(f"未知的操作：{action_name}", "unknown_action")
    _check_arguments(spec, data)
    _check_actor(actor)
    try:
        with transaction.atomic():
            return _perform_locked(spec, case, actor, idempotency_key, data)
    except IntegrityError:
        if idempotency_key and (prior := _prior(idempotency_key, spec, actor, case)) is not None:
            return prior  # a concurrent retry with the same key won the race
        raise


def _perform_locked(spec, case, actor, idempotency_key, data) -> Case:
    if idempotency_key and (prior := _prior(idempotency_key, spec, actor, case)) is not None:
        return prior
    locked = None if spec.action == Action.REGISTER else _lock(case)
    if locked is not None:
        check_allowed(spec, locked, actor)
    elif not spec.roles & actor.roles:
        raise CaseError(f"您的角色不能进行“{Action(spec.action).label}”操作", "role_not_allowed")
    ctx = Ctx(case=locked, actor=actor, now=clock.now())
    from_state = locked.state if locked is not None else ""
    step = spec.func(ctx, **data)
    target = step.case or locked
    if locked is None:
        target._snapshot = _field_values(target)  # register saved it just now
    event = _append_event(target, spec.action, actor, from_state, step, ctx.now, idempotency_key)
    for attachment in step.attachments:
        attachment.case, attachment.event = target, event
    Attachment.objects.bulk_create(step.attachments)
    if step.notify:
        OutboxMessage.objects.bulk_create(
            # payloads may hold dates (e.g. a new due date): store their JSON form, as for event data
            [
                OutboxMessage(
                    event=event,
                    topic=topic,
                    payload=json.loads(canonical_json(payload)),
                    created_at=ctx.now,
                )
                for topic, payload in step.notify
            ]
        )
    if _run_follow_ups(target, spec.action, actor, event, ctx.now):
        target.refresh_from_db()
    target.new_event = event
    return target


def _run_follow_ups(case: Case, action_name: str, actor, event, now) -> bool:
    """Apply the follow-up actions the hooks ask for, as the system on behalf of ``actor``:
    no scope or role check (the actor just acted on this case), each its own chained event."""
    applied = False
    for hook in AFTER_ACTION:
        for name, data in hook(case, action_name, actor, event) or ():
            locked = _lock(case)
            step = REGISTRY[name].func(Ctx(case=locked, actor=actor, now=now), **data)
            _append_event(locked, name, actor, locked.state, step, now, None)
            applied = True
    return applied


def check_allowed(spec: ActionSpec, case: Case, actor) -> None:
    """Scope, then role, then state — the first failing check names the problem."""
    if not spec.scope(actor, case):
        raise CaseError(spec.scope_message, "out_of_scope")
    if not spec.roles & actor.roles:
        raise CaseError(f"您的角色不能进行“{Action(spec.action).label}”操作", "role_not_allowed")
    if case.state not in spec.from_states:
        raise CaseError(
            f"事项当前为“{State(case.state).label}”，不能进行“{Action(spec.action).label}”操作",
            "invalid_state",
        )


def allowed_actions(case: Case, actor) -> list[str]:
    """The actions this actor may take on this case now (for the screens)."""
    _load_actions()
    result = []
    for name, spec in REGISTRY.items():
        if name == Action.REGISTER:
            continue
        try:
            check_allowed(spec, case, actor)
        except CaseError:
            continue
        if spec.offer_if is None or spec.offer_if(actor, case):
            result.append(name)
    return result


def _lock(case: Case) -> Case:
    """The case row, locked and fresh. Its units are read only by the checks that need them."""
    if case is None or case.pk is None:
        raise CaseError("请指定事项", "case_required")
    try:
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("centre__region")
            .get(pk=case.pk)
        )
    except Case.DoesNotExist:
        raise CaseError("事项不存在", "case_not_found") from None
    locked._snapshot = _field_values(locked)
    return locked


def _field_values(case: Case) -> dict:
    return {f.attname: getattr(case, f.attname) for f in case._meta.concrete_fields}


def _check_actor(actor) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise CaseError("请先登录", "not_authenticated")
    if actor.is_administrator:
        raise CaseError("三员分立：管理员账户不能办理事项", "admin_cannot_act")


def _check_arguments(spec: ActionSpec, data: dict) -> None:
    try:
        inspect.signature(spec.func).bind(None, **data)
    except TypeError as exc:
        params = inspect.signature(spec.func).parameters
        unknown = sorted(set(data) - set(params))
        missing = [
            n
            for n, p in params.items()
            if n != "ctx" and p.default is inspect.Parameter.empty and n not in data
        ]
        if unknown:
            raise CaseError(
                f"“{Action(spec.action).label}”不接受这些字段：{'、'.join(unknown)}",
                "unknown_field",
            ) from exc
        raise CaseError(
            f"“{Action(spec.action).label}”缺少必填项：{'、'.join(missing)}", "missing_field"
        ) from exc


def _prior(key: str, spec: ActionSpec, actor, case: Case | None) -> Case | None:
    prior = CaseEvent.objects.filter(idempotency_key=key).select_related("case").first()
    if prior is None:
        return None
    # the same key on another case is a different request, not a retry (register has no case yet)
    other_case = spec.action != Action.REGISTER and case is not None and prior.case_id != case.pk
    if prior.action != spec.action or prior.actor_id != actor.pk or other_case:
        raise CaseError("该幂等键已用于另一项操作", "idempotency_conflict")
    prior.case.new_event = prior
    return prior.case


def _append_event(
    case: Case, action_name, actor, from_state, step: Step, now, idempotency_key
) -> CaseEvent:
    data = json.loads(
        canonical_json(step.data)
    )  # only JSON primitives, so the stored form hashes the same
    event = CaseEvent(
        case=case,
        seq=case.event_count + 1,
        action=action_name,
        actor=actor,
        actor_name=actor.full_name or actor.username,
        actor_centre=actor.unit.name
        if actor.unit_id
        else (actor.centre.name if actor.centre_id else ""),
        at=now,
        from_state=from_state,
        to_state=step.to_state,
        note=step.note,
        data=data,
        idempotency_key=idempotency_key,
        prev_hash=case.last_event_hash or GENESIS,
    )
    event.hash = link_hash(event.prev_hash, event_payload(event, case.number))
    event.save(force_insert=True)
    case.state = step.to_state
    case.event_count = event.seq
    case.last_event_hash = event.hash
    case.updated_at = now
    before = getattr(case, "_snapshot", None)
    if before is None:
        case.save()
    else:  # write back only what the action changed
        after = _field_values(case)
        case.save(
            update_fields=[
                f.name for f in case._meta.concrete_fields if after[f.attname] != before[f.attname]
            ]
        )
    return event


def event_payload(event: CaseEvent, case_number: str) -> dict:
    """The canonical content a case event's hash covers."""
    return {
        "case": case_number,
        "seq": event.seq,
        "action": event.action,
        "actor": event.actor_id,
        "at": event.at.astimezone(UTC).isoformat(),
        "from": event.from_state,
        "to": event.to_state,
        "note": event.note,
        "data": event.data,
    }


_loaded = False


def _load_actions() -> None:
    global _loaded
    if not _loaded:
        from jiefen.cases import actions  # noqa: F401  (registers every action)

        _loaded = True
