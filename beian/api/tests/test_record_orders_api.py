"""Changes and cancellations of a filed record through the partner API (issue 12, rules file §1.5–§1.7):
created from the record, filled in, reason and typed confirmation set, the diff against the record read,
submitted; the records after the regulator's approval (cancelled, removed domains, ended access, history);
another tenant neither reads nor targets them."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from beian.api.api import api
from beian.api.tests.test_api_behaviour import assert_error, bearer
from beian.filings import states
from beian.filings.models import Order, WebsiteFiling
from beian.hosting.models import HostedSite
from tests.builders import upload_materials
from tests.records import add_website_filing


def create(client, body: dict):
    return client.post("/api/v1/orders", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")


def patch(client, order_id: int, body: dict, path: str = ""):
    return client.patch(
        f"/api/v1/orders/{order_id}{path}", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )


def submit(client, order_id: int, warnings=()):
    return client.post(
        f"/api/v1/orders/{order_id}/submit",
        {"acknowledged_warnings": list(warnings)},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def website_target(number: str, kind: str = "CHANGE_WEBSITE") -> dict:
    return {"filing_type": kind, "target": {"website_number": number}}


def codes(body) -> list[str]:
    return sorted(f["code"] for f in body["findings"])


def test_a_website_change_is_created_filled_in_read_and_submitted(orders, applicant):
    website = orders.filed_record().websites.get()
    filed_name, filed_mobile = website.name, website.website.principal.mobile
    client = bearer(applicant)

    created = create(client, website_target(website.filing_number))
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["filing_type"] == "CHANGE_WEBSITE" and body["status"] == "DRAFT"
    assert body["target"]["website_filing_numbers"] == [website.filing_number]
    assert body["target"]["subject_filing_number"] == website.subject_filing.filing_number
    assert {"websites[0].name", "websites[0].other_domains"} <= set(body["editable_fields"])
    assert "websites[0].domain" not in body["editable_fields"] and "subject.name" not in body["editable_fields"]
    assert body["changes"] == {"record_diff": [], "domain_changes": [], "access": None}
    again = create(client, website_target(website.filing_number))
    assert again.status_code == 200 and again.json()["id"] == body["id"]  # one open order per record

    order_id = body["id"]
    assert_error(patch(client, order_id, {"websites": [{"domain": "other-domain.cn"}]}), 403, "field.locked")
    filled = patch(
        client,
        order_id,
        {
            "websites": [
                {"name": filed_name + "新版", "other_domains": ["示例.中国"], "principal": {"mobile": "13800138111"}}
            ]
        },
    )
    assert filled.status_code == 200, filled.content
    body = filled.json()
    diff = {row["path"]: row for row in body["changes"]["record_diff"]}
    assert set(diff) == {"websites[0].name", "websites[0].principal.mobile"}
    assert (diff["websites[0].name"]["old"], diff["websites[0].name"]["new"]) == (filed_name, filed_name + "新版")
    assert diff["websites[0].name"]["label"] == "Website name"
    assert diff["websites[0].principal.mobile"]["new"] == "138****8111"  # masked as in `data`
    assert body["changes"]["domain_changes"] == [
        {
            "website_index": 0,
            "added": [{"domain": "示例.中国", "domain_ascii": "xn--fsq092h.xn--fiqs8s"}],
            "removed": [],
        }
    ]
    [data] = body["data"]["websites"]
    assert data["other_domains"] == ["示例.中国"] and data["other_domains_ascii"] == ["xn--fsq092h.xn--fiqs8s"]
    text = json.dumps(body, ensure_ascii=False)
    assert "13800138111" not in text and filed_mobile not in text

    upload_materials(Order.objects.get(pk=order_id), applicant)  # a change still asks the full material set
    check = client.get(f"/api/v1/orders/{order_id}/findings").json()
    assert check["ok"], check
    warnings = [f["code"] for f in check["findings"] if f["severity"] == "warning"]
    submitted = submit(client, order_id, warnings)
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == states.PENDING_PROVIDER_REVIEW
    website.refresh_from_db()
    assert website.name == filed_name  # the record changes only when the regulator approves


def test_a_website_cancellation_asks_a_reason_and_the_typed_domain_then_is_submitted(orders, applicant):
    website = orders.filed_record().websites.get()
    client = bearer(applicant)

    reasons = client.get("/api/v1/cancellation-reasons?filing_type=CANCEL_WEBSITE", HTTP_ACCEPT_LANGUAGE="en")
    assert reasons.status_code == 200, reasons.content
    offered = {r["code"]: r for r in reasons.json()}
    assert {"SITE_CLOSED", "DOMAIN_LAPSED", "OTHER"} <= set(offered)
    assert "MOVED_TO_OTHER_PROVIDER" not in offered  # cancel access only
    assert "RESOURCES_EXPIRED" not in offered  # the provider's own reason
    assert offered["SITE_CLOSED"]["text"] == "The website is closed" and offered["SITE_CLOSED"]["text_zh"]

    created = create(client, website_target(website.filing_number, "CANCEL_WEBSITE"))
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["editable_fields"] == []
    request = body["request"]
    assert request["irreversible"] and request["confirmation_required"] and request["confirmation_asks"] == "domain"
    assert not request["confirmation_given"] and not request["confirmation_matches"]
    assert request["empty_shell"] == {"website": False, "subject": True}  # its only website

    order_id = body["id"]
    wrong = patch(
        client,
        order_id,
        {"reason_code": "SITE_CLOSED", "reason_note": "业务调整", "confirmation": "wrong-domain.cn"},
        "/request",
    )
    assert wrong.status_code == 200, wrong.content
    body = wrong.json()
    assert codes(body) == ["cancel.confirmation.mismatch"]
    assert body["request"]["reason_code"] == "SITE_CLOSED" and body["request"]["reason_text"] == "The website is closed"
    assert body["request"]["reason_note"] == "业务调整"
    assert body["request"]["confirmation_given"] and not body["request"]["confirmation_matches"]
    assert "wrong-domain.cn" not in json.dumps(body)  # what was typed is never echoed
    right = patch(client, order_id, {"confirmation": "DEMO-SHOP.CN"}, "/request").json()
    assert right["request"]["confirmation_matches"] and codes(right) == []
    assert right["request"]["reason_code"] == "SITE_CLOSED"  # keys left out keep their value

    check = client.get(f"/api/v1/orders/{order_id}/findings").json()
    assert check["ok"] and [f["code"] for f in check["findings"]] == ["cancel.empty_shell.subject"]
    assert_error(submit(client, order_id), 422, "order.warnings_unacknowledged")
    submitted = submit(client, order_id, ["cancel.empty_shell.subject"])
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == states.PENDING_PROVIDER_REVIEW
    assert_error(patch(client, order_id, {"reason_code": "OTHER"}, "/request"), 403, "order.not_editable")


def test_a_cancellations_eta_uses_its_own_review_length_and_no_sms(orders, applicant):
    order = orders.against_record("CANCEL_WEBSITE").draft()
    body = bearer(applicant).get(f"/api/v1/orders/{order.pk}/eta").json()
    assert not body["finished"] and body["hypothetical"] and body["done"]
    assert body["needs_sms"] is False
    review = next(e for e in body["estimates"] if e["stage"] == "regulator_review")
    assert (review["p50"], review["p90"]) == (1, 5)


def test_the_records_after_an_approved_change_removal_and_cancellation(orders, applicant):
    website = orders.filed_record().websites.get()
    number = website.filing_number
    change = orders.against_record(
        "CHANGE_WEBSITE",
        values={"websites[0].name": website.name + "新版", "websites[0].other_domains": ["added-domain.cn"]},
    ).approved(acknowledge_warnings=True)
    removal = orders.against_record("CHANGE_WEBSITE", values={"websites[0].other_domains": []}).approved(
        acknowledge_warnings=True
    )
    cancel = orders.against_record("CANCEL_WEBSITE", reason_code="DOMAIN_LAPSED").approved(acknowledge_warnings=True)
    assert {change.status, removal.status, cancel.status} == {states.APPROVED}
    client = bearer(applicant)

    response = client.get(f"/api/v1/filings/websites/{quote(number)}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    record = response.json()
    assert record["status"] == "cancelled" and record["name"] == website.name + "新版"
    assert record["subject_filing_number"] == website.subject_filing.filing_number
    assert record["domains"] == []
    removed = {d["domain"]: d for d in record["removed_domains"]}
    assert set(removed) == {"demo-shop.cn", "added-domain.cn"} and all(d["removed_at"] for d in removed.values())
    [access] = record["access_records"]
    assert access["status"] == "cancelled" and access["until"]
    history = [(e["action"], (e["order"] or {}).get("id")) for e in record["history"]]
    assert history == [
        ("website_filed", history[0][1]),
        ("domain_added", change.pk),
        ("website_changed", change.pk),
        ("domain_removed", removal.pk),
        ("website_changed", removal.pk),
        ("website_cancelled", cancel.pk),
    ]
    changed = record["history"][2]
    assert changed["fields"] == ["websites[0].name"] and changed["label"] == "Website information changed"
    assert record["history"][3]["domains"] == [{"domain": "added-domain.cn", "domain_ascii": "added-domain.cn"}]
    cancelled = record["history"][-1]
    assert cancelled["reason_code"] == "DOMAIN_LAPSED" and cancelled["reason_text"]
    assert record["last_changed_by_order"]["id"] == cancel.pk

    [subject] = client.get("/api/v1/filings").json()
    assert subject["websites"][0]["status"] == "cancelled"
    assert "website_cancelled" in [e["action"] for e in subject["history"]]

    assert_error(create(client, website_target(number)), 422, "record.not_active")


def test_refusals_name_the_field_and_the_reason(orders, applicant, hosted_site):
    record = orders.filed_record()
    website = record.websites.get()
    client = bearer(applicant)
    assert_error(create(client, {"filing_type": "CANCEL_WEBSITE"}), 422, "order.target_required", "target")
    assert_error(
        create(client, {"filing_type": "CANCEL_SUBJECT", "target": {"website_number": website.filing_number}}),
        422,
        "order.target_required",
        "target.subject_number",
    )
    assert_error(
        create(client, {**website_target(website.filing_number), "site_id": hosted_site.pk}),
        422,
        "invalid_request",
        "target",
    )
    assert_error(create(client, website_target(record.filing_number + "-9")), 404, "not_found", "target.website_number")
    assert_error(create(client, website_target(website.filing_number, "NEW_WEBSITE")), 422, "order.not_record_type")
    elsewhere = add_website_filing(record, domain="other-access.cn", provider_name="阿里云")
    assert_error(
        create(client, website_target(elsewhere.filing_number, "CANCEL_ACCESS")), 422, "record.not_accessed_here"
    )

    draft = create(client, website_target(website.filing_number)).json()
    body = assert_error(
        create(client, website_target(website.filing_number, "CANCEL_WEBSITE")), 422, "order.open_for_target"
    )
    assert draft["reference"] in body["message"]

    assert_error(
        client.get("/api/v1/cancellation-reasons?filing_type=CHANGE_WEBSITE"), 422, "invalid_request", "filing_type"
    )
    not_a_record_order = orders.draft(values=False)
    assert_error(
        patch(client, not_a_record_order.pk, {"reason_code": "OTHER"}, "/request"), 422, "order.not_record_type"
    )


def test_a_change_of_access_moves_the_website_to_another_of_your_sites(orders, applicant, organisation, other_tenant):
    website = orders.filed_record().websites.get()
    second = HostedSite.objects.create(organisation=organisation, slug="second-shop", title="第二个站点")
    theirs = HostedSite.objects.create(
        organisation=other_tenant.memberships.get().organisation, slug="their-shop", title="别人的站点"
    )
    client = bearer(applicant)
    body = create(client, website_target(website.filing_number, "CHANGE_ACCESS")).json()
    serving = body["site_id"]
    assert body["changes"]["access"] == {"from_site_id": serving, "to_site_id": serving}
    check = client.get(f"/api/v1/orders/{body['id']}/findings").json()
    assert "change.access.nothing_changed" in [f["code"] for f in check["findings"]]

    assert_error(
        patch(client, body["id"], {"hosted_site_id": theirs.pk}, "/request"), 404, "not_found", "hosted_site_id"
    )
    moved = patch(client, body["id"], {"hosted_site_id": second.pk}, "/request")
    assert moved.status_code == 200, moved.content
    moved = moved.json()
    assert moved["changes"]["access"] == {"from_site_id": serving, "to_site_id": second.pk}
    assert moved["request"]["hosted_site_id"] == second.pk and codes(moved) == []


def test_another_tenant_neither_reads_nor_targets_the_records(orders, applicant, other_tenant):
    record = orders.filed_record()
    website = record.websites.get()
    draft = orders.against_record("CANCEL_WEBSITE").draft()
    theirs = bearer(other_tenant)
    assert_error(create(theirs, website_target(website.filing_number)), 404, "not_found", "target.website_number")
    assert_error(
        create(theirs, {"filing_type": "CANCEL_SUBJECT", "target": {"subject_number": record.filing_number}}),
        404,
        "not_found",
        "target.subject_number",
    )
    assert_error(theirs.get(f"/api/v1/filings/websites/{quote(website.filing_number)}"), 404, "filing.not_found")
    assert theirs.get(f"/api/v1/orders/{draft.pk}").status_code == 404
    assert_error(patch(theirs, draft.pk, {"reason_code": "OTHER"}, "/request"), 404, "not_found")
    assert_error(submit(theirs, draft.pk, ["cancel.empty_shell.subject"]), 404, "not_found")
    assert theirs.get("/api/v1/filings").json() == []
    assert Order.objects.filter(organisation=other_tenant.memberships.get().organisation).count() == 0
    draft.refresh_from_db()
    assert draft.status == states.DRAFT and WebsiteFiling.objects.get().is_active


@pytest.fixture(scope="module")
def spec():
    return json.loads(json.dumps(api.get_openapi_schema()))


def test_the_openapi_document_describes_record_orders_and_records(spec):
    paths = spec["paths"]
    assert paths["/api/v1/orders/{order_id}/request"]["patch"]["operationId"] == "orders_update_request"
    assert paths["/api/v1/filings/websites/{number}"]["get"]["operationId"] == "filings_website_get"
    assert paths["/api/v1/cancellation-reasons"]["get"]["operationId"] == "cancellation_reasons_list"
    assert paths["/api/v1/orders/{order_id}/eta"]["get"]["operationId"] == "orders_eta"
    assert "order.open_for_target" in paths["/api/v1/orders"]["post"]["description"]
    schemas = spec["components"]["schemas"]
    assert {"subject_number", "website_number"} <= set(schemas["RecordTargetIn"]["properties"])
    assert "target" in schemas["CreateOrderIn"]["properties"]
    assert {"changes", "request"} <= set(schemas["OrderOut"]["properties"])
    assert {"path", "label", "old", "new"} <= set(schemas["FieldChangeOut"]["properties"])
    assert {"reason_code", "confirmation", "hosted_site_id"} <= set(schemas["OrderRequestIn"]["properties"])
    assert {"removed_domains", "access_records"} <= set(schemas["WebsiteFilingOut"]["properties"])
    assert {"action", "order", "fields", "reason_code"} <= set(schemas["RecordEventOut"]["properties"])
    assert "until" in schemas["AccessRecordOut"]["properties"]
    website = schemas["OrderOut"]["properties"]["data"]["properties"]["websites"]["items"]["properties"]
    assert website["other_domains"]["type"] == "array"
