"""窗口登记 in chromium: the three decisions at the window (当场受理 is in the journey test),
and bad input that must show a Chinese message and create nothing at all."""

import pytest

from jiefen.cases.choices import State
from jiefen.cases.models import Case
from tests.e2e.workbench_helpers import (
    APPLICANT,
    BAD_CHECKSUM_ID,
    act,
    case_pk_from,
    fill_intake,
    id_check_text,
    open_intake,
    row_counts,
    state_badge,
    submit_intake,
    timeline_labels,
)


@pytest.fixture
def clerk(desks, live_server):
    """The town window clerk on the intake screen."""
    page = desks.open("town_clerk")
    open_intake(page, live_server)
    return page


def test_rejection_with_reason_and_route_is_shown_on_the_case_page(clerk):
    fill_intake(clerk, category="邻里", town="甲镇", village="甲村", decision="reject")
    assert clerk.locator(".decision-reject").is_visible()
    assert not clerk.locator(".decision-materials").is_visible()
    clerk.fill("textarea[name=reject_reason]", "该事项已由人民法院受理")
    clerk.fill("input[name=other_route]", "向审理该案的人民法院反映")

    assert submit_intake(clerk) == []

    assert state_badge(clerk) == "不予受理"
    facts = clerk.inner_text(".facts.wide")
    assert "该事项已由人民法院受理" in facts
    assert "告知途径：向审理该案的人民法院反映" in facts
    assert timeline_labels(clerk) == ["登记", "不予受理"]
    # the notice to print for the party is offered
    assert clerk.get_by_role("link", name="不予受理告知书").is_visible()
    case = Case.objects.get(pk=case_pk_from(clerk))
    assert case.state == State.REJECTED and case.other_route == "向审理该案的人民法院反映"


def test_one_time_notice_then_supplement_then_accept(clerk):
    # a third party joins through the 增加当事人 button
    clerk.click("#add-party")
    assert clerk.locator("fieldset.party").count() == 3
    fill_intake(clerk, category="邻里", town="甲镇", village="甲村", decision="materials")
    clerk.select_option("select[name=party-2-role]", "third_party")
    clerk.fill("input[name=party-2-name]", "赵村长")
    assert clerk.locator(".decision-materials").is_visible()
    clerk.get_by_label("申请人身份证明（身份证复印件）").check()
    clerk.get_by_label("纠纷相关证据（照片、票据、聊天记录等）").check()

    assert submit_intake(clerk) == []

    assert state_badge(clerk) == "待补正"
    facts = clerk.inner_text(".facts.wide")
    assert (
        "申请人身份证明（身份证复印件）" in facts
        and "纠纷相关证据（照片、票据、聊天记录等）" in facts
    )
    assert clerk.get_by_role("link", name="一次性告知书").is_visible()
    assert "赵村长" in clerk.inner_text("main")

    act(
        clerk,
        "supplement",
        lambda f: f.locator("[name=note]").fill("申请人已提交身份证复印件及现场照片三张。"),
        expect_state="已登记·待审核",
    )
    act(
        clerk,
        "accept",
        lambda f: f.locator("[name=note]").fill("材料齐全，予以受理。"),
        expect_state="已受理",
    )

    assert timeline_labels(clerk) == ["登记", "一次性告知", "补正材料", "受理"]
    case = Case.objects.get(pk=case_pk_from(clerk))
    assert case.state == State.ACCEPTED and case.missing_materials == []
    assert case.parties.count() == 3


# --- bad input: a Chinese message and nothing written -------------------------------------------


def test_invalid_id_number_is_flagged_as_typed_and_refused_on_submit(clerk):
    before = row_counts()
    fill_intake(clerk, town="甲镇", village="甲村", applicant_id=BAD_CHECKSUM_ID)
    assert id_check_text(clerk) == "身份证号码校验位不正确，请核对"
    assert "error" in clerk.locator("fieldset.party").first.locator(".id-check").get_attribute(
        "class"
    )
    assert clerk.input_value("select[name=party-0-sex]") == ""  # nothing filled from a bad number

    errors = submit_intake(clerk)

    assert "第 1 位当事人：身份证号码校验位不正确，请核对" in errors
    assert clerk.inner_text("main h1") == "窗口登记"
    # what was typed is still there to correct
    assert clerk.input_value("input[name=party-0-id_number]") == BAD_CHECKSUM_ID
    assert clerk.input_value("input[name=party-0-name]") == APPLICANT
    assert row_counts() == before


def test_empty_description_is_refused(clerk):
    before = row_counts()
    fill_intake(clerk, town="甲镇", village="甲村", description="")

    errors = submit_intake(clerk)

    assert "请填写事项概要" in errors
    assert clerk.inner_text("main h1") == "窗口登记"
    assert row_counts() == before


def test_oversized_file_is_refused(clerk, settings):
    settings.JIEFEN_UPLOAD_MAX_MB = 1
    before = row_counts()
    fill_intake(clerk, town="甲镇", village="甲村")
    clerk.set_input_files(
        "#intake-form input[name=files]",
        files=[
            {
                "name": "欠薪证据.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024),
            }
        ],
    )

    errors = submit_intake(clerk)

    assert "文件“欠薪证据.pdf”超过 1 MB 的上限" in errors
    assert clerk.inner_text("main h1") == "窗口登记"
    assert row_counts() == before
