"""The Aliyun and Tencent Cloud SMS adapters, through their official SDKs, against a local fake of
each service's SendSms (beian.integrations.tests.fake_sms): what the SDK asks for, signed with our
secret, and how each kind of answer comes back."""

from __future__ import annotations

import json
import socket

import pytest
from django.core.exceptions import ImproperlyConfigured

from beian.integrations import sms
from beian.integrations.sms.aliyun import AliyunGateway
from beian.integrations.sms.base import Failure, SmsGatewayError, SmsRequest, split_endpoint
from beian.integrations.sms.sandbox import SandboxGateway
from beian.integrations.sms.tencent import TencentGateway
from beian.integrations.tests.fake_sms import KEY_ID, KEY_SECRET, TENCENT_APP_ID, serving

REQUEST = SmsRequest(
    mobile="13800138000",
    sign_name="建站云",
    template="SMS_465300001",
    params={"role": "主体负责人", "name": "张*", "website": "demo-shop.cn", "code": "042137"},
    reference="17",
)


@pytest.fixture
def fake():
    with serving() as fake:
        yield fake


def aliyun(fake, secret=KEY_SECRET):
    return AliyunGateway(access_key_id=KEY_ID, access_key_secret=secret, endpoint=fake.endpoint)


def tencent(fake, secret=KEY_SECRET):
    return TencentGateway(secret_id=KEY_ID, secret_key=secret, sdk_app_id=TENCENT_APP_ID, endpoint=fake.endpoint)


def refused(gateway, request=REQUEST) -> SmsGatewayError:
    with pytest.raises(SmsGatewayError) as raised:
        gateway.send(request)
    return raised.value


# --- Aliyun ------------------------------------------------------------------------------------


def test_aliyun_sends_the_template_with_its_signature_and_named_params(fake):
    receipt = aliyun(fake).send(REQUEST)
    (call,) = fake.calls
    assert call.service == "aliyun" and call.action == "SendSms"
    assert call.signed and call.credential == KEY_ID  # ACS3-HMAC-SHA256 with our secret
    assert call.params["PhoneNumbers"] == "13800138000"
    assert call.params["SignName"] == "建站云" and call.params["TemplateCode"] == "SMS_465300001"
    assert json.loads(call.params["TemplateParam"]) == REQUEST.params
    assert call.params["OutId"] == "17"  # our message id comes back in delivery reports
    assert receipt.message_id == "900619746936498440^0"  # the BizId


def test_aliyun_number_written_with_the_country_code_goes_as_eleven_digits(fake):
    aliyun(fake).send(SmsRequest(mobile="+86 138-0013-8000", sign_name="s", template="SMS_1"))
    assert fake.calls[0].params["PhoneNumbers"] == "13800138000"


@pytest.mark.parametrize(
    "code, failure, retryable",
    [
        ("isv.BUSINESS_LIMIT_CONTROL", Failure.RATE_LIMITED, True),
        ("isv.AMOUNT_NOT_ENOUGH", Failure.BALANCE, True),
        ("isv.MOBILE_NUMBER_ILLEGAL", Failure.MOBILE, False),
        ("isv.SMS_TEMPLATE_ILLEGAL", Failure.TEMPLATE, False),
        ("isv.SMS_SIGNATURE_ILLEGAL", Failure.SIGNATURE, False),
    ],
)
def test_aliyun_business_refusals_say_what_went_wrong(fake, code, failure, retryable):
    fake.answer({"Code": code, "Message": "触发分钟级流控Permits:1", "RequestId": "x"})
    error = refused(aliyun(fake))
    assert (error.failure, error.code, error.retryable) == (failure, code, retryable)
    assert error.message == "触发分钟级流控Permits:1"


def test_aliyun_throttling_and_server_errors_are_tried_again(fake):
    fake.answer({"Code": "Throttling.User", "Message": "Request was denied due to user flow control."}, status=400)
    fake.answer({"Code": "ServiceUnavailable", "Message": "The request has failed."}, status=503)
    gateway = aliyun(fake)
    assert refused(gateway).failure == Failure.RATE_LIMITED
    error = refused(gateway)
    assert error.failure == Failure.UNAVAILABLE and error.retryable


def test_aliyun_with_a_wrong_secret_is_a_configuration_error(fake):
    error = refused(aliyun(fake, secret="wrong"))
    assert (error.failure, error.code, error.retryable) == (Failure.CONFIGURATION, "SignatureDoesNotMatch", False)


# --- Tencent Cloud -----------------------------------------------------------------------------


def test_tencent_sends_the_template_with_its_signature_and_ordered_params(fake):
    receipt = tencent(fake).send(REQUEST)
    (call,) = fake.calls
    assert call.service == "tencent" and call.action == "SendSms"
    assert call.signed and call.credential == KEY_ID  # TC3-HMAC-SHA256 with our secret
    assert call.params["PhoneNumberSet"] == ["+8613800138000"]  # E.164
    assert call.params["SmsSdkAppId"] == TENCENT_APP_ID
    assert call.params["SignName"] == "建站云" and call.params["TemplateId"] == "SMS_465300001"
    assert call.params["TemplateParamSet"] == ["主体负责人", "张*", "demo-shop.cn", "042137"]  # {1}…{4}
    assert call.params["SessionContext"] == "17"
    assert receipt.message_id == "2640:1245823000"  # the SerialNo


def test_tencent_refusal_of_the_number_is_read_from_its_send_status(fake):
    status = {"SerialNo": "", "PhoneNumber": "+8613800138000", "Fee": 0, "SessionContext": "17", "IsoCode": "CN"}
    code = "LimitExceeded.PhoneNumberThirtySecondLimit"
    fake.answer({"Response": {"SendStatusSet": [{**status, "Code": code, "Message": "30秒内重复"}], "RequestId": "r"}})
    error = refused(tencent(fake))
    assert (error.failure, error.code, error.retryable) == (Failure.RATE_LIMITED, code, True)


@pytest.mark.parametrize(
    "code, failure",
    [
        ("FailedOperation.TemplateIncorrectOrUnapproved", Failure.TEMPLATE),
        ("FailedOperation.SignatureIncorrectOrUnapproved", Failure.SIGNATURE),
        ("FailedOperation.InsufficientBalanceInSmsPackage", Failure.BALANCE),
        ("InvalidParameterValue.TemplateParameterLengthLimit", Failure.TEMPLATE),
        ("InternalError.Timeout", Failure.UNAVAILABLE),
        ("UnauthorizedOperation.SmsSdkAppIdVerifyFail", Failure.CONFIGURATION),
    ],
)
def test_tencent_refusals_of_the_call_say_what_went_wrong(fake, code, failure):
    fake.answer({"Response": {"Error": {"Code": code, "Message": "m"}, "RequestId": "r"}})
    error = refused(tencent(fake))
    assert (error.failure, error.code) == (failure, code)


def test_tencent_with_a_wrong_secret_is_a_configuration_error(fake):
    error = refused(tencent(fake, secret="wrong"))
    assert (error.failure, error.code, error.retryable) == (
        Failure.CONFIGURATION,
        "AuthFailure.SignatureFailure",
        False,
    )


# --- both --------------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_service_is_tried_again():
    endpoint = f"http://127.0.0.1:{_closed_port()}"
    for gateway in (
        AliyunGateway(access_key_id=KEY_ID, access_key_secret=KEY_SECRET, endpoint=endpoint, timeout=2),
        TencentGateway(
            secret_id=KEY_ID, secret_key=KEY_SECRET, sdk_app_id=TENCENT_APP_ID, endpoint=endpoint, timeout=2
        ),
    ):
        error = refused(gateway)
        assert error.failure == Failure.UNAVAILABLE and error.retryable, gateway.name


def test_missing_credentials_stop_before_any_request():
    with pytest.raises(SmsGatewayError) as raised:
        AliyunGateway(access_key_id="", access_key_secret="")
    assert raised.value.failure == Failure.CONFIGURATION
    with pytest.raises(SmsGatewayError) as raised:
        TencentGateway(secret_id=KEY_ID, secret_key=KEY_SECRET, sdk_app_id="")
    assert raised.value.code == "missing_sdk_app_id"


def test_the_setting_chooses_the_gateway_and_an_unknown_one_stops_start_up(settings):
    assert isinstance(sms.gateway(), SandboxGateway)  # the default: nothing leaves the machine
    settings.SMS_GATEWAY, settings.SMS_ACCESS_KEY_ID, settings.SMS_ACCESS_KEY_SECRET = "aliyun", KEY_ID, KEY_SECRET
    assert isinstance(sms.gateway(), AliyunGateway)
    settings.SMS_GATEWAY, settings.SMS_TENCENT_SDK_APP_ID = "Tencent", TENCENT_APP_ID
    assert isinstance(sms.gateway(), TencentGateway)
    settings.SMS_GATEWAY = "yunpian"
    with pytest.raises(ImproperlyConfigured):
        sms.check_configuration()


def test_an_endpoint_setting_may_be_a_host_or_a_url():
    assert split_endpoint("dysmsapi.aliyuncs.com") == ("https", "dysmsapi.aliyuncs.com")
    assert split_endpoint("http://127.0.0.1:8080/") == ("http", "127.0.0.1:8080")


def test_a_real_gateway_without_its_credentials_is_a_warning_of_manage_py_check(settings):
    assert sms.settings_check() == []  # the sandbox needs nothing
    settings.SMS_GATEWAY = "tencent"
    warnings = [w.msg for w in sms.settings_check()]
    assert len(warnings) == 2 and "BEIAN_SMS_ACCESS_KEY_ID" in warnings[0] and "SDK_APP_ID" in warnings[1]
    settings.SMS_ACCESS_KEY_ID, settings.SMS_ACCESS_KEY_SECRET, settings.SMS_TENCENT_SDK_APP_ID = "id", "key", "1400"
    assert sms.settings_check() == []
