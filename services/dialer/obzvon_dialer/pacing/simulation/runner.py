"""Run one shift of a scenario under a named dial mode."""

from obzvon_db.enums import DialMode

from obzvon_dialer.pacing.policy import Pacer
from obzvon_dialer.pacing.settings import PacingSettings
from obzvon_dialer.pacing.simulation.baselines import AdaptiveHardLimit, FixedRatio
from obzvon_dialer.pacing.simulation.engine import Policy, Simulation
from obzvon_dialer.pacing.simulation.oracle import OraclePacer
from obzvon_dialer.pacing.simulation.results import RunResult
from obzvon_dialer.pacing.simulation.scenario import Scenario

MODES = ("progressive", "fixed_ratio", "vicidial_adaptive", "predictive", "oracle")


def settings_for(scenario: Scenario, mode: DialMode) -> PacingSettings:
    return PacingSettings(
        mode=mode,
        max_concurrent_calls=scenario.line_limit,
        predictive_percent=scenario.predictive_percent,
        abandon_target=scenario.abandon_target,
        dial_timeout_s=scenario.dial_timeout_s,
        abandon_grace_s=scenario.abandon_grace_s,
    )


def policy_for(scenario: Scenario, mode: str, knob: float | None) -> tuple[Policy, DialMode]:
    if mode == "progressive":
        return Pacer(), DialMode.PROGRESSIVE
    if mode == "predictive":
        return Pacer(), DialMode.PREDICTIVE
    if mode == "fixed_ratio":
        return FixedRatio(knob if knob is not None else 2.0), DialMode.PREDICTIVE
    if mode == "vicidial_adaptive":
        return AdaptiveHardLimit(), DialMode.PREDICTIVE
    if mode == "oracle":
        return OraclePacer(scenario, knob if knob is not None else 0.05), DialMode.PREDICTIVE
    raise ValueError(f"unknown mode {mode!r}; one of {', '.join(MODES)}")


def run_shift(scenario: Scenario, mode: str, seed: int, knob: float | None = None) -> RunResult:
    """Simulate one shift of ``scenario`` with ``mode`` (``knob``: ratio level or oracle threshold)."""
    policy, dial_mode = policy_for(scenario, mode, knob)
    return Simulation(scenario, settings_for(scenario, dial_mode), policy, seed).run()
