"""Any reference edit bumps the version, so snapshots rebuild on the next request.

Edits to what working-day dates depend on (calendar days, confirmed years, the statutory holiday
rules, the review SLA) also send `working_time_changed` once, after the transaction commits, so
stored dates (review deadlines, the sandbox's decision days) are recomputed however many rows
changed."""

import secrets

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from beian.reference import models as m

WATCHED = (
    m.Province,
    m.CertificateType,
    m.SubjectNature,
    m.FilingType,
    m.ServiceContent,
    m.PreApprovalItem,
    m.Language,
    m.AccessMethod,
    m.ApprovedTld,
    m.NameWord,
    m.RejectionReason,
    m.CalendarDay,
    m.ReferenceSetting,
)


def bump(**kwargs):
    # by a random step, not by one: an edit rolled back leaves its number unused, and the next
    # edit's number is another, so a process that built from the rolled-back data
    # (snapshot.per_version) never takes that for the data of a later edit
    step = secrets.randbelow(2**31) + 1
    updated = m.ReferenceVersion.objects.filter(pk=1).update(value=F("value") + step)
    if not updated:
        m.ReferenceVersion.objects.get_or_create(pk=1, defaults={"value": step})


for model in WATCHED:
    receiver(post_save, sender=model, dispatch_uid=f"refver-save-{model.__name__}")(bump)
    receiver(post_delete, sender=model, dispatch_uid=f"refver-del-{model.__name__}")(bump)


# Sent by `load_reference` after the seed is loaded; each receiver loads what derives from it and
# returns (label, {"created": n, "updated": n, ...}). materials subscribes (its requirement matrix).
reference_loaded = Signal()

working_time_changed = Signal()
WORKING_TIME_SETTINGS = {
    "provider_review_sla_working_days",
    "calendar_confirmed_years",
    "statutory_holidays",
    "holidays",
}


def _send_working_time_changed() -> None:
    working_time_changed.send(sender=m.CalendarDay)


def _schedule_working_time_changed() -> None:
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        func is _send_working_time_changed for _, func, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_send_working_time_changed)


@receiver((post_save, post_delete), sender=m.CalendarDay, dispatch_uid="working-time-calendar-day")
def calendar_day_changed(**kwargs) -> None:
    _schedule_working_time_changed()


@receiver((post_save, post_delete), sender=m.ReferenceSetting, dispatch_uid="working-time-setting")
def setting_changed(instance, **kwargs) -> None:
    if instance.key in WORKING_TIME_SETTINGS:
        _schedule_working_time_changed()
