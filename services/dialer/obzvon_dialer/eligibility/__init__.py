"""Whom the campaign engine may dial, and when (F-22, F-24, F-26, F-40): pure rules, no I/O.

- :func:`explain` / :func:`is_eligible`: every rule for one contact at one instant, with the reasons
  and the next allowed moment (sentences in Russian and English).
- :func:`next_allowed`: the earliest instant inside all windows (dates, weekday hours, client window).
- :class:`RetryRule`: per-outcome retry schedules ("15;60;1440;60"); :func:`dial_order_key`: base order.
"""

from obzvon_dialer.eligibility.explain import Explanation, Reason, explain, is_eligible
from obzvon_dialer.eligibility.retry import RetryRule, RetryRuleError
from obzvon_dialer.eligibility.rules import ContactState, ProjectRules, dial_order_key
from obzvon_dialer.eligibility.windows import RUSSIAN_ZONES, next_allowed

__all__ = [
    "RUSSIAN_ZONES",
    "ContactState",
    "Explanation",
    "ProjectRules",
    "Reason",
    "RetryRule",
    "RetryRuleError",
    "dial_order_key",
    "explain",
    "is_eligible",
    "next_allowed",
]
