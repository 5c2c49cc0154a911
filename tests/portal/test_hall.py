"""受理大厅: ticket numbers, the windows' calls (also two windows at once), the transitions, the
display fragment, the kiosk, and 开始办理 → 窗口登记 linking the ticket to the case."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from jiefen.cases.models import Case
from jiefen.core import clock
from jiefen.core.errors import DomainError
from jiefen.org.models import Category
from jiefen.portal import hall
from jiefen.portal.models import HallNotice, HallWindow, QueueTicket, ServiceRating
from tests.cases.factories import VALID_ID, accepted
from tests.cases.test_concurrency import (
    file_database,  # noqa: F401  (a fixture: SQLite on a file, for threads)
)
from tests.portal.test_reception import race_domain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # today's figures are cached briefly
    yield
    cache.clear()


def _window(centre, number, types, name="综合受理"):
    return HallWindow.objects.create(centre=centre, number=number, name=name, business_types=types)


def _take(centre, kind, seconds=1):
    clock.travel(timedelta(seconds=seconds))  # distinct, increasing ticket times
    return hall.take_ticket(centre=centre, business_type=kind)[0]


def test_ticket_numbers_run_per_type_per_day(cast):
    a1, ahead1 = hall.take_ticket(centre=cast.county, business_type="intake")
    a2, ahead2 = hall.take_ticket(centre=cast.county, business_type="intake")
    b1, _ = hall.take_ticket(centre=cast.county, business_type="mediation")
    other, _ = hall.take_ticket(centre=cast.town, business_type="intake")
    assert [a1.number, a2.number, b1.number, other.number] == ["A001", "A002", "B001", "A001"]
    assert (ahead1, ahead2) == (0, 1)
    clock.travel(timedelta(days=1))
    assert hall.take_ticket(centre=cast.county, business_type="intake")[0].number == "A001"
    with pytest.raises(DomainError, match="请选择要办理的业务"):
        hall.take_ticket(centre=cast.county, business_type="x")


def test_call_next_takes_the_oldest_waiting_ticket_of_the_windows_types(cast):
    mediation = _window(cast.county, 1, ["mediation"], "调解")
    general = _window(cast.county, 2, ["intake", "mediation"])
    a1 = _take(cast.county, "intake")
    b1 = _take(cast.county, "mediation")
    b2 = _take(cast.county, "mediation")
    _take(cast.county, "legal")
    assert hall.call_next(window=mediation, clerk=cast.county_clerk).pk == b1.pk
    called = hall.call_next(window=general, clerk=cast.county_leader)
    assert (
        called.pk == a1.pk
        and called.status == "called"
        and called.window == general
        and called.call_count == 1
    )
    # calling again closes the current ticket as done and moves on
    assert hall.call_next(window=mediation, clerk=cast.county_clerk).pk == b2.pk
    assert QueueTicket.objects.get(pk=b1.pk).status == "done"
    assert (
        hall.call_next(window=mediation, clerk=cast.county_clerk) is None
    )  # the C ticket is not theirs
    assert QueueTicket.objects.get(pk=b2.pk).status == "done"


def test_recall_skip_transfer_serve_and_done(cast):
    w1, w2 = _window(cast.county, 1, ["intake"]), _window(cast.county, 2, ["legal"], "法律咨询")
    a1 = _take(cast.county, "intake")
    a2 = _take(cast.county, "intake")
    c1 = _take(cast.county, "legal")
    hall.call_next(window=w1, clerk=cast.county_clerk)
    recalled = hall.recall(ticket_id=a1.pk, window=w1)
    assert recalled.call_count == 2 and recalled.status == "called"
    assert hall.skip(ticket_id=a1.pk, window=w1).status == "skipped"
    with pytest.raises(DomainError, match="状态已经变化"):
        hall.recall(ticket_id=a1.pk, window=w1)
    # transfer: A002 goes to the legal window and is called there before the older C001
    assert hall.call_next(window=w1, clerk=cast.county_clerk).pk == a2.pk
    moved = hall.transfer(ticket_id=a2.pk, window=w1, to_window_id=w2.pk)
    assert moved.status == "waiting" and moved.window == w2 and moved.called_at is None
    assert hall.call_next(window=w1, clerk=cast.county_clerk) is None  # held for window 2
    assert hall.call_next(window=w2, clerk=cast.county_clerk).pk == a2.pk
    with pytest.raises(DomainError):
        hall.serve(ticket_id=a2.pk, window=w1, clerk=cast.county_clerk)  # not window 1's any more
    assert hall.serve(ticket_id=a2.pk, window=w2, clerk=cast.county_clerk).status == "serving"
    finished = hall.done(ticket_id=a2.pk, window=w2)
    assert (
        finished.status == "done"
        and finished.finished_at is not None
        and finished.served_by == cast.county_clerk
    )
    assert hall.call_next(window=w2, clerk=cast.county_clerk).pk == c1.pk
    with pytest.raises(DomainError, match="另一个窗口"):
        hall.transfer(ticket_id=c1.pk, window=w2, to_window_id=w2.pk)


def test_window_desk_buttons(client, cast):
    w1, w2 = _window(cast.county, 1, ["intake"]), _window(cast.county, 2, ["intake"], "综合受理二")
    a1 = _take(cast.county, "intake")
    client.force_login(cast.county_clerk)
    assert "1 号窗口" in client.get("/staff/window/").content.decode()
    client.post(f"/staff/window/{w1.pk}/call/")
    page = client.get(f"/staff/window/{w1.pk}/").content.decode()
    assert 'id="current-number">A001<' in page
    client.post(f"/staff/window/{w1.pk}/recall/", {"ticket": a1.pk})
    assert QueueTicket.objects.get(pk=a1.pk).call_count == 2
    client.post(f"/staff/window/{w1.pk}/transfer/", {"ticket": a1.pk, "to_window": w2.pk})
    assert QueueTicket.objects.get(pk=a1.pk).window == w2
    stale = client.post(f"/staff/window/{w1.pk}/skip/", {"ticket": a1.pk}, follow=True)
    assert "状态已经变化" in stale.content.decode()
    response = client.post(f"/staff/window/{w1.pk}/call/", follow=True)
    assert "当前没有等候的群众" in response.content.decode()


def test_other_centres_staff_get_404_on_a_window(client, cast):
    window = _window(cast.county, 1, ["intake"])
    for user in (cast.other_town_clerk, cast.town_clerk):
        client.force_login(user)
        assert client.get(f"/staff/window/{window.pk}/").status_code == 404
        assert client.post(f"/staff/window/{window.pk}/call/").status_code == 404
        assert "1 号窗口" not in client.get("/staff/window/").content.decode()


def test_display_fragment_shows_calls_waiting_counts_and_todays_figures(client, cast):
    w1 = _window(cast.county, 1, ["intake"])
    _window(cast.county, 2, ["mediation"], "调解")
    _take(cast.county, "intake")
    _take(cast.county, "intake")
    _take(cast.county, "mediation")
    hall.call_next(window=w1, clerk=cast.county_clerk)
    accepted(cast.county_clerk, cast.village_region)
    accepted(cast.county_clerk, cast.village_region)
    accepted(cast.town_clerk, cast.village_region)  # held by the town centre: not counted here
    page = client.get(f"/p/hall/{cast.county.pk}/display/fragment/").content.decode()
    window_card = page.split('data-window="1"')[1].split('data-window="2"')[0]
    assert "A001" in window_card and "fresh" in page.split('data-window="1"')[0][-40:]
    assert '请 <span class="num">A001</span> 号到 <span class="num">1</span> 号窗口' in page
    assert '<dd data-type="intake">1</dd>' in page and '<dd data-type="mediation">1</dd>' in page
    assert '<b data-figure="accepted">2</b>' in page and '<b data-figure="tickets">3</b>' in page
    clock.travel(timedelta(seconds=11))
    cache.clear()
    assert "fresh" not in client.get(f"/p/hall/{cast.county.pk}/display/fragment/").content.decode()


def test_display_page_polls_one_fragment_and_loads_nothing_external(client, cast):
    page = client.get(f"/p/hall/{cast.county.pk}/display/").content.decode()
    assert (
        page.count("hx-trigger") == 1
        and 'hx-trigger="every 2s"' in page
        and 'hx-swap="innerHTML"' in page
    )
    assert f'hx-get="/p/hall/{cast.county.pk}/display/fragment/"' in page
    assert (
        "http://" not in page
        and "https://" not in page
        and "<script>" not in page
        and "style=" not in page
    )
    assert (
        client.get(f"/p/hall/{cast.village.pk}/display/").status_code == 404
    )  # no hall at a village


def test_display_shows_todays_reception_leader_and_notices(client, cast):
    from datetime import time

    from jiefen.portal.models import ReceptionSchedule

    ReceptionSchedule.objects.create(
        centre=cast.county,
        leader=cast.county_leader,
        date=clock.today(),
        start_time=time(9),
        end_time=time(11),
        topics="劳动争议",
        created_by=cast.county_clerk,
    )
    hall.add_notice(actor=cast.county_clerk, text="本周六上午正常办公")
    hidden = hall.add_notice(actor=cast.county_clerk, text="旧公告")
    hall.hide_notice(actor=cast.county_clerk, notice_id=hidden.pk)
    page = client.get(f"/p/hall/{cast.county.pk}/display/fragment/").content.decode()
    assert "county_leader" in page and "劳动争议" in page
    assert "本周六上午正常办公" in page and "旧公告" not in page
    with pytest.raises(DomainError):
        hall.hide_notice(actor=cast.other_town_clerk, notice_id=hidden.pk)


def test_kiosk_takes_a_ticket_and_shows_who_is_ahead(client, cast):
    _take(cast.county, "intake")
    page = client.get(f"/p/kiosk/{cast.county.pk}/").content.decode()
    for label in ("综合受理", "调解", "法律咨询", "信访", "心理服务"):
        assert label in page
    response = client.post(f"/p/kiosk/{cast.county.pk}/ticket/", {"business_type": "intake"})
    ticket = QueueTicket.objects.get(number="A002")
    assert (
        response.status_code == 302
        and response["Location"] == f"/p/kiosk/{cast.county.pk}/ticket/{ticket.pk}/"
    )
    shown = client.get(response["Location"]).content.decode()
    assert 'id="ticket-number">A002<' in shown and 'id="ticket-ahead">1<' in shown
    assert client.get(f"/p/kiosk/{cast.town.pk}/ticket/{ticket.pk}/").status_code == 404


def test_kiosk_rating(client, cast):
    ticket = _take(cast.county, "intake")
    ok = client.post(
        f"/p/kiosk/{cast.county.pk}/rate/",
        {"score": "5", "comment": "很耐心", "ticket_number": "a001"},
    )
    assert ok.status_code == 200 and "感谢您的评价" in ok.content.decode()
    rating = ServiceRating.objects.get()
    assert rating.score == 5 and rating.ticket == ticket and rating.centre == cast.county
    for data, message in [
        ({"score": "9"}, "请选择 1 至 5 星的评价"),
        ({"score": "3", "ticket_number": "Z999"}, "没有找到今天的排队号"),
    ]:
        bad = client.post(f"/p/kiosk/{cast.county.pk}/rate/", data)
        assert bad.status_code == 422 and message in bad.content.decode()
    assert ServiceRating.objects.count() == 1


def _intake_form(cast, ticket_id):
    return {
        "ticket": str(ticket_id),
        "matter_type": "dispute",
        "channel": "walk_in",
        "category": Category.objects.get(code="02").pk,
        "description": "邻居在交界处堆放杂物堵塞排水沟，要求清理。",
        "town": cast.town_region.code,
        "region": cast.village_region.code,
        "people_count": "2",
        "risk_level": "none",
        "decision": "accept",
        "party-TOTAL_FORMS": "1",
        "party-INITIAL_FORMS": "0",
        "party-MIN_NUM_FORMS": "1",
        "party-MAX_NUM_FORMS": "50",
        "party-0-role": "applicant",
        "party-0-kind": "person",
        "party-0-name": "王建国",
        "party-0-id_number": VALID_ID,
        "party-0-phone": "13812345678",
    }


def test_serving_a_ticket_opens_the_intake_and_registration_links_the_ticket(client, cast):
    window = _window(cast.county, 1, ["intake"])
    ticket = _take(cast.county, "intake")
    client.force_login(cast.county_clerk)
    client.post(f"/staff/window/{window.pk}/call/")
    response = client.post(f"/staff/window/{window.pk}/serve/", {"ticket": ticket.pk})
    assert response.status_code == 302 and response["Location"] == f"/cases/new/?ticket={ticket.pk}"
    assert QueueTicket.objects.get(pk=ticket.pk).status == "serving"
    form = client.get(response["Location"]).content.decode()
    assert f'<input type="hidden" name="ticket" value="{ticket.pk}">' in form
    registered = client.post("/cases/new/", _intake_form(cast, ticket.pk))
    case = Case.objects.get()
    assert registered.status_code == 302
    ticket.refresh_from_db()
    assert ticket.case == case
    # a ticket of another centre is never linked
    other = _take(cast.town, "intake")
    client.post("/cases/new/", {**_intake_form(cast, other.pk), "party-0-phone": "13912345678"})
    other.refresh_from_db()
    assert other.case is None and Case.objects.count() == 2


def test_seed_demo_windows_is_idempotent(cast):
    made = hall.seed_demo_windows()
    assert made == 4 + 2 * 2  # the county centre and the two town centres of the cast
    assert hall.seed_demo_windows() == 0
    assert HallWindow.objects.filter(centre=cast.county).count() == 4
    assert not HallWindow.objects.filter(centre=cast.village).exists()


def test_notice_screens_on_the_window_desk(client, cast):
    window = _window(cast.county, 1, ["intake"])
    client.force_login(cast.county_clerk)
    client.post(f"/staff/window/{window.pk}/notices/", {"text": "午休时间 12:00—14:00"})
    notice = HallNotice.objects.get()
    assert notice.centre == cast.county and notice.active
    client.post(f"/staff/window/{window.pk}/notices/{notice.pk}/hide/")
    assert not HallNotice.objects.get().active


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_windows_calling_at_once_never_get_the_same_ticket(file_database, cast):  # noqa: F811
    from django.db import connection

    n = 8 if connection.vendor == "postgresql" else 4
    windows = [_window(cast.county, i + 1, ["intake"]) for i in range(n)]
    tickets = [_take(cast.county, "intake") for _ in range(n - 1)]  # one window finds nobody

    def job(window):
        return lambda: hall.call_next(window=window, clerk=cast.county_clerk)

    results = race_domain([job(w) for w in windows])
    called = [value.pk for outcome, value in results if outcome == "ok" and value is not None]
    assert sorted(called) == sorted(t.pk for t in tickets)
    assert sum(1 for outcome, value in results if outcome == "ok" and value is None) == 1
    rows = QueueTicket.objects.filter(status="called")
    assert rows.count() == n - 1 and len({t.window_id for t in rows}) == n - 1
