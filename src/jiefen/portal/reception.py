"""领导接访: the published schedule, citizens' bookings (capacity, cancel, reminder) and the
reception itself, which opens a case with channel 领导接访 linked to the booking.

Every write is a function here with the rule it keeps; views only parse and call. A booking
locks its schedule row, so the last seat goes to exactly one caller however many press at once.
The booking code is shown once and stored only as a keyed hash.
"""

import logging
import secrets
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from jiefen.cases.choices import Channel
from jiefen.cases.kernel import perform
from jiefen.core import clock, crypto
from jiefen.core.errors import DomainError, InvalidIdentifier
from jiefen.core.identifiers import parse_mobile
from jiefen.core.masking import mask_phone
from jiefen.org.models import Centre, Level, User
from jiefen.org.roles import Role
from jiefen.org.selectors import centres_in_scope
from jiefen.portal import ratelimit, sms
from jiefen.portal.models import ReceptionBooking, ReceptionSchedule
from jiefen.portal.ratelimit import Limit

log = logging.getLogger("jiefen.portal.reception")

B = ReceptionBooking.Status
LEADER_ROLES = (Role.COUNTY_LEADER, Role.CENTRE_LEADER)
# Who keeps the schedule and receives visitors: the centre's own desk and its leaders.
STAFF_ROLES = frozenset(
    {Role.WINDOW_CLERK, Role.CENTRE_LEADER, Role.COUNTY_LEADER, Role.SUPERVISOR}
)
PUBLIC_DAYS = 30
MAX_ACTIVE_BOOKINGS = 2  # per phone number, over all upcoming sessions
MAX_CAPACITY = 200
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
TAKEN = (B.BOOKED, B.RECEIVED)  # a cancelled booking frees its seat

# Beside the per-phone cap: one address booking for many phones, or guessing booking codes.
BOOK_PER_IP = Limit("reception-book-ip", 10, timedelta(hours=1), "预约过于频繁，请稍后再试")
CANCEL_FAIL_PER_IP = Limit(
    "reception-cancel-fail-ip", 10, timedelta(minutes=15), "尝试次数过多，请 15 分钟后再试"
)

MSG_FULL = "该场次已约满，请选择其他场次"
MSG_TOO_MANY = f"同一手机号码最多同时预约 {MAX_ACTIVE_BOOKINGS} 个场次，请先参加或取消已有预约"
MSG_BAD_CODE = "手机号码或预约码不正确，或该预约已取消"


# --- reads ------------------------------------------------------------------------------------


def _with_taken(schedules):
    return schedules.select_related("leader", "centre").annotate(
        taken=Count("bookings", filter=Q(bookings__status__in=TAKEN))
    )


def public_schedules():
    """The published sessions of the next 30 days, each with ``taken`` and ``seats_left``."""
    today = clock.today()
    rows = list(
        _with_taken(
            ReceptionSchedule.objects.filter(
                published=True, date__gte=today, date__lte=today + timedelta(days=PUBLIC_DAYS)
            )
        )
    )
    now = clock.now()
    for row in rows:
        row.seats_left = max(row.capacity - row.taken, 0)
        row.open = _starts_at(row) > now
    return rows


def public_schedule_or_404(pk) -> ReceptionSchedule:
    schedule = _with_taken(ReceptionSchedule.objects.filter(published=True, pk=pk)).first()
    if schedule is None:
        raise Http404("没有这个接访场次")
    schedule.seats_left = max(schedule.capacity - schedule.taken, 0)
    return schedule


def schedules_in_scope(user):
    """Sessions held at a centre in the user's jurisdiction (none for administrators)."""
    return _with_taken(ReceptionSchedule.objects.filter(centre__in=centres_in_scope(user)))


def bookings_in_scope(user):
    return ReceptionBooking.objects.filter(
        schedule__centre__in=centres_in_scope(user)
    ).select_related("schedule__leader", "schedule__centre", "case")


def booking_for_user_or_404(user, pk) -> ReceptionBooking:
    booking = bookings_in_scope(user).filter(pk=pk).first()
    if booking is None:
        raise Http404("没有这个预约")  # outside the jurisdiction looks the same as missing
    return booking


def day_bookings(user, day, centre=None) -> list[ReceptionBooking]:
    """A day's bookings in the user's scope (one centre if given), phone numbers masked."""
    rows = (
        bookings_in_scope(user)
        .filter(schedule__date=day)
        .order_by("schedule__start_time", "schedule_id", "created_at")
    )
    if centre is not None:
        rows = rows.filter(schedule__centre=centre)
    rows = list(rows)
    for row in rows:
        row.masked_phone = mask_phone(row.phone)
    return rows


def leader_choices(user):
    """Leaders who may receive visitors at centres in the user's jurisdiction."""
    prefix = user.jurisdiction_prefix
    if prefix is None:
        return User.objects.none()
    return (
        User.objects.filter(
            is_active=True,
            centre__region__code__startswith=prefix,
            role_assignments__role__in=LEADER_ROLES,
        )
        .select_related("centre")
        .distinct()
        .order_by("centre__region__code", "full_name")
    )


def reception_centres(user):
    """Centres in scope where a leader may receive visitors (county and town centres)."""
    return centres_in_scope(user).exclude(region__level=Level.VILLAGE).order_by("region__code")


def today_leaders(centre) -> list[ReceptionSchedule]:
    return list(
        ReceptionSchedule.objects.filter(
            centre=centre, date=clock.today(), published=True
        ).select_related("leader")
    )


# --- writes -----------------------------------------------------------------------------------


def _starts_at(schedule) -> datetime:
    return timezone.make_aware(datetime.combine(schedule.date, schedule.start_time))


def check_staff(actor) -> None:
    """Only centre staff on the desk or leading it keep the schedule and receive visitors."""
    if actor.centre_id is None or actor.unit_id is not None or not (actor.roles & STAFF_ROLES):
        raise DomainError("只有中心窗口人员或中心领导可以管理领导接访", "not_reception_staff")


def publish(
    *, actor, centre, leader, date, start_time, end_time, topics="", capacity=10
) -> ReceptionSchedule:
    """Publish one reception session. The centre and the leader (县领导 or 中心领导) must lie
    in the actor's jurisdiction; the day may not be past. Errors: DomainError in Chinese."""
    check_staff(actor)
    if not reception_centres(actor).filter(pk=centre.pk).exists():
        raise DomainError("接访地点不在您的管辖范围内", "centre_out_of_scope")
    if not leader_choices(actor).filter(pk=leader.pk).exists():
        raise DomainError("接访领导须为辖区内的县领导或中心领导", "leader_not_allowed")
    if date < clock.today():
        raise DomainError("不能发布已过去日期的接访安排", "date_past")
    if end_time <= start_time:
        raise DomainError("结束时间应晚于开始时间", "times_unordered")
    if not 1 <= int(capacity) <= MAX_CAPACITY:
        raise DomainError(f"可预约人数应在 1 至 {MAX_CAPACITY} 之间", "capacity_range")
    return ReceptionSchedule.objects.create(
        centre=centre,
        leader=leader,
        date=date,
        start_time=start_time,
        end_time=end_time,
        topics=(topics or "").strip()[:200],
        capacity=int(capacity),
        published=True,
        created_by=actor,
    )


def _code_hash(phone: str, code: str) -> str:
    return crypto.keyed_hash(f"reception:{phone}:{code}")


def _phone(raw) -> str:
    try:
        return parse_mobile(raw)
    except InvalidIdentifier as exc:
        raise DomainError(exc.message, exc.code, field="phone") from None


def book(*, schedule_id, name, phone, topic, ip=None) -> tuple[ReceptionBooking, str]:
    """Book a seat. Locks the schedule row, then checks it is open and not full and that the
    phone holds fewer than MAX_ACTIVE_BOOKINGS upcoming bookings (and none for this session);
    an address may book BOOK_PER_IP times an hour. Returns the booking and its code (shown
    once; only its keyed hash is kept). Errors: DomainError (RateLimited) in Chinese."""
    phone, name, topic = _phone(phone), (name or "").strip(), (topic or "").strip()
    if not name or not topic:
        raise DomainError("请填写姓名和反映事项", "booking_incomplete")
    ratelimit.check(BOOK_PER_IP, ip)
    now = clock.now()
    with transaction.atomic():
        schedule = (
            ReceptionSchedule.objects.select_for_update()
            .filter(pk=schedule_id, published=True)
            .first()
        )
        if schedule is None:
            raise DomainError("没有这个接访场次", "schedule_not_found")
        if _starts_at(schedule) <= now:
            raise DomainError("该场次已开始或已结束，不能预约", "schedule_closed")
        if schedule.bookings.filter(status__in=TAKEN).count() >= schedule.capacity:
            raise DomainError(MSG_FULL, "schedule_full")
        phone_hash = crypto.keyed_hash(phone)
        active = ReceptionBooking.objects.filter(
            phone_hash=phone_hash, status=B.BOOKED, schedule__date__gte=timezone.localdate(now)
        )
        if active.filter(schedule=schedule).exists():
            raise DomainError("该手机号码已预约本场次，无需重复预约", "already_booked")
        if active.count() >= MAX_ACTIVE_BOOKINGS:
            raise DomainError(MSG_TOO_MANY, "too_many_bookings")
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        booking = ReceptionBooking.objects.create(
            schedule=schedule,
            name=name[:40],
            phone=phone,
            phone_hash=phone_hash,
            topic=topic[:2000],
            code_hash=_code_hash(phone, code),
            created_at=now,
        )
        ratelimit.hit(BOOK_PER_IP, ip)
    log.info("reception booking %s for schedule %s", booking.pk, schedule.pk)
    return booking, code


def cancel(*, phone, code, ip=None) -> ReceptionBooking:
    """Cancel the booking that this phone number and booking code identify; its seat is free
    again. A wrong pair reveals nothing beyond MSG_BAD_CODE and counts towards
    CANCEL_FAIL_PER_IP, so codes cannot be guessed. Errors: DomainError (RateLimited)."""
    phone = _phone(phone)
    code = "".join((code or "").split()).upper()
    ratelimit.check(CANCEL_FAIL_PER_IP, ip)
    with transaction.atomic():
        booking = (
            ReceptionBooking.objects.select_for_update()
            .filter(
                phone_hash=crypto.keyed_hash(phone),
                code_hash=_code_hash(phone, code),
                status=B.BOOKED,
            )
            .first()
        )
        if booking is not None:
            booking.status = B.CANCELLED
            booking.save(update_fields=["status"])
    if booking is None:
        ratelimit.hit(CANCEL_FAIL_PER_IP, ip)
        raise DomainError(MSG_BAD_CODE, "booking_not_found")
    return booking


def receive(
    *, booking_id, actor, category, region, matter_type="petition", description="", title=""
) -> object:
    """接待: the visitor came. Opens a case through ``perform(None, "register", …)`` with channel
    领导接访 at the session's centre, the visitor as applicant, and links it to the booking
    (status received) in the same transaction. Errors: DomainError / CaseError in Chinese."""
    check_staff(actor)
    with transaction.atomic():
        in_scope = ReceptionBooking.objects.filter(
            pk=booking_id, schedule__centre__in=centres_in_scope(actor)
        )
        booking = in_scope.select_for_update(of=("self",)).first()
        if booking is None:
            raise DomainError("没有这个预约", "booking_not_found")
        if booking.status != B.BOOKED:
            raise DomainError(
                f"该预约当前为“{booking.get_status_display()}”，不能再登记接待", "booking_not_open"
            )
        schedule = ReceptionSchedule.objects.select_related("leader").get(pk=booking.schedule_id)
        case = perform(
            None,
            "register",
            actor,
            channel=Channel.LEADER_RECEPTION,
            matter_type=matter_type,
            category=category,
            region=region,
            description=(description or booking.topic).strip(),
            title=title,
            centre=schedule.centre_id,
            parties=[{"role": "applicant", "name": booking.name, "phone": booking.phone}],
            note=f"领导接访：{schedule.date:%Y-%m-%d} {leader_label(schedule.leader)}",
        )
        booking.case, booking.status = case, B.RECEIVED
        booking.save(update_fields=["case", "status"])
    return case


def leader_label(leader) -> str:
    """ "王伟（副县长）": the name the public and the staff see for a receiving leader."""
    return f"{leader.full_name}（{leader.job_title}）" if leader.job_title else leader.full_name


def reminder_text(booking: ReceptionBooking) -> str:
    s = booking.schedule
    return (
        f"【解纷】{booking.name}您好，您预约的领导接访将于明天（{s.date:%m月%d日}）"
        f"{s.start_time:%H:%M}—{s.end_time:%H:%M}在{s.centre.name}进行，请携带身份证件按时到达。"
        "如不能前来，请在网上服务“领导接访”页面用手机号和预约码取消。"
    )


def send_reminders() -> int:
    """Text every visitor booked for tomorrow, once: each booking is claimed by setting
    ``reminded_at`` with a compare-and-set update before its text is sent, so two runs of the
    command never remind the same visitor twice. Returns how many were sent."""
    tomorrow = clock.today() + timedelta(days=1)
    pending = ReceptionBooking.objects.filter(
        schedule__date=tomorrow, status=B.BOOKED, reminded_at__isnull=True
    )
    sent = 0
    for booking in pending.select_related("schedule__centre").order_by("pk"):
        with transaction.atomic():
            claimed = ReceptionBooking.objects.filter(
                pk=booking.pk, reminded_at__isnull=True, status=B.BOOKED
            ).update(reminded_at=clock.now())
            if claimed:
                sms.send(booking.phone, reminder_text(booking), topic="reception.reminder")
                sent += claimed
    return sent


# --- demo -------------------------------------------------------------------------------------

DEMO_TOPICS = [
    "征地拆迁、涉农补贴",
    "劳动争议、拖欠工资",
    "物业、住房建设",
    "医疗、教育、社会保障",
    "婚姻家庭、邻里纠纷",
]


def seed_demo_schedule() -> int:
    """This week's and next week's sessions at the demo county centre: one county leader per
    working day, 9:00–11:30, ten seats. Idempotent: a day that has a session is left alone.
    Returns how many sessions were created."""
    from jiefen.core import workdays
    from jiefen.org.demo import COUNTY_CODE

    centre = Centre.objects.filter(region__code=COUNTY_CODE, region__valid_to__isnull=True).first()
    leaders = (
        list(
            User.objects.filter(centre=centre, role_assignments__role=Role.COUNTY_LEADER).order_by(
                "username"
            )
        )
        if centre
        else []
    )
    creator = (
        User.objects.filter(centre=centre, role_assignments__role=Role.CENTRE_LEADER)
        .order_by("username")
        .first()
        if centre
        else None
    )
    if not leaders or creator is None:
        return 0
    monday = clock.today() - timedelta(days=clock.today().weekday())
    created = 0
    for offset in range(14):
        day = monday + timedelta(days=offset)
        if (
            not workdays.is_workday(day)
            or ReceptionSchedule.objects.filter(centre=centre, date=day).exists()
        ):
            continue
        ReceptionSchedule.objects.create(
            centre=centre,
            leader=leaders[offset % len(leaders)],
            date=day,
            start_time=time(9),
            end_time=time(11, 30),
            topics=DEMO_TOPICS[offset % len(DEMO_TOPICS)],
            capacity=10,
            published=True,
            created_by=creator,
        )
        created += 1
    return created
