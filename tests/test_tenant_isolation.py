"""Another tenant's order, file and site are 404 through pages and API."""

from django.test import Client

from beian.materials.services import signed_link
from tests.factories import valid_order


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_pages_hide_other_tenants_orders(applicant, other_tenant, hosted_site):
    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    intruder = _client(other_tenant)
    for url in (
        f"/apply/orders/{order.pk}/",
        f"/apply/orders/{order.pk}/step/subject/",
        f"/apply/orders/{order.pk}/step/materials/",
        f"/apply/orders/{order.pk}/verification-form.pdf",
    ):
        assert intruder.get(url).status_code == 404, url
    assert intruder.post(f"/apply/sites/{hosted_site.pk}/start/").status_code == 404
    assert intruder.post(f"/apply/orders/{order.pk}/submit/").status_code == 404
    assert _client(applicant).get(f"/apply/orders/{order.pk}/").status_code == 200


def test_files_of_other_tenants_are_404_even_with_a_link(applicant, other_tenant, hosted_site):
    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    material = order.materials.first()
    own_link = signed_link(material, applicant)
    assert _client(applicant).get(own_link).status_code == 200
    assert _client(other_tenant).get(own_link).status_code == 404  # link bound to its user
    assert _client(other_tenant).get(signed_link(material, other_tenant)).status_code == 404


def test_api_hides_other_tenants_orders_and_sites(applicant, other_tenant, hosted_site):
    order = valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )
    intruder = _client(other_tenant)
    response = intruder.get(f"/api/v1/orders/{order.pk}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert (
        intruder.patch(
            f"/api/v1/orders/{order.pk}", {"subject": {"city": "上海"}}, content_type="application/json"
        ).status_code
        == 404
    )
    assert (
        intruder.post("/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json").status_code == 404
    )
    assert intruder.get("/api/v1/orders").json() == []
    assert intruder.get("/api/v1/sites").json() == []
