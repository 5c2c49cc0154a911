import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiefen.core.masking import mask_id_number, mask_name, mask_phone


@pytest.mark.parametrize(
    "value, masked",
    [
        ("110105199003071234", "110***********1234"),
        ("11010519491231002X", "110***********002X"),
        ("110105900307123", "110********7123"),  # old 15-digit number
        ("12345678", "123*5678"),
        ("1234567", "*******"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value, masked):
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    "value, masked",
    [
        ("13812345678", "138****5678"),
        ("010-12345678", "010*****5678"),
        ("+8613812345678", "+86*******5678"),
        ("1234567", "*******"),
        ("12", "**"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    "value, masked",
    [
        ("张三", "张*"),
        ("欧阳娜娜", "欧***"),
        ("王小明", "王**"),
        ("买买提·艾力", "买*****"),
        ("张", "张"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_name(value, masked):
    assert mask_name(value) == masked


@given(st.text(alphabet="0123456789X", min_size=8, max_size=30))
def test_masking_keeps_length_and_ends(value):
    for masked in (mask_id_number(value), mask_phone(value)):
        assert len(masked) == len(value)
        assert masked[:3] == value[:3]
        assert masked[-4:] == value[-4:]
        assert set(masked[3:-4]) == {"*"}
