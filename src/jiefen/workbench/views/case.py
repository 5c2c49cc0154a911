"""The case page: particulars, parties (masked), units, deadlines, timeline, and only the
actions this user may take now, each a small form that posts through ``perform``."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from jiefen.cases import deadlines
from jiefen.cases.choices import Action
from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import allowed_actions, perform
from jiefen.cases.selectors import get_case_for_user_or_404
from jiefen.core import audit, clock
from jiefen.triage import rules
from jiefen.triage.panels import case_panel
from jiefen.workbench.action_forms import FORMS, PRIMARY


@login_required
def detail(request, pk):
    case = get_case_for_user_or_404(request.user, pk)
    actions = allowed_actions(case, request.user)
    context = {
        "case": case,
        "today": clock.today(),
        "deadlines": deadlines.stage_report(case, clock.today()),
        "primary": [(a, Action(a).label) for a in actions if a in PRIMARY],
        "secondary": [(a, Action(a).label) for a in actions if a not in PRIMARY],
        "events": case.events.all(),
        "lead_notes": [u for u in case.units.all() if u.note or u.returned_reason],
        "actions": actions,
        "triage": case_panel(case, request.user),
    }
    return render(request, "workbench/case_detail.html", context)


@login_required
def act(request, pk, action):
    """GET: the action's form. POST: perform it; on a refusal show the Chinese message and change nothing."""
    case = get_case_for_user_or_404(request.user, pk)
    form_class = FORMS.get(action)
    if form_class is None:
        raise Http404("没有这个操作")
    posted = request.method == "POST"
    form = form_class(
        request.POST if posted else None,
        request.FILES if posted else None,
        case=case,
        user=request.user,
        initial=_initial(form_class, request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            perform(
                case,
                action,
                request.user,
                idempotency_key=request.POST.get("idempotency_key") or None,
                **form.kwargs(),
            )
        except CaseError as exc:
            form.add_error(None, exc.message)
        else:
            url = reverse("case_detail", args=[case.pk])
            if request.headers.get("HX-Request"):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = url
                return response
            return redirect(url)
    status = 422 if request.method == "POST" else 200
    if action not in allowed_actions(case, request.user) and request.method == "GET":
        status = 403
    template = (
        "workbench/_action_form.html"
        if request.headers.get("HX-Request")
        else "workbench/action_page.html"
    )
    context = {
        "case": case,
        "form": form,
        "suggestion": _suggestion(case, action),
        "action": action,
        "label": Action(action).label,
        "max_upload_mb": settings.JIEFEN_UPLOAD_MAX_MB,
    }
    return render(request, template, context, status=status)


# the forms that show the routing suggestion beside them (the choice stays with staff; what they
# chose is recorded against the suggestion by the triage layer)
SUGGESTED = {Action.ACCEPT, Action.DISPATCH, Action.DELEGATE_DOWN, Action.PROPOSE_ESCALATION}


def _suggestion(case, action):
    if action not in SUGGESTED:
        return None
    return rules.suggest(rules.Facts.of_case(case))


def _initial(form_class, request) -> dict:
    if request.method == "POST":
        return {}
    initial = {}
    if "number" in request.GET:  # 疑似重复 → 合并/关联 with the other case filled in
        initial["number"] = request.GET["number"][:24]
    return initial


class RevealForm(forms.Form):
    reason = forms.CharField(label="查看原因", max_length=200)


@login_required
@require_POST
def reveal_party(request, pk, party_pk):
    """Show one party's full ID and phone number after the user gives a reason; logged."""
    case = get_case_for_user_or_404(request.user, pk)
    party = next((p for p in case.parties.all() if p.pk == party_pk), None)
    if party is None:
        raise Http404("当事人不存在")
    form = RevealForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "workbench/_reveal.html",
            {"case": case, "party": party, "form": form},
            status=422,
        )
    audit.record(
        audit.Event.PII_REVEAL,
        user=request.user,
        ip=audit.client_ip(request),
        target=f"case:{case.number}:party:{party.pk}",
        reason=form.cleaned_data["reason"],
    )
    return render(
        request, "workbench/_reveal.html", {"case": case, "party": party, "revealed": True}
    )


@login_required
def attachment(request, pk, attachment_pk):
    case = get_case_for_user_or_404(request.user, pk)
    item = get_object_or_404(case.attachments.all(), pk=attachment_pk)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
