"""The audit log is a hash chain the database refuses to change, and tampering is found."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from jiefen.core import audit
from jiefen.core.hashing import GENESIS
from jiefen.core.models import AuditEntry, AuditHead

pytestmark = pytest.mark.django_db


def _record_five():
    return [
        audit.record(audit.Event.LOGIN, username=f"user{i}", ip="10.0.0.1", target=f"t{i}", n=i)
        for i in range(1, 6)
    ]


def _drop_append_only_triggers():
    """What an attacker with database rights would do first; the chain must still catch them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE core_auditentry DISABLE TRIGGER core_auditentry_append_only"
            )
        else:
            cursor.execute("DROP TRIGGER core_auditentry_no_update")
            cursor.execute("DROP TRIGGER core_auditentry_no_delete")


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_record_appends_entries_linked_by_hash_with_increasing_seq():
    entries = _record_five()

    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in entries}) == 5
    head = AuditHead.objects.get(id=1)
    assert head.count == 5
    assert head.last_hash == entries[-1].hash


def test_record_keeps_actor_ip_target_and_detail():
    entry = audit.record(
        audit.Event.EXPORT,
        username="clerk",
        ip="192.0.2.7",
        outcome="failure",
        target="case:9",
        rows=12,
    )

    stored = AuditEntry.objects.get(seq=entry.seq)
    assert (stored.event, stored.outcome, stored.actor_username) == ("export", "failure", "clerk")
    assert (stored.ip, stored.target, stored.detail) == ("192.0.2.7", "case:9", {"rows": 12})


def test_verify_chain_on_intact_log_finds_nothing():
    _record_five()

    assert audit.verify_chain() == []


def test_verify_chain_on_empty_log_finds_nothing():
    assert audit.verify_chain() == []


def test_database_refuses_update_of_an_audit_row():
    entries = _record_five()

    with pytest.raises(DatabaseError), transaction.atomic():
        _raw("UPDATE core_auditentry SET target = %s WHERE seq = %s", ["forged", 3])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=3).update(outcome="failure")

    assert AuditEntry.objects.get(seq=3).target == entries[2].target
    assert audit.verify_chain() == []


def test_database_refuses_delete_of_an_audit_row():
    _record_five()

    with pytest.raises(DatabaseError), transaction.atomic():
        _raw("DELETE FROM core_auditentry WHERE seq = %s", [3])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=5).delete()

    assert AuditEntry.objects.count() == 5
    assert audit.verify_chain() == []


def test_changed_row_is_found_and_named_by_seq_even_without_the_trigger():
    _record_five()
    _drop_append_only_triggers()

    _raw("UPDATE core_auditentry SET target = %s WHERE seq = %s", ["forged", 3])

    problems = audit.verify_chain()
    assert [p.entry_id for p in problems] == [3]
    assert "#3" in str(problems[0])
    assert "被改动" in str(problems[0])


def test_deleted_middle_row_is_found_and_the_next_row_named():
    _record_five()
    _drop_append_only_triggers()

    _raw("DELETE FROM core_auditentry WHERE seq = %s", [3])

    problems = audit.verify_chain()
    assert problems, "a removed row must not go unnoticed"
    assert {p.entry_id for p in problems} >= {4}
    assert any("#4" in str(p) and "断开" in str(p) for p in problems)


def test_deleted_newest_row_is_found_through_the_head_count():
    _record_five()
    _drop_append_only_triggers()

    _raw("DELETE FROM core_auditentry WHERE seq = %s", [5])

    problems = audit.verify_chain()
    assert len(problems) == 1
    assert problems[0].entry_id is None
    assert "链头记录 5 条，实际 4 条" in str(problems[0])


def test_verify_audit_command_reports_success_on_intact_log():
    _record_five()
    out = io.StringIO()

    call_command("verify_audit", stdout=out)

    assert "审计日志完整：共 5 条记录" in out.getvalue()


def test_verify_audit_command_fails_and_names_the_changed_row():
    _record_five()
    _drop_append_only_triggers()
    _raw("UPDATE core_auditentry SET actor_username = %s WHERE seq = %s", ["someone_else", 2])
    err = io.StringIO()

    with pytest.raises(CommandError, match="审计日志校验未通过：发现 1 处问题"):
        call_command("verify_audit", stdout=io.StringIO(), stderr=err)

    assert "审计日志 #2" in err.getvalue()
