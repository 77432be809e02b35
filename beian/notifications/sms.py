"""The SMS outbox: every SMS is a row (SmsMessage) written in the business transaction and sent
after the commit through the configured gateway (beian.integrations.sms), never inside it.

- `sms_send` queues the row and, once the transaction commits, kicks the `deliver_sms` task (a
  Celery worker when a broker is configured, in-process otherwise); a kick that cannot run leaves
  the row to the periodic job `sms_process_due`.
- A refused or failed attempt is recorded on the row (the provider's code and words, and what
  kind of failure it is). Flow control, an empty balance and an unreachable provider are tried
  again after RETRY_SCHEDULE; a bad template, signature or number, or the last retry, leave the row
  failed, audited, shown on the operator console's SMS outbox, where an operator may send it again.
- Real gateways send only registered templates: the ReferenceSetting `sms_templates` names, per
  gateway, the signature and each purpose's template and which of the row's params fill it.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.crypto import blind_index
from beian.core.exceptions import Conflict, NotFound
from beian.core.masking import mask_mobile
from beian.core.retry import delay_after
from beian.integrations import sms as gateways
from beian.integrations.sms import Failure, SmsGatewayError, SmsRequest
from beian.notifications.models import SmsMessage, SmsStatus
from beian.reference.snapshot import setting

logger = logging.getLogger(__name__)

TEMPLATES_SETTING = "sms_templates"
# After the n-th failed attempt that may be tried again, wait RETRY_SCHEDULE[n-1]; after the last
# of them (the 6th attempt, about 2 h 40 min after the first) the message has failed.
RETRY_SCHEDULE: tuple[dt.timedelta, ...] = (
    dt.timedelta(seconds=30),
    dt.timedelta(minutes=2),
    dt.timedelta(minutes=10),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
)
MAX_ATTEMPTS = len(RETRY_SCHEDULE) + 1
STALE_CLAIM = dt.timedelta(minutes=10)  # a row `sending` this long lost its worker: due again
DUE_BATCH = 100


# --- queueing -----------------------------------------------------------------------------------


def sms_send(*, mobile: str, body: str, purpose: str, order=None, params: dict[str, str] | None = None) -> SmsMessage:
    """Queue one SMS; it goes out after the surrounding transaction commits."""
    now = clock.now()
    message = SmsMessage.objects.create(
        mobile=mobile,
        mobile_index=blind_index(mobile, purpose="mobile"),
        body=body,
        purpose=purpose,
        params={k: str(v) for k, v in (params or {}).items()},
        order=order,
        created_at=now,
        next_attempt_at=now,
    )
    transaction.on_commit(partial(kick, message.pk))
    return message


def kick(message_id: int) -> None:
    """After a commit: deliver the message (on a worker when Celery has a broker, else here). Never
    raises: what this does not send, the periodic job does."""
    try:
        from beian.notifications.tasks import deliver_sms  # tasks imports this module

        deliver_sms.delay(message_id)
    except Exception:
        logger.exception("sms %s: delivering after commit failed", message_id)


# --- templates ----------------------------------------------------------------------------------


def template_config(gateway_name: str) -> dict:
    return (setting(TEMPLATES_SETTING, {}) or {}).get(gateway_name) or {}


def gateway_request(message: SmsMessage, gateway_name: str) -> SmsRequest:
    """The templated request a real gateway sends for the message. Raises SmsGatewayError
    (CONFIGURATION) when the signature or the purpose's template is not set up."""
    config = template_config(gateway_name)
    templates = config.get("templates") or {}
    entry = templates.get(message.purpose) or templates.get(message.purpose.partition(":")[0]) or {}
    if not config.get("sign_name"):
        raise SmsGatewayError(Failure.CONFIGURATION, "no_sign_name", f"{TEMPLATES_SETTING}.{gateway_name}.sign_name")
    if not entry.get("template"):
        raise SmsGatewayError(
            Failure.CONFIGURATION, "no_template", f"{TEMPLATES_SETTING}.{gateway_name}.templates.{message.purpose}"
        )
    limit = int(config.get("max_param_length") or 0)
    params = {}
    for name in entry.get("params") or []:
        value = str((message.params or {}).get(name, ""))
        params[name] = value[:limit] if limit else value
    return SmsRequest(
        mobile=message.mobile,
        sign_name=config["sign_name"],
        template=str(entry["template"]),
        params=params,
        reference=str(message.pk),
    )


# --- delivery -----------------------------------------------------------------------------------


def _due(now: dt.datetime) -> Q:
    """Queued rows whose attempt is due, and rows `sending` so long that their worker died."""
    return Q(status=SmsStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=SmsStatus.SENDING, claimed_at__lt=now - STALE_CLAIM
    )


def _claim(message_id: int, now: dt.datetime) -> bool:
    claimed = SmsMessage.objects.filter(_due(now), pk=message_id).update(
        status=SmsStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    return bool(claimed)


def sms_deliver(*, message_id: int) -> str | None:
    """One attempt at a due message. Returns its status afterwards; None when it was not due (sent,
    failed, waiting for its retry, or being sent by another worker)."""
    now = clock.now()
    if not _claim(message_id, now):
        return None
    message = SmsMessage.objects.get(pk=message_id)
    try:
        gateway = gateways.gateway()
        message.gateway = gateway.name
        if gateway.uses_templates:
            request = gateway_request(message, gateway.name)
        else:
            request = SmsRequest(mobile=message.mobile, sign_name="", template="", reference=str(message.pk))
        receipt = gateway.send(request)
    except SmsGatewayError as error:
        return _failed(message, error)
    except Exception as error:  # an adapter bug must not leave the row sending forever
        logger.exception("sms %s: the gateway raised", message_id)
        return _failed(message, SmsGatewayError(Failure.UNAVAILABLE, type(error).__name__, str(error)))
    message.status, message.sent_at = SmsStatus.SENT, clock.now()
    message.gateway_message_id = receipt.message_id[:100]
    message.next_attempt_at = None
    message.error_kind = message.error_code = message.error_message = ""
    message.save(
        update_fields=[
            "status", "sent_at", "gateway", "gateway_message_id", "next_attempt_at",
            "error_kind", "error_code", "error_message",
        ]
    )  # fmt: skip
    logger.info(
        "sms %s (%s) to %s sent by %s", message.pk, message.purpose, mask_mobile(message.mobile), message.gateway
    )
    return message.status


def _failed(message: SmsMessage, error: SmsGatewayError) -> str:
    delay = delay_after(RETRY_SCHEDULE, message.attempts) if error.retryable else None
    message.error_kind, message.error_code = error.failure.value, error.code[:100]
    message.error_message = (error.message or "")[:300]
    if delay is not None:
        message.status, message.next_attempt_at = SmsStatus.QUEUED, clock.now() + delay
    else:
        message.status, message.next_attempt_at = SmsStatus.FAILED, None
    message.save(update_fields=["status", "next_attempt_at", "gateway", "error_kind", "error_code", "error_message"])
    logger.warning(
        "sms %s (%s) to %s, attempt %s by %s: %s %s%s",
        message.pk,
        message.purpose,
        mask_mobile(message.mobile),
        message.attempts,
        message.gateway or "?",
        error.failure.value,
        error.code,
        f", retrying at {message.next_attempt_at.isoformat()}" if message.next_attempt_at else ", failed",
    )
    if message.status == SmsStatus.FAILED:
        audit.record(
            action="sms.failed",
            target=message,
            organisation_id=message.order.organisation_id if message.order else None,
            data={
                "purpose": message.purpose,
                "gateway": message.gateway,
                "attempts": message.attempts,
                "error_kind": message.error_kind,
                "error_code": message.error_code,
            },
        )
    return message.status


def sms_process_due(limit: int = DUE_BATCH) -> int:
    """Periodic job: send what is due (first attempts a kick missed, retries, rows whose worker
    died). Returns the attempts made."""
    ids = list(
        SmsMessage.objects.filter(_due(clock.now()))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(1 for pk in ids if sms_deliver(message_id=pk) is not None)


def sms_outbox(*, limit: int = 30) -> list[SmsMessage]:
    """The latest messages, newest first, for the operator console."""
    return list(SmsMessage.objects.select_related("order")[:limit])


def gateway_name() -> str:
    return gateways.gateway_name()


def sms_resend(*, message_id: int, user) -> SmsMessage:
    """An operator sends a failed message again (after fixing the template, the balance, …): a
    fresh retry schedule, audited."""
    with transaction.atomic():
        message = (
            SmsMessage.objects.select_for_update(of=("self",)).filter(pk=message_id).select_related("order").first()
        )
        if message is None:
            raise NotFound(_("Not found."), code="not_found")
        if message.status != SmsStatus.FAILED:
            raise Conflict(_("Only a failed SMS can be sent again."), code="sms_not_failed")
        before = {"attempts": message.attempts, "error_code": message.error_code}
        message.status, message.attempts, message.next_attempt_at = SmsStatus.QUEUED, 0, clock.now()
        message.save(update_fields=["status", "attempts", "next_attempt_at"])
        audit.record(
            action="sms.resent",
            target=message,
            actor=user,
            organisation_id=message.order.organisation_id if message.order else None,
            data={"purpose": message.purpose, "before": before},
        )
        transaction.on_commit(partial(kick, message.pk))
    return message
