"""Reviewers read IDN domains as U-labels (stored as A-labels) in the queue and on the order page."""

from __future__ import annotations

from django.test import Client

from beian.filings.models import Website

IDN = "xn--fsq092h.xn--fiqs8s"  # 示例.中国


def test_the_queue_and_the_order_page_show_the_u_label(orders, reviewer):
    order = orders.submitted()
    Website.objects.filter(pk=order.website_id).update(domain=IDN)
    client = Client()
    client.force_login(reviewer)
    queue = client.get("/review/").content.decode()
    assert "示例.中国" in queue and IDN not in queue
    page = client.get(f"/review/orders/{order.pk}/").content.decode()
    assert "示例.中国" in page and IDN not in page
