"""A change made in another process is seen by the next hosted request of a server that keeps its
gate entries in memory: real processes against one database (a SQLite file, or a fresh PostgreSQL
database in the PostgreSQL pass) and one gate stamp (the file under their shared VAR_DIR, or with
REDIS_URL the Redis key).

A gunicorn worker serves the hosted site; `manage.py shell` processes approve the filing, edit the
site and unbind its domain, as the regulator worker or the applicant's web process would. The server
trusts what it keeps for 600 s here (GATE_CACHE_MAX_AGE), so only the stamp can tell it: a write
that bypasses the signals (no bump) stays unseen, which shows the server answers from its memory.
"""

from __future__ import annotations

import os
import signal
import sys

import pytest
from django.conf import settings

from tests.net import http_get
from tests.processes import APPROVE, Deployment, deployment_database, serving

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="needs gunicorn")

SETUP = """
import json
from beian.demo.orders import BEIJING, tenant_for
from tests.builders import RECORDED, OrderBuilder
organisation, user, site = tenant_for(BEIJING)
with RECORDED.installed():
    order = OrderBuilder(organisation=organisation, user=user, site=site).regulator_review()
print("RESULT" + json.dumps({"order": order.pk, "site": site.pk, "slug": site.slug, "domain": site.domains.get().domain, "title": site.title}))
"""

BYPASS = """
from beian.hosting.models import HostedSite
HostedSite.objects.filter(pk={site}).update(title="绕过信号的标题")
print("RESULT{{}}")
"""

EDIT = """
from beian.hosting.models import HostedSite
site = HostedSite.objects.get(pk={site})
site.title = "另一进程改的标题"
site.save()
print("RESULT{{}}")
"""

UNBIND = """
from beian.hosting.models import SiteDomain
SiteDomain.objects.get(domain={domain!r}).delete()
print("RESULT{{}}")
"""


def get(port: int, host: str) -> tuple[int, str]:
    status, body = http_get(port, host)
    return status, body.decode()


def server(deploy: Deployment):
    """A gunicorn worker serving config.wsgi against the deployment, trusting its memory 600 s."""
    return serving(deploy, BEIAN_GATE_CACHE_MAX_AGE="600")


@pytest.fixture(
    params=[("sqlite", "file"), ("postgres", "file"), ("sqlite", "cache")],
    ids=["sqlite-file-stamp", "postgres-file-stamp", "sqlite-redis-stamp"],
)
def deploy(request, tmp_path_factory):
    kind, stamp = request.param
    env = {"BEIAN_GATE_STAMP": stamp}
    if stamp == "cache":
        if not os.environ.get("REDIS_URL"):
            pytest.skip("the Redis stamp runs in the pass with REDIS_URL")
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    folder = tmp_path_factory.mktemp(f"gate-{kind}-{stamp}")
    with deployment_database(kind, folder, every_pass=stamp == "cache", **env) as deployment:
        yield deployment


def test_changes_made_by_other_processes_are_seen_by_the_next_request_of_the_server(deploy):
    made = deploy.python(SETUP)
    domain, slug = made["domain"], made["slug"]
    platform_address = f"{slug}{settings.HOSTED_SITE_SUFFIX}"
    with server(deploy) as port:
        assert get(port, domain)[0] == 503  # the first filing is with the regulator
        assert get(port, platform_address)[0] == 503

        approved = deploy.python(APPROVE.format(order=made["order"]))  # the regulator worker's process
        assert approved["status"] == "APPROVED"
        for host in (domain, f"www.{domain}", platform_address):
            status, page = get(port, host)
            assert status == 200 and approved["number"] in page and made["title"] in page, host

        deploy.python(BYPASS.format(site=made["site"]))  # no signal, no bump: the server keeps its page
        status, page = get(port, domain)
        assert status == 200 and made["title"] in page and "绕过信号的标题" not in page

        deploy.python(EDIT.format(site=made["site"]))  # the applicant's web process
        status, page = get(port, domain)
        assert status == 200 and "另一进程改的标题" in page and approved["number"] in page

        deploy.python(UNBIND.format(domain=domain))
        assert get(port, domain)[0] == 404
        assert get(port, platform_address)[0] == 451  # the site has no domain left to be filed
