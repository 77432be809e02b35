"""SMS gateways behind one interface (base.SmsGateway), chosen by BEIAN_SMS_GATEWAY:

- `sandbox` (the default): nothing leaves the machine, the outbox row is the message;
- `aliyun`: Alibaba Cloud SMS, `tencent`: Tencent Cloud SMS, each through its official SDK.

Credentials, the endpoint (a local fake in tests: http://127.0.0.1:PORT) and Tencent's region and
SmsSdkAppId come from the environment (config.settings); the signature and the template of each
message purpose are operator-editable reference data (ReferenceSetting `sms_templates`), read by
beian.notifications. docs/sms.md says what to register with each provider.
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from beian.integrations.sms.base import Failure, SmsGateway, SmsGatewayError, SmsReceipt, SmsRequest

GATEWAYS = ("sandbox", "aliyun", "tencent")

__all__ = ["GATEWAYS", "Failure", "SmsGateway", "SmsGatewayError", "SmsReceipt", "SmsRequest", "gateway"]


def gateway_name() -> str:
    return (settings.SMS_GATEWAY or "sandbox").strip().lower()


def gateway() -> SmsGateway:
    """The configured gateway (the SDKs are imported only when their gateway is chosen). Raises
    SmsGatewayError(CONFIGURATION) when its credentials are missing."""
    name = gateway_name()
    if name == "aliyun":
        from beian.integrations.sms.aliyun import AliyunGateway  # only when chosen: it loads Aliyun's SDK

        return AliyunGateway(
            access_key_id=settings.SMS_ACCESS_KEY_ID,
            access_key_secret=settings.SMS_ACCESS_KEY_SECRET,
            endpoint=settings.SMS_ENDPOINT,
            timeout=settings.SMS_TIMEOUT,
        )
    if name == "tencent":
        from beian.integrations.sms.tencent import TencentGateway  # only when chosen: it loads Tencent's SDK

        return TencentGateway(
            secret_id=settings.SMS_ACCESS_KEY_ID,
            secret_key=settings.SMS_ACCESS_KEY_SECRET,
            sdk_app_id=settings.SMS_TENCENT_SDK_APP_ID,
            region=settings.SMS_REGION,
            endpoint=settings.SMS_ENDPOINT,
            timeout=settings.SMS_TIMEOUT,
        )
    if name == "sandbox":
        from beian.integrations.sms.sandbox import SandboxGateway  # like its siblings, loaded when chosen

        return SandboxGateway()
    raise SmsGatewayError(Failure.CONFIGURATION, "unknown_gateway", name)


def check_configuration() -> None:
    """At start-up: an unknown gateway name stops the process rather than every SMS failing later."""
    if gateway_name() not in GATEWAYS:
        raise ImproperlyConfigured(f"BEIAN_SMS_GATEWAY must be one of {', '.join(GATEWAYS)}, not {gateway_name()!r}")


def settings_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`manage.py check` (and every start): a real gateway without its credentials would fail every SMS."""
    name, problems = gateway_name(), []
    if name in ("aliyun", "tencent") and not (settings.SMS_ACCESS_KEY_ID and settings.SMS_ACCESS_KEY_SECRET):
        problems.append("BEIAN_SMS_ACCESS_KEY_ID and BEIAN_SMS_ACCESS_KEY_SECRET are empty")
    if name == "tencent" and not settings.SMS_TENCENT_SDK_APP_ID:
        problems.append("BEIAN_SMS_TENCENT_SDK_APP_ID is empty")
    return [
        checks.Warning(f"BEIAN_SMS_GATEWAY={name}: {problem}; every SMS will fail (see docs/sms.md).", id="beian.W_SMS")
        for problem in problems
    ]
