"""Declarative base, naming convention and column mixins shared by every model."""

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Constraint names are deterministic so migrations can refer to them.
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

#: ``info`` of a foreign key that the database enforces with set-based triggers instead of a constraint
#: (see the ``contacts_bulk_load`` migration). The ORM still sees the key, so a flush inserts parents
#: first; schema comparison skips it (:func:`include_object`).
ENFORCED_BY_TRIGGERS: dict[str, object] = {"enforced_by": "triggers"}


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic's schema-comparison filter: leave out foreign keys enforced by triggers."""
    if type_ == "foreign_key_constraint" and isinstance(obj, sa.ForeignKeyConstraint):
        return not any(key.info.get("enforced_by") == "triggers" for key in obj.elements)
    return True


#: Every point in time is a ``timestamptz`` (stored in UTC).
TIMESTAMPTZ = sa.DateTime(timezone=True)


class Base(DeclarativeBase):
    """Base class of every Obzvon model."""

    metadata = metadata
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        dt.datetime: TIMESTAMPTZ,
        dt.date: sa.Date(),
        dt.time: sa.Time(),
        uuid.UUID: pg.UUID(as_uuid=True),
        str: sa.Text(),
        int: sa.Integer(),
        bool: sa.Boolean(),
        bytes: sa.LargeBinary(),
        Decimal: sa.Numeric(),
        dict[str, Any]: pg.JSONB(),
    }


def _enum_values(enum_cls: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in enum_cls]


def str_enum(enum_cls: type[enum.StrEnum], name: str) -> sa.Enum:
    """A text column restricted by a CHECK constraint to the values of ``enum_cls``.

    The constraint is named ``ck_<table>_<name>``; values are the lowercase snake_case enum values.
    """
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=_enum_values,
        validate_strings=True,
    )


def utcnow() -> dt.datetime:
    """The current time as an aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


class UUIDPrimaryKey:
    """``id`` UUID primary key generated in Python (uuid4) or by Postgres (gen_random_uuid())."""

    id: Mapped[uuid.UUID] = mapped_column(
        primary_key=True, default=uuid.uuid4, server_default=sa.text("gen_random_uuid()"), sort_order=-100
    )


class CreatedAt:
    """``created_at`` timestamptz set by the database."""

    created_at: Mapped[dt.datetime] = mapped_column(server_default=sa.func.now(), sort_order=100)


class Timestamps(CreatedAt):
    """``created_at`` and ``updated_at`` timestamptz; ``updated_at`` moves on every ORM update."""

    updated_at: Mapped[dt.datetime] = mapped_column(
        server_default=sa.func.now(), onupdate=sa.func.now(), sort_order=101
    )
