"""Ring strategies in app_queue order (F-43): pure selection over the project's members in list order."""

import datetime as dt
import uuid

from obzvon_db.enums import QueueStrategy
from obzvon_queue_router.queue.strategies import Member, ring_order, rings_everyone

A, B, C, D = (uuid.UUID(int=i) for i in range(1, 5))
T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def members(**overrides: Member) -> list[Member]:
    base = {"a": Member(A), "b": Member(B), "c": Member(C), "d": Member(D)}
    base.update(overrides)
    return list(base.values())


def test_ring_all_rings_every_available_member_at_once() -> None:
    order = ring_order(QueueStrategy.RING_ALL, members(c=Member(C, available=False)))
    assert order == [A, B, D]
    assert rings_everyone(QueueStrategy.RING_ALL)
    assert not any(rings_everyone(s) for s in QueueStrategy if s is not QueueStrategy.RING_ALL)


def test_linear_always_starts_from_the_first_in_the_list() -> None:
    assert ring_order(QueueStrategy.LINEAR, members(), last_answered=B) == [A, B, C, D]
    assert ring_order(QueueStrategy.LINEAR, members(), exclude=frozenset({A})) == [B, C, D]


def test_round_robin_continues_after_the_last_who_answered() -> None:
    assert ring_order(QueueStrategy.ROUND_ROBIN, members(), last_answered=B) == [C, D, A, B]
    assert ring_order(QueueStrategy.ROUND_ROBIN, members(), last_answered=D) == [A, B, C, D]
    assert ring_order(QueueStrategy.ROUND_ROBIN, members(), last_answered=None) == [A, B, C, D]


def test_round_robin_skips_the_unavailable_but_keeps_their_place() -> None:
    """The position after the last who answered counts even when that operator is now away."""
    order = ring_order(
        QueueStrategy.ROUND_ROBIN,
        members(b=Member(B, available=False), c=Member(C, available=False)),
        last_answered=B,
    )
    assert order == [D, A]


def test_least_recent_rings_the_longest_idle_first_and_never_called_before_all() -> None:
    order = ring_order(
        QueueStrategy.LEAST_RECENT,
        members(
            a=Member(A, last_call_ended_at=T0 + dt.timedelta(minutes=5)),
            b=Member(B, last_call_ended_at=T0),
            c=Member(C, last_call_ended_at=None),
            d=Member(D, last_call_ended_at=T0 + dt.timedelta(minutes=1)),
        ),
    )
    assert order == [C, B, D, A]


def test_fewest_calls_rings_who_took_the_fewest_with_ties_in_list_order() -> None:
    order = ring_order(
        QueueStrategy.FEWEST_CALLS,
        members(
            a=Member(A, calls_taken=3),
            b=Member(B, calls_taken=1),
            c=Member(C, calls_taken=0),
            d=Member(D, calls_taken=1),
        ),
    )
    assert order == [C, B, D, A]


def test_operators_already_rung_in_this_pass_are_left_out() -> None:
    for strategy in QueueStrategy:
        assert A not in ring_order(strategy, members(), exclude=frozenset({A}))
