"""Message classes follow the naming and versioning rules of DESIGN.md "Events"."""

import re
import uuid
from collections.abc import Iterator

import pytest
from obzvon_events import Command, Event, is_registered, lookup, registered, registry
from obzvon_events.calls import CallEnded


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Classes defined by a test are forgotten afterwards (the catalogue stays as shipped)."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    yield


def test_every_shipped_message_follows_the_rules() -> None:
    classes = registered()
    assert len({(c.name, c.version) for c in classes}) == len(classes)
    for cls in classes:
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", cls.name), cls
        assert cls.__doc__ and cls.__doc__.strip(), cls
        assert lookup(cls.name, cls.version) is cls
        if issubclass(cls, Command):
            assert cls.routing_key.startswith("command."), cls
        else:
            assert issubclass(cls, Event)
            assert cls.routing_key.count(".") == 2 and not cls.routing_key.startswith("command."), cls


def test_the_initial_events_and_commands_exist() -> None:
    names = {cls.name for cls in registered()}
    assert {
        "operator_state_changed",
        "user_disabled",
        "user_sessions_revoked",
        "notification_created",
        "call_originated",
        "call_ringing",
        "call_answered",
        "call_amd_result",
        "call_connected_to_operator",
        "call_ended",
        "originate_call",
        "connect_call",
        "hangup_call",
    } <= names


@pytest.mark.usefixtures("scratch_registry")
def test_a_breaking_change_is_a_new_version_next_to_the_old_one() -> None:
    class CallEndedV2(Event):
        """Sent when a call ended (v2 carries the duration in milliseconds)."""

        name = "call_ended"
        version = 2
        routing_key = "telephony.call.ended"
        produced_by = "dialer"

        call_id: uuid.UUID
        duration_ms: int

    assert lookup("call_ended", 1) is CallEnded
    assert lookup("call_ended", 2) is CallEndedV2


@pytest.mark.usefixtures("scratch_registry")
def test_redefining_a_registered_version_is_refused() -> None:
    with pytest.raises(ValueError, match="new version"):

        class OtherCallEnded(Event):
            """Sent never."""

            name = "call_ended"
            version = 1
            routing_key = "telephony.call.ended"
            produced_by = "dialer"


@pytest.mark.usefixtures("scratch_registry")
@pytest.mark.parametrize(
    ("name", "routing_key", "doc", "match"),
    [
        ("CallEnded", "telephony.call.ended", "Sent.", "snake_case"),
        ("call_ended_x", "telephony.ended", "Sent.", "routing key"),
        ("call_ended_x", "command.dialer.hangup", "Sent.", "command"),
        ("call_ended_x", "telephony.call.ended", None, "docstring"),
    ],
)
def test_badly_defined_events_are_refused(name: str, routing_key: str, doc: str | None, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        type(
            "Bad",
            (Event,),
            {"__doc__": doc, "name": name, "version": 1, "routing_key": routing_key, "produced_by": "x"},
        )
    assert not is_registered(name, 1) or name == "call_ended"


@pytest.mark.usefixtures("scratch_registry")
def test_commands_are_addressed_to_one_service() -> None:
    with pytest.raises(TypeError, match="routing key"):

        class Dial(Command):
            """Sent to dial."""

            name = "dial"
            version = 1
            routing_key = "telephony.call.dial"
            produced_by = "x"

    class Dial2(Command):
        """Sent to dial."""

        name = "dial_number"
        version = 1
        routing_key = "command.dialer.dial"
        produced_by = "x"

    assert Dial2.target_service() == "dialer"


@pytest.mark.usefixtures("scratch_registry")
@pytest.mark.filterwarnings("ignore:Field name")
@pytest.mark.parametrize("field_name", ["produced_by", "message_kind"])
def test_payload_fields_cannot_shadow_class_attributes(field_name: str) -> None:
    namespace = {
        "__doc__": "Sent when renamed.",
        "__annotations__": {field_name: str},
        "name": "project_renamed",
        "version": 1,
        "routing_key": "project.project.renamed",
        "produced_by": "api-gateway",
    }
    with pytest.raises(TypeError):
        type("Renamed", (Event,), namespace)
    assert not is_registered("project_renamed", 1)
