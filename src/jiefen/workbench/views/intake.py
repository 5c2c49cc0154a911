"""窗口登记: register a matter and, in the same step, accept it, issue the one-time notice, or
reject it — each through ``perform`` (two actions, two events)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from jiefen.cases.errors import CaseError
from jiefen.cases.kernel import perform
from jiefen.org.selectors import regions_in_scope
from jiefen.portal.hall import link_ticket
from jiefen.triage import decisions
from jiefen.workbench import intake_panel
from jiefen.workbench.intake_forms import MATERIALS_BY_CATEGORY, IntakeForm, PartyFormSet


def _regions(user):
    return list(regions_in_scope(user).only("code", "name", "level", "parent_id"))


@login_required
def intake(request):
    regions = _regions(request.user)
    posted = request.method == "POST"
    form = IntakeForm(request.POST if posted else None, regions=regions)
    parties = PartyFormSet(
        request.POST if posted else None,
        prefix="party",
        initial=[{"role": "applicant"}, {"role": "respondent"}],
    )
    # 受理大厅: 开始办理 on a queue ticket opens this page with ?ticket=<id>; a hidden field
    # carries it through the POST so the ticket can be linked to the case registered here.
    ticket = (request.POST if posted else request.GET).get("ticket", "")
    ticket = ticket if ticket.isdigit() else ""
    if request.method == "POST" and form.is_valid() and parties.is_valid():
        rows = [p for p in (f.as_party() for f in parties.forms) if p]
        try:
            case = _register_and_decide(request, form, rows, ticket)
        except CaseError as exc:
            form.add_error(None, exc.message)
        else:
            url = reverse("case_detail", args=[case.pk]) + "?registered=1"
            if request.headers.get("HX-Request"):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = url
                return response
            return redirect(url)
    status = 422 if request.method == "POST" else 200
    context = {
        "form": form,
        "parties": parties,
        "regions": regions,
        "materials_by_category": MATERIALS_BY_CATEGORY,
        "ticket": ticket,
        "towns": [r for r in regions if r.level in ("town", "county")],
        "max_upload_mb": settings.JIEFEN_UPLOAD_MAX_MB,
        # the side panel as it stands for what is in the form (empty on first load)
        **intake_panel.check(request.user, request.POST if posted else {}),
    }
    return render(request, "workbench/intake.html", context, status=status)


def _register_and_decide(request, form: IntakeForm, parties: list[dict], ticket: str = ""):
    user, decision = request.user, form.cleaned_data["decision"]
    with transaction.atomic():  # register, the decision and the ticket link stand or fall together
        case = perform(
            None, "register", user, **form.register_kwargs(parties, request.FILES.getlist("files"))
        )
        if request.POST.get("suggested_category"):  # what the side panel showed, taken or not
            decisions.on_register(
                case,
                user,
                suggested_code=request.POST["suggested_category"],
                probability=request.POST.get("suggested_probability"),
                version=request.POST.get("suggested_model"),
            )
        if decision == "accept":
            case = perform(case, "accept", user)
        elif decision == "materials":
            case = perform(case, "request_materials", user, items=form.materials_list())
        elif decision == "reject":
            case = perform(
                case,
                "reject",
                user,
                reason=form.cleaned_data["reject_reason"],
                other_route=form.cleaned_data["other_route"],
            )
        if ticket:
            link_ticket(ticket, case, user)
    return case


@login_required
def intake_check(request):
    """The side panel: repeat visitor and similar open cases, for the numbers typed so far."""
    return render(
        request, "workbench/_intake_panel.html", intake_panel.check(request.user, request.GET)
    )
