"""The window's intake form: the matter, any number of parties, files, and the decision."""

from django import forms

from jiefen.cases.choices import Channel, MatterType, RiskLevel
from jiefen.cases.models import Party
from jiefen.org.models import Category, Level, Region, Unit

TEXTAREA = forms.Textarea(attrs={"rows": 4})
DECISIONS = [
    ("accept", "当场受理"),
    ("materials", "一次性告知（需补正材料）"),
    ("reject", "不予受理"),
    ("register", "仅登记，待审核"),
]

# Typical materials per category for the one-time notice checklist (editable later in the admin).
MATERIALS = [
    "申请人身份证明（身份证复印件）",
    "被申请人的姓名、住址、联系方式",
    "纠纷相关证据（照片、票据、聊天记录等）",
]
MATERIALS_BY_CATEGORY = {
    "劳动争议": ["劳动合同或工作证明（工牌、考勤、工资条）", "欠薪明细或工资支付记录"],
    "道路交通事故": ["交通事故认定书", "医疗费票据及诊断证明", "车辆行驶证、驾驶证复印件"],
    "医疗": ["病历资料、费用清单", "医疗损害鉴定意见（如有）"],
    "房屋宅基地": ["宅基地使用证或不动产权证", "四至界址说明或现场照片"],
    "山林土地": ["土地承包经营权证或林权证", "承包合同"],
    "婚姻家庭": ["结婚证或离婚证明", "户口簿"],
    "物业": ["物业服务合同", "缴费凭证"],
    "消费": ["购物凭证（发票、小票、订单截图）", "商品或服务问题的照片"],
    "合同": ["合同原件或复印件", "付款凭证"],
}


class IntakeForm(forms.Form):
    matter_type = forms.ChoiceField(
        label="事项类型", choices=MatterType.choices, initial=MatterType.DISPUTE
    )
    channel = forms.ChoiceField(label="来源渠道", choices=Channel.choices, initial=Channel.WALK_IN)
    category = forms.ModelChoiceField(
        label="纠纷类别", queryset=Category.objects.filter(active=True), empty_label="请选择"
    )
    title = forms.CharField(
        label="标题",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "可不填，系统按概要生成"}),
    )
    description = forms.CharField(
        label="事项概要", required=False, max_length=4000, widget=TEXTAREA
    )
    town = forms.ChoiceField(
        label="事发镇（街道）",
        required=False,
        error_messages={"invalid_choice": "事发地不在本中心辖区内"},
    )
    region = forms.ChoiceField(
        label="事发村（社区）",
        required=False,
        error_messages={"invalid_choice": "事发地不在本中心辖区内"},
    )
    address = forms.CharField(label="详细地址", required=False, max_length=200)
    occurred_at = forms.DateTimeField(
        label="发生时间",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    people_count = forms.IntegerField(label="涉及人数", min_value=1, initial=1)
    amount = forms.DecimalField(
        label="涉及金额（元）", required=False, min_value=0, max_digits=14, decimal_places=2
    )
    is_group = forms.BooleanField(label="群体性事项", required=False)
    risk_level = forms.ChoiceField(
        label="风险等级", choices=RiskLevel.choices, initial=RiskLevel.NONE
    )
    external_ref = forms.CharField(label="来源系统编号", required=False, max_length=60)
    source_unit = forms.ModelChoiceField(
        label="移送单位", required=False, queryset=Unit.objects.filter(active=True), empty_label="—"
    )
    decision = forms.ChoiceField(
        label="处理", choices=DECISIONS, initial="accept", widget=forms.RadioSelect
    )
    materials = forms.MultipleChoiceField(
        label="需补正的材料", required=False, widget=forms.CheckboxSelectMultiple
    )
    other_materials = forms.CharField(
        label="其他材料（每行一项）", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reject_reason = forms.CharField(
        label="不予受理理由", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    other_route = forms.CharField(label="告知的其他途径", required=False, max_length=200)

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = [("", "请选择")] + [
            (r.code, r.name) for r in regions if r.level in (Level.TOWN, Level.COUNTY)
        ]
        self.fields["region"].choices = [("", "（镇街本级）")] + [
            (r.code, r.name) for r in regions if r.level == Level.VILLAGE
        ]
        materials = list(MATERIALS)
        for extra in MATERIALS_BY_CATEGORY.values():
            materials += [m for m in extra if m not in materials]
        self.fields["materials"].choices = [(m, m) for m in materials]

    def place_code(self) -> str:
        return self.cleaned_data.get("region") or self.cleaned_data.get("town") or ""

    def place(self):
        code = self.place_code()
        return Region.objects.filter(code=code, valid_to__isnull=True).first() if code else None

    def register_kwargs(self, parties, files) -> dict:
        data = self.cleaned_data
        keys = (
            "matter_type",
            "channel",
            "category",
            "title",
            "description",
            "address",
            "occurred_at",
            "people_count",
            "amount",
            "is_group",
            "risk_level",
            "external_ref",
            "source_unit",
        )
        result = {k: data[k] for k in keys}
        place = self.place()
        result["region"] = place.pk if place else None
        result["parties"] = parties
        result["files"] = files
        return result

    def materials_list(self) -> list[str]:
        items = list(self.cleaned_data.get("materials") or [])
        items += [
            line.strip()
            for line in (self.cleaned_data.get("other_materials") or "").splitlines()
            if line.strip()
        ]
        return items


class PartyForm(forms.Form):
    role = forms.ChoiceField(
        label="身份",
        choices=[
            ("applicant", "申请人"),
            ("respondent", "被申请人"),
            ("third_party", "第三人"),
            ("agent", "代理人"),
        ],
    )
    kind = forms.ChoiceField(label="类型", choices=Party.Kind.choices, initial=Party.Kind.PERSON)
    name = forms.CharField(label="姓名/名称", required=False, max_length=100)
    id_number = forms.CharField(
        label="身份证号码",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"class": "id-number", "autocomplete": "off"}),
    )
    sex = forms.ChoiceField(
        label="性别", required=False, choices=[("", "—")] + list(Party.Sex.choices)
    )
    birth_date = forms.DateField(
        label="出生日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ethnicity = forms.CharField(label="民族", required=False, max_length=20, initial="汉族")
    phone = forms.CharField(label="联系电话", required=False, max_length=20)
    address = forms.CharField(label="住址", required=False, max_length=200)
    occupation = forms.CharField(label="职业/单位", required=False, max_length=60)
    credit_code = forms.CharField(label="统一社会信用代码", required=False, max_length=18)
    representative = forms.CharField(label="法定代表人", required=False, max_length=40)

    def as_party(self) -> dict | None:
        data = {k: v for k, v in self.cleaned_data.items() if v not in ("", None)}
        if not data.get("name") and not data.get("id_number") and not data.get("phone"):
            return None  # an untouched extra row
        return data


PartyFormSet = forms.formset_factory(PartyForm, extra=0, min_num=1, max_num=50)
