"""Dates the applicant can plan with: when the current stage should end and when the filing
number should be issued, as a range from the median (p50) to the 90th percentile (p90).

Durations are in working days of the mainland calendar (`beian.core.workdays`). Each stage's
percentiles come from the history of the same province (OrderEvent rows: how many working days
each stay in the stage lasted); with fewer than MIN_SAMPLES finished stays the published
durations are used instead (reference `timings`, rules file §2.2; regulator review per province
`expected_regulator_review_working_days`).

The arithmetic is pure (`stage_durations`, `estimate_stage`, `published_durations`,
`compute_eta`): plain data in, dates out. `stage_estimates` and `order_eta` read the database.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from beian.core import clock
from beian.core.workdays import current_calendar
from beian.filings import states
from beian.filings.models import OrderEvent
from beian.reference.models import FilingType, Province
from beian.reference.snapshot import setting

MIN_SAMPLES = 20  # fewer finished stays than this in a province: use the published figures
HISTORY_DAYS = 365  # how far back the history reaches

PROVIDER_REVIEW = "provider_review"
PUSH = "push"
SMS = "sms"
REGULATOR_REVIEW = "regulator_review"

# Stage -> the order states that belong to it. A stay starts when an order enters one of the
# states from outside and ends when it leaves them all.
STAGES: dict[str, frozenset[str]] = {
    PROVIDER_REVIEW: frozenset({states.PENDING_PROVIDER_REVIEW, states.PROVIDER_RESUBMITTED}),
    PUSH: frozenset({states.PENDING_SUBMISSION, states.RETURNED_SMS_TIMEOUT}),
    SMS: frozenset({states.SMS_VERIFICATION}),
    REGULATOR_REVIEW: frozenset({states.REGULATOR_REVIEW}),
}
PIPELINE = (PROVIDER_REVIEW, PUSH, SMS, REGULATOR_REVIEW)
STAGE_END_LABELS = {
    PROVIDER_REVIEW: _("Provider review result expected"),
    PUSH: _("Submission to the regulator expected"),
    SMS: _("SMS verification to be completed"),
    REGULATOR_REVIEW: _("Regulator decision expected"),
}
STAGE_OF_STATE = {state: stage for stage, members in STAGES.items() for state in members}
# Leaving a stage this way is the applicant taking the order back, not the stage finishing.
CENSORING_EVENTS = frozenset({"withdraw", "abandon", "expire"})

# Only if the reference data lacks a figure: the rules file §2.2 values.
DEFAULT_PUBLISHED = {PROVIDER_REVIEW: (1, 2), PUSH: (1, 3), SMS: (1, 1), REGULATOR_REVIEW: (20, 20)}


# --- pure ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    """One order event, reduced to what the duration arithmetic needs."""

    order_id: int
    day: dt.date  # local (Asia/Shanghai) date of the event
    from_status: str
    to_status: str
    event: str = ""


@dataclass(frozen=True)
class StageEstimate:
    stage: str
    p50: int  # working days
    p90: int
    source: str  # "history" | "published"
    samples: int


@dataclass(frozen=True)
class DateRange:
    p50: dt.date
    p90: dt.date

    @property
    def single(self) -> bool:
        return self.p50 == self.p90


@dataclass(frozen=True)
class OrderEta:
    status: str
    stage: str | None  # the stage the order is in; None while it waits on the applicant
    stage_end: DateRange | None  # when the current stage should end
    filed: DateRange  # when the filing number should be issued
    hypothetical: bool  # the dates assume the applicant submits today
    overdue: bool  # the current stage has run past its p90 date
    unconfirmed_years: tuple[int, ...]  # years in the range without a confirmed official calendar
    estimates: tuple[StageEstimate, ...]

    @property
    def stage_end_label(self):
        return STAGE_END_LABELS.get(self.stage, "")

    @property
    def from_history(self) -> bool:
        return any(e.source == "history" for e in self.estimates)


def stage_durations(transitions: Iterable[Transition], stage_states: frozenset[str], calendar) -> list[int]:
    """Working days each finished stay in the stage lasted. `transitions` are chronological per order."""
    entered: dict[int, dt.date] = {}
    durations: list[int] = []
    for t in transitions:
        was_in, is_in = t.from_status in stage_states, t.to_status in stage_states
        if is_in and not was_in:
            entered[t.order_id] = t.day
        elif was_in and not is_in:
            start = entered.pop(t.order_id, None)
            if start is not None and t.event not in CENSORING_EVENTS:
                durations.append(calendar.working_days_between(start, t.day))
    return durations


def percentile(values: Sequence[int], q: float) -> int:
    """Nearest-rank percentile (a value that occurred, never an interpolation)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def estimate_stage(
    stage: str, durations: Sequence[int], *, published: tuple[int, int], min_samples: int = MIN_SAMPLES
) -> StageEstimate:
    if len(durations) >= min_samples:
        return StageEstimate(stage, percentile(durations, 0.5), percentile(durations, 0.9), "history", len(durations))
    low, high = published
    return StageEstimate(stage, low, max(low, high), "published", len(durations))


def _span(value) -> tuple[int, int] | None:
    """A published figure as (low, high): 1 -> (1, 1); "1-3" -> (1, 3); {"a": 1, "b": "1-2"} -> (1, 2)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value), int(value)
    if isinstance(value, str):
        parts = [p.strip() for p in value.replace("–", "-").split("-") if p.strip()]
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            return None
        return (min(numbers), max(numbers)) if numbers else None
    if isinstance(value, dict):
        spans = [s for s in (_span(v) for v in value.values()) if s]
        if not spans:
            return None
        lows = sorted(s[0] for s in spans)
        return lows[(len(lows) - 1) // 2], max(s[1] for s in spans)  # typical provider, slowest provider
    return None


def published_durations(
    timings: dict, *, province_review_days: int | None = None, sms_hours: float | None = None
) -> dict[str, tuple[int, int]]:
    """(p50, p90) working days per stage from the published figures."""
    timings = timings or {}
    out = dict(DEFAULT_PUBLISHED)
    for stage, key in (
        (PROVIDER_REVIEW, "provider_first_review_working_days"),
        (PUSH, "provider_push_to_regulator_working_days"),
    ):
        span = _span(timings.get(key))
        if span:
            out[stage] = span
    hours = sms_hours if sms_hours is not None else timings.get("sms_verification_hours")
    if isinstance(hours, (int, float)) and hours > 0:
        days = math.ceil(hours / 24)
        out[SMS] = (days, days)
    legal_max = _span(timings.get("regulator_review_working_days_max"))
    expected = province_review_days or (legal_max[1] if legal_max else None)
    if expected:
        out[REGULATOR_REVIEW] = (expected, max(expected, legal_max[1] if legal_max else expected))
    return out


def compute_eta(
    *,
    status: str,
    today: dt.date,
    calendar,
    estimates: dict[str, StageEstimate],
    stage_entered: dt.date | None = None,
    needs_sms: bool = True,
    stage_entries: Sequence[tuple[str, dt.date]] = (),
) -> OrderEta | None:
    """The dates for an order in `status`; None for finished orders.

    `stage_entries`: (stage, day entered) of each stage the order went through since it last
    entered the pipeline (submission or resubmission), the current one included. The filing-number
    dates are never earlier than those estimated on entering each of them: the published stage
    figures are upper bounds ("within N working days"), so a stage finished inside its estimate (a
    same-day approval, an immediate push) must not pull the whole filing earlier while the later
    stages are still to come; only a stage running past its estimate moves the dates (later).
    The regulator's decision itself ends the estimate."""
    if status in states.TERMINAL:
        return None
    pipeline = [s for s in PIPELINE if needs_sms or s != SMS]
    stage = STAGE_OF_STATE.get(status)
    floor = calendar.next_working_day(today)
    stage_end, overdue = None, False
    if stage is None:  # waiting on the applicant: the dates if they submit today
        rest, base50, base90 = pipeline, today, today
    else:
        estimate = estimates[stage]
        start = stage_entered or today
        end50 = calendar.add_working_days(start, estimate.p50)
        end90 = calendar.add_working_days(start, estimate.p90)
        overdue = end90 < today
        end50 = max(end50, floor)  # an estimate already past is "any working day now"
        end90 = max(end90, end50)
        stage_end = DateRange(end50, end90)
        rest = [s for s in PIPELINE[PIPELINE.index(stage) + 1 :] if s in pipeline]
        base50, base90 = end50, end90
    filed = DateRange(
        calendar.add_working_days(base50, sum(estimates[s].p50 for s in rest)),
        calendar.add_working_days(base90, sum(estimates[s].p90 for s in rest)),
    )
    if stage is not None:
        for entered_stage, entered_on in stage_entries:
            promised = _promised(entered_stage, entered_on, pipeline, estimates, calendar)
            p50 = max(filed.p50, promised.p50)
            filed = DateRange(p50, max(filed.p90, promised.p90, p50))
    used = tuple(estimates[s] for s in ([stage] if stage else []) + list(rest))
    return OrderEta(
        status=status,
        stage=stage,
        stage_end=stage_end,
        filed=filed,
        hypothetical=stage is None,
        overdue=overdue,
        unconfirmed_years=tuple(calendar.unconfirmed_years(today, filed.p90)),
        estimates=used,
    )


def decision_span(estimates: dict[str, StageEstimate], *, needs_sms: bool = True) -> tuple[int, int]:
    """Working days from submission to the regulator's decision for an order about to start:
    (every stage's p50 added up, every stage's p90 added up)."""
    stages = [s for s in PIPELINE if needs_sms or s != SMS]
    return sum(estimates[s].p50 for s in stages), sum(estimates[s].p90 for s in stages)


def _promised(
    stage: str, entered_on: dt.date, pipeline: Sequence[str], estimates: dict[str, StageEstimate], calendar
) -> DateRange:
    """The filing-number dates as estimated on the day the order entered `stage`."""
    rest = [s for s in PIPELINE[PIPELINE.index(stage) :] if s in pipeline]
    return DateRange(
        calendar.add_working_days(entered_on, sum(estimates[s].p50 for s in rest)),
        calendar.add_working_days(entered_on, sum(estimates[s].p90 for s in rest)),
    )


# --- database ----------------------------------------------------------------------------------


def _local_date(moment: dt.datetime) -> dt.date:
    from django.utils import timezone

    return timezone.localdate(moment)


def province_transitions(*, province: str, since: dt.datetime) -> list[Transition]:
    """Every stage-relevant transition of the province's orders since `since`, chronological."""
    from django.db.models import Q

    relevant = sorted(STAGE_OF_STATE)
    rows = (
        OrderEvent.objects.filter(order__subject__province=province, at__gte=since)
        .filter(Q(from_status__in=relevant) | Q(to_status__in=relevant))
        .order_by("at", "id")
        .values_list("order_id", "at", "from_status", "to_status", "event")
    )
    return [Transition(order_id, _local_date(at), frm, to, event) for order_id, at, frm, to, event in rows]


def type_review_span(filing_type: str) -> tuple[int, int] | None:
    """The regulator's review of a filing type when reference data gives one of its own
    (`filing_types[].regulator_review_working_days`: cancellations take 1–5 working days, §1.6)."""
    if not filing_type:
        return None
    row = FilingType.objects.filter(code=filing_type).first()
    return _span((row.extra or {}).get("regulator_review_working_days")) if row else None


def type_review_spans(filing_types: Iterable[str]) -> dict[str, tuple[int, int]]:
    """`type_review_span` of several filing types in one query (the types without a span of their own left out)."""
    rows = FilingType.objects.filter(code__in=set(filing_types)).values_list("code", "extra")
    spans = {code: _span((extra or {}).get("regulator_review_working_days")) for code, extra in rows}
    return {code: span for code, span in spans.items() if span}


def stage_estimates(
    *, province: str, calendar, now: dt.datetime | None = None, filing_type: str = ""
) -> dict[str, StageEstimate]:
    """Per stage: percentiles of the province's history, or the published figures. A filing type
    with a review length of its own in reference data (cancellations) uses that for the review."""
    now = now or clock.now()
    row = Province.objects.filter(code=province).first() if province else None
    sms_hours = (setting("sms_verification", {}) or {}).get("window_hours")
    published = published_durations(
        setting("timings", {}) or {},
        sms_hours=sms_hours,
        province_review_days=row.expected_regulator_review_working_days if row else None,
    )
    history = province_transitions(province=province, since=now - dt.timedelta(days=HISTORY_DAYS)) if province else []
    estimates = {
        stage: estimate_stage(stage, stage_durations(history, STAGES[stage], calendar), published=published[stage])
        for stage in PIPELINE
    }
    own = type_review_span(filing_type)
    if own:
        estimates[REGULATOR_REVIEW] = StageEstimate(REGULATOR_REVIEW, own[0], max(own), "published", 0)
    return estimates


def stage_entered_on(order) -> dt.date:
    """The date the order entered the stage it is in now (a stay may span several states)."""
    stage = STAGE_OF_STATE.get(order.status)
    members = STAGES[stage] if stage else frozenset({order.status})  # every STAGE_OF_STATE value is a stage
    entry = (
        order.events.filter(to_status__in=members)
        .exclude(from_status__in=members)
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    return _local_date(entry or order.status_changed_at)


def stage_entries(order) -> list[tuple[str, dt.date]]:
    """(stage, day entered) of every stage since the order last entered the pipeline."""
    review = STAGES[PROVIDER_REVIEW]
    events = list(
        order.events.filter(Q(from_status__in=STAGE_OF_STATE) | Q(to_status__in=STAGE_OF_STATE))
        .order_by("at", "id")
        .values_list("at", "from_status", "to_status")
    )
    entries: list[tuple[str, dt.date]] = []
    for at, from_status, to_status in events:
        stage, before = STAGE_OF_STATE.get(to_status), STAGE_OF_STATE.get(from_status)
        if stage is None or stage == before:
            continue
        if to_status in review:  # a (re)submission starts the pipeline again
            entries = []
        entries.append((stage, _local_date(at)))
    return entries


def needs_sms(filing_type: str) -> bool:
    targets = (setting("sms_verification", {}) or {}).get("targets_by_type", {})
    return bool(targets.get(filing_type, ["?"]))


def decision_spans(
    *, province: str, filing_types: Iterable[str], calendar=None, now: dt.datetime | None = None
) -> dict[str, tuple[int, int]]:
    """Per filing type: the working days an order of that type started now would take from its
    submission to the regulator's decision, (typical, slow) — the province's stage estimates
    (`stage_estimates`: history, or the published durations), each type's own regulator review
    span where reference data gives one (cancellations: 1–5), and no SMS stage for a type whose
    SMS nobody receives. The filed dashboard shows it beside each action; the sandbox regulator
    reviews within the same spans."""
    calendar = calendar or current_calendar()
    types = list(dict.fromkeys(filing_types))
    base = stage_estimates(province=province, calendar=calendar, now=now)
    own = type_review_spans(types)
    targets = (setting("sms_verification", {}) or {}).get("targets_by_type", {})
    out = {}
    for filing_type in types:
        estimates = dict(base)
        if filing_type in own:
            low, high = own[filing_type]
            estimates[REGULATOR_REVIEW] = StageEstimate(REGULATOR_REVIEW, low, max(low, high), "published", 0)
        out[filing_type] = decision_span(estimates, needs_sms=bool(targets.get(filing_type, ["?"])))
    return out


def order_eta(order, *, calendar=None) -> OrderEta | None:
    """The dates to show for this order now (None once it is finished)."""
    if order.status in states.TERMINAL:
        return None
    calendar = calendar or current_calendar()
    now = clock.now()
    return compute_eta(
        status=order.status,
        today=_local_date(now),
        calendar=calendar,
        estimates=stage_estimates(
            province=order.subject.province, calendar=calendar, now=now, filing_type=order.filing_type
        ),
        stage_entered=stage_entered_on(order) if order.status in STAGE_OF_STATE else None,
        needs_sms=needs_sms(order.filing_type),
        stage_entries=stage_entries(order) if order.status in STAGE_OF_STATE else (),
    )
