"""The citizen's side: submit → receipt → track, supplement, rate; bad input changes nothing."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jiefen.cases import outbox
from jiefen.cases.kernel import perform
from jiefen.cases.models import Case, FollowUp
from jiefen.cases.selectors import visible_cases
from jiefen.portal import citizen
from jiefen.portal.models import OnlineSubmission, SmsMessage
from jiefen.portal.service_account import portal_actor
from tests.portal.helpers import counts, post_submit, receipt, submit_data, track

pytestmark = pytest.mark.django_db


def submitted(client, cast, **overrides) -> tuple[Case, str]:
    response = post_submit(client, cast, **overrides)
    assert response.status_code == 302, response.content.decode()[:2000]
    number, code = receipt(client)
    return Case.objects.get(number=number), code


def resolved(case, clerk):
    case = perform(case, "accept", clerk)
    case = perform(case, "assign", clerk, handler=clerk)
    return perform(
        case,
        "resolve",
        clerk,
        outcome="handled",
        summary="经调解，楼上住户已修好防水层并赔偿维修费 3000 元。",
    )


# --- submit and receipt ------------------------------------------------------------------------------


def test_submission_lands_in_the_village_centres_review_queue(client, cast):
    case, code = submitted(client, cast)
    assert (case.state, case.channel, case.centre) == ("registered", "online", cast.village)
    assert case in visible_cases(cast.village_clerk).filter(state="registered")
    assert case in visible_cases(cast.town_clerk)
    assert case not in visible_cases(cast.other_town_clerk)
    submission = OnlineSubmission.objects.get(case=case)
    assert (submission.mode, submission.ip) == ("online", "127.0.0.1")
    event = case.events.get()
    assert (event.action, event.actor.username) == ("register", "portal-990121")
    assert {p.role: p.name for p in case.parties.all()} == {
        "applicant": "王建国",
        "respondent": "李秀英",
    }
    assert len(code) == 8


def test_submission_without_a_village_goes_to_the_town_centre(client, cast):
    case, _ = submitted(client, cast, village="")
    assert (case.centre, case.region) == (cast.town, cast.town_region)
    assert case in visible_cases(cast.town_clerk).filter(state="registered")
    assert case not in visible_cases(cast.village_clerk)


def test_a_village_of_another_town_is_refused(client, cast):
    before = counts()
    response = post_submit(client, cast, village=cast.other_village_region.code)
    assert response.status_code == 422
    assert "所选村（社区）不属于该镇（街道）" in response.content.decode()
    assert counts() == before


def test_receipt_shows_number_code_and_qr_once(client, cast):
    post_submit(client, cast)
    body = client.get("/p/receipt/").content.decode()
    number = re.search(r'id="case-number">([^<]+)<', body).group(1)
    code = re.search(r'id="query-code">([^<]+)<', body).group(1)
    assert re.fullmatch(r"990121-\d{4}-\d{7}", number)
    assert re.fullmatch(r"[2-9A-Z]{8}", code)
    assert "<svg" in body and "扫码查询办理进度" in body
    assert "前审核您的申请" in body
    assert Case.objects.get(number=number).query_code_hash != code
    again = client.get("/p/receipt/").content.decode()
    assert code not in again and "查询码只显示一次" in again


def test_appointment_is_recorded_and_a_full_slot_refuses_in_chinese(client, cast, settings):
    settings.JIEFEN_APPOINTMENT_SLOT_CAPACITY = 2
    day = citizen.appointment_dates()[0].isoformat()
    for i in range(2):
        response = post_submit(
            client,
            cast,
            mode="appointment",
            appointment_date=day,
            appointment_period="am",
            applicant_phone=f"1390000000{i}",
            REMOTE_ADDR=f"10.0.0.{i}",
        )
        assert response.status_code == 302
    assert OnlineSubmission.objects.filter(mode="appointment", appointment_period="am").count() == 2
    booked = OnlineSubmission.objects.filter(mode="appointment").first().case
    assert booked.events.get().note.startswith("网上自助申请；预约到中心：")
    before = counts()
    response = post_submit(
        client,
        cast,
        mode="appointment",
        appointment_date=day,
        appointment_period="am",
        applicant_phone="13900000009",
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 422
    assert "该时段的预约已满，请选择其他日期或时段" in response.content.decode()
    assert counts() == before
    # the afternoon of the same day, and the same morning at another centre, are still open
    assert (
        post_submit(
            client,
            cast,
            mode="appointment",
            appointment_date=day,
            appointment_period="pm",
            applicant_phone="13900000010",
            REMOTE_ADDR="10.0.0.10",
        ).status_code
        == 302
    )
    assert (
        post_submit(
            client,
            cast,
            mode="appointment",
            appointment_date=day,
            appointment_period="am",
            village="",
            applicant_phone="13900000011",
            REMOTE_ADDR="10.0.0.11",
        ).status_code
        == 302
    )


def test_appointment_needs_a_date_and_period_among_the_next_working_days(client, cast):
    before = counts()
    response = post_submit(client, cast, mode="appointment")
    body = response.content.decode()
    assert "预约到中心的，请选择日期" in body and "预约到中心的，请选择上午或下午" in body
    response = post_submit(
        client, cast, mode="appointment", appointment_date="2020-01-06", appointment_period="am"
    )
    assert "预约日期须为今后 10 个工作日之一" in response.content.decode()
    assert counts() == before


# --- bad input ---------------------------------------------------------------------------------------


def _file(name, size, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, b"x" * size, content_type=content_type)


@pytest.mark.parametrize(
    ("overrides", "files", "message"),
    [
        ({}, [("证据.pdf", 1536 * 1024)], "超过 1 MB 的上限"),
        ({}, [("病毒.exe", 100)], "不支持的文件类型：病毒.exe"),
        ({"applicant_phone": "1381234567"}, [], "手机号码应为11位数字，以1开头"),
        ({"applicant_phone": ""}, [], "请填写您的手机号码"),
        ({"applicant_id": "110105199003071238"}, [], "身份证号码校验位不正确"),
        ({"description": ""}, [], "请填写事情经过和您的诉求"),
        ({"description": "漏水"}, [], "请把事情经过写具体一些"),
        ({"captcha": "999"}, [], "验证码答案不正确"),
        ({"town": ""}, [], "请选择事发的镇（街道）"),
        ({"category": ""}, [], "请选择纠纷类型"),
        ({"respondent_phone": "12345"}, [], "对方联系电话“12345”格式不正确"),
        ({"occurred_on": "2999-01-01"}, [], "发生日期不能晚于今天"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_creates_nothing(
    client, cast, settings, overrides, files, message
):
    settings.JIEFEN_UPLOAD_MAX_MB = 1
    before = counts()
    response = post_submit(client, cast, files=[_file(n, s) for n, s in files], **overrides)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert counts() == before
    assert "portal_receipt" not in client.session


def test_a_good_file_is_attached_and_a_second_bad_one_rolls_everything_back(client, cast, settings):
    settings.JIEFEN_UPLOAD_MAX_MB = 1
    before = counts()
    response = post_submit(
        client, cast, files=[_file("照片.jpg", 2000), _file("录像.mp4", 2 * 1024 * 1024)]
    )
    assert "超过 1 MB 的上限" in response.content.decode()
    assert counts() == before
    response = post_submit(client, cast, files=[_file("照片.jpg", 2000)])
    assert response.status_code == 302
    case = Case.objects.get()
    assert [a.original_name for a in case.attachments.all()] == ["照片.jpg"]


def test_a_captcha_answers_once(client, cast):
    data = submit_data(client, cast)
    assert client.post("/p/submit/", data).status_code == 302
    before = counts()
    response = client.post("/p/submit/", data)  # the same answer again: a replayed form
    assert "验证码答案不正确" in response.content.decode()
    assert counts() == before


def test_a_flood_from_one_address_stops_at_the_limit(client, cast):
    statuses = []
    for i in range(30):
        response = post_submit(client, cast, applicant_phone=f"138000000{i:02d}")
        statuses.append(response.status_code)
        if response.status_code != 302:
            assert "提交过于频繁，请稍后再试" in response.content.decode()
    assert statuses == [302] * 5 + [429] * 25
    assert Case.objects.count() == 5 == OnlineSubmission.objects.count()


def test_one_phone_may_submit_three_times_a_day(client, cast):
    for i in range(3):
        assert post_submit(client, cast, REMOTE_ADDR=f"10.1.0.{i}").status_code == 302
    response = post_submit(client, cast, REMOTE_ADDR="10.1.0.9")
    assert response.status_code == 429 and "提交过于频繁，请稍后再试" in response.content.decode()
    assert Case.objects.count() == 3


# --- tracking ----------------------------------------------------------------------------------------


def test_tracking_shows_accepted_after_the_clerk_accepts(client, cast):
    case, code = submitted(client, cast)
    client.post("/p/track/leave/")
    body = track(client, case.number, code).content.decode()
    assert "已收到，正在审核" in body
    perform(case, "accept", cast.village_clerk)
    body = track(client, case.number, code.lower()).content.decode()
    assert 'id="state-text">已受理' in body
    assert "办理期限" in body and "个工作日" in body
    # no staff or other party's personal data, no internal notes
    for secret in (
        "village_clerk",
        "李秀英",
        "13987654321",
        "13812345678",
        "网上自助申请",
        cast.village_clerk.full_name,
    ):
        assert secret not in body


def test_wrong_code_and_unknown_number_answer_alike(client, cast):
    case, code = submitted(client, cast)
    client.post("/p/track/leave/")
    wrong_code = track(client, case.number, "ABCDEFGH")
    unknown = track(client, "990121-2026-9999999", code)

    def message(response):
        return re.search(r'id="track-error"><p>([^<]+)<', response.content.decode()).group(1)

    assert wrong_code.status_code == unknown.status_code == 422
    assert message(wrong_code) == message(unknown) == "事项编号或查询码不正确，请核对后重新输入"
    for response in (wrong_code, unknown):
        body = response.content.decode()
        assert case.title not in body and "已收到" not in body and "timeline" not in body
    assert client.get("/p/track/result/").status_code == 302  # nothing was unlocked


def test_repeated_wrong_codes_bring_a_captcha_then_a_pause(client, cast):
    case, code = submitted(client, cast)
    client.post("/p/track/leave/")
    for i in range(3):
        assert track(client, case.number, f"WRONG{i}XX").status_code == 422
    page = client.get("/p/track/").content.decode()
    assert 'id="captcha-question"' in page  # after three wrong tries the form asks for the sum
    assert "验证码答案不正确" in track(client, case.number, code, captcha="99").content.decode()
    client.get("/p/track/")
    for i in range(7):
        track(client, case.number, f"WRONG{i}YY")
    client.get("/p/track/")
    response = track(client, case.number, code)  # even the right code waits now
    assert response.status_code == 429
    assert "查询过于频繁" in response.content.decode()
    assert case.title not in response.content.decode()
    # this address may not look up any case now; another address may, except this case's number,
    # which ten wrong codes have guarded on its own
    second, second_code = submitted(
        client.__class__(REMOTE_ADDR="10.5.5.5"), cast, applicant_phone="13700000001"
    )
    assert track(client, second.number, second_code).status_code == 429
    other = client.__class__(REMOTE_ADDR="10.9.9.9")
    assert "已收到，正在审核" in track(other, second.number, second_code).content.decode()
    assert track(client.__class__(REMOTE_ADDR="10.9.9.8"), case.number, code).status_code == 429


def test_guessing_one_number_from_many_addresses_is_throttled(client, cast):
    case, code = submitted(client, cast)
    for i in range(10):
        guesser = client.__class__(REMOTE_ADDR=f"10.2.0.{i}")
        assert track(guesser, case.number, f"GUESS{i}AA").status_code == 422
    response = track(client.__class__(REMOTE_ADDR="10.3.0.1"), case.number, code)
    assert response.status_code == 429 and "查询过于频繁" in response.content.decode()


def test_the_tracking_session_expires_after_thirty_minutes(client, cast):
    from datetime import timedelta

    from jiefen.core import clock

    case, code = submitted(client, cast)
    assert client.get("/p/track/result/").status_code == 200
    clock.travel(timedelta(minutes=31))
    response = client.get("/p/track/result/", follow=True)
    assert "查询已超过 30 分钟" in response.content.decode()


def test_supplement_when_awaiting_materials(client, cast):
    case, code = submitted(client, cast)
    perform(
        case,
        "request_materials",
        cast.village_clerk,
        items=["漏水部位照片", "维修费用票据"],
        note="内部备注：请尽快",
    )
    body = track(client, case.number, code).content.decode()
    assert "需要补正材料" in body and "漏水部位照片" in body and "维修费用票据" in body
    assert "内部备注" not in body
    bad = client.post("/p/track/supplement/", {"note": "", "files": [_file("x.exe", 10)]})
    assert bad.status_code == 422 and "不支持的文件类型" in bad.content.decode()
    response = client.post(
        "/p/track/supplement/", {"note": "已补交照片和票据", "files": [_file("票据.jpg", 500)]}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "registered"
    event = case.events.order_by("-seq").first()
    assert (event.action, event.actor.username) == ("supplement", "portal-990121")
    assert [a.original_name for a in case.attachments.filter(kind="supplement")] == ["票据.jpg"]
    assert "已收到，正在审核" in client.get("/p/track/result/").content.decode()


def test_rating_after_resolution_records_an_online_follow_up_once(client, cast):
    case, code = submitted(client, cast)
    assert "评价办理结果" not in client.get("/p/track/result/").content.decode()
    resolved(case, cast.village_clerk)
    body = client.get("/p/track/result/").content.decode()
    assert "办理结果告知" in body and "赔偿维修费 3000 元" in body and "评价办理结果" in body
    response = client.post(
        "/p/track/rate/", {"satisfaction": "basically", "comment": "处理及时，赔偿略少"}
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(case=case)
    assert (follow_up.method, follow_up.satisfaction, follow_up.note) == (
        "online",
        "basically",
        "处理及时，赔偿略少",
    )
    case.refresh_from_db()
    assert case.notified_at is not None and case.satisfaction == "basically"
    assert [e.action for e in case.events.order_by("seq")][-2:] == ["notify_result", "follow_up"]
    again = client.post("/p/track/rate/", {"satisfaction": "dissatisfied"})
    assert again.status_code == 422 and "您已评价过该事项" in again.content.decode()
    assert FollowUp.objects.filter(case=case).count() == 1
    body = client.get("/p/track/result/").content.decode()
    assert "评价办理结果" not in body and "基本满意" in body


def test_rating_needs_a_choice(client, cast):
    case, _ = submitted(client, cast)
    resolved(case, cast.village_clerk)
    response = client.post("/p/track/rate/", {"satisfaction": ""})
    assert (
        response.status_code == 422 and "请选择满意、基本满意或不满意" in response.content.decode()
    )
    assert not FollowUp.objects.exists()


def test_a_rejected_case_shows_the_reason_and_the_other_route(client, cast):
    case, code = submitted(client, cast)
    perform(
        case,
        "reject",
        cast.village_clerk,
        reason="属于法院已受理的案件",
        other_route="请向示范县人民法院了解诉讼进展",
    )
    body = client.get("/p/track/result/").content.decode()
    assert (
        "不予受理" in body
        and "属于法院已受理的案件" in body
        and "请向示范县人民法院了解诉讼进展" in body
    )


# --- SMS ---------------------------------------------------------------------------------------------


def test_sms_rows_are_written_when_the_outbox_runs_and_never_hold_the_code(client, cast):
    case, code = submitted(client, cast)
    perform(case, "request_materials", cast.village_clerk, items=["漏水部位照片"])
    client.post("/p/track/supplement/", {"note": "已补交"})
    perform(case, "accept", cast.village_clerk)
    outbox.run_once("test")
    resolved_case = perform(
        perform(case, "assign", cast.village_clerk, handler=cast.village_clerk),
        "resolve",
        cast.village_clerk,
        outcome="handled",
        summary="已修复",
    )
    perform(resolved_case, "notify_result", cast.village_clerk, method="phone")
    outbox.run_once("test")
    rows = list(SmsMessage.objects.order_by("created_at", "id"))
    assert [r.topic for r in rows] == [
        "party.materials_requested",
        "party.accepted",
        "party.result",
    ]
    for row in rows:
        assert row.phone == "13812345678" and row.case == case and row.status == "logged"
        assert case.number in row.text and "/p/track/" in row.text
        assert code not in row.text
    assert "漏水部位照片" in rows[0].text
    assert "受理" in rows[1].text and "已办结" in rows[2].text


def test_a_rejection_text_names_the_reason_and_route(client, cast):
    case, _ = submitted(client, cast)
    perform(
        case,
        "reject",
        cast.village_clerk,
        reason="不属于调解范围",
        other_route="向劳动人事争议仲裁院申请仲裁",
    )
    outbox.run_once("test")
    text = SmsMessage.objects.get().text
    assert (
        "不予受理" in text and "不属于调解范围" in text and "向劳动人事争议仲裁院申请仲裁" in text
    )


class RecordingBackend:
    sent = []

    def send(self, phone, text):
        self.sent.append((phone, text))


def test_a_provider_backend_is_one_class_away(client, cast, settings):
    settings.JIEFEN_SMS_BACKEND = "tests.portal.test_citizen.RecordingBackend"
    RecordingBackend.sent.clear()
    case, _ = submitted(client, cast)
    perform(case, "accept", cast.village_clerk)
    assert outbox.run_once("test") == 1
    row = SmsMessage.objects.get()
    assert (row.status, row.backend, row.sent_at is not None) == (
        "sent",
        settings.JIEFEN_SMS_BACKEND,
        True,
    )
    assert RecordingBackend.sent == [("13812345678", row.text)]


class FailingBackend:
    def send(self, phone, text):
        raise RuntimeError("短信网关无响应")


def test_a_failing_sms_backend_leaves_the_message_for_retry(client, cast, settings):
    settings.JIEFEN_SMS_BACKEND = "tests.portal.test_citizen.FailingBackend"
    case, _ = submitted(client, cast)
    perform(case, "accept", cast.village_clerk)
    assert outbox.run_once("test") == 0
    assert not SmsMessage.objects.exists()
    message = case.events.get(action="accept").outbox.get()
    assert message.done_at is None and "短信网关无响应" in message.last_error


# --- the service account and the home page --------------------------------------------------------------


def test_the_portal_account_is_one_per_county_and_cannot_log_in(client, cast):
    actor = portal_actor(cast.village)
    assert portal_actor(cast.other_town_region) == actor
    assert (actor.username, actor.full_name, actor.centre, actor.roles) == (
        "portal-990121",
        "网上服务平台",
        cast.county,
        {"public_portal"},
    )
    assert not actor.has_usable_password() and not actor.must_change_password
    for password in ("", "portal"):
        client.post("/accounts/login/", {"username": "portal-990121", "password": password})
        assert "_auth_user_id" not in client.session


def test_home_page_offers_the_four_services(client, cast):
    body = client.get("/p/").content.decode()
    for label in ("网上申请调解", "查询办理进度", "领导接访预约", "意见反馈与投诉"):
        assert label in body


def test_the_village_picker_lists_the_towns_villages(client, cast):
    body = client.get("/p/submit/villages/", {"town": cast.town_region.code}).content.decode()
    assert "甲村" in body and "乙村" not in body
    assert client.get("/p/submit/").status_code == 200
