"""Starts and stops the call-records consumer with the reporting service."""

import contextlib

from fastapi import FastAPI
from obzvon_platform.bus import Bus, Consumer
from obzvon_platform.resources import Resources

from obzvon_reporting.calls.consumers import call_records_consumer


class CallRecords:
    def __init__(self, resources: Resources) -> None:
        common = resources.settings
        self.bus = Bus(common.amqp_url, exchange=common.exchange, connection_name="reporting")
        self.consumer: Consumer = call_records_consumer(self.bus, resources.sessions)

    async def start(self) -> None:
        await self.bus.connect()
        await self.consumer.start()

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            await self.consumer.stop()
        await self.bus.close()


async def start_call_records(app: FastAPI, resources: Resources) -> None:
    records = CallRecords(resources)
    app.state.call_records = records
    await records.start()


async def stop_call_records(app: FastAPI, resources: Resources) -> None:
    records: CallRecords | None = getattr(app.state, "call_records", None)
    if records is not None:
        await records.stop()
