"""The contexts of asterisk/extensions.conf, acted out step by step (see the package README)."""

from __future__ import annotations

import re

from obzvon_pbx_sim.config import SimConfig
from obzvon_pbx_sim.outcomes.types import OutcomeKind, OutcomeRules
from obzvon_pbx_sim.telephony import causes
from obzvon_pbx_sim.telephony.bridge import BridgeOwner
from obzvon_pbx_sim.telephony.channel import Channel, ChannelState
from obzvon_pbx_sim.telephony.dial import UNAVAILABLE, DialSpec, dial
from obzvon_pbx_sim.telephony.endpoints import EndpointKind
from obzvon_pbx_sim.telephony.engine import CallEngine
from obzvon_pbx_sim.telephony.far_end import client_far_end, operator_far_end

ANSWERED = "obzvon-answered"
OPERATOR = "obzvon-operator"
OPERATOR_ANSWERED = "obzvon-operator-answered"
OPERATOR_PREDIAL = "obzvon-operator-predial"  # only adds an auto-answer SIP header
MANUAL = "obzvon-manual"
MANUAL_ANSWERED = "obzvon-manual-answered"
INBOUND = "obzvon-inbound"
PHONES = "obzvon-phones"

CONTEXTS = (ANSWERED, OPERATOR, OPERATOR_ANSWERED, OPERATOR_PREDIAL, MANUAL, MANUAL_ANSWERED, INBOUND, PHONES)
USER_EVENTS = (
    "ObzvonAmd",
    "ObzvonWaiting",
    "ObzvonWaitTimeout",
    "ObzvonOperatorDial",
    "ObzvonManualDial",
    "ObzvonInbound",
)

DEFAULT_MOH = "default"
DEFAULT_MAX_WAIT = 600
DEFAULT_OPERATOR_TIMEOUT = 20
DEFAULT_MANUAL_TIMEOUT = 60
EXTENSION = re.compile(r"^[0-9]+$")
NUMBER = re.compile(r"^\+?[0-9]+$")


def _int(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default


class Dialplan:
    def __init__(self, engine: CallEngine, rules: OutcomeRules, config: SimConfig) -> None:
        self.engine = engine
        self.rules = rules
        self.config = config

    def exists(self, context: str, exten: str) -> bool:
        if context == ANSWERED:
            return exten in ("s", "hold")
        if context in (OPERATOR, MANUAL):
            return bool(EXTENSION.match(exten) if context == OPERATOR else NUMBER.match(exten))
        if context == INBOUND:
            return exten == "s" or bool(NUMBER.match(exten))
        return False

    async def run(self, chan: Channel, context: str, exten: str) -> None:
        if not self.exists(context, exten):
            # No such extension and no `i` handler: the PBX hangs the channel up.
            await self.engine.hangup(chan, causes.NORMAL_CLEARING, request=None)
        elif context == ANSWERED:
            await (self.answered(chan) if exten == "s" else self.hold(chan))
        elif context == OPERATOR:
            await self.operator(chan, exten)
        elif context == MANUAL:
            await self.manual(chan, exten)
        else:
            await self.inbound(chan, exten)

    # -- helpers --------------------------------------------------------------------------------

    def _ids(self, chan: Channel) -> list[tuple[str, str]]:
        return [
            ("AttemptId", chan.get_var("OBZVON_ATTEMPT_ID")),
            ("ProjectId", chan.get_var("OBZVON_PROJECT_ID")),
        ]

    def _inheritable(self, chan: Channel, *names: str) -> None:
        for name in ("OBZVON_ATTEMPT_ID", "OBZVON_PROJECT_ID", *names):
            chan.set_var(f"__{name}", chan.get_var(name))

    def _defaults(self, chan: Channel) -> None:
        if not chan.get_var("OBZVON_MOH"):
            chan.set_var("OBZVON_MOH", DEFAULT_MOH)
        if not chan.get_var("OBZVON_MAX_WAIT"):
            chan.set_var("OBZVON_MAX_WAIT", str(DEFAULT_MAX_WAIT))

    def _record(self, chan: Channel, flag: str) -> None:
        if chan.get_var(flag) == "1":
            self.engine.step(
                chan, chan.priority + 1, "MixMonitor", f"{chan.get_var('OBZVON_ATTEMPT_ID')}.wav"
            )
            self.engine.start_recording(chan, f"{chan.get_var('OBZVON_ATTEMPT_ID')}.wav")

    # -- [obzvon-answered] ----------------------------------------------------------------------

    async def answered(self, chan: Channel) -> None:
        engine = self.engine
        chan.context, chan.exten = ANSWERED, "s"
        engine.step(chan, 1, "Set", "__OBZVON_ATTEMPT_ID")
        self._inheritable(chan, "OBZVON_AUTO_ANSWER")
        self._defaults(chan)
        self._record(chan, "OBZVON_RECORD")
        if chan.get_var("OBZVON_AMD") == "1":
            engine.step(chan, 10, "AMD", "")
            await engine.clock.sleep(self.config.amd_seconds)
            machine = chan.far_end is not None and chan.far_end.machine
            status, cause = ("MACHINE", "LONGGREETING-2000-1500") if machine else ("HUMAN", "HUMAN-800-800")
            chan.set_var("AMDSTATUS", status)
            chan.set_var("AMDCAUSE", cause)
            engine.step(chan, 11, "UserEvent", "ObzvonAmd")
            body = [*self._ids(chan), ("AmdStatus", status), ("AmdCause", cause)]
            engine.emit.user_event(chan, "ObzvonAmd", body)
            if machine:
                engine.step(chan, 14, "Hangup", "16")
                await engine.hangup(chan, causes.NORMAL_CLEARING, request="soft")
                return
        await self.hold(chan)

    async def hold(self, chan: Channel) -> None:
        engine = self.engine
        chan.context, chan.exten = ANSWERED, "hold"
        engine.step(chan, 1, "UserEvent", "ObzvonWaiting")
        engine.emit.user_event(chan, "ObzvonWaiting", self._ids(chan))
        moh = chan.get_var("OBZVON_MOH") or DEFAULT_MOH
        max_wait = _int(chan.get_var("OBZVON_MAX_WAIT"), DEFAULT_MAX_WAIT)
        engine.step(chan, 2, "MusicOnHold", f"{moh},{max_wait}")
        engine.emit.channel("MusicOnHoldStart", chan, ("Class", moh))
        try:
            if max_wait > 0:
                await engine.clock.sleep(max_wait)
            else:  # MusicOnHold with a zero duration plays until interrupted
                await chan.gone.wait()
        finally:
            engine.emit.channel("MusicOnHoldStop", chan)
        engine.step(chan, 3, "UserEvent", "ObzvonWaitTimeout")
        engine.emit.user_event(chan, "ObzvonWaitTimeout", self._ids(chan))
        engine.step(chan, 4, "Hangup", "16")
        await engine.hangup(chan, causes.NORMAL_CLEARING, request="soft")

    # -- [obzvon-operator] ----------------------------------------------------------------------

    async def operator(self, chan: Channel, ext: str) -> None:
        engine = self.engine
        chan.context, chan.exten = OPERATOR, ext
        chan.set_var("__OBZVON_OPERATOR", ext)
        timeout = _int(chan.get_var("OBZVON_OPERATOR_TIMEOUT"), DEFAULT_OPERATOR_TIMEOUT)
        moh = chan.get_var("OBZVON_MOH") or DEFAULT_MOH
        options = f"b({OPERATOR_PREDIAL}^s^1)U({OPERATOR_ANSWERED})m({moh})"
        engine.step(chan, 3, "Dial", f"PJSIP/{ext},{timeout},{options}")
        endpoint = engine.endpoints.resolve(ext, EndpointKind.OPERATOR)
        engine.emit.channel("MusicOnHoldStart", chan, ("Class", moh))
        try:
            if endpoint is None or endpoint.kind is not EndpointKind.OPERATOR:
                result = UNAVAILABLE
            else:
                auto_answer = chan.get_var("OBZVON_AUTO_ANSWER") == "1"  # obzvon-operator-predial
                far = operator_far_end(endpoint, engine.endpoint_busy(endpoint), auto_answer)
                result = await dial(engine, chan, DialSpec(endpoint, ext, far, timeout))
        finally:
            engine.emit.channel("MusicOnHoldStop", chan)
        if result.answered and result.channel is not None:
            agent = result.channel
            agent.context, agent.exten, agent.priority = OPERATOR_ANSWERED, "s", 1
            body = [*self._ids(agent), ("Operator", ext), ("DialStatus", "ANSWER")]
            engine.emit.user_event(agent, "ObzvonOperatorDial", body)
            await engine.bridge_pair(chan, agent, BridgeOwner.DIAL)
            await engine.hangup(chan, causes.NORMAL_CLEARING, request=None)
            return
        engine.step(chan, 4, "UserEvent", "ObzvonOperatorDial")
        body = [*self._ids(chan), ("Operator", ext), ("DialStatus", result.status)]
        engine.emit.user_event(chan, "ObzvonOperatorDial", [*body, ("HangupCause", str(result.cause))])
        await self.hold(chan)

    # -- [obzvon-manual] ------------------------------------------------------------------------

    async def manual(self, chan: Channel, number: str) -> None:
        """An operator's phone was originated into this context; now dial the client."""
        engine = self.engine
        chan.context, chan.exten = MANUAL, number
        self._inheritable(chan)
        self._record(chan, "OBZVON_RECORD")
        callerid = chan.get_var("OBZVON_CALLERID")
        if callerid:
            chan.caller_num, chan.caller_name = callerid, ""
            engine.emit.new_callerid(chan)
        trunk = chan.get_var("OBZVON_TRUNK")
        timeout = _int(chan.get_var("OBZVON_DIAL_TIMEOUT"), DEFAULT_MANUAL_TIMEOUT)
        engine.step(chan, 6, "Dial", f"PJSIP/{number}@{trunk},{timeout},U({MANUAL_ANSWERED})")
        endpoint = engine.endpoints.resolve(trunk, EndpointKind.TRUNK) if trunk else None
        outcome = self.rules.decide(number)
        if endpoint is None or outcome.kind is OutcomeKind.FAILURE:
            result = UNAVAILABLE
        else:
            far = client_far_end(outcome)
            result = await dial(engine, chan, DialSpec(endpoint, f"{number}@{trunk}", far, timeout))
        if result.answered and result.channel is not None:
            client = result.channel
            client.context, client.exten, client.priority = MANUAL_ANSWERED, "s", 1
            engine.emit.user_event(client, "ObzvonManualDial", [*self._ids(client), ("DialStatus", "ANSWER")])
            engine.schedule_remote_hangup(client, outcome.talk_seconds)
            await engine.bridge_pair(chan, client, BridgeOwner.DIAL)
            await engine.hangup(chan, causes.NORMAL_CLEARING, request=None)
            return
        engine.step(chan, 7, "UserEvent", "ObzvonManualDial")
        body = [*self._ids(chan), ("DialStatus", result.status), ("HangupCause", str(result.cause))]
        engine.emit.user_event(chan, "ObzvonManualDial", body)
        await engine.hangup(chan, causes.NORMAL_CLEARING, request="soft")

    # -- [obzvon-inbound] -----------------------------------------------------------------------

    async def inbound(self, chan: Channel, did: str) -> None:
        engine = self.engine
        project = chan.get_var("OBZVON_INBOUND_PROJECT_ID")
        chan.set_var("OBZVON_DID", "" if did == "s" else did)
        chan.context, chan.exten = INBOUND, "inbound"
        if not project:
            engine.step(chan, 1, "Hangup", "21")
            await engine.hangup(chan, causes.CALL_REJECTED, request="soft")
            return
        engine.step(chan, 2, "Answer")
        engine.set_state(chan, ChannelState.UP)
        engine.refresh_device(chan.endpoint)
        chan.set_var("__OBZVON_ATTEMPT_ID", chan.uniqueid)
        chan.set_var("__OBZVON_PROJECT_ID", project)
        chan.set_var("OBZVON_MOH", chan.get_var("OBZVON_INBOUND_MOH") or DEFAULT_MOH)
        chan.set_var("OBZVON_MAX_WAIT", str(DEFAULT_MAX_WAIT))
        self._record(chan, "OBZVON_INBOUND_RECORD")
        body = [
            *self._ids(chan),
            ("TrunkId", chan.get_var("OBZVON_TRUNK_ID")),
            ("From", chan.caller_num),
            ("Did", chan.get_var("OBZVON_DID")),
        ]
        engine.emit.user_event(chan, "ObzvonInbound", body)
        await self.hold(chan)
