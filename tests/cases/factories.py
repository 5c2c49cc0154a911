"""Small helpers that drive cases through the one door, for tests and benchmarks alike."""

from datetime import timedelta

from jiefen.cases.kernel import perform
from jiefen.core import clock
from jiefen.org.models import Category

VALID_ID = "110105199003071239"  # checksum-valid (GB 11643); birth 1990-03-07, male


def category(code="02"):
    return Category.objects.get(code=code)


def case_data(region, **overrides):
    data = {
        "matter_type": "dispute",
        "channel": "walk_in",
        "category": category(),
        "description": "来访人称邻居在两家交界处堆放杂物，堵塞排水沟，雨天积水倒灌，要求清理并赔偿损失。",
        "region": region,
        "parties": [
            {
                "role": "applicant",
                "name": "王建国",
                "id_number": VALID_ID,
                "phone": "13812345678",
                "address": "甲村三组",
            },
            {"role": "respondent", "name": "李秀英", "phone": "13987654321"},
        ],
        "people_count": 2,
    }
    data.update(overrides)
    return data


def register(actor, region=None, **overrides):
    region = region or actor.centre.region
    return perform(None, "register", actor, **case_data(region, **overrides))


def accepted(actor, region=None, **overrides):
    case = register(actor, region, **overrides)
    return perform(case, "accept", actor)


def in_progress_at_centre(actor, handler, region=None, **overrides):
    case = accepted(actor, region, **overrides)
    return perform(case, "assign", actor, handler=handler)


def session_with_agreement(case, mediator):
    return perform(
        case,
        "record_session",
        mediator,
        held_at=clock.now() - timedelta(hours=1),
        place="调解室",
        participants="双方当事人及调解员",
        applicant_account="要求清理杂物",
        respondent_account="同意清理",
        result="双方达成协议",
        agreement={"facts": "杂物堵塞排水沟", "terms": "三日内清理", "performance": "现场清理"},
    )
