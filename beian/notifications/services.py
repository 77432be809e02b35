"""Notifications for what the applicant must act on or wants to know: in-app, email and SMS.

Every member of the order's organisation receives each message in their own language
(User.language), on the channels they keep on for its kind (NotificationPreference; no row =
all on). The SMS goes once per event to the subject principal's mobile (through `sms_send`, the
outbox the sandbox console shows), unless every member switched SMS off for that kind.

Nothing is sent twice: each (event, channel, recipient) gets a Delivery row before it is sent,
in the same transaction, so replaying a transition's callback or running a job twice finds the
row and sends nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.crypto import blind_index
from beian.core.exceptions import NotFound
from beian.core.masking import mask_name
from beian.filings import changes, lifecycle
from beian.filings import fields as order_fields
from beian.filings.eta import order_eta
from beian.filings.lifecycle import expires_on
from beian.filings.models import AccessRecord, Order, RecordEvent, RecordStatus
from beian.materials.services import order_requirements
from beian.notifications.models import Channel, Delivery, Kind, Notification, NotificationPreference, SmsMessage
from beian.notifications.sms import sms_send
from beian.reference.models import RejectionReason
from beian.rules import record_orders
from beian.rules.domains import display_domain

logger = logging.getLogger(__name__)

# Transition event -> kind. Only events where the applicant must act or wants to know.
EVENT_KINDS = {
    "return_fields": Kind.RETURNED,
    "reject": Kind.RETURNED,
    "regulator_accepted": Kind.SMS_VERIFICATION,
    "sms_failed": Kind.SMS_VERIFICATION,
    "regulator_rejected": Kind.REGULATOR_REJECTED,
    "regulator_approved": Kind.APPROVED,
    "expire": Kind.EXPIRED,
}


@dataclass
class Message:
    title: str
    body: str
    link: str  # a path on this site (the exact place to act)
    lines: list[str] = field(default_factory=list)


def sms_mobile_reveal(*, message_id: int, user) -> str:
    """The full mobile an SMS went to (the outbox shows it masked), for an operator; audited."""
    message = SmsMessage.objects.filter(pk=message_id).select_related("order").first()
    if message is None:
        raise NotFound(_("Not found."), code="not_found")
    audit.record(
        action="pii.revealed",
        target=message,
        actor=user,
        organisation_id=message.order.organisation_id if message.order else None,
        data={"field": "sms.mobile", "order": message.order_id},
    )
    return message.mobile


def absolute_url(path: str) -> str:
    """Links in email and SMS need the site's address (BEIAN_PUBLIC_URL; the demo's by default)."""
    base = settings.BEIAN_PUBLIC_URL
    return base.rstrip("/") + path


# --- preferences -----------------------------------------------------------------------------


def channels_for(user, kind: str) -> set[str]:
    pref = NotificationPreference.objects.filter(user=user, kind=kind).first()
    return pref.channels() if pref else set(Channel.values)


def preferences_of(user) -> dict[str, set[str]]:
    """kind -> channels on, for every kind."""
    stored = {p.kind: p.channels() for p in NotificationPreference.objects.filter(user=user)}
    return {kind: stored.get(kind, set(Channel.values)) for kind in Kind.values}


def preferences_update(*, user, preferences: dict[str, set[str]]) -> None:
    """Store the channels on for each kind given (kinds not given keep their setting)."""
    with transaction.atomic():
        for kind, channels in preferences.items():
            if kind not in Kind.values:
                continue
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={c: c in channels for c in Channel.values}
            )


# --- the in-app centre ------------------------------------------------------------------------


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_mark_read(*, user, pk: int | None = None) -> int:
    """Mark one of the user's notifications read (or all of them when pk is None)."""
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if pk is not None:
        rows = rows.filter(pk=pk)
    return rows.update(read_at=clock.now())


# --- links to the exact place to act ----------------------------------------------------------


def order_link(order, anchor: str = "") -> str:
    return reverse("applicant:order", args=[order.pk]) + (f"#{anchor}" if anchor else "")


def field_link(order, path: str) -> str:
    """The wizard step that holds the field, scrolled to it (the input's id, or the upload slot); a
    returned request (a cancellation's reason or typed confirmation, a change of access's site): its
    step, scrolled to its input."""
    url = reverse("applicant:step", args=[order.pk, order_fields.step_key_of_path(path)])
    if path in order_fields.REQUEST_STEPS:
        return f"{url}#{path}"
    if path.startswith("materials."):
        return f"{url}#slot-{path.split('.', 1)[1]}"
    field = order_fields.BY_PATH.get(path)
    return f"{url}#id_f-{field.form_name}" if field else url


def _field_label(order, path: str) -> str:
    if path.startswith("materials."):
        slot = path.split(".", 1)[1]
        req = next((r for r in order_requirements(order) if r.slot == slot), None)
        return req.label(translation.get_language()) if req else slot
    field = order_fields.BY_PATH.get(path)
    if field is None and path in order_fields.REQUEST_LABELS:
        return str(order_fields.REQUEST_LABELS[path])
    return str(field.full_label) if field else path


def _reason(code: str) -> tuple[str, str]:
    """(reason, how to fix) from the catalogue, in the active language."""
    row = RejectionReason.objects.filter(code=code).first() if code else None
    if row is None:
        return code, ""
    english = (translation.get_language() or "").startswith("en")
    return (
        (row.text_en if english and row.text_en else row.text_zh),
        (row.fix_hint_en if english and row.fix_hint_en else row.fix_hint_zh),
    )


def _eta_line(order) -> str:
    """When the filing number should come, if the applicant acts today (empty when unknown)."""
    try:
        eta = order_eta(order)
    except Exception:  # an estimate must never stop a notification
        logger.exception("ETA for order %s failed", order.pk)
        return ""
    if eta is None:
        return ""
    if record_orders.is_record_type(order.filing_type):  # a change or cancellation issues no number
        if eta.filed.single:
            line = _("If you act today, the regulator's approval is expected on %(date)s.") % {
                "date": eta.filed.p50.isoformat()
            }
        else:
            line = _("If you act today, the regulator's approval is expected between %(p50)s and %(p90)s.") % {
                "p50": eta.filed.p50.isoformat(),
                "p90": eta.filed.p90.isoformat(),
            }
    elif eta.filed.single:  # a range whose ends are equal is one date
        line = _("If you act today, the filing number is expected on %(date)s.") % {"date": eta.filed.p50.isoformat()}
    else:
        line = _("If you act today, the filing number is expected between %(p50)s and %(p90)s.") % {
            "p50": eta.filed.p50.isoformat(),
            "p90": eta.filed.p90.isoformat(),
        }
    if eta.unconfirmed_years:
        line += " " + _(
            "The State Council's holiday schedule for %(years)s is not in our calendar yet; "
            "these dates skip the statutory holidays but may still move."
        ) % {"years": ", ".join(str(y) for y in eta.unconfirmed_years)}
    return line


def _expiry_line(order) -> str:
    return _expiry_text(expires_on(order))


def _expiry_text(day: dt.date | None) -> str:
    return _("If nothing changes, the order expires on %(date)s.") % {"date": day.isoformat()} if day else ""


# --- composing, per event (called with the recipient's language active) -----------------------


def _compose_event(order, event: str, row) -> Message:
    data = (row.data if row else {}) or {}
    if event == "return_fields":
        returns = data.get("returns") or order.returned_fields
        lines = []
        for item in returns:
            reason, _fix = _reason(item.get("reason_code", ""))
            note = f" — {item['note']}" if item.get("note") else ""
            lines.append(
                f"- {_field_label(order, item['field'])}: {reason}{note}\n  {absolute_url(field_link(order, item['field']))}"
            )
        link = field_link(order, returns[0]["field"]) if returns else order_link(order)
        return Message(
            _("Your filing was returned for changes"),
            _("The reviewer opened these fields for you to fix:"),
            link,
            [*lines, _eta_line(order), _expiry_line(order)],
        )
    if event == "reject":
        return Message(
            _("Your filing was rejected in provider review"),
            _("Open the order to read the reason, fix it and resubmit."),
            order_link(order, "timeline"),
            [row.reason if row else "", _eta_line(order), _expiry_line(order)],
        )
    if event == "regulator_accepted":
        # the regulator app puts the case's SMS deadline into the transition's data
        sms_deadline = data.get("sms_deadline")
        deadline = ""
        if sms_deadline:
            deadline = _("Deadline: %(time)s.") % {
                "time": timezone.localtime(dt.datetime.fromisoformat(sms_deadline)).strftime("%Y-%m-%d %H:%M")
            }
        return Message(
            _("MIIT SMS verification is waiting"),
            _("The principals received an SMS code from MIIT. Enter it on the order page within 24 hours."),
            order_link(order, "sms-verification"),
            [deadline, _eta_line(order)],
        )
    if event == "sms_failed":
        return Message(
            _("SMS verification timed out"),
            _("The regulator returned the order. We will push it again; a new SMS code will follow."),
            order_link(order),
            [_eta_line(order)],
        )
    if event == "regulator_rejected":
        reason, fix = _reason(data.get("reason_code", ""))
        return Message(
            _("The regulator rejected your filing"),
            _("Fix what the regulator asks for and resubmit."),
            order_link(order),
            [
                _("Reason: %(reason)s") % {"reason": reason},
                fix,
                row.reason if row and row.reason != data.get("reason_code") else "",
                _eta_line(order),
                _expiry_line(order),
            ],
        )
    if event == "regulator_approved" and record_orders.is_record_type(order.filing_type):
        return record_approval_message(order)
    if event == "regulator_approved":
        return Message(
            _("Your website is filed"),
            _("Filing number %(number)s. It now shows in your site's footer, linked to https://beian.miit.gov.cn/.")
            % {
                "number": _(", ").join(w.filing_number for w in order_fields.websites_of(order) if w.filing_number)
                or data.get("website_number", "")
            },  # every website of the order has its own number
            order_link(order),
        )
    if event == "expire":
        return Message(
            _("Your filing expired"),
            _(
                "Nothing changed on the order for a long time, so it expired. Its data is kept; start a new "
                "filing from My sites when you are ready."
            ),
            order_link(order),
        )
    raise ValueError(event)


def _domains_text(domains) -> str:
    return _(", ").join(display_domain(d) for d in domains) or "—"


def _ended_domains(order) -> list[str]:
    """The domains the approved cancellation took offline (the records' history keeps them)."""
    events = RecordEvent.objects.filter(order=order, action="website_cancelled").order_by("pk")
    if order.filing_type == record_orders.CANCEL_ACCESS:
        return [d for r in changes.target_websites(order) for d in changes.filed_domains(r)]
    return [d for e in events for d in (e.data or {}).get("domains") or []]


def _accessed_elsewhere(order) -> bool:
    """Does another provider still access the website whose access of ours ended?"""
    return AccessRecord.objects.filter(
        website_filing__in=changes.target_websites(order), status=RecordStatus.ACTIVE, is_ours=False
    ).exists()


def _subject_is_shell(order) -> bool:
    """No website of the order's subject is accessed by anyone any more (an empty-shell subject, §8.4)."""
    if order.subject_filing_id is None or order.filing_type == record_orders.CANCEL_SUBJECT:
        return False
    return not AccessRecord.objects.filter(
        website_filing__subject_filing_id=order.subject_filing_id,
        website_filing__status=RecordStatus.ACTIVE,
        status=RecordStatus.ACTIVE,
    ).exists()


def record_approval_message(order) -> Message:
    """The regulator approved a change or cancellation: say what happened to the record and the site
    (rules file §1.5–§1.7), not that a number was issued. The notification, and the approved order's
    page (applicant), in the active language."""
    kind = order.filing_type
    records = changes.target_websites(order)
    website = records[0] if records else None
    names = {"name": website.name if website else "", "number": website.filing_number if website else ""}
    link = order_link(order)
    shell = (
        _(
            "No website of the subject is accessed any more: the subject is now an empty shell (空壳主体), which "
            "regulators clean up. To keep it, add a website or new access soon."
        )
        if _subject_is_shell(order)
        else ""
    )
    if kind in record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS:
        labels = [str(c.label) for c in changes.record_diff(order)]
        moved = changes.domain_changes(order)
        added = [d for c in moved for d in c.added]
        removed = [d for c in moved for d in c.removed]
        if added or removed:
            labels.append(_("domains"))
        lines = []
        if added:
            lines.append(
                _("Domains added: %(domains)s. They serve under the website's filing number.")
                % {"domains": _domains_text(added)}
            )
        if removed:
            lines.append(_("Domains removed: %(domains)s. They no longer serve.") % {"domains": _domains_text(removed)})
        return Message(
            _("Your change is approved"),
            _(
                "Change approved: %(fields)s. The filing record shows the new information; the filing numbers stay the same."
            )
            % {"fields": _(", ").join(labels) or "—"},
            link,
            lines,
        )
    if kind == record_orders.CHANGE_ACCESS:
        site = order.website.hosted_site
        return Message(
            _("Your change of access is approved"),
            _("Access changed: website %(name)s (%(number)s) is now served by %(site)s.")
            % {**names, "site": site.title if site else "—"},
            link,
        )
    if kind == record_orders.CANCEL_WEBSITE:
        return Message(
            _("Your website is cancelled"),
            _("Website %(name)s (%(number)s) is cancelled; its domains no longer serve: %(domains)s.")
            % {**names, "domains": _domains_text(_ended_domains(order))},
            link,
            [shell],
        )
    if kind == record_orders.CANCEL_SUBJECT:
        subject = order.subject_filing
        return Message(
            _("Your subject is cancelled"),
            _(
                "Subject %(name)s (%(number)s) and all its websites are cancelled; their domains no longer serve: %(domains)s."
            )
            % {
                "name": subject.name if subject else order.subject.name,
                "number": subject.filing_number if subject else "",
                "domains": _domains_text(_ended_domains(order)),
            },
            link,
        )
    lines = [
        ""
        if _accessed_elsewhere(order)
        else _(
            "No other provider accesses this website: it is now an empty-shell website (空壳网站) and the regulator "
            "will cancel its filing number."
        ),
        shell,
    ]
    return Message(
        _("Access cancelled"),
        _(
            "Access cancelled: we no longer serve website %(name)s (%(number)s); its domains stop serving here: %(domains)s."
        )
        % {**names, "domains": _domains_text(_ended_domains(order))},
        link,
        lines,
    )


def _compose_reminder(order, days: int, expires: dt.date | None) -> Message:
    link = order_link(order)
    if order.returned_fields:
        link = field_link(order, order.returned_fields[0]["field"])
    elif order.status == "DRAFT" and not record_orders.is_record_type(order.filing_type):
        link = reverse("applicant:step", args=[order.pk, "checklist"])  # a change or cancellation has none
    lines = [_expiry_text(expires), _eta_line(order)]
    return Message(
        _("Your filing is waiting for you"),
        _("Nothing has changed on filing %(reference)s for %(days)s days.")
        % {"reference": order.reference, "days": days},
        link,
        lines,
    )


# --- delivery -----------------------------------------------------------------------------------


def _deliver_once(*, dedupe_key: str, channel: str, recipient: str, send: Callable[[], object]) -> bool:
    """Send unless this (event, channel, recipient) was sent before. A failed send leaves no row."""
    try:
        with transaction.atomic():
            Delivery.objects.create(dedupe_key=dedupe_key, channel=channel, recipient=recipient, created_at=clock.now())
            send()
    except IntegrityError:
        return False
    except Exception:
        logger.exception("sending %s %s to %s failed", channel, dedupe_key, recipient)
        return False
    return True


def _text(message: Message) -> str:
    lines = [message.body, *[line for line in message.lines if line]]
    return "\n".join(lines)


def dispatch(*, order, kind: str, dedupe_key: str, compose: Callable[[], Message]) -> int:
    """Deliver one event about `order` to its organisation's members. Returns deliveries made."""
    memberships = order.organisation.memberships.select_related("user").order_by("pk")
    users = sorted((m.user for m in memberships if m.user.is_active), key=lambda u: u.pk != order.created_by_id)
    delivered, sms_language = 0, None
    composed: dict[str, Message] = {}  # the message depends on the language only: composed once per language

    def message_in(language: str) -> Message:
        if language not in composed:
            composed[language] = compose()
        return composed[language]

    for user in users:
        channels = channels_for(user, kind)
        language = user.language or settings.LANGUAGE_CODE
        if Channel.SMS in channels and sms_language is None:
            sms_language = language
        if not channels & {Channel.IN_APP, Channel.EMAIL}:
            continue
        with translation.override(language):
            message = message_in(language)
            delivered += _deliver_to_user(
                user=user,
                channels=channels,
                order=order,
                kind=kind,
                dedupe_key=dedupe_key,
                message=message,
                subject=f"[{order.reference}] {message.title}",
            )
    principal = order.subject.principal if order.subject_id else None
    mobile = principal.mobile if principal else ""
    if sms_language and mobile:
        with translation.override(sms_language):
            message = message_in(sms_language)
            params = {**_sms_params(order, principal), "link": absolute_url(message.link)}
            body = _("[Beian] %(role)s %(name)s, website %(website)s: %(title)s (%(reference)s): %(link)s") % {
                **params,
                "website": _website_text(order.website, others=len(order_fields.websites_of(order)) - 1),
                "title": message.title,
            }
        delivered += _deliver_once(
            dedupe_key=dedupe_key,
            channel=Channel.SMS,
            recipient=blind_index(mobile, purpose="mobile"),
            # not linked to the order: order.sms_messages stays the MIIT verification codes
            send=lambda: sms_send(mobile=mobile, body=body, purpose=f"notice:{kind}", params=params),
        )
    return delivered


def _deliver_to_user(
    *, user, channels: set[str], order, kind: str, dedupe_key: str, message: Message, subject: str
) -> int:
    """The in-app entry and the email of one event to one user (on the channels given)."""
    delivered = 0
    text = _text(message)
    recipient = f"user:{user.pk}"
    if Channel.IN_APP in channels:
        delivered += _deliver_once(
            dedupe_key=dedupe_key,
            channel=Channel.IN_APP,
            recipient=recipient,
            send=partial(
                Notification.objects.create,
                user=user,
                order=order,
                kind=kind,
                dedupe_key=dedupe_key,
                title=message.title[:200],
                body=text,
                link=message.link,
                created_at=clock.now(),
            ),
        )
    if Channel.EMAIL in channels and user.email:
        footer = _("Choose which messages you receive: %(url)s") % {
            "url": absolute_url(reverse("notifications:preferences"))
        }
        delivered += _deliver_once(
            dedupe_key=dedupe_key,
            channel=Channel.EMAIL,
            recipient=recipient,
            send=partial(
                send_mail,
                subject,
                f"{text}\n\n{absolute_url(message.link)}\n\n--\n{footer}",
                None,
                [user.email],
                fail_silently=False,
            ),
        )
    return delivered


def notify_users(*, users, kind: str, dedupe_key: str, compose: Callable[[], Message], order=None) -> int:
    """Deliver one event to the users given (not an order's whole organisation, no SMS): in-app and
    email, each in the user's language, on the channels they keep on for `kind`; once per user."""
    delivered = 0
    for user in users:
        if not user.is_active:
            continue
        channels = channels_for(user, kind) & {Channel.IN_APP, Channel.EMAIL}
        if not channels:
            continue
        with translation.override(user.language or settings.LANGUAGE_CODE):
            message = compose()
            subject = f"[{order.reference}] {message.title}" if order is not None else message.title
            delivered += _deliver_to_user(
                user=user,
                channels=channels,
                order=order,
                kind=kind,
                dedupe_key=dedupe_key,
                message=message,
                subject=subject,
            )
    return delivered


def _website_text(website, others: int = 0) -> str:
    """How an SMS names a website: its name and domain (示例网站（example.com）), or the domain; an
    order's other websites are counted (示例网站（example.com）等 3 个网站)."""
    if website is None:
        return "—"
    domain = display_domain(website.domain) if website.domain else ""
    if website.name and domain:
        text = _("%(name)s (%(domain)s)") % {"name": website.name, "domain": domain}
    else:
        text = website.name or domain or "—"
    if others > 0:
        text = _("%(website)s and %(count)s more") % {"website": text, "count": others}
    return text


def _sms_params(order, principal) -> dict[str, str]:
    """The values an SMS template may use: whom the SMS is for (the subject principal, name masked)
    and which website and order it concerns."""
    website = order.website
    return {
        "role": _("subject principal"),
        "name": mask_name(principal.name),
        "website": display_domain(website.domain) if website and website.domain else "",
        "website_name": website.name if website else "",
        "reference": order.reference,
    }


def notify_order_event(*, order_pk: int, event: str) -> int:
    """After a transition commits (filings.services.order_transition): notify if the applicant
    must act or wants to know. Replaying it for the same event sends nothing new."""
    kind = EVENT_KINDS.get(event)
    if kind is None:
        return 0
    order = Order.objects.select_related("organisation", "subject__principal", "website").get(pk=order_pk)
    row = order.events.filter(event=event).order_by("-at", "-pk").first()
    dedupe_key = f"order-{order.pk}-{event}-{row.pk if row else 0}"
    try:
        return dispatch(
            order=order, kind=kind, dedupe_key=dedupe_key, compose=lambda: _compose_event(order, event, row)
        )
    except Exception:  # runs after the transition committed: a failure here must not fail the user's action
        logger.exception("notifying %s about order %s failed", event, order_pk)
        return 0


def notify_idle_reminder(*, order, days: int, idle_since: dt.datetime, expires_on: dt.date | None) -> int:
    """The reminder for `days` idle days in the idle period that began at `idle_since`; once."""
    dedupe_key = f"order-{order.pk}-idle{days}-{int(idle_since.timestamp())}"
    return dispatch(
        order=order,
        kind=Kind.REMINDER,
        dedupe_key=dedupe_key,
        compose=lambda: _compose_reminder(order, days, expires_on),
    )


def order_remind_idle() -> int:
    """Periodic job: remind about orders idle for one of remind_days (filings.lifecycle says which
    and when). Returns new reminders."""
    policy = lifecycle.idle_policy()
    if policy is None or not policy.remind_days:
        return 0
    now = clock.now()
    sent = 0
    for order in lifecycle.idle_candidates(dt.timedelta(days=policy.remind_days[0])):
        action = lifecycle.due_action(now - lifecycle.idle_since(order), policy)
        if action is None or action[0] != "remind":
            continue
        sent += bool(
            notify_idle_reminder(
                order=order,
                days=action[1],
                idle_since=lifecycle.idle_since(order),
                expires_on=expires_on(order, policy),
            )
        )
    return sent
