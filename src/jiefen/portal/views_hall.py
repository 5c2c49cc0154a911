"""受理大厅 screens: the kiosk (取号, 查询, 评价), the hall display and its polled fragment, and
the window clerk's desk. Thin: parse → scoped fetch → one service call → render or redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from jiefen.core.audit import client_ip
from jiefen.core.errors import DomainError
from jiefen.org.models import Centre, Level
from jiefen.portal import hall
from jiefen.portal.forms_hall import NoticeForm, RateForm
from jiefen.portal.models import HallNotice, HallWindow, QueueTicket
from jiefen.portal.views_citizen import TRACK_SESSION


def _hall_centre(centre_id) -> Centre:
    """A centre with a hall: county and town centres (village 综治中心 have no kiosk)."""
    return get_object_or_404(
        Centre.objects.select_related("region").exclude(region__level=Level.VILLAGE), pk=centre_id
    )


# --- kiosk ------------------------------------------------------------------------------------


def kiosk(request, centre_id):
    centre = _hall_centre(centre_id)
    # A kiosk is shared: its start page forgets the case the previous visitor looked up.
    request.session.pop(TRACK_SESSION, None)
    return render(
        request, "portal/kiosk.html", {"centre": centre, "types": hall.waiting_counts(centre.pk)}
    )


@require_POST
def kiosk_take(request, centre_id):
    centre = _hall_centre(centre_id)
    try:
        ticket, _ahead = hall.take_ticket(
            centre=centre,
            business_type=request.POST.get("business_type", ""),
            ip=client_ip(request),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("kiosk", centre.pk)
    return redirect("kiosk_ticket", centre.pk, ticket.pk)


@never_cache
def kiosk_ticket(request, centre_id, ticket_id):
    ticket = get_object_or_404(
        QueueTicket.objects.select_related("centre"), pk=ticket_id, centre_id=centre_id
    )
    context = {
        "ticket": ticket,
        "centre": ticket.centre,
        "kind": hall.BUSINESS_TYPE.get(ticket.business_type),
        "ahead": hall.ahead_of(ticket),
    }
    return render(request, "portal/kiosk_ticket.html", context)


def kiosk_rate(request, centre_id):
    centre = _hall_centre(centre_id)
    form = RateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hall.rate(centre=centre, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return render(request, "portal/kiosk_thanks.html", {"centre": centre})
    status = 422 if request.method == "POST" else 200
    return render(
        request, "portal/kiosk_rate.html", {"centre": centre, "form": form}, status=status
    )


# --- display ----------------------------------------------------------------------------------


def display(request, centre_id):
    centre = _hall_centre(centre_id)
    return render(request, "portal/hall_display.html", hall.display(centre))


@never_cache
def display_fragment(request, centre_id):
    centre = _hall_centre(centre_id)
    return render(request, "portal/hall_display_fragment.html", hall.display(centre))


# --- the window clerk's desk ------------------------------------------------------------------


def _my_window(request, pk) -> HallWindow:
    user = request.user
    if user.is_administrator or user.centre_id is None:
        raise Http404("没有这个窗口")
    return get_object_or_404(
        HallWindow.objects.select_related("centre"), pk=pk, centre_id=user.centre_id, active=True
    )


@login_required
def window_pick(request):
    user = request.user
    windows = (
        []
        if user.is_administrator or user.centre_id is None
        else list(hall.windows_of(user.centre_id))
    )
    return render(request, "portal/window_pick.html", {"windows": windows})


@login_required
def window_desk(request, pk):
    window = _my_window(request, pk)
    context = {
        "window": window,
        "current": hall.current_ticket(window),
        "queue": list(hall.next_waiting(window)[:12]),
        "waiting": hall.waiting_counts(window.centre_id),
        "others": hall.windows_of(window.centre_id).exclude(pk=window.pk),
        "notices": HallNotice.objects.filter(centre_id=window.centre_id, active=True),
        "notice_form": NoticeForm(),
    }
    return render(request, "portal/window_desk.html", context)


WINDOW_ACTIONS = {
    "recall": lambda r, w, t: hall.recall(ticket_id=t, window=w),
    "skip": lambda r, w, t: hall.skip(ticket_id=t, window=w),
    "serve": lambda r, w, t: hall.serve(ticket_id=t, window=w, clerk=r.user),
    "done": lambda r, w, t: hall.done(ticket_id=t, window=w),
    "transfer": lambda r, w, t: hall.transfer(
        ticket_id=t, window=w, to_window_id=r.POST.get("to_window")
    ),
}


@login_required
@require_POST
def window_act(request, pk, action):
    window = _my_window(request, pk)
    try:
        if action == "call":
            ticket = hall.call_next(window=window, clerk=request.user)
            if ticket is None:
                messages.info(request, "当前没有等候的群众")
        elif action in WINDOW_ACTIONS:
            ticket = WINDOW_ACTIONS[action](request, window, request.POST.get("ticket"))
        else:
            raise Http404("没有这个操作")
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("window_desk", window.pk)
    if action == "serve":
        return redirect(reverse("intake") + f"?ticket={ticket.pk}")
    return redirect("window_desk", window.pk)


@login_required
@require_POST
def notice_add(request, pk):
    window = _my_window(request, pk)
    form = NoticeForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError("公告内容应为 1 至 200 字", "notice_length")
        hall.add_notice(actor=request.user, text=form.cleaned_data["text"])
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("window_desk", window.pk)


@login_required
@require_POST
def notice_hide(request, pk, notice_id):
    window = _my_window(request, pk)
    try:
        hall.hide_notice(actor=request.user, notice_id=notice_id)
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("window_desk", window.pk)
