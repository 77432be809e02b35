"""The demo's signed verification form: the order's own form, so the automated form check finds it
this order's; only the order's tenant gets it, and the materials step offers it under demo tools."""

import io

import pytest
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from beian.filings import services
from beian.materials.checks.form import COMPARED_ROWS, form_order_findings
from beian.materials.checks.ocr import read_text
from beian.materials.verification_data import verification_form_data


@pytest.fixture
def order(applicant, organisation, hosted_site):
    from tests.factories import VALID_ENTERPRISE

    order = services.order_create_draft(organisation=organisation, user=applicant, hosted_site=hosted_site)
    services.order_update(order=order, user=applicant, values=VALID_ENTERPRISE)
    return order


def test_the_signed_form_is_this_orders_form(client, applicant, order):
    client.force_login(applicant)
    response = client.get(reverse("demo:signed_form", args=[order.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert order.reference in response["Content-Disposition"]
    lines = read_text(Image.open(io.BytesIO(response.content)))  # real OCR: the point of the tool
    data = verification_form_data(order)
    assert form_order_findings(lines, {key: str(data.get(key) or "") for key in COMPARED_ROWS}) == []


def test_another_tenant_gets_404(client, other_tenant, order):
    client.force_login(other_tenant)
    assert client.get(reverse("demo:signed_form", args=[order.pk])).status_code == 404


def test_the_materials_step_offers_it_only_with_demo_tools(client, applicant, order):
    client.force_login(applicant)
    link = reverse("demo:signed_form", args=[order.pk])
    page = client.get(reverse("applicant:step", args=[order.pk, "materials"])).content.decode()
    assert link in page
    with override_settings(DEMO_TOOLS=False):
        page = client.get(reverse("applicant:step", args=[order.pk, "materials"])).content.decode()
    assert link not in page


def test_an_order_without_its_data_gets_a_message_not_an_error(client, applicant, organisation, hosted_site):
    empty = services.order_create_draft(organisation=organisation, user=applicant, hosted_site=hosted_site)
    client.force_login(applicant)
    for url in (reverse("demo:signed_form", args=[empty.pk]), reverse("applicant:verification_form", args=[empty.pk])):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0].endswith(f"/apply/orders/{empty.pk}/step/materials/")
        assert "请先填写这两步" in response.content.decode()  # the page speaks zh-hans


def test_each_website_gets_its_own_signed_form(client, applicant, order):
    """A second website has its own form (slot verification_form__1): the demo tool gives that one."""
    services.order_update(
        order=order,
        user=applicant,
        values={
            "websites[1].name": "示例科技博客",
            "websites[1].domain": "demo-blog.cn",
            "websites[1].service_contents": ["单位门户网站"],
        },
    )
    services.order_website_principal_from_subject(order=order, user=applicant, index=1)
    client.force_login(applicant)
    link = reverse("demo:signed_form", args=[order.pk]) + "?website=1"
    page = client.get(reverse("applicant:step", args=[order.pk, "materials"])).content.decode()
    assert f'href="{link}"' in page  # beside the slot of website 2's form
    response = client.get(link)
    assert response.status_code == 200 and f"{order.reference}-2-signed.jpg" in response["Content-Disposition"]
    lines = read_text(Image.open(io.BytesIO(response.content)))
    data = verification_form_data(order, 1)
    assert data["domain"] == "demo-blog.cn"
    assert form_order_findings(lines, {key: str(data.get(key) or "") for key in COMPARED_ROWS}) == []
