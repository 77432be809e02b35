"""The Content-Security-Policy (no inline script) leaves the platform's pages working: the login page, the
language menu, a wizard step with its live field check (HTMX), the reviewer queue, an order under review and
Swagger UI at /api/docs, with no script refused and no error in the browser console."""

from __future__ import annotations

import pytest

from beian.filings import services
from tests.builders import OrderBuilder
from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e


def test_the_main_pages_work_under_the_content_security_policy(
    live_server, page, shoot, applicant, reviewer, organisation, hosted_site
):
    base = live_server.url
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in {"error", "warning"} else None)
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    checks: list[str] = []
    page.on("request", lambda r: checks.append(r.url) if r.url.endswith("/check/") else None)

    page.goto(f"{base}/accounts/login/")
    assert "script-src 'self'" in page.evaluate(
        "() => fetch(location.href).then(r => r.headers.get('content-security-policy'))"
    )
    page.select_option("select[name=language]", "en")  # submitted by static/js/app.js
    wait_until(page, "document.documentElement.lang === 'en'")  # (Playwright's wait_for_function needs eval)
    page.select_option("select[name=language]", "zh-hans")
    wait_until(page, "document.documentElement.lang === 'zh-hans'")

    draft = services.order_create_draft(organisation=organisation, user=applicant, hosted_site=hosted_site)
    page.fill("input[name=username]", "applicant")
    page.fill("input[name=password]", "pw-applicant")
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")
    page.goto(f"{base}/apply/orders/{draft.pk}/step/subject/")
    field = page.locator("main input[type=text]").first
    field.fill("12345")
    field.blur()
    page.wait_for_timeout(1000)
    assert checks, "the field check (HTMX) did not run"
    shoot(page, "csp-wizard-step")

    submitted = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer).submitted(
        acknowledge_warnings=True
    )
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "reviewer")
    page.fill("input[name=password]", "pw-reviewer")
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")
    page.goto(f"{base}/review/")
    page.goto(f"{base}/review/orders/{submitted.pk}/")
    page.goto(f"{base}/api/docs")
    page.wait_for_selector(".swagger-ui .info h2, .swagger-ui .info .title")
    page.wait_for_timeout(500)
    shoot(page, "csp-api-docs")
    assert console == []
