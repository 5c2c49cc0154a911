"""Write authentication events to the audit log. Django and django-axes announce these acts only
through signals, so this is the one place where a signal receiver writes."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from jiefen.core import audit


def _on_login(sender, request, user, **kwargs):
    audit.record(audit.Event.LOGIN, user=user, ip=audit.client_ip(request))


def _on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record(audit.Event.LOGOUT, user=user, ip=audit.client_ip(request))


def _on_failed(sender, credentials, request=None, **kwargs):
    audit.record(
        audit.Event.LOGIN_FAILED,
        username=credentials.get("username", ""),
        ip=audit.client_ip(request) if request is not None else None,
        outcome="failure",
    )


def _on_locked(sender, request, username=None, ip_address=None, **kwargs):
    audit.record(audit.Event.LOCKOUT, username=username or "", ip=ip_address, outcome="failure")


def connect():
    user_logged_in.connect(_on_login, dispatch_uid="jiefen_audit_login")
    user_logged_out.connect(_on_logout, dispatch_uid="jiefen_audit_logout")
    user_login_failed.connect(_on_failed, dispatch_uid="jiefen_audit_failed")
    user_locked_out.connect(_on_locked, dispatch_uid="jiefen_audit_locked")
