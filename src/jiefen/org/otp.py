"""TOTP enrolment for administrators (django-otp), with the QR code drawn offline by segno."""

import base64
import io

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiefen.core import audit


def start_enrolment(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="认证器", confirmed=False)


def confirm_enrolment(device: TOTPDevice, *, ip=None) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(audit.Event.OTP_ENROLLED, user=device.user, ip=ip)


def base32_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def qr_svg(device: TOTPDevice) -> str:
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=4, xmldecl=False, svgns=True
    )
    return buffer.getvalue().decode()
