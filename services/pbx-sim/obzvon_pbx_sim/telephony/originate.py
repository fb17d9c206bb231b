"""Placing an originated call (pbx.c `pbx_outgoing_attempt` + manager.c `fast_originate`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from obzvon_pbx_sim.ledger import Ledger, LedgerEntry
from obzvon_pbx_sim.outcomes.types import OutcomeKind, OutcomeRules
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.apps import run_application
from obzvon_pbx_sim.telephony.channel import Channel
from obzvon_pbx_sim.telephony.dial import DialSpec, dial
from obzvon_pbx_sim.telephony.endpoints import Endpoint, EndpointKind
from obzvon_pbx_sim.telephony.engine import CallEngine
from obzvon_pbx_sim.telephony.far_end import FarEnd, client_far_end, operator_far_end


@dataclass
class OriginateRequest:
    action_id: str
    channel: str  # as requested, e.g. PJSIP/79161234560@trunk1 or PJSIP/101
    context: str = ""
    exten: str = ""
    priority: int = 1
    application: str = ""
    data: str = ""
    timeout_ms: int = 30000
    callerid: tuple[str, str] = ("", "")  # (number, name)
    variables: list[tuple[str, str]] = field(default_factory=list)
    account: str = ""
    channel_id: str = ""
    is_async: bool = False

    def target(self) -> list[tuple[str, str]]:
        if self.application:
            return [("Application", self.application), ("Data", self.data)]
        return [("Context", self.context), ("Exten", self.exten)]


@dataclass(frozen=True)
class Destination:
    kind: EndpointKind
    endpoint: str
    number: str  # the client number, or the operator extension
    dial_string: str


def parse_destination(channel: str) -> Destination | None:
    """`PJSIP/<number>@<trunk>`, `PJSIP/<trunk>/sip:<number>@host` or `PJSIP/<extension>`."""
    tech, _, resource = channel.partition("/")
    if tech.upper() != "PJSIP" or not resource:
        return None
    if "@" in resource and "/" not in resource:
        number, _, trunk = resource.partition("@")
        return Destination(EndpointKind.TRUNK, trunk, number, resource) if number and trunk else None
    if "/" in resource:
        trunk, _, uri = resource.partition("/")
        number = uri.removeprefix("sip:").split("@", 1)[0]
        return Destination(EndpointKind.TRUNK, trunk, number, resource) if number and trunk else None
    return Destination(EndpointKind.OPERATOR, resource, resource, resource)


class Originator:
    def __init__(self, engine: CallEngine, rules: OutcomeRules, ledger: Ledger) -> None:
        self.engine = engine
        self.rules = rules
        self.ledger = ledger

    async def run(self, req: OriginateRequest) -> bool:
        """Dial, then run the context or application on answer. True when answered."""
        dest = parse_destination(req.channel)
        entry = self.ledger.record(
            action_id=req.action_id,
            channel_id=req.channel_id,
            channel=req.channel,
            number=dest.number if dest else "",
            endpoint=dest.endpoint if dest else "",
            is_async=req.is_async,
            context=req.context,
            exten=req.exten,
            application=req.application,
            variables=dict(req.variables),
        )
        endpoint = self.engine.endpoints.resolve(dest.endpoint, dest.kind) if dest else None
        far = self._far_end(dest, endpoint)
        in_use = bool(req.channel_id) and self.engine.channels.uniqueid_in_use(req.channel_id)
        if dest is None or endpoint is None or far is None or in_use:
            return self._failed_without_channel(req, entry)
        spec = DialSpec(
            endpoint,
            dest.dial_string,
            far,
            req.timeout_ms / 1000 if req.timeout_ms > 0 else None,
            uniqueid=req.channel_id or None,
            variables=req.variables,
            callerid=req.callerid,
            accountcode=req.account,
        )
        result = await dial(self.engine, None, spec)
        if result.callee is None:
            return self._failed_without_channel(req, entry)
        entry.attach(result.callee)
        if result.answered:
            self._answered(req, entry, result.callee, far)
            return True
        entry.result = result.status
        self._respond(req, False, req.channel, causes.originate_reason(False, result.dial_cause), None)
        if result.finish is not None:
            await result.finish()
        return False

    def _far_end(self, dest: Destination | None, endpoint: Endpoint | None) -> FarEnd | None:
        if dest is None or endpoint is None or endpoint.kind is not dest.kind:
            return None
        if dest.kind is EndpointKind.OPERATOR:
            return operator_far_end(endpoint, self.engine.endpoint_busy(endpoint))
        outcome = self.rules.decide(dest.number)
        if outcome.kind is OutcomeKind.FAILURE:
            return None
        return client_far_end(outcome)

    def _answered(self, req: OriginateRequest, entry: LedgerEntry, chan: Channel, far: FarEnd) -> None:
        engine = self.engine
        entry.result = "ANSWER"
        if req.application:
            chan.context, chan.exten = "", ""
        else:
            chan.context, chan.exten, chan.priority = req.context, req.exten, req.priority
        self._respond(req, True, chan.name, 4, chan)
        engine.schedule_remote_hangup(chan, far.talk_seconds)
        if req.application:
            chan.dialplan_task = engine.spawn(run_application(engine, chan, req.application, req.data))
        else:
            engine.start_dialplan(chan, req.context, req.exten, req.priority)

    def _failed_without_channel(self, req: OriginateRequest, entry: LedgerEntry) -> bool:
        entry.result = "FAILED"
        self._respond(req, False, req.channel, 0, None)
        return False

    def _respond(
        self, req: OriginateRequest, success: bool, channel: str, reason: int, chan: Channel | None
    ) -> None:
        if not req.is_async:
            return  # a synchronous Originate answers with the action response only
        uniqueid = chan.uniqueid if chan is not None else (req.channel_id or "<unknown>")
        self.engine.emit.originate_response(
            req.action_id, success, channel, req.target(), reason, uniqueid, req.callerid, chan
        )
