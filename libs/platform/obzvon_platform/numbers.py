"""Client numbers as a user may see them (F-22, F-51): a project can hide numbers from its operators.

Masking happens on the server, so a hidden number never reaches an operator's browser; supervisors and
admins see it whole. Calls are placed by contact id, so an operator can still call a hidden number.
"""

from obzvon_db.enums import UserRole

#: Digits left visible at the end of a hidden number.
VISIBLE_TAIL = 2


def mask_number(number: str | None) -> str | None:
    """``79161234567`` → ``*********67``; short numbers (extensions) stay as they are."""
    if not number or len(number) <= 4:
        return number
    return "*" * (len(number) - VISIBLE_TAIL) + number[-VISIBLE_TAIL:]


def hides_numbers(role: UserRole | str, show_numbers: bool | None) -> bool:
    """Whether numbers of a project with this ``show_numbers`` setting are masked for this role."""
    return UserRole(role) is UserRole.OPERATOR and show_numbers is False


def number_for(number: str | None, *, hidden: bool) -> str | None:
    return mask_number(number) if hidden else number
