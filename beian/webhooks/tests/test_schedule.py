"""The retry schedule and the in-order rule, as pure functions."""

import datetime as dt

import pytest

from beian.webhooks.schedule import MAX_ATTEMPTS, RETRY_SCHEDULE, Queued, heads, retry_delay, waiting_behind


def test_a_failed_delivery_is_retried_after_5s_30s_2min_10min_1h_6h_12h_24h_then_given_up():
    delays = [retry_delay(n) for n in range(1, MAX_ATTEMPTS + 1)]
    assert delays == [
        dt.timedelta(seconds=5),
        dt.timedelta(seconds=30),
        dt.timedelta(minutes=2),
        dt.timedelta(minutes=10),
        dt.timedelta(hours=1),
        dt.timedelta(hours=6),
        dt.timedelta(hours=12),
        dt.timedelta(hours=24),
        None,  # the 9th failed attempt: dead
    ]
    assert sum(RETRY_SCHEDULE, dt.timedelta()) > dt.timedelta(hours=43)  # a receiver may be down ~2 days


def test_there_is_no_delay_before_the_first_attempt():
    with pytest.raises(ValueError):
        retry_delay(0)


def test_only_the_earliest_not_yet_delivered_event_of_each_order_and_endpoint_may_go_out():
    queued = [
        Queued(pk=12, group=(1, "order:7"), sequence=30),
        Queued(pk=10, group=(1, "order:7"), sequence=20),
        Queued(pk=11, group=(2, "order:7"), sequence=20),  # the same order, another endpoint
        Queued(pk=13, group=(1, "order:8"), sequence=25),
        Queued(pk=14, group=(1, "order:7"), sequence=40),
    ]
    assert heads(queued) == {(1, "order:7"): 10, (2, "order:7"): 11, (1, "order:8"): 13}
    assert waiting_behind(queued) == {12: 10, 14: 10}


def test_events_of_the_same_instant_keep_the_order_they_were_written_in():
    queued = [Queued(pk=5, group="g", sequence=1), Queued(pk=4, group="g", sequence=1)]
    assert heads(queued) == {"g": 4}


def test_nothing_queued_nothing_to_send():
    assert heads([]) == {}
    assert waiting_behind([]) == {}
