"""The Word documents: they open, carry the case's particulars, mask personal numbers and sit
on the GB/T 9704 page."""

import io
import zipfile
from datetime import timedelta

import docx
import pytest
from docx.oxml.ns import qn

from jiefen.archive import documents
from jiefen.archive.documents import DOCUMENTS, DocumentUnavailable, filename
from jiefen.archive.gbt9704 import BODY_FONT, TITLE_FONT
from jiefen.cases.kernel import perform
from jiefen.core import clock
from tests.cases.factories import VALID_ID, in_progress_at_centre, register, session_with_agreement

pytestmark = pytest.mark.django_db

MASKED_ID = "110***********1239"
PHONES = ("13812345678", "13987654321")
PARTIES = [
    {
        "role": "applicant",
        "name": "王建国",
        "id_number": VALID_ID,
        "phone": "13812345678",
        "address": "甲村三组",
        "ethnicity": "汉族",
        "occupation": "农民",
    },
    {
        "role": "respondent",
        "name": "李秀英",
        "phone": "13987654321",
        "sex": "female",
        "address": "甲村四组",
    },
]


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


def body_text(document) -> str:
    """Every text node of the body (paragraphs and table cells), one per line."""
    lines = []
    for paragraph in document.element.body.iter(qn("w:p")):
        lines.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return "\n".join(lines)


def package_text(data: bytes) -> str:
    """Every XML part of the package, to be sure a number appears nowhere (core properties too)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(
            package.read(n).decode("utf-8", "ignore")
            for n in package.namelist()
            if n.endswith(".xml")
        )


def assert_laid_out(data: bytes) -> None:
    document = opened(data)
    section = document.sections[0]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    assert [
        round(m.mm)
        for m in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ] == [37, 35, 28, 26]
    footer_xml = section.footer._element.xml
    assert "PAGE" in "".join(t.text for t in section.footer._element.iter(qn("w:instrText")))
    assert "— " in footer_xml and " —" in footer_xml
    title = next(p for p in document.paragraphs if p.text.strip())
    fonts = title.runs[0]._r.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) in (TITLE_FONT, "宋体")
    assert title.runs[0].font.size.pt == 22
    runs = [
        r
        for r in document.element.body.iter(qn("w:r"))
        if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()
    ]
    for run in runs[1:]:  # every run names its font for Latin and East-Asian text alike
        assert run.rPr.rFonts.get(qn("w:eastAsia")) and run.rPr.rFonts.get(qn("w:ascii"))
    assert BODY_FONT in {r.rPr.rFonts.get(qn("w:eastAsia")) for r in runs}
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [
            n for n in package.namelist() if n.startswith("word/fonts/")
        ]  # named, not embedded
        fonts_xml = package.read("word/fontTable.xml").decode()
        settings_xml = package.read("word/settings.xml").decode()
    assert (
        TITLE_FONT in fonts_xml
        and BODY_FONT in fonts_xml
        and "embedTrueTypeFonts" not in settings_xml
    )


def assert_private_numbers_masked(data: bytes) -> None:
    everything = package_text(data)
    assert VALID_ID not in everything
    for phone in PHONES:
        assert phone not in everything


def _resolved_with_agreement(cast):
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator, parties=PARTIES)
    return session_with_agreement(case, cast.town_mediator)


def test_registration_form_carries_the_case_and_masks_numbers(cast):
    case = register(cast.town_clerk, parties=PARTIES, amount="1200.50")
    data = documents.registration_form(case)
    text = body_text(opened(data))
    for expected in (
        case.number,
        "王建国",
        "李秀英",
        "汉族",
        "农民",
        "甲村三组",
        "来访",
        case.category.name,
        cast.town.name,
        "town_clerk",
        MASKED_ID,
        "138****5678",
        "1,200.50元",
        "1990年3月7日出生",
    ):
        assert expected in text, expected
    assert_private_numbers_masked(data)
    assert_laid_out(data)


def test_materials_notice_lists_every_missing_material_at_once(cast):
    case = register(cast.town_clerk, parties=PARTIES)
    case = perform(
        case, "request_materials", cast.town_clerk, items=["身份证复印件", "房屋权属证明。"]
    )
    data = documents.materials_notice(case)
    text = body_text(opened(data))
    assert "一次性告知" in text and "王建国：" in text and case.number in text
    assert "1. 身份证复印件；" in text and "2. 房屋权属证明。" in text
    assert cast.town.name in text
    assert_private_numbers_masked(data)
    assert_laid_out(data)


def test_materials_notice_is_reprinted_as_issued_after_the_party_supplemented(cast):
    case = register(cast.town_clerk, parties=PARTIES)
    case = perform(case, "request_materials", cast.town_clerk, items=["身份证复印件"])
    case = perform(case, "supplement", cast.town_clerk, note="已补齐")
    assert case.missing_materials == []
    assert "1. 身份证复印件。" in body_text(opened(documents.materials_notice(case)))
    assert "materials_notice" in documents.case_documents(case)


def test_materials_notice_is_unavailable_when_nothing_was_missing(cast):
    case = register(cast.town_clerk, parties=PARTIES)
    with pytest.raises(DocumentUnavailable):
        documents.materials_notice(case)
    assert documents.case_documents(case) == ["registration"]


def test_rejection_notice_gives_the_reason_and_the_other_route(cast):
    case = register(cast.town_clerk, parties=PARTIES)
    case = perform(
        case,
        "reject",
        cast.town_clerk,
        reason="该纠纷已由人民法院受理",
        other_route="向受理法院了解诉讼进展",
    )
    data = documents.rejection_notice(case)
    text = body_text(opened(data))
    assert "不予受理" in text and "王建国：" in text and case.number in text
    assert "该纠纷已由人民法院受理" in text and "向受理法院了解诉讼进展。" in text
    assert f"{clock.today().year}年" in text
    assert_private_numbers_masked(data)
    assert_laid_out(data)


def test_rejection_notice_is_unavailable_for_an_accepted_case(cast):
    case = perform(register(cast.town_clerk, parties=PARTIES), "accept", cast.town_clerk)
    with pytest.raises(DocumentUnavailable):
        documents.rejection_notice(case)


def test_mediation_record_has_notices_accounts_result_and_signature_lines(cast):
    case = _resolved_with_agreement(cast)
    session = case.sessions.get()
    data = documents.mediation_record(session)
    text = body_text(opened(data))
    for expected in (
        case.number,
        "调解室",
        "双方当事人及调解员",
        "要求清理杂物",
        "同意清理",
        "双方达成协议",
        "自愿",
        "第二十三条",
        "风险告知",
        "司法确认",
        MASKED_ID,
        "王建国（签名或按指印）",
        "李秀英（签名或按指印）",
        "调解员town_mediator（签名）",
        "记录人",
        f"{case.number}-X1",
    ):
        assert expected in text, expected
    assert_private_numbers_masked(data)
    assert_laid_out(data)


def test_failed_mediation_record_names_the_routes_that_remain(cast):
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator, parties=PARTIES)
    case = perform(
        case,
        "record_session",
        cast.town_mediator,
        held_at=clock.now() - timedelta(hours=1),
        place="调解室",
        participants="双方当事人",
        applicant_account="要求赔偿",
        result="双方分歧较大，未能达成一致",
    )
    text = body_text(opened(documents.mediation_record(case.sessions.get())))
    assert "未达成协议" in text and "仲裁、行政、司法" in text and "被申请人未作陈述" in text


def test_agreement_document_follows_article_29(cast):
    case = _resolved_with_agreement(cast)
    agreement = case.agreements.get()
    data = documents.agreement_document(agreement)
    text = body_text(opened(data))
    for expected in (
        agreement.number,
        "王建国",
        "李秀英",
        "杂物堵塞排水沟",
        "三日内清理",
        "现场清理",
        "经各方当事人签名、调解员签名并加盖人民调解委员会印章后生效",
        "一式三份",
        "三十日内",
        "司法确认",
        "人民调解委员会（印章）",
        MASKED_ID,
        "女",
    ):
        assert expected in text, expected
    if agreement.judicial_confirmation_due:
        due = agreement.judicial_confirmation_due
        assert f"{due.year}年{due.month}月{due.day}日前" in text
    assert_private_numbers_masked(data)
    assert_laid_out(data)


def test_agreement_with_an_organisation_and_an_agent(cast):
    parties = [
        *PARTIES,
        {
            "role": "third_party",
            "kind": "organisation",
            "name": "甲镇某物业公司",
            "representative": "赵六",
            "address": "甲镇一号",
        },
        {"role": "agent", "name": "孙律师", "occupation": "律师"},
    ]
    case = in_progress_at_centre(cast.town_clerk, cast.town_mediator, parties=parties)
    case = session_with_agreement(case, cast.town_mediator)
    text = body_text(opened(documents.agreement_document(case.agreements.get())))
    assert "第三人：甲镇某物业公司，住所地甲镇一号，法定代表人（负责人）赵六。" in text
    assert "委托代理人：孙律师，律师。" in text and "委托代理人孙律师（签名）" in text
    assert "一式四份" in text  # three parties and the committee; the agent gets none


def test_follow_up_record_has_the_visit_particulars(cast):
    case = _resolved_with_agreement(cast)
    case = perform(
        case, "resolve", cast.town_mediator, outcome="agreement", summary="双方达成协议并已履行"
    )
    case = perform(case, "notify_result", cast.town_clerk, method="phone")
    case = perform(
        case,
        "follow_up",
        cast.town_clerk,
        method="visit",
        satisfaction="basically",
        performance_status="已按约清理",
        lawsuit_filed=False,
        escalation_signs=True,
        note="邻里关系缓和",
    )
    follow_up = case.follow_ups.get()
    data = documents.follow_up_record(follow_up)
    text = body_text(opened(data))
    for expected in (
        case.number,
        "王建国",
        f"{case.number}-X1",
        "已按约清理",
        "基本满意",
        "上门",
        "邻里关系缓和",
        "town_clerk",
        "调解协议履行情况",
    ):
        assert expected in text, expected
    assert "有" in text.split("有无激化")[1]
    assert_private_numbers_masked(data)
    assert_laid_out(data)


def test_registry_builds_every_document_and_names_the_file(cast):
    case = _resolved_with_agreement(cast)
    case = perform(case, "resolve", cast.town_mediator, outcome="agreement", summary="已履行")
    case = perform(case, "notify_result", cast.town_clerk, method="phone")
    case = perform(case, "follow_up", cast.town_clerk, method="phone", satisfaction="satisfied")
    objects = {
        "case": case,
        "session": case.sessions.get(),
        "agreement": case.agreements.get(),
        "follow_up": case.follow_ups.get(),
    }
    assert filename("registration", case) == f"受理登记表-{case.number}.docx"
    assert filename("agreement", objects["agreement"]) == f"人民调解协议书-{case.number}-X1.docx"
    for key, (label, build, needs) in DOCUMENTS.items():
        if key in ("materials_notice", "rejection_notice"):
            continue
        name, data = documents.render(key, objects[needs])
        assert name.startswith(f"{label}-{case.number}") and name.endswith(".docx")
        assert opened(data).paragraphs and build is DOCUMENTS[key].build


def test_text_with_control_characters_still_makes_a_document(cast):
    case = register(cast.town_clerk, parties=PARTIES, description="第一行\x0b第二行\x07。\n第三行")
    text = body_text(opened(documents.registration_form(case)))
    assert "第一行第二行" in text and "第三行" in text


def test_small_numbers_and_ages_are_written_the_chinese_way():
    from datetime import date

    from jiefen.archive.particulars import age_on, date_cn, number_cn

    assert [number_cn(n) for n in (2, 3, 10, 11, 20, 23, 100)] == [
        "二",
        "三",
        "十",
        "十一",
        "二十",
        "二十三",
        "100",
    ]
    assert (
        age_on(date(1990, 3, 7), date(2026, 3, 6)) == 35
        and age_on(date(1990, 3, 7), date(2026, 3, 7)) == 36
    )
    assert date_cn(date(2026, 1, 2)) == "2026年1月2日"
