"""The default gateway: nothing leaves the machine. The outbox row is the message, shown on the
operator console's SMS outbox (and read by the demo and the tests)."""

from __future__ import annotations

from beian.integrations.sms.base import SmsReceipt, SmsRequest


class SandboxGateway:
    name = "sandbox"
    uses_templates = False

    def send(self, request: SmsRequest) -> SmsReceipt:
        return SmsReceipt(message_id=f"sandbox-{request.reference}")
