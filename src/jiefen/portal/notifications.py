"""Text the applicants when their case moves: accepted, materials needed, rejected, result.

The kernel queues ``party.*`` outbox messages with the event that caused them; the outbox worker
hands each one to ``deliver`` below, which composes the Chinese text and sends it through
sms.py to every applicant's mobile number. A text names the case number and the tracking page,
never the query code (an SMS can be read by whoever holds the phone; the code stays a secret
shown once on the receipt).
"""

import re

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from jiefen.cases import outbox
from jiefen.cases.choices import Outcome, PartyRole
from jiefen.portal import sms

_MOBILE = re.compile(r"^1\d{10}$")
MAX_REASON = 200


def connect() -> None:
    """Register the delivery handler for ``party.*`` messages (called from the app's ready())."""
    outbox.handler("party.")(deliver)


def deliver(message) -> None:
    case = message.event.case
    text = compose(message.topic, case, message.event, message.payload or {})
    for phone in applicant_mobiles(case):
        sms.send(phone, text, topic=message.topic, case=case)


def applicant_mobiles(case) -> list[str]:
    phones = []
    for party in case.parties.filter(role=PartyRole.APPLICANT).order_by("id"):
        phone = (party.phone or "").strip()
        if _MOBILE.match(phone) and phone not in phones:
            phones.append(phone)
    return phones


def tracking_place() -> str:
    """Where the citizen looks the case up: the full address when the deployment's public URL is
    known (``JIEFEN_PUBLIC_URL``), else the page's name."""
    base = (getattr(settings, "JIEFEN_PUBLIC_URL", "") or "").rstrip("/")
    try:
        path = reverse("portal_track")
    except NoReverseMatch:  # pragma: no cover
        path = "/p/track/"
    return f"{base}{path}" if base else f"网上服务平台“查询办理进度”页面（{path}）"


def compose(topic: str, case, event, payload: dict) -> str:
    head = f"您好，您反映的事项（编号 {case.number}）"
    where = tracking_place()
    day = timezone.localdate(event.at)
    on = f"{day.month}月{day.day}日"
    centre = case.centre.name
    if topic == "party.accepted":
        return f"{head}已于{on}由{centre}受理，我们将尽快安排办理。办理进度可在{where}凭事项编号和查询码查询。"
    if topic == "party.materials_requested":
        items = payload.get("items") or event.data.get("items") or []
        listed = "；".join(f"{i}. {item}" for i, item in enumerate(items, start=1))
        return (
            f"{head}需要补正以下材料：{listed}。请在{where}凭事项编号和查询码上传，"
            f"或带上材料到{centre}窗口办理。补正前受理期限暂停计算。"
        )
    if topic == "party.rejected":
        reason = _short(event.note or case.reject_reason)
        route = payload.get("other_route") or case.other_route
        return f"{head}经审核不予受理。理由：{reason}。您可以通过以下途径解决：{route}。详情可在{where}查询。"
    if topic == "party.result":
        outcome = (
            Outcome(payload["outcome"]).label
            if payload.get("outcome") in Outcome.values
            else "已办结"
        )
        return f"{head}已办结，办理结果：{outcome}。详细结果可在{where}查看，欢迎您对办理结果作出评价。"
    return f"{head}有新的办理进展，详情可在{where}凭事项编号和查询码查询。"


def _short(value: str) -> str:
    value = " ".join((value or "").split())
    return value if len(value) <= MAX_REASON else value[: MAX_REASON - 1] + "…"
