"""Enumerations shared by the database and the services (stored as text with CHECK constraints)."""

from enum import StrEnum


class UserRole(StrEnum):
    """F-02: admin does everything, supervisor works within own projects, operator takes calls."""

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    OPERATOR = "operator"


class Locale(StrEnum):
    """UI language of a user; Russian is the default."""

    RU = "ru"
    EN = "en"


class QueueStrategy(StrEnum):
    """F-43: how the queue picks operators for an answered call."""

    RING_ALL = "ring_all"
    ROUND_ROBIN = "round_robin"
    LEAST_RECENT = "least_recent"
    FEWEST_CALLS = "fewest_calls"
    LINEAR = "linear"


class DialMode(StrEnum):
    """F-41: how fast the dialer originates calls."""

    UNLIMITED = "unlimited"
    PROGRESSIVE = "progressive"
    PREDICTIVE = "predictive"


class RetryOutcome(StrEnum):
    """F-26: outcomes that have their own retry intervals and attempt counts."""

    BUSY = "busy"
    NO_ANSWER = "no_answer"
    MACHINE = "machine"
    LOST = "lost"


class CardFieldType(StrEnum):
    """F-23: input kind of a client card field."""

    TEXT = "text"
    TEXTAREA = "textarea"
    NUMBER = "number"
    DATE = "date"
    PHONE = "phone"
    EMAIL = "email"
    SELECT = "select"
    CHECKBOX = "checkbox"


class IntegrationKind(StrEnum):
    """F-28: per-project integration settings."""

    BITRIX24 = "bitrix24"
    SMS = "sms"
    EMAIL = "email"


class MessageChannel(StrEnum):
    """F-57: channel of a message template."""

    SMS = "sms"
    EMAIL = "email"


class BaseImportStatus(StrEnum):
    """F-30/F-35: progress of a contact base upload."""

    PENDING = "pending"
    PROCESSING = "processing"
    READY = "ready"
    FAILED = "failed"


class ContactStatus(StrEnum):
    """F-33/F-60: where a contact is in the dialing life cycle."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    CALLED = "called"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    MACHINE = "machine"
    LOST = "lost"
    ERROR = "error"
    CALLBACK = "callback"
    DONE = "done"
    BLACKLISTED = "blacklisted"


#: Statuses the dialer may pick a contact in (when ``next_attempt_at`` is due). The partial index
#: ``ix_contacts_dialer_due`` has exactly this predicate: a claim query must filter on a subset of it
#: (``status IN (...)``) and on ``deleted_at IS NULL`` to use the index.
DIALABLE_CONTACT_STATUSES: tuple[ContactStatus, ...] = (
    ContactStatus.NEW,
    ContactStatus.NO_ANSWER,
    ContactStatus.BUSY,
    ContactStatus.MACHINE,
    ContactStatus.LOST,
    ContactStatus.ERROR,
)


class AttemptState(StrEnum):
    """Life cycle of one dial attempt (one Asterisk channel)."""

    PENDING = "pending"
    ORIGINATING = "originating"
    RINGING = "ringing"
    ANSWERED = "answered"
    TALKING = "talking"
    FINISHED = "finished"
    FAILED = "failed"


#: I1: at most one attempt per contact may be in one of these states (partial unique index).
LIVE_ATTEMPT_STATES: tuple[AttemptState, ...] = (
    AttemptState.ORIGINATING,
    AttemptState.RINGING,
    AttemptState.ANSWERED,
    AttemptState.TALKING,
)


class CallOutcome(StrEnum):
    """How an attempt or a call ended."""

    ANSWERED = "answered"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    REJECTED = "rejected"
    CONGESTION = "congestion"
    FAILED = "failed"
    MACHINE = "machine"
    ABANDONED = "abandoned"
    FAILED_UNKNOWN = "failed_unknown"


class CallDirection(StrEnum):
    """F-61: direction of a call."""

    INBOUND = "in"
    OUTBOUND = "out"


class CallType(StrEnum):
    """F-61: how a call came about."""

    AUTO = "auto"
    MANUAL = "manual"
    INBOUND = "inbound"
    CALLBACK = "callback"
    ROBOT = "robot"


class OperatorState(StrEnum):
    """F-50: operator states chosen by the operator (active, pause, dnd, inactive) or set by the system."""

    ACTIVE = "active"
    PAUSE = "pause"
    DND = "dnd"
    INACTIVE = "inactive"
    RINGING = "ringing"
    TALKING = "talking"
    IN_CARD = "in_card"
    RINGBACK = "ringback"
    OFFLINE = "offline"


class NotificationKind(StrEnum):
    """Known notification kinds (the column is open text so new kinds need no migration)."""

    TASK_DUE = "task_due"
    TASK_OVERDUE = "task_overdue"
    CALLBACK_FAILED = "callback_failed"
    IMPORT_FINISHED = "import_finished"
    IMPORT_FAILED = "import_failed"
    EXPORT_READY = "export_ready"
    SYSTEM = "system"
