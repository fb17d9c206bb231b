"""Events about in-app notifications (F-03, F-54)."""

from typing import Any
from uuid import UUID

from pydantic import Field

from obzvon_events.base import Event


class NotificationCreated(Event):
    """Sent after a notification row for a user is committed (a task is due, an import finished, …).

    The gateway pushes it to the user's open tabs; the bell counter updates without a reload.
    """

    name = "notification_created"
    version = 1
    routing_key = "notification.message.created"
    produced_by = "any service"

    user_id: UUID = Field(description="Recipient.")
    notification_id: UUID = Field(description="Id of the stored notification.")
    kind: str = Field(description="task_due, task_overdue, callback_failed, import_finished, …")
    title: str = Field(description="Short text shown in the list (Russian by default).")
    body: str = Field(default="", description="Longer text.")
    payload: dict[str, Any] = Field(
        default_factory=dict, description="Plain JSON the SPA uses to build a link (ids, names)."
    )
