"""The case page and its action forms: masked parties, logged reveal, only permitted actions,
Chinese refusals that change nothing, and nothing at all for another town."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jiefen.cases.choices import State
from jiefen.cases.kernel import perform
from jiefen.cases.models import Attachment, Case, CaseEvent
from jiefen.core.models import AuditEntry
from tests.cases.factories import VALID_ID, register, session_with_agreement

pytestmark = pytest.mark.django_db


def test_detail_masks_ids_and_phones(client, cast):
    case = register(cast.town_clerk)
    client.force_login(cast.town_clerk)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert case.number in page and "王建国" in page
    assert VALID_ID not in page and "13812345678" not in page
    assert "110***********1239" in page and "138****5678" in page


def test_reveal_needs_a_reason_and_is_audited(client, cast):
    case = register(cast.town_clerk)
    party = case.parties.get(name="王建国")
    client.force_login(cast.town_clerk)
    refused = client.post(f"/cases/{case.pk}/parties/{party.pk}/reveal/", {"reason": ""})
    assert refused.status_code == 422 and VALID_ID not in refused.content.decode()
    assert not AuditEntry.objects.filter(event="pii_reveal").exists()
    shown = client.post(f"/cases/{case.pk}/parties/{party.pk}/reveal/", {"reason": "核对身份"})
    assert VALID_ID in shown.content.decode()
    entry = AuditEntry.objects.get(event="pii_reveal")
    assert entry.actor_username == "town_clerk" and entry.detail["reason"] == "核对身份"


def test_only_permitted_actions_are_offered(client, cast):
    case = register(cast.town_clerk)
    client.force_login(cast.town_clerk)
    offered = {
        a
        for a, _ in client.get(f"/cases/{case.pk}/").context["primary"]
        + client.get(f"/cases/{case.pk}/").context["secondary"]
    }
    assert {"accept", "reject", "request_materials"} <= offered
    assert "resolve" not in offered and "sign_for" not in offered


def test_action_form_performs_and_records_the_event(client, cast):
    case = register(cast.town_clerk)
    client.force_login(cast.town_clerk)
    response = client.post(f"/cases/{case.pk}/act/accept/", {"note": "材料齐全"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.ACCEPTED
    assert CaseEvent.objects.filter(case=case, action="accept", note="材料齐全").exists()


def test_htmx_action_answers_with_a_redirect_header(client, cast):
    case = register(cast.town_clerk)
    client.force_login(cast.town_clerk)
    response = client.post(f"/cases/{case.pk}/act/accept/", {}, HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"] == f"/cases/{case.pk}/"


def test_refused_action_shows_chinese_message_and_changes_nothing(client, cast):
    case = register(cast.town_clerk)
    client.force_login(cast.town_clerk)
    response = client.post(
        f"/cases/{case.pk}/act/reject/", {"reason": "不属于受理范围", "other_route": "  "}
    )
    assert response.status_code == 422
    assert "告知的其他途径" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.REGISTERED and case.event_count == 1


def test_wrong_state_action_is_refused_in_chinese(client, cast):
    case = register(cast.town_clerk)
    client.force_login(cast.town_clerk)
    response = client.post(f"/cases/{case.pk}/act/close/", {"note": ""})
    assert response.status_code == 422
    assert "不能进行“结案”操作" in response.content.decode()


def test_oversized_supplement_file_is_refused_and_nothing_saved(client, cast, settings):
    settings.JIEFEN_UPLOAD_MAX_MB = 1
    case = register(cast.town_clerk)
    perform(case, "request_materials", cast.town_clerk, items=["身份证复印件"])
    client.force_login(cast.town_clerk)
    big = SimpleUploadedFile(
        "证据.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024), content_type="application/pdf"
    )
    response = client.post(f"/cases/{case.pk}/act/supplement/", {"note": "补交", "files": big})
    assert response.status_code == 422 and "超过 1 MB" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.AWAITING_MATERIALS and Attachment.objects.count() == 0


def test_supplement_with_a_file_is_listed_in_the_timeline_and_downloadable(client, cast):
    case = register(cast.town_clerk)
    perform(case, "request_materials", cast.town_clerk, items=["身份证复印件"])
    client.force_login(cast.town_clerk)
    scan = SimpleUploadedFile("身份证.png", b"\x89PNG" + b"1" * 100, content_type="image/png")
    client.post(f"/cases/{case.pk}/act/supplement/", {"note": "补交身份证", "files": scan})
    attachment = Attachment.objects.get()
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "身份证.png" in page
    download = client.get(f"/cases/{case.pk}/files/{attachment.pk}/")
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")


def test_agreement_document_downloads_as_word(client, cast):
    case = register(cast.town_clerk)
    perform(case, "accept", cast.town_clerk)
    perform(case, "assign", cast.town_clerk, handler=cast.town_mediator)
    session_with_agreement(case, cast.town_mediator)
    agreement = case.agreements.get()
    client.force_login(cast.town_mediator)
    response = client.get(f"/cases/{case.pk}/docs/agreement/{agreement.pk}.docx")
    import io

    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    tables = "\n".join(
        c.text
        for t in docx.Document(io.BytesIO(response.content)).tables
        for r in t.rows
        for c in r.cells
    )
    assert "王建国" in text + tables and "李秀英" in text + tables


OTHER_TOWN_URLS = [
    "/cases/{pk}/",
    "/cases/{pk}/act/accept/",
    "/cases/{pk}/docs/registration.docx",
    "/cases/{pk}/print/registration/",
]


@pytest.mark.parametrize("template", OTHER_TOWN_URLS)
def test_other_town_gets_404_everywhere(client, cast, template):
    case = register(cast.town_clerk)
    client.force_login(cast.other_town_clerk)
    assert client.get(template.format(pk=case.pk)).status_code == 404


def test_other_town_cannot_act_or_reveal(client, cast):
    case = register(cast.town_clerk)
    party = case.parties.first()
    client.force_login(cast.other_town_clerk)
    assert client.post(f"/cases/{case.pk}/act/accept/", {}).status_code == 404
    assert (
        client.post(f"/cases/{case.pk}/parties/{party.pk}/reveal/", {"reason": "好奇"}).status_code
        == 404
    )
    case.refresh_from_db()
    assert case.state == State.REGISTERED and case.event_count == 1
    assert not AuditEntry.objects.filter(event="pii_reveal").exists()
    assert Case.objects.count() == 1
