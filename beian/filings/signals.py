"""Review deadlines follow the calendar and the SLA (see beian.reference.signals.working_time_changed)."""

from django.dispatch import receiver

from beian.reference.signals import working_time_changed


@receiver(working_time_changed, dispatch_uid="filings-review-deadlines")
def refresh_review_deadlines(**kwargs) -> None:
    from beian.filings.services import review_deadlines_refresh

    review_deadlines_refresh()
