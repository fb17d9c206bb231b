"""Whom the campaign engine may dial, and when (F-22, F-24, F-26, F-40).

Pure rules, no I/O:

- :func:`explain` / :func:`is_eligible`: every rule for one contact at one instant, with the reasons
  and the next allowed moment (sentences in Russian and English).
- :func:`next_allowed`: the earliest instant inside all windows (dates, weekday hours, client window).
- :class:`RetryRule`: per-outcome retry schedules ("15;60;1440;60"); :func:`dial_order_key`: base order.

Read from the database (:mod:`obzvon_eligibility.loading`): :func:`project_rules`, :func:`contact_state`,
:func:`outcome_counts` and :func:`explain_contact` — the dialer decides with them and the gateway
explains with them, so the explanation is the decision.
"""

from obzvon_eligibility.explain import DialReason, Explanation, explain, is_eligible
from obzvon_eligibility.loading import contact_state, explain_contact, outcome_counts, project_rules
from obzvon_eligibility.outcomes import RETRY_STATUSES, last_outcome, retry_outcome
from obzvon_eligibility.retry import RetryRule, RetryRuleError
from obzvon_eligibility.rules import ContactState, ProjectRules, dial_order_key
from obzvon_eligibility.windows import RUSSIAN_ZONES, next_allowed

__all__ = [
    "RETRY_STATUSES",
    "RUSSIAN_ZONES",
    "ContactState",
    "DialReason",
    "Explanation",
    "ProjectRules",
    "RetryRule",
    "RetryRuleError",
    "contact_state",
    "dial_order_key",
    "explain",
    "explain_contact",
    "is_eligible",
    "last_outcome",
    "next_allowed",
    "outcome_counts",
    "project_rules",
    "retry_outcome",
]
