"""Cursor pagination for the API's lists: keyset on the primary key, an opaque cursor.

`paginate(queryset, cursor, limit)` answers one page of `queryset` in primary-key order and the cursor of
the next page (None after the last). The cursor names the last row handed out, not an offset, so a row
added or removed while a client pages through never makes another row appear twice or go missing: rows
added behind the cursor come on a later page, and nothing shifts. A list endpoint answers
`{"items": [...], "next_cursor": "..."}` (`page_out`) and takes `cursor` and `limit` query parameters
(`CURSOR`, `LIMIT`).

Errors are the API's ValidationFailed (422) with stable codes: `pagination.cursor_invalid` for a cursor
this module did not make, `pagination.limit_invalid` for a limit outside 1..MAX_LIMIT.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, NamedTuple

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Query

from beian.core.exceptions import ValidationFailed

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
_VERSION = 1


class Page(NamedTuple):
    items: list[Any]
    next_cursor: str | None


def encode_cursor(last_pk: int) -> str:
    raw = json.dumps({"v": _VERSION, "after": last_pk}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The primary key a cursor points after; ValidationFailed `pagination.cursor_invalid` otherwise."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        after = data["after"] if data.get("v") == _VERSION else None
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeEncodeError, binascii.Error):
        after = None
    if not isinstance(after, int) or isinstance(after, bool) or after < 0:
        raise ValidationFailed(
            _("This cursor is not valid: pass the next_cursor of the previous page unchanged, or none to start."),
            field="cursor",
            code="pagination.cursor_invalid",
        )
    return after


def paginate(queryset: QuerySet, cursor: str | None = None, limit: int | None = None) -> Page:
    """One page of `queryset` in primary-key order, after `cursor` (from the start without one), at most
    `limit` rows (DEFAULT_LIMIT without one); `next_cursor` is None when no row follows."""
    size = DEFAULT_LIMIT if limit is None else limit
    if not 1 <= size <= MAX_LIMIT:
        raise ValidationFailed(
            _("The limit must be between 1 and %(max)s.") % {"max": MAX_LIMIT},
            field="limit",
            code="pagination.limit_invalid",
        )
    rows = queryset.order_by("pk")
    if cursor:
        rows = rows.filter(pk__gt=decode_cursor(cursor))
    items = list(rows[: size + 1])
    if len(items) <= size:
        return Page(items, None)
    items = items[:size]
    return Page(items, encode_cursor(items[-1].pk))


def page_out(page: Page, render) -> dict:
    """A page as the API answers it: each item through `render`, and the next cursor."""
    return {"items": [render(item) for item in page.items], "next_cursor": page.next_cursor}


CURSOR = Query(
    None,
    max_length=200,
    description="The `next_cursor` of the previous page, unchanged; none for the first page.",
)
LIMIT = Query(None, description=f"Items per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).")
