"""Both principals have the same fields: the pre-check says whose field a finding is about."""

from django.test import Client

from beian.filings import fields as order_fields
from tests.factories import valid_order


def test_the_precheck_names_the_principal_of_each_finding(applicant, hosted_site):
    order = valid_order(
        organisation=applicant.memberships.get().organisation,
        user=applicant,
        site=hosted_site,
        materials=False,
        overrides={"subject.principal.certificate_valid_until": None},
    )
    client = Client()
    client.force_login(applicant)
    client.cookies["django_language"] = "zh-hans"
    page = client.get(f"/apply/orders/{order.pk}/step/confirm/").content.decode()
    assert "主体负责人 证件有效期至" in page
    assert '<li class="muted">证件有效期至</li>' not in page  # never the bare, ambiguous label


def test_full_labels_say_whose_field_it_is():
    from django.utils import translation

    with translation.override("zh-hans"):
        assert (
            str(order_fields.BY_PATH["subject.principal.certificate_valid_until"].full_label)
            == "主体负责人 证件有效期至"
        )
        assert str(order_fields.BY_PATH["websites[0].principal.mobile"].full_label).startswith("网站负责人 ")
        assert str(order_fields.BY_PATH["websites[0].name"].full_label) == str(
            order_fields.BY_PATH["websites[0].name"].label
        )
