"""Repeat visitors and possible duplicates at intake, with real duplicates (the same matter told
again through another channel) and near misses (same kind of dispute, different matter)."""

from datetime import timedelta

import pytest

from jiefen.cases.kernel import perform
from jiefen.core import clock, crypto
from jiefen.triage import similar
from jiefen.triage.models import RiskPolicy
from tests.cases.factories import VALID_ID, register

pytestmark = pytest.mark.django_db

WAGES = (
    "来访人张某反映，某建筑公司在本村施工的住宅项目拖欠二十余名农民工工资约四十万元，"
    "包工头已失联，工人要求公司直接支付。"
)
WAGES_AGAIN = (
    "12345转办：市民反映某建筑公司承建的本村住宅工地欠薪，二十多名农民工工资约四十万元未付，"
    "包工头联系不上，要求公司结清。"
)
WAGES_OTHER = "来电人李某称，其在某餐饮店做服务员三个月，老板以试用期不合格为由拒付最后一个月工资三千元，要求支付。"
WALL = "村民王某反映，邻居李某翻建房屋时把院墙往自家宅基地方向移了半米，占用了两家之间的排水通道，要求恢复原状。"
WALL_AGAIN = "网格员上报：王某与李某两家因李某翻建院墙外移约半米、堵住排水通道发生争吵，王某要求李某把墙拆回原位。"
WALL_OTHER = (
    "村民赵某反映，邻居孙某建房时房檐伸到自家宅基地上方，雨水直接滴进自家院子，要求孙某截掉房檐。"
)

OTHER_PERSON = [{"role": "applicant", "name": "赵某某", "phone": "13611112222"}]


@pytest.mark.parametrize(
    "a, b, same",
    [
        (WAGES, WAGES_AGAIN, True),
        (WAGES, WAGES_OTHER, False),
        (WALL, WALL_AGAIN, True),
        (WALL, WALL_OTHER, False),
        (WAGES, WALL, False),
    ],
)
def test_text_similarity_tells_a_retold_matter_from_a_near_miss(a, b, same):
    threshold = RiskPolicy.objects.get().similar_min_score
    assert (similar.similarity(a, b) >= threshold) is same


def test_a_retold_matter_is_found_among_open_cases_and_a_near_miss_is_not(cast):
    original = register(cast.town_clerk, description=WAGES, parties=OTHER_PERSON)
    register(cast.town_clerk, description=WALL_OTHER, parties=OTHER_PERSON)
    matches = similar.similar_open_cases(cast.town_clerk, title="", description=WAGES_AGAIN)
    assert [m.case.pk for m in matches] == [original.pk]
    assert matches[0].reasons[0].startswith("内容相似度 ")
    assert similar.similar_open_cases(cast.town_clerk, title="", description=WAGES_OTHER) == []


def test_the_same_applicant_is_a_reason_on_its_own(cast):
    earlier = register(cast.town_clerk, description=WALL)
    hashes = [("id_hash", crypto.keyed_hash(VALID_ID))]
    matches = similar.similar_open_cases(
        cast.town_clerk, title="", description=WAGES_OTHER, hashes=hashes
    )
    assert [(m.case.pk, m.reasons) for m in matches] == [(earlier.pk, ["同一当事人"])]


def test_closed_and_old_cases_and_the_case_itself_are_left_out(cast):
    old = register(cast.town_clerk, description=WAGES, parties=OTHER_PERSON)
    clock.travel(timedelta(days=91))
    assert similar.similar_open_cases(cast.town_clerk, title="", description=WAGES_AGAIN) == []
    fresh = register(cast.town_clerk, description=WAGES, parties=OTHER_PERSON)
    found = similar.similar_open_cases(cast.town_clerk, title="", description=WAGES_AGAIN)
    assert [m.case.pk for m in found] == [fresh.pk]
    assert (
        similar.similar_open_cases(
            cast.town_clerk, title="", description=WAGES, exclude_pk=fresh.pk
        )
        == []
    )
    perform(fresh, "reject", cast.town_clerk, reason="重复", other_route="已有事项办理中")
    assert similar.similar_open_cases(cast.town_clerk, title="", description=WAGES_AGAIN) == []
    assert old.pk  # registered, outside the window


def test_the_window_and_threshold_are_configurable(cast):
    register(cast.town_clerk, description=WALL, parties=OTHER_PERSON)
    RiskPolicy.objects.update(similar_min_score=0.9)
    from jiefen.triage import risk

    risk.forget()
    assert similar.similar_open_cases(cast.town_clerk, title="", description=WALL_AGAIN) == []
    RiskPolicy.objects.update(similar_min_score=0.3, similar_window_days=1)
    risk.forget()
    clock.travel(timedelta(days=2))
    assert similar.similar_open_cases(cast.town_clerk, title="", description=WALL_AGAIN) == []


def test_another_towns_cases_are_never_suggested(cast):
    register(cast.town_clerk, description=WAGES)
    hashes = [("id_hash", crypto.keyed_hash(VALID_ID))]
    assert (
        similar.similar_open_cases(
            cast.other_town_clerk, title="", description=WAGES_AGAIN, hashes=hashes
        )
        == []
    )
    assert similar.earlier_cases(cast.other_town_clerk, hashes) == []


def test_repeat_visitor_by_id_or_phone_and_not_by_name(cast):
    first = register(cast.town_clerk)
    by_id = similar.earlier_cases(cast.town_clerk, [("id_hash", crypto.keyed_hash(VALID_ID))])
    by_phone = similar.earlier_cases(
        cast.town_clerk, [("phone_hash", crypto.keyed_hash("13812345678"))]
    )
    assert [c.pk for c in by_id] == [c.pk for c in by_phone] == [first.pk]
    near_miss = similar.earlier_cases(
        cast.town_clerk, [("id_hash", crypto.keyed_hash("11010519850612123X"))]
    )
    assert near_miss == []
    # the county sees the town's visitor too
    assert [
        c.pk
        for c in similar.earlier_cases(
            cast.county_clerk, [("id_hash", crypto.keyed_hash(VALID_ID))]
        )
    ] == [first.pk]
