"""OpenAPI details: every error is documented as application/problem+json with one shared schema."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from obzvon_platform.problem import PROBLEM_JSON
from pydantic import BaseModel, Field

_DESCRIPTIONS = {
    400: "Bad request",
    401: "Not signed in, or the session or token is no longer valid",
    403: "Not allowed (role, field rule, CSRF or origin check)",
    404: "Not found or outside the caller's scope",
    409: "Conflicts with the current state",
    422: "Invalid data",
    429: "Too many attempts; see Retry-After",
}


class ProblemBody(BaseModel):
    """RFC 9457 problem details; `detail` is in Russian unless `Accept-Language: en`."""

    type: str = Field(examples=["https://obzvon.dev/problems/not_found"])
    title: str
    status: int
    detail: str
    code: str = Field(description="Stable machine-readable error code.")
    errors: list[dict[str, Any]] | None = Field(default=None, description="Field errors (validation).")


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: the listed error statuses (FastAPI adds 422 where there is input)."""
    wanted = sorted(set(codes))
    return {code: {"model": ProblemBody, "description": _DESCRIPTIONS.get(code, "Error")} for code in wanted}


def install_openapi(app: FastAPI) -> None:
    """Rewrite error responses to `application/problem+json` and drop FastAPI's unused validation schemas."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        problem_ref = {"$ref": "#/components/schemas/ProblemBody"}
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    if status.isdigit() and int(status) >= 400:
                        response["content"] = {PROBLEM_JSON: {"schema": problem_ref}}
                        if status == "422":
                            response["description"] = _DESCRIPTIONS[422]
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault("ProblemBody", ProblemBody.model_json_schema())
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
