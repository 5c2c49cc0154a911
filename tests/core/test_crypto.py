"""Personal data is encrypted at rest, findable by keyed hash, and survives key rotation."""

import base64
import io
import os

import pytest
from django.core.management import call_command
from django.db import connection

from jiefen.core import crypto
from jiefen.core.audit import Event
from jiefen.core.models import AuditEntry
from jiefen.org import services
from jiefen.org.models import Expert, User
from jiefen.org.roles import Role

PHONE = "13812345678"


def _stored_phone(model, pk) -> str:
    """The column as the database holds it, bypassing the field's decryption."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT phone FROM {model._meta.db_table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def _write_raw_phone(model, pk, token):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {model._meta.db_table} SET phone = %s WHERE id = %s", [token, pk])


def _new_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


@pytest.fixture
def clerk_with_phone(cast):
    return services.create_staff(
        username="phone_clerk",
        full_name="李四",
        password=cast.password,
        roles=[Role.WINDOW_CLERK],
        centre=cast.town,
        phone=PHONE,
    )


def test_encrypted_phone_reads_back_as_plaintext(clerk_with_phone):
    assert User.objects.get(pk=clerk_with_phone.pk).phone == PHONE


def test_encrypted_phone_is_not_stored_as_plaintext(clerk_with_phone, settings):
    stored = _stored_phone(User, clerk_with_phone.pk)

    assert PHONE not in stored
    assert stored.startswith(settings.JIEFEN_ACTIVE_FIELD_KEY + "$")
    assert crypto.decrypt(stored) == PHONE


def test_same_phone_encrypts_differently_each_time():
    assert crypto.encrypt(PHONE) != crypto.encrypt(PHONE)


def test_empty_phone_is_stored_empty(cast):
    assert _stored_phone(User, cast.town_clerk.pk) == ""
    assert User.objects.get(pk=cast.town_clerk.pk).phone == ""


def test_keyed_hash_is_equal_for_equal_normalised_input():
    assert crypto.keyed_hash("11010519491231002x") == crypto.keyed_hash(" 11010519491231002X ")


def test_keyed_hash_differs_for_different_input():
    assert crypto.keyed_hash("13812345678") != crypto.keyed_hash("13812345679")


def test_keyed_hash_does_not_contain_the_value():
    digest = crypto.keyed_hash(PHONE)
    assert PHONE not in digest
    assert len(digest) == 64


def test_stored_phone_hash_finds_the_user(clerk_with_phone):
    assert User.objects.get(phone_hash=crypto.keyed_hash(PHONE)) == clerk_with_phone


def test_old_values_still_decrypt_after_a_new_key_becomes_active(clerk_with_phone, settings):
    old_key = settings.JIEFEN_ACTIVE_FIELD_KEY
    settings.JIEFEN_FIELD_KEYS = {**settings.JIEFEN_FIELD_KEYS, "k2": _new_key()}
    settings.JIEFEN_ACTIVE_FIELD_KEY = "k2"

    assert _stored_phone(User, clerk_with_phone.pk).startswith(old_key + "$")
    assert User.objects.get(pk=clerk_with_phone.pk).phone == PHONE
    assert crypto.encrypt("x").startswith("k2$")


def test_rotate_keys_rewrites_every_value_under_the_active_key(clerk_with_phone, cast, settings):
    expert = Expert.objects.create(
        centre=cast.county,
        name="赵律师",
        profession=Expert.Profession.LAWYER,
        phone="13900001111",
        phone_hash=crypto.keyed_hash("13900001111"),
    )
    settings.JIEFEN_FIELD_KEYS = {**settings.JIEFEN_FIELD_KEYS, "k2": _new_key()}
    settings.JIEFEN_ACTIVE_FIELD_KEY = "k2"
    out = io.StringIO()

    call_command("rotate_keys", stdout=out)

    assert _stored_phone(User, clerk_with_phone.pk).startswith("k2$")
    assert _stored_phone(Expert, expert.pk).startswith("k2$")
    assert User.objects.get(pk=clerk_with_phone.pk).phone == PHONE
    assert Expert.objects.get(pk=expert.pk).phone == "13900001111"
    assert User.objects.get(phone_hash=crypto.keyed_hash(PHONE)) == clerk_with_phone
    assert "org.User.phone: 重新加密 1 条" in out.getvalue()
    assert AuditEntry.objects.filter(event=Event.KEY_ROTATION).exists()


def test_after_rotation_the_old_key_can_be_retired(clerk_with_phone, settings):
    old_key = settings.JIEFEN_ACTIVE_FIELD_KEY
    settings.JIEFEN_FIELD_KEYS = {**settings.JIEFEN_FIELD_KEYS, "k2": _new_key()}
    settings.JIEFEN_ACTIVE_FIELD_KEY = "k2"
    call_command("rotate_keys", stdout=io.StringIO())

    settings.JIEFEN_FIELD_KEYS = {"k2": settings.JIEFEN_FIELD_KEYS["k2"]}

    assert old_key != "k2"
    assert User.objects.get(pk=clerk_with_phone.pk).phone == PHONE


def test_rotate_keys_twice_rewrites_nothing_the_second_time(clerk_with_phone):
    out = io.StringIO()
    call_command("rotate_keys", stdout=out)

    assert "org.User.phone: 重新加密 0 条" in out.getvalue()
    assert User.objects.get(pk=clerk_with_phone.pk).phone == PHONE


def _flip_last_byte(token: str) -> str:
    kid, _, body = token.partition("$")
    raw = bytearray(base64.b64decode(body))
    raw[-1] ^= 0x01
    return kid + "$" + base64.b64encode(bytes(raw)).decode()


def test_tampered_ciphertext_raises_decryption_error():
    token = crypto.encrypt(PHONE)

    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(_flip_last_byte(token))


def test_ciphertext_relabelled_with_another_key_id_raises_decryption_error(settings):
    token = crypto.encrypt(PHONE)
    settings.JIEFEN_FIELD_KEYS = {**settings.JIEFEN_FIELD_KEYS, "k2": _new_key()}

    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt("k2$" + token.partition("$")[2])


def test_value_under_an_unknown_key_raises_decryption_error():
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt("nokey$" + crypto.encrypt(PHONE).partition("$")[2])


def test_tampered_column_in_the_database_raises_on_read(clerk_with_phone):
    _write_raw_phone(
        User, clerk_with_phone.pk, _flip_last_byte(_stored_phone(User, clerk_with_phone.pk))
    )

    with pytest.raises(crypto.DecryptionError):
        User.objects.get(pk=clerk_with_phone.pk)
