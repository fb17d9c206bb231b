"""Upload → mapping → import → statistics, with progress on a real `/ws` (F-30, F-31, F-33, F-35)."""

import asyncio
import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from websockets.asyncio.client import ClientConnection

from tests.services.api_gateway.bases.conftest import (
    bases_url,
    csv_bytes,
    finished_base,
    project_of,
    start_import,
    upload,
)
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in
from tests.services.api_gateway.test_websocket import open_socket

ROWS: list[list[object]] = [
    ["Телефон", "ФИО", "Город", "Источник"],
    ["8 (916) 123-45-67", "Иванов Иван", "Москва", "выставка"],
    ["+7 916 123 45 68", "Петрова Анна", "Тверь", "сайт"],
    ["не телефон", "Сидоров", "Омск", "сайт"],
    ["89161234567", "Иванов (дубль)", "Москва", "сайт"],
]


async def registered(ws: ClientConnection) -> None:
    """The socket is in the hub once it answers a ping."""
    await ws.send(json.dumps({"type": "ping"}))
    assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "pong"}


async def import_events(ws: ClientConnection, base_id: str, within: float = 20.0) -> list[dict[str, Any]]:
    """The socket's import events of ``base_id`` up to and including the finish."""
    events: list[dict[str, Any]] = []
    async with asyncio.timeout(within):
        while True:
            message = json.loads(await ws.recv())
            if message["type"] != "event" or message["event"]["data"].get("base_id") != base_id:
                continue
            events.append(message["event"])
            if message["event"]["name"] == "contact_base_import_finished":
                return events


async def test_csv_upload_suggests_a_mapping_and_previews_rows(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    """F-30: a cp1251 `;` CSV: the columns, the suggested fields, every target with labels, first rows."""
    project = await project_of(sessions, world.sup_a)
    supervisor = await signed_in(client_factory, world.sup_a)
    response = await upload(supervisor, project.id, "База май.csv", csv_bytes(ROWS))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["kind"] == "csv" and body["file_name"] == "База май.csv"
    assert body["header"] == ROWS[0]
    assert body["mapping"] == {
        "Телефон": "phone",
        "ФИО": "full_name",
        "Город": "city",
        "Источник": "custom:Источник",
    }
    labels = {field["value"]: (field["label_ru"], field["label_en"]) for field in body["fields"]}
    assert labels["phone"] == ("Тел.", "Phone")
    assert labels["ignore"] == ("Игнорировать", "Ignore")
    assert "custom:Источник" in labels
    assert body["preview"][0] == ["8 (916) 123-45-67", "Иванов Иван", "Москва", "выставка"]
    assert body["total_rows"] == 4


async def test_import_with_edited_mapping_pushes_progress_and_counts_rows(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World, ws_base_url: str
) -> None:
    """F-30, F-31, F-33, F-35: the uploader, the admin and the project's supervisor see the progress
    and the end on their sockets; another project's supervisor does not. Then the base has its
    counters, tags and statistics."""
    project = await project_of(sessions, world.sup_a)
    supervisor = await signed_in(client_factory, world.sup_a)
    admin = await signed_in(client_factory, world.admin)
    stranger = await signed_in(client_factory, world.sup_b)
    uploaded = (await upload(supervisor, project.id, "май.csv", csv_bytes(ROWS))).json()
    mapping = {**uploaded["mapping"], "Город": "ignore"}
    async with (
        open_socket(ws_base_url, supervisor.session_cookie) as sup_ws,
        open_socket(ws_base_url, admin.session_cookie) as admin_ws,
        open_socket(ws_base_url, stranger.session_cookie) as stranger_ws,
    ):
        for ws in (sup_ws, admin_ws, stranger_ws):
            await registered(ws)
        started = await start_import(
            supervisor, project.id, upload_id=uploaded["upload_id"], mapping=mapping, name="Май",
            tags=["Май", "Выставка", "Май"], dedupe=False,
        )  # fmt: skip
        assert started.status_code == 202, started.text
        assert started.json()["status"] == "processing"
        base_id = started.json()["base_id"]
        for ws in (sup_ws, admin_ws):
            events = await import_events(ws, base_id)
            progress = [e["data"] for e in events if e["name"] == "contact_base_import_progressed"]
            assert progress and progress[-1]["processed"] == progress[-1]["total"] == 4
            finished = events[-1]["data"]
            assert finished["status"] == "ready"
            assert (finished["imported_rows"], finished["rejected_rows"], finished["duplicate_rows"]) == (
                2,
                1,
                1,
            )
        await registered(stranger_ws)  # nothing about the import was queued before the pong
    base = await finished_base(supervisor, project.id, base_id)
    assert base["name"] == "Май" and base["tags"] == ["Выставка", "Май"]
    assert (base["total_rows"], base["imported_rows"], base["rejected_rows"]) == (4, 2, 1)
    assert base["statistics"] == {"total": 2, "called": 0, "no_answer": 0, "busy": 0, "error": 0, "new": 2}
    listing = (await supervisor.http.get(bases_url(project.id))).json()
    assert [item["id"] for item in listing["items"]] == [base_id]
    assert listing["statistics"]["total"] == 2


async def test_statistics_follow_the_contacts_statuses(
    client_factory: ClientFactory, sessions: async_sessionmaker[AsyncSession], world: World
) -> None:
    """F-33: «Все, Прозвонили, Не отвечают, Занято, Ошибка, Новые» per base and for the project."""
    project = await project_of(sessions, world.sup_a)
    admin = await signed_in(client_factory, world.admin)
    phones = [f"7916555{n:04d}" for n in range(6)]
    uploaded = (
        await upload(admin, project.id, "b.csv", csv_bytes([["phone"], *[[p] for p in phones]]))
    ).json()
    started = await start_import(
        admin, project.id, upload_id=uploaded["upload_id"], mapping={"phone": "phone"}
    )
    base = await finished_base(admin, project.id, started.json()["base_id"])
    statuses = ["called", "no_answer", "machine", "busy", "error", "new"]
    async with sessions() as db:
        for phone, status in zip(phones, statuses, strict=True):
            await db.execute(
                text("UPDATE contacts SET status = :s WHERE project_id = :p AND phone = :phone"),
                {"s": status, "p": project.id, "phone": phone},
            )
        await db.commit()
    detail = (await admin.http.get(bases_url(project.id, f"/{base['id']}"))).json()
    assert detail["statistics"] == {"total": 6, "called": 1, "no_answer": 2, "busy": 1, "error": 1, "new": 1}
    assert (await admin.http.get(bases_url(project.id))).json()["statistics"] == detail["statistics"]
