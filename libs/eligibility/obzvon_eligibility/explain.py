"""Why a contact is or is not dialled now, and when it next will be (F-40).

:func:`explain` checks every rule: the project runs; the number is not blacklisted and is not an
emergency or service number; the contact's status is dialable; it is below the project's max attempts
and its last outcome's attempt count; its next-attempt time has come; and the moment falls inside the
project dates, the weekday hours (call-centre zone) and the client's window (its own zone, or the
window open in every Russian zone when unknown). The answer carries the reasons and, when the contact
will be dialled later, the instant and a sentence in Russian and English.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from obzvon_db.enums import RetryOutcome
from obzvon_numbering import is_emergency_or_service

from obzvon_eligibility.retry import OUTCOME_LABELS
from obzvon_eligibility.rules import ContactState, ProjectRules
from obzvon_eligibility.windows import next_allowed


class DialReason(StrEnum):
    """Why a contact is not dialled now (several may hold at once)."""

    PROJECT_NOT_RUNNING = "project_not_running"
    BLACKLISTED = "blacklisted"
    EMERGENCY_NUMBER = "emergency_number"
    STATUS_NOT_DIALABLE = "status_not_dialable"
    MAX_ATTEMPTS = "max_attempts"
    OUTCOME_ATTEMPTS_EXHAUSTED = "outcome_attempts_exhausted"
    RETRY_NOT_DUE = "retry_not_due"
    OUTSIDE_WINDOWS = "outside_windows"
    NEVER_IN_WINDOWS = "never_in_windows"


_PERMANENT_RU = {
    DialReason.PROJECT_NOT_RUNNING: "проект не запущен",
    DialReason.BLACKLISTED: "номер в чёрном списке",
    DialReason.EMERGENCY_NUMBER: "экстренный или служебный номер",
    DialReason.STATUS_NOT_DIALABLE: "статус контакта не допускает звонков",
    DialReason.MAX_ATTEMPTS: "исчерпано максимальное количество попыток",
    DialReason.OUTCOME_ATTEMPTS_EXHAUSTED: "исчерпаны попытки для последнего результата",
    DialReason.NEVER_IN_WINDOWS: "время звонка никогда не попадает в разрешённые окна",
}
_PERMANENT_EN = {
    DialReason.PROJECT_NOT_RUNNING: "the project is not running",
    DialReason.BLACKLISTED: "the number is blacklisted",
    DialReason.EMERGENCY_NUMBER: "emergency or service number",
    DialReason.STATUS_NOT_DIALABLE: "the contact's status is not dialable",
    DialReason.MAX_ATTEMPTS: "the project's max attempts are used up",
    DialReason.OUTCOME_ATTEMPTS_EXHAUSTED: "the attempts for the last outcome are used up",
    DialReason.NEVER_IN_WINDOWS: "no moment falls inside the allowed windows",
}


@dataclass(frozen=True)
class Explanation:
    dial_now: bool
    reasons: tuple[DialReason, ...]
    next_at: dt.datetime | None  # UTC; None: never (with the current settings)
    next_local: dt.datetime | None  # the same instant in the client's (else the call centre's) zone
    retry: tuple[int, int] | None  # (retry number, retries allowed) after the last outcome
    text_ru: str
    text_en: str
    last_outcome: RetryOutcome | None = None  # the outcome ``retry`` counts


def _permanent(contact: ContactState, project: ProjectRules) -> list[DialReason]:
    reasons = []
    if not project.running:
        reasons.append(DialReason.PROJECT_NOT_RUNNING)
    if contact.blacklisted:
        reasons.append(DialReason.BLACKLISTED)
    if is_emergency_or_service(contact.phone):
        reasons.append(DialReason.EMERGENCY_NUMBER)
    if not contact.dialable_status:
        reasons.append(DialReason.STATUS_NOT_DIALABLE)
    if contact.attempts >= project.max_attempts:
        reasons.append(DialReason.MAX_ATTEMPTS)
    outcome = contact.last_outcome
    if outcome is not None:
        rule = project.retry_rules.get(outcome)
        count = contact.outcome_counts.get(outcome, 0)
        if rule is not None and not rule.allows_retry(count):
            reasons.append(DialReason.OUTCOME_ATTEMPTS_EXHAUSTED)
    return reasons


def _retry(contact: ContactState, project: ProjectRules) -> tuple[int, int] | None:
    outcome = contact.last_outcome
    rule = project.retry_rules.get(outcome) if outcome is not None else None
    if outcome is None or rule is None:
        return None
    return contact.outcome_counts.get(outcome, 0), rule.retries


def explain(contact: ContactState, project: ProjectRules, now: dt.datetime) -> Explanation:
    """Whether ``contact`` may be dialled at ``now`` (aware datetime) and, if not, when and why."""
    reasons = _permanent(contact, project)
    if reasons:
        ru = "; ".join(_PERMANENT_RU[r] for r in reasons)
        en = "; ".join(_PERMANENT_EN[r] for r in reasons)
        return Explanation(
            False,
            tuple(reasons),
            None,
            None,
            None,
            f"Не звоним: {ru}",
            f"Not dialled: {en}",
            contact.last_outcome,
        )
    due = now
    if contact.next_attempt_at is not None and contact.next_attempt_at > now:
        due = contact.next_attempt_at
        reasons.append(DialReason.RETRY_NOT_DUE)
    at = next_allowed(project.windows(contact.timezone), due)
    retry = _retry(contact, project)
    if at is None:
        reasons.append(DialReason.NEVER_IN_WINDOWS)
        ru, en = _PERMANENT_RU[DialReason.NEVER_IN_WINDOWS], _PERMANENT_EN[DialReason.NEVER_IN_WINDOWS]
        return Explanation(
            False,
            tuple(reasons),
            None,
            None,
            retry,
            f"Не звоним: {ru}",
            f"Not dialled: {en}",
            contact.last_outcome,
        )
    if at > due:
        reasons.append(DialReason.OUTSIDE_WINDOWS)
    local = at.astimezone(ZoneInfo(contact.timezone or project.timezone))
    other_day = local.date() != now.astimezone(local.tzinfo).date()
    ru, en = _sentences(at == now, local, other_day, contact, retry)
    return Explanation(
        at == now, tuple(reasons), at.astimezone(dt.UTC), local, retry, ru, en, contact.last_outcome
    )


def is_eligible(contact: ContactState, project: ProjectRules, now: dt.datetime) -> bool:
    return explain(contact, project, now).dial_now


def _sentences(
    now: bool, local: dt.datetime, other_day: bool, contact: ContactState, retry: tuple[int, int] | None
) -> tuple[str, str]:
    when = local.strftime("%d.%m %H:%M") if other_day else local.strftime("%H:%M")
    when_en = local.strftime("%Y-%m-%d %H:%M") if other_day else local.strftime("%H:%M")
    ru = "звоним сейчас" if now else f"следующий звонок в {when} по местному времени"
    en = "dial now" if now else f"next at {when_en} local"
    if retry is not None and contact.last_outcome is not None and retry[0] > 0:
        label_ru, label_en = OUTCOME_LABELS[contact.last_outcome]
        ru += f", повтор {retry[0]} из {retry[1]} после {label_ru}"
        en += f", retry {retry[0]} of {retry[1]} after {label_en}"
    elif contact.attempts == 0:
        ru += ", первая попытка"
        en += ", first attempt"
    return ru[0].upper() + ru[1:], en[0].upper() + en[1:]
