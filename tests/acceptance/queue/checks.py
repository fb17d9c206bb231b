"""What must hold of operator state intervals whatever happened (F-50, F-62, I4)."""

import datetime as dt
import itertools
from collections.abc import Sequence

from obzvon_db.models import OperatorStateInterval


def assert_tiled(rows: Sequence[OperatorStateInterval], since: dt.datetime | None = None) -> None:
    """The intervals follow each other with no gap and no overlap and only the last is open, so they
    cover the time from the first one's start (at or before ``since``, when given) until now."""
    assert rows, "no intervals"
    assert [row.ended_at is None for row in rows] == [False] * (len(rows) - 1) + [True]
    for earlier, later in itertools.pairwise(rows):
        assert earlier.ended_at == later.started_at, (earlier.state, earlier.ended_at, later.state)
        assert earlier.started_at <= earlier.ended_at
    if since is not None:
        assert rows[0].started_at <= since
