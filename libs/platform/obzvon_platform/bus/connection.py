"""The bus: one robust AMQP connection, a confirming publish channel and the topic exchange."""

import asyncio
from collections.abc import Callable
from typing import Any

import aio_pika
import aiormq
import structlog
from aio_pika.abc import (
    AbstractRobustChannel,
    AbstractRobustConnection,
    AbstractRobustExchange,
)
from obzvon_events import Envelope, Message
from pamqp.common import FieldTable

from obzvon_platform.bus.messages import envelope_message
from obzvon_platform.bus.metrics import PUBLISHED
from obzvon_platform.bus.topology import DEFAULT_EXCHANGE, declare_exchange

log = structlog.get_logger(__name__)


class BusNotConnectedError(ConnectionError):
    """The broker is not reachable right now (never connected, or reconnecting)."""


class UnroutableError(RuntimeError):
    """The broker returned a mandatory message: no queue is bound for its routing key."""


class Bus:
    """Connection to RabbitMQ built from an AMQP URL.

    ``connect()`` opens a robust connection (it reconnects by itself and restores channels, exchanges,
    queues and consumers) and a publish channel with publisher confirms. ``publish`` waits for the
    broker's confirm, so a returned call means the message is on disk in every bound durable queue.
    """

    def __init__(
        self,
        url: str,
        *,
        exchange: str = DEFAULT_EXCHANGE,
        connection_name: str | None = None,
        reconnect_interval: float = 5.0,
        publish_timeout: float = 10.0,
        connect_timeout: float = 10.0,
    ) -> None:
        self.url = url
        self.exchange_name = exchange
        self.connection_name = connection_name
        self.reconnect_interval = reconnect_interval
        self.publish_timeout = publish_timeout
        self.connect_timeout = connect_timeout
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._exchange: AbstractRobustExchange | None = None
        self._lock = asyncio.Lock()
        self._reconnect_listeners: list[Callable[[], None]] = []

    async def connect(self) -> None:
        """Connect once; later calls return at once. Raises when the broker cannot be reached."""
        async with self._lock:
            if self._connection is not None:
                return
            client_properties: FieldTable = (
                {"connection_name": self.connection_name} if self.connection_name else {}
            )
            connection = await aio_pika.connect_robust(
                self.url,
                timeout=self.connect_timeout,
                reconnect_interval=self.reconnect_interval,
                client_properties=client_properties,
            )
            try:
                channel = await connection.channel(publisher_confirms=True)
                exchange = await declare_exchange(channel, self.exchange_name)
            except BaseException:
                await connection.close()
                raise
            connection.reconnect_callbacks.add(self._on_reconnect)
            self._connection, self._channel = connection, channel
            self._exchange = exchange
            log.info("bus.connected", exchange=self.exchange_name)

    async def close(self) -> None:
        async with self._lock:
            connection, self._connection = self._connection, None
            self._channel = self._exchange = None
            if connection is not None:
                await connection.close()

    async def __aenter__(self) -> "Bus":
        await self.connect()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def is_connected(self) -> bool:
        """True while the connection is up (for readiness probes and fail-fast publishing)."""
        connection = self._connection
        return connection is not None and not connection.is_closed and connection.connected.is_set()

    def add_reconnect_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` every time the connection is restored after a loss."""
        self._reconnect_listeners.append(listener)

    def _on_reconnect(self, *_: Any) -> None:
        log.info("bus.reconnected", exchange=self.exchange_name)
        for listener in self._reconnect_listeners:
            listener()

    async def channel(self, prefetch: int = 10) -> AbstractRobustChannel:
        """A new channel (for a consumer) with ``prefetch`` unacknowledged messages at most."""
        if self._connection is None:
            raise BusNotConnectedError("call connect() first")
        channel = await self._connection.channel()
        await channel.set_qos(prefetch_count=prefetch)
        return channel

    async def publish(self, envelope: Envelope, routing_key: str, *, require_route: bool = False) -> bool:
        """Publish and wait for the confirm. Returns False (or raises ``UnroutableError`` when
        ``require_route``) if no queue is bound for ``routing_key``."""
        return await self.publish_message(
            envelope_message(envelope), routing_key, require_route=require_route
        )

    async def publish_event(
        self, message: Message, producer: str, *, require_route: bool = False
    ) -> Envelope:
        """Publish a typed event or command right away (not through the outbox); returns its envelope."""
        envelope = message.to_envelope(producer)
        await self.publish(envelope, message.routing_key, require_route=require_route)
        return envelope

    async def publish_message(
        self, message: aio_pika.Message, routing_key: str, *, require_route: bool = False
    ) -> bool:
        exchange = self._exchange
        if exchange is None or not self.is_connected:
            PUBLISHED.labels("failed").inc()
            raise BusNotConnectedError(f"not connected to the broker for {self.exchange_name!r}")
        try:
            async with asyncio.timeout(self.publish_timeout):
                result = await exchange.publish(message, routing_key, mandatory=True)
        except Exception:
            PUBLISHED.labels("failed").inc()
            raise
        if isinstance(result, aiormq.spec.Basic.Ack):
            PUBLISHED.labels("confirmed").inc()
            return True
        PUBLISHED.labels("unroutable").inc()
        log.warning("bus.unroutable", routing_key=routing_key, message_id=message.message_id)
        if require_route:
            raise UnroutableError(f"no queue bound for routing key {routing_key!r}")
        return False
