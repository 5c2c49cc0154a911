"""Placeholder wiring; the SMS delivery of outbox messages is registered here (see sms.py)."""


def connect():
    pass
