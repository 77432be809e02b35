"""Orders submitted before the domain was kept on the order get it (migration 0019): a reviewer's
domain search finds them as it finds orders submitted since; a draft never submitted stays out."""

from __future__ import annotations

import datetime as dt

import pytest

from beian.filings.selectors import QueueFilters, other_orders, review_queue
from tests.migrating import LATEST, migrate_to

BEFORE = [("filings", "0018_order_assisted_service")]
AT = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_orders_once_submitted_are_found_by_their_first_websites_domain_after_the_upgrade():
    old = migrate_to(BEFORE)
    Organisation = old.get_model("accounts", "Organisation")
    Person = old.get_model("filings", "Person")
    Subject = old.get_model("filings", "Subject")
    Website = old.get_model("filings", "Website")
    Order = old.get_model("filings", "Order")
    org = Organisation.objects.create(name="北京示例科技有限公司")
    subject = Subject.objects.create(
        organisation=org,
        province="11",
        nature=4,
        name="北京示例科技有限公司",
        certificate_type=1,
        certificate_number_index="idx-1",
        principal=Person.objects.create(organisation=org),
    )

    def order(domain, status, *, submitted=True, second_domain=None):
        def website(name):
            return Website.objects.create(
                organisation=org, subject=subject, domain=name, principal=Person.objects.create(organisation=org)
            )

        created = Order.objects.create(
            organisation=org,
            status=status,
            subject=subject,
            website=website(domain),
            created_at=AT,
            status_changed_at=AT,
            submitted_at=AT if submitted else None,
            last_customer_action_at=AT,
            review_due_at=AT + dt.timedelta(days=1),
        )
        if second_domain:
            Website.objects.filter(pk=website(second_domain).pk).update(order=created, position=1)
        return created.pk

    awaiting = order("queued-shop.cn", "PENDING_PROVIDER_REVIEW", second_domain="queued-docs.cn")
    filed = order("filed-shop.cn", "APPROVED")
    withdrawn = order("withdrawn-shop.cn", "DRAFT")  # submitted once, withdrawn to draft
    draft = order("draft-shop.cn", "DRAFT", submitted=False)

    new = migrate_to(LATEST)
    domains = dict(new.get_model("filings", "Order").objects.values_list("pk", "submitted_domain"))
    assert domains == {
        awaiting: "queued-shop.cn",
        filed: "filed-shop.cn",
        withdrawn: "withdrawn-shop.cn",
        draft: "",
    }

    def found(q):
        filters = QueueFilters(q=q, search="domain")
        return [o.pk for o in review_queue(filters)], {o.pk for o in other_orders(filters)[0]}

    assert found("queued-shop") == ([awaiting], set())
    assert found("queued-docs") == ([], set())  # the first website's domain, as the queue lists it
    assert found("filed-shop.cn") == ([], {filed})
    assert found("withdrawn") == ([], {withdrawn})
    assert found("draft-shop") == ([], set())
