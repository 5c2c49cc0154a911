from django.db import models
from django.db.models import Q

from jiefen.cases.choices import (
    Channel,
    MatterType,
    Outcome,
    RiskLevel,
    Route,
    Satisfaction,
    State,
    UnitRole,
    UnitStatus,
)
from jiefen.org.models import Category, Centre, Level, Region, Unit, User


class Case(models.Model):
    """One matter (事项) for its whole life: one number across levels and channels (一案一码).

    Only ``cases.kernel.perform`` writes the fields below ``state``; the event history says how
    they came to be. ``centre_code`` and ``place_code`` repeat the 12-digit region codes as
    integers so a jurisdiction is a numeric range that an index answers on any database."""

    number = models.CharField("事项编号", max_length=24, unique=True)
    query_code_hash = models.CharField(max_length=64, blank=True)
    matter_type = models.CharField("事项类型", max_length=20, choices=MatterType.choices)
    channel = models.CharField("来源渠道", max_length=20, choices=Channel.choices)
    category = models.ForeignKey(
        Category, models.PROTECT, related_name="cases", verbose_name="纠纷类别"
    )
    title = models.CharField("标题", max_length=100)
    description = models.TextField("事项概要")
    occurred_at = models.DateTimeField("发生时间", null=True, blank=True)
    region = models.ForeignKey(Region, models.PROTECT, related_name="cases", verbose_name="事发地")
    address = models.CharField("详细地址", max_length=200, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    people_count = models.PositiveIntegerField("涉及人数", default=1)
    amount = models.DecimalField(
        "涉及金额（元）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    is_group = models.BooleanField("群体性", default=False)
    external_ref = models.CharField("来源系统编号", max_length=60, blank=True)
    source_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="移送单位"
    )

    state = models.CharField("状态", max_length=20, choices=State.choices, default=State.REGISTERED)
    level = models.CharField("办理层级", max_length=10, choices=Level.choices)
    centre = models.ForeignKey(
        Centre, models.PROTECT, related_name="cases", verbose_name="承办中心"
    )
    centre_code = models.BigIntegerField()
    place_code = models.BigIntegerField()
    handler = models.ForeignKey(
        User,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="handled_cases",
        verbose_name="承办人",
    )
    first_responder = models.ForeignKey(
        User, models.PROTECT, related_name="first_responded_cases", verbose_name="首问责任人"
    )
    registered_by = models.ForeignKey(
        User, models.PROTECT, related_name="registered_cases", verbose_name="登记人"
    )
    risk_level = models.CharField(
        "风险等级", max_length=10, choices=RiskLevel.choices, default=RiskLevel.NONE
    )
    risk_score = models.PositiveSmallIntegerField("风险分", default=0)
    risk_manual = models.CharField(
        "人工研判等级", max_length=10, choices=RiskLevel.choices, default=RiskLevel.NONE
    )

    registered_at = models.DateTimeField("登记时间")
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    resolved_at = models.DateTimeField("办结时间", null=True, blank=True)
    closed_at = models.DateTimeField("结案时间", null=True, blank=True)
    archived_at = models.DateTimeField("归档时间", null=True, blank=True)

    acceptance_due = models.DateField("受理期限", null=True, blank=True)
    sign_for_due = models.DateField("签收期限", null=True, blank=True)
    handling_due = models.DateField("办理期限", null=True, blank=True)
    follow_up_due = models.DateField("回访期限", null=True, blank=True)
    paused_at = models.DateTimeField("计时暂停于", null=True, blank=True)
    extended_days = models.PositiveIntegerField("已延期天数", default=0)

    outcome = models.CharField("办理结果", max_length=20, choices=Outcome.choices, blank=True)
    outcome_route = models.CharField("后续途径", max_length=30, choices=Route.choices, blank=True)
    result_summary = models.TextField("办理结果说明", blank=True)
    feedback = models.TextField("反馈意见", blank=True)
    notified_at = models.DateTimeField("结果告知时间", null=True, blank=True)
    satisfaction = models.CharField(
        "满意度", max_length=20, choices=Satisfaction.choices, blank=True
    )
    is_supervised = models.BooleanField("督办中", default=False)
    urge_count = models.PositiveIntegerField("催办次数", default=0)
    reject_reason = models.TextField("不予受理理由", blank=True)
    other_route = models.CharField("其他途径", max_length=200, blank=True)
    missing_materials = models.JSONField("需补正材料", default=list, blank=True)
    escalation_target = models.ForeignKey(
        Centre, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="提级至"
    )
    escalation_opinion = models.TextField("提级意见", blank=True)
    escalation_from_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    merged_into = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_cases",
        verbose_name="合并至",
    )

    event_count = models.PositiveIntegerField(default=0)
    last_event_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField("更新时间")

    class Meta:
        verbose_name = "事项"
        verbose_name_plural = "事项"
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="case_state_valid"),
            models.CheckConstraint(condition=Q(people_count__gte=1), name="case_people_positive"),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="case_amount_not_negative"
            ),
        ]
        indexes = [
            # work queues: a centre's cases in one state, newest first
            models.Index(fields=["centre", "state", "-registered_at"], name="case_centre_state"),
            # jurisdiction scope: holding-centre code range, per state
            models.Index(fields=["centre_code", "state"], name="case_centre_code_state"),
            # jurisdiction scope: place code range (cases placed in a region subtree)
            models.Index(fields=["place_code", "registered_at"], name="case_place_code"),
            # overdue and due-soon boards
            models.Index(fields=["state", "handling_due"], name="case_state_handling_due"),
            # handler's own list
            models.Index(fields=["handler", "state"], name="case_handler_state"),
            # work lists, newest first: walk from the newest end, checking the place range on the
            # index entry, and stop after a page (no sort of the whole jurisdiction)
            models.Index(fields=["-registered_at", "-id", "place_code"], name="case_recent"),
            models.Index(
                fields=["state", "-registered_at", "-id", "place_code"], name="case_state_recent"
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"


class CaseUnit(models.Model):
    """A unit the case was dispatched to: lead (牵头) or assisting (配合), with its sign-for state."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="units")
    unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="case_assignments", verbose_name="单位"
    )
    role = models.CharField("角色", max_length=10, choices=UnitRole.choices)
    status = models.CharField(
        "状态", max_length=10, choices=UnitStatus.choices, default=UnitStatus.PENDING
    )
    active = models.BooleanField(default=True)
    dispatched_at = models.DateTimeField("分流时间")
    signed_at = models.DateTimeField("签收时间", null=True, blank=True)
    returned_reason = models.TextField("退回理由", blank=True)
    note = models.TextField("办理意见", blank=True)

    class Meta:
        verbose_name = "承办单位"
        verbose_name_plural = "承办单位"
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(active=True, role="lead"),
                name="caseunit_one_active_lead",
            ),
            models.UniqueConstraint(
                fields=["case", "unit"], condition=Q(active=True), name="caseunit_unit_once_active"
            ),
        ]
        indexes = [
            # a unit handler's queue: active assignments of my unit
            models.Index(fields=["unit", "active", "status"], name="caseunit_unit_queue"),
        ]

    def __str__(self):
        return f"{self.unit}（{self.get_role_display()}·{self.get_status_display()}）"


class CaseWatcher(models.Model):
    """A centre that handed the case on (escalated or delegated) keeps read-only sight of it."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="watchers")
    centre = models.ForeignKey(Centre, models.CASCADE, related_name="watched_cases")
    reason = models.CharField(max_length=20)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "centre"], name="casewatcher_unique")
        ]


class CaseLink(models.Model):
    case = models.ForeignKey(Case, models.CASCADE, related_name="links")
    other = models.ForeignKey(Case, models.CASCADE, related_name="+")
    note = models.CharField("关联说明", max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "other"], name="caselink_unique"),
            models.CheckConstraint(condition=~Q(case=models.F("other")), name="caselink_not_self"),
        ]


class CaseNumberSequence(models.Model):
    """The last number given per county and year; locked while a number is taken, never reused."""

    county_code = models.CharField(max_length=6)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["county_code", "year"], name="casenumber_unique")
        ]
