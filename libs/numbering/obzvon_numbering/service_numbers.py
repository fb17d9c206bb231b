"""Numbers the dialer must never call: emergency and short service numbers, and premium-rate codes.

Russia's emergency numbers are 112 (single number), 101–104 (fire, police, ambulance, gas; 01–04 from
landlines, 010–040 from some mobile networks); 911 and 999 also reach 112 from mobile phones. Every other
number of two to four digits is a short service number of an operator or a service (100 time, 0500, 0611,
900 …): no subscriber number is that short, so all of them are refused.
Premium-rate (paid) national codes are 803 and 809 (8-803…, 8-809…).
"""

import unicodedata

EMERGENCY_NUMBERS: frozenset[str] = frozenset(
    {
        "112",
        "101",
        "102",
        "103",
        "104",
        "01",
        "02",
        "03",
        "04",
        "010",
        "020",
        "030",
        "040",
        "001",
        "002",
        "003",
        "004",
        "911",
        "999",
    }
)

#: National (10-digit) codes of premium-rate services.
PREMIUM_CODES: frozenset[str] = frozenset({"803", "809"})

#: Longest short (service) number.
MAX_SERVICE_DIGITS = 4


def _decimal_digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdecimal())


def is_emergency(number: str) -> bool:
    """True when ``number`` (any format: ``"1-1-2"``, ``"０３"``) is an emergency number."""
    digits = _decimal_digits(number)
    return _ascii(digits) in EMERGENCY_NUMBERS


def is_emergency_or_service(number: str) -> bool:
    """True for emergency numbers and for every short (2–4 digit) service number, in any format."""
    digits = _ascii(_decimal_digits(number))
    return digits in EMERGENCY_NUMBERS or 2 <= len(digits) <= MAX_SERVICE_DIGITS


def is_premium(number: str) -> bool:
    """True for premium-rate numbers: 10-digit national ``803…``/``809…`` or 11-digit ``7803…``/``8809…``."""
    digits = _ascii(_decimal_digits(number))
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    return len(digits) == 10 and digits[:3] in PREMIUM_CODES


def _ascii(digits: str) -> str:
    """Map any Unicode decimal digits to ASCII ``0-9``."""
    if digits.isascii():
        return digits
    return "".join(str(unicodedata.decimal(ch)) for ch in digits)
