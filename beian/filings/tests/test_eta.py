"""ETAs: percentiles of a province's history per stage, the published fallback, dates in working days."""

import datetime as dt

import pytest
from django.utils import timezone

from beian.core import clock
from beian.core.workdays import Calendar, current_calendar
from beian.filings import eta, states
from beian.filings.eta import (
    PROVIDER_REVIEW,
    PUSH,
    REGULATOR_REVIEW,
    SMS,
    StageEstimate,
    Transition,
    compute_eta,
    estimate_stage,
    percentile,
    published_durations,
    stage_durations,
)

D = dt.date.fromisoformat
CAL = Calendar()  # chinese-calendar alone: pure tests need no database


def published(provider=(1, 2), push=(1, 3), sms=(1, 1), regulator=(20, 20)):
    return {
        stage: StageEstimate(stage, low, high, "published", 0)
        for stage, (low, high) in ((PROVIDER_REVIEW, provider), (PUSH, push), (SMS, sms), (REGULATOR_REVIEW, regulator))
    }


# --- pure --------------------------------------------------------------------------------------


def test_percentile_is_nearest_rank():
    assert percentile(list(range(1, 11)), 0.5) == 5
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile([7], 0.9) == 7
    assert percentile([9, 1, 5], 0.5) == 5  # unsorted input


def test_stage_durations_in_working_days_per_order():
    review = eta.STAGES[REGULATOR_REVIEW]
    rows = [
        Transition(1, D("2026-09-30"), states.SMS_VERIFICATION, states.REGULATOR_REVIEW, "sms_verified"),
        Transition(2, D("2026-09-21"), states.PENDING_SUBMISSION, states.REGULATOR_REVIEW, "regulator_accepted_no_sms"),
        Transition(
            1, D("2026-10-08"), states.REGULATOR_REVIEW, states.APPROVED, "regulator_approved"
        ),  # 1 WD over the holiday
        Transition(
            2, D("2026-10-26"), states.REGULATOR_REVIEW, states.REGULATOR_REJECTED, "regulator_rejected"
        ),  # 20 WD
        Transition(3, D("2026-10-26"), states.REGULATOR_REVIEW, states.APPROVED, "regulator_approved"),  # entry unseen
        Transition(4, D("2026-10-12"), "", "", "claim"),  # not a transition
    ]
    assert stage_durations(rows, review, CAL) == [1, 20]


def test_multi_state_stage_and_withdrawals():
    push = eta.STAGES[PUSH]
    review = eta.STAGES[PROVIDER_REVIEW]
    rows = [
        # SMS timed out, pushed again: one stay in "push" from the return until the new SMS
        Transition(1, D("2026-11-02"), states.SMS_VERIFICATION, states.RETURNED_SMS_TIMEOUT, "sms_failed"),
        Transition(1, D("2026-11-03"), states.RETURNED_SMS_TIMEOUT, states.PENDING_SUBMISSION, "resubmit_to_regulator"),
        Transition(1, D("2026-11-05"), states.PENDING_SUBMISSION, states.SMS_VERIFICATION, "regulator_accepted"),
        # the applicant withdrew: not a finished review, no sample
        Transition(2, D("2026-11-02"), states.DRAFT, states.PENDING_PROVIDER_REVIEW, "submit"),
        Transition(2, D("2026-11-09"), states.PENDING_PROVIDER_REVIEW, states.DRAFT, "withdraw"),
        Transition(2, D("2026-11-10"), states.DRAFT, states.PENDING_PROVIDER_REVIEW, "submit"),
        Transition(2, D("2026-11-11"), states.PENDING_PROVIDER_REVIEW, states.PROVIDER_NEEDS_CHANGES, "return_fields"),
    ]
    assert stage_durations(rows, push, CAL) == [3]
    assert stage_durations(rows, review, CAL) == [1]


def test_history_needs_enough_samples():
    assert estimate_stage(REGULATOR_REVIEW, [3] * 19, published=(20, 20)) == StageEstimate(
        REGULATOR_REVIEW, 20, 20, "published", 19
    )
    samples = [2] * 10 + [5] * 8 + [9] * 2
    assert estimate_stage(REGULATOR_REVIEW, samples, published=(20, 20)) == StageEstimate(
        REGULATOR_REVIEW, 2, 5, "history", 20
    )


def test_published_durations_from_the_seed_timings():
    from beian.reference.loader import read_seed

    seed = read_seed()
    timings = seed["timings"]
    beijing = next(p for p in seed["provinces"] if p["code"] == "11")["expected_regulator_review_working_days"]
    zhejiang = next(p for p in seed["provinces"] if p["code"] == "33")["expected_regulator_review_working_days"]
    out = published_durations(timings, province_review_days=beijing, sms_hours=seed["sms_verification"]["window_hours"])
    assert out == {PROVIDER_REVIEW: (1, 2), PUSH: (1, 3), SMS: (1, 1), REGULATOR_REVIEW: (20, 20)}
    assert published_durations(timings, province_review_days=zhejiang)[REGULATOR_REVIEW] == (30, 30)
    assert published_durations({"provider_first_review_working_days": {"a": 2, "b": "2-4", "c": 3}})[
        PROVIDER_REVIEW
    ] == (2, 4)


def test_eta_in_provider_review_over_national_day():
    result = compute_eta(
        status=states.PENDING_PROVIDER_REVIEW,
        today=D("2026-09-30"),
        calendar=CAL,
        estimates=published(),
        stage_entered=D("2026-09-30"),
    )
    assert result.stage == PROVIDER_REVIEW and not result.hypothetical and not result.overdue
    assert (result.stage_end.p50, result.stage_end.p90) == (D("2026-10-08"), D("2026-10-09"))
    # then push + SMS + review: +22 working days from 10-08, +24 from 10-09 (10-10 is worked)
    assert (result.filed.p50, result.filed.p90) == (D("2026-11-06"), D("2026-11-11"))
    assert result.unconfirmed_years == ()


def test_eta_in_regulator_review_is_the_decision_date():
    result = compute_eta(
        status=states.REGULATOR_REVIEW,
        today=D("2026-09-22"),
        calendar=CAL,
        estimates=published(),
        stage_entered=D("2026-09-21"),
    )
    assert result.stage_end == result.filed
    assert result.filed.p50 == result.filed.p90 == D("2026-10-26")
    assert result.filed.single


def test_a_stage_past_its_estimate_is_overdue_and_never_shows_a_past_date():
    result = compute_eta(
        status=states.PENDING_PROVIDER_REVIEW,
        today=D("2026-09-15"),
        calendar=CAL,
        estimates=published(),
        stage_entered=D("2026-09-01"),
    )
    assert result.overdue
    assert result.stage_end.p50 == result.stage_end.p90 == D("2026-09-15")
    on_a_sunday = compute_eta(
        status=states.PENDING_PROVIDER_REVIEW,
        today=D("2026-09-13"),
        calendar=CAL,
        estimates=published(),
        stage_entered=D("2026-09-01"),
    )
    assert on_a_sunday.stage_end.p50 == D("2026-09-14")


def test_waiting_on_the_applicant_gives_the_dates_if_they_submit_today():
    result = compute_eta(status=states.DRAFT, today=D("2026-02-13"), calendar=CAL, estimates=published())
    assert result.hypothetical and result.stage is None and result.stage_end is None
    # 1+1+1+20 = 23 and 2+3+1+20 = 26 working days from Friday 2026-02-13: Saturday 02-14 (1),
    # 02-24..27 (5), Saturday 02-28 (6), then Mon–Fri from 03-02: 03-24 is the 23rd, 03-27 the 26th
    assert result.filed.p50 == D("2026-03-24")
    assert result.filed.p90 == D("2026-03-27")
    assert compute_eta(status=states.APPROVED, today=D("2026-02-13"), calendar=CAL, estimates=published()) is None
    assert compute_eta(status=states.EXPIRED, today=D("2026-02-13"), calendar=CAL, estimates=published()) is None


def test_filing_types_without_sms_skip_the_sms_stage():
    with_sms = compute_eta(
        status=states.PENDING_SUBMISSION,
        today=D("2026-11-02"),
        calendar=CAL,
        estimates=published(sms=(4, 4)),
        stage_entered=D("2026-11-02"),
    )
    without = compute_eta(
        status=states.PENDING_SUBMISSION,
        today=D("2026-11-02"),
        calendar=CAL,
        estimates=published(sms=(4, 4)),
        stage_entered=D("2026-11-02"),
        needs_sms=False,
    )
    assert CAL.working_days_between(without.filed.p50, with_sms.filed.p50) == 4
    assert SMS not in {e.stage for e in without.estimates}


def test_an_eta_crossing_into_an_unconfirmed_year_warns():
    result = compute_eta(
        status=states.REGULATOR_REVIEW,
        today=D("2026-12-10"),
        calendar=CAL,
        estimates=published(),
        stage_entered=D("2026-12-10"),
    )
    assert result.filed.p50.year == 2027 and result.unconfirmed_years == (2027,)
    confirmed = Calendar(confirmed_years=frozenset({2027}))
    assert (
        compute_eta(
            status=states.REGULATOR_REVIEW,
            today=D("2026-12-10"),
            calendar=confirmed,
            estimates=published(),
            stage_entered=D("2026-12-10"),
        ).unconfirmed_years
        == ()
    )


def test_operator_entered_2027_spring_festival_moves_the_eta(db):
    from beian.reference.models import CalendarDay

    def decision():
        return compute_eta(
            status=states.REGULATOR_REVIEW,
            today=D("2027-01-25"),
            calendar=current_calendar(),
            estimates=published(),
            stage_entered=D("2027-01-25"),
        ).filed.p50

    assert decision() == D("2027-02-24")  # provisional: the statutory weekdays 02-05 and 02-08 skipped
    for day in ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"]:
        CalendarDay.objects.create(date=D(day), kind=CalendarDay.Kind.DAY_OFF, name="Spring Festival")
    CalendarDay.objects.create(date=D("2027-02-20"), kind=CalendarDay.Kind.WORKDAY, name="Spring Festival")
    assert decision() == D("2027-03-01")


# --- history from the database ------------------------------------------------------------------


def _order_in(organisation, user, province):
    from beian.filings import services

    order = services.order_create_draft(organisation=organisation, user=user)
    order.subject.province = province
    order.subject.save(update_fields=["province"])
    return order


def _stay(order, stage_from, stage_to, leave_to, start: dt.datetime, working_days: int, calendar):
    from beian.filings.models import OrderEvent

    end_day = calendar.add_working_days(timezone.localdate(start), working_days)
    end = timezone.make_aware(dt.datetime.combine(end_day, timezone.localtime(start).time()))
    OrderEvent.objects.create(order=order, at=start, event="in", from_status=stage_from, to_status=stage_to)
    OrderEvent.objects.create(order=order, at=end, event="out", from_status=stage_to, to_status=leave_to)


@pytest.fixture
def beijing_history(applicant):
    """20 finished regulator reviews in Beijing (2, 5 or 9 working days) and 25 in Shanghai (1)."""
    organisation = applicant.memberships.get().organisation
    calendar = current_calendar()
    start = clock.now() - dt.timedelta(days=120)
    for days in [2] * 10 + [5] * 8 + [9] * 2:
        _stay(
            _order_in(organisation, applicant, "11"),
            states.SMS_VERIFICATION,
            states.REGULATOR_REVIEW,
            states.APPROVED,
            start,
            days,
            calendar,
        )
    for _ in range(25):
        _stay(
            _order_in(organisation, applicant, "31"),
            states.SMS_VERIFICATION,
            states.REGULATOR_REVIEW,
            states.APPROVED,
            start,
            1,
            calendar,
        )
    return organisation


def test_estimates_use_the_provinces_history(beijing_history):
    calendar = current_calendar()
    beijing = eta.stage_estimates(province="11", calendar=calendar)
    assert beijing[REGULATOR_REVIEW] == StageEstimate(REGULATOR_REVIEW, 2, 5, "history", 20)
    assert beijing[PROVIDER_REVIEW].source == "published"  # no provider-review history yet
    assert eta.stage_estimates(province="31", calendar=calendar)[REGULATOR_REVIEW].p90 == 1
    zhejiang = eta.stage_estimates(province="33", calendar=calendar)[REGULATOR_REVIEW]
    assert (zhejiang.p50, zhejiang.p90, zhejiang.source) == (30, 30, "published")


def test_history_older_than_the_window_is_ignored(applicant):
    organisation = applicant.memberships.get().organisation
    calendar = current_calendar()
    old = clock.now() - dt.timedelta(days=eta.HISTORY_DAYS + 30)
    for _ in range(20):
        _stay(
            _order_in(organisation, applicant, "11"),
            states.SMS_VERIFICATION,
            states.REGULATOR_REVIEW,
            states.APPROVED,
            old,
            3,
            calendar,
        )
    assert eta.stage_estimates(province="11", calendar=calendar)[REGULATOR_REVIEW].source == "published"


def _put_in(order, status, at):
    from beian.filings.models import Order, OrderEvent

    Order.objects.filter(pk=order.pk).update(status=status, status_changed_at=at)
    OrderEvent.objects.create(order=order, at=at, event="moved", from_status=states.SMS_VERIFICATION, to_status=status)
    order.refresh_from_db()
    return order


def test_order_eta_for_an_order_in_regulator_review(beijing_history, applicant):
    order = _put_in(_order_in(beijing_history, applicant, "11"), states.REGULATOR_REVIEW, clock.now())
    result = eta.order_eta(order)
    calendar = current_calendar()
    today = clock.today()
    assert result.stage == REGULATOR_REVIEW and result.from_history
    assert result.filed.p50 == calendar.add_working_days(today, 2)
    assert result.filed.p90 == calendar.add_working_days(today, 5)


def test_the_order_page_shows_the_eta(client, applicant, hosted_site):
    from beian.filings import services

    order = services.order_create_draft(
        organisation=applicant.memberships.get().organisation, user=applicant, hosted_site=hosted_site
    )
    client.force_login(applicant)
    html = client.get(f"/apply/orders/{order.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    expected = eta.order_eta(order)
    assert 'id="eta"' in html and expected.hypothetical
    assert expected.filed.p50.isoformat() in html and expected.filed.p90.isoformat() in html
    assert 'id="expiry"' in html  # a draft waits on the applicant: its expiry date shows

    order = _put_in(order, states.PENDING_PROVIDER_REVIEW, clock.now())
    html = client.get(f"/apply/orders/{order.pk}/").content.decode()
    expected = eta.order_eta(order)
    assert 'id="eta-stage"' in html and expected.stage_end.p50.isoformat() in html
    assert 'id="expiry"' not in html


def test_the_order_page_warns_when_the_eta_reaches_an_unconfirmed_year(client, applicant, hosted_site, monkeypatch):
    """Mid-December 2026: the dates reach 2027, which chinese-calendar does not cover and no
    operator has confirmed yet."""
    from beian.filings import services
    from beian.reference.models import ReferenceSetting

    order = services.order_create_draft(
        organisation=applicant.memberships.get().organisation, user=applicant, hosted_site=hosted_site
    )
    client.force_login(applicant)
    monkeypatch.setattr(clock, "now", lambda: timezone.make_aware(dt.datetime(2026, 12, 14, 10)))
    result = eta.order_eta(order)
    assert result.filed.p50.year == 2027 and result.unconfirmed_years == (2027,)
    html = client.get(f"/apply/orders/{order.pk}/").content.decode()
    assert 'id="eta-calendar-warning"' in html and "2027" in html

    ReferenceSetting.objects.create(key="calendar_confirmed_years", value=[2027])
    html = client.get(f"/apply/orders/{order.pk}/").content.decode()
    assert 'id="eta"' in html and 'id="eta-calendar-warning"' not in html


# --- every date shown across the 2026/2027 New Year and the 2027 Spring Festival ----------------


def _dates_shown(calendar, today: dt.date):
    """Every working-day date the product derives on `today`: the ETA of each waiting state (stage
    end and filing range, p50 and p90), the provider review deadline and the sandbox's decision day."""
    from django.utils import timezone as tz

    from beian.filings.services import review_deadline

    shown = []
    for status in [states.DRAFT, *sorted(eta.STAGE_OF_STATE)]:
        for entered in (today - dt.timedelta(days=3), today):
            result = compute_eta(
                status=status, today=today, calendar=calendar, estimates=published(), stage_entered=entered
            )
            assert result is not None
            shown += [result.filed.p50, result.filed.p90]
            if result.stage_end:
                shown += [result.stage_end.p50, result.stage_end.p90]
    queued = tz.make_aware(dt.datetime.combine(today, dt.time(16, 30)))
    shown.append(tz.localdate(review_deadline(queued, working_days=1, calendar=calendar)))
    shown += [calendar.add_working_days(today, days) for days in (1, 7, 20)]
    return shown


SWEEP = [D("2026-12-20") + dt.timedelta(days=i) for i in range(80)]  # to 2027-03-09


def test_provisional_dates_across_new_year_and_spring_festival_2027_avoid_statutory_days(db):
    calendar = current_calendar()
    statutory = set(calendar.statutory_days_off(2027))
    assert {D("2027-01-01"), D("2027-02-05"), D("2027-02-08")} <= statutory
    for today in SWEEP:
        for day in _dates_shown(calendar, today):
            assert calendar.is_working_day(day) and day not in statutory, (today, day)
            assert day.weekday() < 5, (today, day)  # no make-up Saturday is known yet


def test_dates_follow_an_entered_2027_schedule_once_confirmed(db, operator, frozen_clock):
    """With a (hypothetical) 2027 schedule entered and confirmed, every date shown is a working day
    of it: none in the week off, the make-up Saturday used, no warning left."""
    from zoneinfo import ZoneInfo

    from beian.reference.services import calendar_enter_year

    frozen_clock(dt.datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    calendar_enter_year(
        year=2027,
        confirm=True,
        actor=operator,
        makeup_text="2027-02-20",
        days_off_text="2027-01-01..2027-01-03\n2027-02-05..2027-02-11\n2027-04-05\n"
        "2027-05-01..2027-05-05\n2027-06-09\n2027-09-15\n2027-10-01..2027-10-07",
    )
    calendar = current_calendar()
    week_off = {D("2027-02-05") + dt.timedelta(days=i) for i in range(7)}
    used_saturday = False
    for today in SWEEP:
        for day in _dates_shown(calendar, today):
            assert calendar.is_working_day(day) and day not in week_off, (today, day)
            used_saturday |= day == D("2027-02-20")
        assert (
            compute_eta(
                status=states.REGULATOR_REVIEW, today=today, calendar=calendar, estimates=published()
            ).unconfirmed_years
            == ()
        )
    assert used_saturday


def _through_the_pipeline(applicant, frozen_clock, days_per_step):
    """Submit, approve, push (SMS) and verify (regulator review), each step `days` after the last:
    the filing-number dates shown at each stage."""
    from beian.filings import services
    from beian.filings.models import Order

    calendar = current_calendar()
    day = D("2026-12-01")
    frozen_clock(timezone.make_aware(dt.datetime.combine(day, dt.time(10))))
    order = _order_in(applicant.memberships.get().organisation, applicant, "11")
    shown = []
    steps = (
        states.PENDING_PROVIDER_REVIEW,
        states.PENDING_SUBMISSION,
        states.SMS_VERIFICATION,
        states.REGULATOR_REVIEW,
    )
    for to, days in zip(steps, days_per_step, strict=True):
        day = calendar.add_working_days(day, days)
        frozen_clock(timezone.make_aware(dt.datetime.combine(day, dt.time(10))))
        services.order_transition(order=order, to=to, actor_label="test")
        order = Order.objects.get(pk=order.pk)
        shown.append(eta.order_eta(order).filed)
    return shown


def test_the_filing_eta_does_not_jump_earlier_when_stages_finish_inside_their_estimate(applicant, frozen_clock):
    """Approved, pushed and verified on the day of submission: the dates promised at submission stay
    (they used to fall from 2027-01-04…07 to 2026-12-30…30 once in SMS verification)."""
    shown = _through_the_pipeline(applicant, frozen_clock, (0, 0, 0, 0))
    assert [(r.p50, r.p90) for r in shown] == [(D("2027-01-04"), D("2027-01-07"))] * 4


def test_a_stage_running_past_its_estimate_moves_the_filing_eta_later_never_earlier(applicant, frozen_clock):
    shown = _through_the_pipeline(applicant, frozen_clock, (0, 4, 0, 1))  # the provider review took 4 WD
    p50s, p90s = [r.p50 for r in shown], [r.p90 for r in shown]
    assert p50s == sorted(p50s) and p90s == sorted(p90s) and p50s[-1] > p50s[0]
    assert all(r.p50 <= r.p90 for r in shown)


def test_the_promised_dates_are_a_floor_only_while_the_filing_is_in_the_pipeline():
    kwargs = {"today": D("2026-12-01"), "calendar": CAL, "estimates": published(), "stage_entered": D("2026-12-01")}
    later = compute_eta(status=states.SMS_VERIFICATION, stage_entries=[(PROVIDER_REVIEW, D("2026-12-01"))], **kwargs)
    alone = compute_eta(status=states.SMS_VERIFICATION, **kwargs)
    assert later.filed.p50 > alone.filed.p50 and later.stage_end == alone.stage_end  # the stage's own dates unchanged
    draft = compute_eta(status=states.DRAFT, stage_entries=[(PROVIDER_REVIEW, D("2026-11-01"))], **kwargs)
    assert draft.filed == compute_eta(status=states.DRAFT, **kwargs).filed
