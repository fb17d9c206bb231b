"""Phone normalisation: any cell value → ``7NNNNNNNNNN`` (11 ASCII digits) or a precise :class:`PhoneError`.

Accepted: ``8 (916) 123-45-67``, ``+7 916 123 45 67``, ``9161234567``, Excel numbers (``79161234567.0``,
``7.9161234567E10``, floats and ints from a spreadsheet reader), a leading apostrophe (Excel's text
marker), any Unicode decimal digits (full-width ``７``, Arabic-Indic ``٧``), invisible characters
(zero-width, bidirectional overrides, BOM, control characters such as NUL) which are removed, the
international forms ``8 10 7…`` and ``00 7…``.

Refused, each with its own code: empty cells, too few or too many digits, letters (a Cyrillic ``О``
instead of ``0``), other symbols, two numbers in one cell, extensions (``доб. 12``), formulas
(``=…``), foreign country codes (``+380``, ``+375``, ``+1``…), codes absent from the Russian plan,
emergency and short service numbers (112, 101–104, 01–04 …), premium-rate 8-803/8-809.

``normalize_phone`` is total (never raises, whatever the value) and idempotent: a normalised number
normalises to itself.
"""

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from obzvon_numbering.phone_errors import PhoneError, PhoneErrorCode
from obzvon_numbering.service_numbers import (
    EMERGENCY_NUMBERS,
    MAX_SERVICE_DIGITS,
    PREMIUM_CODES,
)

#: First digits of a national (10-digit) number written with a 7/8/+7 prefix: ABC 3xx/4xx/8xx, DEF 9xx,
#: and 6xx/7xx of Kazakhstan, which shares the +7 country code.
_NATIONAL_FIRST = frozenset("346789")
#: First digits allowed when the number is written without a prefix (10 digits). A bare ``7…`` or ``89…``
#: is a mobile number with a digit missing (no ABC code starts with 89), so it counts as too short.
_BARE_FIRST = frozenset("3489")

_FAST = re.compile(r"(?:\+7|[78])([346789]\d{9})|((?!89)[3489]\d{9})")

_SCIENTIFIC = re.compile(r"\+?\d+(?:[.,]\d+)?[eE]\+?\d+")
_TRAILING_ZERO_FRACTION = re.compile(r"(\d+)[.,]0+")
_EXTENSION = re.compile(r"(?i)(?:доб|ext|вн(?:утр)?)\.?|#|(?<=[\d\s])[xх×*](?=\s*\d)")
_SEPARATORS = re.compile(r"[;,|\\/]+|\s+(?:или|or)\s+", re.IGNORECASE)
_SEPARATOR_CHARS = ";,|\\/"
_APOSTROPHES = "'’‘`"
_FORMATTING = frozenset("()." + "-‐‑‒–—―−")
_MIN_DIGITS_OF_A_NUMBER = 5
_MAX_EXPONENT = 20
_TWO_DIGIT_COUNTRY_CODES = frozenset(
    str(code)
    for code in (
        *(20, 27, *range(30, 35), 36, 39, 40, 41, *range(43, 50), *range(51, 59), *range(60, 67)),
        *(81, 82, 84, 86, *range(90, 96), 98),
    )
)
_HUGE = 10**_MAX_EXPONENT
#: E.164 allows at most 15 digits.
_MAX_DIGITS = 15


def normalize_phone(value: object) -> str | PhoneError:
    """Return the number as ``7NNNNNNNNNN`` or the reason it is not a dialable Russian number."""
    if type(value) is float and value.is_integer() and 0 < value < _HUGE:
        value = str(int(value))  # a spreadsheet number: 79161234567.0
    if type(value) is str:
        match = _FAST.fullmatch(value.replace(" ", "").replace("-", "").replace("(", "").replace(")", ""))
        if match is not None:
            national = match.group(1) or match.group(2)
            if national[:3] not in PREMIUM_CODES:
                return "7" + national
        return _normalize_text(value)
    return _normalize_other(value)


def _normalize_other(value: object) -> str | PhoneError:
    if value is None:
        return PhoneError.of(PhoneErrorCode.EMPTY)
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        return PhoneError.of(PhoneErrorCode.INVALID_TYPE)
    if isinstance(value, int):
        if value < 0:
            return PhoneError.of(PhoneErrorCode.INVALID_TYPE)
        return _normalize_text(str(value)) if value < _HUGE else PhoneError.of(PhoneErrorCode.TOO_LONG)
    if isinstance(value, float | Decimal):
        number = float(value) if isinstance(value, float) else value
        if isinstance(number, float) and (math.isnan(number) or math.isinf(number)):
            return PhoneError.of(PhoneErrorCode.INVALID_TYPE)
        if isinstance(number, Decimal) and not number.is_finite():
            return PhoneError.of(PhoneErrorCode.INVALID_TYPE)
        if isinstance(number, Decimal) and number.adjusted() > _MAX_EXPONENT:
            return PhoneError.of(PhoneErrorCode.TOO_LONG)
        if number < 0 or number != int(number):
            return PhoneError.of(PhoneErrorCode.INVALID_TYPE)
        if number >= _HUGE:
            return PhoneError.of(PhoneErrorCode.TOO_LONG)
        return _normalize_text(str(int(number)))
    if isinstance(value, bytes):
        return _normalize_text(value.decode("utf-8", errors="replace"))
    return PhoneError.of(PhoneErrorCode.INVALID_TYPE)


def _clean(text: str) -> str:
    """Drop invisible characters, turn line breaks and tabs into separators, digits into ASCII."""
    out: list[str] = []
    for ch in text:
        if "0" <= ch <= "9":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Nd":
            out.append(str(unicodedata.decimal(ch)))
        elif ch in "\t\n\r\v\f" or category in ("Zl", "Zp"):
            out.append(";")
        elif category in ("Cf", "Cc", "Cs", "Co", "Cn") or category == "Mn":
            continue
        elif category == "Zs":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out).strip(" ")


def _strip_ends(text: str) -> str:
    return text.strip(" " + _SEPARATOR_CHARS)


def _normalize_text(text: str) -> str | PhoneError:
    cleaned = _strip_ends(_clean(text))
    if cleaned[:1] in _APOSTROPHES and cleaned:
        cleaned = _strip_ends(cleaned[1:])
    if not cleaned:
        return PhoneError.of(PhoneErrorCode.EMPTY)
    if cleaned.startswith("="):
        return PhoneError.of(PhoneErrorCode.FORMULA)
    if _SCIENTIFIC.fullmatch(cleaned):
        return _from_scientific(cleaned)
    zero_fraction = _TRAILING_ZERO_FRACTION.fullmatch(cleaned)
    if zero_fraction is not None:
        cleaned = zero_fraction.group(1)
    if _EXTENSION.search(cleaned):
        return PhoneError.of(PhoneErrorCode.EXTENSION)
    if _has_several_numbers(cleaned):
        return PhoneError.of(PhoneErrorCode.MULTIPLE_NUMBERS)
    letters = _letters(cleaned)
    if letters:
        shown = ", ".join(f"«{ch}»" for ch in letters)
        return PhoneError.of(PhoneErrorCode.LETTERS, shown, shown)
    if not _only_formatting(cleaned):
        return PhoneError.of(PhoneErrorCode.INVALID_CHARACTERS)
    digits = "".join(ch for ch in cleaned if "0" <= ch <= "9")
    return _from_digits(digits, plus=cleaned.startswith("+"))


def _from_scientific(text: str) -> str | PhoneError:
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return PhoneError.of(PhoneErrorCode.INVALID_CHARACTERS)
    if number.adjusted() > _MAX_EXPONENT:
        return PhoneError.of(PhoneErrorCode.TOO_LONG)
    if number != number.to_integral_value():
        return PhoneError.of(PhoneErrorCode.INVALID_TYPE)
    return _from_digits(str(int(number)), plus=False)


def _has_several_numbers(text: str) -> bool:
    parts = _SEPARATORS.split(text)
    if sum(1 for part in parts if _digit_count(part) >= _MIN_DIGITS_OF_A_NUMBER) >= 2:
        return True
    if _digit_count(text) > 11:
        # "79161234567 79161234568": two complete numbers separated by spaces only.
        return sum(1 for token in text.split() if _digit_count(token) >= 10) >= 2
    return False


def _digit_count(text: str) -> int:
    return sum(1 for ch in text if "0" <= ch <= "9")


def _letters(text: str) -> list[str]:
    found: list[str] = []
    for ch in text:
        if unicodedata.category(ch).startswith("L") and ch not in found:
            found.append(ch)
            if len(found) == 5:
                break
    return found


def _only_formatting(text: str) -> bool:
    for index, ch in enumerate(text):
        if "0" <= ch <= "9" or ch == " " or ch in _FORMATTING:
            continue
        if ch == "+" and index == 0:
            continue
        return False
    return True


def _from_digits(digits: str, *, plus: bool) -> str | PhoneError:
    if not digits:
        return PhoneError.of(PhoneErrorCode.EMPTY)
    if not plus:
        if digits.startswith("810") and len(digits) >= 13:
            digits, plus = digits[3:], True
        elif digits.startswith("00") and len(digits) >= 11:
            digits, plus = digits[2:], True
    if len(digits) > _MAX_DIGITS:
        return PhoneError.of(PhoneErrorCode.TOO_LONG)
    if not plus and len(digits) <= MAX_SERVICE_DIGITS:
        if digits in EMERGENCY_NUMBERS:
            return PhoneError.of(PhoneErrorCode.EMERGENCY)
        if len(digits) >= 2:
            return PhoneError.of(PhoneErrorCode.SERVICE_NUMBER)
        return PhoneError.of(PhoneErrorCode.TOO_SHORT)
    if plus:
        if digits[0] != "7":
            return _foreign(digits)
        national = digits[1:]
    elif len(digits) == 10:
        national = digits
        if national[0] == "7" or national[:2] == "89":
            return PhoneError.of(PhoneErrorCode.TOO_SHORT)
        if national[0] not in _BARE_FIRST:
            return PhoneError.of(PhoneErrorCode.INVALID_PREFIX)
    elif len(digits) >= 11:
        if digits[0] not in "78":
            if digits[0] == "0":
                return PhoneError.of(PhoneErrorCode.INVALID_PREFIX)
            return _foreign(digits)
        national = digits[1:]
    else:
        return PhoneError.of(PhoneErrorCode.TOO_SHORT)
    if len(national) < 10:
        return PhoneError.of(PhoneErrorCode.TOO_SHORT)
    if len(national) > 10:
        return PhoneError.of(PhoneErrorCode.TOO_LONG)
    if national[0] not in _NATIONAL_FIRST:
        return PhoneError.of(PhoneErrorCode.INVALID_PREFIX)
    if national[:3] in PREMIUM_CODES:
        return PhoneError.of(PhoneErrorCode.PREMIUM)
    return "7" + national


def _foreign(digits: str) -> PhoneError:
    code = f"+{digits[: _country_code_length(digits)]}"
    return PhoneError.of(PhoneErrorCode.FOREIGN, code, code)


def _country_code_length(digits: str) -> int:
    """Length of the ITU country code ``digits`` starts with (1: +1, +7; 2: +44, +86…; else 3)."""
    if digits[0] in "17":
        return 1
    return 2 if digits[:2] in _TWO_DIGIT_COUNTRY_CODES else 3
