"""Reviewer metrics over a small seeded history of timeline events."""

from __future__ import annotations

import datetime as dt

import pytest

from beian.filings import services
from beian.filings.models import Order, OrderEvent, ReviewDecision, ReviewReturnReason
from beian.filings.selectors import percentile, review_metrics
from beian.review.templatetags.review_tags import duration_hours
from beian.review.tests.helpers import at, queued_order

START, END = at(2025, 10, 1), at(2025, 11, 1)
T0 = at(2025, 10, 13, 9, 0)


def event(order, name, when, actor="", data=None):
    return OrderEvent.objects.create(order=order, at=when, event=name, actor_label=actor, data=data or {})


def returns(*codes):
    return {"returns": [{"field": f"f{i}", "reason_code": c, "note": ""} for i, c in enumerate(codes)]}


@pytest.fixture
def history(organisation):
    """Province 11: o1 approved after 2 h by alice; o2 returned after 4 h by alice, then approved by bob.
    Province 44: o3 returned after 10 h by bob; o4 approved after 6 h by bob; o5 approved after 30 h by bob.
    o6: first decision in September (outside), another in the period. o7: decided in November (outside)."""
    o = {
        i: queued_order(organisation=organisation, province=p)
        for i, p in {1: "11", 2: "11", 3: "44", 4: "44", 5: "44", 6: "11", 7: "11"}.items()
    }
    for i in o:
        event(o[i], "submit", T0 if i not in (6,) else at(2025, 9, 20, 9))
    event(o[1], "approve", T0 + dt.timedelta(hours=2), "alice")
    event(
        o[2],
        "return_fields",
        T0 + dt.timedelta(hours=4),
        "alice",
        returns("DOC_UNCLEAR", "DOC_UNCLEAR", "SITE_NAME_INVALID"),
    )
    event(o[2], "resubmit", T0 + dt.timedelta(hours=20))
    event(o[2], "approve", T0 + dt.timedelta(hours=28), "bob")
    event(o[3], "return_fields", T0 + dt.timedelta(hours=10), "bob", returns("DOC_UNCLEAR"))
    event(o[4], "approve", T0 + dt.timedelta(hours=6), "bob")
    event(o[5], "approve", T0 + dt.timedelta(hours=30), "bob")
    event(o[6], "return_fields", at(2025, 9, 21, 9), "alice", returns("PHONE_UNREACHABLE"))
    event(o[6], "resubmit", at(2025, 10, 2, 9))
    event(o[6], "return_fields", at(2025, 10, 3, 9), "alice", returns("PHONE_UNREACHABLE"))
    event(o[7], "approve", at(2025, 11, 2, 9), "alice")
    event(o[1], "claim", T0 + dt.timedelta(hours=1), "alice")  # not a decision
    return o


def test_percentile_interpolates_between_ranks():
    assert percentile([], 0.5) is None
    assert percentile([7.0], 0.9) == 7.0
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile(list(range(1, 11)), 0.9) == pytest.approx(9.1)
    assert percentile([10, 2, 6], 0.5) == 6


def test_time_to_first_review_per_province_and_reviewer(history):
    report = review_metrics(start=START, end=END)
    assert report.first_reviews == 5  # o6's first decision was in September, o7's in November
    assert report.overall.count == 5
    assert report.overall.p50_hours == pytest.approx(6.0)  # 2, 4, 6, 10, 30
    assert report.overall.p90_hours == pytest.approx(10 + 0.6 * 20)  # between 10 and 30
    provinces = {p.label: p for p in report.by_province}
    assert provinces["11"].count == 2 and provinces["11"].p50_hours == pytest.approx(3.0)
    assert provinces["11"].p90_hours == pytest.approx(3.8)
    assert provinces["44"].count == 3 and provinces["44"].p50_hours == pytest.approx(10.0)
    assert provinces["44"].p90_hours == pytest.approx(26.0)
    reviewers = {r.label: r for r in report.by_reviewer}
    assert reviewers["alice"].count == 2 and reviewers["alice"].p50_hours == pytest.approx(3.0)
    assert reviewers["bob"].count == 3 and reviewers["bob"].p50_hours == pytest.approx(10.0)


def test_return_rate_by_reason_code(history):
    report = review_metrics(start=START, end=END)
    # decisions in October: o1, o2 x2, o3, o4, o5 and o6's second return = 7; returns: o2, o3, o6 = 3
    assert report.decisions == 7 and report.returned == 3
    assert report.return_rate == pytest.approx(3 / 7)
    rates = {r.code: r for r in report.reasons}
    assert set(rates) == {"DOC_UNCLEAR", "SITE_NAME_INVALID", "PHONE_UNREACHABLE"}
    assert rates["DOC_UNCLEAR"].returns == 2 and rates["DOC_UNCLEAR"].fields == 3
    assert rates["DOC_UNCLEAR"].rate == pytest.approx(2 / 7)
    assert rates["SITE_NAME_INVALID"].returns == 1 and rates["PHONE_UNREACHABLE"].returns == 1
    assert next(r.code for r in report.reasons) == "DOC_UNCLEAR"


def test_the_period_selects_the_events(history):
    report = review_metrics(start=at(2025, 9, 1), end=at(2025, 10, 1))
    assert report.decisions == 1 and report.first_reviews == 1
    assert report.by_reviewer[0].label == "alice"
    assert report.overall.p50_hours == pytest.approx(24.0)
    empty = review_metrics(start=at(2024, 1, 1), end=at(2024, 2, 1))
    assert empty.decisions == 0 and empty.overall.p50_hours is None and empty.return_rate == 0


def test_metrics_page_shows_the_figures(client, operator, history):
    client.force_login(operator)
    client.cookies["django_language"] = "en"
    page = client.get("/review/metrics/", {"from": "2025-10-01", "to": "2025-10-31"}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="overall-p50">6.0 h<' in html and 'id="overall-p90">22.0 h<' in html
    assert 'id="return-rate">42.9%<' in html
    assert 'data-code="DOC_UNCLEAR"' in html and "28.6%" in html
    assert "alice" in html and "bob" in html


def test_durations_under_an_hour_read_in_minutes():
    from django.utils import translation

    with translation.override("en"):
        assert duration_hours(0.75) == "45 min" and duration_hours(6) == "6.0 h" and duration_hours(None) == "—"
    with translation.override("zh-hans"):
        assert duration_hours(0.75) == "45 分钟"


def test_metrics_page_rejects_a_reversed_period(client, operator, history):
    client.force_login(operator)
    page = client.get("/review/metrics/", {"from": "2025-10-31", "to": "2025-10-01"}, follow=True)
    assert page.status_code == 200
    assert page.context["start"] < page.context["end"]


def test_metrics_take_as_many_queries_however_many_orders(history, organisation):
    """Counting, the returns' reasons and the first reviews run in the database a fixed number of
    times (three on SQLite; on PostgreSQL the percentiles per group are two more), not per order."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        review_metrics(start=START, end=END)
    for _ in range(5):
        extra = queued_order(organisation=organisation, province="44")
        event(extra, "submit", T0)
        event(extra, "approve", T0 + dt.timedelta(hours=1), "carol")
    with CaptureQueriesContext(connection) as after:
        report = review_metrics(start=START, end=END)
    assert len(after.captured_queries) == len(before.captured_queries) <= 5
    assert report.first_reviews == 10 and {r.label for r in report.by_reviewer} == {"alice", "bob", "carol"}


# --- the derived decision rows: kept on every decision, rebuilt the same ---------------------------


def decision_rows():

    decisions = list(
        ReviewDecision.objects.order_by("event_id").values_list(
            "event_id", "order_id", "at", "returned", "first", "waited_seconds", "province", "reviewer"
        )
    )
    reasons = sorted(ReviewReturnReason.objects.values_list("decision_id", "at", "code", "fields"))
    return decisions, reasons


def rebuilt():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("rebuild_review_metrics", stdout=out)
    return out.getvalue()


def test_metrics_follow_each_decision_through_the_services_and_the_rebuild_agrees(
    orders, reviewer, applicant, frozen_clock
):

    t0 = frozen_clock(at(2025, 10, 13, 9, 0))
    a = orders.submitted(overrides={"websites[0].domain": "metrics-a.cn"})
    # another subject's order, its timeline saved event by event (one order per subject at the regulator)
    b = queued_order(organisation=orders.organisation, province="44")
    event(b, "submit", t0)
    assert review_metrics(start=START, end=END).decisions == 0

    event(b, "approve", t0 + dt.timedelta(hours=2), reviewer.username)
    report = review_metrics(start=START, end=END)
    assert (report.decisions, report.returned, report.first_reviews) == (1, 0, 1)
    assert report.overall.p50_hours == pytest.approx(2.0)

    frozen_clock(t0 + dt.timedelta(hours=4))
    returns = [
        {"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": ""},
        {"field": "subject.mailing_address", "reason_code": "MAIL_ADDRESS_INVALID", "note": ""},
    ]
    services.order_return_fields(order=a, reviewer=reviewer, returns=returns)
    report = review_metrics(start=START, end=END)
    assert (report.decisions, report.returned, report.first_reviews) == (2, 1, 2)
    assert report.overall.p50_hours == pytest.approx(3.0)  # 2 h and 4 h
    assert {(r.code, r.returns, r.fields) for r in report.reasons} == {
        ("SITE_NAME_NOT_RELATED", 1, 1),
        ("MAIL_ADDRESS_INVALID", 1, 1),
    }

    frozen_clock(t0 + dt.timedelta(days=1))
    a = Order.objects.get(pk=a.pk)
    services.order_update(order=a, user=applicant, values={"websites[0].name": "示例科技公司官网"})
    services.order_submit(order=a, user=applicant)
    frozen_clock(t0 + dt.timedelta(days=1, hours=1))
    services.order_review_approve(order=Order.objects.get(pk=a.pk), reviewer=reviewer)
    report = review_metrics(start=START, end=END)
    assert (report.decisions, report.returned, report.first_reviews) == (3, 1, 2)  # a's approval is not its first
    assert report.overall.p50_hours == pytest.approx(3.0)
    assert [r.label for r in report.by_reviewer] == [reviewer.username]

    kept = decision_rows()
    assert rebuilt().strip() == "3 review decisions"
    assert decision_rows() == kept
    assert review_metrics(start=START, end=END) == report


def test_timelines_loaded_around_the_orm_count_after_the_rebuild(organisation):
    """A bulk load (an import, a restore) saves no event one by one: the rebuild derives its rows."""
    o = queued_order(organisation=organisation, province="44")
    OrderEvent.objects.bulk_create(
        [
            OrderEvent(order=o, at=T0, event="submit"),
            OrderEvent(order=o, at=T0 + dt.timedelta(hours=5), event="return_fields", actor_label="dora",
                       data=returns("DOC_UNCLEAR", "DOC_UNCLEAR")),
            OrderEvent(order=o, at=T0 + dt.timedelta(hours=9), event="resubmit"),
            OrderEvent(order=o, at=T0 + dt.timedelta(hours=11), event="approve", actor_label="erin"),
        ]
    )  # fmt: skip
    assert review_metrics(start=START, end=END).decisions == 0
    rebuilt()
    report = review_metrics(start=START, end=END)
    assert (report.decisions, report.returned, report.first_reviews) == (2, 1, 1)
    assert report.overall.p50_hours == pytest.approx(5.0) and report.by_province[0].label == "44"
    assert [(r.code, r.returns, r.fields) for r in report.reasons] == [("DOC_UNCLEAR", 1, 2)]
    assert [r.label for r in report.by_reviewer] == ["dora"]


def test_a_decision_recorded_late_but_dated_earlier_becomes_the_first(history, organisation):
    """Rows are derived from the whole timeline of the order, so an event saved out of order (a
    back-dated correction) moves "first" exactly as the rebuild would."""
    o4 = history[4]  # approved by bob 6 h after submission
    event(o4, "reject", T0 + dt.timedelta(hours=1), "carol")
    report = review_metrics(start=START, end=END)
    assert report.decisions == 8 and report.first_reviews == 5
    assert {r.label: r.count for r in report.by_reviewer} == {"alice": 2, "bob": 2, "carol": 1}
    kept = decision_rows()
    rebuilt()
    assert decision_rows() == kept and review_metrics(start=START, end=END) == report
