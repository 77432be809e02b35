"""Issue 15 §4 in the browser: the SMS gateway is Alibaba Cloud's (its SDK against a local fake of
the service that checks every signature). The provider refuses a notice's template; the operator
finds the failed SMS in the console's outbox with the reason and the provider's code, fixes the
template in the reference settings and sends it again: it goes out, with the provider's id."""

from __future__ import annotations

import pytest

from beian.integrations.tests.fake_sms import KEY_ID, KEY_SECRET, serving
from beian.notifications.models import SmsMessage
from beian.notifications.sms import sms_send
from beian.reference.models import ReferenceSetting

pytestmark = pytest.mark.e2e

PARAMS = {"role": "主体负责人", "name": "张*", "website": "demo-shop.cn", "reference": "BA-2026-000017"}


def login(page, base, username, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def test_the_operator_sends_a_refused_sms_again_after_fixing_its_template(live_server, page, shoot, operator, settings):
    with serving() as fake:
        settings.SMS_GATEWAY, settings.SMS_ENDPOINT = "aliyun", fake.endpoint
        settings.SMS_ACCESS_KEY_ID, settings.SMS_ACCESS_KEY_SECRET = KEY_ID, KEY_SECRET
        row = ReferenceSetting.objects.get(key="sms_templates")
        row.value["aliyun"]["sign_name"] = "建站云"
        row.value["aliyun"]["templates"]["notice:returned"]["template"] = "SMS_000000"
        row.save(update_fields=["value"])
        fake.answer({"Code": "isv.SMS_TEMPLATE_ILLEGAL", "Message": "模板不合法(不存在或被拉黑)", "RequestId": "x"})
        body = "【备案】主体负责人张*，网站示例科技官网（demo-shop.cn）：您的备案已被退回修改（BA-2026-000017）"
        message = sms_send(
            mobile="13812345678", body=body, purpose="notice:returned", params=PARAMS
        )  # commits: sent now
        message.refresh_from_db()
        assert message.status == "failed"

        login(page, live_server.url, "operator", "pw-operator")
        page.goto(f"{live_server.url}/operator/#sms-outbox")
        row_of = page.locator(f"#sms-{message.pk}")
        assert "失败" in row_of.inner_text() and "isv.SMS_TEMPLATE_ILLEGAL" in row_of.inner_text()
        assert "短信服务拒绝了模板或模板变量" in row_of.inner_text() and "138****5678" in row_of.inner_text()
        shoot(page, "sms-outbox-failed")

        row.value["aliyun"]["templates"]["notice:returned"]["template"] = "SMS_465300002"  # the approved one
        row.save(update_fields=["value"])
        row_of.get_by_role("button", name="重新发送").click()
        page.wait_for_selector(f"#sms-{message.pk}.sms-sent")
        text = page.locator(f"#sms-{message.pk}").inner_text()
        assert "已发送" in text and "900619746936498440^0" in text and "重新发送" not in text
        shoot(page, "sms-outbox-sent")
    assert [call.params["TemplateCode"] for call in fake.calls] == ["SMS_000000", "SMS_465300002"]
    assert SmsMessage.objects.get(pk=message.pk).gateway_message_id == "900619746936498440^0"
