"""Text messages to citizens through a pluggable backend.

``settings.JIEFEN_SMS_BACKEND`` names the backend class by dotted path. The default,
``DatabaseBackend``, sends nothing: the message is only written to the SmsMessage table (status
"logged") and to the log, which is what a demo or an intranet without an SMS gateway needs. A
real provider is one class with ``send(phone, text) -> None`` that raises on failure, e.g.::

    class AcmeSms:
        def send(self, phone, text):
            requests.post(GATEWAY, json={"to": phone, "text": text}, timeout=10).raise_for_status()

Every message, whatever the backend, leaves an SmsMessage row (phone encrypted at rest).
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

from jiefen.core import clock, crypto
from jiefen.core.masking import mask_phone
from jiefen.portal.models import SmsMessage

log = logging.getLogger("jiefen.sms")
DEFAULT_BACKEND = "jiefen.portal.sms.DatabaseBackend"


class DatabaseBackend:
    """Delivers nothing; the SmsMessage row and the log line are the message."""

    delivers = False

    def send(self, phone: str, text: str) -> None:
        log.info("sms (not sent, database backend) to %s: %s", mask_phone(phone), text)


def backend_path() -> str:
    return getattr(settings, "JIEFEN_SMS_BACKEND", None) or DEFAULT_BACKEND


def get_backend():
    return import_string(backend_path())()


def send(phone: str, text: str, *, topic: str, case=None) -> SmsMessage:
    """Send one text and record it. A backend error propagates (the outbox retries the message;
    the row written here is rolled back with the failed delivery)."""
    backend = get_backend()
    now = clock.now()
    message = SmsMessage.objects.create(
        phone=phone,
        phone_hash=crypto.keyed_hash(phone),
        text=text,
        topic=topic[:40],
        case=case,
        created_at=now,
        backend=backend_path()[:60],
        status="queued",
    )
    backend.send(phone, text)
    message.status = "sent" if getattr(backend, "delivers", True) else "logged"
    message.sent_at = clock.now()
    message.save(update_fields=["status", "sent_at"])
    return message
