"""Browser back after submit shows no live submit button, a second submit changes nothing, and
withdrawing needs a confirmation the server checks."""

from django.test import Client

from beian.filings import states
from beian.filings.models import Order
from tests.factories import valid_order


def _submitted(applicant, hosted_site):
    order = valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )
    Order.objects.filter(pk=order.pk).update(status=states.PENDING_PROVIDER_REVIEW)
    client = Client()
    client.force_login(applicant)
    client.cookies["django_language"] = "en"
    return Order.objects.get(pk=order.pk), client


def test_wizard_and_order_pages_are_never_stored(applicant, hosted_site):
    order, client = _submitted(applicant, hosted_site)
    for url in (
        f"/apply/orders/{order.pk}/step/confirm/",
        f"/apply/orders/{order.pk}/step/subject/",
        f"/apply/orders/{order.pk}/",
    ):
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_submitting_an_already_submitted_order_is_refused_and_changes_nothing(applicant, hosted_site):
    order, client = _submitted(applicant, hosted_site)
    events, versions = order.events.count(), order.versions.count()
    response = client.post(f"/apply/orders/{order.pk}/submit/", {"acknowledge": "1"}, follow=True)
    page = response.content.decode()
    assert "already submitted" in page and "Nothing was changed" in page
    assert "is not allowed" not in page and "→" not in page  # not the transition error with its enum codes
    order.refresh_from_db()
    assert order.status == states.PENDING_PROVIDER_REVIEW
    assert (order.events.count(), order.versions.count()) == (events, versions)


def test_withdraw_needs_the_confirmation(applicant, hosted_site):
    order, client = _submitted(applicant, hosted_site)
    page = client.get(f"/apply/orders/{order.pk}/").content.decode()
    assert 'name="confirm"' in page and "required" in page
    unconfirmed = client.post(f"/apply/orders/{order.pk}/withdraw/", follow=True)
    assert "Tick the box to confirm" in unconfirmed.content.decode()
    assert Order.objects.get(pk=order.pk).status == states.PENDING_PROVIDER_REVIEW
    client.post(f"/apply/orders/{order.pk}/withdraw/", {"confirm": "1"})
    assert Order.objects.get(pk=order.pk).status == states.DRAFT
