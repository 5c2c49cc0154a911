"""The work queues of the 工作台 and the filters and search that narrow them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from jiefen.cases.choices import OPEN_STATES, State, UnitStatus
from jiefen.core import workdays


@dataclass(frozen=True)
class Queue:
    key: str
    label: str
    hint: str


QUEUES = [
    Queue("review", "待审核", "已登记、等待审核受理的事项"),
    Queue("materials", "待补正", "已一次性告知、等待当事人补正材料"),
    Queue("accepted", "待分流", "已受理，待分流或指定承办人"),
    Queue("sign", "待签收", "已分流、等待承办单位签收"),
    Queue("progress", "办理中", "正在调解或办理"),
    Queue("escalation", "提级待批", "提请上一级中心调处、等待审批"),
    Queue("extension", "延期待批", "承办人申请延期、等待审批"),
    Queue("due_soon", "即将超期", "1 个工作日内到期"),
    Queue("overdue", "已超期", "已超过办理期限"),
    Queue("supervised", "督办中", "被督办、尚未办结"),
    Queue("follow_up", "待回访", "已办结，待告知结果与回访"),
    Queue("archive", "待归档", "已结案，待归档"),
    Queue("all", "全部事项", "辖区内全部事项"),
]
QUEUE_BY_KEY = {q.key: q for q in QUEUES}


def _due_soon_limit(today: date) -> date:
    return workdays.add_working_days(today, 1)


def queue_condition(key: str, user, today: date) -> Q:
    """The filter that defines a queue (on top of visible_cases)."""
    open_states = list(OPEN_STATES)
    if key == "review":
        return Q(state=State.REGISTERED)
    if key == "materials":
        return Q(state=State.AWAITING_MATERIALS)
    if key == "accepted":
        return Q(state=State.ACCEPTED)
    if key == "sign":
        if user.unit_id is not None:
            return Q(
                units__unit_id=user.unit_id, units__active=True, units__status=UnitStatus.PENDING
            )
        return Q(state=State.DISPATCHED)
    if key == "progress":
        return Q(state=State.IN_PROGRESS)
    if key == "escalation":
        return Q(state=State.ESCALATION_PENDING)
    if key == "extension":
        return Q(extensions__status="pending")
    if key == "due_soon":
        return Q(
            state__in=open_states, handling_due__gte=today, handling_due__lte=_due_soon_limit(today)
        )
    if key == "overdue":
        return Q(state__in=open_states, handling_due__lt=today)
    if key == "supervised":
        return Q(is_supervised=True, state__in=open_states)
    if key == "follow_up":
        return Q(state=State.RESOLVED)
    if key == "archive":
        return Q(state=State.CLOSED)
    return Q()


def counters(cases, user, today: date) -> dict[str, int]:
    """Every queue's size in one query."""
    aggregates = {
        q.key: Count("pk", filter=queue_condition(q.key, user, today), distinct=True)
        for q in QUEUES
    }
    return cases.aggregate(**aggregates)
