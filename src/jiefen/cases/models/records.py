"""What happens to a case besides its state: sessions, agreements, follow-ups, supervision,
extensions and files. Written only by the case actions."""

from django.db import models

from jiefen.cases.choices import ContactMethod, Satisfaction
from jiefen.cases.models.case import Case
from jiefen.org.models import User


class Attachment(models.Model):
    class Kind(models.TextChoices):
        APPLICATION = "application", "申请书/登记表"
        IDENTITY = "identity", "身份证明"
        EVIDENCE = "evidence", "证据材料"
        SUPPLEMENT = "supplement", "补正材料"
        RECORD = "record", "调解记录"
        AGREEMENT = "agreement", "调解协议（签字盖章扫描件）"
        PERFORMANCE = "performance", "履行凭证"
        OTHER = "other", "其他"

    class Retention(models.TextChoices):
        THREE_MONTHS = "3m", "3 个月"
        ONE_YEAR = "1y", "1 年"
        PERMANENT = "permanent", "永久"

    case = models.ForeignKey(Case, models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        "cases.CaseEvent", models.PROTECT, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField("文件", upload_to="cases/%Y/%m/")
    original_name = models.CharField("文件名", max_length=200)
    kind = models.CharField("材料类型", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(User, models.PROTECT, null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField("上传时间")
    retention = models.CharField(
        "保管期限", max_length=10, choices=Retention.choices, default=Retention.PERMANENT
    )

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self):
        return self.original_name


class MediationSession(models.Model):
    case = models.ForeignKey(Case, models.CASCADE, related_name="sessions")
    held_at = models.DateTimeField("调解时间")
    place = models.CharField("调解地点", max_length=100)
    mediator = models.ForeignKey(
        User, models.PROTECT, related_name="mediation_sessions", verbose_name="调解员"
    )
    recorder = models.CharField("记录人", max_length=40, blank=True)
    participants = models.TextField("参加人员")
    applicant_account = models.TextField("申请人陈述")
    respondent_account = models.TextField("被申请人陈述", blank=True)
    facts_verified = models.TextField("调查核实情况", blank=True)
    result = models.TextField("调解结果")
    succeeded = models.BooleanField("是否达成协议", default=False)

    class Meta:
        verbose_name = "调解记录"
        verbose_name_plural = "调解记录"
        ordering = ["held_at"]

    def __str__(self):
        return f"{self.case.number} 调解 {self.held_at:%Y-%m-%d}"


class Agreement(models.Model):
    """人民调解协议书 (人民调解法 art. 29)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="agreements")
    session = models.ForeignKey(
        MediationSession, models.PROTECT, null=True, blank=True, related_name="agreements"
    )
    number = models.CharField("协议编号", max_length=40, unique=True)
    facts = models.TextField("主要事实、争议事项及各方责任")
    terms = models.TextField("协议内容")
    performance = models.TextField("履行方式、地点、期限")
    signed_at = models.DateField("签订日期")
    judicial_confirmation_due = models.DateField("申请司法确认截止日", null=True, blank=True)

    class Meta:
        verbose_name = "调解协议"
        verbose_name_plural = "调解协议"

    def __str__(self):
        return self.number


class FollowUp(models.Model):
    case = models.ForeignKey(Case, models.CASCADE, related_name="follow_ups")
    at = models.DateTimeField("回访时间")
    by = models.ForeignKey(User, models.PROTECT, related_name="+", verbose_name="回访人")
    method = models.CharField("回访方式", max_length=20, choices=ContactMethod.choices)
    satisfaction = models.CharField("满意度", max_length=20, choices=Satisfaction.choices)
    performance_status = models.CharField("协议履行情况", max_length=200, blank=True)
    lawsuit_filed = models.BooleanField("是否已起诉", default=False)
    escalation_signs = models.BooleanField("是否有激化迹象", default=False)
    note = models.TextField("回访情况", blank=True)

    class Meta:
        verbose_name = "回访记录"
        verbose_name_plural = "回访记录"
        ordering = ["at"]


class Supervision(models.Model):
    class Kind(models.TextChoices):
        SUPERVISE = "supervise", "督办"
        URGE = "urge", "催办"

    case = models.ForeignKey(Case, models.CASCADE, related_name="supervisions")
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    by = models.ForeignKey(User, models.PROTECT, related_name="+", verbose_name="督办人")
    at = models.DateTimeField("时间")
    due = models.DateField("办理时限", null=True, blank=True)
    note = models.TextField("督办意见")
    closed_at = models.DateTimeField("解除时间", null=True, blank=True)

    class Meta:
        verbose_name = "督办催办"
        verbose_name_plural = "督办催办"
        ordering = ["at"]
        indexes = [
            # the supervision board: open supervisions by due date
            models.Index(fields=["kind", "closed_at", "due"], name="supervision_open_due"),
        ]


class Extension(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "待审批"
        GRANTED = "granted", "已批准"
        DENIED = "denied", "未批准"

    case = models.ForeignKey(Case, models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(User, models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间")
    days = models.PositiveIntegerField("延期天数")
    reason = models.TextField("延期理由")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(User, models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField("审批意见", blank=True)

    class Meta:
        verbose_name = "延期申请"
        verbose_name_plural = "延期申请"
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(status="pending"), name="extension_one_pending"
            ),
        ]
