"""Re-encrypt every encrypted field with the active key, and recompute its keyed hash (so a new
HMAC key can be introduced too)."""

from django.apps import apps
from django.db import connection, transaction

from jiefen.core import crypto
from jiefen.core.fields import EncryptedTextField


def encrypted_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model, field


def rotate_all(batch_size: int = 500) -> dict[str, int]:
    """Rewrite stored values that are not under the active key; returns rows rewritten per field."""
    counts: dict[str, int] = {}
    for model, field in encrypted_fields():
        label = f"{model._meta.label}.{field.name}"
        tokens = _stored_tokens(model, field)
        counts[label] = 0
        pks = list(tokens)
        for start in range(0, len(pks), batch_size):
            with transaction.atomic():
                chunk = model._base_manager.filter(pk__in=pks[start : start + batch_size])
                for obj in chunk:
                    counts[label] += _rewrite(model, field, obj, tokens[obj.pk])
    return counts


def _rewrite(model, field, obj, token: str) -> int:
    plaintext = getattr(obj, field.attname)
    update = {}
    if crypto.key_id_of(token) != crypto.active_key_id():
        update[field.attname] = plaintext
    if field.hash_field:
        update[field.hash_field] = crypto.keyed_hash(plaintext)
    if update:
        model._base_manager.filter(pk=obj.pk).update(**update)
    return 1 if field.attname in update else 0


def _stored_tokens(model, field) -> dict:
    """The raw ciphertexts by primary key (the ORM would hand back plaintext)."""
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {quote(model._meta.pk.column)}, {quote(field.column)} "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(field.column)} <> ''"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())
