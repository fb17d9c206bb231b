"""Ring strategies with app_queue's semantics (F-43), pure.

``members`` are the project's operators in a stable list order: by the order the project's groups were
linked, then the order operators joined a group, then name and id (``repository.project_members``).
The result is the order in which available operators are rung; ``ring_all`` rings them all at once.

- ``ring_all`` (app_queue ``ringall``): everyone available, at once;
- ``round_robin`` (``rrmemory``): the list order, starting right after the operator who answered the
  project's last call (memory per queue);
- ``least_recent`` (``leastrecent``): the longest idle since their last call ended first; never called
  comes first of all;
- ``fewest_calls`` (``fewestcalls``): the fewest answered calls first;
- ``linear``: always the list order from the first member (memory per caller).

Ties keep the list order, as app_queue rings the first member with the lowest metric.
"""

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from obzvon_db.enums import QueueStrategy


@dataclass(frozen=True)
class Member:
    operator_id: uuid.UUID
    available: bool = True
    last_call_ended_at: dt.datetime | None = None
    calls_taken: int = 0


def ring_order(
    strategy: QueueStrategy,
    members: Sequence[Member],
    *,
    last_answered: uuid.UUID | None = None,
    exclude: frozenset[uuid.UUID] = frozenset(),
) -> list[uuid.UUID]:
    """The available members, minus ``exclude`` (already rung in this pass), in ring order."""
    if strategy is QueueStrategy.ROUND_ROBIN:
        ordered = _after(members, last_answered)
    elif strategy is QueueStrategy.LEAST_RECENT:
        ordered = sorted(members, key=_idle_key)
    elif strategy is QueueStrategy.FEWEST_CALLS:
        ordered = sorted(members, key=lambda m: m.calls_taken)
    else:  # ring_all and linear keep the list order
        ordered = list(members)
    return [m.operator_id for m in ordered if m.available and m.operator_id not in exclude]


def rings_everyone(strategy: QueueStrategy) -> bool:
    return strategy is QueueStrategy.RING_ALL


def _after(members: Sequence[Member], last: uuid.UUID | None) -> list[Member]:
    """The list rotated to start right after ``last`` (from the first when ``last`` is not a member)."""
    for index, member in enumerate(members):
        if member.operator_id == last:
            return [*members[index + 1 :], *members[: index + 1]]
    return list(members)


def _idle_key(member: Member) -> tuple[int, float]:
    """Never called first; then the earliest end of the last call (sorted() is stable for ties)."""
    if member.last_call_ended_at is None:
        return (0, 0.0)
    return (1, member.last_call_ended_at.timestamp())
