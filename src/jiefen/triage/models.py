"""Routing rules, recorded routing decisions, classifier versions, risk settings and warnings."""

from django.db import models
from django.db.models import Q

from jiefen.cases.choices import RiskLevel
from jiefen.org.models import Category, Centre, Level, Region, Unit, User


class RoutingRule(models.Model):
    """One row of the editable routing table. A rule fires when every condition it sets holds
    (blank conditions match anything). Rules are tried by ``priority`` (smaller first); for each
    output — level, centre, lead unit (kind), assisting unit kinds, deadline policy — the first
    firing rule that sets it decides, later firing rules are listed as overridden."""

    name = models.CharField("规则名称", max_length=80, unique=True)
    priority = models.PositiveSmallIntegerField(
        "优先级", default=100, help_text="数字越小越先匹配；同一输出项由最先命中的规则决定"
    )
    active = models.BooleanField("启用", default=True)
    stop = models.BooleanField(
        "命中后停止", default=False, help_text="命中本规则后不再匹配后面的规则"
    )

    # conditions
    matter_types = models.JSONField(
        "事项类型", default=list, blank=True, help_text="留空表示任意事项类型"
    )
    categories = models.ManyToManyField(
        Category, blank=True, related_name="+", verbose_name="纠纷类别"
    )
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="区划（含下级）",
    )
    min_people = models.PositiveIntegerField("人数不少于", null=True, blank=True)
    max_people = models.PositiveIntegerField("人数少于", null=True, blank=True)
    min_amount = models.DecimalField(
        "金额不少于（元）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_amount = models.DecimalField(
        "金额少于（元）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    is_group = models.BooleanField("群体性", null=True, blank=True)
    keywords = models.CharField(
        "关键词",
        max_length=400,
        blank=True,
        help_text="任一关键词出现在标题或概要中即命中；用顿号、逗号或空格分隔",
    )
    risk_levels = models.JSONField("风险等级", default=list, blank=True)

    # outputs
    target_level = models.CharField(
        "建议办理层级", max_length=10, choices=Level.choices, blank=True
    )
    target_centre = models.ForeignKey(
        Centre, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="建议中心"
    )
    lead_unit_kind = models.CharField(
        "牵头单位类别", max_length=30, choices=Unit.Kind.choices, blank=True
    )
    lead_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="牵头单位"
    )
    assist_unit_kinds = models.JSONField("配合单位类别", default=list, blank=True)
    deadline_policy = models.ForeignKey(
        "cases.DeadlinePolicy",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="适用时限",
    )
    reason = models.CharField("依据说明", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "分流规则"
        verbose_name_plural = "分流规则"
        ordering = ["priority", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_people__isnull=True)
                | Q(max_people__isnull=True)
                | Q(min_people__lt=models.F("max_people")),
                name="rule_people_range",
            ),
            models.CheckConstraint(
                condition=Q(min_amount__isnull=True)
                | Q(max_amount__isnull=True)
                | Q(min_amount__lt=models.F("max_amount")),
                name="rule_amount_range",
            ),
        ]

    def __str__(self):
        return f"{self.priority} {self.name}"


class RoutingDecision(models.Model):
    """What was suggested at one decision point and what staff did: the record that measures
    suggestion quality (采纳率) and the classifier against the category staff chose."""

    class Stage(models.TextChoices):
        CATEGORY = "category", "类别识别"
        LEVEL = "level", "办理层级"
        UNIT = "unit", "承办单位"

    case = models.ForeignKey("cases.Case", models.CASCADE, related_name="routing_decisions")
    stage = models.CharField("环节", max_length=10, choices=Stage.choices)
    action = models.CharField("操作", max_length=30)
    suggested = models.CharField("建议", max_length=100, blank=True)
    suggested_label = models.CharField("建议（名称）", max_length=100, blank=True)
    chosen = models.CharField("实际", max_length=100, blank=True)
    chosen_label = models.CharField("实际（名称）", max_length=100, blank=True)
    followed = models.BooleanField("采纳建议")
    confidence = models.FloatField("置信度", null=True, blank=True)
    rules = models.JSONField("命中规则", default=list, blank=True)
    model_version = models.PositiveIntegerField("模型版本", null=True, blank=True)
    actor = models.ForeignKey(User, models.PROTECT, related_name="+")
    at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "分流建议记录"
        verbose_name_plural = "分流建议记录"
        indexes = [models.Index(fields=["stage", "at"], name="routing_decision_stage_at")]


class ClassifierModel(models.Model):
    """One trained category classifier. Exactly one may be active; predictions use it."""

    version = models.PositiveIntegerField("版本", unique=True)
    created_at = models.DateTimeField("训练时间")
    created_by = models.CharField("训练人", max_length=60, blank=True)
    seed = models.IntegerField("随机种子")
    bootstrap_examples = models.PositiveIntegerField("引导样本数")
    case_examples = models.PositiveIntegerField("结案事项样本数")
    categories = models.JSONField("类别", default=list)
    metrics = models.JSONField("留出集评估", default=dict, blank=True)
    training_seconds = models.FloatField("训练耗时（秒）")
    sha256 = models.CharField(max_length=64)
    blob = models.BinaryField("模型")
    active = models.BooleanField("当前使用", default=False)

    class Meta:
        verbose_name = "分类模型"
        verbose_name_plural = "分类模型"
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=Q(active=True), name="classifier_one_active"
            )
        ]

    def __str__(self):
        return f"v{self.version}"


class RiskPolicy(models.Model):
    """Score thresholds for the four warning colours (one row; edited in the admin)."""

    red_min = models.PositiveSmallIntegerField("红色（一级）不低于", default=70)
    orange_min = models.PositiveSmallIntegerField("橙色（二级）不低于", default=45)
    yellow_min = models.PositiveSmallIntegerField("黄色（三级）不低于", default=25)
    blue_min = models.PositiveSmallIntegerField("蓝色（四级）不低于", default=10)
    repeat_window_days = models.PositiveSmallIntegerField("重复来访统计天数", default=365)
    similar_window_days = models.PositiveSmallIntegerField("相似事项比对天数", default=90)
    similar_min_score = models.FloatField("相似度阈值", default=0.3)

    class Meta:
        verbose_name = "风险研判设置"
        verbose_name_plural = "风险研判设置"
        constraints = [
            models.CheckConstraint(
                condition=Q(red_min__gt=models.F("orange_min"))
                & Q(orange_min__gt=models.F("yellow_min"))
                & Q(yellow_min__gt=models.F("blue_min"))
                & Q(blue_min__gt=0),
                name="risk_thresholds_ordered",
            )
        ]

    def __str__(self):
        return "风险研判设置"


class RiskSignal(models.Model):
    """A weighted signal of the risk score. ``code`` names the check (fixed set, see
    triage/risk.py); staff tune the weight, the threshold and, for word signals, the words."""

    code = models.CharField("信号代码", max_length=30, unique=True)
    name = models.CharField("信号", max_length=40)
    weight = models.PositiveSmallIntegerField("分值")
    threshold = models.DecimalField(
        "阈值",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="人数、金额、次数、天数类信号达到此值才计分",
    )
    keywords = models.TextField(
        "关键词", blank=True, help_text="词语类信号：用顿号、逗号或空格分隔"
    )
    enabled = models.BooleanField("启用", default=True)
    sort = models.PositiveSmallIntegerField("排序", default=100)

    class Meta:
        verbose_name = "风险信号"
        verbose_name_plural = "风险信号"
        ordering = ["sort", "code"]

    def __str__(self):
        return self.name


class RiskWarning(models.Model):
    """A warning raised when a case's risk rises to 红 or 橙; an analyst acknowledges it
    (签收) and records how it was handled (处置)."""

    class Status(models.TextChoices):
        OPEN = "open", "待签收"
        ACKNOWLEDGED = "acknowledged", "处置中"
        HANDLED = "handled", "已处置"

    case = models.ForeignKey("cases.Case", models.CASCADE, related_name="risk_warnings")
    level = models.CharField("预警等级", max_length=10, choices=RiskLevel.choices)
    score = models.PositiveSmallIntegerField("风险分")
    signals = models.JSONField("触发信号", default=list)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.OPEN)
    raised_at = models.DateTimeField("预警时间")
    acknowledged_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="签收人"
    )
    acknowledged_at = models.DateTimeField("签收时间", null=True, blank=True)
    handled_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="处置人"
    )
    handled_at = models.DateTimeField("处置时间", null=True, blank=True)
    measures = models.TextField("处置措施", blank=True)

    class Meta:
        verbose_name = "风险预警"
        verbose_name_plural = "风险预警"
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["status", "-raised_at"], name="risk_warning_status")]

    def __str__(self):
        return f"{self.case.number} {self.get_level_display()}"
