"""Word documents and print pages for a case, scoped like the case itself."""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from jiefen.cases.selectors import get_case_for_user_or_404
from jiefen.core import audit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _target(case, needs, obj_pk):
    if needs == "case":
        return case
    related = {
        "session": case.sessions.all(),
        "agreement": case.agreements.all(),
        "follow_up": case.follow_ups.all(),
    }[needs]
    found = next((o for o in related if o.pk == obj_pk), None)
    if found is None:
        raise Http404("文书对象不存在")
    return found


@login_required
def word(request, pk, key, obj_pk=None):
    from jiefen.archive.documents import DOCUMENTS, DocumentUnavailable, filename

    case = get_case_for_user_or_404(request.user, pk)
    if key not in DOCUMENTS:
        raise Http404("没有这种文书")
    label, build, needs = DOCUMENTS[key]
    target = _target(case, needs, obj_pk)
    try:
        data = build(target)
    except DocumentUnavailable as exc:
        raise Http404(str(exc)) from None
    audit.record(
        audit.Event.EXPORT,
        user=request.user,
        ip=audit.client_ip(request),
        target=f"case:{case.number}",
        document=key,
    )
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename(key, target))}"
    return response


@login_required
def print_page(request, pk, key):
    case = get_case_for_user_or_404(request.user, pk)
    templates = {
        "registration": "受理登记表",
        "materials": "一次性告知书",
        "rejection": "不予受理告知书",
        "follow_up": "回访记录",
    }
    if key not in templates:
        raise Http404("没有这种打印页")
    return render(request, f"workbench/print/{key}.html", {"case": case, "title": templates[key]})
