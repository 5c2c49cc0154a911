"""Field encryption (AES-256-GCM) and keyed hashes (HMAC-SHA256) for personal data.

Ciphertext is stored as ``"<key id>$<base64(nonce + ciphertext)>"``, so several keys can be in
use at once: new values are written with the active key, old ones still decrypt with theirs,
and ``jiefen rotate-keys`` rewrites every value with the active key. The keyed hash lets us find
"the same ID number" (search, repeat visitors) without storing or decrypting the number.
"""

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

_SEPARATOR = "$"


class DecryptionError(Exception):
    pass


def _keys() -> dict[str, bytes]:
    return {kid: base64.b64decode(key) for kid, key in settings.JIEFEN_FIELD_KEYS.items()}


def active_key_id() -> str:
    return settings.JIEFEN_ACTIVE_FIELD_KEY


def encrypt(plaintext: str) -> str:
    kid = active_key_id()
    nonce = os.urandom(12)
    sealed = AESGCM(_keys()[kid]).encrypt(nonce, plaintext.encode(), kid.encode())
    return kid + _SEPARATOR + base64.b64encode(nonce + sealed).decode()


def decrypt(token: str) -> str:
    kid, _, body = token.partition(_SEPARATOR)
    key = _keys().get(kid)
    if key is None or not body:
        raise DecryptionError(f"no field key {kid!r} for this value")
    raw = base64.b64decode(body)
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], kid.encode()).decode()
    except Exception as exc:  # InvalidTag: wrong key or tampered value
        raise DecryptionError("value does not decrypt (tampered, or wrong key)") from exc


def key_id_of(token: str) -> str:
    return token.partition(_SEPARATOR)[0]


def keyed_hash(value: str) -> str:
    """HMAC of a normalised value; equal inputs give equal hashes, nothing else is revealed."""
    key = base64.b64decode(settings.JIEFEN_HASH_KEY)
    return hmac.new(key, value.strip().upper().encode(), hashlib.sha256).hexdigest()
