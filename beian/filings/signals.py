"""What filings publishes, and what it listens to.

`order_transitioned` is sent once per order transition, after the transaction that made it
commits (so a receiver never sees a transition that was rolled back), with `order_pk`, `event`
(the name in states.TRANSITIONS), `from_status` and `to_status`. `regulator` (enqueue the push of
an approved order) and `notifications` (tell the applicant) subscribe in their AppConfig.ready();
filings imports neither of them.

`record_changed` is sent after a change of the standing filing records commits
(beian.filings.records), with `subject_filing_pk`, `order_pk` (the order whose outcome changed
them, or None) and `domains` (the A-labels whose gate decision may have changed); the hosting
gate drops what it cached about them.

`access_notice_changed` is sent after a provider-initiated cancel-access notice (beian.filings.notices)
was opened (the customer must be told), withdrawn or confirmed, with `notice_pk` and `event`
("opened", "withdrawn", "confirmed"); notifications tells the customer. Filings itself listens to
`record_changed`: a pending notice whose access ended otherwise is resolved.

Filings also listens to `order_transitioned` itself: a filing's service code (beian.filings.service_codes)
follows its outcome (filed, free again or void).

Every timeline event saved that the reviewer metrics depend on (a decision, a first submission)
refreshes its order's derived metric rows in the same transaction (beian.filings.metrics).

Review deadlines follow the calendar and the SLA (see beian.reference.signals.working_time_changed).
"""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from beian.reference.signals import working_time_changed

order_transitioned = Signal()
record_changed = Signal()
access_notice_changed = Signal()


@receiver(working_time_changed, dispatch_uid="filings-review-deadlines")
def refresh_review_deadlines(**kwargs) -> None:
    from beian.filings.services import review_deadlines_refresh  # services imports this module's signal

    review_deadlines_refresh()


@receiver(record_changed, dispatch_uid="filings-access-notices-resolved")
def resolve_access_notices(*, subject_filing_pk: int, **kwargs) -> None:
    from beian.filings.notices import access_notices_resolve_ended  # notices imports this module's signals

    access_notices_resolve_ended(subject_filing_pk=subject_filing_pk)


@receiver(order_transitioned, dispatch_uid="filings-service-codes")
def service_codes_follow(*, order_pk: int, to_status: str = "", **kwargs) -> None:
    from beian.filings.service_codes import service_codes_follow_order  # imports models (app registry ready)

    service_codes_follow_order(order_pk=order_pk, to_status=to_status)


@receiver(post_save, sender="filings.OrderEvent", dispatch_uid="filings-review-metrics")
def review_metrics_follow(*, instance, **kwargs) -> None:
    from beian.filings.metrics import METRIC_EVENTS, review_decisions_refresh  # imports models

    if instance.event in METRIC_EVENTS:
        review_decisions_refresh(order_id=instance.order_id)
