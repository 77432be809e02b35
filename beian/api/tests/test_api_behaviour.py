"""What a partner notices: auth, tenant isolation, idempotency, error shapes with field paths, locked fields,
uploads and listing. Orders are built without materials (no OCR); uploads here run no checks because the
check task is enqueued on commit, and a test's transaction never commits."""

from functools import cache

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from beian.accounts.models import ApiToken
from beian.api.models import IdempotencyRecord
from beian.filings import states
from beian.filings.models import Order
from beian.materials.models import Material
from tests.builders import VALID_ENTERPRISE
from tests.factories import material_files, valid_order

material_files = cache(material_files)  # the images are drawn once per run


def bearer(user):
    _row, key = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def assert_error(response, status, code, field=None):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) >= {"code", "field", "message", "findings"}, body
    assert body["code"] == code, body
    assert body["message"]
    if field is not None:
        assert body["field"] == field, body
    return body


def verify_inputs(domain: str) -> dict:
    """The first step's inputs for the Beijing enterprise of the builders, for one domain."""
    return {
        "province": "11",
        "nature": 4,
        "certificate_type": 1,
        "certificate_number": VALID_ENTERPRISE["subject.certificate_number"],
        "domains": [domain],
    }


@pytest.fixture
def order(applicant, hosted_site):
    return valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )


def _photo():
    name, data = material_files()["owner_photo"]
    return SimpleUploadedFile(name, data)


# --- authentication ----------------------------------------------------------------------------


def test_a_token_from_username_and_password_opens_the_api(applicant, hosted_site):
    response = Client().post(
        "/api/v1/auth/token", {"username": "applicant", "password": "pw-applicant"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["token_type"] == "Bearer"
    client = Client(HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}")
    assert [s["domain"] for s in client.get("/api/v1/sites").json()] == ["demo-shop.cn"]


def test_wrong_password_and_unknown_user_are_the_same_401(applicant):
    for credentials in ({"username": "applicant", "password": "nope"}, {"username": "nobody", "password": "x"}):
        response = Client().post("/api/v1/auth/token", credentials, content_type="application/json")
        assert_error(response, 401, "invalid_credentials", field="")


def test_missing_malformed_or_unknown_bearer_is_a_401_json_error(applicant, order):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer bk_not-a-token"}, {"HTTP_AUTHORIZATION": "Basic abc"}):
        for url in ("/api/v1/orders", f"/api/v1/orders/{order.pk}"):
            assert_error(Client(**headers).get(url), 401, "unauthenticated")
    assert_error(Client().post(f"/api/v1/orders/{order.pk}/submit"), 401, "unauthenticated")


def test_the_token_of_a_deactivated_user_no_longer_works(applicant):
    client = bearer(applicant)
    assert client.get("/api/v1/orders").status_code == 200
    applicant.is_active = False
    applicant.save(update_fields=["is_active"])
    assert_error(client.get("/api/v1/orders"), 401, "unauthenticated")


def test_an_account_without_organisation_is_refused_with_403(reviewer):
    assert_error(bearer(reviewer).get("/api/v1/orders"), 403, "permission_denied")


# --- tenant isolation --------------------------------------------------------------------------


def test_every_order_endpoint_hides_another_tenants_order(order, other_tenant):
    intruder = bearer(other_tenant)
    base = f"/api/v1/orders/{order.pk}"
    calls = [
        intruder.get(base),
        intruder.patch(base, {"subject": {"city": "上海市"}}, content_type="application/json"),
        intruder.post(f"{base}/materials/owner_photo", {"file": _photo()}),
        intruder.get(f"{base}/findings"),
        intruder.post(f"{base}/submit", {}, content_type="application/json"),
        intruder.get(f"{base}/timeline"),
        intruder.post(
            f"{base}/sms-verification",
            {"mobile": "13800000000", "code": "123456", "certificate_tail": "1234"},
            content_type="application/json",
        ),
    ]
    for response in calls:
        assert_error(response, 404, "not_found")
    order.refresh_from_db()
    assert order.status == states.DRAFT and order.subject.city != "上海市"
    assert not Material.objects.filter(order=order).exists()
    assert intruder.get("/api/v1/orders").json() == []


def test_a_draft_for_another_tenants_site_is_404_on_site_id(other_tenant, hosted_site):
    response = bearer(other_tenant).post("/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json")
    assert_error(response, 404, "not_found", field="site_id")
    assert not Order.objects.exists()


# --- idempotency -------------------------------------------------------------------------------


def test_create_with_the_same_key_replays_and_makes_one_order(applicant, hosted_site):
    client = bearer(applicant)
    first = client.post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    again = client.post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Order.objects.count() == 1
    other = client.post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-2"
    )
    # a new key is a new request, answered afresh: the site's open draft (one open order per target)
    assert other.status_code == 200 and other.json()["id"] == first.json()["id"]
    assert Order.objects.count() == 1


def test_the_same_key_with_a_different_body_is_refused(applicant, hosted_site):
    client = bearer(applicant)
    client.post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    reused = client.post(
        "/api/v1/orders", {"site_id": hosted_site.pk + 1}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert_error(reused, 422, "idempotency.key_reused", field="Idempotency-Key")
    assert Order.objects.count() == 1


def test_json_formatting_does_not_make_a_different_request(applicant, hosted_site):
    client = bearer(applicant)
    client.post("/api/v1/orders", f'{{"site_id": {hosted_site.pk}}}', "application/json", HTTP_IDEMPOTENCY_KEY="k")
    again = client.post(
        "/api/v1/orders", f'{{ "site_id":{hosted_site.pk} }}', "application/json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert again.status_code == 201 and Order.objects.count() == 1


def test_keys_belong_to_their_user(applicant, hosted_site, organisation):
    from beian.accounts.models import Membership, User

    colleague = User.objects.create_user(username="colleague", password="x", role="applicant")
    Membership.objects.create(user=colleague, organisation=organisation)
    for user, domain in ((applicant, "demo-shop.cn"), (colleague, "demo-blog.cn")):
        response = bearer(user).post(
            "/api/v1/orders",
            {"site_id": hosted_site.pk, **verify_inputs(domain)},
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY="same",
        )
        assert response.status_code == 201  # the colleague's key is not the applicant's: not a replay
    assert Order.objects.count() == 2


def test_an_upload_repeated_with_its_key_stores_one_version(applicant, order):
    client = bearer(applicant)
    url = f"/api/v1/orders/{order.pk}/materials/owner_photo"
    first = client.post(url, {"file": _photo()}, HTTP_IDEMPOTENCY_KEY="up-1")
    again = client.post(url, {"file": _photo()}, HTTP_IDEMPOTENCY_KEY="up-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Material.objects.filter(order=order, slot="owner_photo").count() == 1
    different = client.post(
        url,
        {"file": SimpleUploadedFile("other.jpg", material_files()["owner_id_back"][1])},
        HTTP_IDEMPOTENCY_KEY="up-1",
    )
    assert_error(different, 422, "idempotency.key_reused")


def test_a_key_longer_than_200_characters_is_refused(applicant, hosted_site):
    response = bearer(applicant).post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k" * 201
    )
    assert_error(response, 422, "invalid_request", field="Idempotency-Key")
    assert not Order.objects.exists()


def test_a_failed_call_does_not_use_up_its_key(applicant, order):
    """An error is not stored: after fixing the request, the same key works."""
    client = bearer(applicant)
    url = f"/api/v1/orders/{order.pk}"
    bad = client.patch(url, {"subject": {"colour": "red"}}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="p")
    assert_error(bad, 422, "field.unknown", field="subject.colour")
    assert not IdempotencyRecord.objects.exists()
    fixed = client.patch(
        url, {"subject": {"city": "北京市"}}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="p"
    )
    assert fixed.status_code == 200 and fixed.json()["data"]["subject"]["city"] == "北京市"


# --- validation errors with field paths --------------------------------------------------------


def test_a_body_that_does_not_match_the_schema_names_the_field(applicant, hosted_site):
    client = bearer(applicant)
    assert_error(
        client.post("/api/v1/orders", {"site_id": "abc"}, content_type="application/json"),
        422,
        "invalid_request",
        field="site_id",
    )
    assert_error(client.post("/api/v1/orders", {}, content_type="application/json"), 422, "invalid_request", "site_id")
    assert_error(client.post("/api/v1/orders", "{not json", content_type="application/json"), 400, "invalid_request")
    assert not Order.objects.exists()


def test_a_path_id_that_is_not_a_number_is_a_422(applicant):
    assert_error(bearer(applicant).get("/api/v1/orders/abc"), 422, "invalid_request", field="order_id")


def test_update_errors_carry_the_field_path(applicant, order):
    client = bearer(applicant)
    url = f"/api/v1/orders/{order.pk}"
    assert_error(
        client.patch(url, {"subject": {"nature": "four"}}, content_type="application/json"),
        422,
        "field.invalid",
        field="subject.nature",
    )
    assert_error(
        client.patch(url, {"websites": [{"principal": {"hair": "red"}}]}, content_type="application/json"),
        422,
        "field.unknown",
        field="websites[0].principal.hair",
    )
    findings = client.patch(url, {"websites": [{"domain": "not a domain"}]}, content_type="application/json").json()[
        "findings"
    ]
    assert findings and all(f["field"] == "websites[0].domain" for f in findings)
    assert all(f["message"] and f["code"] for f in findings)


def test_submit_with_errors_lists_the_findings(applicant, order):
    body = assert_error(bearer(applicant).post(f"/api/v1/orders/{order.pk}/submit"), 422, "order.has_errors")
    missing = [f for f in body["findings"] if f["code"] == "material.missing"]
    assert missing and all(f["field"].startswith("materials.") and f["severity"] == "error" for f in missing)
    order.refresh_from_db()
    assert order.status == states.DRAFT


def test_submitting_an_order_in_review_is_a_409(applicant, order):
    Order.objects.filter(pk=order.pk).update(status=states.PENDING_PROVIDER_REVIEW)
    response = bearer(applicant).post(
        f"/api/v1/orders/{order.pk}/submit", {"acknowledged_warnings": []}, content_type="application/json"
    )
    assert_error(response, 409, "order.illegal_transition")


# --- locked fields -----------------------------------------------------------------------------


def test_in_review_every_field_is_locked(applicant, order):
    Order.objects.filter(pk=order.pk).update(status=states.PENDING_PROVIDER_REVIEW)
    client = bearer(applicant)
    response = client.patch(
        f"/api/v1/orders/{order.pk}", {"subject": {"city": "上海市"}}, content_type="application/json"
    )
    assert_error(response, 403, "field.locked", field="subject.city")
    assert client.get(f"/api/v1/orders/{order.pk}").json()["editable_fields"] == []
    order.subject.refresh_from_db()
    assert order.subject.city != "上海市"
    assert_error(
        client.post(f"/api/v1/orders/{order.pk}/materials/owner_photo", {"file": _photo()}),
        403,
        "material.locked",
        field="materials.owner_photo",
    )


def test_after_a_return_only_the_returned_fields_are_open(applicant, order):
    Order.objects.filter(pk=order.pk).update(
        status=states.PROVIDER_NEEDS_CHANGES,
        returned_fields=[{"field": "subject.city", "reason_code": "OTHER", "note": "请填写市"}],
    )
    client = bearer(applicant)
    url = f"/api/v1/orders/{order.pk}"
    body = client.get(url).json()
    assert body["editable_fields"] == ["subject.city"]
    assert body["returned_fields"] == [{"field": "subject.city", "reason_code": "OTHER", "note": "请填写市"}]
    assert_error(
        client.patch(url, {"subject": {"name": "别的公司"}}, content_type="application/json"),
        403,
        "field.locked",
        field="subject.name",
    )
    updated = client.patch(url, {"subject": {"city": "北京市"}}, content_type="application/json")
    assert updated.status_code == 200 and updated.json()["data"]["subject"]["city"] == "北京市"


# --- uploads -----------------------------------------------------------------------------------


def test_an_upload_is_stored_and_shown_on_the_order(applicant, order):
    client = bearer(applicant)
    url = f"/api/v1/orders/{order.pk}/materials/owner_photo"
    first = client.post(url, {"file": _photo()})
    assert first.status_code == 201
    assert first.json() == {"slot": "owner_photo", "version": 1, "check_status": "pending", "findings": []}
    second = client.post(url, {"file": _photo()})
    assert second.json()["version"] == 2
    materials = client.get(f"/api/v1/orders/{order.pk}").json()["materials"]
    assert [(m["slot"], m["version"]) for m in materials] == [("owner_photo", 2)]
    findings = client.get(f"/api/v1/orders/{order.pk}/findings").json()
    assert not any(
        f["field"] == "materials.owner_photo" for f in findings["findings"] if f["code"] == "material.missing"
    )


def test_an_upload_to_a_slot_the_filing_does_not_have_is_refused(applicant, order):
    response = bearer(applicant).post(f"/api/v1/orders/{order.pk}/materials/passport_scan", {"file": _photo()})
    assert_error(response, 422, "material.unknown_slot", field="materials.passport_scan")
    assert not Material.objects.exists()


def test_an_upload_without_a_file_names_the_file_field(applicant, order):
    response = bearer(applicant).post(f"/api/v1/orders/{order.pk}/materials/owner_photo", {})
    assert_error(response, 422, "invalid_request", field="file")


# --- listing -----------------------------------------------------------------------------------


def test_the_list_shows_the_tenants_orders_newest_first(applicant, hosted_site, order, other_tenant):
    client = bearer(applicant)
    newer = client.post(
        "/api/v1/orders", {"site_id": hosted_site.pk, **verify_inputs("demo-blog.cn")}, content_type="application/json"
    ).json()
    listed = client.get("/api/v1/orders").json()
    assert [o["id"] for o in listed] == [newer["id"], order.pk]
    assert listed[1]["data"]["subject"]["name"] == order.subject.name
    assert "*" in listed[1]["data"]["subject"]["principal"]["certificate_number"]  # masked in lists too
    assert bearer(other_tenant).get("/api/v1/orders").json() == []


def test_the_timeline_starts_with_the_creation(applicant, order):
    events = bearer(applicant).get(f"/api/v1/orders/{order.pk}/timeline").json()
    assert events[0]["event"] == "create" and events[0]["to_status"] == states.DRAFT
