"""Routing rules, risk settings and classifier versions, edited by the system administrator.
Case content (decisions, warnings) stays out of the admin: administrators never see cases."""

from django import forms
from django.contrib import admin

from jiefen.cases.choices import MatterType, RiskLevel
from jiefen.org.admin_site import SYSTEM, RoleGatedAdmin, admin_site
from jiefen.org.models import Unit
from jiefen.triage.models import ClassifierModel, RiskPolicy, RiskSignal, RoutingRule


class RoutingRuleForm(forms.ModelForm):
    matter_types = forms.MultipleChoiceField(
        label="事项类型",
        choices=MatterType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="不选表示任意事项类型",
    )
    risk_levels = forms.MultipleChoiceField(
        label="风险等级",
        choices=RiskLevel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="不选表示任意风险等级",
    )
    assist_unit_kinds = forms.MultipleChoiceField(
        label="配合单位类别",
        choices=Unit.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RoutingRule
        fields = [
            "name",
            "priority",
            "active",
            "stop",
            "reason",
            "matter_types",
            "categories",
            "region",
            "min_people",
            "max_people",
            "min_amount",
            "max_amount",
            "is_group",
            "keywords",
            "risk_levels",
            "target_level",
            "target_centre",
            "lead_unit_kind",
            "lead_unit",
            "assist_unit_kinds",
            "deadline_policy",
        ]

    def clean(self):
        data = super().clean()
        outputs = (
            "target_level",
            "target_centre",
            "lead_unit_kind",
            "lead_unit",
            "assist_unit_kinds",
            "deadline_policy",
        )
        if not any(data.get(name) for name in outputs):
            raise forms.ValidationError(
                "规则至少要给出一项建议（办理层级、中心、牵头单位、配合单位或时限）"
            )
        return data


@admin.register(RoutingRule, site=admin_site)
class RoutingRuleAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    form = RoutingRuleForm
    list_display = ["priority", "name", "target_level", "lead_unit_kind", "stop", "active"]
    list_display_links = ["name"]
    list_editable = ["priority", "active"]
    list_filter = ["active", "target_level", "lead_unit_kind"]
    search_fields = ["name", "keywords", "reason"]
    filter_horizontal = ["categories"]
    autocomplete_fields = []
    fieldsets = [
        (None, {"fields": ["name", "priority", "active", "stop", "reason"]}),
        (
            "条件（留空表示不限）",
            {
                "fields": [
                    "matter_types",
                    "categories",
                    "region",
                    ("min_people", "max_people"),
                    ("min_amount", "max_amount"),
                    "is_group",
                    "keywords",
                    "risk_levels",
                ]
            },
        ),
        (
            "建议",
            {
                "fields": [
                    "target_level",
                    "target_centre",
                    "lead_unit_kind",
                    "lead_unit",
                    "assist_unit_kinds",
                    "deadline_policy",
                ]
            },
        ),
    ]


@admin.register(RiskPolicy, site=admin_site)
class RiskPolicyAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = [
        "__str__",
        "red_min",
        "orange_min",
        "yellow_min",
        "blue_min",
        "similar_window_days",
        "similar_min_score",
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not RiskPolicy.objects.exists()


@admin.register(RiskSignal, site=admin_site)
class RiskSignalAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["name", "code", "weight", "threshold", "enabled"]
    list_editable = ["weight", "threshold", "enabled"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False  # the set of signals is fixed in code (triage/risk.py); weights are tuned here


@admin.register(ClassifierModel, site=admin_site)
class ClassifierModelAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = [
        "version",
        "created_at",
        "bootstrap_examples",
        "case_examples",
        "training_seconds",
        "active",
    ]
    exclude = ["blob"]
    readonly_fields = [
        "version",
        "created_at",
        "created_by",
        "seed",
        "bootstrap_examples",
        "case_examples",
        "categories",
        "metrics",
        "training_seconds",
        "sha256",
        "active",
    ]

    def has_add_permission(self, request):
        return False
