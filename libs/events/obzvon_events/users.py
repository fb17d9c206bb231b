"""Events about user accounts and sessions (F-01, F-10)."""

from uuid import UUID

from pydantic import Field

from obzvon_events.base import Event


class UserDisabled(Event):
    """Sent by the gateway after an admin disables or deletes a user and the change is committed.

    Every gateway instance closes the user's WebSockets; queue-router logs the operator out.
    """

    name = "user_disabled"
    version = 1
    routing_key = "user.account.disabled"
    produced_by = "api-gateway"

    user_id: UUID = Field(description="The disabled user.")


class UserSessionsRevoked(Event):
    """Sent by the gateway after all sessions of a user were revoked (logout everywhere, password change,
    an admin ending the sessions).

    Every gateway instance closes the user's WebSockets at once.
    """

    name = "user_sessions_revoked"
    version = 1
    routing_key = "user.sessions.revoked"
    produced_by = "api-gateway"

    user_id: UUID = Field(description="The user whose sessions are gone.")
