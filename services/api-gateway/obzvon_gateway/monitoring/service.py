"""Live monitoring rules (F-64): an admin sees every project, a supervisor their own; operators have no
monitoring. Online means the operator has a state other than offline/inactive."""

import uuid

from obzvon_db.enums import CallDirection, OperatorState
from obzvon_platform.problem import not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.monitoring import repository
from obzvon_gateway.monitoring.schemas import MonitoringSnapshot, OperatorNow, ProjectQueueNow, WaitingCallNow

AWAY = (OperatorState.OFFLINE, OperatorState.INACTIVE)


async def snapshot(
    db: AsyncSession, principal: Principal, project_id: uuid.UUID | None
) -> MonitoringSnapshot:
    if principal.is_operator:
        raise forbidden(
            "Мониторинг доступен администраторам и супервайзерам", "Monitoring is for admins and supervisors"
        )
    projects = await repository.projects(db, await principal.project_ids(db), project_id)
    if project_id is not None and not projects:
        raise not_found("project")
    ids = [p.id for p in projects]
    now = await repository.database_now(db)
    operators = []
    for user, interval in await repository.operators(db, ids) if ids else []:
        state = OperatorState(interval.state) if interval else OperatorState.OFFLINE
        since = interval.started_at if interval else None
        operators.append(
            OperatorNow(
                operator_id=user.id,
                full_name=user.full_name,
                extension=user.extension,
                state=state.value,
                since=since,
                seconds_in_state=int((now - since).total_seconds()) if since else 0,
                online=state not in AWAY,
            )
        )
    waiting: dict[uuid.UUID, list[WaitingCallNow]] = {pid: [] for pid in ids}
    for call in await repository.waiting_calls(db, ids) if ids else []:
        assert call.project_id is not None and call.answered_at is not None
        queue = waiting[call.project_id]
        queue.append(
            WaitingCallNow(
                call_id=call.id,
                position=len(queue) + 1,
                phone=call.from_number if call.direction == CallDirection.INBOUND else call.to_number,
                waiting_since=call.answered_at,
                wait_seconds=max(0, int((now - call.answered_at).total_seconds())),
            )
        )
    online = sum(o.online for o in operators)
    return MonitoringSnapshot(
        at=now,
        online=online,
        offline=len(operators) - online,
        operators=operators,
        projects=[
            ProjectQueueNow(project_id=p.id, name=p.name, strategy=str(p.strategy), waiting=waiting[p.id])
            for p in projects
        ],
    )
