"""Shared fixtures: reference data loaded once per test database, the personas, order builders
(tests/builders.py) and recorded material-check results outside the materials tests."""

import os
import threading
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import DatabaseError
from django.test import testcases

ROOT = Path(__file__).resolve().parent
# Only these run the real OCR and face detection on every upload; elsewhere each distinct upload is
# checked for real once per test process and the result replayed (tests/builders.py, RecordedChecks).
REAL_CHECKS = (ROOT / "beian" / "materials" / "tests", ROOT / "tests" / "e2e")


class _OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server on an in-memory SQLite database: every request thread uses the test's one shared
    connection, so two overlapping requests (a page's POST and the favicon it asks for) interleave their
    transactions ("cannot start a transaction within a transaction", a half-committed write) and one
    answers 500. Here those requests take turns; each connection keeps its own thread (keep-alive), only
    the application call and its body are serialized. PostgreSQL has a connection per thread and is
    left alone."""

    _turn = threading.Lock()

    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)

        def one_at_a_time(environ, start_response):
            with self._turn:
                result = application(environ, start_response)
                try:
                    return list(result)
                finally:
                    if hasattr(result, "close"):
                        result.close()

        return super().set_app(one_at_a_time)


testcases.LiveServerThread.server_class = _OneRequestAtATimeServer


@pytest.fixture(autouse=True)
def _recorded_material_checks(request):
    path = Path(str(request.node.path)).resolve()
    if any(path.is_relative_to(folder) for folder in REAL_CHECKS):
        yield
        return
    from tests.builders import RECORDED

    with RECORDED.installed():
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from beian.materials.requirements import load_requirements
    from beian.reference.loader import load_seed

    with django_db_blocker.unblock():
        load_seed()
        load_requirements()


@pytest.fixture
def organisation(db):
    from beian.accounts.models import Organisation

    return Organisation.objects.create(name="北京示例科技有限公司")


def _user(username, role, organisation=None):
    from beian.accounts.models import Membership, User

    user = User.objects.create_user(
        username=username, password="pw-" + username, role=role, email=f"{username}@example.com"
    )
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def applicant(organisation):
    return _user("applicant", "applicant", organisation)


@pytest.fixture
def other_tenant(db):
    from beian.accounts.models import Organisation

    return _user("other", "applicant", Organisation.objects.create(name="上海另一家公司有限公司"))


@pytest.fixture
def reviewer(db):
    return _user("reviewer", "reviewer")


@pytest.fixture
def operator(db):
    return _user("operator", "operator")


@pytest.fixture
def hosted_site(organisation):
    from beian.hosting.models import HostedSite, SiteDomain

    site = HostedSite.objects.create(
        organisation=organisation, slug="demo-shop", title="示例科技官网", body_html="<h1>北京示例科技有限公司</h1>"
    )
    SiteDomain.objects.create(site=site, domain="demo-shop.cn")
    return site


@pytest.fixture
def platform(organisation):
    """The site-building platform that provisioned `organisation` (its account id "acct-1")."""
    from beian.accounts.models import Platform

    platform = Platform.objects.create(name="示例建站平台", slug="sitebuilder")
    organisation.platform = platform
    organisation.external_id = "acct-1"
    organisation.save(update_fields=["platform", "external_id"])
    return platform


@pytest.fixture
def platform_client(platform, operator):
    """`platform_client(scopes=[...], **token_options)`: a test Client sending a new token of `platform`
    (`client.platform_key` holds the key, `client.platform_token` the row)."""
    from django.test import Client

    from beian.accounts.tokens import SCOPES, platform_token_issue

    def make(scopes=None, **options):
        token, key = platform_token_issue(
            platform=platform, name="tests", scopes=list(scopes or SCOPES), actor=operator, **options
        )
        client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
        client.platform_key = key
        client.platform_token = token
        return client

    return make


@pytest.fixture
def receiver(tmp_path):
    """A partner's webhook receiver, a process of its own on loopback that checks each signature with the
    Standard Webhooks library (beian/webhooks/tests/receiving.py): `.url`, `.know(secret)`, `.answer("503")`,
    `.stop()`, `.start()`, `.received()`."""
    from beian.webhooks.tests.receiving import Receiver

    running = Receiver(tmp_path).start()
    yield running
    running.stop()


def _flushes_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    return transactional or bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def pytest_configure(config):
    # one name for this run, inherited by the xdist workers: the deployments' template database
    # (tests.processes) is built once per run and shared
    if not hasattr(config, "workerinput"):
        import os
        import uuid

        os.environ.setdefault("BEIAN_TEST_RUN", uuid.uuid4().hex[:12])


def pytest_sessionfinish(session, exitstatus):
    if not hasattr(session.config, "workerinput"):
        from tests.processes import discard_templates

        discard_templates()


def pytest_collection_modifyitems(session, config, items):
    """Files with a browser, a live server or real processes (every test that flushes the database) run
    first: `--dist loadfile --no-loadscope-reorder` (the Makefile) hands files to the workers in this
    order, so the long ones start early and the two workers end together instead of one finishing a
    2-minute journey alone (xdist's own order, most tests first, put the journeys last)."""
    heavy = {item.path for item in items if _flushes_the_database(item) or _starts_processes(item.module)}
    items.sort(key=lambda item: item.path not in heavy)  # stable: the order within each group stays
    if os.environ.get("BEIAN_TEST_STORES_ONLY"):
        _deselect_store_free(config, items)


# Words of a test module that may use the cache (Redis in the PostgreSQL pass) or ask which database
# it runs on without asking for a database: its tests run in both passes.
_STORE_WORDS = ("cache", "redis", "REDIS", "vendor", "postgres", "DATABASE_URL")


def _deselect_store_free(config, items) -> None:
    """CI's second pass (PostgreSQL and Redis, .ci/run) runs what can depend on them: tests that ask
    for a database, start processes, or touch the cache. The others (pure functions, the material
    checks on images) gave their answer in the first pass on the same code; no database or cache
    can change it."""
    sources: dict[Path, str] = {}

    def stores_free(item) -> bool:
        if item.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(item.fixturenames):
            return False
        if _starts_processes(item.module):
            return False
        if item.path not in sources:
            sources[item.path] = item.path.read_text(encoding="utf-8")
        return not any(word in sources[item.path] for word in _STORE_WORDS)

    free = [item for item in items if stores_free(item)]
    if free:
        config.hook.pytest_deselected(items=free)
        deselected = {id(item) for item in free}
        items[:] = [item for item in items if id(item) not in deselected]


_PROCESS_HELPERS = {"subprocess", "tests.processes", "tests.net", "tests.nginx"}


def _starts_processes(module) -> bool:
    """The test module starts servers, workers or commands of its own (it imported subprocess or the
    process helpers of tests/)."""
    return any(
        getattr(value, "__name__", None) in _PROCESS_HELPERS or getattr(value, "__module__", None) in _PROCESS_HELPERS
        for value in vars(module).values()
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test flushes every table when it ends: put the reference data back at once,
    committed, so the tests after it neither reload it inside their own transaction (slow, and its
    after-commit callbacks would sit in front of the test's own) nor depend on the order they run
    in (xdist distributes files differently from one run to the next)."""
    result = yield
    if _flushes_the_database(item):
        from pytest_django.plugin import blocking_manager_key

        from beian.materials.requirements import load_requirements
        from beian.reference.loader import load_seed

        with item.config.stash[blocking_manager_key].unblock():
            try:
                load_seed()
                load_requirements()
            except DatabaseError:  # its setup failed before a database existed (e.g. no browser)
                pass
    return result


@pytest.fixture(autouse=True)
def _reference_data_present(request):
    """Transactional tests flush every table; put the reference data back for the next test."""
    names = set(request.fixturenames)
    if not names & {"db", "transactional_db", "live_server"}:
        return
    request.getfixturevalue("transactional_db" if names & {"transactional_db", "live_server"} else "db")
    from beian.reference.models import Province

    if not Province.objects.exists():
        from beian.materials.requirements import load_requirements
        from beian.reference.loader import load_seed

        load_seed()
        load_requirements()


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


@pytest.fixture(autouse=True)
def _english_for_direct_calls():
    """Service calls made by a test speak English (the msgids); pages still follow each request's
    language (zh-hans by default), as the middleware activates it per request."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def orders(request, organisation, applicant, hosted_site):
    """Orders of the applicant's organisation in any state (tests/builders.py). Reviewer steps are
    taken by the `reviewer` persona when the test uses it, otherwise by a builder's own reviewer."""
    from tests.builders import OrderBuilder

    reviewer = request.getfixturevalue("reviewer") if "reviewer" in request.fixturenames else None
    return OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer)


@pytest.fixture(autouse=True)
def _hosted_memory_forgotten():
    """Each test starts with no gate entries kept in memory (beian.hosting.hostcache): the rows
    another test kept were rolled back with its transaction, which bumped no stamp."""
    from beian.hosting import hostcache

    hostcache.clear()
