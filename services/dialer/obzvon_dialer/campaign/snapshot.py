"""The pacer's view of one project now (F-41): operators of its groups from their open state
intervals (I4), its calls in flight, its measurements and settings. Ages are in the PBX's seconds
(:class:`~obzvon_dialer.campaign.stats.CampaignStats`)."""

from decimal import Decimal

from obzvon_db.enums import AttemptState, OperatorState
from obzvon_db.models import Project
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_dialer.campaign import repository
from obzvon_dialer.campaign.stats import CampaignStats
from obzvon_dialer.pacing import PacingSettings, PacingSnapshot

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


async def build(session: AsyncSession, project: Project, campaign: CampaignStats) -> PacingSnapshot:
    """The snapshot, after counting the wrap-ups that ended since the last one."""
    wraps, until = await repository.wraps_ended(session, project.id, campaign.wraps_until(project.id))
    campaign.record_wraps(project.id, wraps, until)
    operators = await repository.operators(session, project.id)
    calls = await repository.live_calls(session, project.id)
    states = [(OperatorState(o.state), o) for o in operators]
    age = campaign.seconds
    return PacingSnapshot(
        now=campaign.clock(),
        operators_logged_in=sum(1 for state, _ in states if state in LOGGED_IN),
        operators_free=sum(1 for state, o in states if state is OperatorState.ACTIVE and not o.on_call),
        talking=[age(o.seconds) for state, o in states if state is OperatorState.TALKING],
        wrapping=[age(o.seconds) for state, o in states if state is OperatorState.IN_CARD],
        ringing=[age(seconds) for state, seconds in calls if state in RINGING],
        waiting=sum(1 for state, _ in calls if state is AttemptState.ANSWERED),
        stats=campaign.of(project.id),
        settings=pacing_settings(project),
    )
