"""The pacer's view of one project now (F-41): operators of its groups from their open state
intervals (I4), its calls in flight, its measurements and settings."""

import time
from decimal import Decimal

from obzvon_db.enums import AttemptState, OperatorState
from obzvon_db.models import Project
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.campaign import repository
from obzvon_dialer.pacing import PacingSettings, PacingSnapshot, PacingStats

LOGGED_IN = frozenset(
    {
        OperatorState.ACTIVE,
        OperatorState.RINGING,
        OperatorState.TALKING,
        OperatorState.IN_CARD,
        OperatorState.RINGBACK,
    }
)
RINGING = frozenset({AttemptState.ORIGINATING, AttemptState.RINGING})


def pacing_settings(project: Project) -> PacingSettings:
    return PacingSettings(
        mode=project.dial_mode,
        max_concurrent_calls=project.max_concurrent_calls,
        predictive_percent=float(project.predictive_percent),
        abandon_target=float(Decimal(project.abandon_target_percent) / 100),
        dial_timeout_s=float(project.dial_timeout_s),
    )


async def build(session: AsyncSession, project: Project, stats: PacingStats) -> PacingSnapshot:
    operators = await repository.operators(session, project.id)
    calls = await repository.live_calls(session, project.id)
    states = [(OperatorState(o.state), o) for o in operators]
    return PacingSnapshot(
        now=time.monotonic(),
        operators_logged_in=sum(1 for state, _ in states if state in LOGGED_IN),
        operators_free=sum(1 for state, o in states if state is OperatorState.ACTIVE and not o.on_call),
        talking=[o.seconds for state, o in states if state is OperatorState.TALKING],
        wrapping=[o.seconds for state, o in states if state is OperatorState.IN_CARD],
        ringing=[seconds for state, seconds in calls if state in RINGING],
        waiting=sum(1 for state, _ in calls if state is AttemptState.ANSWERED),
        stats=stats,
        settings=pacing_settings(project),
    )
