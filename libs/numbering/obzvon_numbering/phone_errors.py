"""Why a cell is not a dialable Russian phone number: a stable code and a message in Russian and English."""

from dataclasses import dataclass
from enum import StrEnum


class PhoneErrorCode(StrEnum):
    """Stable codes of rejected phone values (used in per-row import reports and APIs)."""

    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    LETTERS = "letters"
    INVALID_CHARACTERS = "invalid_characters"
    MULTIPLE_NUMBERS = "multiple_numbers"
    EXTENSION = "extension"
    FORMULA = "formula"
    FOREIGN = "foreign"
    INVALID_PREFIX = "invalid_prefix"
    EMERGENCY = "emergency"
    SERVICE_NUMBER = "service_number"
    PREMIUM = "premium"
    INVALID_TYPE = "invalid_type"


_MESSAGES: dict[PhoneErrorCode, tuple[str, str]] = {
    PhoneErrorCode.EMPTY: ("Номер не указан", "The phone number is empty"),
    PhoneErrorCode.TOO_SHORT: (
        "Слишком мало цифр: нужен номер из 10 цифр или 11 цифр с 7/8 в начале",
        "Too few digits: expected 10 digits, or 11 digits starting with 7/8",
    ),
    PhoneErrorCode.TOO_LONG: (
        "Слишком много цифр: нужен номер из 10 цифр или 11 цифр с 7/8 в начале",
        "Too many digits: expected 10 digits, or 11 digits starting with 7/8",
    ),
    PhoneErrorCode.LETTERS: ("Номер содержит буквы", "The phone number contains letters"),
    PhoneErrorCode.INVALID_CHARACTERS: (
        "Номер содержит недопустимые символы",
        "The phone number contains characters that are not allowed",
    ),
    PhoneErrorCode.MULTIPLE_NUMBERS: (
        "В ячейке несколько номеров: оставьте один номер в строке",
        "The cell holds several numbers: keep one number per row",
    ),
    PhoneErrorCode.EXTENSION: (
        "Номер с добавочным нельзя набрать автоматически: укажите добавочный в другом поле",
        "A number with an extension cannot be dialled automatically: put the extension in another field",
    ),
    PhoneErrorCode.FORMULA: (
        "Ячейка содержит формулу, а не номер",
        "The cell holds a formula, not a phone number",
    ),
    PhoneErrorCode.FOREIGN: (
        "Номер другой страны: принимаются только российские номера (+7)",
        "A foreign number: only Russian numbers (+7) are accepted",
    ),
    PhoneErrorCode.INVALID_PREFIX: (
        "Такого кода нет в российской нумерации",
        "No such code in the Russian numbering plan",
    ),
    PhoneErrorCode.EMERGENCY: (
        "Номер экстренной службы: такие номера никогда не набираются",
        "An emergency number: such numbers are never dialled",
    ),
    PhoneErrorCode.SERVICE_NUMBER: (
        "Короткий служебный номер: такие номера никогда не набираются",
        "A short service number: such numbers are never dialled",
    ),
    PhoneErrorCode.PREMIUM: (
        "Платный номер (8-803, 8-809): звонок стоит денег, номер не принимается",
        "A premium-rate number (8-803, 8-809): calling it costs money, so it is not accepted",
    ),
    PhoneErrorCode.INVALID_TYPE: (
        "В ячейке не номер телефона (например, дата или логическое значение)",
        "The cell does not hold a phone number (for example a date or a boolean)",
    ),
}


@dataclass(frozen=True, slots=True)
class PhoneError:
    """A rejected phone value: ``code`` is stable, the messages are for people."""

    code: PhoneErrorCode
    message_ru: str
    message_en: str

    @classmethod
    def of(cls, code: PhoneErrorCode, detail_ru: str = "", detail_en: str = "") -> "PhoneError":
        """The standard messages of ``code``, with an optional detail appended (``: «О»``)."""
        ru, en = _MESSAGES[code]
        if detail_ru:
            ru = f"{ru}: {detail_ru}"
        if detail_en:
            en = f"{en}: {detail_en}"
        return cls(code, ru, en)
