"""Rules of the settings tabs (F-21..F-26) that need no database; each message names its field."""

import datetime as dt
import itertools
import re
import zoneinfo

from obzvon_db.enums import RetryOutcome

from obzvon_gateway.projects.errors import FieldErrors

TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
CALLER_ID_RE = re.compile(r"^\+?[0-9]{3,15}$")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")

#: (min, max) of the numeric settings, with their Russian names for messages.
LIMITS: dict[str, tuple[int, int, str]] = {
    "queue_timeout_s": (1, 3600, "Таймаут очереди"),
    "operator_timeout_s": (1, 600, "Таймаут оператора"),
    "dial_timeout_s": (1, 300, "Таймаут набора"),
    "global_timeout_s": (1, 86_400, "Глобальный таймаут"),
    "max_concurrent_calls": (1, 1000, "Максимальное количество одновременных звонков"),
    "predictive_percent": (1, 100, "Процент предиктивного набора"),
    "max_attempts": (1, 100, "Максимальное количество попыток"),
    "attempts": (0, 100, "Количество попыток"),
}
OUTCOME_NAMES = {
    RetryOutcome.BUSY: "Занято",
    RetryOutcome.NO_ANSWER: "Нет ответа",
    RetryOutcome.MACHINE: "Автоответчик",
    RetryOutcome.LOST: "Потерян",
}
MAX_INTERVAL_MINUTES = 525_600


def check_range(errors: FieldErrors, loc: str, value: int | None, limit: str | None = None) -> None:
    if value is None:
        return
    low, high, ru_name = LIMITS[limit or loc.rsplit(".", 1)[-1]]
    if not low <= value <= high:
        errors.add(
            loc,
            "out_of_range",
            f"{ru_name}: допустимо от {low} до {high}",
            f"{loc}: must be between {low} and {high}",
        )


def parse_time(errors: FieldErrors, loc: str, ru_name: str, value: str) -> dt.time | None:
    match = TIME_RE.match(value)
    if match is None:
        errors.add(loc, "invalid_time", f"{ru_name}: время в формате ЧЧ:ММ", f"{loc}: expected HH:MM")
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def check_name(errors: FieldErrors, loc: str, value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    if not cleaned:
        errors.add(loc, "name_required", "Укажите название", f"{loc}: the name is required")
    return cleaned


def check_timezone(errors: FieldErrors, loc: str, value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        errors.add(
            loc,
            "invalid_timezone",
            f"Часовой пояс колл-центра: неизвестный пояс «{value[:64]}»",
            f"{loc}: unknown IANA time zone",
        )


def check_caller_id(errors: FieldErrors, loc: str, value: str) -> None:
    if not CALLER_ID_RE.match(value):
        errors.add(
            loc,
            "invalid_caller_id",
            "Телефон АТС (CallerID): от 3 до 15 цифр, допускается + в начале",
            f"{loc}: 3 to 15 digits, optionally starting with +",
        )


def parse_intervals(errors: FieldErrors, loc: str, outcome: RetryOutcome, text: str) -> list[int]:
    """`"15;60;1440;60"` → minutes; every bad part is named in the message."""
    name = OUTCOME_NAMES[outcome]
    parts = [part.strip() for part in text.strip().strip(";").split(";")] if text.strip() else []
    if not parts:
        errors.add(
            loc,
            "invalid_intervals",
            f"{name}: укажите интервалы в минутах через ;",
            f"{loc}: list the intervals in minutes separated by ;",
        )
        return []
    minutes: list[int] = []
    for index, part in enumerate(parts, start=1):
        if not part.isascii() or not part.isdigit() or not 0 < int(part) <= MAX_INTERVAL_MINUTES:
            errors.add(
                loc,
                "invalid_intervals",
                f"{name}: интервал №{index} «{part[:20]}» должен быть целым числом минут "
                f"от 1 до {MAX_INTERVAL_MINUTES}",
                f"{loc}: interval #{index} '{part[:20]}' must be a whole number of minutes "
                f"from 1 to {MAX_INTERVAL_MINUTES}",
            )
            continue
        minutes.append(int(part))
    return minutes


def check_schedule(errors: FieldErrors, intervals: list[tuple[int, dt.time | None, dt.time | None]]) -> None:
    """Each interval has start < end, and intervals of one weekday do not overlap."""
    by_day: dict[int, list[tuple[dt.time, dt.time, int]]] = {}
    for index, (weekday, start, end) in enumerate(intervals):
        loc = f"schedule.intervals.{index}"
        if not 0 <= weekday <= 6:
            errors.add(
                f"{loc}.weekday",
                "invalid_weekday",
                "День недели: от 0 (Пн) до 6 (Вс)",
                f"{loc}.weekday: 0 (Monday) to 6 (Sunday)",
            )
            continue
        if start is None or end is None:
            continue
        if start >= end:
            errors.add(
                loc,
                "interval_order",
                "Начало интервала должно быть раньше конца",
                f"{loc}: start must be before end",
            )
            continue
        by_day.setdefault(weekday, []).append((start, end, index))
    for day in by_day.values():
        day.sort()
        for (_, previous_end, _), (start, _, index) in itertools.pairwise(day):
            if start < previous_end:
                errors.add(
                    f"schedule.intervals.{index}",
                    "intervals_overlap",
                    "Интервалы одного дня пересекаются",
                    f"schedule.intervals.{index}: overlaps another interval of the same weekday",
                )


def check_card_keys(errors: FieldErrors, keys: list[str], fixed: set[str]) -> None:
    seen: set[str] = set()
    for index, key in enumerate(keys):
        loc = f"card_template.custom_fields.{index}.key"
        if not KEY_RE.match(key):
            errors.add(
                loc,
                "invalid_field_key",
                "Ключ поля: латинские строчные буквы, цифры и _, начиная с буквы",
                f"{loc}: lowercase latin letters, digits and _, starting with a letter",
            )
        elif key in fixed or key in seen:
            errors.add(
                loc, "duplicate_field_key", f"Поле «{key}» уже есть", f"{loc}: the key '{key}' is taken"
            )
        seen.add(key)
