"""The operator state machine (F-50, F-52): chosen vs system states and who gets queue calls."""

import itertools

import pytest
from obzvon_db.enums import OperatorState as S
from obzvon_queue_router.states import machine


@pytest.mark.parametrize("state", list(S))
def test_only_active_operators_get_queue_calls(state: S) -> None:
    assert machine.takes_queue_calls(state) is (state is S.ACTIVE)


def test_dnd_may_still_call_out_but_pause_may_not() -> None:
    """F-50: "Не беспокоить" takes no calls but may place outbound calls and work in cards."""
    assert machine.may_call_out(S.DND)
    assert machine.may_call_out(S.ACTIVE)
    assert machine.may_call_out(S.IN_CARD)
    assert not machine.may_call_out(S.PAUSE)
    assert not machine.may_call_out(S.TALKING)
    assert not machine.may_call_out(S.OFFLINE)


@pytest.mark.parametrize("busy", [S.RINGING, S.TALKING, S.IN_CARD, S.RINGBACK])
@pytest.mark.parametrize("chosen", [S.PAUSE, S.DND, S.INACTIVE])
def test_a_call_or_an_unsaved_card_blocks_other_choices(busy: S, chosen: S) -> None:
    """F-52: from a call only the system moves on; in_card ends by saving the card (to a chosen state)."""
    allowed = machine.is_allowed(busy, chosen)
    assert allowed is (busy in (S.RINGING, S.TALKING, S.IN_CARD))  # system moves back after the call


def test_system_moves_of_a_queue_call() -> None:
    path = [S.ACTIVE, S.RINGING, S.TALKING, S.IN_CARD, S.ACTIVE]
    for current, target in itertools.pairwise(path):
        assert machine.is_allowed(current, target), (current, target)
    assert not machine.is_allowed(S.PAUSE, S.RINGING)
    assert not machine.is_allowed(S.DND, S.RINGING)
    assert not machine.is_allowed(S.IN_CARD, S.RINGING)
    assert not machine.is_allowed(S.OFFLINE, S.RINGING)
    assert not machine.is_allowed(S.TALKING, S.OFFLINE)


def test_manual_call_moves() -> None:
    assert machine.is_allowed(S.DND, S.RINGBACK)
    assert machine.is_allowed(S.RINGBACK, S.TALKING)
    assert machine.is_allowed(S.RINGBACK, S.IN_CARD)
    assert not machine.is_allowed(S.PAUSE, S.RINGBACK)


@pytest.mark.parametrize("state", list(S))
def test_a_lost_heartbeat_never_interrupts_a_call_or_a_card(state: S) -> None:
    expected = state in (S.ACTIVE, S.PAUSE, S.DND, S.RINGING)
    assert machine.goes_offline_when_silent(state) is expected


def test_after_a_call_the_operator_sits_in_card_until_it_is_saved() -> None:
    assert machine.after_call(card_saved=False, chosen=S.ACTIVE) is S.IN_CARD
    assert machine.after_call(card_saved=True, chosen=S.DND) is S.DND


def test_first_state_is_a_chosen_one_or_offline() -> None:
    assert machine.is_allowed(None, S.ACTIVE)
    assert machine.is_allowed(None, S.OFFLINE)
    assert not machine.is_allowed(None, S.TALKING)
