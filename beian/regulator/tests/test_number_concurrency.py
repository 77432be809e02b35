"""Filing numbers stay unique when the regulator approves many orders at the same moment."""

from __future__ import annotations

import re
import threading

import pytest
from django.db import connection, connections

from beian.core import clock
from beian.filings import states

N = 50


def _orders_in_review(organisation, count: int) -> list[int]:
    """`count` first filings of different subjects in Beijing, each with a sandbox case in review."""
    from beian.filings.models import Order, Person, Subject, Website
    from beian.regulator.models import RegulatorCase

    now = clock.now()
    cases = []
    for n in range(count):
        subject = Subject.objects.create(
            organisation=organisation,
            province="11",
            name=f"并发测试公司{n}",
            principal=Person.objects.create(organisation=organisation),
        )
        website = Website.objects.create(
            organisation=organisation,
            subject=subject,
            domain=f"concurrent-{n}.cn",
            principal=Person.objects.create(organisation=organisation),
        )
        order = Order.objects.create(
            organisation=organisation,
            subject=subject,
            website=website,
            status=states.REGULATOR_REVIEW,
            created_at=now,
            status_changed_at=now,
            last_customer_action_at=now,
        )
        cases.append(
            RegulatorCase.objects.create(
                reference=f"SBXCONC{n:04d}",
                idempotency_key=f"concurrent-{n}",
                order=order,
                province="11",
                stage=RegulatorCase.Stage.REVIEW,
                received_at=now,
                review_started_at=now,
                decide_on=clock.today(),
            ).pk
        )
    return cases


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_approvals_issue_fifty_distinct_numbers(organisation):
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite serialises all writers (and the in-memory test database is per connection); "
            "the concurrency proof runs on PostgreSQL"
        )
    from beian.filings.models import Order
    from beian.regulator.models import RegulatorCase
    from beian.regulator.services import case_decide

    case_pks = _orders_in_review(organisation, N)
    barrier, errors = threading.Barrier(N), []

    def approve(pk: int) -> None:
        try:
            case = RegulatorCase.objects.get(pk=pk)
            barrier.wait(timeout=60)
            case_decide(case, approve=True, decided_by="regulator-sandbox")
        except Exception as exc:  # collected, asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(pk,)) for pk in case_pks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []

    orders = list(Order.objects.filter(regulator_cases__pk__in=case_pks).select_related("subject", "website"))
    assert [o.status for o in orders] == [states.APPROVED] * N
    subject_numbers = {o.subject.filing_number for o in orders}
    assert len(subject_numbers) == N
    year = clock.now().year
    serials = sorted(int(re.fullmatch(rf"京ICP备{year}(\d{{6}})号", number).group(1)) for number in subject_numbers)
    assert serials == list(range(1, N + 1))  # one counter, no gaps, no repeats
    assert {o.website.filing_number for o in orders} == {f"{n}-1" for n in subject_numbers}
