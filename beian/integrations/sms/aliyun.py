"""Alibaba Cloud SMS (阿里云短信服务, Dysmsapi 2017-05-25) through its official Python SDK.

SendSms is an RPC-style call: the phone number, signature (SignName), template code
(TemplateCode, SMS_…) and template parameters (TemplateParam, a JSON object of ${name} values)
go in the query; the answer is JSON {"Code": "OK", "BizId": …} or {"Code": "isv.…", "Message": …}.
Error codes: https://help.aliyun.com/zh/sms/developer-reference/api-error-codes
"""

from __future__ import annotations

import json

from alibabacloud_dysmsapi20170525 import models as dysms
from alibabacloud_dysmsapi20170525.client import Client
from alibabacloud_tea_openapi import exceptions as openapi_errors
from alibabacloud_tea_openapi import utils_models as openapi_models
from darabonba.runtime import RuntimeOptions

from beian.integrations.sms.base import (
    Failure,
    SmsGatewayError,
    SmsReceipt,
    SmsRequest,
    split_endpoint,
)
from beian.rules.contacts import national_number

DEFAULT_ENDPOINT = "dysmsapi.aliyuncs.com"

# Business codes of SendSms (the answer's Code) -> what kind of failure they are.
CODES: dict[str, Failure] = {
    "isv.BUSINESS_LIMIT_CONTROL": Failure.RATE_LIMITED,  # per-number minute/hour/day flow control
    "isv.DAY_LIMIT_CONTROL": Failure.RATE_LIMITED,
    "isv.MOBILE_COUNT_OVER_LIMIT": Failure.RATE_LIMITED,
    "isp.SYSTEM_ERROR": Failure.UNAVAILABLE,
    "isv.AMOUNT_NOT_ENOUGH": Failure.BALANCE,
    "isv.OUT_OF_SERVICE": Failure.BALANCE,  # suspended for arrears
    "isv.SMS_TEMPLATE_ILLEGAL": Failure.TEMPLATE,
    "isv.TEMPLATE_MISSING_PARAMETERS": Failure.TEMPLATE,
    "isv.TEMPLATE_PARAMS_ILLEGAL": Failure.TEMPLATE,
    "isv.PARAM_LENGTH_LIMIT": Failure.TEMPLATE,
    "isv.INVALID_JSON_PARAM": Failure.TEMPLATE,
    "isv.INVALID_PARAMETERS": Failure.TEMPLATE,
    "isv.SMS_SIGNATURE_ILLEGAL": Failure.SIGNATURE,
    "isv.SMS_SIGN_ILLEGAL": Failure.SIGNATURE,
    "isv.SIGN_NAME_ILLEGAL": Failure.SIGNATURE,
    "isv.MOBILE_NUMBER_ILLEGAL": Failure.MOBILE,
    "isv.BLACK_KEY_CONTROL_LIMIT": Failure.CONTENT,
    "isv.SMS_CONTENT_ILLEGAL": Failure.CONTENT,
    "isv.ACCOUNT_NOT_EXISTS": Failure.CONFIGURATION,
    "isv.ACCOUNT_ABNORMAL": Failure.CONFIGURATION,
    "isv.DENY_IP_RANGE": Failure.CONFIGURATION,
    "isp.RAM_PERMISSION_DENY": Failure.CONFIGURATION,
    "isv.PRODUCT_UN_SUBSCRIPT": Failure.CONFIGURATION,
    "InvalidAccessKeyId.NotFound": Failure.CONFIGURATION,
    "SignatureDoesNotMatch": Failure.CONFIGURATION,
}


def failure_of(code: str) -> Failure:
    if code in CODES:
        return CODES[code]
    if "LIMIT" in code.upper() or code.startswith("Throttling"):
        return Failure.RATE_LIMITED
    if code.startswith("isp."):
        return Failure.UNAVAILABLE
    return Failure.CONFIGURATION  # an unknown refusal: an operator looks before it is sent again


class AliyunGateway:
    name = "aliyun"
    uses_templates = True

    def __init__(self, *, access_key_id: str, access_key_secret: str, endpoint: str = "", timeout: float = 10.0):
        if not access_key_id or not access_key_secret:
            raise SmsGatewayError(Failure.CONFIGURATION, "missing_credentials", "BEIAN_SMS_ACCESS_KEY_ID/SECRET")
        scheme, host = split_endpoint(endpoint or DEFAULT_ENDPOINT)
        self.client = Client(
            openapi_models.Config(
                access_key_id=access_key_id,
                access_key_secret=access_key_secret,
                endpoint=host,
                protocol=scheme,
            )
        )
        # one attempt per call: the outbox retries on its own schedule
        self.runtime = RuntimeOptions(
            autoretry=False, read_timeout=int(timeout * 1000), connect_timeout=int(timeout * 1000)
        )

    def send(self, request: SmsRequest) -> SmsReceipt:
        call = dysms.SendSmsRequest(
            phone_numbers=national_number(request.mobile),
            sign_name=request.sign_name,
            template_code=request.template,
            template_param=json.dumps(request.params, ensure_ascii=False) if request.params else None,
            out_id=request.reference or None,
        )
        try:
            answer = self.client.send_sms_with_options(call, self.runtime).body
        except openapi_errors.ThrottlingException as error:
            raise SmsGatewayError(Failure.RATE_LIMITED, str(error.code), str(error.message or "")) from error
        except openapi_errors.ServerException as error:
            raise SmsGatewayError(Failure.UNAVAILABLE, str(error.code), str(error.message or "")) from error
        except openapi_errors.ClientException as error:
            raise SmsGatewayError(failure_of(str(error.code)), str(error.code), str(error.message or "")) from error
        except Exception as error:  # network, timeout, an answer that is not JSON
            raise SmsGatewayError(Failure.UNAVAILABLE, type(error).__name__, str(error)[:300]) from error
        if answer is None or answer.code != "OK":
            code = (answer.code if answer else None) or "no_answer"
            raise SmsGatewayError(failure_of(code), code, (answer.message if answer else "") or "")
        return SmsReceipt(message_id=answer.biz_id or "")
