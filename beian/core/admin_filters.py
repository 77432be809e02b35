"""A list filter over a stored code that shows each code's label in the reader's language, for fields
that keep their codes without `choices=` (filing types, record actions, severities)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib import admin


def labelled_filter(field: str, title, lookups: Callable[[], Iterable[tuple[str, object]]]) -> type:
    """A SimpleListFilter on `field` offering `lookups()` as (code, label) pairs."""

    class LabelledFilter(admin.SimpleListFilter):
        parameter_name = field

        def lookups(self, request, model_admin):
            return list(lookups())

        def queryset(self, request, queryset):
            return queryset.filter(**{field: self.value()}) if self.value() else queryset

    LabelledFilter.title = title
    return LabelledFilter
