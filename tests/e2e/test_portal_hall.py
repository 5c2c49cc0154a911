"""受理大厅 and 领导接访 in chromium, each person in a browser of their own: a citizen takes a
ticket at the kiosk, a window clerk calls it, and the hall display (already open, 1920×1080)
shows the call within 3 s without reloading; a citizen books a reception slot, the staff list
shows it, and the next citizen is refused in Chinese because the slot is full."""

import re
from datetime import time, timedelta

import pytest
from playwright.sync_api import expect

from jiefen.core import clock
from jiefen.org import services
from jiefen.org.roles import Role
from jiefen.portal import hall, reception
from jiefen.portal.models import HallWindow, QueueTicket, ReceptionBooking, ReceptionSchedule
from tests.cases.factories import accepted
from tests.e2e.conftest import DEFAULT_TIMEOUT_MS, login

# Ordered with the transactional tests (after every plain database test), since the live
# server's flush at the end empties the reference tables those tests rely on.
pytestmark = pytest.mark.django_db(transaction=True)

DISPLAY = {"width": 1920, "height": 1080}
DESK = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


class People:
    """One browser context per person (own cookies), closed at the end; script errors, CSP
    refusals and failed loads are collected for the test to assert there were none."""

    def __init__(self, browser):
        self.browser, self.contexts, self.problems = browser, [], []

    def page(self, who, viewport=DESK, **options):
        context = self.browser.new_context(
            locale="zh-CN", timezone_id="Asia/Shanghai", viewport=viewport, **options
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: self.problems.append(f"{who}: {exc}"))
        page.on(
            "console",
            lambda msg: msg.type == "error" and self.problems.append(f"{who}: {msg.text}"),
        )
        return page

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def people(browser):
    people = People(browser)
    yield people
    people.close()


def _reference_data():
    """Categories, deadline policies and the calendar, as the migrations seed them: the flush
    ending an earlier live-server test empties those tables (each seeder skips existing rows)."""
    from jiefen.cases.models import DeadlinePolicy
    from jiefen.cases.policy_defaults import seed_policies
    from jiefen.core import workdays
    from jiefen.core.models import CalendarDay, CalendarYear
    from jiefen.org.models import Category
    from jiefen.org.reference import seed_categories

    seed_categories(Category)
    seed_policies(DeadlinePolicy, Category)
    workdays.seed_from_package(CalendarYear, CalendarDay)


def _morning_in_the_hall(cast):
    """The county centre's hall by mid-morning: its four windows, visitors waiting and being
    served, today's reception leader, a notice and two cases accepted today."""
    hall.seed_demo_windows()
    windows = {w.number: w for w in HallWindow.objects.filter(centre=cast.county)}
    for kind in ["mediation", "legal", "petition", "legal", "mediation", "psych", "mediation"]:
        hall.take_ticket(centre=cast.county, business_type=kind)
    hall.call_next(window=windows[3], clerk=cast.county_leader)
    hall.serve(
        ticket_id=hall.current_ticket(windows[3]).pk, window=windows[3], clerk=cast.county_leader
    )
    hall.call_next(window=windows[4], clerk=cast.county_leader)
    head = services.create_staff(
        username="county_head",
        full_name="赵国强",
        password=cast.password,
        roles=[Role.COUNTY_LEADER],
        centre=cast.county,
        job_title="副县长",
        must_change_password=False,
    )
    ReceptionSchedule.objects.create(
        centre=cast.county,
        leader=head,
        date=clock.today(),
        start_time=time(9),
        end_time=time(11, 30),
        topics="劳动争议、拖欠工资",
        created_by=cast.county_clerk,
    )
    hall.add_notice(
        actor=cast.county_clerk, text="本中心提供免费法律咨询和人民调解服务，请按号办理"
    )
    _reference_data()
    for _ in range(2):
        accepted(cast.county_clerk, cast.village_region)
    return windows


def test_ticket_call_shows_on_the_open_display_within_3_seconds(
    live_server, cast, people, screenshot
):
    base = live_server.url
    windows = _morning_in_the_hall(cast)

    # The hall display has been running since the morning.
    display = people.page("display", DISPLAY)
    display.goto(f"{base}/p/hall/{cast.county.pk}/display/")
    expect(display.locator("#hd-latest")).to_contain_text("D001")
    display.evaluate(
        "() => { document.getElementById('hall-live').dataset.sameNode = 'yes'; window.__notReloaded = true; }"
    )

    # A citizen takes a ticket at the kiosk.
    kiosk = people.page("kiosk", DESK, has_touch=True)
    kiosk.goto(f"{base}/p/kiosk/{cast.county.pk}/")
    kiosk.locator("button.kiosk-type[data-type=intake]").click()
    expect(kiosk.locator("#ticket-number")).to_have_text("A001")
    expect(kiosk.locator("#ticket-ahead")).to_have_text("0")
    expect(display.locator('#hd-waiting dd[data-type="intake"]')).to_have_text("1", timeout=3000)

    # The window clerk calls the next visitor.
    clerk = people.page("county_clerk")
    login(clerk, live_server, "county_clerk", cast.password)
    clerk.goto(f"{base}/staff/window/")
    clerk.get_by_role("link", name="1 号窗口").click()
    clerk.locator("#call-next").click()
    expect(clerk.locator("#current-number")).to_have_text("A001")

    # The display shows it within 3 s, by window and in the banner, highlighted; no reload.
    expect(display.locator('#hd-windows [data-window="1"]')).to_contain_text("A001", timeout=3000)
    expect(display.locator("#hd-latest")).to_contain_text("A001", timeout=3000)
    expect(display.locator('#hd-windows [data-window="1"]')).to_have_class("hd-window fresh")
    expect(display.locator('#hd-windows [data-window="3"]')).to_contain_text("C001")
    expect(display.locator("#hd-leader")).to_contain_text("赵国强（副县长）")
    expect(display.locator('#hd-figures [data-figure="accepted"]')).to_have_text("2")
    expect(display.locator('#hd-waiting dd[data-type="intake"]')).to_have_text("0")
    assert display.evaluate(
        "() => window.__notReloaded === true && document.getElementById('hall-live').dataset.sameNode === 'yes'"
    )
    assert QueueTicket.objects.get(number="A001").window_id == windows[1].pk

    # Polling replaces the same nodes: the page does not grow while nothing changes.
    display.wait_for_timeout(2500)
    before = display.evaluate("() => document.getElementsByTagName('*').length")
    display.wait_for_timeout(4500)
    assert display.evaluate("() => document.getElementsByTagName('*').length") == before
    screenshot(display, "hall-display")
    assert (
        display.evaluate("() => document.documentElement.scrollHeight") <= DISPLAY["height"]
    )  # fits the TV
    assert people.problems == []


def test_booking_shows_in_the_staff_list_and_a_full_slot_refuses_the_next(
    live_server, cast, people
):
    base = live_server.url
    leader = services.create_staff(
        username="county_head",
        full_name="赵国强",
        password=cast.password,
        roles=[Role.COUNTY_LEADER],
        centre=cast.county,
        job_title="副县长",
        must_change_password=False,
    )
    schedule = reception.publish(
        actor=cast.county_clerk,
        centre=cast.county,
        leader=leader,
        date=clock.today() + timedelta(days=2),
        start_time=time(9),
        end_time=time(11, 30),
        topics="劳动争议、拖欠工资",
        capacity=1,
    )

    # Two citizens open the booking form for the last seat on their phones.
    first = people.page("citizen 1", PHONE, is_mobile=True, has_touch=True)
    first.goto(f"{base}/p/reception/")
    expect(first.locator(f"#session-{schedule.pk}")).to_contain_text("赵国强（副县长）")
    first.locator(f"#session-{schedule.pk}").get_by_role("link", name="预约此场次").click()
    second = people.page("citizen 2", PHONE, is_mobile=True, has_touch=True)
    second.goto(f"{base}/p/reception/{schedule.pk}/book/")

    # The first books it and gets a code.
    first.fill("input[name=name]", "王建国")
    first.fill("input[name=phone]", "138 1234 5678")
    first.fill("textarea[name=topic]", "在工地务工三个月，工资一直未发")
    first.get_by_role("button", name="提交预约").click()
    expect(first.locator("h1")).to_have_text("预约成功")
    expect(first.locator("#booking-code")).to_have_text(re.compile(r"^[2-9A-Z]{6}$"))

    # The county clerk sees the booking in the day's list.
    clerk = people.page("county_clerk")
    login(clerk, live_server, "county_clerk", cast.password)
    clerk.goto(f"{base}/staff/reception/?date={schedule.date.isoformat()}")
    row = clerk.locator("#bookings tbody tr", has_text="王建国")
    expect(row).to_contain_text("138****5678")
    expect(row).to_contain_text("已预约")
    expect(clerk.locator("#schedules")).to_contain_text("1 / 1")

    # The second citizen submits for the seat that is now gone: refused in Chinese.
    second.fill("input[name=name]", "李秀英")
    second.fill("input[name=phone]", "13912345678")
    second.fill("textarea[name=topic]", "邻里宅基地界线纠纷")
    second.get_by_role("button", name="提交预约").click()
    expect(second.locator(".error.banner")).to_have_text("该场次已约满，请选择其他场次")
    assert ReceptionBooking.objects.filter(schedule=schedule).count() == 1
    second.goto(f"{base}/p/reception/")
    expect(second.locator(f"#session-{schedule.pk}")).to_contain_text("已约满")
    # the refused POST answers 422, which the browser reports as a failed load; nothing else
    assert [p for p in people.problems if "422" not in p] == []
