"""A filed order is judged against what was filed before it, never against its own result."""

from __future__ import annotations

from django.test import Client

from beian.filings import services, states
from beian.filings.models import Order
from beian.filings.validation import order_findings
from tests.factories import valid_order


def filed(order) -> Order:
    Order.objects.filter(pk=order.pk).update(status=states.REGULATOR_REVIEW)
    order = Order.objects.get(pk=order.pk)
    services.order_record_regulator_approval(order=order, actor_label="regulator")
    return Order.objects.get(pk=order.pk)


def test_a_filed_first_filing_does_not_contradict_its_own_filing(applicant, hosted_site, organisation):
    order = valid_order(organisation=organisation, user=applicant, site=hosted_site, materials=False)
    assert "order.filing_type.wrong" not in {f.code for f in order_findings(order)}
    order = filed(order)
    assert order.status == states.APPROVED and order.subject.filing_number and order.website.filing_number
    assert "order.filing_type.wrong" not in {f.code for f in order_findings(order)}

    client = Client()
    client.force_login(applicant)
    page = client.get(f"/apply/orders/{order.pk}/step/confirm/").content.decode()
    assert "NEW_ACCESS" not in page and "FIRST_FILING" not in page


def test_a_new_website_of_the_filed_subject_is_still_judged_against_the_earlier_filing(
    applicant, hosted_site, organisation
):
    first = filed(valid_order(organisation=organisation, user=applicant, site=hosted_site, materials=False))
    second = services.order_create_draft(organisation=organisation, user=applicant, hosted_site=hosted_site)
    assert second.filing_type == "NEW_WEBSITE" and second.subject_id == first.subject_id
    services.order_update(order=second, user=applicant, values={"websites[0].domain": first.website.domain})
    wrong = [f for f in order_findings(second) if f.code == "order.filing_type.wrong"]
    assert [f.params["expected"] for f in wrong] == ["NEW_ACCESS"]  # the domain was filed by the first order
    assert "NEW_ACCESS" not in wrong[0].message_zh and "新增接入" in wrong[0].message_zh
