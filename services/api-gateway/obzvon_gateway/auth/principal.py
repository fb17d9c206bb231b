"""Who is calling (F-02): a user with a role, from a session cookie or an API token, and what they may see.

Scopes: an admin sees everything; a supervisor sees the projects assigned to them (`project_supervisors`)
and the operators in those projects' groups; an operator sees their own data and the projects they work
in. Services ask these questions and answer 404 for anything outside the scope.
"""

import uuid
from dataclasses import dataclass, field

from obzvon_db.enums import UserRole
from obzvon_db.models import User
from sqlalchemy.ext.asyncio import AsyncSession

from obzvon_gateway.auth import scope_repository
from obzvon_gateway.auth.sessions import SessionData


@dataclass
class Principal:
    user: User
    session: SessionData | None = None
    token_id: uuid.UUID | None = None
    _project_ids: frozenset[uuid.UUID] | None = field(default=None, repr=False)
    _operator_ids: frozenset[uuid.UUID] | None = field(default=None, repr=False)

    @property
    def user_id(self) -> uuid.UUID:
        return self.user.id

    @property
    def role(self) -> UserRole:
        return self.user.role

    @property
    def is_admin(self) -> bool:
        return self.role == UserRole.ADMIN

    @property
    def is_supervisor(self) -> bool:
        return self.role == UserRole.SUPERVISOR

    @property
    def is_operator(self) -> bool:
        return self.role == UserRole.OPERATOR

    async def project_ids(self, db: AsyncSession) -> frozenset[uuid.UUID] | None:
        """Projects in scope; None means all of them (admin)."""
        if self.is_admin:
            return None
        if self._project_ids is None:
            if self.is_supervisor:
                self._project_ids = await scope_repository.supervised_project_ids(db, self.user_id)
            else:
                self._project_ids = await scope_repository.member_project_ids(db, self.user_id)
        return self._project_ids

    async def operator_ids(self, db: AsyncSession) -> frozenset[uuid.UUID] | None:
        """Operators in scope; None means all of them (admin)."""
        if self.is_admin:
            return None
        if self._operator_ids is None:
            if self.is_supervisor:
                projects = await self.project_ids(db) or frozenset()
                self._operator_ids = await scope_repository.operator_ids_of_projects(db, projects)
            else:
                self._operator_ids = frozenset({self.user_id})
        return self._operator_ids

    async def user_ids(self, db: AsyncSession) -> frozenset[uuid.UUID] | None:
        """Users in scope: the operators in scope plus oneself; None means everyone (admin)."""
        operators = await self.operator_ids(db)
        return None if operators is None else operators | {self.user_id}

    async def can_see_project(self, db: AsyncSession, project_id: uuid.UUID) -> bool:
        projects = await self.project_ids(db)
        return projects is None or project_id in projects

    async def can_see_user(self, db: AsyncSession, user_id: uuid.UUID) -> bool:
        users = await self.user_ids(db)
        return users is None or user_id in users
