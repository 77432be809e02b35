"""A realistic regulator sandbox (rules file §2): MIIT SMS verification to the principals the
filing type requires, a 24-hour window, a wrong-attempt limit, then a review lasting the
province's working days, ending in approval, or rejection when the order carries the demo
trigger `#sandbox-reject[:REASON_CODE]` in its website remark. Runs on the business clock."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from django.db import transaction

from beian.core import clock, workdays
from beian.core.crypto import blind_index
from beian.regulator.adapters.base import SubmitResult, VerifyResult
from beian.regulator.models import RegulatorCase, SmsChallenge
from beian.reference.snapshot import setting

REJECT_TRIGGER = re.compile(r"#sandbox-reject(?::([A-Z_]+))?")
DEFAULT_REJECT_REASON = "CONTENT_NOT_MATCH_NATURE"


def _hash(value: str) -> str:
    return hashlib.sha256((value or "").strip().upper().encode()).hexdigest()


def sms_rules() -> dict:
    return setting("sms_verification", {}) or {}


class SandboxRegulator:
    name = "sandbox"

    def submit(self, order, *, idempotency_key: str) -> SubmitResult:
        existing = RegulatorCase.objects.filter(idempotency_key=idempotency_key).first()
        if existing:  # the same push again (crash after sending): answer as before, never a second case
            return SubmitResult(existing.reference, tuple(existing.challenges.values_list("role", flat=True)))
        rules = sms_rules()
        roles = tuple(rules.get("targets_by_type", {}).get(order.filing_type, ()))
        now = clock.now()
        with transaction.atomic():
            case = RegulatorCase.objects.create(
                reference=f"SBX{now:%Y%m%d}{secrets.token_hex(4).upper()}", idempotency_key=idempotency_key,
                order=order, adapter=self.name, stage=RegulatorCase.Stage.SMS if roles else RegulatorCase.Stage.REVIEW,
                province=order.subject.province, received_at=now,
                sms_deadline=now + dt.timedelta(hours=rules.get("window_hours", 24)) if roles else None)
            if not roles:
                self._start_review(case)
            for role in roles:
                self._send_code(case, role, order)
        return SubmitResult(case.reference, roles)

    def _person(self, order, role):
        return order.subject.principal if role == "subject_principal" else order.website.principal

    def _send_code(self, case, role, order, challenge=None):
        from beian.notifications.services import sms_send

        person = self._person(order, role)
        code = f"{secrets.randbelow(10**6):06d}"
        if challenge is None:
            challenge = SmsChallenge(case=case, role=role)
        challenge.mobile_index = blind_index(person.mobile, purpose="mobile")
        challenge.code_hash = _hash(code)
        challenge.certificate_tail_hash = _hash(person.certificate_number[-6:])
        challenge.sent_at = clock.now()
        challenge.save()
        sms_send(mobile=person.mobile, order=order, purpose="miit_verification",
                 body=f"【工信部】您的ICP备案申请（{order.website.domain}）短信核验码：{code}，24小时内有效。"
                      f"请访问核验页面，输入核验码、手机号码及证件号码后六位完成核验。")

    def _case(self, order) -> RegulatorCase:
        return RegulatorCase.objects.filter(order=order).order_by("-received_at", "-pk").first()

    def verify_sms(self, order, *, mobile: str, code: str, certificate_tail: str) -> VerifyResult:
        rules = sms_rules()
        with transaction.atomic():
            case = self._case(order)
            if case is None or case.stage != RegulatorCase.Stage.SMS:
                return VerifyResult(False, message_zh="当前无需短信核验。", message_en="No SMS verification is pending.")
            if case.sms_deadline and clock.now() > case.sms_deadline:
                return VerifyResult(False, message_zh="核验已超时。", message_en="The verification window has closed.")
            candidates = list(SmsChallenge.objects.select_for_update()
                              .filter(case=case, mobile_index=blind_index(mobile, purpose="mobile"), verified_at__isnull=True)
                              .order_by("pk"))
            if not candidates:
                return VerifyResult(False, message_zh="该手机号码无待核验的短信。",
                                    message_en="This mobile number has no verification pending.")
            # one person may be both principals: the code says which SMS is being answered
            challenge = next((c for c in candidates if c.code_hash == _hash(code)), candidates[0])
            if challenge.code_hash != _hash(code) or challenge.certificate_tail_hash != _hash(certificate_tail):
                challenge.wrong_attempts += 1
                challenge.save(update_fields=["wrong_attempts"])
                limit = rules.get("max_wrong_attempts", 5)
                if challenge.wrong_attempts > limit:
                    case.stage = RegulatorCase.Stage.RETURNED
                    case.save(update_fields=["stage"])
                    return VerifyResult(False, returned=True, message_zh="错误次数过多，订单已被退回。",
                                        message_en="Too many wrong attempts: the order was returned.")
                left = limit - challenge.wrong_attempts
                return VerifyResult(False, message_zh=f"核验码或证件号码后六位不正确，还可尝试{left}次。",
                                    message_en=f"Wrong code or certificate digits; {left} attempts left.")
            challenge.verified_at = clock.now()
            challenge.save(update_fields=["verified_at"])
            pending = case.challenges.filter(verified_at__isnull=True).exists()
            if not pending:
                self._start_review(case)
            return VerifyResult(True, all_verified=not pending,
                                message_zh="核验成功，已提交管局审核。" if not pending else "核验成功，等待其他负责人核验。",
                                message_en="Verified: forwarded to the regulator." if not pending
                                else "Verified: waiting for the other principal.")

    def resend_sms(self, order, *, mobile: str) -> None:
        case = self._case(order)
        challenge = case.challenges.filter(mobile_index=blind_index(mobile, purpose="mobile"), verified_at__isnull=True).first() if case else None
        if challenge is None:
            return
        challenge.resend_count += 1
        self._send_code(case, challenge.role, order, challenge=challenge)

    def _start_review(self, case: RegulatorCase) -> None:
        from beian.reference.models import Province

        province = Province.objects.filter(code=case.province).first()
        days = province.expected_regulator_review_working_days if province else 20
        now = clock.now()
        case.stage = RegulatorCase.Stage.REVIEW
        case.review_started_at = now
        case.decide_on = workdays.current_calendar().add_working_days(now.date(), days)
        case.save(update_fields=["stage", "review_started_at", "decide_on"])

    def progress(self) -> int:
        """Time out unverified SMS, return over-attempted ones, decide reviews that are due."""
        from beian.regulator.services import case_decide, case_returned

        changed = 0
        now = clock.now()
        for case in RegulatorCase.objects.filter(adapter=self.name, stage=RegulatorCase.Stage.SMS, sms_deadline__lt=now):
            case.stage = RegulatorCase.Stage.RETURNED
            case.save(update_fields=["stage"])
            changed += 1
        for case in RegulatorCase.objects.filter(adapter=self.name, stage=RegulatorCase.Stage.RETURNED,
                                                 order__status="SMS_VERIFICATION"):
            case_returned(case)
            changed += 1
        today = clock.today()
        for case in RegulatorCase.objects.filter(adapter=self.name, stage=RegulatorCase.Stage.REVIEW, decide_on__lte=today):
            match = REJECT_TRIGGER.search(case.order.website.remark or "")
            if match:
                case_decide(case, approve=False, reason_code=match.group(1) or DEFAULT_REJECT_REASON,
                            note="", decided_by="regulator-sandbox")
            else:
                case_decide(case, approve=True, decided_by="regulator-sandbox")
            changed += 1
        return changed
