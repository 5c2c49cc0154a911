"""The public side: online submissions, SMS to citizens, service feedback, leader reception,
and the hall's queue tickets, windows, display notices and service ratings."""

from django.db import models

from jiefen.cases.models import Case
from jiefen.core.fields import EncryptedTextField
from jiefen.org.models import Centre, User


class OnlineSubmission(models.Model):
    """What the citizen chose when filing online, beside the case it created."""

    class Mode(models.TextChoices):
        ONLINE_MEDIATION = "online", "线上调解"
        APPOINTMENT = "appointment", "预约到中心"

    class Period(models.TextChoices):
        MORNING = "am", "上午（9:00–12:00）"
        AFTERNOON = "pm", "下午（14:00–17:00）"

    case = models.OneToOneField(Case, models.CASCADE, related_name="online_submission")
    mode = models.CharField("调解方式", max_length=20, choices=Mode.choices)
    appointment_date = models.DateField("预约日期", null=True, blank=True)
    appointment_period = models.CharField(
        "预约时段", max_length=2, choices=Period.choices, blank=True
    )
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = "网上申请"
        verbose_name_plural = "网上申请"
        indexes = [
            # capacity of an appointment slot: submissions per centre-day-period
            models.Index(fields=["appointment_date", "appointment_period"], name="submission_slot"),
        ]

    def __str__(self):
        return f"{self.case.number} {self.get_mode_display()}"


class RateHit(models.Model):
    """One counted attempt for a rate limit (key = "submit-ip:1.2.3.4", "track-ip:…", …)."""

    key = models.CharField(max_length=120)
    at = models.DateTimeField()

    class Meta:
        indexes = [
            # "how many hits for this key since T"
            models.Index(fields=["key", "at"], name="ratehit_key_at"),
        ]

    def __str__(self):
        return f"{self.key} {self.at}"


class SmsMessage(models.Model):
    """Every text message to a citizen; the default backend only writes here and to the log."""

    phone = EncryptedTextField("手机号码", hash_field="phone_hash")
    phone_hash = models.CharField(max_length=64)
    text = models.TextField("内容")
    topic = models.CharField("类型", max_length=40)
    case = models.ForeignKey(
        Case, models.SET_NULL, null=True, blank=True, related_name="sms_messages"
    )
    created_at = models.DateTimeField("生成时间")
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    backend = models.CharField(max_length=60)
    status = models.CharField("状态", max_length=20, default="queued")
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = "短信"
        verbose_name_plural = "短信"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.topic} {self.created_at:%Y-%m-%d %H:%M}"


class ServiceFeedback(models.Model):
    """意见反馈与投诉 about the centre's own service, answered by its staff."""

    class Kind(models.TextChoices):
        SUGGESTION = "suggestion", "意见建议"
        COMPLAINT = "complaint", "投诉"
        PRAISE = "praise", "表扬"

    centre = models.ForeignKey(
        Centre, models.PROTECT, related_name="service_feedback", verbose_name="中心"
    )
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    content = models.TextField("内容")
    name = models.CharField("称呼", max_length=40, blank=True)
    phone = EncryptedTextField("联系电话", blank=True, hash_field="phone_hash")
    phone_hash = models.CharField(max_length=64, blank=True)
    query_code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField("提交时间")
    answer = models.TextField("答复", blank=True)
    answered_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="答复人"
    )
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)

    class Meta:
        verbose_name = "意见反馈与投诉"
        verbose_name_plural = "意见反馈与投诉"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"


class ReceptionSchedule(models.Model):
    """领导接访: which leader receives visitors, when, where, on what topics, for how many."""

    centre = models.ForeignKey(
        Centre, models.PROTECT, related_name="receptions", verbose_name="接访地点"
    )
    leader = models.ForeignKey(
        User, models.PROTECT, related_name="receptions", verbose_name="接访领导"
    )
    date = models.DateField("日期")
    start_time = models.TimeField("开始时间")
    end_time = models.TimeField("结束时间")
    topics = models.CharField("接访主题", max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField("可预约人数", default=10)
    published = models.BooleanField("已公布", default=True)
    created_by = models.ForeignKey(User, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "领导接访安排"
        verbose_name_plural = "领导接访安排"
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="reception_times_ordered",
            )
        ]

    def __str__(self):
        return f"{self.date} {self.leader.full_name}"


class ReceptionBooking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", "已预约"
        CANCELLED = "cancelled", "已取消"
        RECEIVED = "received", "已接待"

    schedule = models.ForeignKey(ReceptionSchedule, models.PROTECT, related_name="bookings")
    name = models.CharField("姓名", max_length=40)
    phone = EncryptedTextField("手机号码", hash_field="phone_hash")
    phone_hash = models.CharField(max_length=64)
    topic = models.TextField("反映事项")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.BOOKED)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField("预约时间")
    reminded_at = models.DateTimeField("提醒时间", null=True, blank=True)
    case = models.OneToOneField(
        Case, models.SET_NULL, null=True, blank=True, related_name="reception_booking"
    )

    class Meta:
        verbose_name = "接访预约"
        verbose_name_plural = "接访预约"
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.schedule} {self.name}"


class HallWindow(models.Model):
    centre = models.ForeignKey(Centre, models.CASCADE, related_name="windows")
    number = models.PositiveSmallIntegerField("窗口号")
    name = models.CharField("窗口名称", max_length=40)
    business_types = models.JSONField("办理业务", default=list)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "受理窗口"
        verbose_name_plural = "受理窗口"
        ordering = ["centre", "number"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "number"], name="hallwindow_unique")
        ]

    def __str__(self):
        return f"{self.number} 号窗口 {self.name}"


class QueueTicket(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "等候中"
        CALLED = "called", "已叫号"
        SERVING = "serving", "办理中"
        DONE = "done", "已办结"
        SKIPPED = "skipped", "过号"

    centre = models.ForeignKey(Centre, models.PROTECT, related_name="tickets")
    date = models.DateField("日期")
    business_type = models.CharField("业务类型", max_length=20)
    seq = models.PositiveIntegerField()
    number = models.CharField("号码", max_length=10)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.WAITING)
    window = models.ForeignKey(
        HallWindow, models.SET_NULL, null=True, blank=True, related_name="tickets"
    )
    created_at = models.DateTimeField("取号时间")
    called_at = models.DateTimeField("叫号时间", null=True, blank=True)
    call_count = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    served_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    case = models.ForeignKey(Case, models.SET_NULL, null=True, blank=True, related_name="tickets")

    class Meta:
        verbose_name = "排队号"
        verbose_name_plural = "排队号"
        ordering = ["date", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "date", "business_type", "seq"], name="ticket_unique"
            ),
        ]
        indexes = [
            # the next waiting ticket of a type, and the display's counts
            models.Index(
                fields=["centre", "date", "status", "business_type", "seq"], name="ticket_queue"
            ),
        ]

    def __str__(self):
        return self.number


class ServiceRating(models.Model):
    centre = models.ForeignKey(Centre, models.PROTECT, related_name="ratings")
    ticket = models.ForeignKey(
        QueueTicket, models.SET_NULL, null=True, blank=True, related_name="ratings"
    )
    score = models.PositiveSmallIntegerField("评分")
    comment = models.CharField("意见", max_length=200, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = "服务评价"
        verbose_name_plural = "服务评价"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="rating_score_range"
            )
        ]

    def __str__(self):
        return f"{self.score} 分"


class HallNotice(models.Model):
    centre = models.ForeignKey(Centre, models.CASCADE, related_name="notices")
    text = models.CharField("公告内容", max_length=200)
    active = models.BooleanField("显示", default=True)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = "大厅公告"
        verbose_name_plural = "大厅公告"
        ordering = ["-created_at"]

    def __str__(self):
        return self.text
