"""Turn party input (dicts from a form, the API or an importer) into checked Party rows."""

import re

from jiefen.cases.choices import PartyRole
from jiefen.cases.errors import CaseError
from jiefen.cases.models import Party
from jiefen.cases.validation import a_date, choice, text
from jiefen.core import crypto
from jiefen.core.errors import InvalidIdentifier
from jiefen.core.identifiers import parse_citizen_id, parse_credit_code, parse_mobile

_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
_FIELDS = {
    "role",
    "kind",
    "name",
    "sex",
    "ethnicity",
    "birth_date",
    "id_type",
    "id_number",
    "phone",
    "address",
    "occupation",
    "employer",
    "credit_code",
    "representative",
}


def normalise_phone(raw: str) -> str:
    raw = (raw or "").strip()
    if not raw:
        return ""
    digits = re.sub(r"[\s-]", "", raw)
    if digits.lstrip("+").startswith(("1", "861")) and len(digits.lstrip("+")) in (11, 13):
        return parse_mobile(raw)
    if _LANDLINE.match(raw.replace(" ", "")):
        return raw.replace(" ", "")
    raise CaseError(
        f"联系电话“{raw}”格式不正确：手机号码应为11位数字，固定电话如 0999-6200000",
        "invalid_phone",
        field="联系电话",
    )


def build_party(raw: dict, position: int) -> Party:
    label = f"第 {position} 位当事人"
    unknown = set(raw) - _FIELDS
    if unknown:
        raise CaseError(f"{label}含有未知字段：{'、'.join(sorted(unknown))}", "unknown_field")
    party = Party(
        role=choice(raw.get("role", PartyRole.APPLICANT), PartyRole, f"{label}的身份"),
        kind=choice(raw.get("kind", Party.Kind.PERSON), Party.Kind, f"{label}的类型"),
        name=text(raw.get("name"), f"{label}的姓名或名称", max_length=100),
        ethnicity=text(raw.get("ethnicity"), "民族", max_length=20, required=False),
        address=text(raw.get("address"), "住址", max_length=200, required=False),
        occupation=text(raw.get("occupation"), "职业", max_length=60, required=False),
        employer=text(raw.get("employer"), "工作单位", max_length=100, required=False),
        representative=text(raw.get("representative"), "法定代表人", max_length=40, required=False),
    )
    if raw.get("sex"):
        party.sex = choice(raw["sex"], Party.Sex, f"{label}的性别")
    if raw.get("birth_date"):
        party.birth_date = a_date(raw["birth_date"], f"{label}的出生日期")
    _identity(party, raw, label)
    phone = normalise_phone(raw.get("phone", ""))
    if phone:
        party.phone, party.phone_hash = phone, crypto.keyed_hash(phone)
    return party


def _identity(party: Party, raw: dict, label: str) -> None:
    id_number = (raw.get("id_number") or "").strip()
    if party.kind == Party.Kind.ORGANISATION:
        if raw.get("credit_code"):
            try:
                party.credit_code = parse_credit_code(raw["credit_code"])
            except InvalidIdentifier as exc:
                raise CaseError(
                    f"{label}：{exc.message}", exc.code, field="统一社会信用代码"
                ) from None
        return
    if not id_number:
        return
    party.id_type = choice(
        raw.get("id_type") or Party.IdType.CITIZEN_ID, Party.IdType, f"{label}的证件类型"
    )
    if party.id_type == Party.IdType.CITIZEN_ID:
        try:
            parsed = parse_citizen_id(id_number)
        except InvalidIdentifier as exc:
            raise CaseError(f"{label}：{exc.message}", exc.code, field="身份证号码") from None
        id_number = parsed.number
        party.sex = party.sex or parsed.sex
        party.birth_date = party.birth_date or parsed.birth_date
    party.id_number, party.id_hash = id_number, crypto.keyed_hash(id_number)


def build_parties(raw_parties) -> list[Party]:
    parties = [build_party(dict(raw), i) for i, raw in enumerate(raw_parties or (), start=1)]
    return parties
