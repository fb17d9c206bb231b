"""Every Obzvon model; importing this package registers all tables on ``Base.metadata``."""

from obzvon_db.models.attempts import Attempt
from obzvon_db.models.audit import AuditLog
from obzvon_db.models.blacklist import BlacklistEntry
from obzvon_db.models.calls import Call
from obzvon_db.models.contacts import Contact, ContactBase, ContactBaseTag, ContactTag, Tag
from obzvon_db.models.files import FileFolder, StoredFile
from obzvon_db.models.groups import Group, GroupMember
from obzvon_db.models.integrations import MessageTemplate, ProjectIntegration, WebhookEndpoint
from obzvon_db.models.notifications import Notification
from obzvon_db.models.numbering import NumberingRange
from obzvon_db.models.operator_states import OperatorStateInterval
from obzvon_db.models.outbox import OutboxMessage, ProcessedMessage
from obzvon_db.models.project_settings import (
    CardField,
    ProjectPinnedStatus,
    ProjectRetryRule,
    ProjectWeekdayInterval,
)
from obzvon_db.models.projects import Project, ProjectGroup, ProjectResultStatus, ProjectSupervisor
from obzvon_db.models.result_statuses import ResultStatus
from obzvon_db.models.tasks import Comment, Task
from obzvon_db.models.trunks import Trunk
from obzvon_db.models.users import ApiToken, User, UserSession

__all__ = [
    "ApiToken",
    "Attempt",
    "AuditLog",
    "BlacklistEntry",
    "Call",
    "CardField",
    "Comment",
    "Contact",
    "ContactBase",
    "ContactBaseTag",
    "ContactTag",
    "FileFolder",
    "Group",
    "GroupMember",
    "MessageTemplate",
    "Notification",
    "NumberingRange",
    "OperatorStateInterval",
    "OutboxMessage",
    "ProcessedMessage",
    "Project",
    "ProjectGroup",
    "ProjectIntegration",
    "ProjectPinnedStatus",
    "ProjectResultStatus",
    "ProjectRetryRule",
    "ProjectSupervisor",
    "ProjectWeekdayInterval",
    "ResultStatus",
    "StoredFile",
    "Tag",
    "Task",
    "Trunk",
    "User",
    "UserSession",
    "WebhookEndpoint",
]
