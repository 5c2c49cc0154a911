"""The triage screens: the intake side panel, the case page cards, the suggestion beside the
accept and dispatch forms, the recorded decisions and their report, and the warning list —
each scoped: a user of another town sees nothing and changes nothing."""

import re

import pytest

from jiefen.cases.kernel import perform
from jiefen.triage.models import RiskWarning, RoutingDecision
from tests.cases.factories import VALID_ID, accepted, category, register
from tests.workbench.test_intake import _form as _intake_form

pytestmark = pytest.mark.django_db

LABOUR = "某装修队老板拖欠我们三个工人两个月工资共一万二千元，多次讨要无果，要求尽快结清。"
THREAT = "申请人称对方欠款不还，扬言要带汽油去对方家里同归于尽，三十名亲友准备聚集。"


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


# --- intake side panel ------------------------------------------------------------------------


def test_panel_shows_the_recognised_category_and_the_routing_suggestion(
    client, cast, trained_model
):
    client.force_login(cast.town_clerk)
    page = text(
        client.get(
            "/cases/new/check/",
            {
                "description": LABOUR,
                "matter_type": "dispute",
                "people_count": "3",
                "category": str(category("10").pk),
                "region": cast.village_region.code,
            },
        )
    )
    assert "类别识别" in page and "劳动争议" in page and "采用" in page
    assert "模型 v1" in page
    assert "由镇（街道）中心办理；牵头单位：劳动人事争议仲裁院；配合：人力资源和社会保障局" in page
    assert "少量人员欠薪由镇级办理" in page  # the why, inside <details>


def test_panel_flags_a_category_that_differs_from_the_text(client, cast, trained_model):
    client.force_login(cast.town_clerk)
    page = text(
        client.get(
            "/cases/new/check/",
            {
                "description": LABOUR,
                "category": str(category("02").pk),
            },
        )
    )
    assert "所选类别与识别结果不同，请核实" in page


def test_panel_without_a_model_says_how_to_get_one(client, cast):
    client.force_login(cast.town_clerk)
    page = text(client.get("/cases/new/check/", {"description": LABOUR}))
    assert "尚未训练类别识别模型（由管理员运行 jiefen train）" in page


def test_panel_shows_repeat_visitor_and_duplicate_only_within_scope(client, cast):
    earlier = register(cast.town_clerk, description=LABOUR)
    params = {"party-0-id_number": VALID_ID, "description": LABOUR}
    client.force_login(cast.town_clerk)
    page = text(client.get("/cases/new/check/", params))
    assert "重复来访" in page and earlier.number in page
    assert "疑似重复" in page and "同一当事人" in page and "内容相似度" in page
    client.force_login(cast.other_town_clerk)
    page = text(client.get("/cases/new/check/", params))
    assert earlier.number not in page and "重复来访：" not in page and "疑似重复：" not in page


# --- case page, action forms --------------------------------------------------------------------


def test_case_page_shows_risk_signals_suggestion_and_duplicates(client, cast):
    first = register(cast.town_clerk, description=THREAT, people_count=30)
    second = register(cast.town_clerk, description=THREAT, people_count=30)
    client.force_login(cast.town_clerk)
    page = text(client.get(f"/cases/{second.pk}/"))
    assert "风险研判" in page and "红色（一级）预警" in page
    assert "扬言威胁：出现“扬言”“同归于尽”（+40）" in page and "持械凶器：出现“汽油”（+40）" in page
    assert "由县（市、区）中心办理" in page  # 30 people, threat words
    assert "疑似重复" in page and first.number in page
    assert f"/cases/{second.pk}/act/merge_duplicate/?number={first.number}" in page
    form = text(client.get(f"/cases/{second.pk}/act/merge_duplicate/?number={first.number}"))
    assert f'value="{first.number}"' in form


def test_accept_form_shows_the_suggestion_and_the_dispatch_form_preselects_it(client, cast):
    case = register(
        cast.county_clerk,
        region=cast.village_region,
        description=LABOUR,
        category=category("10"),
        people_count=3,
    )
    client.force_login(cast.county_clerk)
    page = text(client.get(f"/cases/{case.pk}/act/accept/"))
    assert "分流建议：" in page and "劳动人事争议仲裁院" in page
    perform(case, "accept", cast.county_clerk)
    form = client.get(f"/cases/{case.pk}/act/dispatch/").content.decode()
    lead = re.search(r'<option value="(\d+)" selected>', form)
    assert lead and int(lead.group(1)) == cast.unit.pk  # the labour arbitration unit
    assert re.search(rf'<input[^>]*value="{cast.unit.pk}"[^>]*checked', form)
    assert not re.search(rf'<input[^>]*value="{cast.other_unit.pk}"[^>]*checked', form)


def test_other_town_sees_no_triage_of_a_case(client, cast):
    case = register(cast.town_clerk, description=THREAT, people_count=30)
    client.force_login(cast.other_town_clerk)
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    assert client.get(f"/cases/{case.pk}/act/accept/").status_code == 404


# --- decisions and their report ------------------------------------------------------------------


def test_decisions_record_followed_and_overridden_suggestions(client, cast, trained_model):
    # the clerk registers at the window: the panel showed 劳动争议, the clerk picked 邻里
    client.force_login(cast.county_clerk)
    panel = client.get("/cases/new/check/", {"description": LABOUR}).content.decode()
    shown = dict(re.findall(r'name="(suggested_\w+)" value="([^"]*)"', panel))
    assert shown["suggested_category"] == "10" and shown["suggested_model"] == "1"
    form = _intake_form(
        cast,
        description=LABOUR,
        category=str(category("02").pk),
        people_count="3",
        decision="register",
        **shown,
    )
    assert client.post("/cases/new/", form).status_code == 302
    recorded = RoutingDecision.objects.get(stage="category")
    case = recorded.case
    assert (recorded.suggested_label, recorded.chosen_label, recorded.followed) == (
        "劳动争议",
        "邻里",
        False,
    )
    assert recorded.model_version == 1 and 0.3 < recorded.confidence <= 1

    case = perform(case, "accept", cast.county_clerk)  # 邻里 → village suggested; county accepted
    level = RoutingDecision.objects.get(case=case, stage="level")
    assert (level.suggested, level.chosen, level.followed) == ("village", "county", False)
    assert level.rules == ["婚姻家庭、邻里简单纠纷在村（社区）化解"]

    labour = accepted(
        cast.county_clerk,
        region=cast.village_region,
        description=LABOUR,
        category=category("10"),
        people_count=3,
    )
    perform(labour, "dispatch", cast.county_clerk, units=[cast.unit], lead=cast.unit)
    unit = RoutingDecision.objects.get(case=labour, stage="unit")
    assert (unit.suggested, unit.chosen_label, unit.followed) == (
        "kind:labour_arbitration",
        cast.unit.name,
        True,
    )

    client.force_login(cast.county_clerk)
    page = text(client.get("/triage/quality/"))
    assert "类别识别" in page and "办理层级" in page and "承办单位" in page
    assert case.number in page  # listed among the overrides
    client.force_login(cast.other_town_clerk)
    page = text(client.get("/triage/quality/"))
    assert case.number not in page and "尚无记录" in page


# --- warnings ------------------------------------------------------------------------------------


def test_warning_list_is_scoped_and_only_the_right_roles_act(client, cast):
    case = register(cast.town_clerk, description=THREAT, people_count=30)
    warning = RiskWarning.objects.get(case=case)

    client.force_login(cast.other_town_clerk)
    assert case.number not in text(client.get("/risk/warnings/"))
    assert client.post(f"/risk/warnings/{warning.pk}/acknowledge/").status_code == 404
    assert client.post(f"/risk/warnings/{warning.pk}/handle/", {"measures": "x"}).status_code == 404
    warning.refresh_from_db()
    assert warning.status == "open"

    client.force_login(cast.town_clerk)
    listing = text(client.get("/risk/warnings/"))
    assert case.number in listing and "红色（一级）" in listing and "待签收" in listing
    assert "/acknowledge/" not in listing  # a clerk is offered no button
    response = client.post(f"/risk/warnings/{warning.pk}/acknowledge/", follow=True)
    assert "只有研判员、督查员或中心领导可以处理风险预警" in text(response)
    warning.refresh_from_db()
    assert warning.status == "open"

    client.force_login(cast.town_leader)
    client.post(f"/risk/warnings/{warning.pk}/acknowledge/", {"next": "list"})
    warning.refresh_from_db()
    assert (warning.status, warning.acknowledged_by) == ("acknowledged", cast.town_leader)
    response = client.post(f"/risk/warnings/{warning.pk}/handle/", {"measures": ""}, follow=True)
    assert "请填写处置措施" in text(response)
    client.post(f"/risk/warnings/{warning.pk}/handle/", {"measures": "已约谈双方，落实稳控"})
    warning.refresh_from_db()
    assert warning.status == "handled"
    assert case.number not in text(client.get("/risk/warnings/"))  # live list
    assert case.number in text(client.get("/risk/warnings/?status=handled"))
    assert "已约谈双方，落实稳控" in text(client.get(f"/cases/{case.pk}/"))


def test_county_sees_the_towns_warnings(client, cast):
    case = register(cast.town_clerk, description=THREAT, people_count=30)
    client.force_login(cast.county_leader)
    listing = text(client.get("/risk/warnings/?level=red"))
    assert case.number in listing
    assert case.number not in text(client.get("/risk/warnings/?level=orange"))


def test_a_leader_sets_the_risk_level_by_hand_with_a_reason(client, cast):
    case = accepted(cast.town_clerk)
    client.force_login(cast.town_leader)
    page = text(client.get(f"/cases/{case.pk}/"))
    assert f"/cases/{case.pk}/act/assess_risk/" in page  # offered as 风险研判
    refused = client.post(f"/cases/{case.pk}/act/assess_risk/", {"level": "orange", "reason": ""})
    assert refused.status_code == 422 and "这个字段是必填项" in text(refused)
    case.refresh_from_db()
    assert case.risk_level == "none"
    client.post(
        f"/cases/{case.pk}/act/assess_risk/", {"level": "orange", "reason": "当事人情绪激动"}
    )
    case.refresh_from_db()
    assert (case.risk_level, case.risk_manual) == ("orange", "orange")
    assert RiskWarning.objects.get(case=case).signals == ["人工研判：当事人情绪激动"]
    client.force_login(cast.other_town_clerk)
    assert (
        client.post(
            f"/cases/{case.pk}/act/assess_risk/", {"level": "none", "reason": "x"}
        ).status_code
        == 404
    )
    case.refresh_from_db()
    assert case.risk_level == "orange"


def test_every_offered_action_has_a_form():
    from jiefen.cases.kernel import REGISTRY
    from jiefen.workbench.action_forms import FORMS

    assert set(REGISTRY) - {"register"} == set(FORMS)


def test_the_intake_page_opens_with_the_panel_ready(client, cast, trained_model):
    client.force_login(cast.town_clerk)
    page = text(client.get("/cases/new/"))
    assert "填写事项概要后显示识别结果" in page and "尚未训练" not in page
    assert 'id="intake-panel" hx-select="unset"' in page  # not the form's hx-select="main"


def test_a_forged_suggestion_is_ignored_and_the_registration_stands(client, cast):
    client.force_login(cast.town_clerk)
    form = _intake_form(
        cast,
        suggested_category="ZZ",
        suggested_probability="abc",
        suggested_model="x",
        decision="register",
    )
    assert client.post("/cases/new/", form).status_code == 302
    assert not RoutingDecision.objects.filter(stage="category").exists()


def test_registrations_outside_the_intake_screen_record_no_category_suggestion(cast, trained_model):
    register(cast.town_clerk, description=LABOUR)  # e.g. the portal or an import: nobody saw one
    assert not RoutingDecision.objects.exists()
