"""Another town's clerk, signed in in chromium, cannot open, act on, reveal, print or export a
case of 甲镇 — every door answers 404 — and the case is left exactly as it was."""

from jiefen.cases.models import Case
from jiefen.core.models import AuditEntry
from tests.e2e.workbench_helpers import (
    case_pk_from,
    csrf_token,
    download,
    fill_intake,
    open_intake,
    state_badge,
    submit_intake,
    xlsx_text,
)


def test_other_towns_clerk_gets_404_everywhere_and_nothing_changes(live_server, cast, desks):
    base = live_server.url

    # The 甲镇 window clerk registers a case (place: the town itself) and accepts it.
    town = desks.open("town_clerk")
    open_intake(town, live_server)
    fill_intake(town, category="邻里", town="甲镇", village="（镇街本级）")
    assert submit_intake(town) == []
    assert state_badge(town) == "已受理"
    pk = case_pk_from(town)
    case = Case.objects.get(pk=pk)
    party = case.parties.get(role="applicant")
    before = (case.state, case.event_count, case.updated_at)

    # Control: the town clerk's own ledger and documents do hold the case.
    town.goto(f"{base}/work/all/")
    _, own_ledger = download(town, town.get_by_role("link", name="导出台账（Excel）").click)
    assert case.number in xlsx_text(own_ledger)
    assert town.request.get(f"{base}/cases/{pk}/docs/registration.docx").status == 200

    # The 乙镇 clerk tries every door.
    other = desks.open("other_town_clerk")
    assert case.number not in other.inner_text("main")
    for path in (
        f"/cases/{pk}/",
        f"/cases/{pk}/act/accept/",
        f"/cases/{pk}/act/dispatch/",
        f"/cases/{pk}/act/reject/",
        f"/cases/{pk}/docs/registration.docx",
        f"/cases/{pk}/print/registration/",
    ):
        response = other.goto(base + path)
        assert response.status == 404, f"GET {path}: {response.status}"
        assert case.number not in other.content()

    token = csrf_token(other)
    for path, form in (
        (f"/cases/{pk}/act/reject/", {"reason": "不属于本中心", "other_route": "向甲镇反映"}),
        (f"/cases/{pk}/act/propose_escalation/", {"opinion": "提级"}),
        (f"/cases/{pk}/parties/{party.pk}/reveal/", {"reason": "核对身份"}),
    ):
        response = other.request.post(base + path, form=form, headers={"X-CSRFToken": token})
        assert response.status == 404, f"POST {path}: {response.status}"
        assert party.id_number not in response.text()

    other.goto(f"{base}/work/all/")
    assert case.number not in other.inner_text("main")
    name, data = download(other, other.get_by_role("link", name="导出台账（Excel）").click)
    assert name.endswith(".xlsx")
    ledger = xlsx_text(data)
    assert "全部事项台账" in ledger  # a real ledger came back …
    assert case.number not in ledger and "王建国" not in ledger  # … without the other town's case

    case.refresh_from_db()
    assert (case.state, case.event_count, case.updated_at) == before
    assert not AuditEntry.objects.filter(event="pii_reveal").exists()
    # the log shows the 乙镇 clerk exporting her own ledger, and nothing of hers touching the case
    mine = AuditEntry.objects.filter(actor_username="other_town_clerk")
    assert list(mine.filter(event="export").values_list("target", flat=True)) == ["queue:all"]
    assert not mine.filter(target__contains=case.number).exists()
