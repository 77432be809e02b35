"""Operators read IDN domains as U-labels on the console (stored as A-labels)."""

from __future__ import annotations

from django.test import Client

from beian.filings.models import Website

IDN = "xn--fsq092h.xn--fiqs8s"  # 示例.中国


def test_the_consoles_regulator_cases_show_the_u_label(orders, operator):
    order = orders.regulator_review()
    Website.objects.filter(pk=order.website_id).update(domain=IDN)
    client = Client()
    client.force_login(operator)
    page = client.get("/operator/").content.decode()
    assert order.reference in page
    assert "示例.中国" in page and IDN not in page
