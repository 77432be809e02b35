"""The filed dashboard's selectors (filings.dashboard): how long each action takes from the published
durations, the facts the pure decision gets from the records, a constant number of queries."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from beian.filings import dashboard, eta
from beian.filings.eta import StageEstimate, decision_span
from beian.filings.models import AccessRecord, RecordEvent, SubjectFiling
from beian.reference.models import Province
from tests.records import add_website_filing


def _estimates(**days):
    return {stage: StageEstimate(stage, low, high, "published", 0) for stage, (low, high) in days.items()}


def test_decision_span_adds_up_the_stages_and_leaves_out_the_sms_nobody_receives():
    estimates = _estimates(provider_review=(1, 2), push=(1, 3), sms=(1, 1), regulator_review=(1, 5))
    assert decision_span(estimates) == (4, 11)
    assert decision_span(estimates, needs_sms=False) == (3, 10)


def test_decision_spans_use_each_types_own_review_and_sms_from_reference_data(db):
    beijing = Province.objects.get(code="11").expected_regulator_review_working_days
    spans = eta.decision_spans(
        province="11", filing_types=["CHANGE_WEBSITE", "CHANGE_ACCESS", "CANCEL_WEBSITE", "CANCEL_SUBJECT"]
    )
    # published: provider review 1–2, push 1–3, SMS within a day, then the regulator
    assert spans["CANCEL_WEBSITE"] == (3, 10)  # review 1–5, nobody gets the MIIT SMS
    assert spans["CANCEL_SUBJECT"] == (4, 11)  # the subject principal answers the SMS
    assert spans["CHANGE_WEBSITE"] == (3 + beijing, 6 + max(beijing, 20))  # the province's review, legal max 20
    assert spans["CHANGE_ACCESS"] == (2 + beijing, 5 + max(beijing, 20))  # no SMS


def test_the_actions_of_a_website_accessed_elsewhere_only_are_none_and_say_why(orders, organisation):
    order = orders.approved()
    record = SubjectFiling.objects.get()
    other = add_website_filing(record, domain="second-site.cn", order=order, provider_name="阿里云")
    with translation.override("zh-hans"):
        [subject] = dashboard.filed_dashboard(organisation)
    website = next(w for w in subject.websites if w.filing_number == other.filing_number)
    assert website.actions.actions == ()
    assert website.actions.notes == ("该网站通过 阿里云 接入，而非本平台：请通过该接入商办理变更或注销。",)
    # the subject is still accessed through us by its first website
    assert subject.actions.keys == ("change_subject", "cancel_subject", "add_website")


def test_cancel_access_says_whether_the_filing_survives(orders, organisation):
    order = orders.approved()
    record = order.website.website_filing
    [subject] = dashboard.filed_dashboard(organisation)
    alone = subject.websites[0].actions.get("cancel_access")
    assert "it becomes an empty shell" in alone.effect
    AccessRecord.objects.create(website_filing=record, is_ours=False, provider_name="阿里云", since=record.filed_at)
    with translation.override("zh-hans"):
        [subject] = dashboard.filed_dashboard(organisation)
    assert subject.websites[0].actions.get("cancel_access").effect.endswith("其备案通过 阿里云 的接入保留。")


def test_the_number_of_queries_does_not_grow_with_websites(orders, organisation):
    order = orders.approved()
    with CaptureQueriesContext(connection) as one:
        dashboard.filed_dashboard(organisation)
    record = SubjectFiling.objects.get()
    add_website_filing(record, domain="second-site.cn", order=order)
    add_website_filing(record, domain="third-site.cn", order=order, provider_name="阿里云")
    with CaptureQueriesContext(connection) as three:
        assert len(dashboard.filed_dashboard(organisation)[0].websites) == 3
    assert len(three.captured_queries) == len(one.captured_queries)


def test_cancelled_websites_read_with_their_reason_in_a_constant_number_of_queries(orders, organisation):
    order = orders.approved()
    record = SubjectFiling.objects.get()

    def cancelled(domain):
        website = add_website_filing(record, domain=domain, order=order)
        RecordEvent.objects.create(
            subject_filing=record,
            website_filing=website,
            at=website.filed_at,
            action="website_cancelled",
            data={"number": website.filing_number, "domains": [domain], "reason_code": "SITE_CLOSED"},
        )
        return website

    first = cancelled("second-site.cn")
    with CaptureQueriesContext(connection) as one:
        [subject] = dashboard.filed_dashboard(organisation)
    [row] = [h for h in subject.websites[1].history if h.action == "website_cancelled"]
    assert row.website_number == first.filing_number and row.domains == ("second-site.cn",)
    assert row.reason and row.reason != "SITE_CLOSED"  # the reference text, not the code
    cancelled("third-site.cn")
    cancelled("fourth-site.cn")
    with CaptureQueriesContext(connection) as three:
        dashboard.filed_dashboard(organisation)
    assert len(three.captured_queries) == len(one.captured_queries)
