"""Every change made in Django's admin is also written to our audit log (beian.core.audit): the
admin's own LogEntry is only visible to whoever can open the admin, and it can be edited there.
Subscribed in CoreConfig.ready() to LogEntry's post_save: each add, change and delete through any
ModelAdmin writes one LogEntry, and so one audit event."""

from __future__ import annotations

import json

from beian.core import audit

ACTIONS = {1: "admin.added", 2: "admin.changed", 3: "admin.deleted"}  # LogEntry.action_flag


def _organisation_of(entry) -> int | None:
    if entry.action_flag == 3:  # deleted: nothing left to read
        return None
    try:
        edited = entry.get_edited_object()
    except Exception:  # the object is gone or its model cannot load it: the event names it anyway
        return None
    organisation_id = getattr(edited, "organisation_id", None)
    if organisation_id is None and edited._meta.label_lower == "accounts.organisation":
        organisation_id = edited.pk
    return organisation_id


def _change(entry):
    """The admin's structured change message (language-neutral field names), else its text."""
    try:
        return json.loads(entry.change_message or "[]")
    except ValueError:
        return entry.change_message


def admin_change_audited(sender, instance, created, **kwargs) -> None:
    if not created:
        return
    content_type = instance.content_type
    audit.record(
        action=ACTIONS.get(instance.action_flag, "admin.changed"),
        target_type=content_type.app_label + "." + content_type.model if content_type else "",
        target_id=instance.object_id or "",
        actor=instance.user,
        organisation_id=_organisation_of(instance),
        data={"object": instance.object_repr, "change": _change(instance)},
    )
