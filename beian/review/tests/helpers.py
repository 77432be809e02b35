"""Queue rows without the wizard: a subject, a website and an order in a given state, with the
queue fields set as order_submit sets them (the services tests prove submission does that)."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from beian.core.crypto import blind_index
from beian.filings import states
from beian.filings.deadlines import current_review_deadline
from beian.filings.models import Order, Person, Subject, Website

SHANGHAI = ZoneInfo("Asia/Shanghai")
_serial = itertools.count(1)


def at(year, month, day, hour=0, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def queued_order(
    *,
    organisation,
    province="11",
    name="北京示例科技有限公司",
    domain=None,
    uscc=None,
    filing_type="FIRST_FILING",
    status=states.PENDING_PROVIDER_REVIEW,
    queued_at=None,
    due=None,
    reviewer=None,
    claimed_at=None,
    findings=0,
    subject_number=None,
    website_number=None,
    subject=None,
) -> Order:
    """`subject`: an existing subject (a later filing of it); otherwise a new one from the arguments."""
    n = next(_serial)
    queued_at = queued_at or at(2025, 10, 20, 9)
    domain = domain or f"site{n}.cn"
    uscc = uscc or f"91110000MA0{n:07d}"
    if subject is None:
        subject = Subject.objects.create(
            organisation=organisation,
            nature=4,
            province=province,
            name=name,
            certificate_type=1,
            certificate_number=uscc,
            principal=Person.objects.create(organisation=organisation, name="张三"),
            filing_number=subject_number,
        )
        assert subject.certificate_number_index == blind_index(uscc, purpose="certificate")
    else:
        province, name = subject.province, subject.name
    website = Website.objects.create(
        organisation=organisation,
        subject=subject,
        name="示例官网",
        domain=domain,
        principal=Person.objects.create(organisation=organisation, name="张三"),
        filing_number=website_number,
    )
    return Order.objects.create(
        organisation=organisation,
        filing_type=filing_type,
        status=status,
        subject=subject,
        website=website,
        created_at=queued_at - dt.timedelta(hours=1),
        status_changed_at=queued_at,
        submitted_at=queued_at,
        last_customer_action_at=queued_at,
        assigned_reviewer=reviewer,
        claimed_at=claimed_at or (queued_at if reviewer else None),
        review_due_at=due or current_review_deadline(queued_at),
        finding_count=findings,
        submitted_province=province,
        submitted_subject_name=name,
        submitted_domain=domain,
    )
