"""The standing filing records: created and changed only by the regulator's approval, with history."""

from __future__ import annotations

from beian.filings import selectors, states
from beian.filings.models import AccessRecord, FiledDomain, Order, RecordEvent, SubjectFiling, WebsiteFiling
from beian.filings.records import wire_domain


def test_a_first_filing_approval_creates_the_subject_website_domain_and_access_records(orders, hosted_site):
    order = orders.approved()
    subject = SubjectFiling.objects.get()
    website = WebsiteFiling.objects.get()
    assert subject.filing_number == order.subject.filing_number and subject.filing_number.startswith("京ICP备")
    assert website.filing_number == order.website.filing_number == f"{subject.filing_number}-1"
    assert website.subject_filing == subject and website.website_id == order.website_id
    assert list(FiledDomain.objects.values_list("domain", flat=True)) == [wire_domain(order.website.domain)]
    access = AccessRecord.objects.get()
    assert access.is_ours and access.hosted_site == hosted_site and access.website_filing == website
    order = Order.objects.get(pk=order.pk)
    assert order.subject_filing == subject and order.website.website_filing == website
    history = list(RecordEvent.objects.values_list("action", "order_id"))
    assert history == [("subject_filed", order.pk), ("website_filed", order.pk)]


def test_records_are_found_by_certificate_and_domain_across_tenants(orders):
    order = orders.approved()
    record = SubjectFiling.objects.get()
    assert selectors.subject_filing_by_certificate(order.subject.certificate_number.lower()) == record
    assert selectors.website_filing_by_domain(wire_domain(order.website.domain)).subject_filing == record
    assert selectors.website_filing_by_domain("not-filed.cn") is None


def test_nothing_is_recorded_before_the_regulator_approves(orders):
    orders.build(states.REGULATOR_REVIEW)
    assert not SubjectFiling.objects.exists() and not WebsiteFiling.objects.exists()


def test_idn_domains_are_recorded_as_a_labels():
    assert wire_domain("Www.示例.中国.") == "xn--fsq092h.xn--fiqs8s"
    assert wire_domain("xn--fsq092h.xn--fiqs8s") == "xn--fsq092h.xn--fiqs8s"
    assert wire_domain("") == ""


def test_a_new_access_approval_keeps_the_numbers_and_records_the_other_providers_beside_ours(
    applicant, organisation, hosted_site
):
    from beian.filings import records, services
    from beian.filings.detection import VerifyInput

    verify = VerifyInput(
        province="31",
        nature=4,
        certificate_type=1,
        certificate_number="913101156000210167",
        domains=("yunfan-shop.com",),
    )
    order = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, verify=verify, requested_type="NEW_ACCESS"
    ).order
    records.records_apply_approval(order=order, actor_label="regulator-sandbox")
    subject = SubjectFiling.objects.get()
    website = WebsiteFiling.objects.get()
    assert subject.filing_number == "沪ICP备2021012345号" and website.filing_number == "沪ICP备2021012345号-2"
    assert subject.website_sequence == 2  # a later new website of this subject gets -3, never a used number
    accesses = {(a.is_ours, a.provider_name, a.hosted_site_id) for a in AccessRecord.objects.all()}
    assert accesses == {(True, "", hosted_site.pk), (False, "阿里云", None), (False, "华为云", None)}
    assert list(RecordEvent.objects.values_list("action", flat=True)) == [
        "subject_recorded",
        "website_recorded",
        "access_added",
    ]


def test_the_timeline_of_a_new_access_approval_says_the_numbers_stay(applicant, organisation, hosted_site):
    from django.utils import translation

    from beian.filings import services
    from beian.filings.detection import VerifyInput
    from beian.filings.models import OrderEvent

    verify = VerifyInput(
        province="31",
        nature=4,
        certificate_type=1,
        certificate_number="913101156000210167",
        domains=("yunfan-tech.cn",),
    )
    order = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, verify=verify, requested_type="NEW_ACCESS"
    ).order
    Order.objects.filter(pk=order.pk).update(status=states.REGULATOR_REVIEW)
    services.order_record_regulator_approval(order=Order.objects.get(pk=order.pk), actor_label="regulator-sandbox")
    event = OrderEvent.objects.get(order=order, event="regulator_approved")
    with translation.override("en"):
        assert event.label == "Approved by the regulator: our access added, the filing numbers stay"
    assert event.data["website_number"] == "沪ICP备2021012345号-1"
