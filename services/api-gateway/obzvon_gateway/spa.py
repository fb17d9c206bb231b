"""Serves the built SPA (frontend/dist): files as they are, any other non-API path gets index.html
(client-side routing) with `Cache-Control: no-store` so a new release is picked up at once."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from obzvon_platform.problem import not_found
from starlette.convertors import Convertor, register_url_convertor

IMMUTABLE = "public, max-age=31536000, immutable"


class SpaPathConvertor(Convertor[str]):
    """Any path except `/api` and below, so API paths keep their own 404 and 405 answers."""

    regex = r"(?!api(?:/|$)).*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("spa", SpaPathConvertor())


def install_spa(app: FastAPI, dist: Path) -> None:
    """Add the catch-all route; call after every other route is registered (file checks run in a thread)."""

    @app.get("/{path:spa}", include_in_schema=False)
    def spa(request: Request) -> FileResponse:
        root = dist.resolve()
        index = root / "index.html"
        if not index.is_file():
            raise not_found("page")
        path = str(request.path_params.get("path", ""))
        if path:
            candidate = (root / path).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                cache = IMMUTABLE if path.startswith("assets/") else "no-cache"
                return FileResponse(candidate, headers={"Cache-Control": cache})
            if path.startswith("assets/"):
                raise not_found("file")
        return FileResponse(index, headers={"Cache-Control": "no-store"})
