"""Review deadlines follow the calendar and the SLA: a change to either recomputes them once, after
the change commits (one refresh per transaction however many rows it touched)."""
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beian.reference.models import CalendarDay, ReferenceSetting

DEADLINE_SETTINGS = {"provider_review_sla_working_days", "calendar_confirmed_years", "statutory_holidays", "holidays"}


def _refresh() -> None:
    from beian.filings.services import review_deadlines_refresh

    review_deadlines_refresh()


def schedule_deadline_refresh() -> None:
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(func is _refresh for _, func, _ in connection.run_on_commit):
        return
    transaction.on_commit(_refresh)


@receiver((post_save, post_delete), sender=CalendarDay, dispatch_uid="deadlines-calendar-day")
def calendar_day_changed(**kwargs) -> None:
    schedule_deadline_refresh()


@receiver((post_save, post_delete), sender=ReferenceSetting, dispatch_uid="deadlines-setting")
def setting_changed(instance, **kwargs) -> None:
    if instance.key in DEADLINE_SETTINGS:
        schedule_deadline_refresh()
