"""Parsing and checking of Chinese identifiers (DOMAIN.md §7). Pure functions, no database.

Each ``parse_*`` normalises its input and returns the canonical form, or raises
``InvalidIdentifier`` with a Chinese message and a machine code.
"""

import re
from dataclasses import dataclass
from datetime import date

from jiefen.core import clock
from jiefen.core.errors import InvalidIdentifier

# --- citizen ID (GB 11643) ----------------------------------------------------------------

CITIZEN_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CITIZEN_ID_CHECK_CHARS = "10X98765432"
_CITIZEN_ID_RE = re.compile(r"[0-9]{17}[0-9X]")
_FIRST17_RE = re.compile(r"[0-9]{17}")

MSG_CITIZEN_ID_FORMAT = "身份证号码应为18位，前17位为数字，最后一位为数字或X"
MSG_CITIZEN_ID_BIRTH_DATE = "身份证号码中的出生日期无效"
MSG_CITIZEN_ID_CHECKSUM = "身份证号码校验位不正确，请核对"
# Nobody alive or on record was born before this; an earlier year is a typing error.
_EARLIEST_BIRTH_YEAR = 1800


@dataclass(frozen=True)
class CitizenId:
    number: str
    region_code: str
    birth_date: date
    sex: str  # "male" | "female"


def _compact(value) -> str:
    """The value as a string without any whitespace; ``None`` becomes ""."""
    return "".join(str(value if value is not None else "").split())


def citizen_id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    if not _FIRST17_RE.fullmatch(first17 or ""):
        raise InvalidIdentifier(MSG_CITIZEN_ID_FORMAT, "citizen_id_format", kind="citizen_id")
    total = sum(int(c) * w for c, w in zip(first17, CITIZEN_ID_WEIGHTS, strict=True))
    return CITIZEN_ID_CHECK_CHARS[total % 11]


def _citizen_birth_date(number: str) -> date:
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        born = None
    if born is None or born.year < _EARLIEST_BIRTH_YEAR or born > clock.today():
        raise InvalidIdentifier(
            MSG_CITIZEN_ID_BIRTH_DATE, "citizen_id_birth_date", kind="citizen_id"
        )
    return born


def parse_citizen_id(value: str) -> CitizenId:
    """Check an 18-character resident ID number and split it into its parts."""
    number = _compact(value).upper()
    if not _CITIZEN_ID_RE.fullmatch(number):
        raise InvalidIdentifier(MSG_CITIZEN_ID_FORMAT, "citizen_id_format", kind="citizen_id")
    born = _citizen_birth_date(number)
    if citizen_id_check_char(number[:17]) != number[17]:
        raise InvalidIdentifier(MSG_CITIZEN_ID_CHECKSUM, "citizen_id_checksum", kind="citizen_id")
    sex = "male" if int(number[16]) % 2 else "female"
    return CitizenId(number=number, region_code=number[:6], birth_date=born, sex=sex)


def is_valid_citizen_id(value) -> bool:
    try:
        parse_citizen_id(value)
    except InvalidIdentifier:
        return False
    return True


# --- unified social credit code (GB 32100) ------------------------------------------------

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I O S V Z
CREDIT_CODE_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_CREDIT_VALUES = {c: i for i, c in enumerate(CREDIT_CODE_ALPHABET)}
_CREDIT_CODE_RE = re.compile(f"[{CREDIT_CODE_ALPHABET}]{{18}}")
_CREDIT_FIRST17_RE = re.compile(f"[{CREDIT_CODE_ALPHABET}]{{17}}")

MSG_CREDIT_CODE_FORMAT = "统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、S、V、Z）"
MSG_CREDIT_CODE_CHECKSUM = "统一社会信用代码校验位不正确，请核对"


def credit_code_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters."""
    first17 = (first17 or "").upper()
    if not _CREDIT_FIRST17_RE.fullmatch(first17):
        raise InvalidIdentifier(MSG_CREDIT_CODE_FORMAT, "credit_code_format", kind="credit_code")
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def parse_credit_code(value) -> str:
    """Check a unified social credit code; returns it in upper case."""
    code = _compact(value).upper()
    if not _CREDIT_CODE_RE.fullmatch(code):
        raise InvalidIdentifier(MSG_CREDIT_CODE_FORMAT, "credit_code_format", kind="credit_code")
    if credit_code_check_char(code[:17]) != code[17]:
        raise InvalidIdentifier(
            MSG_CREDIT_CODE_CHECKSUM, "credit_code_checksum", kind="credit_code"
        )
    return code


def is_valid_credit_code(value) -> bool:
    try:
        parse_credit_code(value)
    except InvalidIdentifier:
        return False
    return True


# --- mainland mobile numbers ---------------------------------------------------------------

MSG_MOBILE_FORMAT = "手机号码应为11位数字，以1开头"
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")


def parse_mobile(value) -> str:
    """Accept "138 1234 5678", "+86 138-1234-5678", "8613812345678"; return the 11 digits."""
    digits = re.sub(r"[\s\-]", "", str(value if value is not None else ""))
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not _MOBILE_RE.fullmatch(digits):
        raise InvalidIdentifier(MSG_MOBILE_FORMAT, "mobile_format", kind="mobile")
    return digits


def is_valid_mobile(value) -> bool:
    try:
        parse_mobile(value)
    except InvalidIdentifier:
        return False
    return True


# --- region codes (12-digit statistical code; first 6 digits GB/T 2260) ---------------------

MSG_REGION_FORMAT = "行政区划代码应为12位数字"
MSG_REGION_PROVINCE = "行政区划代码的省级部分不能为00"
MSG_REGION_GAP = "行政区划代码层级不连续：上级位为零而下级位不为零"

# (level, end of its part in the 12 digits); a code's level is the last non-zero part.
_REGION_PARTS = (("province", 2), ("city", 4), ("county", 6), ("town", 9), ("village", 12))
_REGION_RE = re.compile(r"[0-9]{6}|[0-9]{12}")


@dataclass(frozen=True)
class RegionCode:
    code: str  # 12 digits
    level: str  # province | city | county | town | village
    prefix: str  # the significant digits: 2, 4, 6, 9 or 12 of them

    def __str__(self) -> str:
        return self.code


def _region_error(message: str, code: str) -> InvalidIdentifier:
    return InvalidIdentifier(message, code, kind="region_code")


def parse_region_code(value) -> RegionCode:
    """Check a 12-digit (or 6-digit GB/T 2260) region code and find its level."""
    code = _compact(value)
    if not _REGION_RE.fullmatch(code):
        raise _region_error(MSG_REGION_FORMAT, "region_code_format")
    code = code.ljust(12, "0")
    if code[:2] == "00":
        raise _region_error(MSG_REGION_PROVINCE, "region_code_province")
    # A town needs its county, a village its town.
    if (code[6:9] != "000" and code[4:6] == "00") or (code[9:12] != "000" and code[6:9] == "000"):
        raise _region_error(MSG_REGION_GAP, "region_code_gap")
    level, end = _region_level(code)
    return RegionCode(code=code, level=level, prefix=code[:end])


def _region_level(code: str) -> tuple[str, int]:
    """The deepest level whose part is non-zero, with the end of its part."""
    start = 0
    found = _REGION_PARTS[0]
    for level, end in _REGION_PARTS:
        if code[start:end].strip("0"):
            found = (level, end)
        start = end
    return found


def region_prefix(code) -> str:
    """The significant prefix of a region code: every code below it starts with it."""
    return parse_region_code(code).prefix


def is_within(code, prefix) -> bool:
    """Whether region ``code`` lies in the subtree of ``prefix`` (itself included).

    ``prefix`` may be a region code (6 or 12 digits) or a bare prefix such as "1101".
    """
    prefix = _compact(prefix)
    if len(prefix) in (6, 12):
        prefix = region_prefix(prefix)
    elif not prefix.isascii() or not prefix.isdigit() or len(prefix) > 12:
        raise _region_error(MSG_REGION_FORMAT, "region_code_format")
    return parse_region_code(code).code.startswith(prefix)
