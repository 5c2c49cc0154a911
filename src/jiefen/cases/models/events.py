from django.db import models
from django.db.models import Q

from jiefen.cases.choices import Action, State
from jiefen.cases.models.case import Case
from jiefen.org.models import User


class CaseEvent(models.Model):
    """One step of a case's history: append-only and hash-chained per case (``seq`` 1, 2, …;
    each row stores the previous row's hash). Also the outbox's source of truth."""

    case = models.ForeignKey(Case, models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField("操作", max_length=30, choices=Action.choices)
    actor = models.ForeignKey(User, models.PROTECT, related_name="+", verbose_name="操作人")
    actor_name = models.CharField("操作人姓名", max_length=40)
    actor_centre = models.CharField("操作人单位", max_length=80, blank=True)
    at = models.DateTimeField("时间")
    from_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=State.choices)
    note = models.TextField("说明", blank=True)
    data = models.JSONField(default=dict, blank=True)
    idempotency_key = models.CharField(max_length=80, null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = "事项流转记录"
        verbose_name_plural = "事项流转记录"
        ordering = ["case", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["case", "seq"], name="caseevent_seq_unique"),
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="caseevent_idempotency_unique",
            ),
        ]

    def __str__(self):
        return f"{self.case_id}#{self.seq} {self.get_action_display()}"


class OutboxMessage(models.Model):
    """A side effect to deliver after the event committed (notify a party, a unit, a webhook).
    Workers claim rows with a compare-and-set update, so two workers never send one message."""

    event = models.ForeignKey(CaseEvent, models.PROTECT, related_name="outbox")
    topic = models.CharField(max_length=40)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    claimed_by = models.CharField(max_length=60, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            # the worker's claim query: undelivered rows, oldest first
            models.Index(fields=["done_at", "claimed_at", "id"], name="outbox_pending"),
        ]


class DeadlinePolicy(models.Model):
    """Matter type (× category, optional) × stage → a time limit. The most specific row wins:
    one naming the category beats one for the matter type alone."""

    class Unit(models.TextChoices):
        CALENDAR_DAYS = "calendar_days", "自然日"
        WORKING_DAYS = "working_days", "工作日"
        MONTHS = "months", "个月"

    matter_type = models.CharField(
        "事项类型", max_length=20, blank=True, help_text="留空表示适用于所有事项类型"
    )
    category = models.ForeignKey(
        "org.Category", models.CASCADE, null=True, blank=True, verbose_name="纠纷类别"
    )
    stage = models.CharField("环节", max_length=30)
    amount = models.PositiveIntegerField("时限")
    unit = models.CharField("计算单位", max_length=20, choices=Unit.choices)
    basis = models.CharField("依据", max_length=200, blank=True)

    class Meta:
        verbose_name = "办理时限规则"
        verbose_name_plural = "办理时限规则"
        constraints = [
            models.UniqueConstraint(
                fields=["matter_type", "category", "stage"], name="deadline_policy_unique"
            ),
        ]

    def __str__(self):
        return f"{self.matter_type or '全部'}·{self.category or '全部类别'}·{self.stage}：{self.amount}{self.get_unit_display()}"
