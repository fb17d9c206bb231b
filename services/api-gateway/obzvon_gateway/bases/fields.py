"""What a file column can feed (F-30): the card's fixed fields, its custom fields, or nothing.

Labels are those of the manual's mapping dialog (Рис. 40). A column that matches no fixed field is
suggested as a custom field: the project's card field with that label, else one named after it.
"""

from obzvon_contact_files.imports import FIELDS, IGNORE

from obzvon_gateway.bases.schemas import TargetField

CUSTOM_PREFIX = "custom:"

FIXED_LABELS: dict[str, tuple[str, str]] = {
    "phone": ("Тел.", "Phone"),
    "email": ("E-mail", "E-mail"),
    "full_name": ("ФИО", "Full name"),
    "birth_date": ("Дата рожд.", "Birth date"),
    "position": ("Должность", "Position"),
    "city": ("Город", "City"),
    "address": ("Адрес", "Address"),
    "description": ("Описание", "Description"),
}
IGNORE_LABELS = ("Игнорировать", "Ignore")
assert set(FIXED_LABELS) == set(FIELDS), "every importable field needs its labels"


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def with_card_fields(mapping: dict[str, str], card_fields: list[tuple[str, str]]) -> dict[str, str]:
    """Point columns suggested as new custom fields at the project's card field of the same label."""
    by_label = {_fold(label): key for key, label in card_fields}
    result: dict[str, str] = {}
    for column, target in mapping.items():
        key = by_label.get(_fold(column)) if target.startswith(CUSTOM_PREFIX) else None
        result[column] = CUSTOM_PREFIX + key if key else target
    return result


def targets(mapping: dict[str, str], card_fields: list[tuple[str, str]]) -> list[TargetField]:
    """Every choice of the mapping dialog: fixed fields, card custom fields, the suggested new custom
    fields, then «Игнорировать»."""
    choices = [TargetField(value=f, label_ru=ru, label_en=en) for f, (ru, en) in FIXED_LABELS.items()]
    seen = {choice.value for choice in choices}
    for key, label in card_fields:
        value = CUSTOM_PREFIX + key
        if value not in seen:
            seen.add(value)
            choices.append(TargetField(value=value, label_ru=label, label_en=label))
    for target in mapping.values():
        if target.startswith(CUSTOM_PREFIX) and target not in seen:
            seen.add(target)
            name = target[len(CUSTOM_PREFIX) :]
            choices.append(
                TargetField(value=target, label_ru=f"Новое поле «{name}»", label_en=f"New field «{name}»")
            )
    choices.append(TargetField(value=IGNORE, label_ru=IGNORE_LABELS[0], label_en=IGNORE_LABELS[1]))
    return choices
