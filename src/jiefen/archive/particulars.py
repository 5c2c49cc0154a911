"""How documents write dates, numbers and a party's particulars (当事人基本情况).

ID and phone numbers only ever appear masked (jiefen.core.masking). Nothing here queries beyond
the relations of the objects it is given."""

from datetime import date, datetime

from django.utils import timezone

from jiefen.cases.choices import PartyRole

ROLE_ORDER = {
    PartyRole.APPLICANT: 0,
    PartyRole.RESPONDENT: 1,
    PartyRole.THIRD_PARTY: 2,
    PartyRole.AGENT: 3,
}
_DIGITS = "零一二三四五六七八九"


def local_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def date_cn(value, *, empty: str = "　　年　　月　　日") -> str:
    """ "2026年1月2日" (GB/T 9704: Arabic numerals, no leading zeros)."""
    day = local_date(value)
    return f"{day.year}年{day.month}月{day.day}日" if day else empty


def datetime_cn(value, *, empty: str = "") -> str:
    if value is None:
        return empty
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date_cn(moment)}{moment.hour}时{moment.minute:02d}分"


def number_cn(n: int) -> str:
    """Small counts in Chinese numerals ("一式三份"); Arabic from 100 up."""
    if n < 0 or n >= 100:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def age_on(birth: date | None, on) -> int | None:
    day = local_date(on)
    if birth is None or day is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def ordered(parties) -> list:
    """Applicants, respondents, third parties, agents; each in the order registered."""
    return sorted(parties, key=lambda p: (ROLE_ORDER.get(p.role, 9), p.pk or 0))


def principals(parties) -> list:
    """The parties proper (当事人), without agents."""
    return [p for p in ordered(parties) if p.role != PartyRole.AGENT]


def names(parties, role=None, *, empty: str = "") -> str:
    chosen = [p.name for p in ordered(parties) if role is None or p.role == role]
    return "、".join(chosen) or empty


def role_label(party) -> str:
    return "委托代理人" if party.role == PartyRole.AGENT else party.get_role_display()


def particulars(party, *, on=None, age_only: bool = False, contact: bool = True) -> str:
    """ "王建国，男，汉族，1990年3月7日出生（36岁），农民，住甲村三组，居民身份证号码110***********1239，
    联系电话138****5678" — the name first, fields that are blank left out."""
    if party.kind == party.Kind.ORGANISATION:
        return _organisation(party, contact=contact)
    pieces = [party.name]
    if party.sex:
        pieces.append(party.get_sex_display())
    if party.ethnicity:
        pieces.append(party.ethnicity)
    age = age_on(party.birth_date, on)
    if age_only and age is not None:
        pieces.append(f"{age}岁")
    elif party.birth_date:
        pieces.append(
            f"{date_cn(party.birth_date)}出生" + (f"（{age}岁）" if age is not None else "")
        )
    if party.occupation:
        pieces.append(party.occupation)
    if party.employer:
        pieces.append(f"工作单位：{party.employer}")
    if party.address:
        pieces.append(f"住{party.address}")
    if party.id_number:
        label = party.get_id_type_display() if party.id_type else "证件"
        pieces.append(f"{label}号码{party.masked_id_number}")
    if contact and party.phone:
        pieces.append(f"联系电话{party.masked_phone}")
    return "，".join(pieces)


def _organisation(party, *, contact: bool) -> str:
    pieces = [party.name]
    if party.address:
        pieces.append(f"住所地{party.address}")
    if party.credit_code:
        pieces.append(f"统一社会信用代码{party.credit_code}")
    if party.representative:
        pieces.append(f"法定代表人（负责人）{party.representative}")
    if contact and party.phone:
        pieces.append(f"联系电话{party.masked_phone}")
    return "，".join(pieces)


def person_name(user, *, empty: str = "") -> str:
    if user is None:
        return empty
    return user.full_name or user.username
