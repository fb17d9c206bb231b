"""Response builders in manager.c's header order: Response, ActionID, EventList, Message."""

from __future__ import annotations

from collections.abc import Iterable

from obzvon_pbx_sim.ami.message import AmiMessage


def response(
    action: AmiMessage,
    status: str,
    message: str | None = None,
    *,
    event_list: str | None = None,
    extra: Iterable[tuple[str, str]] = (),
) -> AmiMessage:
    reply = AmiMessage([("Response", status)])
    action_id = action.get("ActionID")
    if action_id:
        reply.add("ActionID", action_id)
    if event_list is not None:
        reply.add("EventList", event_list)
    if message is not None:
        reply.add("Message", message)
    reply.extend(extra)
    return reply


def success(
    action: AmiMessage, message: str | None = None, *, extra: Iterable[tuple[str, str]] = ()
) -> AmiMessage:
    return response(action, "Success", message, extra=extra)


def error(action: AmiMessage, message: str) -> AmiMessage:
    return response(action, "Error", message)


def list_start(action: AmiMessage, message: str) -> AmiMessage:
    return response(action, "Success", message, event_list="start")


def list_item(action: AmiMessage, event: str, body: Iterable[tuple[str, str]]) -> AmiMessage:
    """An item of a list action: no Privilege, the ActionID right after the event name."""
    item = AmiMessage([("Event", event)])
    action_id = action.get("ActionID")
    if action_id:
        item.add("ActionID", action_id)
    return item.extend(body)


def list_complete(action: AmiMessage, event: str, items: int) -> AmiMessage:
    done = AmiMessage([("Event", event)])
    action_id = action.get("ActionID")
    if action_id:
        done.add("ActionID", action_id)
    return done.add("EventList", "Complete").add("ListItems", items)
