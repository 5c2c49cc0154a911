"""意见反馈与投诉: a citizen writes about a centre's service, its staff answer, the citizen reads
the answer with the code shown once; other towns see nothing."""

import re

import pytest

from jiefen.portal.models import ServiceFeedback
from tests.portal.helpers import captcha_answer

pytestmark = pytest.mark.django_db
CONTENT = "窗口工作人员午休时间无人值守，等了四十分钟才有人接待，希望改进。"


def send(client, about, **overrides):
    client.get("/p/feedback/")
    data = {
        "centre": str(about.pk),
        "kind": "complaint",
        "content": CONTENT,
        "name": "张先生",
        "phone": "13612345678",
        "captcha": captcha_answer(client, "feedback"),
    }
    data.update(overrides)
    return client.post("/p/feedback/", data)


def sent(client, centre) -> tuple[ServiceFeedback, str]:
    assert send(client, centre).status_code == 302
    body = client.get("/p/feedback/done/").content.decode()
    pk = re.search(r'id="feedback-id">(\d+)<', body).group(1)
    code = re.search(r'id="feedback-code">([^<]+)<', body).group(1)
    return ServiceFeedback.objects.get(pk=pk), code


def test_citizen_sends_feedback_and_staff_answer_it(client, cast):
    item, code = sent(client, cast.town)
    assert (item.centre, item.kind, item.phone, item.name) == (
        cast.town,
        "complaint",
        "13612345678",
        "张先生",
    )
    assert item.query_code_hash != code and code not in item.query_code_hash
    assert code not in client.get("/p/feedback/done/").content.decode()  # shown once
    page = client.get(f"/p/feedback/{item.pk}/", {"code": code}).content.decode()
    assert CONTENT in page and "中心正在处理您的反馈" in page

    client.force_login(cast.town_clerk)
    listing = client.get("/staff/feedback/").content.decode()
    assert CONTENT[:20] in listing and "待答复" in listing
    detail = client.get(f"/staff/feedback/{item.pk}/").content.decode()
    assert "136****5678" in detail and "13612345678" not in detail
    empty = client.post(f"/staff/feedback/{item.pk}/", {"answer": "  "})
    assert empty.status_code == 422 and "请填写答复内容" in empty.content.decode()
    assert (
        client.post(
            f"/staff/feedback/{item.pk}/", {"answer": "已调整午休轮班，中午保证有人值守。"}
        ).status_code
        == 302
    )
    item.refresh_from_db()
    assert (item.answered_by, item.answer) == (
        cast.town_clerk,
        "已调整午休轮班，中午保证有人值守。",
    )
    client.logout()
    page = client.get(f"/p/feedback/{item.pk}/", {"code": code.lower()}).content.decode()
    assert "已调整午休轮班" in page and "town_clerk" not in page


def test_the_county_sees_the_towns_feedback_and_other_towns_do_not(client, cast):
    item, _ = sent(client, cast.village)
    client.force_login(cast.county_clerk)
    assert client.get(f"/staff/feedback/{item.pk}/").status_code == 200
    client.force_login(cast.town_clerk)
    assert client.get(f"/staff/feedback/{item.pk}/").status_code == 200
    client.force_login(cast.other_town_clerk)
    assert CONTENT[:20] not in client.get("/staff/feedback/").content.decode()
    assert client.get(f"/staff/feedback/{item.pk}/").status_code == 404
    assert client.post(f"/staff/feedback/{item.pk}/", {"answer": "越权答复"}).status_code == 404
    for user in (cast.unit_handler, cast.sysadmin):
        client.force_login(user)
        if user.is_administrator:
            continue  # administrators are held at the two-factor gate; they have no case work
        assert client.get(f"/staff/feedback/{item.pk}/").status_code == 404
    item.refresh_from_db()
    assert item.answer == ""


def test_a_mediator_may_read_but_not_answer(client, cast):
    item, _ = sent(client, cast.town)
    client.force_login(cast.town_mediator)
    assert client.get(f"/staff/feedback/{item.pk}/").status_code == 200
    assert client.post(f"/staff/feedback/{item.pk}/", {"answer": "答复"}).status_code == 403


def test_staff_pages_need_a_login(client, cast):
    assert client.get("/staff/feedback/").status_code == 302


def test_wrong_code_shows_nothing(client, cast):
    item, code = sent(client, cast.town)
    for pk, guess in ((item.pk, "AAAAAAAA"), (item.pk + 100, code), (item.pk, "")):
        response = client.get(f"/p/feedback/{pk}/", {"code": guess})
        assert response.status_code == 404
        assert (
            "反馈编号或查询码不正确" in response.content.decode()
            and CONTENT not in response.content.decode()
        )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"content": ""}, "请填写反馈内容"),
        ({"content": "差"}, "请填写反馈内容（至少 5 个字）"),
        ({"phone": "12"}, "联系电话“12”格式不正确"),
        ({"captcha": "100"}, "验证码答案不正确"),
        ({"centre": ""}, "请选择中心"),
        ({"kind": ""}, "请选择反馈类型"),
    ],
)
def test_bad_feedback_gets_a_chinese_message_and_saves_nothing(client, cast, overrides, message):
    response = send(client, cast.town, **overrides)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ServiceFeedback.objects.exists()


def test_feedback_is_rate_limited_per_address(client, cast):
    statuses = [send(client, cast.town).status_code for _ in range(7)]
    assert statuses == [302] * 5 + [429] * 2
    assert "提交过于频繁，请稍后再试" in send(client, cast.town).content.decode()
    assert ServiceFeedback.objects.count() == 5
