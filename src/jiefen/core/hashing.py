"""Canonical serialisation and SHA-256 links shared by the audit log and case histories."""

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal

GENESIS = "0" * 64


def _default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__} for hashing")


def canonical_json(payload: dict) -> str:
    """Key-sorted, whitespace-free JSON: the same content always gives the same bytes."""
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    )


def link_hash(prev_hash: str, payload: dict) -> str:
    return hashlib.sha256((prev_hash + canonical_json(payload)).encode()).hexdigest()
