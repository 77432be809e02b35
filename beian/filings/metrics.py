"""The reviewer metrics' derived rows (models.ReviewDecision, ReviewReturnReason), kept from the
order timeline so that the metrics page reads a period of ready rows instead of reworking every
order's timeline per page view.

One pure function, `decision_rows`, turns an order's timeline into its rows; both the incremental
path (`review_decisions_refresh`, run on every decision or first submission saved — see
beian.filings.signals) and the full rebuild (`review_decisions_rebuild`, `manage.py
rebuild_review_metrics`, for timelines loaded around the ORM: bulk loads, imports, restores) use
it, so that the two always give the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Imported only lazily itself (filings.signals, the rebuild command, migration 0015), so the models are loaded
from beian.filings.models import Order, OrderEvent, ReviewDecision, ReviewReturnReason

DECISION_EVENTS = ("approve", "return_fields", "reject")
# What a decision row depends on: the order's decisions and its first submission.
METRIC_EVENTS = frozenset({*DECISION_EVENTS, "submit"})
_EVENT_FIELDS = ("id", "order_id", "event", "at", "actor_label", "data")


@dataclass(frozen=True)
class DecisionRow:
    event_id: int
    order_id: int
    at: Any
    returned: bool
    first: bool
    waited_seconds: float | None
    province: str
    reviewer: str
    reasons: dict[str, int] = field(default_factory=dict)  # reason code -> fields returned with it


def decision_rows(events: Sequence[dict], *, province: str) -> list[DecisionRow]:
    """An order's decision rows from its timeline events (dicts with _EVENT_FIELDS, in timeline
    order: at, then id). The first decision is the earliest; its wait runs from the first
    submission (None without one)."""
    first_submit = next((e["at"] for e in events if e["event"] == "submit"), None)
    rows: list[DecisionRow] = []
    for e in events:
        if e["event"] not in DECISION_EVENTS:
            continue
        first = not rows
        reasons: dict[str, int] = {}
        if e["event"] == "return_fields":
            for r in (e["data"] or {}).get("returns", []):
                code = r.get("reason_code", "")
                reasons[code] = reasons.get(code, 0) + 1
        rows.append(
            DecisionRow(
                event_id=e["id"],
                order_id=e["order_id"],
                at=e["at"],
                returned=e["event"] == "return_fields",
                first=first,
                waited_seconds=(e["at"] - first_submit).total_seconds() if first and first_submit else None,
                province=province or "",
                reviewer=e["actor_label"] or "",
                reasons=reasons,
            )
        )
    return rows


def _models(apps=None):
    """The live models, or a migration's historical ones (`apps`)."""
    if apps is None:
        return OrderEvent, ReviewDecision, ReviewReturnReason
    return (
        apps.get_model("filings", "OrderEvent"),
        apps.get_model("filings", "ReviewDecision"),
        apps.get_model("filings", "ReviewReturnReason"),
    )


def _write(rows: Iterable[DecisionRow], *, apps=None, batch_size: int = 5000) -> int:
    _, decision_model, reason_model = _models(apps)
    rows = list(rows)
    decision_model.objects.bulk_create(
        [
            decision_model(
                event_id=r.event_id,
                order_id=r.order_id,
                at=r.at,
                returned=r.returned,
                first=r.first,
                waited_seconds=r.waited_seconds,
                province=r.province,
                reviewer=r.reviewer,
            )
            for r in rows
        ],
        batch_size=batch_size,
    )
    reason_model.objects.bulk_create(
        [
            reason_model(decision_id=r.event_id, at=r.at, code=code, fields=n)
            for r in rows
            for code, n in r.reasons.items()
        ],
        batch_size=batch_size,
    )
    return len(rows)


def review_decisions_refresh(*, order_id: int) -> int:
    """Derive one order's decision rows again from its timeline (a handful of events). Runs in the
    caller's transaction, right after the event is saved. Returns how many rows it wrote."""
    event_model, decision_model, _ = _models()
    events = list(
        event_model.objects.filter(order_id=order_id, event__in=METRIC_EVENTS)
        .order_by("at", "id")
        .values(*_EVENT_FIELDS)
    )
    decision_model.objects.filter(order_id=order_id).delete()
    if not any(e["event"] in DECISION_EVENTS for e in events):
        return 0
    province = Order.objects.filter(pk=order_id).values_list("subject__province", flat=True).first()
    return _write(decision_rows(events, province=province or ""))


def review_decisions_rebuild(*, apps=None, chunk_size: int = 20000) -> int:
    """Derive every decision row again from the whole timeline (the rows are replaced). Returns
    how many decision rows there are."""
    from django.db import connection, transaction

    event_model, decision_model, reason_model = _models(apps)
    events = (
        event_model.objects.filter(event__in=METRIC_EVENTS)
        .order_by("order_id", "at", "id")
        .values(*_EVENT_FIELDS, "order__subject__province")
        .iterator(chunk_size=chunk_size)
    )
    total = 0
    with transaction.atomic():
        with connection.cursor() as cursor:  # every row goes: no need to collect them first
            for model in (reason_model, decision_model):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        pending: list[DecisionRow] = []
        timeline: list[dict] = []
        for e in events:
            if timeline and timeline[0]["order_id"] != e["order_id"]:
                pending.extend(decision_rows(timeline, province=timeline[0]["order__subject__province"]))
                timeline = []
            timeline.append(e)
            if len(pending) >= chunk_size:
                total += _write(pending, apps=apps)
                pending = []
        if timeline:
            pending.extend(decision_rows(timeline, province=timeline[0]["order__subject__province"]))
        total += _write(pending, apps=apps)
    return total
