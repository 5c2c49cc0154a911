"""What a citizen does on the public side: submit a matter, track it by number and query code,
supplement materials, rate the result, and send feedback about a centre's service.

Every change to a case goes through ``perform`` as the county's portal account
(service_account.py); the web layer has checked the query code before. Each function raises
CaseError (or ratelimit.RateLimited) with a Chinese message and then has changed nothing.
"""

import hmac
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jiefen.cases import deadlines
from jiefen.cases.actions.intake import QUERY_CODE_ALPHABET, query_code_hash
from jiefen.cases.choices import Outcome, Route, Satisfaction, State
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.cases.models import Case
from jiefen.cases.parties import normalise_phone
from jiefen.core import clock, crypto, workdays
from jiefen.org.models import Centre, Level, Region
from jiefen.portal import ratelimit
from jiefen.portal.models import OnlineSubmission, ServiceFeedback
from jiefen.portal.service_account import portal_actor

APPOINTMENT_DAYS = 10
WRONG_CODE_MESSAGE = "事项编号或查询码不正确，请核对后重新输入"
SLOT_FULL_MESSAGE = "该时段的预约已满，请选择其他日期或时段"

# The category table in the words a citizen would use; codes from org/reference.py.
PLAIN_CATEGORY = {
    "01": "婚姻家庭（离婚、抚养、赡养、继承等）",
    "02": "邻里纠纷（噪音、漏水、通行等）",
    "03": "房屋、宅基地（界址、建房、买卖等）",
    "04": "合同纠纷（借款、买卖、租赁等）",
    "05": "生产经营（合伙、承包经营等）",
    "06": "损害赔偿（人身伤害、财产损失）",
    "07": "山林、土地承包",
    "08": "征地拆迁补偿",
    "09": "环境污染（噪声、废水、油烟、粉尘等）",
    "10": "劳动争议（欠薪、工伤、辞退等）",
    "11": "消费纠纷（商品质量、退款、售后等）",
    "12": "医疗纠纷",
    "13": "交通事故赔偿",
    "14": "物业纠纷（物业费、维修、停车等）",
    "99": "其他",
}


# --- places and appointment slots ----------------------------------------------------------------


def counties_with_towns() -> list[tuple[Region, list[Region]]]:
    """Each county that has a centre, with its current towns (streets, townships)."""
    counties = [
        c.region
        for c in Centre.objects.filter(region__level=Level.COUNTY, region__valid_to__isnull=True)
        .select_related("region")
        .order_by("region__code")
    ]
    towns: dict[str, list[Region]] = {c.code[:6]: [] for c in counties}
    for town in (
        Region.objects.current()
        .filter(level=Level.TOWN)
        .only("code", "name", "level")
        .order_by("code")
    ):
        if town.code[:6] in towns:
            towns[town.code[:6]].append(town)
    return [(county, towns[county.code[:6]]) for county in counties]


def villages_of(town_code: str) -> list[Region]:
    town = Region.objects.current().filter(code=town_code, level=Level.TOWN).first()
    if town is None:
        return []
    return list(
        Region.objects.current()
        .within(town.prefix)
        .filter(level=Level.VILLAGE)
        .only("code", "name", "level")
    )


def place_for(town_code: str, village_code: str = "") -> Region:
    """The place the citizen picked: the village if one was chosen, else the town. (A town of a
    county without a centre is refused later, by holding_centre_for / portal_actor.)"""
    town = Region.objects.current().filter(code=town_code, level=Level.TOWN).first()
    if town is None:
        raise CaseError("请选择事发的镇（街道）", "place_required", field="事发地")
    if not village_code:
        return town
    village = (
        Region.objects.current()
        .filter(code=village_code, level=Level.VILLAGE, code__startswith=town.prefix)
        .first()
    )
    if village is None:
        raise CaseError(
            "所选村（社区）不属于该镇（街道），请重新选择", "place_mismatch", field="事发地"
        )
    return village


def holding_centre_for(place: Region) -> Centre:
    """The centre nearest the place: its village's, else its town's, else its county's."""
    candidates = {place.code, place.code[:9] + "000", place.code[:6] + "000000"}
    centres = Centre.objects.filter(
        region__code__in=candidates, region__valid_to__isnull=True
    ).select_related("region")
    best = max(centres, key=lambda c: len(c.region.prefix), default=None)
    if best is None:
        raise CaseError("该地区尚未开通网上服务，请到当地中心窗口办理", "portal_not_available")
    return best


def appointment_dates(today=None) -> list:
    """The next working days a citizen may book (today excluded)."""
    day, dates = today or clock.today(), []
    while len(dates) < APPOINTMENT_DAYS:
        day = workdays.next_workday(day)
        dates.append(day)
    return dates


def slot_capacity() -> int:
    return int(getattr(settings, "JIEFEN_APPOINTMENT_SLOT_CAPACITY", 8))


def slot_taken(centre: Centre, day, period: str) -> int:
    return OnlineSubmission.objects.filter(
        mode=OnlineSubmission.Mode.APPOINTMENT,
        case__centre=centre,
        appointment_date=day,
        appointment_period=period,
    ).count()


def _reserve_slot(centre: Centre, day, period: str) -> None:
    if day not in appointment_dates():
        raise CaseError("预约日期须为今后 10 个工作日之一", "slot_date", field="预约日期")
    if period not in OnlineSubmission.Period.values:
        raise CaseError("请选择上午或下午", "slot_period", field="预约时段")
    # one booking at a time per centre, so two citizens cannot both take the last place
    Centre.objects.select_for_update().filter(pk=centre.pk).first()
    if slot_taken(centre, day, period) >= slot_capacity():
        raise CaseError(SLOT_FULL_MESSAGE, "slot_full", field="预约时段")


# --- submit ----------------------------------------------------------------------------------------


@dataclass
class Submission:
    """What the submit form gathered, in the kernel's terms."""

    matter_type: str
    category: object
    description: str
    place: Region
    applicant: dict
    respondent: dict | None = None
    address: str = ""
    occurred_at: object = None
    people_count: int = 1
    amount: object = None
    mode: str = OnlineSubmission.Mode.ONLINE_MEDIATION
    appointment_date: object = None
    appointment_period: str = ""
    files: list = field(default_factory=list)


def submit(sub: Submission, *, ip: str | None) -> Case:
    """File the matter at the centre nearest its place, in state registered, with the
    OnlineSubmission row beside it; all or nothing. The returned case carries ``query_code``."""
    phone_key = ratelimit.hashed(sub.applicant.get("phone", ""))
    ratelimit.check(ratelimit.SUBMIT_PER_IP, ip)
    ratelimit.check(ratelimit.SUBMIT_PER_PHONE, phone_key)
    centre = holding_centre_for(sub.place)
    actor = portal_actor(centre)
    appointment = sub.mode == OnlineSubmission.Mode.APPOINTMENT
    with transaction.atomic():
        if appointment:
            _reserve_slot(centre, sub.appointment_date, sub.appointment_period)
        parties = [dict(sub.applicant, role="applicant")] + (
            [dict(sub.respondent, role="respondent")] if sub.respondent else []
        )
        case = perform(
            None,
            "register",
            actor,
            matter_type=sub.matter_type,
            channel="online",
            category=sub.category,
            description=sub.description,
            region=sub.place,
            centre=centre,
            address=sub.address,
            occurred_at=sub.occurred_at,
            people_count=sub.people_count,
            amount=sub.amount,
            parties=parties,
            files=sub.files,
            note=_register_note(sub, appointment),
        )
        OnlineSubmission.objects.create(
            case=case,
            mode=sub.mode,
            appointment_date=sub.appointment_date if appointment else None,
            appointment_period=sub.appointment_period if appointment else "",
            ip=ip or None,
            created_at=clock.now(),
        )
        ratelimit.hit(ratelimit.SUBMIT_PER_IP, ip)
        ratelimit.hit(ratelimit.SUBMIT_PER_PHONE, phone_key)
    return case


def _register_note(sub: Submission, appointment: bool) -> str:
    """What the clerk reads on the case's timeline about how the citizen wants it handled."""
    if not appointment:
        return "网上自助申请；希望线上调解"
    period = OnlineSubmission.Period(sub.appointment_period).label
    day = sub.appointment_date
    return f"网上自助申请；预约到中心：{day.year}年{day.month}月{day.day}日 {period}"


# --- track -----------------------------------------------------------------------------------------


def normalise_number(raw) -> str:
    return "".join(str(raw or "").split()).replace("－", "-").replace("—", "-").upper()[:30]


def normalise_code(raw) -> str:
    return "".join(ch for ch in str(raw or "").upper() if ch.isalnum())[:20]


def case_by_code(number: str, code: str) -> Case | None:
    """The case whose number and query code match, else None — found the same way (one lookup,
    one hash, one constant-time compare) whether or not the number exists. The query code is
    this read's scope: the citizen holds it, no staff jurisdiction applies."""
    case = (
        Case.objects.filter(number=number).select_related("centre", "category").first()
        if number
        else None
    )
    expected = case.query_code_hash if case is not None and case.query_code_hash else "0" * 64
    given = query_code_hash(number, code)
    matches = hmac.compare_digest(expected, given)
    return case if matches and case is not None and code else None


def captcha_needed(ip: str | None) -> bool:
    return (
        bool(ip)
        and ratelimit.count(ratelimit.TRACK_FAIL_PER_IP, ip) >= ratelimit.TRACK_CAPTCHA_AFTER
    )


def track(number: str, code: str, *, ip: str | None) -> Case:
    """The case for a number and query code. A wrong pair raises the same message whether the
    number exists or not, and counts against the address and the number."""
    number, code = normalise_number(number), normalise_code(code)
    number_key = ratelimit.hashed(number)
    ratelimit.check(ratelimit.TRACK_FAIL_PER_IP, ip)
    ratelimit.check(ratelimit.TRACK_FAIL_PER_NUMBER, number_key)
    case = case_by_code(number, code)
    if case is None:
        ratelimit.hit(ratelimit.TRACK_FAIL_PER_IP, ip)
        ratelimit.hit(ratelimit.TRACK_FAIL_PER_NUMBER, number_key)
        raise CaseError(WRONG_CODE_MESSAGE, "wrong_code")
    return case


def tracked_case(number: str) -> Case:
    """Reload a case the session was authenticated for (see views_citizen)."""
    case = Case.objects.filter(number=number).select_related("centre", "category").first()
    if case is None:
        raise CaseError(WRONG_CODE_MESSAGE, "wrong_code")
    return case


def supplement(case: Case, *, note: str, files) -> Case:
    """补正: the citizen's materials answer the one-time notice; the case returns to review."""
    if case.state != State.AWAITING_MATERIALS:
        raise CaseError("该事项当前不需要补正材料", "not_awaiting_materials")
    return perform(case, "supplement", portal_actor(case.centre), note=note, files=files)


def can_rate(case: Case) -> bool:
    return case.state == State.RESOLVED and not case.satisfaction


def rate(case: Case, *, satisfaction: str, comment: str = "") -> Case:
    """The citizen's rating of the result: tells the result (if staff have not yet), then records
    the follow-up with method online. Only once."""
    if satisfaction not in Satisfaction.values:
        raise CaseError("请选择满意、基本满意或不满意", "satisfaction_required", field="满意度")
    actor = portal_actor(case.centre)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)  # two taps on the button rate once
        if case.satisfaction:
            raise CaseError("您已评价过该事项，感谢您的反馈", "already_rated")
        if case.state != State.RESOLVED:
            raise CaseError("事项办结后才能评价", "not_resolved")
        if case.notified_at is None:
            case = perform(
                case, "notify_result", actor, method="online", note="当事人在网上查看了办理结果"
            )
        return perform(
            case, "follow_up", actor, method="online", satisfaction=satisfaction, note=comment
        )


# --- what the citizen sees -------------------------------------------------------------------------

PLAIN_STATE = {
    State.REGISTERED: "已收到，正在审核",
    State.AWAITING_MATERIALS: "需要补正材料",
    State.ACCEPTED: "已受理，正在安排办理",
    State.DISPATCHED: "已受理，已转交相关部门办理",
    State.IN_PROGRESS: "已受理，正在调解（办理）中",
    State.ESCALATION_PENDING: "已受理，正在办理中",
    State.RESOLVED: "已办结",
    State.CLOSED: "已办结（已结案）",
    State.ARCHIVED: "已办结（已归档）",
    State.REJECTED: "不予受理",
}

# Which steps the citizen sees, in plain words. Anything missing here (supervision, urging,
# links, extension requests) is internal and not shown.
PLAIN_STEP = {
    "register": "提交申请，已登记",
    "request_materials": "一次性告知：需要补正材料",
    "supplement": "已补正材料，重新审核",
    "accept": "已受理",
    "reject": "不予受理",
    "return_to_sender": "不予受理",
    "dispatch": "已转交相关部门办理",
    "delegate_down": "已转交当地中心办理",
    "sign_for": "承办单位已接收",
    "send_back": "重新安排承办单位",
    "assign": "已安排调解员（承办人）",
    "record_session": "已开展调解",
    "approve_escalation": "已提交上一级中心办理",
    "grant_extension": "办理期限依规延长",
    "resolve": "已办结",
    "notify_result": "已告知办理结果",
    "follow_up": "已回访（满意度评价）",
    "reopen": "重新办理",
    "close": "已结案",
    "archive": "已归档",
    "merge_duplicate": "与同一事项合并办理",
}


def public_timeline(case: Case) -> list[dict]:
    """Date and plain words per step; details only for the one-time notice's items, the reason
    for not accepting and the other route, and the result. No names, no notes."""
    rows = []
    for event in case.events.order_by("seq").only("seq", "action", "at", "note", "data"):
        if event.action not in PLAIN_STEP:
            continue
        if event.action == "grant_extension" and not (event.data or {}).get("approved"):
            continue  # a refused extension changes nothing the citizen waits for
        rows.append(
            {
                "date": timezone.localdate(event.at),
                "text": PLAIN_STEP[event.action],
                "details": _step_details(event),
                "action": event.action,
            }
        )
    return rows


def _step_details(event) -> list[str]:
    data = event.data or {}
    if event.action == "request_materials":
        return [f"{i}. {item}" for i, item in enumerate(data.get("items") or [], start=1)]
    if event.action == "reject":
        return [f"理由：{event.note}", f"可选择的其他途径：{data.get('other_route', '')}"]
    if event.action == "resolve":
        details = (
            [f"办理结果：{Outcome(data['outcome']).label}"]
            if data.get("outcome") in Outcome.values
            else []
        )
        details.append(event.note)
        if data.get("route") in Route.values:
            details.append(f"您还可以：{Route(data['route']).label}")
        return details
    if event.action == "follow_up" and data.get("satisfaction") in Satisfaction.values:
        return [f"评价：{Satisfaction(data['satisfaction']).label}"]
    return []


def public_summary(case: Case) -> dict:
    today = clock.today()
    running = deadlines.current(case)
    deadline = None
    if running and case.state not in (State.RESOLVED,):
        label, due = running
        paused = case.state == State.AWAITING_MATERIALS
        deadline = {
            "label": label,
            "due": due,
            "text": "补正材料期间暂停计算" if paused else deadlines.describe(due, today),
        }
    result = None
    if case.state in (State.RESOLVED, State.CLOSED, State.ARCHIVED) and case.outcome:
        result = {
            "outcome": case.get_outcome_display(),
            "summary": case.result_summary,
            "route": case.get_outcome_route_display() if case.outcome_route else "",
        }
    return {
        "number": case.number,
        "state": case.state,
        "state_text": PLAIN_STATE.get(case.state, case.get_state_display()),
        "title": case.title,
        "category": PLAIN_CATEGORY.get(case.category.code, case.category.name),
        "centre": case.centre.name,
        "registered": timezone.localdate(case.registered_at),
        "timeline": public_timeline(case),
        "deadline": deadline,
        "result": result,
        "missing": list(case.missing_materials or []),
        "reject_reason": case.reject_reason if case.state == State.REJECTED else "",
        "other_route": case.other_route if case.state == State.REJECTED else "",
        "can_supplement": case.state == State.AWAITING_MATERIALS,
        "can_rate": can_rate(case),
        "satisfaction": case.get_satisfaction_display() if case.satisfaction else "",
    }


# --- service feedback (意见反馈与投诉) ---------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(8))


def _feedback_hash(code: str) -> str:
    return crypto.keyed_hash(f"feedback:{normalise_code(code)}")


def public_centres():
    return (
        Centre.objects.filter(region__valid_to__isnull=True)
        .select_related("region")
        .order_by("region__code")
    )


def submit_feedback(
    *, centre: Centre, kind: str, content: str, name: str = "", phone: str = "", ip=None
):
    """Record feedback about a centre's service; returns (feedback, query code shown once)."""
    ratelimit.check(ratelimit.FEEDBACK_PER_IP, ip)
    if kind not in ServiceFeedback.Kind.values:
        raise CaseError("请选择反馈类型", "kind_required", field="类型")
    content = (content or "").strip()
    if len(content) < 5:
        raise CaseError("请填写反馈内容（至少 5 个字）", "content_required", field="内容")
    phone = normalise_phone(phone)
    code = new_code()
    with transaction.atomic():
        feedback = ServiceFeedback.objects.create(
            centre=centre,
            kind=kind,
            content=content[:2000],
            name=(name or "").strip()[:40],
            phone=phone,
            phone_hash=crypto.keyed_hash(phone) if phone else "",
            query_code_hash=_feedback_hash(code),
            created_at=clock.now(),
        )
        ratelimit.hit(ratelimit.FEEDBACK_PER_IP, ip)
    return feedback, code


def feedback_by_code(pk, code: str, *, ip=None) -> ServiceFeedback:
    ratelimit.check(ratelimit.FEEDBACK_FAIL_PER_IP, ip)
    feedback = (
        ServiceFeedback.objects.filter(pk=pk).select_related("centre").first()
        if str(pk).isdigit()
        else None
    )
    expected = feedback.query_code_hash if feedback is not None else "0" * 64
    if not (hmac.compare_digest(expected, _feedback_hash(code)) and feedback is not None and code):
        ratelimit.hit(ratelimit.FEEDBACK_FAIL_PER_IP, ip)
        raise CaseError("反馈编号或查询码不正确", "wrong_code")
    return feedback


def feedback_visible_to(user):
    """Feedback about the centres in the user's jurisdiction (by region-code prefix); none for
    unit handlers (the feedback is about the centre) and the administrators."""
    prefix = getattr(user, "jurisdiction_prefix", None)
    if not getattr(user, "is_authenticated", False) or prefix is None or user.unit_id is not None:
        return ServiceFeedback.objects.none()
    return ServiceFeedback.objects.filter(centre__region__code__startswith=prefix).select_related(
        "centre", "answered_by"
    )


ANSWER_ROLES = {"window_clerk", "centre_leader", "supervisor", "county_leader"}


def may_answer(user) -> bool:
    return bool(user.roles & ANSWER_ROLES)


def answer_feedback(user, feedback: ServiceFeedback, *, answer: str) -> ServiceFeedback:
    answer = (answer or "").strip()
    if not answer:
        raise CaseError("请填写答复内容", "answer_required", field="答复")
    if len(answer) > 2000:
        raise CaseError("答复不能超过 2000 个字", "too_long", field="答复")
    if not may_answer(user):
        raise CaseError("您的角色不能答复意见反馈", "role_not_allowed")
    feedback.answer, feedback.answered_by, feedback.answered_at = answer, user, clock.now()
    feedback.save(update_fields=["answer", "answered_by", "answered_at"])
    return feedback
