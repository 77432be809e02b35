"""Two first questions at once (two tabs, two colleagues) on PostgreSQL: both land in the order's one
conversation, neither gets an error page."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from beian.support.models import Conversation, ConversationMessage
from beian.support.services import message_post

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer: row-level concurrency is proven in the PostgreSQL pass",
    ),
    pytest.mark.django_db(transaction=True),
]

PARALLEL = 8


def test_simultaneous_first_messages_on_an_order_share_its_one_conversation(orders, organisation, applicant):
    order = orders.submitted()
    barrier, errors = threading.Barrier(PARALLEL), []

    def ask(n):
        try:
            barrier.wait()
            message_post(organisation=organisation, author=applicant, body=f"问题 {n}", order=order)
        except Exception as error:  # an IntegrityError is what this test must never see
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    conversation = Conversation.objects.get(order=order)
    assert sorted(ConversationMessage.objects.filter(conversation=conversation).values_list("body", flat=True)) == [
        f"问题 {n}" for n in range(PARALLEL)
    ]
