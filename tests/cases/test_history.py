"""The case history is append-only (database triggers) and tamper-evident (hash chains checked
by ``jiefen verify-chains``)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from jiefen.cases.chains import verify_all, verify_case
from jiefen.cases.kernel import event_payload, perform
from jiefen.cases.models import Case, CaseEvent
from jiefen.core.hashing import link_hash
from tests.cases.factories import register, session_with_agreement

pytestmark = pytest.mark.django_db


def full_journey(cast):
    """Register → … → archive at the town, through a unit, with a session and an agreement."""
    clerk = cast.town_clerk
    case = perform(register(clerk), "request_materials", clerk, items=["身份证复印件"])
    case = perform(case, "supplement", clerk, note="已补交")
    case = perform(case, "accept", clerk)
    case = perform(case, "dispatch", clerk, units=[cast.unit, cast.other_unit], lead=cast.unit)
    case = perform(case, "sign_for", cast.unit_handler)
    case = perform(case, "urge", cast.town_leader, note="请尽快办理")
    case = session_with_agreement(case, cast.unit_handler)
    case = perform(case, "resolve", cast.unit_handler, outcome="agreement", summary="双方达成协议")
    case = perform(case, "notify_result", clerk, method="phone")
    case = perform(case, "follow_up", clerk, method="phone", satisfaction="satisfied")
    case = perform(case, "close", clerk)
    return perform(case, "archive", clerk)


def lift_append_only_triggers():
    """Remove the database's refusal for the rest of this test (its transaction rolls back)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # deferred foreign-key checks still pending on the table would block ALTER TABLE
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "ALTER TABLE cases_caseevent DISABLE TRIGGER cases_caseevent_append_only"
            )
        else:
            cursor.execute("DROP TRIGGER cases_caseevent_no_update")
            cursor.execute("DROP TRIGGER cases_caseevent_no_delete")


def verify_chains_output():
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_chains", stdout=out, stderr=err)
    except CommandError as exc:
        return False, out.getvalue(), err.getvalue() + str(exc)
    return True, out.getvalue(), err.getvalue()


def test_every_chain_verifies_after_a_journey(cast):
    case = full_journey(cast)
    other = perform(
        register(cast.village_clerk),
        "reject",
        cast.village_clerk,
        reason="不属于受理范围",
        other_route="向人民法院起诉",
    )
    assert case.event_count == 13 and other.event_count == 2
    assert list(verify_all()) == []
    for c in (case, other):
        events = list(CaseEvent.objects.filter(case=c).order_by("seq"))
        assert [e.seq for e in events] == list(range(1, c.event_count + 1))
        assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:], strict=False))
        assert verify_case(Case.objects.get(pk=c.pk), events) is None


def test_verify_chains_command_passes_on_an_intact_database(cast):
    full_journey(cast)
    register(cast.town_clerk)
    ok, out, err = verify_chains_output()
    assert ok and err == ""
    assert "共 2 件事项，哈希链校验通过" in out


def test_database_refuses_to_update_a_case_event(cast):
    case = full_journey(cast)
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(case=case, seq=3).update(note="改过的说明")
    assert CaseEvent.objects.get(case=case, seq=3).note == "已补交"


def test_database_refuses_to_delete_a_case_event(cast):
    case = full_journey(cast)
    newest = CaseEvent.objects.get(case=case, seq=case.event_count)
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(pk=newest.pk).delete()
    assert CaseEvent.objects.filter(case=case).count() == case.event_count


def test_tampering_with_one_note_is_detected_and_named(cast):
    case, untouched = full_journey(cast), register(cast.town_clerk)
    lift_append_only_triggers()
    CaseEvent.objects.filter(case=case, seq=3).update(note="改过的说明")
    ok, _, err = verify_chains_output()
    assert not ok
    assert f"事项 {case.number} 第 3 条记录：内容与其哈希不符" in err
    assert untouched.number not in err
    assert "1 件事项的哈希链有问题" in err


def test_an_event_with_a_forged_hash_is_detected_where_it_was_changed(cast):
    case = full_journey(cast)
    lift_append_only_triggers()
    CaseEvent.objects.filter(case=case, seq=5).update(note="改过", hash="f" * 64)
    assert [(p.case_number, p.seq) for p in verify_all()] == [(case.number, 5)]


def test_a_rehashed_forgery_breaks_the_link_from_the_next_event(cast):
    case = full_journey(cast)
    lift_append_only_triggers()
    event = CaseEvent.objects.get(case=case, seq=5)
    event.note = "伪造的说明"
    forged = link_hash(event.prev_hash, event_payload(event, case.number))
    CaseEvent.objects.filter(pk=event.pk).update(note=event.note, hash=forged)
    problems = list(verify_all())
    assert [(p.case_number, p.seq) for p in problems] == [(case.number, 6)]
    assert "与第 5 条记录的链接断开" in str(problems[0])


def test_deleting_the_newest_event_is_detected(cast):
    case = full_journey(cast)
    lift_append_only_triggers()
    newest = CaseEvent.objects.get(case=case, seq=case.event_count)
    assert newest.action == "archive" and not newest.outbox.exists()
    newest.delete()
    ok, _, err = verify_chains_output()
    assert not ok
    assert f"事项 {case.number}：应有 13 条流转记录，实有 12 条" in err


def test_deleting_an_event_in_the_middle_is_detected_at_the_gap(cast):
    case = full_journey(cast)
    lift_append_only_triggers()
    CaseEvent.objects.filter(case=case, action="follow_up").delete()  # seq 11 of 13, no outbox row
    ok, _, err = verify_chains_output()
    assert not ok and f"事项 {case.number} 第 12 条记录" in err
