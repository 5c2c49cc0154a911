from django.db import models


class AuditEntry(models.Model):
    """One security-relevant act. Append-only: a database trigger refuses UPDATE and DELETE, and
    each row carries the hash of the row before it, so `jiefen verify-audit` finds a row that was
    changed or removed even by someone who dropped the trigger."""

    class Outcome(models.TextChoices):
        SUCCESS = "success", "成功"
        FAILURE = "failure", "失败"

    seq = models.BigIntegerField("序号", unique=True)
    at = models.DateTimeField("时间")
    event = models.CharField("事件", max_length=40)
    outcome = models.CharField("结果", max_length=10, choices=Outcome.choices)
    actor_id = models.BigIntegerField("用户ID", null=True, blank=True)
    actor_username = models.CharField("用户名", max_length=150, blank=True)
    ip = models.GenericIPAddressField("IP 地址", null=True, blank=True)
    target = models.CharField("对象", max_length=200, blank=True)
    detail = models.JSONField("详情", default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["seq"]
        indexes = [
            # the audit administrator's search: one user's acts over a period
            models.Index(fields=["actor_username", "at"], name="audit_actor_at"),
            # the audit administrator's filter by kind of event over a period
            models.Index(fields=["event", "at"], name="audit_event_at"),
        ]

    def __str__(self):
        return f"#{self.seq} {self.at:%Y-%m-%d %H:%M:%S} {self.event} {self.actor_username}"


class AuditHead(models.Model):
    """The single row that serialises appends and remembers the last hash and the row count, so
    that deleting the newest rows (which leaves no gap behind) is detected too."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_hash = models.CharField(max_length=64)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="audithead_singleton")]


class CalendarYear(models.Model):
    """A year whose holiday and make-up-day schedule is known. A year missing here is counted
    weekends-only, with a warning, until an administrator enters its schedule."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    source = models.CharField("来源", max_length=40, default="chinese-calendar")
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "节假日年度"
        verbose_name_plural = "节假日年度"
        ordering = ["year"]

    def __str__(self):
        return f"{self.year} 年"


class CalendarDay(models.Model):
    """A day whose status differs from the Monday–Friday rule: a holiday on a weekday
    (is_workday=False) or a make-up working day (调休) on a weekend (is_workday=True)."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否工作日")
    name = models.CharField("名称", max_length=40, blank=True)

    class Meta:
        verbose_name = "节假日与调休"
        verbose_name_plural = "节假日与调休"
        ordering = ["date"]

    def __str__(self):
        kind = "调休上班" if self.is_workday else "放假"
        return f"{self.date} {kind} {self.name}"
