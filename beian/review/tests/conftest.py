import pytest


@pytest.fixture
def frozen_clock(monkeypatch):
    """Set business "now" to fixed instants: `frozen_clock(dt)` (the clock module is the only source)."""
    from beian.core import clock

    state = {}

    def set_now(when):
        state["now"] = when
        return when

    monkeypatch.setattr(clock, "now", lambda: state["now"])
    return set_now


@pytest.fixture
def second_reviewer(db):
    from beian.accounts.models import User

    return User.objects.create_user(username="reviewer2", password="pw-reviewer2", role="reviewer")
