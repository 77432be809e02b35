"""The sandbox SMS outbox shows each mobile masked; the operator reveals one (audited) on request."""

from __future__ import annotations

from beian.core.models import AuditEvent
from beian.notifications.services import sms_send

MOBILE = "13812345678"


def test_the_outbox_masks_mobiles_and_a_reveal_is_audited(client, operator, reviewer):
    message = sms_send(mobile=MOBILE, body="核验码：123456", purpose="verification")
    client.force_login(operator)
    page = client.get("/operator/").content.decode()
    assert "138****5678" in page and MOBILE not in page
    assert not AuditEvent.objects.filter(action="pii.revealed").exists()

    response = client.post(f"/operator/sms/{message.pk}/reveal/")
    assert response.status_code == 200 and MOBILE in response.content.decode()
    event = AuditEvent.objects.get(action="pii.revealed")
    assert event.actor == operator and event.data["field"] == "sms.mobile" and event.target_id == str(message.pk)

    client.force_login(reviewer)
    assert client.post(f"/operator/sms/{message.pk}/reveal/").status_code == 403
    assert AuditEvent.objects.filter(action="pii.revealed").count() == 1


def test_revealing_an_unknown_message_is_not_found(client, operator):
    client.force_login(operator)
    assert client.post("/operator/sms/999999/reveal/").status_code == 404
    assert not AuditEvent.objects.filter(action="pii.revealed").exists()
