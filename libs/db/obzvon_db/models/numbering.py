"""Russian numbering plan ranges (F-32): region, timezone and carrier of a number."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from obzvon_db.base import Base


class NumberingRange(Base):
    """An inclusive range of 10-digit national numbers (code·10⁷ + tail, without the leading 7/8).

    Ranges do not overlap, so a lookup is one index probe::

        SELECT * FROM numbering_ranges WHERE range_from <= :n ORDER BY range_from DESC LIMIT 1
        -- then check range_to >= :n
    """

    __tablename__ = "numbering_ranges"
    __table_args__ = (
        sa.Index("uq_numbering_ranges_range_from", "range_from", "range_to", unique=True),
        sa.CheckConstraint("range_from <= range_to", name="range_order"),
        sa.CheckConstraint("code BETWEEN 100 AND 999", name="code_range"),
    )

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(always=False), primary_key=True)
    code: Mapped[int] = mapped_column(sa.SmallInteger)
    range_from: Mapped[int] = mapped_column(sa.BigInteger)
    range_to: Mapped[int] = mapped_column(sa.BigInteger)
    carrier: Mapped[str]
    inn: Mapped[str | None]
    region: Mapped[str | None]
    territory: Mapped[str | None]
    timezone: Mapped[str | None]
