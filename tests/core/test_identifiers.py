from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiefen.core import clock
from jiefen.core.errors import DomainError, InvalidIdentifier
from jiefen.core.identifiers import (
    CitizenId,
    citizen_id_check_char,
    credit_code_check_char,
    is_valid_citizen_id,
    is_valid_credit_code,
    is_valid_mobile,
    is_within,
    parse_citizen_id,
    parse_credit_code,
    parse_mobile,
    parse_region_code,
    region_prefix,
)

# --- independent reference implementations (ISO 7064 forms of the two standards) ----------

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def reference_citizen_check(first17: str) -> str:
    # ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11, check value (12 - S) mod 11.
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def reference_credit_check(first17: str) -> str:
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def build_citizen_id(region: str, born: date, sequence: int) -> str:
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + reference_citizen_check(first17)


regions = st.integers(0, 999_999).map(lambda i: f"{i:06d}")
births = st.dates(date(1900, 1, 1), date(2020, 12, 31))
sequences = st.integers(0, 999)
citizen_ids = st.builds(build_citizen_id, regions, births, sequences)
credit_codes = st.text(alphabet=CREDIT_ALPHABET, min_size=17, max_size=17).map(
    lambda first17: first17 + reference_credit_check(first17)
)


def assert_invalid(func, value, message, code):
    with pytest.raises(InvalidIdentifier) as caught:
        func(value)
    assert caught.value.message == message
    assert caught.value.code == code
    assert str(caught.value) == message


# --- errors --------------------------------------------------------------------------------


def test_domain_error_carries_message_code_and_extra():
    err = DomainError("期限已过", "deadline_passed", days=3)
    assert str(err) == "期限已过"
    assert err.message == "期限已过"
    assert err.code == "deadline_passed"
    assert err.extra == {"days": 3}


def test_invalid_identifier_is_a_domain_error():
    err = InvalidIdentifier("坏", "bad")
    assert isinstance(err, DomainError)
    assert err.extra == {}


# --- citizen ID ------------------------------------------------------------------------------


@given(region=regions, born=births, sequence=sequences)
def test_generated_citizen_id_parses(region, born, sequence):
    number = build_citizen_id(region, born, sequence)
    parsed = parse_citizen_id(number)
    assert parsed.number == number
    assert parsed.region_code == region
    assert parsed.birth_date == born
    assert parsed.sex == ("male" if sequence % 2 else "female")
    assert is_valid_citizen_id(number)
    assert citizen_id_check_char(number[:17]) == number[17]


@given(number=citizen_ids, data=st.data())
def test_any_single_substitution_in_citizen_id_is_caught(number, data):
    position = data.draw(st.integers(0, 17), label="position")
    allowed = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(
        st.sampled_from([c for c in allowed if c != number[position]]), label="replacement"
    )
    changed = number[:position] + replacement + number[position + 1 :]
    assert not is_valid_citizen_id(changed)
    with pytest.raises(InvalidIdentifier):
        parse_citizen_id(changed)


@pytest.mark.parametrize(
    "number, born, sex",
    [
        ("11010519491231002X", date(1949, 12, 31), "female"),
        ("440524188001010014", date(1880, 1, 1), "male"),
    ],
)
def test_published_examples(number, born, sex):
    assert parse_citizen_id(number) == CitizenId(number, number[:6], born, sex)


def test_citizen_id_normalises_spaces_and_lower_case_x():
    parsed = parse_citizen_id(" 110105 19491231 002x ")
    assert parsed.number == "11010519491231002X"


FORMAT = "身份证号码应为18位，前17位为数字，最后一位为数字或X"
BIRTH = "身份证号码中的出生日期无效"
CHECKSUM = "身份证号码校验位不正确，请核对"


def with_check(first17: str) -> str:
    return first17 + reference_citizen_check(first17)


@pytest.mark.parametrize(
    "value, message, code",
    [
        ("", FORMAT, "citizen_id_format"),
        (None, FORMAT, "citizen_id_format"),
        ("11010519491231002", FORMAT, "citizen_id_format"),
        ("11010519491231002X1", FORMAT, "citizen_id_format"),
        ("1101051949123100XX", FORMAT, "citizen_id_format"),
        ("X10105194912310021", FORMAT, "citizen_id_format"),
        ("11010519491231002Y", FORMAT, "citizen_id_format"),
        ("１１０１０５１９４９１２３１００２X", FORMAT, "citizen_id_format"),  # full-width
        (with_check("11010519491331002"), BIRTH, "citizen_id_birth_date"),  # month 13
        (with_check("11010520230229002"), BIRTH, "citizen_id_birth_date"),  # not a leap year
        (with_check("11010519490000002"), BIRTH, "citizen_id_birth_date"),
        (with_check("11010517001231002"), BIRTH, "citizen_id_birth_date"),  # year 1700
        ("110105194912310021", CHECKSUM, "citizen_id_checksum"),
        ("440524188001010015", CHECKSUM, "citizen_id_checksum"),
    ],
)
def test_citizen_id_errors(value, message, code):
    assert_invalid(parse_citizen_id, value, message, code)
    assert not is_valid_citizen_id(value)


def test_birth_date_in_the_future_is_invalid():
    number = with_check("11010520240601002")
    with clock.frozen(datetime(2024, 5, 31, 12, 0)):
        assert_invalid(parse_citizen_id, number, BIRTH, "citizen_id_birth_date")
    with clock.frozen(datetime(2024, 6, 1, 12, 0)):
        assert parse_citizen_id(number).birth_date == date(2024, 6, 1)


def test_citizen_check_char_rejects_bad_input():
    with pytest.raises(InvalidIdentifier):
        citizen_id_check_char("1234")


# --- unified social credit code -----------------------------------------------------------


@given(code=credit_codes)
def test_generated_credit_code_parses(code):
    assert parse_credit_code(code) == code
    assert parse_credit_code(code.lower()) == code
    assert is_valid_credit_code(code)
    assert credit_code_check_char(code[:17]) == code[17]


@given(code=credit_codes, data=st.data())
def test_any_single_substitution_in_credit_code_is_caught(code, data):
    position = data.draw(st.integers(0, 17), label="position")
    replacement = data.draw(
        st.sampled_from([c for c in CREDIT_ALPHABET if c != code[position]]), label="replacement"
    )
    changed = code[:position] + replacement + code[position + 1 :]
    assert not is_valid_credit_code(changed)
    with pytest.raises(InvalidIdentifier):
        parse_credit_code(changed)


def test_credit_code_known_example_and_normalisation():
    assert parse_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


CREDIT_FORMAT = "统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、S、V、Z）"
CREDIT_CHECKSUM = "统一社会信用代码校验位不正确，请核对"


@pytest.mark.parametrize(
    "value, message, code",
    [
        ("", CREDIT_FORMAT, "credit_code_format"),
        ("91350100M000100Y4", CREDIT_FORMAT, "credit_code_format"),
        ("91350100M000100Y431", CREDIT_FORMAT, "credit_code_format"),
        ("91350100M000100I43", CREDIT_FORMAT, "credit_code_format"),
        ("91350100O000100Y43", CREDIT_FORMAT, "credit_code_format"),
        ("9135010-M000100Y43", CREDIT_FORMAT, "credit_code_format"),
        ("91350100M000100Y44", CREDIT_CHECKSUM, "credit_code_checksum"),
    ],
)
def test_credit_code_errors(value, message, code):
    assert_invalid(parse_credit_code, value, message, code)
    assert not is_valid_credit_code(value)


# --- mobile numbers --------------------------------------------------------------------------

MOBILE = "手机号码应为11位数字，以1开头"


@pytest.mark.parametrize(
    "value",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "8613812345678",
        "86-138-1234-5678",
    ],
)
def test_valid_mobiles(value):
    assert parse_mobile(value) == "13812345678"
    assert is_valid_mobile(value)


@pytest.mark.parametrize("value", ["19912345678", "15000000000", "17700001111"])
def test_second_digit_three_to_nine(value):
    assert parse_mobile(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "",
        None,
        "1381234567",
        "138123456789",
        "12812345678",
        "11812345678",
        "23812345678",
        "1381234567a",
        "+8713812345678",
        "0086138123456789",
        "010-12345678",
        "(138)12345678",
    ],
)
def test_invalid_mobiles(value):
    assert_invalid(parse_mobile, value, MOBILE, "mobile_format")
    assert not is_valid_mobile(value)


# --- region codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, code, level, prefix",
    [
        ("110000000000", "110000000000", "province", "11"),
        ("110000", "110000000000", "province", "11"),
        ("110100", "110100000000", "city", "1101"),
        ("110100000000", "110100000000", "city", "1101"),
        ("110101", "110101000000", "county", "110101"),
        ("429004", "429004000000", "county", "429004"),
        ("110101001000", "110101001000", "town", "110101001"),
        ("110101001001", "110101001001", "village", "110101001001"),
        ("130102100200", "130102100200", "village", "130102100200"),
        (" 110101 001 001 ", "110101001001", "village", "110101001001"),
    ],
)
def test_region_levels(value, code, level, prefix):
    parsed = parse_region_code(value)
    assert (parsed.code, parsed.level, parsed.prefix) == (code, level, prefix)
    assert region_prefix(value) == prefix


REGION_FORMAT = "行政区划代码应为12位数字"
REGION_PROVINCE = "行政区划代码的省级部分不能为00"
REGION_GAP = "行政区划代码层级不连续：上级位为零而下级位不为零"


@pytest.mark.parametrize(
    "value, message, code",
    [
        ("", REGION_FORMAT, "region_code_format"),
        ("11010", REGION_FORMAT, "region_code_format"),
        ("1101010", REGION_FORMAT, "region_code_format"),
        ("1101010010010", REGION_FORMAT, "region_code_format"),
        ("11010a001001", REGION_FORMAT, "region_code_format"),
        ("１１０１０１", REGION_FORMAT, "region_code_format"),
        ("000000000000", REGION_PROVINCE, "region_code_province"),
        ("001101", REGION_PROVINCE, "region_code_province"),
        ("110000001000", REGION_GAP, "region_code_gap"),
        ("110100001000", REGION_GAP, "region_code_gap"),
        ("110101000001", REGION_GAP, "region_code_gap"),
        ("110000000001", REGION_GAP, "region_code_gap"),
    ],
)
def test_region_errors(value, message, code):
    assert_invalid(parse_region_code, value, message, code)


@pytest.mark.parametrize(
    "code, prefix, inside",
    [
        ("110101001001", "11", True),
        ("110101001001", "110000", True),
        ("110101001001", "110101", True),
        ("110101001001", "110101001000", True),
        ("110101001001", "110101001001", True),
        ("110101001001", "110102", False),
        ("110101001001", "120000000000", False),
        ("110101001001", "110101002000", False),
        ("110101", "110101001000", False),
        ("110101", "110101", True),
    ],
)
def test_is_within(code, prefix, inside):
    assert is_within(code, prefix) is inside


def test_is_within_rejects_bad_prefix():
    with pytest.raises(InvalidIdentifier):
        is_within("110101001001", "11a")
    with pytest.raises(InvalidIdentifier):
        is_within("110101001001", "")


def nonzero(width):
    return st.integers(1, 10**width - 1).map(lambda i: f"{i:0{width}d}")


@given(
    parts=st.tuples(nonzero(2), nonzero(2), nonzero(2), nonzero(3), nonzero(3)),
    depth=st.integers(1, 5),
)
def test_region_prefix_property(parts, depth):
    code = "".join(parts[:depth]).ljust(12, "0")
    parsed = parse_region_code(code)
    assert parsed.level == ["province", "city", "county", "town", "village"][depth - 1]
    assert parsed.prefix == "".join(parts[:depth])
    assert is_within(code, parsed.prefix)
    assert is_within(code, parts[0])
