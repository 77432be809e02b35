"""Customer service over the API: an applicant asks about an order with a bearer token and reads
customer service's answer with its article link; another organisation's order is a 404."""

import pytest

from beian.support import selectors, services

pytestmark = pytest.mark.django_db


def bearer(client, username):
    token = client.post(
        "/api/v1/auth/token", {"username": username, "password": f"pw-{username}"}, content_type="application/json"
    ).json()["token"]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_an_applicant_asks_over_the_api_and_reads_the_answer(client, orders, applicant, reviewer, other_tenant):
    services.articles_load()
    services.canned_replies_load()
    order = orders.submitted()
    auth = bearer(client, "applicant")
    empty = client.get(f"/api/v1/support/orders/{order.pk}/messages", **auth).json()
    assert empty["id"] is None and empty["messages"] == []
    sent = client.post(
        f"/api/v1/support/orders/{order.pk}/messages",
        {"body": "审核要多久？"},
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="q-1",
        **auth,
    )
    assert sent.status_code == 201 and sent.json()["side"] == "applicant"
    again = client.post(
        f"/api/v1/support/orders/{order.pk}/messages",
        {"body": "审核要多久？"},
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="q-1",
        **auth,
    )
    assert again.json()["id"] == sent.json()["id"]  # replayed, not posted twice
    canned = selectors.canned_replies()[0]
    services.message_post(
        organisation=order.organisation, order=order, author=reviewer, body=canned.body_zh, canned_reply=canned
    )
    conversation = client.get(f"/api/v1/support/orders/{order.pk}/messages", **auth).json()
    assert conversation["status"] == "waiting" and conversation["unread"] == 1
    answer = conversation["messages"][-1]
    assert answer["side"] == "staff" and answer["author"] == ""  # staff names stay inside
    assert answer["articles"][0]["url"] == "/help/a/faq-review-time/"

    empty_body = client.post("/api/v1/support/messages", {"body": ""}, content_type="application/json", **auth)
    assert empty_body.status_code == 422
    general = client.post("/api/v1/support/messages", {"body": "发票怎么开？"}, content_type="application/json", **auth)
    assert general.status_code == 201
    assert len(client.get("/api/v1/support/messages", **auth).json()["messages"]) == 1

    other = bearer(client, other_tenant.username)
    assert client.get(f"/api/v1/support/orders/{order.pk}/messages", **other).status_code == 404
    assert client.get("/api/v1/support/messages", **other).json()["messages"] == []
