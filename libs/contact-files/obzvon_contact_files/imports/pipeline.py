"""Rows are processed in a worker thread while the event loop loads the previous chunk into PostgreSQL.

The reader thread turns rows into staging records (CPU work in Python); PostgreSQL inserts the chunk
before (work in the database process), so both run at once. At most ``queue_chunks`` chunks wait in
memory. A failure on either side stops the other.
"""

import asyncio
import threading
from collections.abc import AsyncGenerator
from dataclasses import dataclass

from obzvon_contact_files.imports.rows import RowProcessor, StagingRecord
from obzvon_contact_files.imports.table import Table

_POLL_SECONDS = 0.1


@dataclass(slots=True)
class Chunk:
    records: list[StagingRecord]
    rows_read: int
    last: bool


@dataclass(slots=True)
class _Failure:
    error: BaseException


class ChunkReader:
    """Iterate ``async for chunk in reader.chunks()``; leaving the loop early stops the thread."""

    def __init__(
        self, table: Table, processor: RowProcessor, *, chunk_rows: int, queue_chunks: int = 2
    ) -> None:
        self._table = table
        self._processor = processor
        self._chunk_rows = chunk_rows
        self._slots = threading.Semaphore(queue_chunks)
        self._stop = threading.Event()
        self._queue: asyncio.Queue[Chunk | _Failure] = asyncio.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._run, name="base-import-reader", daemon=True)

    def _put(self, item: Chunk | _Failure) -> bool:
        assert self._loop is not None
        while not self._stop.is_set():
            if self._slots.acquire(timeout=_POLL_SECONDS):
                self._loop.call_soon_threadsafe(self._queue.put_nowait, item)
                return True
        return False

    def _run(self) -> None:
        process = self._processor.process
        size = self._chunk_rows
        stop = self._stop
        records: list[StagingRecord] = []
        read = 0
        try:
            for row_no, cells in self._table.rows:
                read += 1
                record = process(row_no, cells)
                if record is not None:
                    records.append(record)
                if read % size == 0:
                    if stop.is_set() or not self._put(Chunk(records, read, last=False)):
                        return
                    records = []
            self._put(Chunk(records, read, last=True))
        except BaseException as exc:
            self._put(_Failure(exc))

    async def chunks(self) -> AsyncGenerator[Chunk, None]:
        self._loop = asyncio.get_running_loop()
        self._thread.start()
        try:
            while True:
                item = await self._queue.get()
                self._slots.release()
                if isinstance(item, _Failure):
                    raise item.error
                yield item
                if item.last:
                    return
        finally:
            self._stop.set()
            await asyncio.to_thread(self._thread.join)
