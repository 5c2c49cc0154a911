"""工作台: counters and work queues, filtered, searched, sorted, paged, exported as a ledger."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from jiefen.cases import deadlines
from jiefen.cases.selectors import for_lists, visible_cases
from jiefen.core import audit, clock
from jiefen.org.selectors import regions_in_scope
from jiefen.workbench import filtering
from jiefen.workbench.queues import QUEUE_BY_KEY, QUEUES, counters, queue_condition

PAGE_SIZE = 20


def _queue_cases(request, key):
    if key not in QUEUE_BY_KEY:
        raise Http404("没有这个工作队列")
    user, today = request.user, clock.today()
    form = filtering.QueueFilterForm(request.GET or None, regions=_regions(user))
    cases = visible_cases(user).filter(queue_condition(key, user, today))
    if (key == "sign" and user.unit_id is not None) or key == "extension":
        cases = cases.distinct()
    return form, filtering.apply(cases, form)


def _regions(user):
    return [
        r
        for r in regions_in_scope(user).only("code", "name", "level")
        if r.level in ("town", "village")
    ]


@login_required
def workbench(request, key=None):
    user, today = request.user, clock.today()
    if user.is_administrator:
        return redirect("admin:index")  # 三员分立: administrators have no case work
    counts = counters(visible_cases(user), user, today)
    if key is None:
        key = next((q.key for q in QUEUES[:-1] if counts.get(q.key)), "all")
    form, cases = _queue_cases(request, key)
    page = Paginator(for_lists(cases), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(case, _due_text(case, today)) for case in page]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "queues": [(q, counts.get(q.key, 0)) for q in QUEUES],
        "queue": QUEUE_BY_KEY[key],
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "today": today,
    }
    template = (
        "workbench/_queue.html" if request.headers.get("HX-Request") else "workbench/home.html"
    )
    return render(request, template, context)


@login_required
def export_ledger(request, key):
    from jiefen.archive.ledger import cases_ledger

    form, cases = _queue_cases(request, key)
    rows = list(for_lists(cases)[:20000])
    now = clock.now()
    data = cases_ledger(
        rows,
        title=f"{QUEUE_BY_KEY[key].label}台账",
        generated_by=request.user.full_name,
        generated_at=now,
    )
    audit.record(
        audit.Event.EXPORT,
        user=request.user,
        ip=audit.client_ip(request),
        target=f"queue:{key}",
        rows=len(rows),
        filters=request.GET.urlencode(),
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"{QUEUE_BY_KEY[key].label}台账-{now:%Y%m%d%H%M}.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(filename)}"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def _due_text(case, today) -> str:
    running = deadlines.current(case)
    return f"{running[0][:2]} {deadlines.describe(running[1], today)}" if running else "—"
