"""POST /api/v1/orders with the first step's inputs: the detected type, a requested type accepted or
refused with the right path, the order's target, one open order per target, §1.8 conflicts."""

from __future__ import annotations

from beian.api.tests.test_api_behaviour import assert_error, bearer
from beian.filings.models import Order
from tests.builders import VALID_ENTERPRISE

YUNFAN = {"province": "31", "nature": 4, "certificate_type": 1, "certificate_number": "913101156000210167"}
BEIJING = {
    "province": "11",
    "nature": 4,
    "certificate_type": 1,
    "certificate_number": VALID_ENTERPRISE["subject.certificate_number"],
}


def create(user, body: dict, language: str = "en"):
    return bearer(user).post("/api/v1/orders", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


def test_a_requested_new_access_that_detection_confirms(applicant, hosted_site):
    response = create(
        applicant, {"site_id": hosted_site.pk, "filing_type": "NEW_ACCESS", "domains": ["yunfan-tech.cn"], **YUNFAN}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["filing_type"] == "NEW_ACCESS" and body["site_id"] == hosted_site.pk
    assert body["target"] == {
        "subject_filing_number": "沪ICP备2021012345号",
        "website_filing_numbers": ["沪ICP备2021012345号-1"],
        "domains": ["yunfan-tech.cn"],
    }
    assert body["data"]["subject"]["name"] == "上海云帆信息技术有限公司"


def test_a_requested_type_that_detection_contradicts_is_refused_with_the_right_path(applicant, hosted_site):
    response = create(applicant, {"filing_type": "FIRST_FILING", "domains": ["yunfan-tech.cn"], **YUNFAN})
    body = assert_error(response, 422, "order.filing_type.requested_wrong", field="filing_type")
    assert "New access" in body["message"] and "沪ICP备2021012345号-1" in body["message"]
    assert body["findings"][0]["params"] == {"expected": "NEW_ACCESS", "actual": "FIRST_FILING"}
    zh = assert_error(
        create(applicant, {"filing_type": "FIRST_FILING", "domains": ["yunfan-tech.cn"], **YUNFAN}, "zh-hans"),
        422,
        "order.filing_type.requested_wrong",
    )
    assert "新增接入" in zh["message"]
    assert not Order.objects.exists()


def test_a_domain_filed_under_another_subject_is_refused(applicant):
    body = assert_error(
        create(applicant, {"domains": ["xinghe-net.cn"], **BEIJING}), 422, "website.domain.filed_by_other_subject"
    )
    assert body["field"] == "websites[0].domain"


def test_verify_inputs_must_be_complete(applicant):
    assert_error(
        create(applicant, {"domains": ["a.cn"], **BEIJING, "province": ""}), 422, "invalid_request", "province"
    )


def test_the_first_api_version_still_creates_a_draft_for_a_site(applicant, hosted_site):
    response = create(applicant, {"site_id": hosted_site.pk})
    assert response.status_code == 201 and response.json()["filing_type"] == "FIRST_FILING"
    assert response.json()["target"]["domains"] == ["demo-shop.cn"]
    again = create(applicant, {"site_id": hosted_site.pk, "filing_type": "FIRST_FILING"})
    assert again.status_code == 200 and again.json()["id"] == response.json()["id"]  # one open order per target
    # another type for the same target while its order is open: continue or abandon that order first
    body = assert_error(
        create(applicant, {"site_id": hosted_site.pk, "filing_type": "NEW_ACCESS"}), 422, "order.open_for_target"
    )
    assert response.json()["reference"] in body["message"]


def test_a_type_without_the_verify_inputs_is_refused(applicant, hosted_site):
    assert_error(
        create(applicant, {"site_id": hosted_site.pk, "filing_type": "NEW_ACCESS"}), 422, "order.verify_required"
    )


def test_many_creates_for_one_site_make_one_draft(applicant, hosted_site):
    """Regression: a fuzzing run made 621 drafts for one site."""
    answers = [create(applicant, {"site_id": hosted_site.pk}) for _ in range(5)]
    assert [r.status_code for r in answers] == [201, 200, 200, 200, 200]
    assert len({r.json()["id"] for r in answers}) == 1 and Order.objects.count() == 1


def test_a_domain_in_a_filing_in_progress_is_refused(applicant, orders, other_tenant):
    submitted = orders.submitted()
    body = assert_error(create(other_tenant, {"domains": ["demo-shop.cn"], **BEIJING}), 422, "order.domain_in_pipeline")
    assert submitted.reference not in body["message"]  # another tenant's order is named by nothing
