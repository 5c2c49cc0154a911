"""The triage layer in chromium, as the people who rely on it use it: the 窗口登记 side panel
(类别识别 with 采用, 分流建议 and its 依据, 重复来访, 疑似重复), the case page's 风险研判 /
分流建议 / 疑似重复 cards, the 风险预警 list with 签收 and 处置, and the routing suggestion
beside the 受理 and 分流 forms.

The side panel is refreshed by htmx after a debounce (400 ms on a change, 900 ms on a key in the
概要), so every check of it waits on the text it must show, never on a fixed pause."""

from playwright.sync_api import expect

from jiefen.cases.models import Case
from jiefen.org.models import Category
from jiefen.triage.models import RiskWarning, RoutingDecision
from tests.cases.factories import VALID_ID, category, register
from tests.e2e.workbench_helpers import (
    case_pk_from,
    fill_intake,
    open_action,
    open_case,
    open_intake,
    state_badge,
    submit,
    submit_intake,
)
from tests.triage.conftest import trained_model  # noqa: F401  (the active classifier, a fixture)

# In the clerk's own words: a few workers unpaid at a building site.
WAGES = (
    "申请人称其与另外三名工友在镇上一处建筑工地做钢筋工，包工头以工程款未到位为由，"
    "拖欠四人三个月工资，多次讨要无果，请求帮助追讨欠薪"
)
WAGES_TAIL = "，共计48000元。"  # typed key by key, as the clerk finishes the note

THREAT = (
    "三十余名农民工称某建筑公司拖欠工资半年未付，多次讨薪无果，"
    "有工人扬言若本周再不发工资就要到公司讨个说法，情绪激动。"
)

ORIGINAL = (
    "来访人称在甲村南头养殖场打工十个月，场主刘某拖欠工资两万三千元，"
    "多次催要未果，养殖场现已停业，请求调解追回工资。"
)
NEAR_COPY = (
    "来访人称在甲村南头养殖场打工十个月，场主刘某拖欠其工资两万三千元，"
    "多次催要均未果，养殖场现已停业，请求调解追回工资。"
)


def panel(page, part: str = ""):
    return page.locator(f"#intake-panel {part}".strip())


def go_by_nav(page, label: str) -> None:
    """Follow a link of the top navigation, as a user would."""
    with page.expect_navigation():
        page.locator("header .topnav").get_by_role("link", name=label, exact=True).click()
    page.wait_for_load_state("load")


def click_and_load(page, locator) -> None:
    """Click a plain (non-htmx) form button or link and wait for the page that follows."""
    with page.expect_navigation():
        locator.click()
    page.wait_for_load_state("load")


# --- 1. the intake panel reads the note, the clerk takes its category, the rules explain ----------


def test_intake_panel_recognises_labour_dispute_and_suggests_the_arbitration_court(
    desks,
    live_server,
    trained_model,  # noqa: F811  (the fixture imported above)
    screenshot,
):
    clerk = desks.open("town_clerk")
    go_by_nav(clerk, "窗口登记")
    assert clerk.inner_text("main h1") == "窗口登记"

    # The clerk types the note; the last keys refresh the panel after the pause in typing.
    description = clerk.locator("#id_description")
    description.fill(WAGES)
    description.press_sequentially(WAGES_TAIL)
    predictions = panel(clerk, "#category-suggestion ol.predictions")
    expect(predictions).to_contain_text("劳动争议")
    expect(predictions.locator("li")).to_have_count(3)  # the top three of fifteen categories
    expect(panel(clerk, "#category-suggestion")).to_contain_text("仅供参考")
    # no category chosen yet, so no unit is suggested
    expect(panel(clerk, "#routing-suggestion")).not_to_contain_text("劳动人事争议仲裁院")

    # 采用 puts 劳动争议 into the category select; the panel refreshes with the rules for it.
    predictions.locator("li", has_text="劳动争议").locator("button.take-category").click()
    labour = Category.objects.get(code="10")
    expect(clerk.locator("#id_category")).to_have_value(str(labour.pk))
    assert clerk.locator("#id_category option:checked").inner_text().strip() == "劳动争议"
    routing = panel(clerk, "#routing-suggestion")
    expect(routing).to_contain_text("牵头单位：劳动人事争议仲裁院")
    expect(routing).to_contain_text("配合：人力资源和社会保障局")
    # four people: the small-wage rule keeps it at the town
    clerk.fill("input[name=people_count]", "4")
    clerk.select_option("select[name=town]", label="甲镇")
    clerk.select_option("select[name=region]", label="甲村")
    expect(routing).to_contain_text("由镇（街道）中心办理")

    summary = routing.locator("details summary")
    why = routing.locator("details pre.why")
    expect(summary).to_have_text("依据（2 条规则）")
    expect(why).to_be_hidden()
    summary.click()
    expect(why).to_be_visible()
    expect(why).to_contain_text("规则“少量人员欠薪由镇级办理”")
    expect(why).to_contain_text("规则“劳动争议由劳动人事争议仲裁院牵头”")
    expect(why).to_contain_text("类别为劳动争议")
    # the category taken agrees with the recognition: no “请核实” hint
    expect(panel(clerk, "#category-suggestion")).not_to_contain_text("所选类别与识别结果不同")
    screenshot(clerk, "triage-intake-panel")

    # The rest of the form, then 当场受理.
    clerk.fill("input[name=amount]", "48000")
    clerk.select_option("select[name=party-0-role]", "applicant")
    clerk.fill("input[name=party-0-name]", "王建国")
    clerk.fill("input[name=party-0-phone]", "13812345678")
    clerk.locator("input[name=party-0-id_number]").press_sequentially(VALID_ID)
    clerk.select_option("select[name=party-1-role]", "respondent")
    clerk.fill("input[name=party-1-name]", "李秀英")
    clerk.check("input[name=decision][value=accept]")
    assert submit_intake(clerk) == []

    assert state_badge(clerk) == "已受理"
    assert Case.objects.get(pk=case_pk_from(clerk)).category.code == "10"
    risk_card = clerk.locator("#risk-card")
    expect(risk_card.locator("h2")).to_have_text("风险研判")
    expect(risk_card).to_contain_text("未发现风险信号")
    routing_card = clerk.locator("#routing-card")
    expect(routing_card.locator("h2")).to_have_text("分流建议")
    expect(routing_card).to_contain_text("牵头单位：劳动人事争议仲裁院")


# --- 2. a threat with thirty people: a red warning, signed for and handled by the town leader -----


def test_threat_with_thirty_people_is_red_and_the_town_leader_signs_for_and_handles_it(
    desks, live_server, cast, screenshot
):
    clerk = desks.open("town_clerk")
    open_intake(clerk, live_server)
    fill_intake(clerk, category="劳动争议", town="甲镇", village="甲村", description=THREAT)
    clerk.fill("input[name=people_count]", "30")
    assert submit_intake(clerk) == []

    pk = case_pk_from(clerk)
    number = Case.objects.get(pk=pk).number
    risk_card = clerk.locator("#risk-card")
    expect(risk_card.locator("h2")).to_have_text("风险研判")
    expect(risk_card.locator("p .risk").first).to_have_text("红色（一级）")
    expect(risk_card).to_contain_text("扬言威胁：出现“扬言”（+40）")
    expect(risk_card).to_contain_text("涉及人数众多：涉及 30 人（不少于 30 人）")
    # the serious matter is suggested for the county, which is not where it is handled now
    routing_card = clerk.locator("#routing-card")
    expect(routing_card).to_contain_text("由县（市、区）中心办理")
    expect(routing_card).to_contain_text("建议层级与当前承办层级（镇（街道））不同")
    warning = RiskWarning.objects.get(case_id=pk)
    item = clerk.locator(f"#warning-{warning.pk}")
    expect(item).to_contain_text("红色（一级）预警")
    expect(item).to_contain_text("待签收")
    # a window clerk sees the warning but may neither sign for nor handle it
    expect(item.get_by_role("button", name="签收预警")).to_have_count(0)
    expect(item.get_by_role("button", name="处置完毕")).to_have_count(0)

    # The town leader opens 风险预警 and signs for it on the list.
    leader = desks.open("town_leader")
    go_by_nav(leader, "风险预警")
    expect(leader.locator("main h1")).to_have_text("风险预警")
    row = leader.locator("#warning-list tbody tr", has_text=number)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("红色（一级）")
    expect(row).to_contain_text("扬言威胁")
    expect(row).to_contain_text("待签收")
    screenshot(leader, "triage-warnings")
    click_and_load(leader, row.get_by_role("button", name="签收"))
    expect(leader.locator(".messages")).to_contain_text("已签收预警")
    row = leader.locator("#warning-list tbody tr", has_text=number)
    expect(row).to_contain_text("处置中")
    expect(row).to_contain_text("town_leader")  # who signed
    expect(row.get_by_role("button", name="签收")).to_have_count(0)

    # 处置 leads to the warning on the case page; the leader records the measures there.
    click_and_load(leader, row.get_by_role("link", name="处置"))
    assert leader.url.endswith(f"/cases/{pk}/#warning-{warning.pk}"), leader.url
    item = leader.locator(f"#warning-{warning.pk}")
    expect(item).to_contain_text("处置中")
    expect(item).to_contain_text("签收：town_leader")
    measures = "已约谈建筑公司负责人，督促本周内发放工资；落实稳控责任人，联合派出所做好疏导。"
    item.get_by_label("处置措施").fill(measures)
    click_and_load(leader, item.get_by_role("button", name="处置完毕"))
    expect(leader.locator(".messages")).to_contain_text("预警已处置")
    item = leader.locator(f"#warning-{warning.pk}")
    expect(item).to_contain_text("已处置")
    expect(item).to_contain_text(f"处置：{measures}")
    expect(item.get_by_role("button", name="处置完毕")).to_have_count(0)

    # The live list no longer shows it; the 已处置 tab does.
    go_by_nav(leader, "风险预警")
    expect(leader.locator("main")).to_contain_text("没有符合条件的预警")
    handled_tab = leader.locator("nav.tabs > a", has_text="已处置")
    expect(handled_tab.locator(".n")).to_have_text("1")
    click_and_load(leader, handled_tab)
    row = leader.locator("#warning-list tbody tr", has_text=number)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("已处置")
    expect(row.get_by_role("link", name="处置")).to_have_count(0)
    warning.refresh_from_db()
    assert warning.status == RiskWarning.Status.HANDLED and warning.measures == measures

    # The other town's clerk sees nothing of it and cannot open the case.
    other = desks.open("other_town_clerk")
    go_by_nav(other, "风险预警")
    # the status tab 全部 (the level filter has a 全部 of its own)
    click_and_load(other, other.locator("nav.tabs > a", has_text="全部"))
    expect(other.locator("main")).to_contain_text("没有符合条件的预警")
    expect(other.locator("main")).not_to_contain_text(number)
    response = other.goto(f"{live_server.url}/cases/{pk}/")
    assert response.status == 404
    assert number not in other.content()


# --- 3. the same person again, and a near-copy of an open case ------------------------------------


def test_intake_panel_shows_repeat_visitor_and_possible_duplicate_while_typing(
    desks, live_server, cast
):
    earlier = register(
        cast.town_clerk, cast.village_region, category=category("10"), description=ORIGINAL
    )
    clerk = desks.open("town_clerk")
    open_intake(clerk, live_server)

    # The note first, before any number of the applicant: a duplicate by content only.
    clerk.select_option("select[name=category]", label="劳动争议")
    clerk.fill("textarea[name=description]", NEAR_COPY)
    clerk.locator("textarea[name=description]").press("Tab")
    duplicates = panel(clerk, "#possible-duplicates")
    expect(duplicates).to_contain_text("疑似重复")
    expect(duplicates).to_contain_text(earlier.number)
    expect(duplicates).to_contain_text("内容相似度")
    expect(duplicates).not_to_contain_text("同一当事人")
    expect(panel(clerk, "#repeat-visitor")).to_have_count(0)

    # Then the earlier applicant's ID number: the 重复来访 banner names that case.
    id_box = clerk.locator("input[name=party-0-id_number]")
    id_box.press_sequentially(VALID_ID)
    id_box.press("Tab")
    repeat = panel(clerk, "#repeat-visitor")
    expect(repeat).to_contain_text("重复来访")
    expect(repeat).to_contain_text("此前在辖区内有 1 件事项")
    expect(repeat).to_contain_text(earlier.number)
    expect(repeat).to_contain_text("劳动争议")
    expect(repeat.get_by_role("link", name=earlier.number)).to_have_attribute(
        "href", f"/cases/{earlier.pk}/"
    )
    expect(duplicates).to_contain_text("同一当事人")


def test_case_page_lists_the_open_near_copy_with_merge_and_link(desks, live_server, cast):
    earlier = register(
        cast.town_clerk, cast.village_region, category=category("10"), description=ORIGINAL
    )
    clerk = desks.open("town_clerk")
    open_intake(clerk, live_server)
    fill_intake(clerk, category="劳动争议", town="甲镇", village="甲村", description=NEAR_COPY)
    assert submit_intake(clerk) == []
    assert case_pk_from(clerk) != earlier.pk

    card = clerk.locator("#duplicates-card")
    expect(card.locator("h2")).to_have_text("疑似重复")
    line = card.locator("li", has_text=earlier.number)
    expect(line).to_contain_text("同一当事人")
    expect(line).to_contain_text("内容相似度")
    expect(line.get_by_role("link", name="合并到该件")).to_be_visible()
    expect(line.get_by_role("link", name="关联")).to_be_visible()
    # and the 风险研判 / 分流建议 cards of a plain small wage claim
    expect(clerk.locator("#risk-card")).to_contain_text("系统评分")
    routing_card = clerk.locator("#routing-card")
    expect(routing_card).to_contain_text("牵头单位：劳动人事争议仲裁院")
    routing_card.locator("details summary").click()
    expect(routing_card.locator("pre.why")).to_contain_text(
        "规则“劳动争议由劳动人事争议仲裁院牵头”"
    )

    # 关联 opens its form with the earlier case's number filled in.
    click_and_load(clerk, line.get_by_role("link", name="关联"))
    expect(clerk.locator("input[name=number]")).to_have_value(earlier.number)


# --- 4. the suggestion beside 受理 and 分流; the dispatch form preselects the lead unit ------------


def test_accept_and_dispatch_forms_show_the_suggestion_and_preselect_the_lead_unit(
    desks, live_server, cast
):
    case = register(
        cast.county_clerk, category=category("10"), description=ORIGINAL, people_count=3
    )
    county = desks.open("county_clerk")
    open_case(county, live_server, case.pk)

    form = open_action(county, "accept")
    hint = form.locator(".routing-hint")
    expect(hint).to_contain_text("分流建议：")
    expect(hint).to_contain_text("牵头单位：劳动人事争议仲裁院")
    expect(hint).to_contain_text("建议仅供参考，由您决定")
    hint.locator("details summary").click()
    expect(hint.locator("pre.why")).to_contain_text("规则“劳动争议由劳动人事争议仲裁院牵头”")
    assert submit(county, "#action-panel form.action-form[data-action='accept']") == []
    assert state_badge(county) == "已受理"

    form = open_action(county, "dispatch")
    expect(form.locator(".routing-hint")).to_contain_text("牵头单位：劳动人事争议仲裁院")
    lead = form.locator("select[name=lead]")
    expect(lead).to_have_value(str(cast.unit.pk))
    assert lead.locator("option:checked").inner_text().strip() == cast.unit.name
    expect(form.get_by_label(cast.unit.name)).to_be_checked()
    expect(form.get_by_label(cast.other_unit.name)).not_to_be_checked()
    form.locator("[name=note]").fill("按建议由劳动人事争议仲裁院牵头调处。")
    assert submit(county, "#action-panel form.action-form[data-action='dispatch']") == []
    assert state_badge(county) == "已分流·待签收"
    assert case.units.get(active=True, role="lead").unit == cast.unit
    decision = RoutingDecision.objects.get(case=case, stage=RoutingDecision.Stage.UNIT)
    assert decision.followed and decision.chosen_label == cast.unit.name
