"""Turns call events into the call record: merge the event's facts, then recompute what derives from
the merged row (durations, the client and operator statuses)."""

from dataclasses import asdict

from obzvon_db.enums import CallOutcome
from obzvon_events.calls import CallAnswered, CallConnectedToOperator, CallEnded, CallOriginated
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_reporting.calls import facts, repository
from obzvon_reporting.calls.durations import durations
from obzvon_reporting.calls.statuses import client_status, operator_status


async def record(session: AsyncSession, call_facts: facts.CallFacts) -> None:
    row = await repository.merge(session, call_facts)
    outcome = CallOutcome(row["outcome"]) if row["outcome"] is not None else None
    answered = row["answered_at"] is not None
    connected = row["connected_at"] is not None
    derived = asdict(durations(row["started_at"], row["answered_at"], row["connected_at"], row["ended_at"]))
    derived["client_status"] = client_status(outcome, answered)
    derived["operator_status"] = operator_status(outcome, answered, connected)
    await repository.update_derived(session, row["id"], derived)


async def on_originated(session: AsyncSession, event: CallOriginated) -> None:
    await record(session, facts.from_originated(event))


async def on_answered(session: AsyncSession, event: CallAnswered) -> None:
    await record(session, facts.from_answered(event))


async def on_connected(session: AsyncSession, event: CallConnectedToOperator) -> None:
    await record(session, facts.from_connected(event))


async def on_ended(session: AsyncSession, event: CallEnded) -> None:
    await record(session, facts.from_ended(event))
