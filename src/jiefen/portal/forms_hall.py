"""Forms of leader reception and the hall. They only parse (Chinese messages); the services in
reception.py and hall.py judge and write."""

from django import forms

from jiefen.cases.choices import MatterType
from jiefen.core.errors import InvalidIdentifier
from jiefen.core.identifiers import parse_mobile
from jiefen.org.models import Category, Level
from jiefen.org.selectors import regions_in_scope
from jiefen.portal import reception

TEXTAREA = forms.Textarea(attrs={"rows": 4})


def _mobile(value) -> str:
    try:
        return parse_mobile(value)
    except InvalidIdentifier as exc:
        raise forms.ValidationError(exc.message, code=exc.code) from None


class BookingForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=40, error_messages={"required": "请填写姓名"})
    phone = forms.CharField(
        label="手机号码",
        max_length=20,
        error_messages={"required": "请填写手机号码"},
        widget=forms.TextInput(
            attrs={"type": "tel", "inputmode": "numeric", "autocomplete": "tel"}
        ),
    )
    topic = forms.CharField(
        label="反映事项",
        max_length=1000,
        widget=TEXTAREA,
        error_messages={"required": "请简要填写要反映的事项"},
        help_text="简要说明要向领导反映的问题，如涉及的地点、对方和诉求（1000 字以内）。",
    )

    def clean_phone(self):
        return _mobile(self.cleaned_data["phone"])


class CancelForm(forms.Form):
    phone = forms.CharField(
        label="预约时填写的手机号码",
        max_length=20,
        error_messages={"required": "请填写手机号码"},
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "numeric"}),
    )
    code = forms.CharField(
        label="预约码",
        max_length=12,
        error_messages={"required": "请填写预约码"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_phone(self):
        return _mobile(self.cleaned_data["phone"])


class LeaderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        place = obj.centre.name if obj.centre_id else ""
        return f"{reception.leader_label(obj)} · {place}"


class ScheduleForm(forms.Form):
    centre = forms.ModelChoiceField(
        label="接访地点",
        queryset=None,
        empty_label="请选择",
        error_messages={"invalid_choice": "接访地点不在您的管辖范围内"},
    )
    leader = LeaderChoiceField(
        label="接访领导",
        queryset=None,
        empty_label="请选择",
        error_messages={"invalid_choice": "接访领导须为辖区内的县领导或中心领导"},
    )
    date = forms.DateField(
        label="日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label="开始时间",
        initial="09:00",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label="结束时间",
        initial="11:30",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    topics = forms.CharField(
        label="接访主题",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": "如：征地拆迁、劳动争议、涉农补贴"}),
    )
    capacity = forms.IntegerField(
        label="可预约人数", min_value=1, max_value=reception.MAX_CAPACITY, initial=10
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = reception.reception_centres(user)
        self.fields["centre"].initial = user.centre_id
        self.fields["leader"].queryset = reception.leader_choices(user)

    def clean(self):
        data = super().clean()
        if (
            data.get("start_time")
            and data.get("end_time")
            and data["end_time"] <= data["start_time"]
        ):
            self.add_error("end_time", "结束时间应晚于开始时间")
        return data


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        indent = {Level.TOWN: "　", Level.VILLAGE: "　　"}.get(obj.level, "")
        return f"{indent}{obj.name}"


class ReceiveForm(forms.Form):
    """What the staff member completes when the visitor is received: the rest comes from the booking."""

    matter_type = forms.ChoiceField(
        label="事项类型", choices=MatterType.choices, initial=MatterType.PETITION
    )
    category = forms.ModelChoiceField(
        label="纠纷类别",
        queryset=Category.objects.filter(active=True),
        empty_label="请选择",
        error_messages={"required": "请选择纠纷类别"},
    )
    region = RegionChoiceField(
        label="事发地",
        queryset=None,
        empty_label="请选择",
        error_messages={"required": "请选择事发地", "invalid_choice": "事发地不在本中心辖区内"},
    )
    title = forms.CharField(label="标题", required=False, max_length=100)
    description = forms.CharField(
        label="事项概要",
        max_length=4000,
        widget=TEXTAREA,
        error_messages={"required": "请填写事项概要"},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = (
            regions_in_scope(user).only("pk", "code", "name", "level").order_by("code")
        )


class DayForm(forms.Form):
    date = forms.DateField(
        label="日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class RateForm(forms.Form):
    score = forms.TypedChoiceField(
        label="您对本次服务的评价",
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(5, "非常满意"), (4, "满意"), (3, "一般"), (2, "不太满意"), (1, "不满意")],
        error_messages={
            "required": "请选择 1 至 5 星的评价",
            "invalid_choice": "请选择 1 至 5 星的评价",
        },
    )
    comment = forms.CharField(
        label="意见建议（选填）",
        required=False,
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    ticket_number = forms.CharField(
        label="排队号（选填）",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"placeholder": "如 A003", "autocomplete": "off"}),
    )


class NoticeForm(forms.Form):
    text = forms.CharField(
        label="公告内容", max_length=200, error_messages={"required": "请填写公告内容"}
    )
