"""Manual bridge: operators file on the real MIIT system by hand and record what happened here.

Submitting creates a case waiting for an operator; `record_*` in services move the order on."""
from __future__ import annotations

import secrets

from beian.core import clock
from beian.regulator.adapters.base import SubmitResult, VerifyResult
from beian.regulator.models import RegulatorCase


class ManualRegulator:
    name = "manual"

    def submit(self, order, *, idempotency_key: str) -> SubmitResult:
        case = RegulatorCase.objects.filter(idempotency_key=idempotency_key).first()
        if case is None:
            now = clock.now()
            case = RegulatorCase.objects.create(
                reference=f"MAN{now:%Y%m%d}{secrets.token_hex(4).upper()}", idempotency_key=idempotency_key,
                order=order, adapter=self.name, stage=RegulatorCase.Stage.REVIEW, province=order.subject.province,
                received_at=now, review_started_at=now)
        return SubmitResult(case.reference, ())

    def verify_sms(self, order, *, mobile: str, code: str, certificate_tail: str) -> VerifyResult:
        return VerifyResult(False, message_zh="请在工信部备案系统完成短信核验。",
                            message_en="Complete the SMS verification on the MIIT system.")

    def resend_sms(self, order, *, mobile: str) -> None:
        return None

    def progress(self) -> int:
        return 0
