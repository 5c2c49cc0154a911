"""The citizen's pages: home, submit, receipt, track (with supplement and rating), feedback; and
the staff page that answers feedback. Thin: parse → citizen.py → render.

The tracking pages keep "this browser proved the code of case X" in the session (number and
expiry, 30 minutes), so the upload and rating forms need not carry the code again.
"""

from datetime import datetime, timedelta
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_POST

from jiefen.cases.errors import CaseError
from jiefen.core import audit, clock
from jiefen.core.errors import DomainError
from jiefen.core.masking import mask_phone
from jiefen.portal import captcha, citizen
from jiefen.portal.forms_citizen import (
    AnswerForm,
    FeedbackForm,
    RateForm,
    SubmitForm,
    SupplementForm,
    TrackForm,
)
from jiefen.portal.ratelimit import RateLimited

TRACK_SESSION = "portal_track"
RECEIPT_SESSION = "portal_receipt"
FEEDBACK_SESSION = "portal_feedback_receipt"
TRACK_MINUTES = 30


def _ip(request):
    return audit.client_ip(request)


def home(request):
    try:
        reception = reverse("reception_public")
    except NoReverseMatch:  # the leader-reception pages are optional in this app
        reception = "/p/reception/"
    return render(request, "portal/home.html", {"reception_url": reception})


# --- submit and receipt -----------------------------------------------------------------------------


def submit(request):
    posted = request.method == "POST"
    files = request.FILES.getlist("files") if posted else []
    form = SubmitForm(request.POST if posted else None, request=request, files_list=files)
    status = 422 if posted else 200
    if posted and form.is_valid():
        try:
            place = citizen.place_for(form.cleaned_data["town"], form.cleaned_data["village"])
            case = citizen.submit(form.submission(place), ip=_ip(request))
        except DomainError as exc:  # CaseError, or RateLimited
            form.add_error(None, exc.message)
            status = 429 if isinstance(exc, RateLimited) else 422
        else:
            request.session[RECEIPT_SESSION] = {"number": case.number, "code": case.query_code}
            _remember_case(request, case.number)
            return redirect("portal_receipt")
    context = {
        "form": form,
        "captcha_question": captcha.new_question(request, "submit"),
        "upload_max_mb": settings.JIEFEN_UPLOAD_MAX_MB,
    }
    return render(request, "portal/submit.html", context, status=status)


@require_GET
def villages(request):
    """The village options of one town (htmx swaps them into the village select)."""
    return render(
        request,
        "portal/_village_options.html",
        {"villages": citizen.villages_of(request.GET.get("town", ""))},
    )


@require_GET
def receipt(request):
    """The number, the query code (shown this once) and a QR code that opens the tracking page."""
    data = request.session.pop(RECEIPT_SESSION, None)
    if not data:
        return render(request, "portal/receipt.html", {"gone": True})
    # The code rides in the fragment: browsers never send it to the server, so no access log holds it.
    url = (
        request.build_absolute_uri(reverse("portal_track"))
        + f"?number={data['number']}#code={data['code']}"
    )
    qr = segno.make(url, error="m").svg_inline(scale=4, title="扫码查询办理进度", svgclass="qr")
    case = citizen.tracked_case(data["number"])
    context = {
        "number": data["number"],
        "code": data["code"],
        "qr": qr,
        "review_due": case.acceptance_due,
    }
    return render(request, "portal/receipt.html", context)


# --- tracking ---------------------------------------------------------------------------------------


def _remember_case(request, number: str) -> None:
    until = clock.now() + timedelta(minutes=TRACK_MINUTES)
    request.session[TRACK_SESSION] = {"number": number, "until": until.isoformat()}


def _authenticated_number(request) -> str | None:
    data = request.session.get(TRACK_SESSION)
    if not data or clock.now() > datetime.fromisoformat(data["until"]):
        request.session.pop(TRACK_SESSION, None)
        return None
    return data["number"]


def track(request):
    ip = _ip(request)
    needs_captcha = citizen.captcha_needed(ip)
    posted = request.method == "POST"
    form = TrackForm(
        request.POST if posted else None,
        request=request,
        needs_captcha=needs_captcha,
        initial={"number": request.GET.get("number", "")[:40]},
    )
    error, status = None, 200
    if posted and form.is_valid():
        try:
            case = citizen.track(form.cleaned_data["number"], form.cleaned_data["code"], ip=ip)
        except RateLimited as exc:
            error, status = exc.message, 429
        except CaseError as exc:
            error, status = exc.message, 422
        else:
            _remember_case(request, case.number)
            return redirect("portal_track_result")
    elif posted:
        status = 422
    needs_captcha = needs_captcha or citizen.captcha_needed(ip)
    if needs_captcha and "captcha" not in form.fields:
        form = TrackForm(
            initial={"number": form.data.get("number", "")}, request=request, needs_captcha=True
        )
    question = captcha.new_question(request, "track") if needs_captcha else ""
    return render(
        request,
        "portal/track.html",
        {"form": form, "error": error, "captcha_question": question},
        status=status,
    )


def _tracked(request):
    number = _authenticated_number(request)
    if number is None:
        return None
    try:
        return citizen.tracked_case(number)
    except CaseError:
        return None


def _expired(request):
    messages.info(request, "为保护您的信息，查询已超过 30 分钟，请重新输入事项编号和查询码。")
    return redirect("portal_track")


@require_GET
def track_result(request):
    case = _tracked(request)
    if case is None:
        return _expired(request)
    return _result_page(request, case)


def _result_page(request, case, *, supplement_form=None, rate_form=None, status=200):
    context = {
        "c": citizen.public_summary(case),
        "supplement_form": supplement_form or SupplementForm(),
        "rate_form": rate_form or RateForm(),
    }
    return render(request, "portal/track_result.html", context, status=status)


@require_POST
def track_supplement(request):
    case = _tracked(request)
    if case is None:
        return _expired(request)
    form = SupplementForm(request.POST)
    if form.is_valid():
        try:
            citizen.supplement(
                case, note=form.cleaned_data["note"], files=request.FILES.getlist("files")
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "补正材料已提交，中心将重新审核。")
            return redirect("portal_track_result")
    return _result_page(request, case, supplement_form=form, status=422)


@require_POST
def track_rate(request):
    case = _tracked(request)
    if case is None:
        return _expired(request)
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            citizen.rate(
                case,
                satisfaction=form.cleaned_data["satisfaction"],
                comment=form.cleaned_data["comment"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "感谢您的评价！")
            return redirect("portal_track_result")
    return _result_page(request, case, rate_form=form, status=422)


@require_POST
def track_leave(request):
    request.session.pop(TRACK_SESSION, None)
    return redirect("portal_track")


# --- feedback ---------------------------------------------------------------------------------------


def feedback(request):
    posted = request.method == "POST"
    form = FeedbackForm(
        request.POST if posted else None,
        request=request,
        initial={"centre": request.GET.get("centre", "")},
    )
    status = 422 if posted else 200
    if posted and form.is_valid():
        d = form.cleaned_data
        try:
            item, code = citizen.submit_feedback(
                centre=form.centres[d["centre"]],
                kind=d["kind"],
                content=d["content"],
                name=d["name"],
                phone=d["phone"],
                ip=_ip(request),
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
            status = 429 if isinstance(exc, RateLimited) else 422
        else:
            request.session[FEEDBACK_SESSION] = {"id": item.pk, "code": code}
            return redirect("portal_feedback_done")
    context = {"form": form, "captcha_question": captcha.new_question(request, "feedback")}
    return render(request, "portal/feedback.html", context, status=status)


@require_GET
def feedback_done(request):
    data = request.session.pop(FEEDBACK_SESSION, None)
    return render(request, "portal/feedback_done.html", {"data": data})


@require_GET
def feedback_lookup(request):
    """The lookup form's target: on to the feedback's own page."""
    pk = request.GET.get("id", "").strip()
    if not pk.isdigit():
        return render(
            request, "portal/feedback_detail.html", {"error": "反馈编号或查询码不正确"}, status=404
        )
    return redirect(
        reverse("portal_feedback_detail", args=[int(pk)])
        + "?"
        + urlencode({"code": request.GET.get("code", "")})
    )


@require_GET
def feedback_detail(request, pk):
    try:
        item = citizen.feedback_by_code(pk, request.GET.get("code", ""), ip=_ip(request))
    except RateLimited as exc:
        return render(request, "portal/feedback_detail.html", {"error": exc.message}, status=429)
    except CaseError as exc:
        return render(request, "portal/feedback_detail.html", {"error": exc.message}, status=404)
    return render(request, "portal/feedback_detail.html", {"item": item})


@login_required
@require_GET
def feedback_staff(request):
    items = citizen.feedback_visible_to(request.user)
    if request.GET.get("status") == "open":
        items = items.filter(answered_at__isnull=True)
    return render(
        request,
        "portal/feedback_staff.html",
        {"items": items[:200], "status": request.GET.get("status", "")},
    )


@login_required
def feedback_staff_detail(request, pk):
    item = citizen.feedback_visible_to(request.user).filter(pk=pk).first()
    if item is None:
        raise Http404("反馈不存在或不在您的管辖范围内")
    posted = request.method == "POST"
    form = AnswerForm(request.POST if posted else None, initial={"answer": item.answer})
    if posted and not citizen.may_answer(request.user):
        return HttpResponseForbidden("您的角色不能答复意见反馈")
    if posted and form.is_valid():
        try:
            citizen.answer_feedback(request.user, item, answer=form.cleaned_data["answer"])
        except CaseError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "答复已保存，反馈人可凭查询码查看。")
            return redirect("feedback_staff")
    context = {
        "item": item,
        "form": form,
        "may_answer": citizen.may_answer(request.user),
        "phone": mask_phone(item.phone),
    }
    return render(
        request, "portal/feedback_staff_detail.html", context, status=422 if posted else 200
    )
