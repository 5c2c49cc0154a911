"""Driving the citizen pages with Django's test client: a fresh captcha per form, and the
counts that prove a refused submission created nothing."""

from jiefen.cases.models import Attachment, Case, CaseEvent, Party
from jiefen.portal.models import OnlineSubmission
from tests.cases.factories import category

DESCRIPTION = (
    "楼上住户家卫生间漏水两个多月，我家天花板发霉掉灰，多次上门协商未果，请求调解赔偿维修费用。"
)
VALID_ID = "110105199003071239"


def captcha_answer(client, form: str) -> str:
    return str(client.session["portal_captcha"][form]["a"])


def submit_data(client, cast, **overrides) -> dict:
    """A complete, valid submission for 甲镇甲村, with the captcha of a fresh page load."""
    client.get("/p/submit/")
    data = {
        "matter_type": "dispute",
        "category": str(category("02").pk),
        "description": DESCRIPTION,
        "town": cast.town_region.code,
        "village": cast.village_region.code,
        "address": "甲村三组",
        "occurred_on": "",
        "people_count": "2",
        "amount": "3000",
        "respondent_name": "李秀英",
        "respondent_phone": "13987654321",
        "applicant_name": "王建国",
        "applicant_phone": "13812345678",
        "applicant_id": "",
        "mode": "online",
        "appointment_date": "",
        "appointment_period": "",
        "captcha": captcha_answer(client, "submit"),
    }
    data.update(overrides)
    return data


def post_submit(client, cast, files=(), **overrides):
    data = submit_data(client, cast, **overrides)
    if files:
        data["files"] = list(files)
    return client.post("/p/submit/", data)


def counts() -> dict:
    return {
        m.__name__: m.objects.count()
        for m in (Case, Party, Attachment, CaseEvent, OnlineSubmission)
    }


def receipt(client) -> tuple[str, str]:
    """Open the receipt page and read the number and the code off it."""
    import re

    body = client.get("/p/receipt/").content.decode()
    number = re.search(r'id="case-number">([^<]+)<', body).group(1)
    code = re.search(r'id="query-code">([^<]+)<', body).group(1)
    return number, code


def track(client, number, code, **extra):
    data = {"number": number, "code": code}
    if "portal_captcha" in client.session and "track" in client.session["portal_captcha"]:
        data["captcha"] = captcha_answer(client, "track")
    data.update(extra)
    return client.post("/p/track/", data, follow=True)
