"""受理大厅: queue tickets by business type, the windows' calls (叫号, 重呼, 过号, 转窗口, 开始办理,
办结), the hall display's figures, kiosk ratings and hall notices.

Every write is a function here; views only parse and call. Ticket numbers run per centre, per
business type, per day (A001, A002 …) and are chosen under a lock on the centre row. A window
claims a ticket with a compare-and-set ``update()`` (status still waiting), so two windows
pressing 叫号 at the same moment never call the same ticket; every later step names the ticket
and checks its status the same way, so a stale page cannot act on someone else's call.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone

from jiefen.cases.choices import Action
from jiefen.cases.models import CaseEvent
from jiefen.core import clock
from jiefen.core.errors import DomainError
from jiefen.org.models import Centre, Level
from jiefen.portal import ratelimit
from jiefen.portal.models import HallNotice, HallWindow, QueueTicket, ServiceRating
from jiefen.portal.ratelimit import Limit

T = QueueTicket.Status
FRESH_CALL = timedelta(seconds=10)  # the display highlights a call this long
FIGURES_SECONDS = 30  # today's accepted/resolved counts are recomputed at most this often
CLAIM_ATTEMPTS = 20
# The kiosk page is reachable from anywhere: one address may not flood the queue. A busy kiosk
# issues well under this many tickets an hour.
TICKETS_PER_IP = Limit(
    "hall-ticket-ip", 150, timedelta(hours=1), "取号过于频繁，请稍后再试或到服务台咨询"
)


@dataclass(frozen=True)
class BusinessType:
    key: str  # stored in QueueTicket.business_type and HallWindow.business_types
    prefix: str  # the ticket's letter
    label: str
    hint: str


BUSINESS_TYPES = [
    BusinessType("intake", "A", "综合受理", "反映矛盾纠纷、登记诉求、提交材料"),
    BusinessType("mediation", "B", "调解", "申请调解、参加已约调解"),
    BusinessType("legal", "C", "法律咨询", "律师值班、法律援助"),
    BusinessType("petition", "D", "信访", "来访反映、信访事项"),
    BusinessType("psych", "E", "心理服务", "心理疏导、情绪支持"),
]
BUSINESS_TYPE = {t.key: t for t in BUSINESS_TYPES}


def type_label(key: str) -> str:
    kind = BUSINESS_TYPE.get(key)
    return kind.label if kind else key


def types_text(keys) -> str:
    return "、".join(type_label(k) for k in keys)


# --- tickets ----------------------------------------------------------------------------------


def waiting(centre_id, day=None):
    return QueueTicket.objects.filter(
        centre_id=centre_id, date=day or clock.today(), status=T.WAITING
    )


def take_ticket(*, centre: Centre, business_type: str, ip=None) -> tuple[QueueTicket, int]:
    """取号: issue today's next ticket of ``business_type`` at ``centre`` (A001, A002 …) and say
    how many of that type wait ahead of it. The centre row is locked (FOR NO KEY UPDATE, so
    inserts that merely reference the centre are not held up) while the number is chosen.
    Errors: DomainError for an unknown business type, RateLimited for a flood."""
    kind = BUSINESS_TYPE.get(business_type)
    if kind is None:
        raise DomainError("请选择要办理的业务", "business_type_unknown")
    ratelimit.check(TICKETS_PER_IP, ip)
    now = clock.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        Centre.objects.select_for_update(no_key=True).only("pk").get(pk=centre.pk)
        last = (
            QueueTicket.objects.filter(centre=centre, date=today, business_type=kind.key).aggregate(
                m=Max("seq")
            )["m"]
            or 0
        )
        ticket = QueueTicket.objects.create(
            centre=centre,
            date=today,
            business_type=kind.key,
            seq=last + 1,
            number=f"{kind.prefix}{last + 1:03d}",
            created_at=now,
        )
        ratelimit.hit(TICKETS_PER_IP, ip)
    ahead = (
        waiting(centre.pk, today)
        .filter(business_type=kind.key, window__isnull=True, seq__lt=ticket.seq)
        .count()
    )
    return ticket, ahead


def ahead_of(ticket: QueueTicket) -> int:
    if ticket.status != T.WAITING:
        return 0
    return (
        waiting(ticket.centre_id, ticket.date)
        .filter(business_type=ticket.business_type, window__isnull=True, seq__lt=ticket.seq)
        .count()
    )


# --- windows ----------------------------------------------------------------------------------


def windows_of(centre_id):
    return HallWindow.objects.filter(centre_id=centre_id, active=True).order_by("number")


def current_ticket(window: HallWindow) -> QueueTicket | None:
    """The ticket the window is calling or serving now."""
    return (
        QueueTicket.objects.filter(
            window=window, date=clock.today(), status__in=[T.CALLED, T.SERVING]
        )
        .order_by("-called_at", "-pk")
        .first()
    )


def next_waiting(window: HallWindow):
    """Today's waiting tickets this window may call, oldest first: those transferred to it and
    those of its business types that no window holds."""
    mine = Q(window=window) | Q(window__isnull=True, business_type__in=list(window.business_types))
    return waiting(window.centre_id).filter(mine).order_by("created_at", "pk")


def call_next(*, window: HallWindow, clerk) -> QueueTicket | None:
    """叫号: the window's current ticket counts as done (办结), then the oldest ticket it may
    call is claimed with a compare-and-set update (still waiting, still unheld or held for this
    window). A lost race moves on to the next ticket. Returns the called ticket, or None when
    nobody waits. Errors: DomainError if the window keeps losing races."""
    finish_current(window=window)
    for _ in range(CLAIM_ATTEMPTS):
        candidate = next_waiting(window).values_list("pk", flat=True).first()
        if candidate is None:
            return None
        claimed = (
            QueueTicket.objects.filter(pk=candidate, status=T.WAITING)
            .filter(Q(window__isnull=True) | Q(window=window))
            .update(
                status=T.CALLED,
                window=window,
                called_at=clock.now(),
                call_count=F("call_count") + 1,
                served_by=clerk,
            )
        )
        if claimed:
            return QueueTicket.objects.get(pk=candidate)
    raise DomainError("叫号繁忙，请稍后再试", "call_busy")


def finish_current(*, window: HallWindow) -> int:
    """Mark whatever the window is calling or serving as done (办结). Returns how many rows."""
    return QueueTicket.objects.filter(window=window, status__in=[T.CALLED, T.SERVING]).update(
        status=T.DONE, finished_at=clock.now()
    )


def _pk(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def _step(ticket_id, at_window: HallWindow, from_states, **changes) -> QueueTicket:
    ticket_id = _pk(ticket_id)
    updated = ticket_id is not None and QueueTicket.objects.filter(
        pk=ticket_id, window=at_window, status__in=from_states
    ).update(**changes)
    if not updated:
        raise DomainError("该号码的状态已经变化，请刷新页面后再操作", "ticket_changed")
    return QueueTicket.objects.get(pk=ticket_id)


def recall(*, ticket_id, window: HallWindow) -> QueueTicket:
    """重呼: call the same number again (call_count + 1; the display highlights it anew).
    Errors: DomainError if the ticket is no longer called at this window."""
    return _step(
        ticket_id, window, [T.CALLED], call_count=F("call_count") + 1, called_at=clock.now()
    )


def skip(*, ticket_id, window: HallWindow) -> QueueTicket:
    """过号: the called visitor did not come; the ticket ends as skipped."""
    return _step(ticket_id, window, [T.CALLED], status=T.SKIPPED, finished_at=clock.now())


def serve(*, ticket_id, window: HallWindow, clerk) -> QueueTicket:
    """开始办理: the visitor is at the window; the clerk serves the ticket (an intake may follow,
    linked by ``link_ticket``)."""
    return _step(ticket_id, window, [T.CALLED, T.SERVING], status=T.SERVING, served_by=clerk)


def done(*, ticket_id, window: HallWindow) -> QueueTicket:
    """办结: the window has finished with this visitor."""
    return _step(ticket_id, window, [T.CALLED, T.SERVING], status=T.DONE, finished_at=clock.now())


def transfer(*, ticket_id, window: HallWindow, to_window_id) -> QueueTicket:
    """转窗口: hand the visitor to another window of the same centre. The ticket waits again,
    held for that window, and keeps its place (its original time), so it is called first there.
    Errors: DomainError for a window that is not another active window of this centre."""
    target = windows_of(window.centre_id).exclude(pk=window.pk).filter(pk=_pk(to_window_id)).first()
    if target is None:
        raise DomainError("请选择本中心的另一个窗口", "window_invalid")
    return _step(
        ticket_id,
        window,
        [T.CALLED, T.SERVING],
        status=T.WAITING,
        window=target,
        called_at=None,
        served_by=None,
    )


def link_ticket(ticket_id, case, user) -> bool:
    """Link a ticket of the user's centre to the case registered while serving it (窗口登记
    from 开始办理). A ticket already linked, or of another centre, is left alone."""
    if _pk(ticket_id) is None or user.centre_id is None:
        return False
    return bool(
        QueueTicket.objects.filter(
            pk=_pk(ticket_id), centre_id=user.centre_id, case__isnull=True
        ).update(case=case)
    )


# --- kiosk rating and notices -----------------------------------------------------------------


def rate(*, centre: Centre, score, comment="", ticket_number="") -> ServiceRating:
    """服务评价 from the kiosk: 1–5 stars, an optional comment, optionally today's ticket number.
    Errors: DomainError for a score out of range or a ticket number not issued today."""
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise DomainError("请选择 1 至 5 星的评价", "score_range")
    ticket = None
    number = (ticket_number or "").strip().upper()
    if number:
        ticket = QueueTicket.objects.filter(
            centre=centre, date=clock.today(), number=number
        ).first()
        if ticket is None:
            raise DomainError(
                f"没有找到今天的排队号“{number}”，可不填号码直接评价", "ticket_not_found"
            )
    return ServiceRating.objects.create(
        centre=centre,
        ticket=ticket,
        score=score,
        comment=(comment or "").strip()[:200],
        created_at=clock.now(),
    )


def _check_hall_staff(actor, centre_id) -> None:
    if actor.centre_id != centre_id or actor.is_administrator:
        raise DomainError("只有本中心工作人员可以管理大厅公告", "not_hall_staff")


def add_notice(*, actor, text) -> HallNotice:
    """Put a notice on the actor's centre's hall display. Errors: DomainError."""
    _check_hall_staff(actor, actor.centre_id)
    text = (text or "").strip()
    if not text or len(text) > 200:
        raise DomainError("公告内容应为 1 至 200 字", "notice_length")
    return HallNotice.objects.create(
        centre_id=actor.centre_id, text=text, active=True, created_at=clock.now()
    )


def hide_notice(*, actor, notice_id) -> None:
    """Take a notice of the actor's centre off the display. Errors: DomainError."""
    _check_hall_staff(actor, actor.centre_id)
    if not HallNotice.objects.filter(pk=notice_id, centre_id=actor.centre_id).update(active=False):
        raise DomainError("没有这条公告", "notice_not_found")


# --- the hall display -------------------------------------------------------------------------


@dataclass
class WindowCall:
    window: HallWindow
    ticket: QueueTicket | None
    fresh: bool = False


def window_calls(centre_id) -> list[WindowCall]:
    """Each active window with the ticket it is calling or serving now (one query each)."""
    now, windows = clock.now(), list(windows_of(centre_id))
    current = {}
    rows = QueueTicket.objects.filter(
        centre_id=centre_id,
        date=clock.today(),
        status__in=[T.CALLED, T.SERVING],
        window__isnull=False,
    )
    for ticket in rows.order_by("-called_at", "-pk"):
        current.setdefault(ticket.window_id, ticket)
    calls = []
    for window in windows:
        ticket = current.get(window.pk)
        fresh = bool(
            ticket
            and ticket.called_at
            and ticket.status == T.CALLED
            and now - ticket.called_at < FRESH_CALL
        )
        calls.append(WindowCall(window, ticket, fresh))
    return calls


def waiting_counts(centre_id) -> list[tuple[BusinessType, int]]:
    counts = dict(
        waiting(centre_id)
        .values("business_type")
        .annotate(n=Count("id"))
        .values_list("business_type", "n")
    )
    return [(kind, counts.get(kind.key, 0)) for kind in BUSINESS_TYPES]


def today_figures(centre_id) -> dict:
    """今日受理 / 今日办结 at this centre (today's accept and resolve events on the cases it
    holds; a public aggregate: counts only, no case content) and today's tickets. The event
    counts are cached for FIGURES_SECONDS because every display polls every 2 s."""
    today = clock.today()
    key = f"jiefen:hall-figures:{centre_id}:{today.isoformat()}"
    events = cache.get(key)
    if events is None:
        start = timezone.make_aware(datetime.combine(today, time.min))
        rows = CaseEvent.objects.filter(
            case__centre_id=centre_id,
            at__gte=start,
            at__lt=start + timedelta(days=1),
            action__in=[Action.ACCEPT, Action.RESOLVE],
        )
        events = dict(rows.values("action").annotate(n=Count("id")).values_list("action", "n"))
        cache.set(key, events, FIGURES_SECONDS)
    tickets = QueueTicket.objects.filter(centre_id=centre_id, date=today)
    return {
        "accepted": events.get(Action.ACCEPT, 0),
        "resolved": events.get(Action.RESOLVE, 0),
        "tickets": tickets.count(),
        "served": tickets.filter(status=T.DONE).count(),
    }


def display(centre: Centre) -> dict:
    """Everything the hall display shows, for one poll."""
    from jiefen.portal import reception

    calls = window_calls(centre.pk)
    called = [c for c in calls if c.ticket and c.ticket.called_at]
    latest = max(called, key=lambda c: c.ticket.called_at) if called else None
    return {
        "centre": centre,
        "calls": calls,
        "latest": latest,
        "waiting": waiting_counts(centre.pk),
        "figures": today_figures(centre.pk),
        "leaders": reception.today_leaders(centre),
        "notices": list(HallNotice.objects.filter(centre=centre, active=True)[:4]),
        "now": clock.now(),
    }


# --- demo -------------------------------------------------------------------------------------

DEMO_COUNTY_WINDOWS = [
    (1, "综合受理", ["intake"]),
    (2, "矛盾纠纷调解", ["mediation", "intake"]),
    (3, "法律咨询·心理服务", ["legal", "psych"]),
    (4, "信访接待", ["petition"]),
]
DEMO_TOWN_WINDOWS = [
    (1, "综合受理", ["intake", "petition"]),
    (2, "调解·咨询", ["mediation", "legal", "psych"]),
]


def seed_demo_windows() -> int:
    """Windows for the demo county: four at the county centre, two at each town centre.
    Idempotent: a window number a centre already has is left alone. Returns how many were made."""
    from jiefen.org.demo import COUNTY_CODE

    prefix = COUNTY_CODE[:6]
    created = 0
    centres = Centre.objects.filter(
        region__code__startswith=prefix, region__valid_to__isnull=True
    ).select_related("region")
    for centre in centres.exclude(region__level=Level.VILLAGE):
        plan = DEMO_COUNTY_WINDOWS if centre.region.level == Level.COUNTY else DEMO_TOWN_WINDOWS
        for number, name, types in plan:
            _, made = HallWindow.objects.get_or_create(
                centre=centre, number=number, defaults={"name": name, "business_types": types}
            )
            created += made
    return created
