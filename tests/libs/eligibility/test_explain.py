"""Whom the dialer calls and why not (F-40): every rule of :func:`explain`, with sentences."""

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from obzvon_db.enums import ContactStatus, RetryOutcome
from obzvon_eligibility import ContactState, DialReason, ProjectRules, dial_order_key, explain, is_eligible

MSK = ZoneInfo("Europe/Moscow")
NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=MSK)  # Monday
MOBILE = "79103905529"


def contact(**changes: object) -> ContactState:
    return dataclasses.replace(ContactState(phone=MOBILE, timezone="Europe/Moscow"), **changes)


def test_new_contact_inside_every_window_is_dialled_now(project: ProjectRules) -> None:
    answer = explain(contact(), project, NOON)
    assert answer.dial_now and answer.reasons == ()
    assert answer.next_at == NOON.astimezone(dt.UTC)
    assert answer.text_en == "Dial now, first attempt"
    assert answer.text_ru == "Звоним сейчас, первая попытка"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"blacklisted": True}, DialReason.BLACKLISTED),
        ({"phone": "112"}, DialReason.EMERGENCY_NUMBER),
        ({"phone": "+7 (103)"}, DialReason.EMERGENCY_NUMBER),
        ({"status": ContactStatus.DONE}, DialReason.STATUS_NOT_DIALABLE),
        ({"attempts": 10}, DialReason.MAX_ATTEMPTS),
        (
            {"last_outcome": RetryOutcome.NO_ANSWER, "outcome_counts": {RetryOutcome.NO_ANSWER: 3}},
            DialReason.OUTCOME_ATTEMPTS_EXHAUSTED,
        ),
    ],
)
def test_contacts_that_are_never_dialled(project: ProjectRules, changes: dict, reason: DialReason) -> None:
    """Blacklist, emergency/service numbers, statuses and attempt limits stop dialling for good."""
    answer = explain(contact(**changes), project, NOON)
    assert not answer.dial_now
    assert reason in answer.reasons
    assert answer.next_at is None
    assert answer.text_en.startswith("Not dialled:")


def test_project_not_running(project: ProjectRules) -> None:
    answer = explain(contact(), dataclasses.replace(project, running=False), NOON)
    assert answer.reasons == (DialReason.PROJECT_NOT_RUNNING,) and answer.text_ru.startswith("Не звоним")


def test_retry_waits_for_its_time_and_says_which_retry(project: ProjectRules) -> None:
    """After a 2nd busy at 12:00 the 2nd retry is due 60 minutes later: «retry 2 of 4 after busy»."""
    state = contact(
        attempts=2,
        last_outcome=RetryOutcome.BUSY,
        outcome_counts={RetryOutcome.BUSY: 2},
        next_attempt_at=project.retry_rules[RetryOutcome.BUSY].retry_at(2, NOON),
    )
    answer = explain(state, project, NOON)
    assert not answer.dial_now and answer.reasons == (DialReason.RETRY_NOT_DUE,)
    assert answer.next_local == dt.datetime(2026, 11, 23, 13, 0, tzinfo=MSK)
    assert answer.retry == (2, 4)
    assert answer.text_en == "Next at 13:00 local, retry 2 of 4 after busy"
    assert answer.text_ru == "Следующий звонок в 13:00 по местному времени, повтор 2 из 4 после «Занято»"
    assert is_eligible(state, project, NOON + dt.timedelta(hours=1))


def test_client_window_in_the_clients_zone(project: ProjectRules) -> None:
    """A Kamchatka client (UTC+12) at 12:00 Moscow (21:00 there) waits for 09:00 its time, 00:00 Moscow."""
    answer = explain(contact(timezone="Asia/Kamchatka"), project, NOON)
    assert answer.reasons == (DialReason.OUTSIDE_WINDOWS,)
    assert answer.next_at == dt.datetime(2026, 11, 23, 21, 0, tzinfo=dt.UTC)
    assert answer.next_local is not None and answer.next_local.hour == 9
    assert answer.text_en == "Next at 2026-11-24 09:00 local, first attempt"


def test_kaliningrad_client_early_morning(project: ProjectRules) -> None:
    """09:30 Moscow is 08:30 in Kaliningrad (UTC+2): the call waits half an hour."""
    morning = dt.datetime(2026, 11, 23, 9, 30, tzinfo=MSK)
    answer = explain(contact(timezone="Europe/Kaliningrad"), project, morning)
    assert answer.next_local == dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Kaliningrad"))


def test_unknown_zone_and_a_window_that_never_opens(project: ProjectRules) -> None:
    """Without a zone only 10:00–12:00 Moscow fits 09–21 everywhere; 09–19 never fits anywhere."""
    assert explain(contact(timezone=None), project, NOON).next_local == dt.datetime(
        2026, 11, 24, 10, 0, tzinfo=MSK
    )
    narrow = dataclasses.replace(project, client_window=(dt.time(9), dt.time(19)))
    answer = explain(contact(timezone=None), narrow, NOON)
    assert not answer.dial_now and DialReason.NEVER_IN_WINDOWS in answer.reasons and answer.next_at is None


def test_project_dates(project: ProjectRules) -> None:
    """Before the start the contact waits for it; after the midnight ending the last day, never."""
    later = dataclasses.replace(project, starts_on=dt.date(2026, 12, 1), ends_on=dt.date(2026, 12, 31))
    assert explain(contact(), later, NOON).next_local == dt.datetime(2026, 12, 1, 9, 0, tzinfo=MSK)
    ended = dataclasses.replace(project, ends_on=dt.date(2026, 11, 22))
    assert explain(contact(), ended, NOON).next_at is None


def test_weekday_hours_in_call_centre_zone(project: ProjectRules) -> None:
    """Only Tuesdays 10–11 Moscow: on Monday noon the next call is Tuesday 10:00."""
    tuesday_only = dataclasses.replace(project, weekday_hours={1: ((dt.time(10), dt.time(11)),)})
    answer = explain(contact(), tuesday_only, NOON)
    assert answer.next_local == dt.datetime(2026, 11, 24, 10, 0, tzinfo=MSK)


def test_call_the_base_from_the_end() -> None:
    """F-22: the reversed switch orders due contacts by descending base position."""
    contacts = [contact(seq=s) for s in (3, 1, 2)]
    assert [c.seq for c in sorted(contacts, key=lambda c: dial_order_key(c, False))] == [1, 2, 3]
    assert [c.seq for c in sorted(contacts, key=lambda c: dial_order_key(c, True))] == [3, 2, 1]
