"""Filters, search and sorting for the work queues."""

import re

from django import forms
from django.db.models import Exists, OuterRef, Q

from jiefen.cases.choices import Channel, MatterType, RiskLevel
from jiefen.cases.models import Party
from jiefen.cases.scope import code_range
from jiefen.core import crypto
from jiefen.core.errors import InvalidIdentifier
from jiefen.core.identifiers import parse_citizen_id, parse_mobile
from jiefen.org.models import Category, Level

CASE_NUMBER = re.compile(r"^\d{6}-\d{4}-\d{7}$")
SORTS = {
    "new": ("-registered_at", "-id"),
    "old": ("registered_at", "id"),
    "due": ("handling_due", "id"),
    "number": ("number",),
}


def _blank(choices, label):
    return [("", f"{label}：全部")] + list(choices)


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label="搜索",
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"placeholder": "事项编号、当事人姓名、身份证号、手机号或关键词"}
        ),
    )
    matter_type = forms.ChoiceField(
        label="事项类型", required=False, choices=_blank(MatterType.choices, "事项类型")
    )
    category = forms.ModelChoiceField(
        label="纠纷类别",
        required=False,
        queryset=Category.objects.filter(active=True),
        empty_label="纠纷类别：全部",
    )
    channel = forms.ChoiceField(
        label="来源渠道", required=False, choices=_blank(Channel.choices, "来源渠道")
    )
    level = forms.ChoiceField(
        label="办理层级",
        required=False,
        choices=_blank(
            [c for c in Level.choices if c[0] in ("county", "town", "village")], "办理层级"
        ),
    )
    place = forms.ChoiceField(label="事发地", required=False)
    risk = forms.ChoiceField(
        label="风险等级", required=False, choices=_blank(RiskLevel.choices, "风险等级")
    )
    date_from = forms.DateField(
        label="登记日期自", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="至", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label="排序",
        required=False,
        choices=[
            ("new", "最新登记"),
            ("old", "最早登记"),
            ("due", "期限最近"),
            ("number", "事项编号"),
        ],
    )

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", "事发地：全部")] + [
            (r.code, ("　" if r.level == Level.VILLAGE else "") + r.name) for r in regions
        ]


def apply(cases, form: QueueFilterForm):
    """Narrow a visible_cases queryset by the filter form; unknown or invalid input narrows nothing."""
    if not form.is_valid():
        return cases.order_by(*SORTS["new"])
    data = form.cleaned_data
    for field in ("matter_type", "channel", "level"):
        if data.get(field):
            cases = cases.filter(**{field: data[field]})
    if data.get("category"):
        cases = cases.filter(category=data["category"])
    if data.get("risk"):
        cases = cases.filter(risk_level=data["risk"])
    if data.get("place"):
        prefix = _prefix(data["place"])
        low, high = code_range(prefix)
        cases = cases.filter(place_code__gte=low, place_code__lt=high)
    if data.get("date_from"):
        cases = cases.filter(registered_at__date__gte=data["date_from"])
    if data.get("date_to"):
        cases = cases.filter(registered_at__date__lte=data["date_to"])
    if data.get("q"):
        cases = search(cases, data["q"])
    return cases.order_by(*SORTS.get(data.get("sort") or "new", SORTS["new"]))


def _prefix(code: str) -> str:
    from jiefen.core.identifiers import parse_region_code

    try:
        return parse_region_code(code).prefix
    except InvalidIdentifier:
        return code


def search(cases, text: str):
    """Case number; an ID or phone number by exact keyed-hash match; else a party's name or
    words in the title and description."""
    text = text.strip()
    if CASE_NUMBER.match(text):
        return cases.filter(number=text)
    hashed = _identity_hash(text)
    if hashed is not None:
        field, value = hashed
        return cases.filter(Exists(Party.objects.filter(case=OuterRef("pk"), **{field: value})))
    by_name = Exists(Party.objects.filter(case=OuterRef("pk"), name=text))
    words = Q()
    for word in text.split():
        words &= Q(title__icontains=word) | Q(description__icontains=word)
    return cases.filter(by_name | words)


def _identity_hash(text: str):
    compact = text.replace(" ", "")
    if len(compact) == 18:
        try:
            return "id_hash", crypto.keyed_hash(parse_citizen_id(compact).number)
        except InvalidIdentifier:
            return None
    if re.fullmatch(r"(\+?86)?1[3-9]\d{9}", compact):
        try:
            return "phone_hash", crypto.keyed_hash(parse_mobile(compact))
        except InvalidIdentifier:
            return None
    return None
