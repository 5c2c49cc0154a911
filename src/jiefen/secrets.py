"""Secrets for a deployment: taken from the environment, else generated once into an untracked file.

The file (``var/secrets.json`` by default) holds the Django secret key, the AES-GCM field keys
(several, for rotation; the first listed is the one new values are written with) and the HMAC
key for the searchable keyed hashes. Losing it makes every encrypted field unreadable: back it
up with the database, and keep it apart from database dumps.
"""

import base64
import json
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from jiefen.env import env_str


def _new_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def _generate() -> dict:
    return {
        "secret_key": secrets.token_urlsafe(50),
        "field_keys": {"k1": _new_key()},
        "active_field_key": "k1",
        "hash_key": _new_key(),
    }


def load_or_create(path: Path) -> dict:
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _generate()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2)
    return _apply_environment(data)


def _apply_environment(data: dict) -> dict:
    data = dict(data)
    if secret := env_str("JIEFEN_SECRET_KEY"):
        data["secret_key"] = secret
    if raw := env_str("JIEFEN_FIELD_KEYS"):
        # "k2:BASE64,k1:BASE64" — the first is active.
        pairs = [item.split(":", 1) for item in raw.split(",") if item.strip()]
        if not pairs or any(len(p) != 2 for p in pairs):
            raise ImproperlyConfigured("JIEFEN_FIELD_KEYS must look like 'kid:base64,kid:base64'")
        data["field_keys"] = {kid.strip(): key.strip() for kid, key in pairs}
        data["active_field_key"] = pairs[0][0].strip()
    if hash_key := env_str("JIEFEN_HASH_KEY"):
        data["hash_key"] = hash_key
    for kid, key in data["field_keys"].items():
        if len(base64.b64decode(key)) != 32:
            raise ImproperlyConfigured(f"field key {kid!r} must be 32 bytes, base64-encoded")
    if data["active_field_key"] not in data["field_keys"]:
        raise ImproperlyConfigured("the active field key is not among the field keys")
    return data
