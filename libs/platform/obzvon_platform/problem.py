"""RFC 9457 problem+json errors with Russian and English messages.

Services raise `Problem` (or a subclass) from any layer; the handler installed by the app factory renders
it in the language asked for by `Accept-Language` (Russian by default).
"""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

PROBLEM_JSON = "application/problem+json"

_GENERIC: dict[int, tuple[str, str]] = {
    400: ("Некорректный запрос", "Bad request"),
    401: ("Требуется вход в систему", "Authentication required"),
    403: ("Доступ запрещён", "Forbidden"),
    404: ("Не найдено", "Not found"),
    405: ("Метод не поддерживается", "Method not allowed"),
    409: ("Конфликт", "Conflict"),
    413: ("Слишком большой запрос", "Payload too large"),
    422: ("Ошибка в данных", "Validation error"),
    429: ("Слишком много попыток, повторите позже", "Too many attempts, try again later"),
    500: ("Внутренняя ошибка", "Internal error"),
    503: ("Сервис недоступен", "Service unavailable"),
}


class Problem(Exception):
    """An error a client can act on: HTTP status, stable code, and a message in both languages."""

    def __init__(
        self,
        status: int,
        code: str,
        ru: str,
        en: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(en)
        self.status, self.code, self.ru, self.en = status, code, ru, en
        self.errors = errors
        self.headers = headers


def not_found(what: str = "object") -> Problem:
    return Problem(404, "not_found", "Объект не найден", f"{what.capitalize()} not found")


def wants_english(request: Request) -> bool:
    lang = request.headers.get("accept-language", "ru").lower()
    return lang.startswith("en")


def problem_response(request: Request, problem: Problem) -> JSONResponse:
    english = wants_english(request)
    title_ru, title_en = _GENERIC.get(problem.status, _GENERIC[400])
    body: dict[str, Any] = {
        "type": f"https://obzvon.dev/problems/{problem.code}",
        "title": title_en if english else title_ru,
        "status": problem.status,
        "detail": problem.en if english else problem.ru,
        "code": problem.code,
    }
    if problem.errors:
        body["errors"] = problem.errors
    return JSONResponse(body, status_code=problem.status, media_type=PROBLEM_JSON, headers=problem.headers)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


def install_problem_handlers(app: FastAPI) -> None:
    """Every error the app answers with — ours, Starlette's and validation — becomes problem+json."""

    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, Problem)
        return problem_response(request, exc)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        ru, en = _GENERIC.get(exc.status_code, (str(exc.detail), str(exc.detail)))
        problem = Problem(exc.status_code, f"http_{exc.status_code}", ru, en, headers=dict(exc.headers or {}))
        return problem_response(request, problem)

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        problem = Problem(
            422,
            "validation_error",
            "Проверьте введённые данные",
            "Check the submitted data",
            errors=_validation_errors(exc),
        )
        return problem_response(request, problem)

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
