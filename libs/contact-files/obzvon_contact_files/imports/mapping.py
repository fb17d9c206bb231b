"""Column mapping (F-30): which file column feeds which card field.

A mapping is ``{column label: target}`` where target is a card field (``phone``, ``email``,
``full_name``, ``birth_date``, ``position``, ``city``, ``address``, ``description``), ``"ignore"`` or
``"custom:<key>"`` (stored in ``contacts.custom_fields[key]``). :func:`suggest_mapping` proposes one
from the headers; the user edits it; :func:`resolve_mapping` checks it against the file's columns.
Columns missing from the mapping are ignored.
"""

import re
from dataclasses import dataclass

from obzvon_contact_files.imports.errors import MappingError

FIELDS: tuple[str, ...] = (
    "phone",
    "email",
    "full_name",
    "birth_date",
    "position",
    "city",
    "address",
    "description",
)
TEXT_FIELDS: tuple[str, ...] = ("email", "full_name", "position", "city", "address", "description")
IGNORE = "ignore"
CUSTOM_PREFIX = "custom:"
MAX_CUSTOM_KEY = 100

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "phone": ("phone", "телефон", "тел", "номер", "номертелефона", "мобильный", "mobile", "tel", "msisdn"),
    "email": ("email", "e-mail", "почта", "электроннаяпочта", "mail", "емейл", "имейл"),
    "full_name": ("full_name", "fullname", "фио", "имя", "name", "клиент", "фамилияимяотчество"),
    "birth_date": ("birth_date", "birthdate", "датарождения", "датарожд", "деньрождения", "birthday", "dob"),
    "position": ("position", "должность", "job", "jobtitle"),
    "city": ("city", "город", "населенныйпункт"),
    "address": ("address", "адрес"),
    "description": ("description", "описание", "комментарий", "comment", "примечание", "note", "notes"),
}
_KEY_CLEAN = re.compile(r"[\s.:№#\"'()\[\]]+")


def _key(label: str) -> str:
    return _KEY_CLEAN.sub("", label.casefold().replace("ё", "е"))


_BY_SYNONYM = {_key(word): field for field, words in _SYNONYMS.items() for word in words}


def suggest_mapping(header: list[str]) -> dict[str, str]:
    """A field for each recognised header (first column wins), ``custom:<label>`` for the others."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for label in header:
        field = _BY_SYNONYM.get(_key(label))
        if field and field not in taken:
            mapping[label] = field
            taken.add(field)
        else:
            mapping[label] = CUSTOM_PREFIX + label[:MAX_CUSTOM_KEY]
    return mapping


@dataclass(frozen=True, slots=True)
class ResolvedMapping:
    """Column positions: ``fields[field] = index``; ``custom`` is ``[(key, index)]``."""

    fields: dict[str, int]
    custom: list[tuple[str, int]]
    labels: list[str]

    @property
    def phone_index(self) -> int:
        return self.fields["phone"]


def resolve_mapping(mapping: dict[str, str], header: list[str]) -> ResolvedMapping:
    """Check ``mapping`` against ``header``; raises :class:`MappingError` with a clear message."""
    positions = {label: index for index, label in enumerate(header)}
    fields: dict[str, int] = {}
    custom: list[tuple[str, int]] = []
    custom_keys: set[str] = set()
    for label, target in mapping.items():
        if label not in positions:
            raise MappingError(
                "unknown_column", f"В файле нет столбца «{label}»", f"The file has no column «{label}»"
            )
        index = positions[label]
        if target == IGNORE:
            continue
        if target.startswith(CUSTOM_PREFIX):
            key = target[len(CUSTOM_PREFIX) :].strip()
            if not key or len(key) > MAX_CUSTOM_KEY or key in custom_keys:
                raise MappingError(
                    "bad_custom_field",
                    f"Некорректное имя дополнительного поля для столбца «{label}»",
                    f"Bad custom field name for column «{label}»",
                )
            custom_keys.add(key)
            custom.append((key, index))
        elif target in FIELDS:
            if target in fields:
                raise MappingError(
                    "field_mapped_twice",
                    f"Поле {target} выбрано для нескольких столбцов",
                    f"The field {target} is chosen for several columns",
                )
            fields[target] = index
        else:
            raise MappingError("unknown_field", f"Неизвестное поле «{target}»", f"Unknown field «{target}»")
    if "phone" not in fields:
        raise MappingError(
            "no_phone_column",
            "Укажите, в каком столбце телефон",
            "Choose the column that holds the phone number",
        )
    return ResolvedMapping(fields, custom, list(header))
