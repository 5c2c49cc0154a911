"""领导接访 screens: the public schedule, booking and cancelling; the staff's schedule, the day's
bookings and 接待 (which opens a case). Thin: parse → scoped fetch → one service call → render."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from jiefen.core import clock
from jiefen.core.audit import client_ip
from jiefen.core.errors import DomainError
from jiefen.portal import reception
from jiefen.portal.forms_hall import BookingForm, CancelForm, DayForm, ReceiveForm, ScheduleForm

# --- public -----------------------------------------------------------------------------------


def public_list(request):
    return render(
        request, "portal/reception_list.html", {"schedules": reception.public_schedules()}
    )


def book(request, pk):
    schedule = reception.public_schedule_or_404(pk)
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking, code = reception.book(
                schedule_id=schedule.pk, ip=client_ip(request), **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error("phone" if exc.extra.get("field") == "phone" else None, exc.message)
        else:
            # The code is shown on this response only; it is never stored in clear or sent.
            return render(
                request,
                "portal/reception_booked.html",
                {"booking": booking, "schedule": schedule, "code": code},
            )
    status = 422 if request.method == "POST" else 200
    return render(
        request, "portal/reception_book.html", {"form": form, "schedule": schedule}, status=status
    )


def cancel(request):
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = reception.cancel(ip=client_ip(request), **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return render(request, "portal/reception_cancelled.html", {"booking": booking})
    status = 422 if request.method == "POST" else 200
    return render(request, "portal/reception_cancel.html", {"form": form}, status=status)


# --- staff ------------------------------------------------------------------------------------


def reception_staff(view):
    """Signed-in centre staff (not a stationed unit, not an administrator)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if user.is_administrator or user.centre_id is None or user.unit_id is not None:
            raise PermissionDenied("只有中心工作人员可以查看领导接访安排")
        return view(request, *args, **kwargs)

    return wrapper


@reception_staff
def staff_home(request):
    user = request.user
    day_form = DayForm(request.GET or None)
    day = (day_form.cleaned_data.get("date") if day_form.is_valid() else None) or clock.today()
    today = clock.today()
    upcoming = (
        reception.schedules_in_scope(user)
        .filter(date__gte=today)
        .order_by("date", "start_time")[:60]
    )
    context = {
        "day": day,
        "day_form": day_form,
        "bookings": reception.day_bookings(user, day),
        "upcoming": list(upcoming),
        "form": ScheduleForm(user=user, initial={"date": today}),
    }
    return render(request, "portal/reception_staff.html", context)


@reception_staff
@require_POST
def staff_publish(request):
    form = ScheduleForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            schedule = reception.publish(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                f"已发布 {schedule.date:%Y-%m-%d} {reception.leader_label(schedule.leader)}的接访安排",
            )
            return redirect("reception_staff")
    return render(request, "portal/reception_publish.html", {"form": form}, status=422)


@reception_staff
def staff_schedule(request, pk):
    schedule = reception.schedules_in_scope(request.user).filter(pk=pk).first()
    if schedule is None:
        raise Http404("没有这个接访场次")
    bookings = [
        b
        for b in reception.day_bookings(request.user, schedule.date)
        if b.schedule_id == schedule.pk
    ]
    return render(
        request, "portal/reception_schedule.html", {"schedule": schedule, "bookings": bookings}
    )


@reception_staff
def staff_receive(request, pk):
    booking = reception.booking_for_user_or_404(request.user, pk)
    initial = {"description": booking.topic}
    form = ReceiveForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = reception.receive(booking_id=booking.pk, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect(reverse("case_detail", args=[case.pk]) + "?registered=1")
    status = 422 if request.method == "POST" else 200
    return render(
        request, "portal/reception_receive.html", {"booking": booking, "form": form}, status=status
    )
