"""Authentication and authorization errors."""

from obzvon_platform.problem import Problem


def not_authenticated() -> Problem:
    return Problem(
        401,
        "not_authenticated",
        "Требуется вход в систему",
        "Sign in first",
        headers={"WWW-Authenticate": 'Bearer realm="obzvon"'},
    )


def invalid_credentials() -> Problem:
    return Problem(401, "invalid_credentials", "Неверный e-mail или пароль", "Wrong e-mail or password")


def forbidden(ru: str = "Недостаточно прав", en: str = "Not allowed for your role") -> Problem:
    return Problem(403, "forbidden", ru, en)
