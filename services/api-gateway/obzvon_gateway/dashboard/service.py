"""Rules of the operator's own dashboard (F-63, O §8): every user sees only their own data. "Today" is
the calendar day in the zone the browser sends (UTC when none or an unknown one)."""

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from obzvon_db.enums import OperatorState
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.dashboard import repository
from obzvon_gateway.dashboard.schemas import CallCounts, MyDashboard, StateTime


def zone(name: str | None) -> tuple[str, ZoneInfo]:
    try:
        return (name, ZoneInfo(name)) if name else ("UTC", ZoneInfo("UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC", ZoneInfo("UTC")


def today_span(now: dt.datetime, tz: ZoneInfo) -> tuple[dt.date, dt.datetime, dt.datetime]:
    """The local day of ``now``: its date, its start (UTC) and ``now`` (UTC)."""
    local = now.astimezone(tz)
    start = dt.datetime.combine(local.date(), dt.time(), tzinfo=tz)
    return local.date(), start.astimezone(dt.UTC), now.astimezone(dt.UTC)


async def my_dashboard(
    db: AsyncSession, principal: Principal, tz_name: str | None, now: dt.datetime | None = None
) -> MyDashboard:
    name, tz = zone(tz_name)
    day, start, end = today_span(now or dt.datetime.now(dt.UTC), tz)
    seconds = await repository.state_seconds(db, principal.user_id, start, end)
    total, answered, inbound, outbound, talk = await repository.call_counts(db, principal.user_id, start, end)
    return MyDashboard(
        day=day,
        timezone=name,
        states=[StateTime(state=s.value, seconds=seconds.get(s.value, 0)) for s in OperatorState],
        calls=CallCounts(
            total=total, answered=answered, inbound=inbound, outbound=outbound, talk_seconds=talk
        ),
    )
