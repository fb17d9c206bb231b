"""The campaign engine on the shared stack (``tests.fixtures.pbx_stack``): pbx-sim with the last-digit
rules, ten times faster than real time. Each test builds its own project; retry delays and the global
timeout run at ``CAMPAIGN_SCALE`` of real time."""

import pytest
from fastapi import FastAPI
from obzvon_dialer.campaign.settings import CampaignSettings
from obzvon_dialer.runtime import Telephony
from obzvon_pbx_sim import SimConfig
from obzvon_pbx_sim.config import RulesKind

from tests.campaign.stack import AMI_SECRET, AMI_USER, CAMPAIGN_SCALE, SIM_SCALE
from tests.fixtures.pbx_stack import (
    StackConfig,
    ami_settings,
    common,
    dialer_app,
    sessions,
    sim,
    stack_database,
)

#: The stack's fixtures, for this package.
__all__ = ["ami_settings", "common", "dialer_app", "sessions", "sim", "stack_database"]


@pytest.fixture(scope="package")
def stack_config(tmp_path_factory: pytest.TempPathFactory) -> StackConfig:
    pbx = SimConfig(
        username=AMI_USER,
        secret=AMI_SECRET,
        port=0,
        control_port=0,
        rules=RulesKind.LAST_DIGIT,
        seed=7,
        time_scale=SIM_SCALE,
        recordings_dir=tmp_path_factory.mktemp("monitor"),
        auth_fail_delay=0.05,
    )
    campaign = CampaignSettings(tick_seconds=0.2, time_scale=CAMPAIGN_SCALE, error_retry_seconds=10**6)
    return StackConfig(
        "campaign", pbx, ami={"lease_seconds": 3.0, "reconcile_interval": 1.0}, campaign=campaign
    )


@pytest.fixture
async def dialer(dialer_app: FastAPI) -> Telephony:
    telephony: Telephony = dialer_app.state.telephony
    await telephony.connection.wait_connected(15)
    return telephony
