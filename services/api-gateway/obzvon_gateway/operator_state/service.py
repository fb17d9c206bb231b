"""Operator state rules (F-50): operators choose active/pause/dnd/inactive; each change closes the open
interval and opens a new one in one transaction with an `operator_state_changed` outbox row."""

import uuid

from obzvon_db.enums import OperatorState, UserRole
from obzvon_db.models import OperatorStateInterval, User
from obzvon_platform.operator_states import BUSY_STATES, open_interval, switch_state
from obzvon_platform.problem import Problem, not_found
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth.principal import Principal
from obzvon_gateway.auth.problems import forbidden
from obzvon_gateway.operator_state import repository
from obzvon_gateway.operator_state.schemas import ChosenState, OperatorStateOut
from obzvon_gateway.producer import PRODUCER
from obzvon_gateway.users import repository as user_repository


def _view(
    user: User, current: OperatorStateInterval | None, chosen: OperatorState | None
) -> OperatorStateOut:
    return OperatorStateOut(
        operator_id=user.id,
        full_name=user.full_name,
        extension=user.extension,
        state=current.state if current else OperatorState.OFFLINE,
        chosen_state=ChosenState(chosen or OperatorState.INACTIVE),
        since=current.started_at if current else None,
    )


async def _views(db: AsyncSession, users: list[User]) -> list[OperatorStateOut]:
    ids = [user.id for user in users]
    current = await repository.open_intervals(db, ids)
    chosen = await repository.last_chosen_states(db, ids)
    return [_view(user, current.get(user.id), chosen.get(user.id)) for user in users]


async def _visible_operator(db: AsyncSession, principal: Principal, operator_id: uuid.UUID) -> User:
    operators = await principal.operator_ids(db)
    if operators is not None and operator_id not in operators:
        raise not_found("operator")
    user = await user_repository.get(db, operator_id)
    if user is None or user.role != UserRole.OPERATOR:
        raise not_found("operator")
    return user


async def get_state(db: AsyncSession, principal: Principal, operator_id: uuid.UUID) -> OperatorStateOut:
    user = await _visible_operator(db, principal, operator_id)
    return (await _views(db, [user]))[0]


async def list_states(db: AsyncSession, principal: Principal) -> list[OperatorStateOut]:
    """All operators for an admin, a supervisor's operators, an operator's own state."""
    ids = await principal.operator_ids(db)
    users = await user_repository.list_users(db, ids, role=UserRole.OPERATOR)
    return await _views(db, users)


def _only_operators() -> Problem:
    return forbidden("Статус выбирают только операторы", "Only operators have a state to choose")


async def get_my_state(db: AsyncSession, principal: Principal) -> OperatorStateOut:
    if not principal.is_operator:
        raise _only_operators()
    return (await _views(db, [principal.user]))[0]


async def set_my_state(db: AsyncSession, principal: Principal, state: ChosenState) -> OperatorStateOut:
    """Switch the caller's state; the same state again changes nothing. Flushes, the caller commits."""
    if not principal.is_operator:
        raise _only_operators()
    user = await user_repository.get(db, principal.user_id, for_update=True)
    if user is None:
        raise not_found("operator")
    current = await open_interval(db, user.id)
    target = OperatorState(state.value)
    if current is not None and current.state == target:
        return _view(user, current, target)
    if current is not None and current.state in BUSY_STATES:
        raise Problem(
            409,
            "operator_busy",
            "Статус можно сменить после завершения звонка и сохранения карточки",
            "The state can be changed once the call is over and the card is saved",
        )
    switched = await switch_state(db, user.id, target, producer=PRODUCER, lock=False)
    return _view(user, switched.interval, target)
