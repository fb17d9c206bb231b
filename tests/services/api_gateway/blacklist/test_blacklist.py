"""The global blacklist (F-70; A §9, O §9): numbers are stored normalised, so the same number in
another format is found and not added twice; the CSV export cannot run formulas."""

import csv
import io
import random

import pytest

from tests.services.api_gateway.client import ApiClient
from tests.services.api_gateway.conftest import ClientFactory
from tests.services.api_gateway.factories import World
from tests.services.api_gateway.projects.helpers import signed_in


def a_number() -> str:
    """A fresh mobile number 79XXXXXXXXX (tests share one list)."""
    return f"79{random.randrange(10**9):09d}"


def formatted(number: str) -> str:
    return f"8 ({number[1:4]}) {number[4:7]}-{number[7:9]}-{number[9:]}"


@pytest.fixture
async def admin(client_factory: ClientFactory, world: World) -> ApiClient:
    return await signed_in(client_factory, world.admin)


async def test_a_number_is_normalised_found_in_any_format_and_not_added_twice(admin: ApiClient) -> None:
    number = a_number()
    added = await admin.http.post("/api/blacklist", json={"phone": formatted(number), "comment": "жалоба"})
    assert added.status_code == 201, added.text
    assert added.json()["phone"] == number
    again = await admin.http.post("/api/blacklist", json={"phone": f"+7 {number[1:]}"})
    assert (again.status_code, again.json()["code"]) == (409, "already_blacklisted")
    found = (await admin.http.get("/api/blacklist", params={"q": f"+{number}"})).json()
    assert [e["phone"] for e in found["items"]] == [number]
    by_part = (await admin.http.get("/api/blacklist", params={"q": number[4:9]})).json()
    assert number in [e["phone"] for e in by_part["items"]]
    assert (await admin.http.delete(f"/api/blacklist/{added.json()['id']}")).status_code == 204
    assert (await admin.http.get("/api/blacklist", params={"q": number})).json()["total"] == 0


@pytest.mark.parametrize("value", ["", "+7", "8 (916) 123", "79161234567;79161234568", "abc", "112"])
async def test_a_bad_number_is_refused_with_a_message(value: str, admin: ApiClient) -> None:
    response = await admin.http.post("/api/blacklist", json={"phone": value})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "phone"]
    assert response.json()["detail"]


async def test_an_uploaded_list_reports_bad_rows_and_dedupes(admin: ApiClient) -> None:
    first, second, existing = a_number(), a_number(), a_number()
    await admin.http.post("/api/blacklist", json={"phone": existing})
    lines = ["phone", first, formatted(first), f"+{second},спам", "", "не номер", existing, "12"]
    files = {"file": ("list.csv", "\n".join(lines).encode("utf-8"), "text/csv")}
    response = await admin.http.post("/api/blacklist/upload", files=files)
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["added"], report["duplicates"]) == (2, 2)
    assert [(e["row"], e["value"]) for e in report["errors"]] == [(6, "не номер"), (8, "12")]
    assert all(e["message"] for e in report["errors"])
    found = (await admin.http.get("/api/blacklist", params={"q": second})).json()["items"]
    assert found[0]["comment"] == "спам"


async def test_export_is_safe_from_formulas(admin: ApiClient) -> None:
    number = a_number()
    comment = '=HYPERLINK("http://x",A1)'
    await admin.http.post("/api/blacklist", json={"phone": number, "comment": comment})
    response = await admin.http.get("/api/blacklist/export")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["phone", "comment", "created_at"]
    row = next(r for r in rows if r[0] == number)
    assert row[1] == "'" + comment


async def test_paging_is_bounded(admin: ApiClient) -> None:
    assert (await admin.http.get("/api/blacklist", params={"page": 0})).status_code == 422
    assert (await admin.http.get("/api/blacklist", params={"per_page": 100000})).status_code == 422
    past_end = await admin.http.get("/api/blacklist", params={"page": 100000, "q": "%_\\"})
    assert past_end.status_code == 200
    assert past_end.json()["items"] == []


async def test_operators_view_and_add_but_do_not_delete_upload_or_export(
    client_factory: ClientFactory, world: World, admin: ApiClient
) -> None:
    operator = await signed_in(client_factory, world.op1)
    number = a_number()
    added = await operator.http.post("/api/blacklist", json={"phone": number})
    assert added.status_code == 201
    assert (await operator.http.get("/api/blacklist", params={"q": number})).json()["total"] == 1
    assert (await operator.http.delete(f"/api/blacklist/{added.json()['id']}")).status_code == 403
    assert (await operator.http.get("/api/blacklist/export")).status_code == 403
    files = {"file": ("l.txt", number.encode(), "text/plain")}
    assert (await operator.http.post("/api/blacklist/upload", files=files)).status_code == 403
    supervisor = await signed_in(client_factory, world.sup_a)
    assert (await supervisor.http.get("/api/blacklist/export")).status_code == 200
