"""Mediation: record a session (调解记录) and, when the parties agree, the agreement (调解协议)."""

from datetime import timedelta

from jiefen.cases import deadlines, scope
from jiefen.cases.actions._common import HANDLING_ROLES, a_date, a_datetime, attachments, text
from jiefen.cases.choices import Action, Stage, State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import Step, action
from jiefen.cases.models import Agreement, Attachment, MediationSession


@action(
    Action.RECORD_SESSION,
    from_states=[State.IN_PROGRESS],
    roles=HANDLING_ROLES,
    scope=scope.handles,
)
def record_session(
    ctx,
    *,
    held_at,
    place,
    participants,
    applicant_account,
    result,
    respondent_account="",
    facts_verified="",
    recorder="",
    succeeded=False,
    agreement=None,
    files=(),
) -> Step:
    """Record one mediation session with each side's account and the result; with ``agreement``
    (facts, terms, performance, signed_at) also the agreement and its 30-day window for judicial
    confirmation. Event: record_session."""
    case = ctx.case
    moment = a_datetime(held_at, "调解时间")
    if moment > ctx.now + timedelta(minutes=5):
        raise CaseError("调解时间不能晚于现在", "future_session", field="调解时间")
    session = MediationSession.objects.create(
        case=case,
        held_at=moment,
        place=text(place, "调解地点", max_length=100),
        mediator=ctx.actor,
        recorder=text(recorder, "记录人", required=False, max_length=40),
        participants=text(participants, "参加人员", max_length=1000),
        applicant_account=text(applicant_account, "申请人陈述", max_length=4000),
        respondent_account=text(
            respondent_account, "被申请人陈述", required=False, max_length=4000
        ),
        facts_verified=text(facts_verified, "调查核实情况", required=False, max_length=4000),
        result=text(result, "调解结果", max_length=2000),
        succeeded=bool(succeeded) or agreement is not None,
    )
    data = {"session": session.pk, "succeeded": session.succeeded}
    if agreement is not None:
        made = _agreement(case, session, agreement, ctx)
        data.update(agreement=made.number, judicial_confirmation_due=made.judicial_confirmation_due)
    # with an agreement the files are its signed and sealed scan; otherwise the signed record
    kind = Attachment.Kind.AGREEMENT if agreement is not None else Attachment.Kind.RECORD
    files = attachments(files, kind=kind, uploader=ctx.actor, now=ctx.now)
    return Step(case.state, note=session.result, data=data, attachments=files)


def _agreement(case, session, raw: dict, ctx) -> Agreement:
    raw = dict(raw)
    signed = a_date(raw.get("signed_at") or ctx.today, "协议签订日期")
    if signed > ctx.today:
        raise CaseError("协议签订日期不能晚于今天", "future_agreement", field="协议签订日期")
    count = Agreement.objects.filter(case=case).count()
    return Agreement.objects.create(
        case=case,
        session=session,
        number=f"{case.number}-X{count + 1}",
        facts=text(raw.get("facts"), "主要事实、争议事项及各方责任", max_length=4000),
        terms=text(raw.get("terms"), "协议内容", max_length=4000),
        performance=text(raw.get("performance"), "履行方式、地点、期限", max_length=2000),
        signed_at=signed,
        judicial_confirmation_due=deadlines.due_date(
            case.matter_type, case.category_id, Stage.JUDICIAL_CONFIRMATION, signed
        ),
    )
