"""Phone normalisation for the blacklist: the shared `obzvon_numbering` rules (11 digits, 7NNNNNNNNNN)."""

from dataclasses import dataclass

from obzvon_numbering import PhoneError, normalize_phone


@dataclass(frozen=True)
class Rejected:
    code: str
    ru: str
    en: str


def normalise(value: str) -> str | Rejected:
    result = normalize_phone(value)
    if isinstance(result, PhoneError):
        return Rejected(result.code.value, result.message_ru, result.message_en)
    return result


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())
