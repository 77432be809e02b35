"""Hosted requests answered from each process's memory (beian.hosting.hostcache): no query while
nothing changed, at most one right after a change, and the change seen by the very next request —
with nothing cleared by hand. The gate stamp (beian.hosting.stamp) is what tells a process that
something changed; its file form must move on every bump, also when bumps come faster than the
file system's clock ticks and from other processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from django.conf import settings as django_settings
from django.test import Client

from beian.filings import services
from beian.hosting import hostcache, stamp
from beian.hosting.models import HostedSite, SiteDomain
from beian.reference.models import ReferenceSetting

HOSTS = ("demo-shop.cn", "www.demo-shop.cn", "blog.demo-shop.cn", "demo-shop.localhost")


def get(host: str, path: str = "/"):
    return Client().get(path, HTTP_HOST=host)


def serves(response, *texts: str) -> bool:
    body = response.content.decode()
    return response.status_code == 200 and all(text in body for text in texts)


@pytest.fixture
def filed(orders):
    return orders.approved()


def test_a_hosted_request_makes_no_query_while_nothing_changed(filed, django_assert_num_queries):
    number = filed.website.filing_number
    for host in HOSTS:
        get(host)  # the first request of this process for the host reads the table
    for host in HOSTS:
        with django_assert_num_queries(0):
            response = get(host)
        assert serves(response, number, "示例科技官网"), host


def test_an_unknown_host_is_remembered_too_until_a_site_answers_on_it(hosted_site, django_assert_num_queries):
    assert get("later-shop.cn").status_code == 404
    with django_assert_num_queries(0):
        assert get("later-shop.cn").status_code == 404
    SiteDomain.objects.create(site=hosted_site, domain="later-shop.cn")
    assert get("later-shop.cn").status_code == 451  # the site answers now (unfiled: blocked)


def test_the_request_after_an_approval_serves_in_one_query(
    orders, django_capture_on_commit_callbacks, django_assert_num_queries, django_assert_max_num_queries
):
    order = orders.regulator_review()
    assert get("demo-shop.cn").status_code == 503
    with django_assert_num_queries(0):
        assert get("demo-shop.cn").status_code == 503
    with django_capture_on_commit_callbacks(execute=True):
        order = orders._decide(order, approve=True)
    number = order.website.filing_number
    with django_assert_max_num_queries(1):
        assert serves(get("demo-shop.cn"), number)
    with django_assert_num_queries(0):
        assert serves(get("demo-shop.cn"), number)


def test_the_request_after_a_site_edit_shows_it_in_one_query(
    filed, hosted_site, django_capture_on_commit_callbacks, django_assert_num_queries, django_assert_max_num_queries
):
    number = filed.website.filing_number
    assert serves(get("demo-shop.cn"), "示例科技官网")
    with django_capture_on_commit_callbacks(execute=True):
        hosted_site.title = "示例科技新官网"
        hosted_site.body_html = "<h1>新版内容</h1>"
        hosted_site.save()
    with django_assert_max_num_queries(1):
        response = get("demo-shop.cn")
    assert (
        serves(response, number, "示例科技新官网", "新版内容")
        and "北京示例科技有限公司" not in response.content.decode()
    )
    with django_assert_max_num_queries(1):  # each host is read once after the change
        assert serves(get("demo-shop.localhost"), number, "新版内容")
    with django_assert_num_queries(0):
        assert serves(get("demo-shop.cn"), number, "新版内容")


def test_the_request_after_a_withdrawn_first_filing_blocks_in_one_query(
    orders, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    order = orders.submitted()
    assert get("demo-shop.cn").status_code == 503
    with django_capture_on_commit_callbacks(execute=True):
        services.order_withdraw(order=order, user=orders.user)
    with django_assert_max_num_queries(1):
        assert get("demo-shop.cn").status_code == 451


def test_the_request_after_a_domain_is_unbound_no_longer_reaches_the_site(filed, django_assert_num_queries):
    number = filed.website.filing_number
    assert serves(get("demo-shop.cn"), number)
    assert serves(get("demo-shop.localhost"), number)
    SiteDomain.objects.get(domain="demo-shop.cn").delete()
    assert get("demo-shop.cn").status_code == 404
    assert get("demo-shop.localhost").status_code == 451  # no primary domain left
    with django_assert_num_queries(0):
        assert get("demo-shop.cn").status_code == 404


def test_a_new_miit_link_in_the_footer_setting_is_on_the_next_page(filed):
    assert serves(get("demo-shop.cn"), "https://beian.miit.gov.cn/")
    row = ReferenceSetting.objects.get(key="filing_number_formats")
    row.value = {**row.value, "miit_link": "https://beian.miit.gov.cn/#/new"}
    row.save()
    assert serves(get("demo-shop.cn"), "https://beian.miit.gov.cn/#/new")


def test_a_write_that_bypasses_the_signals_is_seen_after_the_max_age(filed, hosted_site, monkeypatch, settings):
    """The net under a lost bump: what a process keeps expires after GATE_CACHE_MAX_AGE seconds."""
    settings.GATE_CACHE_MAX_AGE = 5
    now = [1000.0]
    monkeypatch.setattr(hostcache, "monotonic", lambda: now[0])
    assert serves(get("demo-shop.cn"), "示例科技官网")
    HostedSite.objects.filter(pk=hosted_site.pk).update(title="绕过信号的标题")  # no signal, no bump
    now[0] += 4
    assert serves(get("demo-shop.cn"), "示例科技官网")  # kept: nothing announced the change
    now[0] += 2
    assert serves(get("demo-shop.cn"), "绕过信号的标题")


# --- the stamp ---------------------------------------------------------------------------------


def test_the_file_stamp_moves_on_every_bump_even_many_within_one_clock_tick(tmp_path):
    file_stamp = stamp.FileStamp(tmp_path / "gate.stamp")
    seen = {file_stamp.read()}
    for _ in range(300):
        file_stamp.bump()
        seen.add(file_stamp.read())
    assert len(seen) == 301 and None not in seen
    assert (tmp_path / "gate.stamp").read_text().strip() == "301"  # the first read created it


def test_the_file_stamp_sees_bumps_from_other_processes(tmp_path):
    path = tmp_path / "gate.stamp"
    file_stamp = stamp.FileStamp(path)
    before = file_stamp.read()
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from beian.hosting.stamp import FileStamp
        for _ in range(50):
            FileStamp(Path({str(path)!r})).bump()
        """
    )
    workers = [subprocess.Popen([sys.executable, "-c", code], cwd=django_settings.BASE_DIR) for _ in range(3)]
    assert [w.wait(timeout=60) for w in workers] == [0, 0, 0]
    assert file_stamp.read() != before
    assert path.read_text().strip() == "151"  # no bump lost: they took turns


def test_the_cache_stamp_moves_on_every_bump_and_restarts_at_random_when_evicted():
    from django.core.cache import cache

    cache_stamp = stamp.CacheStamp()
    first = cache_stamp.read()
    cache_stamp.bump()
    second = cache_stamp.read()
    assert first is not None and second != first
    cache.delete(stamp.CACHE_KEY)  # evicted
    assert cache_stamp.read() not in {None, first, second}


def test_the_settings_choose_the_stamp(settings, tmp_path):
    settings.GATE_STAMP, settings.VAR_DIR = "file", tmp_path
    assert isinstance(stamp.current(), stamp.FileStamp) and stamp.current().path == tmp_path / "gate.stamp"
    settings.GATE_STAMP = "cache"
    assert isinstance(stamp.current(), stamp.CacheStamp)
