"""AMQP message properties for envelopes: persistent, JSON, ``message_id`` = envelope id."""

import json
from datetime import datetime
from typing import Any
from uuid import UUID

import aio_pika
from aio_pika.abc import AbstractIncomingMessage
from obzvon_events import Envelope

CONTENT_TYPE = "application/json"


def envelope_message(envelope: Envelope) -> aio_pika.Message:
    """The AMQP message carrying ``envelope``."""
    return _message(
        envelope.to_json_bytes(),
        message_id=envelope.id,
        name=envelope.name,
        version=envelope.version,
        producer=envelope.producer,
        occurred_at=envelope.occurred_at,
    )


def payload_message(message_id: UUID, payload: dict[str, Any]) -> aio_pika.Message:
    """The AMQP message for an outbox row's stored envelope (sent as stored, not re-validated)."""
    return _message(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(),
        message_id=message_id,
        name=str(payload.get("name", "")),
        version=payload.get("version"),
        producer=payload.get("producer"),
        occurred_at=None,
    )


def _message(
    body: bytes,
    *,
    message_id: UUID,
    name: str,
    version: Any,
    producer: Any,
    occurred_at: datetime | None,
) -> aio_pika.Message:
    return aio_pika.Message(
        body,
        content_type=CONTENT_TYPE,
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        message_id=str(message_id),
        type=name or None,
        app_id=str(producer) if producer else None,
        timestamp=occurred_at,
        headers={"version": version} if isinstance(version, int) else None,
    )


def delivery_count(message: AbstractIncomingMessage) -> int:
    """How many times this message was returned to its quorum queue before (0 on first delivery)."""
    value = (message.headers or {}).get("x-delivery-count", 0)
    return value if isinstance(value, int) else 0
