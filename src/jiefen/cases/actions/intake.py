"""Intake: register, one-time notice and supplement, accept or reject, return to the sender,
merge a duplicate, link a related case."""

import secrets

from django.conf import settings

from jiefen.cases import deadlines, numbering, scope
from jiefen.cases.actions._common import (
    ALL_CASE_ROLES,
    CENTRE_DESK,
    a_datetime,
    attachments,
    choice,
    instance,
    money,
    positive_int,
    text,
)
from jiefen.cases.choices import (
    SENT_CHANNELS,
    Action,
    Channel,
    MatterType,
    Outcome,
    RiskLevel,
    Stage,
    State,
)
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import Step, action
from jiefen.cases.models import Attachment, Case, CaseLink, Party
from jiefen.cases.parties import build_parties
from jiefen.core import crypto
from jiefen.org.models import Category, Region, Unit
from jiefen.org.roles import Role

REGISTER_ROLES = frozenset(
    {
        Role.WINDOW_CLERK,
        Role.CENTRE_LEADER,
        Role.MEDIATOR,
        Role.GRID_WORKER,
        Role.COUNTY_LEADER,
        Role.PUBLIC_PORTAL,
    }
)
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _never(actor, case):
    return False  # register has no case to be in scope of; the kernel checks its role only


@action(Action.REGISTER, from_states=(), roles=REGISTER_ROLES, scope=_never)
def register(
    ctx,
    *,
    matter_type,
    channel,
    category,
    description,
    region,
    parties=(),
    title="",
    occurred_at=None,
    address="",
    people_count=1,
    amount=None,
    is_group=False,
    external_ref="",
    source_unit=None,
    longitude=None,
    latitude=None,
    risk_level=RiskLevel.NONE,
    note="",
    files=(),
    centre=None,
) -> Step:
    """Create the case in state registered, with its parties and files, at the actor's centre
    or at ``centre`` (a centre in the actor's jurisdiction whose area holds the place — how the
    portal files an online submission with the right village or town). Sets the number
    (一案一码), the hashed query code, first responder and acceptance deadline.
    Event: register. Errors: any invalid field, a place outside the actor's jurisdiction."""
    actor, now = ctx.actor, ctx.now
    if actor.centre_id is None or actor.unit_id is not None:
        raise CaseError("只有中心工作人员可以登记事项", "not_centre_staff")
    place = instance(Region, region, "事发地", valid_to__isnull=True)
    if not scope.region_within(place.code, actor.jurisdiction_prefix):
        raise CaseError(
            "事发地不在本中心辖区内，请告知当事人向事发地中心反映，或由上级中心登记",
            "place_out_of_scope",
        )
    holder = _holding_centre(actor, centre, place)
    case = Case(
        matter_type=choice(matter_type, MatterType, "事项类型"),
        channel=choice(channel, Channel, "来源渠道"),
        category=instance(Category, category, "纠纷类别", active=True),
        description=text(description, "事项概要", max_length=4000),
        region=place,
        address=text(address, "详细地址", max_length=200, required=False),
        occurred_at=a_datetime(occurred_at, "发生时间", required=False),
        people_count=positive_int(people_count, "涉及人数", maximum=1_000_000),
        amount=money(amount),
        external_ref=text(external_ref, "来源系统编号", max_length=60, required=False),
        risk_level=choice(risk_level, RiskLevel, "风险等级"),
        risk_manual=risk_level,
        longitude=longitude,
        latitude=latitude,
        centre=holder,
        level=holder.region.level,
        centre_code=int(holder.region.code),
        place_code=int(place.code),
        first_responder=actor,
        registered_by=actor,
        registered_at=now,
        updated_at=now,
    )
    case.title = text(title, "标题", max_length=100, required=False) or _title_from(
        case.description
    )
    case.is_group = bool(is_group) or case.people_count >= settings.JIEFEN_GROUP_THRESHOLD
    if case.channel == Channel.DEPT_TRANSFER:
        case.source_unit = instance(Unit, source_unit, "移送单位")
    elif source_unit:
        case.source_unit = instance(Unit, source_unit, "移送单位")
    party_rows = build_parties(parties)
    if case.matter_type != MatterType.SUGGESTION and not any(
        p.role == "applicant" for p in party_rows
    ):
        raise CaseError("请至少登记一位申请人（来访人）", "applicant_required")
    files = attachments(files, kind=Attachment.Kind.APPLICATION, uploader=actor, now=now)
    case.number = numbering.next_number(holder.region.code[:6], now.year)
    query_code = new_query_code()
    case.query_code_hash = query_code_hash(case.number, query_code)
    case.acceptance_due = deadlines.due_date(
        case.matter_type, case.category_id, Stage.ACCEPTANCE, ctx.today
    )
    case.save()
    for party in party_rows:
        party.case = case
    Party.objects.bulk_create(party_rows)
    case.query_code = query_code
    return Step(
        State.REGISTERED,
        case=case,
        note=text(note, "备注", max_length=2000, required=False),
        attachments=files,
        data={
            "number": case.number,
            "channel": case.channel,
            "matter_type": case.matter_type,
            "parties": len(party_rows),
        },
    )


def _holding_centre(actor, centre, place):
    if centre is None:
        return actor.centre
    from jiefen.org.models import Centre

    target = instance(Centre.objects.select_related("region"), centre, "受理中心")
    if not scope.region_within(target.region.code, actor.jurisdiction_prefix):
        raise CaseError("受理中心不在您的管辖范围内", "centre_out_of_scope", field="受理中心")
    if not scope.region_within(place.code, scope.centre_prefix(target)):
        raise CaseError("事发地不在该中心辖区内", "place_not_in_centre", field="受理中心")
    return target


def new_query_code(length: int = 8) -> str:
    """A random code from an alphabet without look-alikes (0/O, 1/I/L), drawn in one call."""
    value, base = secrets.randbelow(len(QUERY_CODE_ALPHABET) ** length), len(QUERY_CODE_ALPHABET)
    chars = []
    for _ in range(length):
        value, digit = divmod(value, base)
        chars.append(QUERY_CODE_ALPHABET[digit])
    return "".join(chars)


def query_code_hash(number: str, code: str) -> str:
    return crypto.keyed_hash(f"{number}:{code}")


def _title_from(description: str) -> str:
    first = description.replace("\n", " ").split("。")[0]
    return first[:30] + ("…" if len(first) > 30 else "")


@action(
    Action.REQUEST_MATERIALS,
    from_states=[State.REGISTERED],
    roles=CENTRE_DESK,
    scope=scope.at_holding_centre,
)
def request_materials(ctx, *, items, note="") -> Step:
    """One-time notice (一次性告知): list every missing material at once; pauses the acceptance
    clock until the party supplements. Event: request_materials; notifies the applicant."""
    items = [text(i, "所缺材料", max_length=200) for i in (items or []) if str(i).strip()]
    if not items:
        raise CaseError("请列出需要补正的材料", "items_required", field="所缺材料")
    case = ctx.case
    case.missing_materials = items
    case.paused_at = ctx.now
    return Step(
        State.AWAITING_MATERIALS,
        data={"items": items},
        note=text(note, "说明", required=False, max_length=2000),
        notify=[("party.materials_requested", {"items": items})],
    )


@action(
    Action.SUPPLEMENT,
    from_states=[State.AWAITING_MATERIALS],
    roles=CENTRE_DESK | {Role.PUBLIC_PORTAL},
    scope=scope.portal_or_holding_centre,
)
def supplement(ctx, *, note="", files=()) -> Step:
    """Record the supplied materials; the acceptance deadline moves later by the days the clock
    was paused. Event: supplement; back to registered for review."""
    case = ctx.case
    paused = deadlines.paused_days(case.paused_at, ctx.now)
    case.acceptance_due = deadlines.shift(case.acceptance_due, paused)
    case.paused_at = None
    supplied = case.missing_materials
    case.missing_materials = []
    files = attachments(files, kind=Attachment.Kind.SUPPLEMENT, uploader=ctx.actor, now=ctx.now)
    if not files and not (note or "").strip():
        raise CaseError("请上传补正材料或说明已补正的内容", "supplement_empty", field="补正说明")
    return Step(
        State.REGISTERED,
        data={"supplied": supplied, "paused_days": paused, "files": len(files)},
        note=text(note, "补正说明", required=False, max_length=2000),
        attachments=files,
    )


@action(
    Action.ACCEPT, from_states=[State.REGISTERED], roles=CENTRE_DESK, scope=scope.at_holding_centre
)
def accept(ctx, *, note="") -> Step:
    """Accept the case (受理): starts the handling clock. Event: accept; notifies the applicant."""
    case = ctx.case
    case.accepted_at = ctx.now
    case.handling_due = deadlines.due_date(
        case.matter_type, case.category_id, Stage.HANDLING, ctx.today
    )
    return Step(
        State.ACCEPTED,
        note=text(note, "受理意见", required=False, max_length=2000),
        data={"handling_due": case.handling_due},
        notify=[("party.accepted", {})],
    )


@action(
    Action.REJECT,
    from_states=[State.REGISTERED, State.AWAITING_MATERIALS],
    roles=CENTRE_DESK,
    scope=scope.at_holding_centre,
)
def reject(ctx, *, reason, other_route) -> Step:
    """Do not accept (不予受理): the reason and the other route open to the party are required.
    Event: reject; notifies the applicant."""
    case = ctx.case
    case.reject_reason = text(reason, "不予受理理由", max_length=2000)
    case.other_route = text(other_route, "告知的其他途径", max_length=200)
    case.paused_at = None
    return Step(
        State.REJECTED,
        note=case.reject_reason,
        data={"other_route": case.other_route},
        notify=[("party.rejected", {"other_route": case.other_route})],
    )


@action(
    Action.RETURN_TO_SENDER,
    from_states=[State.REGISTERED, State.ACCEPTED],
    roles=CENTRE_DESK,
    scope=scope.at_holding_centre,
    offer_if=lambda actor, case: case.channel in SENT_CHANNELS,
)
def return_to_sender(ctx, *, reason) -> Step:
    """Return a case that another body sent (部门移送, 12345, 上级指派 …) with the reason.
    Event: return_to_sender; ends here (state rejected); notifies the sender."""
    case = ctx.case
    if case.channel not in SENT_CHANNELS:
        raise CaseError("只有部门移送、热线或上级交办的事项才能退回来源单位", "not_sent_case")
    case.reject_reason = text(reason, "退回理由", max_length=2000)
    case.other_route = "退回来源单位"
    return Step(
        State.REJECTED,
        note=case.reject_reason,
        data={"channel": case.channel},
        notify=[("sender.returned", {"external_ref": case.external_ref})],
    )


@action(
    Action.MERGE_DUPLICATE,
    from_states=[State.REGISTERED, State.AWAITING_MATERIALS, State.ACCEPTED],
    roles=CENTRE_DESK,
    scope=scope.at_holding_centre,
)
def merge_duplicate(ctx, *, into, note="") -> Step:
    """Close this case as a duplicate of ``into`` (which the actor can see and which is still
    live). Event: merge_duplicate; state closed with outcome merged."""
    case = ctx.case
    target = _visible(ctx.actor, into)
    if target.pk == case.pk:
        raise CaseError("不能与自身合并", "merge_self")
    if target.merged_into_id or target.state in (State.REJECTED, State.ARCHIVED, State.CLOSED):
        raise CaseError("目标事项已结束或已被合并，不能作为合并对象", "merge_target_closed")
    case.merged_into = target
    case.outcome = Outcome.MERGED
    case.closed_at = ctx.now
    case.paused_at = None
    return Step(
        State.CLOSED,
        data={"into": target.number},
        note=text(note, "合并说明", required=False, max_length=2000),
    )


@action(
    Action.LINK_RELATED,
    from_states=[s for s in State.values if s != State.ARCHIVED],
    roles=ALL_CASE_ROLES - {Role.GRID_WORKER},
    scope=scope.handles,
)
def link_related(ctx, *, other, note="") -> Step:
    """Link two related cases both ways (same parties, same matter). Event: link_related."""
    case = ctx.case
    target = _visible(ctx.actor, other)
    if target.pk == case.pk:
        raise CaseError("不能关联事项自身", "link_self")
    if CaseLink.objects.filter(case=case, other=target).exists():
        raise CaseError("这两件事项已关联", "already_linked")
    note = text(note, "关联说明", required=False, max_length=200)
    CaseLink.objects.bulk_create(
        [CaseLink(case=case, other=target, note=note), CaseLink(case=target, other=case, note=note)]
    )
    return Step(case.state, data={"other": target.number}, note=note)


def _visible(actor, value) -> Case:
    from jiefen.cases.selectors import visible_cases

    pk = getattr(value, "pk", value)
    target = visible_cases(actor).filter(pk=pk).first() if pk not in (None, "") else None
    if target is None:
        raise CaseError("所选事项不存在或不在您的管辖范围内", "case_not_found")
    return target
