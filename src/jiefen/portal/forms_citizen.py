"""The citizen's forms: plain-language choices, Chinese messages, no writes (citizen.py writes)."""

from django import forms
from django.urls import reverse

from jiefen.cases.choices import MatterType, Satisfaction
from jiefen.cases.errors import CaseError
from jiefen.cases.parties import normalise_phone
from jiefen.core import clock
from jiefen.core.errors import InvalidIdentifier
from jiefen.core.identifiers import parse_citizen_id, parse_mobile
from jiefen.org.models import Category
from jiefen.portal import captcha
from jiefen.portal.citizen import (
    PLAIN_CATEGORY,
    Submission,
    appointment_dates,
    counties_with_towns,
    public_centres,
    villages_of,
)
from jiefen.portal.models import OnlineSubmission, ServiceFeedback

MAX_FILES = 5
MATTER_CHOICES = [
    (MatterType.DISPUTE, "我和别人有矛盾纠纷，希望调解"),
    (MatterType.LEGAL_CONSULT, "我想咨询法律问题"),
    (MatterType.COMPLAINT, "我要投诉或举报"),
    (MatterType.PETITION, "我有诉求要向政府反映（信访）"),
    (MatterType.HELP, "我遇到困难，需要帮助"),
    (MatterType.PSYCH, "我需要心理疏导"),
]
PERIOD_CHOICES = [("", "请选择时段")] + list(OnlineSubmission.Period.choices)
WEEKDAYS = "一二三四五六日"
REQUIRED = {"required": "此项必填"}


def _field_error(exc) -> forms.ValidationError:
    return forms.ValidationError(exc.message)


def category_choices():
    rows = (
        Category.objects.filter(active=True)
        .exclude(source=Category.Source.GRID)
        .order_by("sort", "code")
    )
    return [("", "请选择纠纷类型")] + [
        (str(c.pk), PLAIN_CATEGORY.get(c.code, c.name)) for c in rows
    ]


def town_choices():
    groups = [
        (county.name, [(t.code, t.name) for t in towns]) for county, towns in counties_with_towns()
    ]
    if len(groups) == 1:  # one county: no need to group
        return [("", "请选择镇（街道）")] + groups[0][1]
    return [("", "请选择镇（街道）")] + groups


class SubmitForm(forms.Form):
    matter_type = forms.ChoiceField(
        label="您要办理什么事",
        choices=MATTER_CHOICES,
        initial=MatterType.DISPUTE,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择您要办理的事项"},
    )
    category = forms.TypedChoiceField(
        label="属于哪一类", coerce=int, error_messages={"required": "请选择纠纷类型"}
    )
    description = forms.CharField(
        label="发生了什么事",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": "请写清楚事情经过、您的诉求"}),
        error_messages={
            "required": "请填写事情经过和您的诉求",
            "max_length": "事情经过不能超过 4000 字",
        },
    )
    town = forms.ChoiceField(
        label="事发镇（街道）",
        error_messages={
            "required": "请选择事发的镇（街道）",
            "invalid_choice": "请选择事发的镇（街道）",
        },
    )
    village = forms.CharField(label="事发村（社区）", required=False, widget=forms.Select)
    address = forms.CharField(
        label="详细地点",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": "如：三组12号门口"}),
    )
    occurred_on = forms.DateField(
        label="什么时候发生的",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "请填写正确的日期"},
    )
    people_count = forms.IntegerField(
        label="涉及多少人",
        min_value=1,
        max_value=100000,
        initial=1,
        error_messages={
            "required": "请填写涉及人数",
            "invalid": "涉及人数应为整数",
            "min_value": "涉及人数至少为 1",
            "max_value": "涉及人数过大",
        },
    )
    amount = forms.DecimalField(
        label="涉及金额（元，可不填）",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={
            "invalid": "金额应为数字",
            "min_value": "金额不能为负数",
            "max_digits": "金额过大",
            "max_decimal_places": "金额最多保留两位小数",
        },
    )
    respondent_name = forms.CharField(label="对方姓名或单位名称", required=False, max_length=100)
    respondent_phone = forms.CharField(
        label="对方联系电话（可不填）",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    applicant_name = forms.CharField(
        label="您的姓名", max_length=40, error_messages={"required": "请填写您的姓名"}
    )
    applicant_phone = forms.CharField(
        label="您的手机号码",
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"required": "请填写您的手机号码，用于接收办理进度短信"},
    )
    applicant_id = forms.CharField(
        label="您的身份证号码（可不填）",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    mode = forms.ChoiceField(
        label="希望怎样办理",
        choices=OnlineSubmission.Mode.choices,
        initial=OnlineSubmission.Mode.ONLINE_MEDIATION,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择办理方式"},
    )
    appointment_date = forms.ChoiceField(
        label="预约日期",
        required=False,
        error_messages={"invalid_choice": "预约日期须为今后 10 个工作日之一"},
    )
    appointment_period = forms.ChoiceField(
        label="预约时段",
        required=False,
        choices=PERIOD_CHOICES,
        error_messages={"invalid_choice": "请选择上午或下午"},
    )
    captcha = forms.CharField(
        label="验证码",
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "请填写验证码"},
    )

    def __init__(self, *args, request=None, files_list=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.request, self.files_list = request, list(files_list)
        self.fields["category"].choices = category_choices()
        self.fields["town"].choices = town_choices()
        # htmx loads the chosen town's villages into the village select
        self.fields["town"].widget.attrs.update(
            {
                "hx-get": reverse("portal_villages"),
                "hx-target": "#id_village",
                "hx-trigger": "change",
            }
        )
        town = self.data.get("town") if self.is_bound else ""
        self.fields["village"].widget.choices = (
            [("", "（镇街本级 / 不清楚）")] + [(v.code, v.name) for v in villages_of(town)]
            if town
            else [("", "请先选择镇（街道）")]
        )
        self.fields["appointment_date"].choices = [("", "请选择日期")] + [
            (d.isoformat(), f"{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}")
            for d in appointment_dates()
        ]

    def clean_description(self):
        value = self.cleaned_data["description"].strip()
        if len(value) < 10:
            raise forms.ValidationError("请把事情经过写具体一些（至少 10 个字）")
        return value

    def clean_applicant_phone(self):
        try:
            return parse_mobile(self.cleaned_data["applicant_phone"])
        except InvalidIdentifier as exc:
            raise _field_error(exc) from None

    def clean_applicant_id(self):
        value = self.cleaned_data["applicant_id"].strip()
        if not value:
            return ""
        try:
            return parse_citizen_id(value).number
        except InvalidIdentifier as exc:
            raise _field_error(exc) from None

    def clean_respondent_phone(self):
        try:
            return normalise_phone(self.cleaned_data["respondent_phone"])
        except CaseError as exc:
            raise forms.ValidationError(
                exc.message.replace("联系电话", "对方联系电话", 1)
            ) from None

    def clean_occurred_on(self):
        value = self.cleaned_data["occurred_on"]
        if value and value > clock.today():
            raise forms.ValidationError("发生日期不能晚于今天")
        return value

    def clean_captcha(self):
        if not captcha.verify(self.request, "submit", self.cleaned_data["captcha"]):
            raise forms.ValidationError(captcha.MESSAGE)
        return ""

    def clean(self):
        data = super().clean()
        if data.get("respondent_phone") and not data.get("respondent_name", "").strip():
            self.add_error("respondent_name", "填写了对方电话的，请一并填写对方姓名或称呼")
        if data.get("mode") == OnlineSubmission.Mode.APPOINTMENT:
            if not data.get("appointment_date"):
                self.add_error("appointment_date", "预约到中心的，请选择日期")
            if not data.get("appointment_period"):
                self.add_error("appointment_period", "预约到中心的，请选择上午或下午")
        if len(self.files_list) > MAX_FILES:
            self.add_error(None, f"最多上传 {MAX_FILES} 个文件")
        return data

    def submission(self, place) -> Submission:
        from datetime import date, datetime

        d = self.cleaned_data
        applicant = {"name": d["applicant_name"].strip(), "phone": d["applicant_phone"]}
        if d["applicant_id"]:
            applicant["id_number"] = d["applicant_id"]
        respondent = None
        if d["respondent_name"].strip():
            respondent = {"name": d["respondent_name"].strip()}
            if d["respondent_phone"]:
                respondent["phone"] = d["respondent_phone"]
        appointment = d["mode"] == OnlineSubmission.Mode.APPOINTMENT
        return Submission(
            matter_type=d["matter_type"],
            category=d["category"],
            description=d["description"],
            place=place,
            applicant=applicant,
            respondent=respondent,
            address=d["address"].strip(),
            occurred_at=datetime.combine(d["occurred_on"], datetime.min.time())
            if d["occurred_on"]
            else None,
            people_count=d["people_count"],
            amount=d["amount"],
            mode=d["mode"],
            appointment_date=date.fromisoformat(d["appointment_date"]) if appointment else None,
            appointment_period=d["appointment_period"] if appointment else "",
            files=self.files_list,
        )


class TrackForm(forms.Form):
    number = forms.CharField(
        label="事项编号",
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "placeholder": "如 990121-2026-0000123"}
        ),
        error_messages={"required": "请填写事项编号"},
    )
    code = forms.CharField(
        label="查询码",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": "请填写查询码"},
    )
    captcha = forms.CharField(
        label="验证码",
        required=False,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, request=None, needs_captcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.request, self.needs_captcha = request, needs_captcha
        if not needs_captcha:
            del self.fields["captcha"]

    def clean_captcha(self):
        if not captcha.verify(self.request, "track", self.cleaned_data.get("captcha")):
            raise forms.ValidationError(captcha.MESSAGE)
        return ""


class SupplementForm(forms.Form):
    note = forms.CharField(
        label="补正说明",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "说明补交了哪些材料"}),
        error_messages={"max_length": "补正说明不能超过 2000 字"},
    )


class RateForm(forms.Form):
    satisfaction = forms.ChoiceField(
        label="您对办理结果的评价",
        choices=Satisfaction.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "请选择满意、基本满意或不满意",
            "invalid_choice": "请选择满意、基本满意或不满意",
        },
    )
    comment = forms.CharField(
        label="意见和建议（可不填）",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "意见不能超过 500 字"},
    )


class FeedbackForm(forms.Form):
    centre = forms.TypedChoiceField(
        label="反馈哪个中心",
        coerce=int,
        error_messages={"required": "请选择中心", "invalid_choice": "请选择中心"},
    )
    kind = forms.ChoiceField(
        label="类型",
        choices=ServiceFeedback.Kind.choices,
        widget=forms.RadioSelect,
        initial=ServiceFeedback.Kind.SUGGESTION,
        error_messages={"required": "请选择反馈类型"},
    )
    content = forms.CharField(
        label="内容",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "请填写反馈内容", "max_length": "内容不能超过 2000 字"},
    )
    name = forms.CharField(label="您的称呼（可不填）", required=False, max_length=40)
    phone = forms.CharField(
        label="联系电话（可不填）",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    captcha = forms.CharField(
        label="验证码",
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "请填写验证码"},
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.centres = {c.pk: c for c in public_centres()}
        self.fields["centre"].choices = [("", "请选择中心")] + [
            (pk, c.name) for pk, c in self.centres.items()
        ]

    def clean_phone(self):
        try:
            return normalise_phone(self.cleaned_data["phone"])
        except CaseError as exc:
            raise forms.ValidationError(exc.message) from None

    def clean_captcha(self):
        if not captcha.verify(self.request, "feedback", self.cleaned_data["captcha"]):
            raise forms.ValidationError(captcha.MESSAGE)
        return ""


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="答复内容",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "请填写答复内容", "max_length": "答复不能超过 2000 字"},
    )
