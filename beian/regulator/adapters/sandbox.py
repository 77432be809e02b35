"""A realistic regulator sandbox (rules file §1.1, §2.4, §9): MIIT SMS verification to the
principals the filing type requires (never to emergency phones), a 24-hour window, a wrong-attempt
limit (the 6th wrong attempt after 5 returns the order), limited resends, then a review lasting a
per-order number of the province's working days, ending in approval, or rejection with a catalogue
reason when the website remark carries the demo trigger `#sandbox-reject[:REASON_CODE]`.
Runs on the business clock; idempotent per idempotency key."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
import re
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from beian.core import clock, workdays
from beian.core.crypto import blind_index
from beian.core.exceptions import DomainError
from beian.core.masking import mask_name
from beian.filings import states
from beian.filings.changes import record_summary
from beian.filings.eta import type_review_span
from beian.filings.fields import websites_of
from beian.notifications.sms import sms_send
from beian.reference.models import Province, RejectionReason
from beian.reference.snapshot import setting
from beian.regulator import faults
from beian.regulator.adapters.base import PermanentError, ResendResult, SubmitResult, VerifyResult
from beian.regulator.models import RegulatorCase, SmsChallenge, latest_case

logger = logging.getLogger(__name__)

REJECT_TAG = "#sandbox-reject"  # in a website remark; the demo seeds orders carrying it
REJECT_TRIGGER = re.compile(re.escape(REJECT_TAG) + r"(?::([A-Z_]+))?")
DEFAULT_REJECT_REASON = "CONTENT_NOT_MATCH_NATURE"
BOTH_PRINCIPALS = ("subject_principal", "website_principal")
# Whom a code is for, as MIIT's SMS names them (always in Chinese)
ROLE_LABELS = {"subject_principal": "主体负责人", "website_principal": "网站负责人"}

# Read with these defaults; operators override any key in the reference settings (admin).
SMS_DEFAULTS = {
    "window_hours": 24,
    "max_wrong_attempts": 5,
    "max_resends": 3,
    "resend_min_interval_seconds": 60,
    "targets_by_type": {},
    "exempt_types": [],
}
SANDBOX_DEFAULTS = {"review_min_working_days": 1}


def _hash(value: str) -> str:
    return hashlib.sha256((value or "").strip().upper().encode()).hexdigest()


def sms_rules() -> dict:
    """ReferenceSetting `sms_verification` (rules §2.4) over the defaults."""
    return {**SMS_DEFAULTS, **(setting("sms_verification", {}) or {})}


def sandbox_rules() -> dict:
    """ReferenceSetting `regulator_sandbox` over the defaults."""
    return {**SANDBOX_DEFAULTS, **(setting("regulator_sandbox", {}) or {})}


def sms_roles_for(filing_type: str) -> tuple[str, ...]:
    """Who receives the MIIT SMS for a filing type (rules §1.1); unknown types: both principals."""
    rules = sms_rules()
    if filing_type in rules["exempt_types"]:
        return ()
    return tuple(rules["targets_by_type"].get(filing_type, BOTH_PRINCIPALS))


def review_working_days(order_pk: int, province_days: int, type_span: tuple[int, int] | None = None) -> int:
    """The sandbox's review length for an order: between the minimum and the province's expected
    working days (or the filing type's own span in reference data, e.g. cancellations 1–5), drawn
    from a generator seeded by the order id (the same order always gets the same)."""
    if type_span:
        low, high = max(1, type_span[0]), max(1, type_span[1])
    else:
        low, high = max(1, min(int(sandbox_rules()["review_min_working_days"]), province_days)), province_days
    return random.Random(f"sandbox-review-{order_pk}").randint(low, max(low, high))


class SandboxRegulator:
    name = "sandbox"

    # --- submission --------------------------------------------------------------------------

    def submit(self, order, *, idempotency_key: str) -> SubmitResult:
        existing = RegulatorCase.objects.filter(idempotency_key=idempotency_key).first()
        if existing:  # the same push again (crash after sending, stale claim): answer as before
            return self._replay(existing)
        roles = self._recipients(order, sms_roles_for(order.filing_type))
        for role in roles:
            if not self._person(order, role).mobile:
                raise PermanentError(f"MIIT refused the push: the {role.replace('_', ' ')} has no mobile number")
        now = clock.now()
        try:
            with transaction.atomic():
                case = RegulatorCase.objects.create(
                    reference=f"SBX{now:%Y%m%d}{secrets.token_hex(4).upper()}",
                    idempotency_key=idempotency_key,
                    order=order,
                    adapter=self.name,
                    stage=RegulatorCase.Stage.SMS if roles else RegulatorCase.Stage.REVIEW,
                    province=order.subject.province,
                    received_at=now,
                    summary=record_summary(order),
                    sms_deadline=now + dt.timedelta(hours=sms_rules()["window_hours"]) if roles else None,
                )
                if not roles:
                    self._start_review(case)
                for role in roles:
                    self._send_code(case, role, order)
        except IntegrityError:  # a concurrent push with the same key won: answer as it did
            return self._replay(RegulatorCase.objects.get(idempotency_key=idempotency_key))
        faults.pause("sandbox_case_written")
        return SubmitResult(case.reference, roles)

    def _replay(self, case: RegulatorCase) -> SubmitResult:
        roles: tuple[str, ...] = ()
        if case.stage in (RegulatorCase.Stage.SMS, RegulatorCase.Stage.RETURNED):
            roles = tuple(case.challenges.order_by("pk").values_list("role", flat=True))
        return SubmitResult(case.reference, roles, replayed=True)

    @staticmethod
    def _recipients(order, roles) -> tuple[str, ...]:
        """The SMS challenges of a push: the subject principal, and the principal of every website
        (`website_principal` for websites[0], `website_principal.<i>` for websites[i]), one code
        per distinct mobile among the websites' principals."""
        out: list[str] = []
        for role in roles:
            if role != "website_principal":
                out.append(role)
                continue
            seen: set[str] = set()
            for index, website in enumerate(websites_of(order)):
                mobile = website.principal.mobile or ""
                if mobile and mobile in seen:
                    continue
                seen.add(mobile)
                out.append(role if index == 0 else f"{role}.{index}")
        return tuple(out)

    @staticmethod
    def _website(order, role):
        _name, _dot, index = role.partition(".")
        websites = websites_of(order)
        return websites[int(index)] if index.isdigit() and int(index) < len(websites) else order.website

    def _person(self, order, role):
        if role == "subject_principal":
            return order.subject.principal
        return self._website(order, role).principal

    def _send_code(self, case, role, order, challenge=None):
        """Text a fresh code to the principal's mobile (the emergency phone never gets one), saying
        whom it is for (主体负责人 / 网站负责人, name masked) and which website."""
        person = self._person(order, role)
        website = order.website if role == "subject_principal" else self._website(order, role)
        code = f"{secrets.randbelow(10**6):06d}"
        if challenge is None:
            challenge = SmsChallenge(case=case, role=role)
        challenge.mobile_index = blind_index(person.mobile, purpose="mobile")
        challenge.code_hash = _hash(code)
        challenge.certificate_tail_hash = _hash((person.certificate_number or "")[-6:])
        challenge.sent_at = clock.now()
        challenge.save()
        deadline = timezone.localtime(case.sms_deadline).strftime("%Y-%m-%d %H:%M")
        role_label = ROLE_LABELS[role.partition(".")[0]]
        name = mask_name(person.name)
        site = f"{website.name}，{website.domain}" if website.name else website.domain
        if role == "subject_principal" and len(websites_of(order)) > 1:  # the subject's code covers every website
            site += f"等{len(websites_of(order))}个网站"
        sms_send(
            mobile=person.mobile,
            order=order,
            purpose="miit_verification",
            body=f"【工信部】{role_label}{name}：您的ICP备案申请（网站：{site}）短信核验码：{code}，"
            f"请于{deadline}前访问核验页面，输入核验码、手机号码及证件号码后六位完成核验。",
            params={
                "role": role_label,
                "name": name,
                "website": website.domain,
                "website_name": website.name,
                "code": code,
                "deadline": deadline,
                "reference": order.reference,
            },
        )

    # --- SMS verification --------------------------------------------------------------------

    def verify_sms(self, order, *, mobile: str, code: str, certificate_tail: str) -> VerifyResult:
        limit = int(sms_rules()["max_wrong_attempts"])
        with transaction.atomic():
            case = latest_case(order, lock=True)
            if case is None or case.stage != RegulatorCase.Stage.SMS:
                return VerifyResult(
                    False, message_zh="当前无需短信核验。", message_en="No SMS verification is pending."
                )
            if case.sms_deadline and clock.now() > case.sms_deadline:
                self._return(case)
                return VerifyResult(
                    False,
                    returned=True,
                    message_zh="核验已超时，订单已被退回。",
                    message_en="The verification window has closed: the order was returned.",
                )
            candidates = list(
                SmsChallenge.objects.select_for_update()
                .filter(case=case, mobile_index=blind_index(mobile, purpose="mobile"), verified_at__isnull=True)
                .order_by("pk")
            )
            if not candidates:
                return VerifyResult(
                    False,
                    message_zh="该手机号码无待核验的短信。",
                    message_en="This mobile number has no verification pending.",
                )
            # one person may be both principals: the code says which SMS is being answered
            challenge = next((c for c in candidates if c.code_hash == _hash(code)), candidates[0])
            if challenge.code_hash != _hash(code) or challenge.certificate_tail_hash != _hash(certificate_tail):
                challenge.wrong_attempts += 1
                challenge.save(update_fields=["wrong_attempts"])
                if challenge.wrong_attempts > limit:  # the 6th wrong attempt after 5 returns the order
                    self._return(case)
                    return VerifyResult(
                        False,
                        returned=True,
                        message_zh="错误次数过多，订单已被退回。",
                        message_en="Too many wrong attempts: the order was returned.",
                    )
                left = limit + 1 - challenge.wrong_attempts  # attempts before the one that returns included
                if left == 1:
                    return VerifyResult(
                        False,
                        message_zh="核验码或证件号码后六位不正确。再错一次，订单将被退回。",
                        message_en="Wrong code or certificate digits. One more wrong attempt returns the order.",
                    )
                return VerifyResult(
                    False,
                    message_zh=f"核验码或证件号码后六位不正确，还可尝试{left}次。",
                    message_en=f"Wrong code or certificate digits; {left} attempts left.",
                )
            challenge.verified_at = clock.now()
            challenge.save(update_fields=["verified_at"])
            pending = case.challenges.filter(verified_at__isnull=True).exists()
            if not pending:
                self._start_review(case)
            return VerifyResult(
                True,
                all_verified=not pending,
                message_zh="核验成功，已提交管局审核。" if not pending else "核验成功，等待其他负责人核验。",
                message_en="Verified: forwarded to the regulator."
                if not pending
                else "Verified: waiting for the other principal.",
            )

    def resend_sms(self, order, *, role: str = "", mobile: str = "") -> ResendResult:
        """A new code to the principal in `role` (or every unverified SMS of `mobile`); the old code stops
        working. Limited in number and spacing (`max_resends`, `resend_min_interval_seconds` of the
        reference setting `sms_verification`). The 24-hour window does not restart."""
        rules = sms_rules()
        max_resends, interval = int(rules["max_resends"]), int(rules["resend_min_interval_seconds"])
        now = clock.now()
        with transaction.atomic():
            case = latest_case(order, lock=True)
            if case is None or case.stage != RegulatorCase.Stage.SMS or (case.sms_deadline and now > case.sms_deadline):
                return ResendResult(
                    False, message_zh="当前无需短信核验。", message_en="No SMS verification is pending."
                )
            pending = SmsChallenge.objects.select_for_update().filter(case=case, verified_at__isnull=True)
            if role:
                pending = pending.filter(role=role)
            if mobile or not role:
                pending = pending.filter(mobile_index=blind_index(mobile, purpose="mobile"))
            challenges = list(pending.order_by("pk"))
            if not challenges:
                return ResendResult(
                    False,
                    message_zh="该负责人无待核验的短信。",
                    message_en="That principal has no verification pending.",
                )
            if any(c.resend_count >= max_resends for c in challenges):
                return ResendResult(
                    False,
                    message_zh=f"核验短信最多可重发{max_resends}次，已达上限。",
                    message_en=f"The code can be resent at most {max_resends} times; that limit is reached.",
                )
            wait = max(interval - int((now - c.sent_at).total_seconds()) for c in challenges)
            if wait > 0:
                return ResendResult(
                    False,
                    message_zh=f"发送过于频繁，请{wait}秒后再试。",
                    message_en=f"Sent too recently; try again in {wait} seconds.",
                )
            for challenge in challenges:
                challenge.resend_count += 1
                self._send_code(case, challenge.role, order, challenge=challenge)
        return ResendResult(
            True,
            sent=len(challenges),
            message_zh="已重新发送核验短信，旧核验码作废。",
            message_en="A new code was sent; the previous code no longer works.",
        )

    def _return(self, case: RegulatorCase) -> None:
        case.stage = RegulatorCase.Stage.RETURNED
        case.save(update_fields=["stage"])

    # --- review ------------------------------------------------------------------------------

    def _start_review(self, case: RegulatorCase) -> None:
        province = Province.objects.filter(code=case.province).first()
        days = review_working_days(
            case.order_id,
            province.expected_regulator_review_working_days if province else 20,
            type_review_span(case.order.filing_type),
        )
        case.stage = RegulatorCase.Stage.REVIEW
        case.review_started_at = clock.now()
        case.review_working_days = days
        case.decide_on = workdays.current_calendar().add_working_days(clock.today(), days)
        case.save(update_fields=["stage", "review_started_at", "review_working_days", "decide_on"])

    def decision_for(self, case: RegulatorCase) -> tuple[bool, str, str]:
        """(approve, reason code, regulator opinion) for a case whose review is over."""
        match = REJECT_TRIGGER.search(case.order.website.remark or "")
        if not match:
            return True, "", ""
        code = match.group(1) or DEFAULT_REJECT_REASON
        reason = RejectionReason.objects.filter(code=code).first()
        if reason is None:  # a trigger naming no catalogue reason still rejects with one
            reason = RejectionReason.objects.filter(code="OTHER").first()
            return False, reason.code if reason else "OTHER", f"沙箱驳回：{code}"
        return False, reason.code, reason.text_zh

    def progress(self) -> int:
        """Time out unverified SMS, return over-attempted ones, decide reviews that are due."""
        from beian.regulator.services import case_decide, case_returned  # services imports the adapters

        changed = 0
        now = clock.now()
        lapsed = RegulatorCase.objects.filter(adapter=self.name, stage=RegulatorCase.Stage.SMS, sms_deadline__lt=now)
        for case in lapsed:
            self._return(case)
            changed += 1
        for case in RegulatorCase.objects.filter(
            adapter=self.name, stage=RegulatorCase.Stage.RETURNED, order__status=states.SMS_VERIFICATION
        ):
            case_returned(case)
            changed += 1
        due = RegulatorCase.objects.filter(
            adapter=self.name,
            stage=RegulatorCase.Stage.REVIEW,
            decide_on__lte=clock.today(),
            order__status=states.REGULATOR_REVIEW,
        )
        for case in due.select_related("order__website"):
            approve, code, note = self.decision_for(case)
            try:
                case_decide(case, approve=approve, reason_code=code, note=note, decided_by="regulator-sandbox")
            except DomainError:
                logger.exception("sandbox could not decide case %s", case.reference)
                continue
            changed += 1
        return changed


def decision_days_refresh() -> int:
    """Recount the decision day of every open sandbox review on the current calendar (from the day
    the review started, the same number of working days). Returns how many moved."""
    calendar = workdays.current_calendar()
    moved = 0
    open_reviews = RegulatorCase.objects.filter(
        adapter="sandbox",
        stage=RegulatorCase.Stage.REVIEW,
        review_started_at__isnull=False,
        review_working_days__isnull=False,
    )
    for case in open_reviews.only("pk", "review_started_at", "review_working_days", "decide_on"):
        assert case.review_working_days is not None  # open_reviews excludes NULL
        due = calendar.add_working_days(timezone.localdate(case.review_started_at), case.review_working_days)
        if due != case.decide_on:
            moved += RegulatorCase.objects.filter(pk=case.pk, stage=RegulatorCase.Stage.REVIEW).update(decide_on=due)
    return moved
