"""One small form per lifecycle action. A form only parses; ``perform`` judges. ``kwargs()``
gives the arguments for perform."""

from django import forms

from jiefen.cases.choices import Action, ContactMethod, Outcome, RiskLevel, Route, Satisfaction
from jiefen.cases.models import Case
from jiefen.org.models import Centre, Unit, User
from jiefen.org.roles import SERVICE_ROLES

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class ActionForm(forms.Form):
    files_field: str | None = None

    def __init__(self, *args, case: Case, user, **kwargs):
        self.case, self.user = case, user
        super().__init__(*args, **kwargs)

    def kwargs(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "files"}
        if self.files_field:
            data["files"] = self.files.getlist("files") if self.files else []
        return data


class NoteForm(ActionForm):
    note = forms.CharField(label="说明", required=False, widget=TEXTAREA, max_length=2000)


class ReasonForm(ActionForm):
    reason = forms.CharField(label="理由", widget=TEXTAREA, max_length=2000)


class RequestMaterialsForm(ActionForm):
    items = forms.CharField(
        label="需补正的材料（每行一项）", widget=forms.Textarea(attrs={"rows": 5})
    )
    note = forms.CharField(label="说明", required=False, widget=TEXTAREA)

    def kwargs(self):
        return {
            "items": [
                line.strip() for line in self.cleaned_data["items"].splitlines() if line.strip()
            ],
            "note": self.cleaned_data["note"],
        }


class SupplementForm(ActionForm):
    files_field = "files"
    note = forms.CharField(label="补正说明", required=False, widget=TEXTAREA)


class RejectForm(ActionForm):
    reason = forms.CharField(label="不予受理理由", widget=TEXTAREA, max_length=2000)
    other_route = forms.CharField(
        label="告知的其他途径",
        max_length=200,
        widget=forms.TextInput(
            attrs={"placeholder": "如：向人民法院起诉、申请劳动仲裁、向有关行政机关反映"}
        ),
    )


class DispatchForm(ActionForm):
    units = forms.ModelMultipleChoiceField(
        label="承办单位（可多选）",
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    lead = forms.ModelChoiceField(label="牵头单位", queryset=Unit.objects.none())
    note = forms.CharField(label="分流意见", required=False, widget=TEXTAREA)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        county = str(self.case.centre_code)[:6]
        units = Unit.objects.filter(active=True, region__code__startswith=county).order_by("name")
        self.fields["units"].queryset = units
        self.fields["lead"].queryset = units
        if not self.is_bound:
            self._preselect_suggestion(units)

    def _preselect_suggestion(self, units):
        """Tick the units the routing rules suggest (lead, then assisting kinds); staff may
        change them, and what they send is recorded against the suggestion."""
        from jiefen.triage import rules

        suggestion = rules.suggest(rules.Facts.of_case(self.case))
        units = list(units)
        lead = suggestion.unit_for(units)
        if lead is None:
            return
        chosen = [lead.pk]
        for kind in suggestion.assist_unit_kinds:
            helper = next((u for u in units if u.kind == kind and u.pk not in chosen), None)
            if helper is not None:
                chosen.append(helper.pk)
        self.initial.setdefault("lead", lead.pk)
        self.initial.setdefault("units", chosen)

    def kwargs(self):
        return {
            "units": list(self.cleaned_data["units"]),
            "lead": self.cleaned_data["lead"],
            "note": self.cleaned_data["note"],
        }


class DelegateForm(ActionForm):
    centre = forms.ModelChoiceField(label="指派给下级中心", queryset=Centre.objects.none())
    note = forms.CharField(label="指派意见", widget=TEXTAREA)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.case.centre.region
        self.fields["centre"].queryset = Centre.objects.filter(region__parent=region).order_by(
            "region__code"
        )


class AssignForm(ActionForm):
    handler = forms.ModelChoiceField(label="承办人", queryset=User.objects.none())
    note = forms.CharField(label="说明", required=False, widget=TEXTAREA)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = (
            User.objects.filter(centre=self.case.centre_id, unit__isnull=True, is_active=True)
            .exclude(role_assignments__role__in=SERVICE_ROLES)
            .order_by("username")
        )
        self.fields["handler"].label_from_instance = (
            lambda u: f"{u.full_name}（{u.job_title or '工作人员'}）"
        )


class SessionForm(ActionForm):
    files_field = "files"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils import timezone

        from jiefen.core import clock

        self.fields["held_at"].initial = timezone.localtime(clock.now()).strftime("%Y-%m-%dT%H:%M")
        self.fields["place"].initial = f"{self.case.centre.name}调解室"

    held_at = forms.DateTimeField(
        label="调解时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label="调解地点", max_length=100)
    participants = forms.CharField(label="参加人员", widget=TEXTAREA)
    applicant_account = forms.CharField(label="申请人陈述", widget=TEXTAREA)
    respondent_account = forms.CharField(label="被申请人陈述", required=False, widget=TEXTAREA)
    facts_verified = forms.CharField(label="调查核实情况", required=False, widget=TEXTAREA)
    result = forms.CharField(label="调解结果", widget=TEXTAREA)
    recorder = forms.CharField(label="记录人", required=False, max_length=40)
    with_agreement = forms.BooleanField(label="达成调解协议（同时录入协议）", required=False)
    agreement_facts = forms.CharField(
        label="主要事实、争议事项及各方责任", required=False, widget=TEXTAREA
    )
    agreement_terms = forms.CharField(label="协议内容", required=False, widget=TEXTAREA)
    agreement_performance = forms.CharField(
        label="履行方式、地点、期限", required=False, widget=TEXTAREA
    )
    agreement_signed_at = forms.DateField(
        label="协议签订日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def kwargs(self):
        data = self.cleaned_data
        result = {
            k: data[k]
            for k in (
                "held_at",
                "place",
                "participants",
                "applicant_account",
                "respondent_account",
                "facts_verified",
                "result",
                "recorder",
            )
        }
        result["succeeded"] = data["with_agreement"]
        result["files"] = self.files.getlist("files") if self.files else []
        if data["with_agreement"]:
            result["agreement"] = {
                "facts": data["agreement_facts"],
                "terms": data["agreement_terms"],
                "performance": data["agreement_performance"],
                "signed_at": data["agreement_signed_at"],
            }
        return result


class OpinionForm(ActionForm):
    opinion = forms.CharField(label="提级意见", widget=TEXTAREA, max_length=2000)


class ExtensionRequestForm(ActionForm):
    days = forms.IntegerField(label="延期天数", min_value=1, max_value=365)
    reason = forms.CharField(label="延期理由", widget=TEXTAREA)


class ExtensionDecisionForm(ActionForm):
    approve = forms.TypedChoiceField(
        label="审批结果",
        choices=[("1", "批准"), ("0", "不批准")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    days = forms.IntegerField(label="批准天数（不超过申请天数）", required=False, min_value=1)
    note = forms.CharField(label="审批意见", required=False, widget=TEXTAREA)


class SuperviseForm(ActionForm):
    due = forms.DateField(label="督办时限", widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label="督办意见", widget=TEXTAREA)


class UrgeForm(ActionForm):
    note = forms.CharField(label="催办意见", widget=TEXTAREA)


class ResolveForm(ActionForm):
    files_field = "files"
    outcome = forms.ChoiceField(
        label="办理结果", choices=[c for c in Outcome.choices if c[0] != Outcome.MERGED]
    )
    summary = forms.CharField(label="办理结果说明", widget=TEXTAREA)
    route = forms.ChoiceField(
        label="调解不成时告知的途径", required=False, choices=[("", "—")] + list(Route.choices)
    )
    feedback = forms.CharField(label="向来源单位的反馈意见", required=False, widget=TEXTAREA)


class NotifyForm(ActionForm):
    method = forms.ChoiceField(label="告知方式", choices=ContactMethod.choices)
    note = forms.CharField(label="告知情况", required=False, widget=TEXTAREA)


class FollowUpForm(ActionForm):
    method = forms.ChoiceField(label="回访方式", choices=ContactMethod.choices)
    satisfaction = forms.ChoiceField(
        label="满意度", choices=Satisfaction.choices, widget=forms.RadioSelect
    )
    performance_status = forms.CharField(label="协议履行情况", required=False, max_length=200)
    lawsuit_filed = forms.BooleanField(label="当事人已起诉", required=False)
    escalation_signs = forms.BooleanField(label="有矛盾激化迹象", required=False)
    note = forms.CharField(label="回访情况", required=False, widget=TEXTAREA)


class CaseNumberForm(ActionForm):
    """Merge and link name the other case by its number; the kernel checks it is visible."""

    target_field = "into"
    number = forms.CharField(label="另一事项的编号", max_length=24)
    note = forms.CharField(label="说明", required=False, widget=TEXTAREA)

    def kwargs(self):
        from jiefen.cases.selectors import find_by_number

        other = find_by_number(self.user, self.cleaned_data["number"])
        return {self.target_field: other.pk if other else -1, "note": self.cleaned_data["note"]}


class LinkForm(CaseNumberForm):
    target_field = "other"


class RiskForm(ActionForm):
    """风险研判 by hand: the level becomes a floor the automatic assessment keeps."""

    level = forms.ChoiceField(label="风险等级", choices=RiskLevel.choices)
    reason = forms.CharField(label="研判意见", widget=TEXTAREA, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].initial = self.case.risk_level


FORMS = {
    Action.REQUEST_MATERIALS: RequestMaterialsForm,
    Action.SUPPLEMENT: SupplementForm,
    Action.ACCEPT: NoteForm,
    Action.REJECT: RejectForm,
    Action.RETURN_TO_SENDER: ReasonForm,
    Action.DISPATCH: DispatchForm,
    Action.DELEGATE_DOWN: DelegateForm,
    Action.SIGN_FOR: NoteForm,
    Action.SEND_BACK: ReasonForm,
    Action.ASSIGN: AssignForm,
    Action.RECORD_SESSION: SessionForm,
    Action.PROPOSE_ESCALATION: OpinionForm,
    Action.APPROVE_ESCALATION: NoteForm,
    Action.DENY_ESCALATION: ReasonForm,
    Action.REQUEST_EXTENSION: ExtensionRequestForm,
    Action.GRANT_EXTENSION: ExtensionDecisionForm,
    Action.SUPERVISE: SuperviseForm,
    Action.URGE: UrgeForm,
    Action.RESOLVE: ResolveForm,
    Action.NOTIFY_RESULT: NotifyForm,
    Action.FOLLOW_UP: FollowUpForm,
    Action.REOPEN: ReasonForm,
    Action.CLOSE: NoteForm,
    Action.ARCHIVE: NoteForm,
    Action.MERGE_DUPLICATE: CaseNumberForm,
    Action.LINK_RELATED: LinkForm,
    Action.ASSESS_RISK: RiskForm,
}

# Actions shown as primary buttons; the rest sit under "更多操作".
PRIMARY = {
    Action.ACCEPT,
    Action.DISPATCH,
    Action.SIGN_FOR,
    Action.ASSIGN,
    Action.RECORD_SESSION,
    Action.RESOLVE,
    Action.NOTIFY_RESULT,
    Action.FOLLOW_UP,
    Action.CLOSE,
    Action.ARCHIVE,
    Action.APPROVE_ESCALATION,
    Action.SUPPLEMENT,
    Action.GRANT_EXTENSION,
}
