"""Issue 15's "Done means", one applicant's story on a phone (390×844, touch) in English: their organisation is on
the advanced plan; they switch the pages to English, see on My sites and on the checklist that the assisted filing
service is free on their plan, file their first website through the wizard and submit. A reviewer (Chinese, at a
desk, another browser) returns the website name with the catalogue reason; the applicant opens the order, follows
the return's "?" and the help article says why the name was returned; they ask on the order "Why was my site name
returned?", the reviewer answers from a canned reply in the support inbox, and the answer appears on the
applicant's open page without a reload; they rename the site and submit again. Screenshots: var/screenshots/done-*."""

from __future__ import annotations

import re

import pytest

from beian.filings import states
from beian.plans.services import organisation_set_plan
from beian.support.services import articles_load, canned_replies_load
from tests.builders import RECORDED
from tests.e2e.test_english_phone_journey import TYPED, chinese_outside_data, overflow
from tests.e2e.test_review_queue_journey import claim, return_fields
from tests.e2e.test_support_journey import login
from tests.e2e.waiting import wait_until
from tests.e2e.wizard import first_filing_in_english

pytestmark = pytest.mark.e2e

REASON = "SITE_NAME_INVALID"
ARTICLE = "reason-site-name-invalid"
QUESTION = "Why was my site name returned?"


def test_issue15_an_applicant_on_a_phone_in_english(
    live_server, browser, phone, shoot, tmp_path, organisation, applicant, reviewer, hosted_site
):
    base = live_server.url
    articles_load()
    canned_replies_load()
    organisation_set_plan(organisation=organisation, plan_code="advanced")
    problems: dict[str, list] = {}

    def check(name: str, *, english: bool = True, typed: tuple[str, ...] = ()) -> None:
        """Screenshot; nothing scrolls sideways; no Chinese but what the applicant typed (where `english`)."""
        phone.wait_for_load_state("networkidle")
        shoot(phone, f"done-{name}")
        if (px := overflow(phone)) > 0:
            problems.setdefault(name, []).append(f"scrolls {px} px sideways")
        if english and (chinese := chinese_outside_data(phone, [*typed, *TYPED])):
            problems.setdefault(name, []).extend(chinese)

    # 1. English, and the plan's free assisted filing service on My sites and on the checklist
    login(phone, base, applicant.username)
    with phone.expect_navigation():
        phone.select_option("header select[name=language]", "en")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.inner_text("#plan-name") == "Advanced"
    assert "Free on your plan" in phone.inner_text("#assisted-offer")
    phone.locator("#my-plan").scroll_into_view_if_needed()
    check("01-my-sites-plan")

    def on_step(name: str) -> None:
        if name == "05-checklist":
            assert "Free on your plan" in phone.inner_text("#assisted-offer")
        check(f"02-wizard-{name}")

    # 2. the wizard to the submit; the checks of the uploads are not what this journey is about: recorded
    with RECORDED.installed():
        order = first_filing_in_english(phone, tmp_path, on_step)
    order.refresh_from_db()
    assert order.status == states.PENDING_PROVIDER_REVIEW
    old_name = order.website.name

    # 3. a reviewer in Chinese at a desk returns the website name with the catalogue reason
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    staff = desk.new_page()
    staff.set_default_timeout(60_000)
    login(staff, base, reviewer.username)
    staff.goto(f"{base}/review/orders/{order.pk}/")
    claim(staff)
    return_fields(staff, [("websites[0].name", REASON, "")])
    order.refresh_from_db()
    assert order.status == states.PROVIDER_NEEDS_CHANGES

    # 4. the applicant's order: the return's "?" opens the article that answers why
    phone.goto(f"{base}/apply/orders/{order.pk}/")
    question = phone.locator(f"a.help-q[href='/help/for/reason/{REASON}/']")
    assert question.count() == 1
    check("03-order-returned")
    question.first.click()
    phone.wait_for_selector("article#article h1")
    assert phone.inner_text("article#article h1") == "Returned: the website name does not follow the naming rules"
    article = phone.inner_text("article#article")
    assert "At least 3 Chinese characters" in article and "relate to the organisation" in article
    check("04-help-article", english=False)  # the rules quote the Chinese words a name may not use

    # 5. a question on the order; the reviewer answers from a canned reply; the open page shows it unreloaded
    phone.goto(f"{base}/apply/orders/{order.pk}/")
    phone.fill("#message-body", QUESTION)
    phone.click("#message-send")
    phone.wait_for_selector("#conversation .chat-message.applicant")
    assert QUESTION in phone.inner_text("#conversation .chat-message.applicant")
    phone.locator("#conversation").scroll_into_view_if_needed()
    check("05-question-asked")
    phone.evaluate("window.beianNotReloaded = true")  # gone if the page reloads

    staff.goto(f"{base}/review/")
    assert staff.inner_text("#support-unread") == "1"
    staff.click("#nav-support")
    staff.locator(f"#inbox tr[data-conversation='{order.conversation.pk}'] a").click()
    staff.wait_for_selector("#conversation .chat-message.applicant")
    assert QUESTION in staff.inner_text("#conversation .chat-message.applicant")
    staff.select_option("#canned-reply", label="网站名称不规范")
    staff.wait_for_selector("#canned-articles")
    reply = staff.input_value("#message-body")
    assert reply.startswith("Hello, the website name must relate")  # in the applicant's language
    shoot(staff, "done-06-staff-canned-reply")
    staff.click("#message-send")
    staff.wait_for_selector("#conversation .chat-message.staff")
    desk.close()

    wait_until(phone, "document.querySelectorAll('#conversation .chat-message.staff').length === 1", timeout=20)
    assert phone.evaluate("window.beianNotReloaded === true")
    assert "Hello, the website name must relate" in phone.inner_text("#conversation .chat-message.staff")
    assert phone.locator(f"#conversation .chat-articles a[href='/help/a/{ARTICLE}/']").count() == 1
    phone.locator("#conversation .chat-message.staff").scroll_into_view_if_needed()
    check("07-reply-seen")

    # 6. the applicant renames the site and submits again
    new_name = old_name.replace("官网", "门户网站")
    assert new_name != old_name
    phone.goto(f"{base}/apply/orders/{order.pk}/step/website/")
    name = phone.locator("[name='f-website__name']")
    assert name.is_enabled() and phone.locator("[name='f-website__remark']").is_disabled()
    check("08-website-returned")
    name.fill(new_name)
    with phone.expect_response(lambda r: "/step/website/check/" in r.url):
        name.press("Tab")  # leaving the field runs the live check
    assert phone.locator("#findings-f-website__name .finding").count() == 0
    phone.click("button[name=continue]")
    phone.wait_for_url(re.compile(r"/step/confirm/"))  # no material was returned: straight to the confirm step
    for box in phone.locator("input[name=acknowledge]").all():  # one box per warning code
        box.check()
    check("09-confirm-again", typed=(new_name,))
    phone.click("#submit-order")
    phone.wait_for_selector("#order-status")
    check("10-resubmitted", typed=(new_name, old_name))  # the changes since the return
    order.refresh_from_db()
    assert order.status == states.PROVIDER_RESUBMITTED and order.website.name == new_name

    assert problems == {}
