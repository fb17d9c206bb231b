"""The operator state machine (F-50), pure.

Operators choose ``active``, ``pause``, ``dnd`` or ``inactive``; the system moves them through
``ringing`` (a queue call is offered), ``talking``, ``in_card`` (wrap-up: the card must be saved with a
result status, F-52), ``ringback`` (a manual call is ringing the client, F-45) and ``offline`` (the
browser's heartbeat was lost). Only ``active`` operators get queue calls; ``dnd`` operators may still
call out from a card.
"""

from obzvon_db.enums import OperatorState as S
from obzvon_platform.operator_states import BUSY_STATES as BUSY
from obzvon_platform.operator_states import CHOSEN_STATES as CHOSEN
from obzvon_platform.operator_states import MAY_CALL_OUT

SYSTEM = frozenset({S.RINGING, S.TALKING, S.IN_CARD, S.RINGBACK, S.OFFLINE})
#: A lost heartbeat takes these operators offline; a live call or an unsaved card keeps its state.
DROPPED_WHEN_SILENT = frozenset({S.ACTIVE, S.PAUSE, S.DND, S.RINGING})

_SYSTEM_MOVES: dict[S, frozenset[S]] = {
    S.ACTIVE: frozenset({S.RINGING, S.RINGBACK, S.OFFLINE, S.TALKING}),
    S.PAUSE: frozenset({S.OFFLINE}),
    S.DND: frozenset({S.RINGBACK, S.OFFLINE}),
    S.INACTIVE: frozenset(),
    S.RINGING: frozenset({S.TALKING, S.OFFLINE} | CHOSEN),
    S.TALKING: frozenset({S.IN_CARD} | CHOSEN),
    S.IN_CARD: frozenset({S.RINGBACK} | CHOSEN),
    S.RINGBACK: frozenset({S.TALKING, S.IN_CARD}),
    S.OFFLINE: frozenset(CHOSEN),
}


def is_allowed(current: S | None, target: S) -> bool:
    """May the state change from ``current`` (None: no state yet) to ``target``?

    An operator may pick a chosen state unless a call or an unsaved card holds them; the system moves
    follow ``_SYSTEM_MOVES``.
    """
    if current is None:
        return target in CHOSEN or target is S.OFFLINE
    if current == target:
        return True
    if target in CHOSEN and current not in BUSY:
        return True
    return target in _SYSTEM_MOVES[current]


def takes_queue_calls(state: S | None) -> bool:
    """Only an active operator outside a call and outside wrap-up is offered queue calls."""
    return state is S.ACTIVE


def may_call_out(state: S | None) -> bool:
    return state in MAY_CALL_OUT


def goes_offline_when_silent(state: S | None) -> bool:
    return state in DROPPED_WHEN_SILENT


def after_call(card_saved: bool, chosen: S) -> S:
    """Where an operator goes when the call is over: wrap-up until the card is saved (F-52)."""
    return chosen if card_saved else S.IN_CARD
