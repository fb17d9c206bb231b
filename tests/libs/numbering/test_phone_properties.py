"""Property tests: normalisation is total over any value and idempotent on what it returns."""

import string

from hypothesis import given
from hypothesis import strategies as st
from obzvon_numbering import PhoneError, normalize_phone

ANY_VALUE = st.one_of(
    st.text(),
    st.text(alphabet=string.digits + " +-()'.;,Ee\u200b\u202eО", max_size=40),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.binary(max_size=30),
)
NATIONAL = st.from_regex(r"9[0-9]{9}", fullmatch=True)
FORMAT = st.sampled_from(
    ["+7 {a} {b} {c} {d}", "8 ({a}) {b}-{c}-{d}", "7{a}{b}{c}{d}", "{a}{b}{c}{d}", "8-{a}-{b}-{c}-{d}"]
)


@given(ANY_VALUE)
def test_total_and_idempotent(value: object) -> None:
    result = normalize_phone(value)
    if isinstance(result, PhoneError):
        assert result.message_ru and result.message_en
    else:
        assert len(result) == 11 and result.isascii() and result.isdigit() and result[0] == "7"
        assert normalize_phone(result) == result


@given(NATIONAL, FORMAT)
def test_every_written_form_of_a_mobile_number_gives_one_number(national: str, template: str) -> None:
    written = template.format(a=national[:3], b=national[3:6], c=national[6:8], d=national[8:])
    assert normalize_phone(written) == "7" + national


@given(
    NATIONAL, st.integers(min_value=0, max_value=12), st.sampled_from(["\u200b", "\u202e", "\ufeff", "\x00"])
)
def test_invisible_characters_never_change_the_number(national: str, position: int, char: str) -> None:
    written = "8" + national
    assert normalize_phone(written[:position] + char + written[position:]) == "7" + national
