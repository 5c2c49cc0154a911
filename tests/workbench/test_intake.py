"""窗口登记 through the web form: each decision, and bad input that creates nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jiefen.cases.choices import State
from jiefen.cases.models import Attachment, Case, CaseEvent, Party
from jiefen.org.models import Category
from tests.cases.factories import VALID_ID

pytestmark = pytest.mark.django_db


def _form(cast, **overrides):
    data = {
        "matter_type": "dispute",
        "channel": "walk_in",
        "category": Category.objects.get(code="02").pk,
        "description": "邻居在交界处堆放杂物堵塞排水沟，要求清理。",
        "town": cast.town_region.code,
        "region": cast.village_region.code,
        "people_count": "2",
        "risk_level": "none",
        "decision": "accept",
        "party-TOTAL_FORMS": "2",
        "party-INITIAL_FORMS": "0",
        "party-MIN_NUM_FORMS": "1",
        "party-MAX_NUM_FORMS": "50",
        "party-0-role": "applicant",
        "party-0-kind": "person",
        "party-0-name": "王建国",
        "party-0-id_number": VALID_ID,
        "party-0-phone": "13812345678",
        "party-1-role": "respondent",
        "party-1-kind": "person",
        "party-1-name": "李秀英",
    }
    data.update(overrides)
    return data


def _counts():
    return (
        Case.objects.count(),
        Party.objects.count(),
        Attachment.objects.count(),
        CaseEvent.objects.count(),
    )


def test_accept_on_the_spot_registers_and_accepts(client, cast):
    client.force_login(cast.town_clerk)
    response = client.post("/cases/new/", _form(cast))
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"].startswith(f"/cases/{case.pk}/")
    assert case.state == State.ACCEPTED and case.region == cast.village_region
    applicant = case.parties.get(role="applicant")
    assert applicant.sex == "male" and str(applicant.birth_date) == "1990-03-07"
    assert list(case.events.values_list("action", flat=True)) == ["register", "accept"]


def test_one_time_notice_lists_the_ticked_materials(client, cast):
    client.force_login(cast.town_clerk)
    client.post(
        "/cases/new/",
        _form(
            cast,
            decision="materials",
            materials=["申请人身份证明（身份证复印件）"],
            other_materials="租赁合同",
        ),
    )
    case = Case.objects.get()
    assert case.state == State.AWAITING_MATERIALS
    assert case.missing_materials == ["申请人身份证明（身份证复印件）", "租赁合同"]


def test_reject_needs_reason_and_route(client, cast):
    client.force_login(cast.town_clerk)
    response = client.post("/cases/new/", _form(cast, decision="reject", reject_reason="已起诉"))
    assert response.status_code == 422 and "告知的其他途径" in response.content.decode()
    assert _counts() == (0, 0, 0, 0)
    client.post(
        "/cases/new/",
        _form(cast, decision="reject", reject_reason="已起诉", other_route="等待法院判决"),
    )
    assert Case.objects.get().state == State.REJECTED


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"party-0-id_number": "110105199003071238"}, "身份证号码校验位不正确"),
        ({"description": ""}, "请填写事项概要"),
        ({"party-0-phone": "12345"}, "联系电话"),
        ({"town": "", "region": ""}, "事发地"),
        ({"region": "990121101201", "town": "990121101000"}, "事发地"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_creates_nothing(client, cast, overrides, message):
    client.force_login(cast.town_clerk)
    response = client.post("/cases/new/", _form(cast, **overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert _counts() == (0, 0, 0, 0)


def test_oversized_file_is_refused_and_creates_nothing(client, cast, settings):
    settings.JIEFEN_UPLOAD_MAX_MB = 1
    client.force_login(cast.town_clerk)
    big = SimpleUploadedFile(
        "现场照片.jpg", b"\xff\xd8" + b"0" * (2 * 1024 * 1024), content_type="image/jpeg"
    )
    response = client.post("/cases/new/", {**_form(cast), "files": big})
    assert response.status_code == 422 and "超过 1 MB" in response.content.decode()
    assert _counts() == (0, 0, 0, 0)


def test_uploaded_files_are_kept_with_their_checksum(client, cast):
    client.force_login(cast.town_clerk)
    photo = SimpleUploadedFile("现场照片.jpg", b"\xff\xd8photo", content_type="image/jpeg")
    client.post("/cases/new/", {**_form(cast), "files": photo})
    attachment = Attachment.objects.get()
    assert (
        attachment.original_name == "现场照片.jpg"
        and attachment.size == 7
        and len(attachment.sha256) == 64
    )
    assert attachment.event.action == "register"


def test_side_panel_warns_of_a_repeat_visitor(client, cast):
    client.force_login(cast.town_clerk)
    client.post("/cases/new/", _form(cast))
    earlier = Case.objects.get()
    panel = client.get("/cases/new/check/", {"party-0-id_number": VALID_ID}).content.decode()
    assert "重复来访：" in panel and earlier.number in panel
    other = client.get(
        "/cases/new/check/", {"party-0-id_number": "110105198001010016"}
    ).content.decode()
    assert "重复来访：" not in other


def test_side_panel_does_not_reveal_cases_of_another_town(client, cast):
    client.force_login(cast.town_clerk)
    client.post("/cases/new/", _form(cast))
    client.force_login(cast.other_town_clerk)
    panel = client.get("/cases/new/check/", {"party-0-id_number": VALID_ID}).content.decode()
    assert "重复来访：" not in panel and Case.objects.get().number not in panel
