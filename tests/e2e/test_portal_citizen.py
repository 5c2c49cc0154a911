"""A citizen on a phone: submit online → receipt with number and code → the village clerk sees it
in 待审核 and accepts it → the citizen's tracking page shows 已受理; a wrong code shows nothing."""

import re

import pytest

from jiefen.cases.models import Case
from tests.e2e.workbench_helpers import ensure_reference_data

DESCRIPTION = (
    "楼上住户家卫生间漏水两个多月，我家天花板发霉掉灰，多次上门协商未果，请求调解赔偿维修费用。"
)


@pytest.fixture
def reference(cast):
    ensure_reference_data()
    return cast


def solve_captcha(page) -> str:
    """Read the sum off the page and work it out, as a person would."""
    question = page.inner_text("#captcha-question")
    a, op, b = re.match(r"\s*(\d+)\s*([+−-])\s*(\d+)", question).groups()
    return str(int(a) + int(b) if op == "+" else int(a) - int(b))


def fill_submission(page) -> None:
    page.check("input[name=matter_type][value=dispute]")
    page.select_option("select[name=category]", label="邻里纠纷（噪音、漏水、通行等）")
    page.fill("textarea[name=description]", DESCRIPTION)
    page.select_option("select[name=town]", label="甲镇")
    page.select_option("select[name=village]", label="甲村")  # loaded by htmx for the town
    page.fill("input[name=address]", "甲村三组 12 号")
    page.fill("input[name=people_count]", "2")
    page.fill("input[name=amount]", "3000")
    page.fill("input[name=respondent_name]", "李秀英")
    page.fill("input[name=applicant_name]", "王建国")
    page.fill("input[name=applicant_phone]", "13812345678")
    page.check("input[name=mode][value=online]")
    page.fill("input[name=captcha]", solve_captcha(page))


def test_citizen_submits_on_a_phone_and_tracks_the_acceptance(
    reference, live_server, phone_page, page, login, screenshot
):
    cast = reference
    citizen = phone_page
    errors, failed = [], []
    citizen.context.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    citizen.on("pageerror", lambda exc: errors.append(str(exc)))  # e.g. a script blocked by the CSP
    citizen.on(
        "console",
        lambda msg: errors.append(msg.text)
        if msg.type == "error" and "Failed to load resource" not in msg.text
        else None,
    )
    citizen.on(
        "response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )

    # --- the citizen files on the phone
    citizen.goto(live_server.url + "/p/")
    citizen.click("a[data-tile=submit]")
    citizen.wait_for_url("**/p/submit/")
    assert not citizen.is_visible("#appointment-fields")  # shown only for 预约到中心
    citizen.check("input[name=mode][value=appointment]")
    assert citizen.is_visible("select[name=appointment_date]")
    fill_submission(citizen)
    screenshot(citizen, "phone-submit")
    with citizen.expect_navigation():
        citizen.click("#submit-button")
    assert citizen.url.endswith("/p/receipt/"), citizen.inner_text("main")
    number = citizen.inner_text("#case-number").strip()
    code = citizen.inner_text("#query-code").strip()
    assert re.fullmatch(r"990121-\d{4}-\d{7}", number) and re.fullmatch(r"[2-9A-Z]{8}", code)
    assert citizen.locator(".qr-box svg").count() == 1
    screenshot(citizen, "phone-receipt")
    case = Case.objects.get(number=number)
    assert (case.state, case.channel, case.centre) == ("registered", "online", cast.village)

    # --- the village clerk finds it in 待审核 and accepts it
    login(page, live_server, "village_clerk", cast.password)
    page.goto(live_server.url + "/work/review/")
    row_link = page.locator(f"a:has-text('{number}')").first
    row_link.wait_for()
    row_link.click()
    page.wait_for_url(re.compile(r"/cases/\d+/$"))
    page.click(".case-side a[data-action=accept]")
    form = page.locator("#action-panel form.action-form[data-action=accept]")
    form.wait_for(state="visible")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.inner_text(".case-head .state").strip() == "已受理"

    # --- the citizen opens the tracking page from the receipt's link (code in the fragment)
    citizen.goto(f"{live_server.url}/p/track/?number={number}#code={code}")
    assert citizen.input_value("input[name=number]") == number
    assert citizen.input_value("input[name=code]") == code  # filled by citizen.js from the fragment
    assert "#code" not in citizen.url
    with citizen.expect_navigation():
        citizen.click("#track-form button[type=submit]")
    assert citizen.inner_text("#state-text").startswith("已受理")
    timeline = citizen.inner_text("#timeline")
    assert "提交申请" in timeline and "已受理" in timeline
    assert "village_clerk" not in citizen.content() and "李秀英" not in citizen.content()
    screenshot(citizen, "tracking")

    # --- a wrong code shows nothing but the same message
    with citizen.expect_navigation():
        citizen.click("form.leave button[type=submit]")
    citizen.fill("input[name=number]", number)
    citizen.fill("input[name=code]", "WRONG234")
    with citizen.expect_navigation():
        citizen.click("#track-form button[type=submit]")
    assert citizen.inner_text("#track-error").strip() == "事项编号或查询码不正确，请核对后重新输入"
    assert citizen.locator("#state-text").count() == 0 and citizen.locator("#timeline").count() == 0
    assert DESCRIPTION[:10] not in citizen.content()
    assert not errors, "\n".join(errors)
    assert failed == [f"422 {live_server.url}/p/track/"], failed  # only the refused wrong code
