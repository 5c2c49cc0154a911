"""Login, logout, password change, lockout page and the administrators' TOTP step."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiefen.core import audit
from jiefen.core.errors import DomainError
from jiefen.org import otp as otp_service
from jiefen.org import services
from jiefen.org.forms import LoginForm, PasswordChangeForm, TokenForm
from jiefen.org.middleware import password_change_due


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


def lockout_response(request, response, credentials):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = LoginForm(request)
    message = f"登录失败次数过多，该账户已被锁定 {minutes} 分钟，请稍后再试或联系安全管理员解锁。"
    return render(
        request, "registration/login.html", {"form": form, "lockout_message": message}, status=403
    )


def _safe_next(request, default="workbench"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return default


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_password(
                request.user, form.cleaned_data["new_password"], ip=audit.client_ip(request)
            )
        except DomainError as exc:
            form.add_error("new_password", exc.message)
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, "密码已修改。")
            return redirect("workbench")
    reason = None
    if password_change_due(request.user):
        reason = "首次登录或密码已超过 90 天未修改，请先设置新密码。"
    return render(request, "registration/password_change.html", {"form": form, "reason": reason})


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """Second factor for administrators; an administrator without a device enrols one here."""
    user = request.user
    if not user.is_administrator:
        return redirect("workbench")
    device = (
        TOTPDevice.objects.devices_for_user(user, confirmed=None).first()
        if user.is_authenticated
        else None
    )
    if device is None:
        device = otp_service.start_enrolment(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            enrolling = not device.confirmed
            if enrolling:
                otp_service.confirm_enrolment(device, ip=audit.client_ip(request))
            otp_login(request, device)
            audit.record(audit.Event.OTP_VERIFIED, user=user, ip=audit.client_ip(request))
            return redirect(_safe_next(request, "admin:index"))
        audit.record(
            audit.Event.OTP_FAILED, user=user, ip=audit.client_ip(request), outcome="failure"
        )
        form.add_error("token", "动态口令不正确或已过期，请重新输入。")
    context = {"form": form, "enrolling": not device.confirmed, "next": _safe_next(request, "")}
    if not device.confirmed:
        context["qr_svg"] = otp_service.qr_svg(device)
        context["secret"] = otp_service.base32_secret(device)
    return render(request, "registration/otp.html", context)
