"""What the regulator gateway reacts to.

- An order approved by the provider (its transition to PENDING_SUBMISSION committed) gets its
  outbox row. This runs after the approval commits, as the enqueue always has; a process that dies
  in between leaves the order without a row, and `submissions_reconcile` (a periodic job) gives it
  one, so the push is never lost.
- The sandbox regulator counts its review days on the calendar as it is now: when operators enter
  or correct holidays, the decision day of every open sandbox review follows.
"""

from django.dispatch import receiver

from beian.filings import states
from beian.filings.signals import order_transitioned
from beian.reference.signals import working_time_changed
from beian.regulator.services import submission_enqueue


@receiver(order_transitioned, dispatch_uid="regulator-enqueue-approved")
def enqueue_approved(*, order_pk: int, to_status: str, **kwargs) -> None:
    if to_status == states.PENDING_SUBMISSION:
        submission_enqueue(order_pk=order_pk)


@receiver(working_time_changed, dispatch_uid="regulator-sandbox-decision-days")
def refresh_decision_days(**kwargs) -> None:
    from beian.regulator.adapters.sandbox import decision_days_refresh  # the adapter is imported on demand

    decision_days_refresh()
