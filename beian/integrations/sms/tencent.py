"""Tencent Cloud SMS (腾讯云短信, API 2021-01-11) through its official Python SDK.

SendSms is a TC3-HMAC-SHA256 signed JSON call: SmsSdkAppId, SignName, TemplateId, the numbers in
E.164 form (+86…) and TemplateParamSet (the {1}, {2}, … values in order). The answer is
{"Response": {"SendStatusSet": [{"Code": "Ok", "SerialNo": …}], "RequestId": …}}; a refusal of
one number is its status Code (LimitExceeded.…, InvalidParameterValue.…), a refusal of the call
{"Response": {"Error": {"Code": …, "Message": …}}}.
Error codes: https://cloud.tencent.com/document/product/382/52075
"""

from __future__ import annotations

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.sms.v20210111 import models as sms_models
from tencentcloud.sms.v20210111.sms_client import SmsClient

from beian.integrations.sms.base import (
    Failure,
    SmsGatewayError,
    SmsReceipt,
    SmsRequest,
    split_endpoint,
)
from beian.rules.contacts import national_number

DEFAULT_ENDPOINT = "sms.tencentcloudapi.com"
DEFAULT_REGION = "ap-guangzhou"

# Code prefixes (most specific first) -> what kind of failure they are.
PREFIXES: tuple[tuple[str, Failure], ...] = (
    ("FailedOperation.InsufficientBalanceInSmsPackage", Failure.BALANCE),
    ("FailedOperation.TemplateIncorrectOrUnapproved", Failure.TEMPLATE),
    ("FailedOperation.SignatureIncorrectOrUnapproved", Failure.SIGNATURE),
    ("FailedOperation.ContainSensitiveWord", Failure.CONTENT),
    ("FailedOperation.PhoneNumberInBlacklist", Failure.MOBILE),
    ("FailedOperation.PhoneNumberParseFail", Failure.MOBILE),
    ("InvalidParameterValue.IncorrectPhoneNumber", Failure.MOBILE),
    ("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", Failure.CONTENT),
    ("InvalidParameterValue.TemplateParameter", Failure.TEMPLATE),  # …FormatError, …LengthLimit
    ("InvalidParameterValue.TemplateWithDirtyWords", Failure.CONTENT),
    ("LimitExceeded.", Failure.RATE_LIMITED),  # PhoneNumberThirtySecondLimit, …OneHourLimit, …DailyLimit
    ("RequestLimitExceeded", Failure.RATE_LIMITED),
    ("InternalError", Failure.UNAVAILABLE),
    ("ResourceUnavailable", Failure.UNAVAILABLE),
    ("ClientNetworkError", Failure.UNAVAILABLE),
    ("ServerNetworkError", Failure.UNAVAILABLE),
    ("AuthFailure", Failure.CONFIGURATION),
    ("UnauthorizedOperation", Failure.CONFIGURATION),
)


def failure_of(code: str) -> Failure:
    for prefix, failure in PREFIXES:
        if code.startswith(prefix):
            return failure
    return Failure.CONFIGURATION  # an unknown refusal: an operator looks before it is sent again


class TencentGateway:
    name = "tencent"
    uses_templates = True

    def __init__(
        self,
        *,
        secret_id: str,
        secret_key: str,
        sdk_app_id: str,
        region: str = "",
        endpoint: str = "",
        timeout: float = 10.0,
    ):
        if not secret_id or not secret_key:
            raise SmsGatewayError(Failure.CONFIGURATION, "missing_credentials", "BEIAN_SMS_ACCESS_KEY_ID/SECRET")
        if not sdk_app_id:
            raise SmsGatewayError(Failure.CONFIGURATION, "missing_sdk_app_id", "BEIAN_SMS_TENCENT_SDK_APP_ID")
        scheme, host = split_endpoint(endpoint or DEFAULT_ENDPOINT)
        profile = ClientProfile(httpProfile=HttpProfile(protocol=scheme, endpoint=host, reqTimeout=int(timeout)))
        self.client = SmsClient(credential.Credential(secret_id, secret_key), region or DEFAULT_REGION, profile)
        self.sdk_app_id = sdk_app_id

    def send(self, request: SmsRequest) -> SmsReceipt:
        call = sms_models.SendSmsRequest()
        call.SmsSdkAppId = self.sdk_app_id
        call.SignName = request.sign_name
        call.TemplateId = request.template
        call.PhoneNumberSet = [f"+86{national_number(request.mobile)}"]
        call.TemplateParamSet = list(request.params.values())
        call.SessionContext = request.reference
        try:
            answer = self.client.SendSms(call)
        except TencentCloudSDKException as error:
            code = str(error.code or "ClientNetworkError")
            raise SmsGatewayError(failure_of(code), code, str(error.message or "")) from error
        except Exception as error:  # an answer the SDK could not read
            raise SmsGatewayError(Failure.UNAVAILABLE, type(error).__name__, str(error)[:300]) from error
        status = (answer.SendStatusSet or [None])[0]
        if status is None:
            raise SmsGatewayError(Failure.UNAVAILABLE, "no_status", "the answer named no number")
        if status.Code != "Ok":
            raise SmsGatewayError(failure_of(status.Code or ""), status.Code or "", status.Message or "")
        return SmsReceipt(message_id=status.SerialNo or "")
