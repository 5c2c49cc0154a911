"""领导接访: publish → public list, booking up to capacity (also under concurrency), cancel with
the code, scope of the staff screens, 接待 opening a case, and the reminder sent once."""

from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from jiefen.cases.choices import Channel, State
from jiefen.cases.models import CaseEvent
from jiefen.core import clock
from jiefen.core.errors import DomainError
from jiefen.org import services
from jiefen.org.models import Category
from jiefen.org.roles import Role
from jiefen.portal import reception
from jiefen.portal.models import ReceptionBooking, ReceptionSchedule, SmsMessage
from tests.cases.test_concurrency import (
    file_database,  # noqa: F401  (a fixture: SQLite on a file, for threads)
)

pytestmark = pytest.mark.django_db


def _head(cast):
    return services.create_staff(
        username="county_head",
        full_name="赵县长",
        password=cast.password,
        roles=[Role.COUNTY_LEADER],
        centre=cast.county,
        job_title="副县长",
        must_change_password=False,
    )


def _session(cast, *, capacity=3, days=1, centre=None, leader=None):
    return reception.publish(
        actor=cast.county_clerk,
        centre=centre or cast.county,
        leader=leader or _head(cast),
        date=clock.today() + timedelta(days=days),
        start_time=time(9),
        end_time=time(11, 30),
        topics="劳动争议、拖欠工资",
        capacity=capacity,
    )


def _book(client, schedule, phone, name="王建国", topic="工地拖欠工资三个月未发"):
    return client.post(
        f"/p/reception/{schedule.pk}/book/", {"name": name, "phone": phone, "topic": topic}
    )


def test_published_session_appears_on_the_public_list(client, cast):
    schedule = _session(cast)
    page = client.get("/p/reception/").content.decode()
    assert "赵县长（副县长）" in page and "测试县中心" in page and "劳动争议、拖欠工资" in page
    assert f'href="/p/reception/{schedule.pk}/book/"' in page
    assert "<b>3</b>剩余名额" in page


def test_unpublished_past_and_far_sessions_are_not_listed(client, cast):
    head = _head(cast)
    hidden = _session(cast, leader=head, days=2)
    ReceptionSchedule.objects.filter(pk=hidden.pk).update(published=False)
    far = _session(cast, leader=head, days=40)
    listed = {s.pk for s in reception.public_schedules()}
    assert hidden.pk not in listed and far.pk not in listed
    assert client.get(f"/p/reception/{hidden.pk}/book/").status_code == 404


def test_staff_publish_through_the_form(client, cast):
    head = _head(cast)
    client.force_login(cast.county_clerk)
    data = {
        "centre": cast.county.pk,
        "leader": head.pk,
        "date": (clock.today() + timedelta(days=3)).isoformat(),
        "start_time": "09:00",
        "end_time": "11:30",
        "topics": "征地拆迁",
        "capacity": "5",
    }
    response = client.post("/staff/reception/publish/", data)
    assert response.status_code == 302
    schedule = ReceptionSchedule.objects.get()
    assert (
        schedule.leader == head
        and schedule.capacity == 5
        and schedule.created_by == cast.county_clerk
    )
    bad = client.post("/staff/reception/publish/", {**data, "end_time": "08:00"})
    assert bad.status_code == 422 and "结束时间应晚于开始时间" in bad.content.decode()


def test_other_town_cannot_publish_at_the_county_centre(client, cast):
    head = _head(cast)
    client.force_login(cast.other_town_clerk)
    data = {
        "centre": cast.county.pk,
        "leader": head.pk,
        "date": (clock.today() + timedelta(days=3)).isoformat(),
        "start_time": "09:00",
        "end_time": "11:30",
        "capacity": "5",
    }
    response = client.post("/staff/reception/publish/", data)
    assert response.status_code == 422 and "不在您的管辖范围内" in response.content.decode()
    assert not ReceptionSchedule.objects.exists()


def test_booking_until_full_then_the_next_is_refused_in_chinese(client, cast):
    schedule = _session(cast, capacity=2)
    first = _book(client, schedule, "13812345678")
    assert first.status_code == 200 and "预约成功" in first.content.decode()
    assert _book(client, schedule, "13912345678").status_code == 200
    refused = _book(client, schedule, "13712345678")
    assert refused.status_code == 422 and "该场次已约满，请选择其他场次" in refused.content.decode()
    assert schedule.bookings.count() == 2
    assert "已约满" in client.get("/p/reception/").content.decode()


def test_booking_code_is_shown_once_and_stored_hashed(client, cast):
    schedule = _session(cast)
    page = _book(client, schedule, "13812345678").content.decode()
    booking = ReceptionBooking.objects.get()
    code = page.split('id="booking-code">')[1].split("<")[0]
    assert len(code) == reception.CODE_LENGTH and code not in booking.code_hash
    assert booking.phone == "13812345678" and booking.phone_hash and booking.status == "booked"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"phone": "12345"}, "手机号码应为11位数字，以1开头"),
        ({"name": ""}, "请填写姓名"),
        ({"topic": ""}, "请简要填写要反映的事项"),
    ],
)
def test_bad_booking_input_gets_a_chinese_message_and_books_nothing(client, cast, data, message):
    schedule = _session(cast)
    form = {"name": "王建国", "phone": "13812345678", "topic": "拖欠工资", **data}
    response = client.post(f"/p/reception/{schedule.pk}/book/", form)
    assert response.status_code == 422 and message in response.content.decode()
    assert not ReceptionBooking.objects.exists()


def test_one_phone_may_hold_two_bookings_and_not_the_same_session_twice(cast):
    head = _head(cast)
    sessions = [_session(cast, leader=head, days=d) for d in (1, 2, 3)]
    reception.book(schedule_id=sessions[0].pk, name="王建国", phone="13812345678", topic="欠薪")
    with pytest.raises(DomainError, match="已预约本场次"):
        reception.book(
            schedule_id=sessions[0].pk, name="王建国", phone="138 1234 5678", topic="欠薪"
        )
    reception.book(schedule_id=sessions[1].pk, name="王建国", phone="13812345678", topic="欠薪")
    with pytest.raises(DomainError, match="最多同时预约 2 个场次"):
        reception.book(schedule_id=sessions[2].pk, name="王建国", phone="13812345678", topic="欠薪")
    assert ReceptionBooking.objects.count() == 2


def test_a_session_that_has_started_takes_no_bookings(cast):
    schedule = _session(cast)
    clock.set_fixed(timezone.make_aware(datetime.combine(schedule.date, time(10))))
    with pytest.raises(DomainError, match="已开始或已结束"):
        reception.book(schedule_id=schedule.pk, name="王建国", phone="13812345678", topic="欠薪")


def test_cancel_with_the_right_code_frees_the_seat_and_a_wrong_code_does_not(client, cast):
    schedule = _session(cast, capacity=1)
    booking, code = reception.book(
        schedule_id=schedule.pk, name="王建国", phone="13812345678", topic="欠薪"
    )
    wrong = client.post("/p/reception/cancel/", {"phone": "13812345678", "code": "AAAAAA"})
    assert wrong.status_code == 422 and reception.MSG_BAD_CODE in wrong.content.decode()
    other_phone = client.post("/p/reception/cancel/", {"phone": "13912345678", "code": code})
    assert other_phone.status_code == 422
    booking.refresh_from_db()
    assert booking.status == "booked"
    assert "已约满" in _book(client, schedule, "13712345678").content.decode()

    ok = client.post("/p/reception/cancel/", {"phone": "13812345678", "code": code.lower()})
    assert ok.status_code == 200 and "已取消" in ok.content.decode()
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert _book(client, schedule, "13712345678").status_code == 200


def test_guessing_booking_codes_is_throttled(client, cast):
    schedule = _session(cast)
    _booking, code = reception.book(
        schedule_id=schedule.pk, name="王建国", phone="13812345678", topic="欠薪"
    )
    for _ in range(reception.CANCEL_FAIL_PER_IP.count):
        client.post("/p/reception/cancel/", {"phone": "13812345678", "code": "AAAAAA"})
    blocked = client.post("/p/reception/cancel/", {"phone": "13812345678", "code": code})
    assert "尝试次数过多" in blocked.content.decode()
    assert ReceptionBooking.objects.get().status == "booked"


def test_staff_see_the_days_bookings_with_masked_phones(client, cast):
    schedule = _session(cast)
    reception.book(schedule_id=schedule.pk, name="王建国", phone="13812345678", topic="工地欠薪")
    client.force_login(cast.county_clerk)
    page = client.get(f"/staff/reception/?date={schedule.date.isoformat()}").content.decode()
    assert "王建国" in page and "138****5678" in page and "13812345678" not in page
    assert "王建国" not in client.get("/staff/reception/").content.decode()  # today: none
    assert "王建国" in client.get(f"/staff/reception/{schedule.pk}/").content.decode()


def test_other_towns_get_404_on_the_county_centres_sessions_and_bookings(client, cast):
    schedule = _session(cast)
    booking, _code = reception.book(
        schedule_id=schedule.pk, name="王建国", phone="13812345678", topic="欠薪"
    )
    for user in (cast.other_town_clerk, cast.town_clerk):
        client.force_login(user)
        assert client.get(f"/staff/reception/{schedule.pk}/").status_code == 404
        assert client.get(f"/staff/reception/bookings/{booking.pk}/receive/").status_code == 404
        assert (
            client.post(f"/staff/reception/bookings/{booking.pk}/receive/", {}).status_code == 404
        )
        assert (
            "王建国"
            not in client.get(
                f"/staff/reception/?date={schedule.date.isoformat()}"
            ).content.decode()
        )
    # the county sees a town's session (a centre below it)
    town_session = _session(cast, centre=cast.town, leader=cast.town_leader)
    client.force_login(cast.county_clerk)
    assert client.get(f"/staff/reception/{town_session.pk}/").status_code == 200


def test_unit_handlers_and_administrators_have_no_reception_screen(client, cast):
    for user in (cast.unit_handler, cast.sysadmin):
        client.force_login(user)
        assert client.get("/staff/reception/").status_code in (302, 403)


def test_receiving_a_visitor_opens_a_leader_reception_case_linked_to_the_booking(client, cast):
    schedule = _session(cast)
    booking, _code = reception.book(
        schedule_id=schedule.pk, name="王建国", phone="13812345678", topic="工地拖欠工资三个月"
    )
    client.force_login(cast.county_clerk)
    form = client.get(f"/staff/reception/bookings/{booking.pk}/receive/").content.decode()
    assert "工地拖欠工资三个月" in form
    data = {
        "matter_type": "dispute",
        "category": Category.objects.get(code="02").pk,
        "region": cast.village_region.pk,
        "description": "工地拖欠工资三个月，要求支付",
    }
    response = client.post(f"/staff/reception/bookings/{booking.pk}/receive/", data)
    booking.refresh_from_db()
    case = booking.case
    assert response.status_code == 302 and response["Location"].startswith(f"/cases/{case.pk}/")
    assert booking.status == "received"
    assert (
        case.channel == Channel.LEADER_RECEPTION
        and case.state == State.REGISTERED
        and case.centre == cast.county
    )
    applicant = case.parties.get(role="applicant")
    assert applicant.name == "王建国" and applicant.phone == "13812345678"
    event = CaseEvent.objects.get(case=case)
    assert (
        event.action == "register" and event.actor == cast.county_clerk and "赵县长" in event.note
    )
    again = client.post(f"/staff/reception/bookings/{booking.pk}/receive/", data)
    assert again.status_code == 422 and "已接待" in again.content.decode()
    assert CaseEvent.objects.count() == 1


def test_a_refused_registration_leaves_the_booking_open(client, cast):
    schedule = _session(cast)
    booking, _code = reception.book(
        schedule_id=schedule.pk, name="王建国", phone="13812345678", topic="欠薪"
    )
    client.force_login(
        cast.county_supervisor
    )  # 督查员 may see bookings but may not register a case
    data = {
        "matter_type": "dispute",
        "category": Category.objects.get(code="02").pk,
        "region": cast.village_region.pk,
        "description": "欠薪",
    }
    response = client.post(f"/staff/reception/bookings/{booking.pk}/receive/", data)
    assert response.status_code == 422 and "登记" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "booked" and booking.case is None


def test_remind_bookings_sends_each_reminder_once(cast):
    head = _head(cast)
    tomorrow = _session(cast, leader=head, days=1)
    later = _session(cast, leader=head, days=2)
    reception.book(schedule_id=tomorrow.pk, name="王建国", phone="13812345678", topic="欠薪")
    cancelled, code = reception.book(
        schedule_id=tomorrow.pk, name="李秀英", phone="13912345678", topic="欠薪"
    )
    reception.cancel(phone="13912345678", code=code)
    reception.book(schedule_id=later.pk, name="张伟", phone="13712345678", topic="欠薪")
    call_command("remind_bookings", stdout=None)
    call_command("remind_bookings", stdout=None)
    message = SmsMessage.objects.get()
    assert message.phone == "13812345678" and message.topic == "reception.reminder"
    assert "明天" in message.text and "测试县中心" in message.text
    assert ReceptionBooking.objects.filter(reminded_at__isnull=False).count() == 1


def test_seed_demo_schedule_is_idempotent(cast):
    _head(cast)
    made = reception.seed_demo_schedule()
    assert made >= 5
    assert reception.seed_demo_schedule() == 0
    assert ReceptionSchedule.objects.count() == made
    assert {s.leader.username for s in ReceptionSchedule.objects.all()} == {"county_head"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_people_booking_the_last_seats_at_once_fill_exactly_the_capacity(file_database, cast):  # noqa: F811
    schedule = _session(cast, capacity=2)
    reception.book(schedule_id=schedule.pk, name="王建国", phone="13800000000", topic="欠薪")
    n = 12 if _vendor() == "postgresql" else 4

    def job(i):
        return lambda: reception.book(
            schedule_id=schedule.pk, name=f"来访人{i}", phone=f"1390000{i:04d}", topic="欠薪"
        )

    results = race_domain([job(i) for i in range(n)])
    assert sum(1 for outcome, _ in results if outcome == "ok") == 1
    refused = [value for outcome, value in results if outcome == "refused"]
    assert len(refused) == n - 1 and {e.code for e in refused} == {"schedule_full"}
    assert schedule.bookings.filter(status="booked").count() == schedule.capacity


def _vendor():
    from django.db import connection

    return connection.vendor


def race_domain(jobs):
    """tests.cases.test_concurrency.race, for services that raise DomainError rather than CaseError."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(i, job):
        try:
            barrier.wait(timeout=30)
            try:
                results[i] = ("ok", job())
            except DomainError as exc:
                results[i] = ("refused", exc)
            except Exception as exc:  # noqa: BLE001
                results[i] = ("crashed", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    crashed = [r for r in results if r is None or r[0] == "crashed"]
    assert not crashed, f"threads crashed: {crashed}"
    return results
