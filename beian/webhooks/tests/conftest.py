"""An endpoint of the test platform at the receiver process (the `receiver` fixture: root conftest)."""

import pytest


@pytest.fixture
def endpoint(platform, receiver, operator):
    """An endpoint of the test platform at the receiver, whose secret the receiver knows."""
    from beian.webhooks.services import endpoint_create

    created, secret = endpoint_create(platform=platform, url=receiver.url, description="tests", actor=operator)
    receiver.know(secret)
    created.secret_shown = secret
    return created
