"""The whole life of one case on screen, in chromium, each step by the person whose job it is,
each signed in separately: village window → town → county → a stationed unit → back to the
county centre for the result notice, the follow-up, closing and archiving."""

import pytest

from jiefen.cases.choices import State
from jiefen.cases.models import Case
from jiefen.org.models import User
from tests.e2e.workbench_helpers import (
    APPLICANT,
    RESPONDENT,
    Desks,
    act,
    case_pk_from,
    counters,
    docx_text,
    download,
    ensure_reference_data,
    fill_intake,
    id_check_text,
    local_now,
    open_action,
    open_case,
    open_intake,
    state_badge,
    submit,
    submit_intake,
    timeline_labels,
)

EVERY_STEP = [
    "登记",
    "受理",
    "提请提级",
    "同意提级",
    "分流",
    "签收",
    "调解记录",
    "办结",
    "结果告知",
    "回访",
    "结案",
    "归档",
]


NAMES = {
    "village_clerk": "张丽",
    "town_clerk": "王小红",
    "town_leader": "刘建军",
    "county_clerk": "陈静",
    "unit_handler": "周涛",
}


@pytest.fixture
def desks(browser, live_server, cast):
    ensure_reference_data()
    for (
        username,
        full_name,
    ) in NAMES.items():  # real names, so the screenshots read like the real thing
        User.objects.filter(username=username).update(full_name=full_name)
    desks = Desks(browser, live_server, cast.password)
    yield desks
    desks.close()


def test_full_journey_village_to_county_with_separate_logins(live_server, cast, desks, screenshot):
    base = live_server.url

    # 1. The village window clerk registers the matter and accepts it on the spot.
    village = desks.open("village_clerk")
    open_intake(village, live_server)
    fill_intake(village, village="甲村", decision="accept")
    assert id_check_text(village) == "✓ 号码有效，已填入性别和出生日期"
    assert village.input_value("select[name=party-0-sex]") == "male"
    assert village.input_value("input[name=party-0-birth_date]") == "1990-03-07"
    screenshot(village, "intake")
    assert submit_intake(village) == []
    pk = case_pk_from(village)
    assert f"已登记，事项编号 {Case.objects.get(pk=pk).number}" in village.inner_text(".messages")
    assert state_badge(village) == "已受理"
    assert APPLICANT in village.inner_text("main") and RESPONDENT in village.inner_text("main")

    # 2. She proposes escalation to the town; then she signs out with the header button.
    act(
        village,
        "propose_escalation",
        lambda f: f.locator("[name=opinion]").fill(
            "涉及镇内企业欠薪，村级难以调处，提请镇中心处理。"
        ),
        expect_state="提级待批",
    )
    with village.expect_navigation():
        village.get_by_role("button", name="退出").click()
    assert "/accounts/login/" in village.url

    # 3. The town window clerk reviews the village's request and approves it.
    town = desks.open("town_clerk")
    open_case(town, live_server, pk)
    act(
        town,
        "approve_escalation",
        lambda f: f.locator("[name=note]").fill("同意由镇中心办理。"),
        expect_state="已受理",
    )
    assert "甲镇中心" in town.inner_text(".case-side")

    # 4. The town clerk proposes escalation to the county; only the town leader may approve.
    act(
        town,
        "propose_escalation",
        lambda f: f.locator("[name=opinion]").fill("欠薪金额较大且涉及劳动仲裁，提请县中心调处。"),
        expect_state="提级待批",
    )
    open_case(town, live_server, pk)
    assert "approve_escalation" not in town.locator(".case-side").inner_html()
    leader = desks.open("town_leader")
    open_case(leader, live_server, pk)
    act(
        leader,
        "approve_escalation",
        lambda f: f.locator("[name=note]").fill("同意提级。"),
        expect_state="已受理",
    )

    # 5. The county window clerk sees it on the 工作台 and dispatches it to two stationed units.
    county = desks.open("county_clerk")
    assert county.inner_text("main h1") == "工作台"
    shown = counters(county)
    assert {
        "待审核",
        "待补正",
        "待签收",
        "办理中",
        "提级待批",
        "即将超期",
        "已超期",
        "督办中",
        "待回访",
        "待归档",
    } <= set(shown)
    assert shown["全部事项"] == 1
    row = county.locator("#queue tr", has_text=Case.objects.get(pk=pk).number)
    assert "办理 剩余" in row.inner_text()  # the handling period restarted at the county
    screenshot(county, "home")
    open_case(county, live_server, pk)
    assert "办理期限" in county.inner_text(".deadlines") and "剩余" in county.inner_text(
        ".deadlines"
    )
    form = open_action(county, "dispatch")
    form.get_by_label(cast.unit.name).check()
    form.get_by_label(cast.other_unit.name).check()
    form.locator("select[name=lead]").select_option(label=cast.unit.name)
    form.locator("[name=note]").fill("请劳动人事争议仲裁院牵头调处，住建局配合核实工程款情况。")
    screenshot(county, "case-detail")
    assert submit(county, "#action-panel form.action-form[data-action='dispatch']") == []
    assert state_badge(county) == "已分流·待签收"

    # 6. The stationed unit's handler signs for it, records the session and the agreement.
    unit = desks.open("unit_handler")
    assert Case.objects.get(pk=pk).number in unit.inner_text("#queue")
    open_case(unit, live_server, pk)
    act(
        unit,
        "sign_for",
        lambda f: f.locator("[name=note]").fill("已签收，由本院调解员承办。"),
        expect_state="办理中",
    )

    held = local_now().replace(second=0, microsecond=0)
    held = held.replace(hour=max(held.hour - 1, 0), minute=0)

    def session(form):
        form.locator("[name=held_at]").fill(held.strftime("%Y-%m-%dT%H:%M"))
        form.locator("[name=place]").fill("县矛盾纠纷调处化解中心第一调解室")
        form.locator("[name=participants]").fill(f"申请人{APPLICANT}，被申请人{RESPONDENT}，调解员")
        form.locator("[name=applicant_account]").fill("被拖欠工资一万二千元，要求一次性付清。")
        form.locator("[name=respondent_account]").fill("承认欠薪，资金周转困难，希望分两期支付。")
        form.locator("[name=result]").fill("双方自愿达成分期支付协议。")
        form.get_by_label("达成调解协议（同时录入协议）").check()
        form.locator("[name=agreement_facts]").fill(
            "被申请人拖欠申请人工资一万二千元，双方对欠薪事实无异议。"
        )
        form.locator("[name=agreement_terms]").fill(
            "被申请人分两期向申请人支付工资一万二千元，每期六千元。"
        )
        form.locator("[name=agreement_performance]").fill(
            "银行转账，本月底及下月底前各支付六千元。"
        )

    act(unit, "record_session", session, expect_state="办理中")
    assert "调解协议" in unit.inner_text("main")

    # The 人民调解协议书 comes as a Word file naming both parties.
    name, data = download(
        unit, lambda: unit.get_by_role("link", name="人民调解协议书（Word）").click()
    )
    assert name.endswith(".docx")
    text = docx_text(data)
    assert "人民调解协议书" in text
    assert APPLICANT in text and RESPONDENT in text

    def resolve(form):
        form.locator("select[name=outcome]").select_option(label="调解成功（达成协议）")
        form.locator("[name=summary]").fill("经调解双方达成协议，被申请人分两期支付欠薪。")

    act(unit, "resolve", resolve, expect_state="已办结·待回访")

    # 7. Back at the county centre: tell the party, follow up, close, archive.
    open_case(county, live_server, pk)
    act(
        county,
        "notify_result",
        lambda f: f.locator("select[name=method]").select_option(label="电话"),
        expect_state="已办结·待回访",
    )

    def follow_up(form):
        form.locator("select[name=method]").select_option(label="电话")
        form.get_by_label("满意", exact=True).check()
        form.locator("[name=performance_status]").fill("第一期已按约支付")

    act(county, "follow_up", follow_up, expect_state="已办结·待回访")
    act(
        county,
        "close",
        lambda f: f.locator("[name=note]").fill("当事人满意，予以结案。"),
        expect_state="已结案",
    )
    act(county, "archive", expect_state="已归档")

    # The timeline shows every step, in order, and nothing more can be done to the case.
    labels = timeline_labels(county)
    assert [label for label in labels if label in EVERY_STEP] == [
        "登记",
        "受理",
        "提请提级",
        "同意提级",
        "提请提级",
        "同意提级",
        "分流",
        "签收",
        "调解记录",
        "办结",
        "结果告知",
        "回访",
        "结案",
        "归档",
    ], labels
    assert county.locator(".case-side a[data-action]").count() == 0
    who = county.locator(".timeline .ev-who").all_inner_texts()
    assert who[0] == "张丽 · 甲村中心" and who[-1] == "陈静 · 测试县中心", who
    assert "满意" in county.inner_text("main")

    case = Case.objects.get(pk=pk)
    assert case.state == State.ARCHIVED and case.satisfaction == "satisfied"
    assert case.centre_id == cast.county.pk
    assert desks.console_errors == []
    assert county.url == f"{base}/cases/{pk}/"
