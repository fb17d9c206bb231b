"""HTTP control of the simulated PBX on loopback: phones, inbound calls, ledger, faults."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, FastAPI, HTTPException, Request

from obzvon_pbx_sim.control.schemas import (
    BlackholeBody,
    ChannelView,
    ChaosBody,
    EndpointBody,
    EndpointView,
    HangupBody,
    InboundBody,
    ModeBody,
    RestartBody,
    ShutdownBody,
)
from obzvon_pbx_sim.faults import EventChaos
from obzvon_pbx_sim.telephony.endpoints import Endpoint
from obzvon_pbx_sim.telephony.inbound import InboundCall
from obzvon_pbx_sim.telephony.phones import PhoneAction

if TYPE_CHECKING:
    from obzvon_pbx_sim.sim import PbxSim

router = APIRouter()


def _sim(request: Request) -> PbxSim:
    sim: PbxSim = request.app.state.sim
    return sim


def _operator(sim: PbxSim, extension: str) -> Endpoint:
    endpoint = sim.phones.operator(extension)
    if endpoint is None:
        raise HTTPException(404, f"no operator endpoint {extension}")
    return endpoint


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/endpoints")
async def list_endpoints(request: Request) -> list[EndpointView]:
    sim = _sim(request)
    return [EndpointView.of(ep, sim.engine.device_state(ep)) for ep in sim.endpoints.all()]


@router.post("/endpoints/{extension}")
async def put_endpoint(request: Request, extension: str, body: EndpointBody) -> EndpointView:
    sim = _sim(request)
    endpoint = sim.endpoints.add_operator(extension, body.mode, body.answer_delay)
    sim.engine.refresh_device(extension)
    return EndpointView.of(endpoint, sim.engine.device_state(endpoint))


@router.post("/endpoints/{extension}/answer")
async def answer(request: Request, extension: str) -> dict[str, str]:
    sim = _sim(request)
    if sim.phones.answer(_operator(sim, extension)) is PhoneAction.NOTHING:
        raise HTTPException(409, "the phone is not ringing")
    return {"result": PhoneAction.ANSWERED.value}


@router.post("/endpoints/{extension}/hangup")
async def hangup_phone(request: Request, extension: str) -> dict[str, str]:
    sim = _sim(request)
    result = await sim.phones.hangup(_operator(sim, extension))
    if result is PhoneAction.NOTHING:
        raise HTTPException(409, "the phone has no call")
    return {"result": result.value}


@router.post("/endpoints/{extension}/mode")
async def set_mode(request: Request, extension: str, body: ModeBody) -> EndpointView:
    sim = _sim(request)
    endpoint = _operator(sim, extension)
    sim.phones.set_mode(endpoint, body.mode, body.answer_delay)
    return EndpointView.of(endpoint, sim.engine.device_state(endpoint))


@router.get("/channels")
async def list_channels(request: Request) -> list[ChannelView]:
    return [ChannelView.of(chan) for chan in _sim(request).engine.channels.all()]


@router.post("/channels/{name_or_id}/hangup")
async def hangup_channel(request: Request, name_or_id: str, body: HangupBody | None = None) -> dict[str, str]:
    sim = _sim(request)
    chan = sim.engine.channels.find(name_or_id)
    if chan is None:
        raise HTTPException(404, "no such channel")
    await sim.engine.hangup(chan, (body or HangupBody()).cause, request="remote")
    return {"result": "hung_up", "uniqueid": chan.uniqueid}


@router.post("/inbound", status_code=201)
async def inbound(request: Request, body: InboundBody) -> ChannelView:
    call = InboundCall(**body.model_dump(exclude={"caller"}), caller=body.caller)
    return ChannelView.of(_sim(request).inbound_call(call))


@router.get("/ledger")
async def ledger(request: Request) -> list[dict[str, Any]]:
    return _sim(request).ledger.as_list()


@router.get("/recordings")
async def recordings(request: Request) -> list[str]:
    return [str(path) for path in _sim(request).engine.recordings]


@router.post("/faults/close-clients")
async def close_clients(request: Request) -> dict[str, int]:
    return {"closed": _sim(request).close_clients()}


@router.post("/faults/blackhole")
async def blackhole(request: Request, body: BlackholeBody) -> dict[str, bool]:
    _sim(request).blackhole(body.enabled)
    return {"enabled": body.enabled}


@router.post("/faults/shutdown")
async def shutdown(request: Request, body: ShutdownBody) -> dict[str, bool]:
    _sim(request).send_shutdown(body.restart)
    return {"sent": True}


@router.post("/faults/restart")
async def restart(request: Request, body: RestartBody) -> dict[str, float]:
    await _sim(request).restart_ami(body.downtime)
    return {"downtime": body.downtime}


@router.post("/faults/chaos")
async def chaos(request: Request, body: ChaosBody) -> ChaosBody:
    _sim(request).faults.chaos = EventChaos(**body.model_dump())
    return body


def create_app(sim: PbxSim) -> FastAPI:
    app = FastAPI(title="Obzvon PBX simulator control", docs_url="/docs", redoc_url=None)
    app.state.sim = sim
    app.include_router(router)
    return app
