"""The documents printed for parties and kept in the case file (司法部 人民调解文书格式), as Word.

Each function takes the ORM object and returns the .docx as bytes, laid out on the GB/T 9704
page (``gbt9704``). They only follow the given object's relations (prefetch them to avoid
queries) and never write. ID and phone numbers appear masked. ``DOCUMENTS`` is the registry the
screens use: key → (label, function, the object it needs); ``filename(key, obj)`` names the file.
"""

from collections.abc import Callable
from datetime import UTC
from typing import Any, NamedTuple

from django.utils import timezone

from jiefen.archive.gbt9704 import SUBHEADING_FONT, OfficialDocument, Row
from jiefen.archive.particulars import (
    date_cn,
    datetime_cn,
    names,
    number_cn,
    ordered,
    particulars,
    person_name,
    principals,
    role_label,
)
from jiefen.cases.choices import Action, Outcome, PartyRole, Route
from jiefen.core import clock

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PEOPLES_MEDIATION_LAW = "《中华人民共和国人民调解法》"

RIGHTS_NOTICE = (
    "调解员告知当事人：人民调解遵循当事人自愿、平等的原则，不违背法律、法规和国家政策，尊重当事人的权利，"
    "不收取任何费用。当事人在调解活动中享有选择或者接受人民调解员，接受调解、拒绝调解或者要求终止调解，"
    "要求调解公开进行或者不公开进行，自主表达意愿、自愿达成调解协议的权利；负有如实陈述纠纷事实，"
    f"遵守调解现场秩序、尊重人民调解员，尊重对方当事人行使权利的义务（{PEOPLES_MEDIATION_LAW}第三条、第四条、第二十三条、第二十四条）。"
)
VOLUNTARY_NOTICE = "当事人表示已清楚上述权利义务，自愿接受人民调解。"
RISK_NOTICE = (
    "调解员告知当事人：经人民调解委员会调解达成的调解协议具有法律约束力，当事人应当按照约定履行；"
    "当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。当事人应当依法理性表达诉求，"
    "不得采取过激行为，否则将依法承担相应责任。调解不成的，当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
)


class DocumentUnavailable(Exception):
    """The document does not apply to this object (e.g. a rejection notice for an accepted case)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


def _new(title: str, centre) -> OfficialDocument:
    return OfficialDocument(
        title, author=centre.name, created=clock.now().astimezone(UTC).replace(tzinfo=None)
    )


def _pronoun(addressees) -> str:
    if len(addressees) > 1:
        return "你们"
    if addressees and addressees[0].kind == addressees[0].Kind.ORGANISATION:
        return "你单位"
    return "你"


def _addressees(case) -> list:
    parties = ordered(case.parties.all())
    return [p for p in parties if p.role == PartyRole.APPLICANT] or principals(parties)


def _bare(text: str) -> str:
    return (text or "").strip().rstrip("。；;，,.")


def _contact(centre) -> str:
    return f"（联系电话：{centre.phone}）" if centre.phone else ""


def _last_event(case, actions):
    found = [e for e in case.events.all() if e.action in actions]
    return found[-1] if found else None


# ---- 受理登记表 -----------------------------------------------------------------------------


def registration_form(case) -> bytes:
    """受理登记表: the case's particulars as registered, its parties, and lines to sign."""
    doc = _new("受理登记表", case.centre)
    doc.title("受理登记表")
    on = case.registered_at
    place = "".join(filter(None, [case.region.full_name, case.address]))
    rows = [
        Row(["事项编号", case.number, "登记时间", datetime_cn(case.registered_at)]),
        Row(["事项类型", case.get_matter_type_display(), "来源", _source(case)]),
        Row(["纠纷类别", case.category.name, "涉及人数", f"{case.people_count}人"]),
        Row(
            [
                "涉及金额",
                f"{case.amount:,.2f}元" if case.amount is not None else "—",
                "发生时间",
                datetime_cn(case.occurred_at, empty="—"),
            ]
        ),
        Row(["事发地", (place, 3)]),
        *(
            Row([role_label(p), (particulars(p, on=on), 3)], 12)
            for p in ordered(case.parties.all())
        ),
        Row(["标题", (case.title, 3)]),
        Row(["事项概要", (case.description, 3)], 28),
        Row(["承办中心", case.centre.name, "首问责任人", person_name(case.first_responder)]),
        Row(
            [
                "登记人",
                person_name(case.registered_by),
                "受理期限",
                date_cn(case.acceptance_due, empty="—"),
            ]
        ),
        Row(
            [
                "当事人\n确认签名",
                ("以上登记内容属实。\n（签名或按指印）：　　　　　　　　年　　月　　日", 3),
            ],
            16,
        ),
        Row(["登记人\n签名", ("\n（签名）：　　　　　　　　　　　　　年　　月　　日", 3)], 16),
    ]
    doc.form(rows)
    return doc.to_bytes()


def _source(case) -> str:
    text = case.get_channel_display()
    extra = []
    if case.source_unit_id:
        extra.append(f"移送单位：{case.source_unit.name}")
    if case.external_ref:
        extra.append(f"来源编号：{case.external_ref}")
    return text + (f"（{'；'.join(extra)}）" if extra else "")


# ---- 一次性告知书 ---------------------------------------------------------------------------


def materials_notice(case) -> bytes:
    """一次性告知书: every missing material at once, where to bring it, the centre and date.
    After the party has supplemented, prints the notice as it was issued (from the event)."""
    items, issued = _materials(case)
    addressees = _addressees(case)
    you = _pronoun(addressees)
    doc = _new("一次性告知书", case.centre)
    doc.title("一次性告知书")
    doc.right(f"编号：{case.number}")
    doc.para(f"{names(addressees, empty='当事人')}：", indent=False)
    doc.para(
        f"{you}于{date_cn(case.registered_at)}向本中心反映的“{case.title}”一事（事项编号：{case.number}），"
        "经审查，所提交的材料尚不齐全。根据一次性告知的规定，现将需要补正的材料一次性告知如下："
    )
    for n, item in enumerate(items, 1):
        doc.para(f"{n}. {_bare(item)}{'。' if n == len(items) else '；'}")
    where = case.centre.name + (f"（地址：{case.centre.address}）" if case.centre.address else "")
    doc.para(
        f"请{you}携带上述材料到{where}补正{_contact(case.centre)}。补正材料期间不计入受理期限；"
        "材料补齐后，本中心将及时审查并作出是否受理的决定。除上述材料外，本中心不再要求补正其他材料。"
    )
    doc.para("特此告知。")
    doc.closing(case.centre.name, date_cn(issued))
    doc.signature("签收人（签名或按指印）：", blank_chars=6, dated=True)
    return doc.to_bytes()


def _materials(case) -> tuple[list[str], object]:
    if case.missing_materials:
        return [str(i) for i in case.missing_materials], case.paused_at or clock.now()
    event = _last_event(case, {Action.REQUEST_MATERIALS})
    if event is None or not event.data.get("items"):
        raise DocumentUnavailable("该事项没有需要补正的材料", "no_missing_materials")
    return [str(i) for i in event.data["items"]], event.at


# ---- 不予受理告知书 -------------------------------------------------------------------------


def rejection_notice(case) -> bytes:
    """不予受理告知书: the decision, the reason and the other route the party may take."""
    if not case.reject_reason:
        raise DocumentUnavailable("该事项没有不予受理的决定", "not_rejected")
    event = _last_event(case, {Action.REJECT, Action.RETURN_TO_SENDER})
    addressees = _addressees(case)
    you = _pronoun(addressees)
    doc = _new("不予受理告知书", case.centre)
    doc.title("不予受理告知书")
    doc.right(f"编号：{case.number}")
    doc.para(f"{names(addressees, empty='当事人')}：", indent=False)
    doc.para(
        f"{you}于{date_cn(case.registered_at)}向本中心反映的“{case.title}”一事（事项编号：{case.number}），"
        "经审查，本中心决定不予受理。理由如下："
    )
    doc.text(case.reject_reason)
    if event is not None and event.action == Action.RETURN_TO_SENDER and case.source_unit_id:
        doc.para(f"该事项已退回{case.source_unit.name}依法处理。")
    elif case.other_route:
        doc.para(f"{you}可以通过以下途径依法反映或解决：{_bare(case.other_route)}。")
    doc.para(f"如对本告知有疑问，可向本中心咨询{_contact(case.centre)}。")
    doc.para("特此告知。")
    doc.closing(case.centre.name, date_cn(event.at if event else case.updated_at))
    return doc.to_bytes()


# ---- 调解记录 -------------------------------------------------------------------------------


def mediation_record(session) -> bytes:
    """调解记录 (笔录): time, place, matter, participants and parties; the notices given; each
    side's account; verification; risk notice; the result, or the failure and the routes left;
    lines for the parties, the mediator and the recorder to sign."""
    case = session.case
    parties = ordered(case.parties.all())
    doc = _new("调解记录", case.centre)
    doc.title("调解记录")
    doc.right(f"事项编号：{case.number}")
    doc.field("时间", datetime_cn(session.held_at))
    doc.field("地点", session.place)
    doc.field("调解事项", f"{case.title}（{case.category.name}）")
    doc.field("调解员", person_name(session.mediator))
    if session.recorder:
        doc.field("记录人", session.recorder)
    doc.field("参加人员", session.participants)
    for party in parties:
        doc.field(role_label(party), particulars(party, on=session.held_at))
    doc.heading("一、告知事项")
    doc.para(RIGHTS_NOTICE)
    doc.para(VOLUNTARY_NOTICE)
    doc.heading("二、当事人陈述")
    doc.para([("（一）申请人陈述", SUBHEADING_FONT)], keep_with_next=True)
    doc.text(session.applicant_account)
    doc.para([("（二）被申请人陈述", SUBHEADING_FONT)], keep_with_next=True)
    doc.text(session.respondent_account, empty="被申请人未作陈述。")
    doc.heading("三、调查核实情况")
    doc.text(session.facts_verified)
    doc.heading("四、风险告知")
    doc.para(RISK_NOTICE)
    doc.heading("五、调解结果")
    doc.text(session.result)
    doc.para(_session_outcome(session, case))
    doc.para("以上记录已交当事人阅看（或向其宣读），当事人确认无误后签名。")
    for party in parties:
        doc.signature(f"{role_label(party)}{party.name}（签名或按指印）：")
    doc.signature(f"调解员{person_name(session.mediator)}（签名）：")
    doc.signature(f"记录人{session.recorder}（签名）：")
    return doc.to_bytes()


def _session_outcome(session, case) -> str:
    if session.succeeded:
        numbers = "、".join(a.number for a in session.agreements.all())
        return "各方当事人达成调解协议" + (
            f"，另行制作人民调解协议书（编号：{numbers}）。" if numbers else "。"
        )
    route = f"；本事项告知的途径为：{Route(case.outcome_route).label}" if case.outcome_route else ""
    return (
        "本次调解未达成协议。调解员已告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利"
        f"（{PEOPLES_MEDIATION_LAW}第二十六条）{route}。"
    )


# ---- 人民调解协议书 -------------------------------------------------------------------------


def agreement_document(agreement) -> bytes:
    """人民调解协议书 (人民调解法 第二十九条): the parties' particulars; the facts, points in
    dispute and responsibilities; the agreed content; manner, place and time of performance;
    when it takes effect; copies; lines to sign; the seal; the 30 days for judicial confirmation."""
    case = agreement.case
    parties = ordered(case.parties.all())
    mediator = agreement.session.mediator if agreement.session_id else case.handler
    doc = _new("人民调解协议书", case.centre)
    doc.title("人民调解协议书")
    doc.right(f"编号：{agreement.number}")
    for party in parties:
        doc.para(
            f"{role_label(party)}：{particulars(party, on=agreement.signed_at, age_only=True)}。"
        )
    doc.heading("一、纠纷主要事实、争议事项及各方责任")
    doc.text(agreement.facts)
    doc.heading("二、协议内容")
    doc.para("经人民调解委员会调解，各方当事人在平等协商、互谅互让的基础上自愿达成如下协议：")
    doc.text(agreement.terms)
    doc.heading("三、履行方式、地点、期限")
    doc.text(agreement.performance)
    doc.heading("四、协议效力")
    doc.para(
        "本协议经各方当事人签名、调解员签名并加盖人民调解委员会印章后生效（当事人也可以盖章或者按指印）。"
        "经人民调解委员会调解达成的调解协议，"
        f"具有法律约束力，当事人应当按照约定履行（{PEOPLES_MEDIATION_LAW}第三十一条）。"
    )
    due = agreement.judicial_confirmation_due
    doc.para(
        f"各方当事人认为有必要的，可以自本协议生效之日起三十日内{f'（即{date_cn(due)}前）' if due else ''}"
        f"共同向人民法院申请司法确认（{PEOPLES_MEDIATION_LAW}第三十三条）。"
    )
    copies = len(principals(parties)) + 1
    doc.para(f"本协议书一式{number_cn(copies)}份，当事人各执一份，人民调解委员会留存一份。")
    for party in parties:
        suffix = "（签名）" if party.role == PartyRole.AGENT else "（签名或按指印）"
        doc.signature(f"{role_label(party)}{party.name}{suffix}：")
    doc.signature(f"人民调解员{person_name(mediator)}（签名）：")
    doc.closing("人民调解委员会（印章）", date_cn(agreement.signed_at))
    return doc.to_bytes()


# ---- 回访记录 -------------------------------------------------------------------------------


def follow_up_record(follow_up) -> bytes:
    """回访记录: who was visited, the agreement, why, performance, satisfaction, any lawsuit,
    signs of escalation, the visitor and the date."""
    case = follow_up.case
    visited = _addressees(case)
    agreements = "、".join(a.number for a in case.agreements.all())
    doc = _new("回访记录", case.centre)
    doc.title("回访记录")
    rows = [
        Row(["事项编号", case.number, "回访时间", datetime_cn(follow_up.at)]),
        Row(["事项名称", (case.title, 3)]),
        Row(["被回访人", names(visited, empty="—"), "回访方式", follow_up.get_method_display()]),
        Row(["协议编号", (agreements or "无", 3)]),
        Row(["回访事由", (_visit_reason(case, bool(agreements)), 3)], 16),
        Row(["协议履行\n情况", (follow_up.performance_status or "—", 3)], 16),
        Row(
            [
                "满意度",
                follow_up.get_satisfaction_display(),
                "是否已起诉",
                "是" if follow_up.lawsuit_filed else "否",
            ]
        ),
        Row(
            [
                "有无激化\n迹象",
                "有" if follow_up.escalation_signs else "无",
                "回访人",
                person_name(follow_up.by),
            ]
        ),
        Row(["回访情况", (follow_up.note or "无", 3)], 40),
        Row(
            ["回访人\n签名", (f"\n（签名）：　　　　　　　　　　　　{date_cn(follow_up.at)}", 3)],
            22,
        ),
    ]
    doc.form(rows)
    return doc.to_bytes()


def _visit_reason(case, has_agreement: bool) -> str:
    done = f"事项已于{date_cn(case.resolved_at)}办结" if case.resolved_at else "事项已办结"
    if case.outcome:
        done += f"（办理结果：{Outcome(case.outcome).label}）"
    purpose = "调解协议履行情况" if has_agreement else "办理结果落实情况"
    return f"{done}，回访了解{purpose}及当事人满意度，排查矛盾有无反复。"


# ---- registry -------------------------------------------------------------------------------


class DocumentKind(NamedTuple):
    label: str
    build: Callable[[Any], bytes]
    needs: str  # "case", "session", "agreement" or "follow_up"


DOCUMENTS = {
    "registration": DocumentKind("受理登记表", registration_form, "case"),
    "materials_notice": DocumentKind("一次性告知书", materials_notice, "case"),
    "rejection_notice": DocumentKind("不予受理告知书", rejection_notice, "case"),
    "mediation_record": DocumentKind("调解记录", mediation_record, "session"),
    "agreement": DocumentKind("人民调解协议书", agreement_document, "agreement"),
    "follow_up": DocumentKind("回访记录", follow_up_record, "follow_up"),
}


def filename(key: str, obj) -> str:
    """ "受理登记表-990121-2026-0000001.docx"; a session or follow-up adds its date (and time)."""
    kind = DOCUMENTS[key]
    if kind.needs == "case" or kind.needs == "agreement":
        reference = obj.number
    elif kind.needs == "session":
        reference = f"{obj.case.number}-{timezone.localtime(obj.held_at):%Y%m%d-%H%M}"
    else:
        reference = f"{obj.case.number}-{timezone.localtime(obj.at):%Y%m%d-%H%M}"
    safe = "".join(ch for ch in reference if ch.isalnum() or ch in "-_")
    return f"{kind.label}-{safe}.docx"


def render(key: str, obj) -> tuple[str, bytes]:
    """(filename, bytes) for one registered document. Raises KeyError for an unknown key and
    DocumentUnavailable when the document does not apply."""
    kind = DOCUMENTS[key]
    return filename(key, obj), kind.build(obj)


def case_documents(case) -> list[str]:
    """The case-level document keys that apply to this case now (for the detail screen)."""
    keys = ["registration"]
    if case.missing_materials or _last_event(case, {Action.REQUEST_MATERIALS}) is not None:
        keys.append("materials_notice")
    if case.reject_reason:
        keys.append("rejection_notice")
    return keys
