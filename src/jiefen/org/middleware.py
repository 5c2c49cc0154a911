"""Request-time parts of the security baseline: idle logout, password age, admin two-factor."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from jiefen.core import audit, clock

_LAST_SEEN = "jiefen_last_seen"
# Pages a user must reach while being held at a gate (password change, two-factor) or logged out.
_OPEN_PREFIXES = ("/accounts/", "/static/")


def _is_open(path: str) -> bool:
    return path.startswith(_OPEN_PREFIXES)


class IdleLogoutMiddleware:
    """Log a user out after JIEFEN_IDLE_TIMEOUT without a request (30 minutes by default)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            now = clock.now()
            last_seen = request.session.get(_LAST_SEEN)
            if last_seen and now - datetime.fromisoformat(last_seen) > settings.JIEFEN_IDLE_TIMEOUT:
                audit.record(audit.Event.IDLE_LOGOUT, user=user, ip=audit.client_ip(request))
                logout(request)
                messages.info(request, "您已超过 30 分钟未操作，系统已自动退出，请重新登录。")
                return redirect(f"{reverse('login')}?next={request.path}")
            # stamp at most once a minute: a session write on every request costs a database write
            if not last_seen or now - datetime.fromisoformat(last_seen) > timedelta(minutes=1):
                request.session[_LAST_SEEN] = now.isoformat()
        return self.get_response(request)


class PasswordPolicyMiddleware:
    """Hold a user at the password-change page on first login and when the password is too old."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not _is_open(request.path) and password_change_due(user):
            return redirect("password_change")
        return self.get_response(request)


def password_change_due(user) -> bool:
    if user.must_change_password or user.password_changed_at is None:
        return True
    max_age = timedelta(days=settings.JIEFEN_PASSWORD_MAX_AGE_DAYS)
    return clock.now() - user.password_changed_at > max_age


class AdminTwoFactorMiddleware:
    """The three administrators must pass a TOTP check (django-otp) before any page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not _is_open(request.path)
            and user.is_administrator
            and not user.is_verified()
        ):
            return redirect(f"{reverse('otp_verify')}?next={request.path}")
        return self.get_response(request)
