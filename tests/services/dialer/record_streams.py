"""Re-record the pbx-sim AMI streams in ``ami_streams/`` (after a change of the simulator's events):

    PYTHONPATH=. uv run python tests/services/dialer/record_streams.py

Each stream is one Originate (ChannelId = ``attempt_id_of(name)``) and everything the PBX said until
the client's channel hung up, as raw AMI text. The ``asterisk22_*`` captures are not re-recorded.
"""

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from tempfile import TemporaryDirectory

from obzvon_pbx_sim import OperatorMode, PbxSim, SimConfig
from obzvon_pbx_sim.config import RulesKind

from tests.services.dialer.streams import PROJECT_ID, STREAMS, attempt_id_of
from tests.services.pbx_sim.ami_client import Msg, RawAmi

Scenario = Callable[[RawAmi, str, str], Awaitable[None]]

#: name → (number, AMD on)
OUTCOMES = {
    "answered_abandoned": ("79160000000", False),
    "busy": ("79160000001", False),
    "no_answer": ("79160000002", False),
    "rejected": ("79160000003", False),
    "congestion": ("79160000004", False),
    "machine": ("79160000005", True),
    "no_channel": ("79160000006", False),
    "answered_short": ("79160000007", False),
    "human_amd": ("79160000007", True),
}


def originate(ami: RawAmi, number: str, attempt: str, amd: bool) -> None:
    headers = [
        ("Action", "Originate"),
        ("ActionID", f"obzvon-originate-{attempt}"),
        ("Channel", f"PJSIP/{number}@trunk1"),
        ("Context", "obzvon-answered"),
        ("Exten", "s"),
        ("Priority", "1"),
        ("Timeout", "10000"),
        ("ChannelId", attempt),
        ("OtherChannelId", f"{attempt};2"),
        ("Async", "true"),
        ("CallerID", "74951234567"),
    ]
    variables = (f"OBZVON_ATTEMPT_ID={attempt}", f"OBZVON_PROJECT_ID={PROJECT_ID}", f"OBZVON_AMD={int(amd)}")
    ami.send(headers + [("Variable", v) for v in (*variables, "OBZVON_RECORD=1", "OBZVON_MAX_WAIT=60")])


def redirect(ami: RawAmi, channel: str, extension: str) -> None:
    ami.send(
        [("Action", "Setvar"), ("Channel", channel), ("Variable", "OBZVON_OPERATOR_TIMEOUT"), ("Value", "15")]
    )
    ami.send(
        [
            ("Action", "Redirect"),
            ("Channel", channel),
            ("Context", "obzvon-operator"),
            ("Exten", extension),
            ("Priority", "1"),
        ]
    )


async def to_operator(ami: RawAmi, attempt: str, channel: str) -> None:
    redirect(ami, channel, "101")


async def to_busy_operator(ami: RawAmi, attempt: str, channel: str) -> None:
    redirect(ami, channel, "103")


async def ring_all(ami: RawAmi, attempt: str, channel: str) -> None:
    for extension in ("101", "102"):
        leg = f"{attempt}-ring-{extension}-a1b2c3"
        ami.send(
            [
                ("Action", "Originate"),
                ("ActionID", f"obzvon-ring-{leg}"),
                ("Channel", f"PJSIP/{extension}"),
                ("Application", "Bridge"),
                ("Data", channel),
                ("Timeout", "15000"),
                ("ChannelId", leg),
                ("CallerID", "79160000000"),
                ("Async", "true"),
                ("Variable", f"OBZVON_ATTEMPT_ID={attempt}"),
            ]
        )
    await ami.wait_for(lambda m: m.event == "BridgeEnter" and "-ring-101-" in (m.get("Uniqueid") or ""), 5)
    ami.send([("Action", "Hangup"), ("Channel", f"{attempt}-ring-102-a1b2c3")])


async def record(name: str, number: str, amd: bool = False, scenario: Scenario | None = None) -> None:
    with TemporaryDirectory() as monitor:
        config = SimConfig(
            username="crm",
            secret="s3cret",
            port=0,
            rules=RulesKind.LAST_DIGIT,
            time_scale=0.01,
            operators=["101"],
            operator_answer_delay=1.0,
            amd_seconds=1.0,
            recordings_dir=Path(monitor),
        )
        async with PbxSim(config) as sim:
            sim.endpoints.add_operator("102", OperatorMode.NEVER)
            sim.endpoints.add_operator("103", OperatorMode.BUSY)
            ami = await RawAmi.connect(sim.ami_port)
            await ami.login()
            attempt = str(attempt_id_of(name))
            originate(ami, number, attempt, amd)
            if scenario is not None:
                waiting = await ami.wait_for(lambda m: m.get("UserEvent") == "ObzvonWaiting", 5)
                await scenario(ami, attempt, waiting["Channel"])

            def over(m: Msg) -> bool:
                failed = (
                    m.event == "OriginateResponse" and m.get("Response") == "Failure" and name == "no_channel"
                )
                return failed or (m.event == "Hangup" and m.get("Uniqueid") == attempt)

            await ami.wait_for(over, 10)
            await asyncio.sleep(0.2)  # the events that follow the Hangup (device states)
            kept = [m for m in ami.messages if m.event is not None and m.event != "FullyBooted"]
            (STREAMS / f"{name}.ami").write_bytes(b"".join(m.raw + b"\r\n\r\n" for m in kept))
            await ami.close()


async def main() -> None:
    for name, (number, amd) in OUTCOMES.items():
        await record(name, number, amd)
    await record("operator_connected", "79160000000", scenario=to_operator)
    await record("operator_busy", "79160000000", scenario=to_busy_operator)
    await record("ring_all", "79160000000", scenario=ring_all)


if __name__ == "__main__":
    asyncio.run(main())
