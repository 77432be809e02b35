"""Signatures as Standard Webhooks has them, checked with its reference library."""

import datetime as dt
import json
import zoneinfo

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from beian.webhooks import signing


def _headers(secrets, body, at=None):
    at = at or dt.datetime.now(dt.UTC)
    return signing.headers(secrets, msg_id="msg_test1", timestamp=at, body=body)


def test_a_signed_body_verifies_with_the_endpoint_secret():
    secret = signing.new_secret()
    body = json.dumps({"type": "webhook.test", "data": {"order": {"id": 1}}})
    assert Webhook(secret).verify(body, _headers([secret], body)) == json.loads(body)


def test_a_changed_body_or_another_secret_does_not_verify():
    secret, other = signing.new_secret(), signing.new_secret()
    body = '{"type":"order.status_changed"}'
    headers = _headers([secret], body)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace("status", "statvs"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(other).verify(body, headers)


def test_during_a_rotation_each_secret_verifies_the_same_delivery():
    new, old = signing.new_secret(), signing.new_secret()
    body = '{"type":"order.filed"}'
    headers = _headers([new, old], body)
    assert headers["webhook-signature"].count("v1,") == 2
    assert Webhook(new).verify(body, headers) and Webhook(old).verify(body, headers)


def test_the_timestamp_is_the_instant_whatever_the_time_zone_it_is_given_in():
    """The library reads a datetime's wall clock as UTC: an instant in Asia/Shanghai (TIME_ZONE)
    would be signed 8 hours off and refused as too new."""
    secret = signing.new_secret()
    body = "{}"
    shanghai = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai"))
    assert Webhook(secret).verify(body, _headers([secret], body, at=shanghai)) == {}


def test_a_delivery_older_than_five_minutes_is_refused_by_the_receiver():
    secret = signing.new_secret()
    body = "{}"
    late = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=6)
    with pytest.raises(WebhookVerificationError, match="too old"):
        Webhook(secret).verify(body, _headers([secret], body, at=late))


def test_secrets_are_random_and_shown_by_their_prefix_only():
    first, second = signing.new_secret(), signing.new_secret()
    assert first != second and first.startswith("whsec_")
    assert signing.secret_prefix(first) == first[:10]
