"""Changes and cancellations of a filed record, through the services (rules file §1.5–§1.7)."""

from __future__ import annotations

import pytest

from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.filings import changes, services, states
from beian.filings.models import AccessRecord, FiledDomain, RecordEvent, RecordStatus, SubjectFiling, WebsiteFiling
from beian.filings.precheck import order_precheck

pytestmark = pytest.mark.django_db


def _codes(order):
    return {f.code for f in order_precheck(order).findings}


def test_a_website_change_opens_only_what_may_change_and_keeps_the_record_until_approval(orders):
    order = orders.against_record("CHANGE_WEBSITE").draft()
    record = WebsiteFiling.objects.get(pk=order.website.website_filing_id)
    filed_name = record.name
    assert order.status == states.DRAFT and order.subject_filing_id == record.subject_filing_id
    with pytest.raises(PermissionDenied) as refused:
        services.order_update(order=order, user=orders.user, values={"websites[0].domain": "other-domain.cn"})
    assert refused.value.code == "field.locked"
    with pytest.raises(PermissionDenied):
        services.order_update(order=order, user=orders.user, values={"subject.name": "另一家公司"})
    assert "change.nothing_changed" in _codes(order)
    services.order_update(order=order, user=orders.user, values={"websites[0].name": filed_name + "新版"})
    assert "change.nothing_changed" not in _codes(order)
    diff = changes.record_diff(order)
    assert [(c.path, c.old, c.new) for c in diff] == [("websites[0].name", filed_name, filed_name + "新版")]
    record.refresh_from_db()
    assert record.name == filed_name  # nothing changes before the regulator approves


def test_an_approved_website_change_updates_the_record_and_keeps_the_old_version(orders):
    first = orders.filed_record()
    record = first.websites.get()
    old_website = record.website_id
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).approved(
        acknowledge_warnings=True
    )
    assert order.status == states.APPROVED
    record.refresh_from_db()
    assert record.name.endswith("新版") and record.website_id != old_website
    assert record.filing_number == order.website.filing_number  # the number stays
    event = RecordEvent.objects.get(action="website_changed", website_filing=record)
    assert event.data["before"] == old_website and event.data["fields"] == ["websites[0].name"]


def test_adding_and_removing_a_domain_is_a_website_change(orders):
    record = orders.filed_record().websites.get()
    main = FiledDomain.objects.get(website_filing=record).domain
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].other_domains": ["added-domain.cn"]}).approved(
        acknowledge_warnings=True
    )
    assert order.status == states.APPROVED
    assert set(
        FiledDomain.objects.filter(website_filing=record, removed_at__isnull=True).values_list("domain", flat=True)
    ) == {main, "added-domain.cn"}
    removal = orders.against_record("CHANGE_WEBSITE", values={"websites[0].other_domains": []}).approved(
        acknowledge_warnings=True
    )
    assert removal.status == states.APPROVED
    assert FiledDomain.objects.get(domain="added-domain.cn").removed_at is not None


def test_cancel_website_needs_a_reason_and_the_typed_domain_and_warns_of_the_empty_shell(orders):
    order = orders.against_record("CANCEL_WEBSITE", reason_code="", confirmation="wrong.cn").draft()
    codes = _codes(order)
    assert {"cancel.reason.required", "cancel.confirmation.mismatch", "cancel.empty_shell.subject"} <= codes
    with pytest.raises(ValidationFailed):
        services.order_submit(order=order, user=orders.user)
    services.order_set_request(
        order=order,
        user=orders.user,
        reason_code="SITE_CLOSED",
        confirmation=changes.expected_confirmation(order).upper(),
    )
    assert _codes(order) == {"cancel.empty_shell.subject"}


def test_an_approved_cancellation_ends_the_website_its_domains_and_access(orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CANCEL_WEBSITE").approved(acknowledge_warnings=True)
    assert order.status == states.APPROVED
    record.refresh_from_db()
    assert record.status == RecordStatus.CANCELLED
    assert not FiledDomain.objects.filter(website_filing=record, removed_at__isnull=True).exists()
    assert not AccessRecord.objects.filter(website_filing=record, status=RecordStatus.ACTIVE).exists()


def test_cancel_subject_ends_every_website(orders):
    subject = orders.filed_record()
    order = orders.against_record("CANCEL_SUBJECT").approved(acknowledge_warnings=True)
    assert order.status == states.APPROVED
    subject = SubjectFiling.objects.get(pk=subject.pk)
    assert subject.status == RecordStatus.CANCELLED
    assert not subject.websites.filter(status=RecordStatus.ACTIVE).exists()


def test_cancel_access_ends_only_our_access(orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CANCEL_ACCESS").approved(acknowledge_warnings=True)
    assert order.status == states.APPROVED
    record.refresh_from_db()
    assert record.status == RecordStatus.ACTIVE  # the filing stays (an empty shell now)
    assert not record.accesses.filter(status=RecordStatus.ACTIVE).exists()


def test_one_open_order_per_record(orders):
    first = orders.against_record("CHANGE_WEBSITE").draft()
    again = orders.against_record("CHANGE_WEBSITE").draft()
    assert again.pk == first.pk
    with pytest.raises(ValidationFailed) as refused:
        orders.against_record("CANCEL_WEBSITE").draft()
    assert refused.value.code == "order.open_for_target"
