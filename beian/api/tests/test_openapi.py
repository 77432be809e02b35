"""The OpenAPI document is one a partner can generate a client from: typed answers, one error shape, unique ids."""

import json

import pytest
from django.test import Client

from beian.api.api import api

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def spec():
    return json.loads(json.dumps(api.get_openapi_schema()))  # as published: status codes are strings


def _operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _schema(response):
    return response["content"]["application/json"]["schema"]


def test_the_published_document_is_the_one_the_code_describes(db, spec):
    published = Client().get("/api/openapi.json").json()
    assert published["paths"].keys() == spec["paths"].keys()
    assert published["openapi"].startswith("3.")


def test_every_operation_has_a_unique_id_a_tag_and_a_summary(spec):
    ids = [op.get("operationId") for _p, _m, op in _operations(spec)]
    assert all(ids) and len(ids) == len(set(ids)), ids
    for path, method, operation in _operations(spec):
        assert operation.get("tags"), (method, path)
        assert operation.get("summary"), (method, path)


def test_every_operation_documents_a_typed_success(spec):
    for path, method, operation in _operations(spec):
        successes = {code: r for code, r in operation["responses"].items() if code.startswith("2")}
        assert successes, (method, path)
        for response in successes.values():
            schema = _schema(response)
            if schema.get("type") == "array":
                schema = schema["items"]
            assert schema.get("$ref", "").startswith("#/components/schemas/"), (method, path, schema)


def test_every_error_response_is_the_error_shape(spec):
    """401 for every authenticated call, 404 for every order call, and each 4xx references ErrorOut (the SMS
    answer is ErrorOut plus `ok` and `all_verified`)."""
    schemas = spec["components"]["schemas"]
    error_fields = set(schemas["ErrorOut"]["properties"])
    assert {"code", "field", "message", "findings"} <= error_fields
    assert schemas["ErrorOut"]["properties"]["findings"]["items"]["$ref"] == "#/components/schemas/FindingOut"
    assert {"code", "severity", "field", "message", "fix"} <= set(schemas["FindingOut"]["properties"])
    for path, method, operation in _operations(spec):
        responses = operation["responses"]
        assert "401" in responses and "422" in responses, (method, path)
        if "{order_id}" in path:
            assert "404" in responses, (method, path)
        for code, response in responses.items():
            if not code.startswith("4"):
                continue
            ref = _schema(response)["$ref"]
            if ref != "#/components/schemas/ErrorOut":
                assert error_fields <= set(schemas[ref.rsplit("/", 1)[1]]["properties"]), (method, path, code)


# A repeat of these is harmless and must not replay the first answer: a launch link opens once (a retry
# gets a fresh one), and a rotated secret is not stored in the clear to be replayed (a retry rotates
# again; the secret before it is still accepted).
SAFE_TO_REPEAT = {"/api/v1/platform/launch-links", "/api/v1/platform/launch-links/secret"}


def test_mutating_operations_document_the_idempotency_key(spec):
    for path, method, operation in _operations(spec):
        if method == "get" or path in {"/api/v1/auth/token", "/api/v1/validate"} | SAFE_TO_REPEAT:
            continue  # reads, the token exchange and the stateless validator change nothing
        headers = [p for p in operation.get("parameters", []) if p["in"] == "header"]
        assert [h["name"] for h in headers] == ["Idempotency-Key"], (method, path)
        assert headers[0]["required"] is False


def test_submit_documents_the_acknowledged_warnings(spec):
    body = spec["paths"]["/api/v1/orders/{order_id}/submit"]["post"]["requestBody"]
    assert body["required"] is False
    submit_in = spec["components"]["schemas"]["SubmitIn"]["properties"]["acknowledged_warnings"]
    assert submit_in["type"] == "array" and submit_in["items"] == {"type": "string"}
    assert "warning" in submit_in["description"]


def test_the_order_data_is_described_field_by_field(spec):
    """A client generator sees the order's fields (from the field registry), not an opaque object."""
    data = spec["components"]["schemas"]["OrderOut"]["properties"]["data"]
    principal = data["properties"]["subject"]["properties"]["principal"]["properties"]
    assert principal["certificate_valid_until"]["format"] == "date"
    website = data["properties"]["websites"]["items"]["properties"]
    assert website["domain"]["type"] == "string"
    assert website["service_contents"]["type"] == "array"
    patch = spec["paths"]["/api/v1/orders/{order_id}"]["patch"]["requestBody"]["content"]["application/json"]
    assert "subject" in patch["schema"]["properties"]
