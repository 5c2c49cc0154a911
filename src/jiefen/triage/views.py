"""Screens of the triage layer: the risk-warning list and its two steps (签收, 处置), and the
suggestion-quality report. Every read goes through the case scope."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from jiefen.cases.choices import RiskLevel
from jiefen.cases.selectors import visible_cases
from jiefen.core import audit
from jiefen.core.errors import DomainError
from jiefen.triage import decisions, warnings
from jiefen.triage.models import ClassifierModel, RiskWarning, RoutingDecision


def warnings_in_scope(user):
    return RiskWarning.objects.filter(case__in=visible_cases(user).values("pk"))


@login_required
def warning_list(request):
    status = request.GET.get("status", "live")
    level = request.GET.get("level", "")
    rows = warnings_in_scope(request.user).select_related("case", "acknowledged_by")
    if status == "live":
        rows = rows.exclude(status=RiskWarning.Status.HANDLED)
    elif status in RiskWarning.Status.values:
        rows = rows.filter(status=status)
    if level in (RiskLevel.RED, RiskLevel.ORANGE):
        rows = rows.filter(level=level)
    page = Paginator(rows.order_by("-raised_at", "-id"), 30).get_page(request.GET.get("page"))
    counts = {
        s: warnings_in_scope(request.user).filter(status=s).count()
        for s in RiskWarning.Status.values
    }
    return render(
        request,
        "triage/warnings.html",
        {
            "page": page,
            "status": status,
            "level": level,
            "counts": counts,
            "statuses": RiskWarning.Status.choices,
            "can_handle": bool(warnings.HANDLER_ROLES & request.user.roles),
        },
    )


def _warning_or_404(user, pk) -> RiskWarning:
    warning = warnings_in_scope(user).select_related("case").filter(pk=pk).first()
    if warning is None:
        raise Http404("预警不存在或不在您的管辖范围内")
    return warning


def _back(request, warning):
    target = request.POST.get("next", "")
    if target == "list":
        return redirect(reverse("risk_warnings"))
    return redirect(reverse("case_detail", args=[warning.case_id]) + f"#warning-{warning.pk}")


@login_required
@require_POST
def warning_acknowledge(request, pk):
    warning = _warning_or_404(request.user, pk)
    try:
        warnings.acknowledge(request.user, warning, ip=audit.client_ip(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已签收预警")
    return _back(request, warning)


@login_required
@require_POST
def warning_handle(request, pk):
    warning = _warning_or_404(request.user, pk)
    try:
        warnings.handle(
            request.user,
            warning,
            measures=request.POST.get("measures", ""),
            ip=audit.client_ip(request),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "预警已处置")
    return _back(request, warning)


@login_required
def quality(request):
    """How often staff followed the suggestions, per stage and per rule; recent overrides; the
    classifier versions and their held-out scores."""
    rows = RoutingDecision.objects.filter(case__in=visible_cases(request.user).values("pk"))
    return render(
        request,
        "triage/quality.html",
        {
            "stages": decisions.quality(rows),
            "rules": decisions.by_rule(rows)[:30],
            "overrides": rows.filter(followed=False)
            .select_related("case", "actor")
            .order_by("-at")[:30],
            "models": ClassifierModel.objects.defer("blob")[:10],
        },
    )
