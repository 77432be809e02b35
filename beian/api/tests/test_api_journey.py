"""The partner API journey: token, draft, update, upload, validate, submit, status and timeline."""

from django.test import Client

from beian.filings.fields import nest
from tests.factories import VALID_ENTERPRISE, material_files


def _api(token):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_openapi_is_published(db):
    spec = Client().get("/api/openapi.json").json()
    assert "/api/v1/orders" in spec["paths"]
    assert Client().get("/api/docs").status_code == 200


def test_unauthenticated_calls_get_a_json_error(db):
    response = Client().get("/api/v1/orders")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_wrong_password_is_refused(applicant):
    response = Client().post(
        "/api/v1/auth/token", {"username": "applicant", "password": "nope"}, content_type="application/json"
    )
    assert response.status_code == 401 and response.json()["code"] == "invalid_credentials"


def test_full_journey_over_the_api(applicant, hosted_site, django_capture_on_commit_callbacks):
    token = (
        Client()
        .post(
            "/api/v1/auth/token", {"username": "applicant", "password": "pw-applicant"}, content_type="application/json"
        )
        .json()["token"]
    )
    api = _api(token)

    created = api.post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="create-1"
    )
    assert created.status_code == 201
    order = created.json()
    again = api.post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="create-1"
    )
    assert again.json()["id"] == order["id"]  # replayed, not a second draft
    assert order["status"] == "DRAFT" and order["filing_type"] == "FIRST_FILING"

    bad = api.patch(
        f"/api/v1/orders/{order['id']}",
        {"subject": {"nature": 4, "certificate_type": 1, "certificate_number": "91110000600037341X"}},
        content_type="application/json",
    )
    assert bad.status_code == 200
    assert any(f["field"] == "subject.certificate_number" and f["severity"] == "error" for f in bad.json()["findings"])

    unknown = api.patch(
        f"/api/v1/orders/{order['id']}", {"subject": {"colour": "red"}}, content_type="application/json"
    )
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "field.unknown" and unknown.json()["field"] == "subject.colour"

    updated = api.patch(f"/api/v1/orders/{order['id']}", nest(VALID_ENTERPRISE), content_type="application/json")
    assert updated.status_code == 200, updated.json()
    body = updated.json()
    assert body["data"]["subject"]["principal"]["certificate_number"].startswith("110105")
    assert "*" in body["data"]["subject"]["principal"]["certificate_number"]  # masked

    early = api.post(f"/api/v1/orders/{order['id']}/submit", content_type="application/json")  # no body
    assert early.status_code == 422 and early.json()["code"] == "order.has_errors"
    assert any(f["code"] == "material.missing" for f in early.json()["findings"])

    for slot, (name, data) in material_files().items():
        from django.core.files.uploadedfile import SimpleUploadedFile

        # each upload queues its check after commit (the worker runs it; in tests, in-process)
        with django_capture_on_commit_callbacks(execute=True):
            uploaded = api.post(
                f"/api/v1/orders/{order['id']}/materials/{slot}", {"file": SimpleUploadedFile(name, data)}
            )
        assert uploaded.status_code == 201, (slot, uploaded.json())

    hostile = api.post(
        f"/api/v1/orders/{order['id']}/materials/owner_photo",
        {
            "file": __import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
                "x.jpg", b"PK\x03\x04zip"
            )
        },
    )
    assert hostile.status_code == 422 and hostile.json()["field"] == "materials.owner_photo"

    check = api.get(f"/api/v1/orders/{order['id']}/findings").json()
    assert check["ok"], [f for f in check["findings"] if f["severity"] == "error"]

    warnings = [f["code"] for f in check["findings"] if f["severity"] == "warning"]
    ack = {"acknowledged_warnings": warnings}
    submitted = api.post(
        f"/api/v1/orders/{order['id']}/submit", ack, content_type="application/json", HTTP_IDEMPOTENCY_KEY="submit-1"
    )
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == "PENDING_PROVIDER_REVIEW"
    replay = api.post(
        f"/api/v1/orders/{order['id']}/submit", ack, content_type="application/json", HTTP_IDEMPOTENCY_KEY="submit-1"
    )
    assert replay.status_code == 200  # the same answer, not an illegal-transition error

    status = api.get(f"/api/v1/orders/{order['id']}").json()
    assert status["status"] == "PENDING_PROVIDER_REVIEW"
    events = [e["event"] for e in api.get(f"/api/v1/orders/{order['id']}/timeline").json()]
    assert events[:2] == ["create", "submit"]

    locked = api.patch(
        f"/api/v1/orders/{order['id']}", {"subject": {"city": "上海市"}}, content_type="application/json"
    )
    assert locked.status_code == 403 and locked.json()["code"] == "field.locked"
