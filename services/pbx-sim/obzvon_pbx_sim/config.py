"""Settings of one simulated PBX: listener addresses, credentials, outcome rules and timings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

# manager.conf channelvars= of the shipped Asterisk configuration (asterisk/manager.conf).
DEFAULT_CHANNEL_VARS = ("OBZVON_ATTEMPT_ID", "OBZVON_PROJECT_ID")


class RulesKind(StrEnum):
    """How the outcome of a call to a client number is chosen."""

    LAST_DIGIT = "last-digit"
    MODEL = "model"


class OperatorMode(StrEnum):
    """How a simulated operator phone reacts when it is called."""

    AUTO = "auto"  # rings, then answers after answer_delay seconds
    NEVER = "never"  # rings until the caller gives up (or the control API answers)
    BUSY = "busy"  # answers every call with 486 Busy Here
    UNAVAILABLE = "unavailable"  # not registered: no channel can be created


@dataclass
class ModelParams:
    """Probabilities and durations of the seeded outcome model (seconds of simulated time)."""

    p_answer: float = 0.50
    p_busy: float = 0.12
    p_no_answer: float = 0.20
    p_reject: float = 0.04
    p_congestion: float = 0.04
    p_machine: float = 0.10
    p_failure: float = 0.0
    ring_median: float = 8.0
    ring_sigma: float = 0.5
    talk_median: float = 60.0
    talk_sigma: float = 0.8
    machine_greeting: float = 12.0

    def weights(self) -> list[tuple[str, float]]:
        return [
            ("answer", self.p_answer),
            ("busy", self.p_busy),
            ("no_answer", self.p_no_answer),
            ("reject", self.p_reject),
            ("congestion", self.p_congestion),
            ("machine", self.p_machine),
            ("failure", self.p_failure),
        ]


@dataclass
class SimConfig:
    """Everything one PbxSim instance needs; durations are simulated seconds unless noted."""

    username: str
    secret: str
    host: str = "127.0.0.1"
    port: int = 5038
    rules: RulesKind = RulesKind.MODEL
    seed: int | None = None
    control_host: str = "127.0.0.1"
    control_port: int | None = None
    recordings_dir: Path | None = None
    time_scale: float = 1.0
    model: ModelParams = field(default_factory=ModelParams)
    operators: list[str] = field(default_factory=list)
    operator_mode: OperatorMode = OperatorMode.AUTO
    operator_answer_delay: float = 2.0
    auto_create_endpoints: bool = True
    amd_seconds: float = 2.0
    timestamp_events: bool = True
    channel_vars: tuple[str, ...] = DEFAULT_CHANNEL_VARS
    system_name: str = ""
    # Wall-clock seconds (not scaled): protocol timers of manager.c.
    auth_fail_delay: float = 1.0
    auth_timeout: float = 30.0
    write_timeout: float = 1.0

    def __post_init__(self) -> None:
        if not self.username or not self.secret:
            raise ValueError("an AMI username and secret are required")
        if self.time_scale <= 0:
            raise ValueError("time_scale must be positive")
        self.rules = RulesKind(self.rules)
        self.operator_mode = OperatorMode(self.operator_mode)
