"""On a phone (390×844, touch) the applicant's dashboard, every step of a first filing, the order page and the
notifications, and the reviewer's queue and an order under review fit the screen: no page scrolls sideways
(wide tables scroll inside their own box), and each material can be photographed with the camera (the
hand-held photo with the front camera) beside choosing an existing file. Screenshots: var/screenshots/phone-*."""

from __future__ import annotations

import pytest

from beian.applicant.flow import FLOW
from beian.filings import services
from beian.filings.precheck import order_precheck
from tests.builders import OrderBuilder

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
# a mobile browser widens its layout viewport to fit wide content (window.innerWidth grows with it): measure
# against the phone's width
OVERFLOW = f"() => Math.max(document.documentElement.scrollWidth, window.innerWidth) - {PHONE['width']}"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def login(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def visit(page, url, name, shoot, overflow: dict[str, int]):
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    page.wait_for_load_state("networkidle")
    overflow[name] = page.evaluate(OVERFLOW)
    shoot(page, f"phone-{name}")


def test_the_applicant_and_reviewer_pages_fit_a_phone(
    live_server, phone, shoot, applicant, reviewer, organisation, hosted_site
):
    base = live_server.url
    builder = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer)
    draft = builder.draft()
    overflow: dict[str, int] = {}

    login(phone, base, "applicant", "pw-applicant")
    visit(phone, f"{base}/apply/", "dashboard", shoot, overflow)
    phone.goto(f"{base}/apply/sites/{hosted_site.pk}/verify/")
    overflow["verify-type"] = phone.evaluate(OVERFLOW)
    steps = [step.key for step in FLOW.applicable(draft)]
    assert {"verify", "checklist", "subject", "materials", "confirm"} <= set(steps), steps
    for key in steps:
        visit(phone, f"{base}/apply/orders/{draft.pk}/step/{key}/", f"step-{key}", shoot, overflow)
        if key == "materials":
            plain = phone.locator("input[type=file][data-slot]")
            cameras = phone.locator("input[type=file][capture]")
            assert plain.count() >= 3 and cameras.count() == plain.count()  # a camera beside every file chooser
            assert plain.evaluate_all("inputs => inputs.every(i => !i.hasAttribute('capture'))")
            facing = dict(
                cameras.evaluate_all("inputs => inputs.map(i => [i.dataset.camera, i.getAttribute('capture')])")
            )
            assert facing["owner_photo"] == "user" and facing["owner_id_front"] == "environment"
            assert phone.locator(".camera-upload label").first.is_visible()  # offered on a touch screen
            example = phone.locator(".slot img.thumb").first.bounding_box()
            text = phone.locator(".slot h3").first.bounding_box()
            assert example and text and text["width"] > 300  # the example stacks, the text keeps the width
            # a photo taken is uploaded at once (static/js/app.js): here one that is no image, refused with a message
            with phone.expect_navigation():
                phone.set_input_files(
                    "input[data-camera='business_licence']",
                    files=[{"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": b"not a photo"}],
                )
            assert phone.locator(".msg.error").count() == 1
    services.order_abandon(order=draft, user=applicant)  # its domain is free for the next order
    returned = builder.returned()  # the applicant gets a notification, the order page the reasons
    visit(phone, f"{base}/apply/orders/{returned.pk}/", "order", shoot, overflow)
    visit(phone, f"{base}/notifications/", "notifications", shoot, overflow)
    assert phone.locator("main").inner_text().strip()

    services.order_submit(order=returned, user=applicant, acknowledged_warnings=order_precheck(returned).warning_codes)
    under_review = services.order_claim(order=returned, reviewer=reviewer)
    login(phone, base, "reviewer", "pw-reviewer")
    visit(phone, f"{base}/review/", "review-queue", shoot, overflow)
    visit(phone, f"{base}/review/orders/{under_review.pk}/", "review-order", shoot, overflow)

    assert {name: px for name, px in overflow.items() if px > 0} == {}


def test_a_desktop_offers_no_camera_button(live_server, page, applicant, reviewer, organisation, hosted_site):
    """A mouse-driven wide screen ignores `capture`: the extra "take a photo" button stays hidden there."""
    draft = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer).draft()
    login(page, live_server.url, "applicant", "pw-applicant")
    page.goto(f"{live_server.url}/apply/orders/{draft.pk}/step/materials/")
    assert page.locator("input[type=file][data-slot]").first.is_visible()
    assert page.locator(".camera-upload").count() > 0 and not page.locator(".camera-upload").first.is_visible()
