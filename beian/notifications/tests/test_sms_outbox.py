"""The SMS outbox with a real gateway's SDK against a local fake of the service
(beian.integrations.tests.fake_sms): every SMS is a row, sent after the commit with the template and
signature the operator registered; refusals are recorded with the provider's code and a reason the
operator reads, tried again when waiting helps, failed (and audited) when it does not; the operator
sends a failed one again from the console."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from django.utils import translation

from beian.core import clock
from beian.core.jobs import run_periodic_jobs
from beian.core.models import AuditEvent
from beian.integrations.tests.fake_sms import KEY_ID, KEY_SECRET, TENCENT_APP_ID, serving
from beian.notifications import sms as outbox
from beian.notifications.models import SmsMessage
from beian.reference.models import ReferenceSetting

MOBILE = "13812345678"
PARAMS = {
    "role": "主体负责人",
    "name": "张*",
    "website": "demo-shop.cn",
    "website_name": "示例科技官网",
    "code": "042137",
    "deadline": "2026-12-06 10:00",
    "reference": "BA-2026-000017",
}


@pytest.fixture
def fake():
    with serving() as fake:
        yield fake


def use_gateway(settings, fake, name: str) -> None:
    """Point the gateway at the fake and register a signature and templates for it."""
    settings.SMS_GATEWAY, settings.SMS_ENDPOINT = name, fake.endpoint
    settings.SMS_ACCESS_KEY_ID, settings.SMS_ACCESS_KEY_SECRET = KEY_ID, KEY_SECRET
    settings.SMS_TENCENT_SDK_APP_ID = TENCENT_APP_ID
    row = ReferenceSetting.objects.get(key="sms_templates")
    config = row.value[name]
    config["sign_name"] = "建站云"
    for purpose, entry in config["templates"].items():
        entry["template"] = "SMS_465300001" if purpose == "miit_verification" else f"SMS_4653{len(purpose):05d}"
    row.save(update_fields=["value"])


def send(capture, purpose="miit_verification", **params) -> SmsMessage:
    with capture(execute=True):  # sent after the commit
        message = outbox.sms_send(mobile=MOBILE, body="核验码：042137", purpose=purpose, params=PARAMS | params)
    message.refresh_from_db()
    return message


def test_the_sandbox_is_the_default_and_sends_nothing_out(db, django_capture_on_commit_callbacks, fake):
    message = send(django_capture_on_commit_callbacks)
    assert (message.status, message.gateway, message.attempts) == ("sent", "sandbox", 1)
    assert message.sent_at is not None and not fake.calls


def test_nothing_is_sent_before_the_transaction_commits(db, settings, fake, django_capture_on_commit_callbacks):
    use_gateway(settings, fake, "aliyun")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = outbox.sms_send(mobile=MOBILE, body="b", purpose="miit_verification", params=PARAMS)
    assert SmsMessage.objects.get(pk=message.pk).status == "queued" and not fake.calls
    assert len(callbacks) == 1  # the kick, run once the business transaction is done


def test_aliyun_gets_the_registered_template_and_the_row_its_biz_id(
    db, settings, fake, django_capture_on_commit_callbacks
):
    use_gateway(settings, fake, "aliyun")
    message = send(django_capture_on_commit_callbacks)
    (call,) = fake.calls
    assert call.signed and call.params["SignName"] == "建站云" and call.params["TemplateCode"] == "SMS_465300001"
    # the values the purpose's template names, in its order (not the website's name, not the reference)
    assert json.loads(call.params["TemplateParam"]) == {
        "role": "主体负责人",
        "name": "张*",
        "website": "demo-shop.cn",
        "code": "042137",
        "deadline": "2026-12-06 10:00",
    }
    assert call.params["PhoneNumbers"] == MOBILE and call.params["OutId"] == str(message.pk)
    assert (message.status, message.gateway, message.gateway_message_id) == ("sent", "aliyun", "900619746936498440^0")


def test_tencent_gets_the_number_in_e164_and_the_values_in_order(
    db, settings, fake, django_capture_on_commit_callbacks
):
    use_gateway(settings, fake, "tencent")
    message = send(django_capture_on_commit_callbacks, purpose="notice:returned", link="https://beian.example/o/1")
    (call,) = fake.calls
    assert call.signed and call.params["PhoneNumberSet"] == ["+8613812345678"]
    assert call.params["SmsSdkAppId"] == TENCENT_APP_ID and call.params["SignName"] == "建站云"
    assert call.params["TemplateId"] == f"SMS_4653{len('notice:returned'):05d}"  # the notice kind's own template
    assert call.params["TemplateParamSet"] == ["主体负责人", "张*", "demo-shop.cn", "BA-2026-000017"]
    assert (message.status, message.gateway_message_id) == ("sent", "2640:1245823000")


def test_values_longer_than_the_providers_limit_are_cut(db, settings, fake, django_capture_on_commit_callbacks):
    use_gateway(settings, fake, "tencent")  # max_param_length 20 in the reference setting
    send(
        django_capture_on_commit_callbacks, purpose="notice:returned", website="a-very-long-domain-name-for-sms.com.cn"
    )
    assert fake.calls[0].params["TemplateParamSet"][2] == "a-very-long-domain-n"


def test_flow_control_is_recorded_and_tried_again_on_the_schedule(
    db, settings, fake, django_capture_on_commit_callbacks, caplog
):
    use_gateway(settings, fake, "aliyun")
    fake.answer({"Code": "isv.BUSINESS_LIMIT_CONTROL", "Message": "触发分钟级流控Permits:1", "RequestId": "x"})
    with caplog.at_level(logging.INFO, logger="beian.notifications.sms"):
        message = send(django_capture_on_commit_callbacks)
        assert (message.status, message.attempts, message.error_code) == ("queued", 1, "isv.BUSINESS_LIMIT_CONTROL")
        assert message.error_kind == "rate_limited" and message.error_message == "触发分钟级流控Permits:1"
        assert message.failure_reason.startswith("The SMS service limits how often this number may be texted")
        with translation.override("zh-hans"):
            assert message.failure_reason.startswith("短信服务限制了该号码的发送频率")
        assert message.next_attempt_at - clock.now() <= dt.timedelta(seconds=30)

        assert outbox.sms_process_due() == 0  # not before its time
        clock.advance(hours=30 / 3600)
        assert outbox.sms_process_due() == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.error_code) == ("sent", 2, "")
    assert len(fake.calls) == 2 and not AuditEvent.objects.filter(action="sms.failed").exists()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "138****5678" in logged and MOBILE not in logged  # numbers in logs are masked


def test_a_refusal_that_waiting_cannot_fix_fails_at_once_audited_and_the_operator_sends_it_again(
    db, settings, fake, django_capture_on_commit_callbacks, client, operator
):
    use_gateway(settings, fake, "tencent")
    code = "FailedOperation.TemplateIncorrectOrUnapproved"
    fake.answer({"Response": {"Error": {"Code": code, "Message": "template not approved"}, "RequestId": "r"}})
    message = send(django_capture_on_commit_callbacks)
    assert (message.status, message.error_kind, message.error_code) == ("failed", "template", code)
    event = AuditEvent.objects.get(action="sms.failed", target_id=str(message.pk))
    assert event.data["error_code"] == code and event.data["gateway"] == "tencent"

    client.force_login(operator)
    page = client.get("/operator/").content.decode()
    assert code in page and "短信服务拒绝了模板或模板变量" in page and "重新发送" in page  # the operator reads zh-hans

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/operator/sms/{message.pk}/resend/")
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("sent", 1) and len(fake.calls) == 2
    assert AuditEvent.objects.get(action="sms.resent").actor == operator
    # a message that did not fail is not sent twice
    client.post(f"/operator/sms/{message.pk}/resend/")
    assert len(fake.calls) == 2


def test_after_the_last_retry_the_message_has_failed(db, settings, fake, django_capture_on_commit_callbacks):
    use_gateway(settings, fake, "tencent")
    status = {"SerialNo": "", "PhoneNumber": "+8613812345678", "Fee": 0, "SessionContext": "", "IsoCode": "CN"}
    limited = {"Code": "LimitExceeded.PhoneNumberDailyLimit", "Message": "daily limit"}
    for _ in range(outbox.MAX_ATTEMPTS):
        fake.answer({"Response": {"SendStatusSet": [status | limited], "RequestId": "r"}})
    message = send(django_capture_on_commit_callbacks)
    for delay in outbox.RETRY_SCHEDULE:
        clock.advance(hours=delay.total_seconds() / 3600)
        outbox.sms_process_due()
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("failed", outbox.MAX_ATTEMPTS) == ("failed", 6)
    assert len(fake.calls) == 6 and AuditEvent.objects.filter(action="sms.failed").count() == 1


def test_a_purpose_without_a_registered_template_fails_and_says_so(
    db, settings, fake, django_capture_on_commit_callbacks
):
    use_gateway(settings, fake, "aliyun")
    row = ReferenceSetting.objects.get(key="sms_templates")
    row.value["aliyun"]["templates"]["miit_verification"]["template"] = ""
    row.save(update_fields=["value"])
    message = send(django_capture_on_commit_callbacks)
    assert (message.status, message.error_kind, message.error_code) == ("failed", "configuration", "no_template")
    assert "sms_templates.aliyun.templates.miit_verification" in message.error_message and not fake.calls


def test_an_unreachable_service_leaves_the_message_to_the_periodic_job(
    db, settings, fake, django_capture_on_commit_callbacks
):
    use_gateway(settings, fake, "aliyun")
    settings.SMS_ENDPOINT, settings.SMS_TIMEOUT = "http://127.0.0.1:9", 2  # nothing listens on the discard port
    message = send(django_capture_on_commit_callbacks)
    assert (message.status, message.error_kind) == ("queued", "unavailable")
    settings.SMS_ENDPOINT = fake.endpoint  # the service is back
    clock.advance(hours=1)
    assert run_periodic_jobs()["sms"] == 1  # the periodic job sends what is due
    message.refresh_from_db()
    assert message.status == "sent"


def test_a_row_whose_worker_died_while_sending_is_sent_by_the_periodic_job(db, settings, fake):
    use_gateway(settings, fake, "aliyun")
    message = outbox.sms_send(mobile=MOBILE, body="b", purpose="miit_verification", params=PARAMS)  # no commit here
    SmsMessage.objects.filter(pk=message.pk).update(status="sending", claimed_at=clock.now(), attempts=1)
    assert outbox.sms_process_due() == 0  # another worker may still be at it
    clock.advance(hours=outbox.STALE_CLAIM.total_seconds() / 3600 + 0.01)
    assert outbox.sms_process_due() == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("sent", 2) and len(fake.calls) == 1
