"""A simulated Asterisk 20 that speaks AMI, for tests and demos of Obzvon."""

from obzvon_pbx_sim.config import ModelParams, OperatorMode, RulesKind, SimConfig
from obzvon_pbx_sim.sim import PbxSim
from obzvon_pbx_sim.telephony.inbound import InboundCall

__all__ = ["InboundCall", "ModelParams", "OperatorMode", "PbxSim", "RulesKind", "SimConfig"]
