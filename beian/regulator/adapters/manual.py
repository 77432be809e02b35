"""Manual bridge: operators file on the real MIIT system by hand and record what happened here.

Submitting opens a case waiting for an operator (the principals verify by SMS on MIIT's own site);
the operator console records the regulator's number or rejection with evidence
(services.case_record_manual_decision) and the order moves on as with the sandbox."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from beian.core import clock
from beian.filings.changes import record_summary
from beian.regulator.adapters.base import ResendResult, SubmitResult, VerifyResult
from beian.regulator.models import RegulatorCase


class ManualRegulator:
    name = "manual"

    def submit(self, order, *, idempotency_key: str) -> SubmitResult:
        case = RegulatorCase.objects.filter(idempotency_key=idempotency_key).first()
        if case is not None:
            return SubmitResult(case.reference, (), replayed=True)
        now = clock.now()
        try:
            with transaction.atomic():
                case = RegulatorCase.objects.create(
                    reference=f"MAN{now:%Y%m%d}{secrets.token_hex(4).upper()}",
                    idempotency_key=idempotency_key,
                    order=order,
                    adapter=self.name,
                    stage=RegulatorCase.Stage.REVIEW,
                    province=order.subject.province,
                    received_at=now,
                    summary=record_summary(order),
                    review_started_at=now,
                )
        except IntegrityError:
            return SubmitResult(RegulatorCase.objects.get(idempotency_key=idempotency_key).reference, (), replayed=True)
        return SubmitResult(case.reference, ())

    def verify_sms(self, order, *, mobile: str, code: str, certificate_tail: str) -> VerifyResult:
        return VerifyResult(
            False,
            message_zh="请在工信部备案系统完成短信核验。",
            message_en="Complete the SMS verification on the MIIT system.",
        )

    def resend_sms(self, order, *, role: str = "", mobile: str = "") -> ResendResult:
        return ResendResult(
            False,
            message_zh="请在工信部备案系统重新获取核验短信。",
            message_en="Request a new code on the MIIT system.",
        )

    def progress(self) -> int:
        return 0
