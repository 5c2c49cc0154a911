"""A model field that stores text encrypted (see crypto.py) and gives back plaintext in Python."""

from django.db import models

from jiefen.core import crypto


class EncryptedTextField(models.TextField):
    """Encrypted at rest. Not searchable: name a keyed-hash column in ``hash_field`` (kept by the
    code that writes the value) so exact lookups and key rotation know where the hash lives."""

    description = "Encrypted text"

    def __init__(self, *args, hash_field: str | None = None, **kwargs):
        self.hash_field = hash_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.hash_field:
            kwargs["hash_field"] = self.hash_field
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)
