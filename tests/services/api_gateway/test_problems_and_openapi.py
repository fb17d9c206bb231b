"""problem+json errors in Russian and English; the OpenAPI document the SPA client is typed from (F-05)."""

from fastapi import FastAPI

from tests.services.api_gateway.conftest import ClientFactory

OPERATION_IDS = {
    "login", "logout", "get_me", "get_my_state", "set_my_state", "list_operator_states", "get_operator_state",
    "list_notifications", "mark_notification_read", "list_users", "get_user", "update_user", "list_projects",
    "get_project", "create_token", "list_tokens", "revoke_token",
}  # fmt: skip


async def test_errors_are_problem_json_in_russian_by_default_and_english_on_request(
    client_factory: ClientFactory,
) -> None:
    client = client_factory()
    russian = await client.http.get("/api/auth/me")
    english = await client.http.get("/api/auth/me", headers={"Accept-Language": "en-US,en;q=0.9"})
    for response in (russian, english):
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert set(response.json()) >= {"type", "title", "status", "detail", "code"}
        assert response.json()["status"] == 401
        assert response.json()["code"] == "not_authenticated"
    assert russian.json()["detail"] == "Требуется вход в систему"
    assert english.json()["detail"] == "Sign in first"


async def test_validation_errors_list_the_fields(client_factory: ClientFactory) -> None:
    response = await client_factory().http.post(
        "/api/auth/login", json={"email": "x"}, headers={"Accept-Language": "en"}
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert {tuple(e["loc"]) for e in body["errors"]} >= {("body", "password")}


async def test_unknown_api_paths_are_problem_404(client_factory: ClientFactory) -> None:
    response = await client_factory().http.get("/api/no/such/thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_openapi_has_clean_operation_ids_and_problem_responses(gateway_app: FastAPI) -> None:
    schema = gateway_app.openapi()
    operations = {
        op["operationId"]: op
        for path in schema["paths"].values()
        for op in path.values()
        if "operationId" in op
    }
    assert set(operations) >= OPERATION_IDS
    for operation_id in OPERATION_IDS:
        responses = operations[operation_id]["responses"]
        errors = {code: r for code, r in responses.items() if int(code) >= 400}
        assert "401" in errors or operation_id == "login", operation_id
        for response in errors.values():
            assert list(response["content"]) == ["application/problem+json"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert "/ws" not in schema["paths"]
