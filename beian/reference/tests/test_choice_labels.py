"""A stored choice shown to a reader: each value by its name in the reader's language, several listed as
that language lists things (“即时通信、网络购物” / “Instant messaging, Online shopping”)."""

from __future__ import annotations

import pytest
from django.utils import translation

from beian.reference import choices


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"),
    [("zh-hans", "即时通信、网络购物"), ("en", "Instant messaging, Online shopping")],
)
def test_several_choices_are_listed_in_the_readers_language(language, shown):
    with translation.override(language):
        assert choices.label("service_contents", ["即时通信", "网络购物"]) == shown
