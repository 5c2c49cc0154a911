"""The routing rule table: precedence, every kind of condition, the shipped defaults of
DOMAIN.md §6 and the Chinese "why" that lists every rule that fired."""

from decimal import Decimal

import pytest

from jiefen.org.models import Category, Region, Unit
from jiefen.triage import rules
from jiefen.triage.models import RoutingRule
from jiefen.triage.rules import Facts, suggest

pytestmark = pytest.mark.django_db


def facts(**kw):
    base = {
        "matter_type": "dispute",
        "category_code": "02",
        "place_code": "990121100201",
        "people": 2,
        "text": "邻居堆放杂物堵塞排水沟",
    }
    return Facts(**{**base, **kw})


def rule(name, priority, categories=(), **fields):
    r = RoutingRule.objects.create(name=name, priority=priority, **fields)
    if categories:
        r.categories.set(Category.objects.filter(code__in=categories))
    return RoutingRule.objects.get(pk=r.pk)


# --- precedence -----------------------------------------------------------------------------


def test_first_firing_rule_decides_each_output_and_later_ones_are_listed_as_overridden():
    village = rule("家庭纠纷在村", 90, categories=["01"], target_level="village")
    county = rule("扬言提级", 30, keywords="扬言、报复", target_level="county")
    unit = rule("妇联配合", 200, categories=["01"], lead_unit_kind="women_federation")

    # a caller passing rules applies them in the order given: sorted as the table is read
    result = suggest(
        facts(category_code="01", text="儿子扬言要报复父亲"),
        sorted([village, county, unit], key=lambda r: r.priority),
    )

    assert result.target_level == "county"
    assert result.lead_unit_kind == "women_federation"
    assert [f.rule.name for f in result.fired] == ["扬言提级", "家庭纠纷在村", "妇联配合"]
    assert result.fired[0].applied == ["办理层级"]
    assert result.fired[1].applied == [] and result.fired[1].overridden == ["办理层级"]
    assert result.fired[2].applied == ["牵头单位类别"]


def test_the_table_is_read_in_priority_order_whatever_the_insertion_order():
    RoutingRule.objects.all().delete()
    rule("后建但优先", 5, target_level="town")
    rule("先建但靠后", 50, target_level="village")
    rules.forget()
    assert suggest(facts()).target_level == "town"


def test_same_priority_falls_back_to_creation_order():
    RoutingRule.objects.all().delete()
    rule("甲", 50, target_level="town")
    rule("乙", 50, target_level="village")
    rules.forget()
    result = suggest(facts())
    assert result.target_level == "town"
    assert result.fired[1].overridden == ["办理层级"]


def test_a_stop_rule_ends_matching():
    first = rule("停止", 10, target_level="county", stop=True)
    second = rule("不再匹配", 20, lead_unit_kind="housing")
    result = suggest(facts(), [first, second])
    assert [f.rule.name for f in result.fired] == ["停止"]
    assert result.lead_unit_kind == ""
    assert "该规则命中后停止匹配" in result.why()


def test_a_named_unit_beats_a_unit_kind_from_a_later_rule(cast):
    named = rule("指定单位", 10, lead_unit=cast.other_unit)
    kind = rule("按类别", 20, lead_unit_kind="labour_arbitration")
    result = suggest(facts(), [named, kind])
    assert result.lead_unit == cast.other_unit and result.lead_unit_kind == ""
    assert result.fired[1].overridden == ["牵头单位类别"]
    assert result.unit_for(Unit.objects.all()) == cast.other_unit


def test_inactive_rules_do_not_fire():
    RoutingRule.objects.all().delete()
    rule("停用", 1, target_level="county", active=False)
    rules.forget()
    assert suggest(facts()).empty
    assert suggest(facts()).why() == "没有命中任何分流规则。"


def test_editing_the_table_is_seen_at_once_in_this_process():
    RoutingRule.objects.all().delete()
    rules.forget()
    assert suggest(facts()).empty
    r = rule("新规则", 1, target_level="town")
    assert suggest(facts()).target_level == "town"
    r.categories.set(Category.objects.filter(code="10"))  # m2m change clears the cache too
    assert suggest(facts()).empty


# --- conditions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields, fires, misses",
    [
        ({"matter_types": ["petition"]}, {"matter_type": "petition"}, {"matter_type": "dispute"}),
        ({"min_people": 10}, {"people": 10}, {"people": 9}),
        ({"max_people": 5}, {"people": 4}, {"people": 5}),
        (
            {"min_amount": Decimal("100000")},
            {"amount": Decimal("100000")},
            {"amount": Decimal("99999.99")},
        ),
        ({"max_amount": Decimal("5000")}, {"amount": Decimal("4999")}, {"amount": Decimal("5000")}),
        ({"is_group": True}, {"is_group": True}, {"is_group": False}),
        (
            {"keywords": "扬言, 汽油；上访"},
            {"text": "当事人称要去上访"},
            {"text": "当事人要求赔偿"},
        ),
        ({"risk_levels": ["red", "orange"]}, {"risk_level": "orange"}, {"risk_level": "yellow"}),
    ],
)
def test_each_condition_fires_on_a_match_and_not_on_a_near_miss(fields, fires, misses):
    r = rule("条件", 10, target_level="county", **fields)
    assert suggest(facts(**fires), [r]).target_level == "county"
    assert suggest(facts(**misses), [r]).empty


def test_a_minimum_amount_does_not_fire_when_no_amount_was_given():
    r = rule("金额", 10, target_level="county", min_amount=Decimal("100000"))
    assert suggest(facts(amount=None), [r]).empty


def test_category_and_region_subtree_conditions(cast):
    r = rule("甲镇劳动", 10, categories=["10"], region=cast.town_region, target_level="town")
    assert (
        suggest(facts(category_code="10", place_code=cast.village_region.code), [r]).target_level
        == "town"
    )
    assert suggest(facts(category_code="10", place_code=cast.other_village_region.code), [r]).empty
    assert suggest(facts(category_code="02", place_code=cast.village_region.code), [r]).empty


def test_all_conditions_of_a_rule_must_hold():
    r = rule("劳动且人多", 10, categories=["10"], min_people=10, target_level="county")
    assert suggest(facts(category_code="10", people=12), [r]).target_level == "county"
    assert suggest(facts(category_code="10", people=3), [r]).empty
    assert suggest(facts(category_code="02", people=12), [r]).empty


# --- the shipped defaults (DOMAIN.md §6) ------------------------------------------------------


def test_simple_family_and_neighbour_disputes_stay_in_the_village():
    for code in ("01", "02"):
        result = suggest(facts(category_code=code, text="赡养费纠纷，子女互相推诿"))
        assert result.target_level == "village", code


def test_homestead_land_contract_and_injury_go_to_the_town():
    assert suggest(facts(category_code="03", text="宅基地界线争议")).target_level == "town"
    assert suggest(facts(category_code="07", text="承包地边界争议")).target_level == "town"
    assert suggest(facts(category_code="06", text="被狗咬伤要求赔偿")).target_level == "town"


def test_small_wage_case_goes_to_the_town_with_labour_arbitration_leading():
    result = suggest(facts(category_code="10", people=3, text="三名工人被拖欠工资"))
    assert result.target_level == "town"
    assert result.lead_unit_kind == "labour_arbitration"
    assert result.assist_unit_kinds == ["human_resources"]
    assert result.deadline_policy.amount == 15  # 劳动争议调解仲裁法第十四条
    assert "时限：15 自然日" in result.summary()


@pytest.mark.parametrize(
    "kw",
    [
        {"people": 12, "category_code": "10", "text": "十二名工人被拖欠工资"},
        {"is_group": True},
        {"amount": Decimal("150000")},
        {"text": "当事人扬言要带汽油去对方家"},
        {"text": "申请人称如不解决将进京上访"},
        {"risk_level": "red"},
        {"category_code": "07", "text": "两村对山林权属有争议，均称有林权证"},
        {"category_code": "12", "text": "患者术后死亡，家属要求说法"},
    ],
)
def test_serious_matters_go_to_the_county_whatever_their_category(kw):
    assert suggest(facts(**kw)).target_level == "county"


def test_a_neighbour_quarrel_with_a_threat_goes_to_the_county_and_the_why_says_so():
    result = suggest(facts(category_code="02", text="邻里因排水沟争吵，一方扬言要报复"))
    assert result.target_level == "county"
    why = result.why()
    assert (
        "1. 规则“有民转刑或越级上访风险提级县级”（优先级 30）命中：出现关键词“扬言”“报复” → 决定办理层级"
        in why
    )
    assert (
        "2. 规则“婚姻家庭、邻里简单纠纷在村（社区）化解”（优先级 90）命中：类别为邻里（办理层级已由优先级更高的规则决定，本规则不采用）"
        in why
    )
    assert "依据：常见分级" in why


@pytest.mark.parametrize(
    "kw, kind",
    [
        ({"category_code": "10"}, "labour_arbitration"),
        ({"category_code": "13"}, "traffic_police"),
        ({"category_code": "12"}, "medical_mediation"),
        ({"category_code": "14"}, "housing"),
        ({"category_code": "07"}, "natural_resources"),
        ({"category_code": "08"}, "natural_resources"),
        ({"category_code": "09"}, "environment"),
        ({"category_code": "11"}, "market_regulation"),
        ({"matter_type": "petition", "category_code": "99"}, "petition"),
    ],
)
def test_default_lead_unit_kind_by_category(kw, kind):
    assert suggest(facts(**kw)).lead_unit_kind == kind


def test_summary_names_level_unit_and_helpers():
    result = suggest(facts(category_code="12", text="术后感染要求赔偿"))
    assert result.summary() == "牵头单位：医疗纠纷人民调解委员会；配合：卫生健康局"
    result = suggest(facts(category_code="13", people=2, text="两车相撞"))
    assert result.summary().startswith("由镇（街道）中心办理；牵头单位：交警（道路交通事故调解）")


def test_region_names_in_conditions_are_current(cast):
    r = rule(
        "乙镇", 10, region=Region.objects.get(code=cast.other_town_region.code), target_level="town"
    )
    result = suggest(facts(place_code=cast.other_village_region.code), [r])
    assert result.fired[0].matched == ["事发地在乙镇"]
