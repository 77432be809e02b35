"""Click through the wizard, the reviewer approval, the SMS step and the sandbox, then check
the footer link on the hosted page."""

import re
from urllib.parse import urlparse

import pytest

from tests.e2e.waiting import wait_for_images
from tests.factories import VALID_ENTERPRISE, material_files

pytestmark = pytest.mark.e2e


def login(page, base, username, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def logout(page):
    page.click("text=退出登录")


def fill_step(page, paths):
    for path in paths:
        value = VALID_ENTERPRISE[path]
        name = "f-" + path.replace("websites[0]", "website").replace(".", "__")
        selector = f"[name='{name}']"
        if isinstance(value, bool):
            page.check(selector) if value else page.uncheck(selector)
        elif isinstance(value, list):
            for item in value:
                page.check(f"{selector}[value='{item}']")
        elif page.eval_on_selector(selector, "e => e.tagName") == "SELECT":
            page.select_option(selector, str(value))
        else:
            page.fill(selector, str(value))


def test_applicant_reviewer_sandbox_footer(
    live_server, page, shoot, tmp_path, applicant, reviewer, operator, hosted_site
):
    base = live_server.url
    port = urlparse(base).port
    site_url = f"http://demo-shop.localhost:{port}/"

    blocked = page.goto(site_url)
    assert blocked.status == 451
    shoot(page, "01-site-blocked")

    login(page, base, "applicant", "pw-applicant")
    page.click("#start-demo-shop")
    # the first step verifies the filing type before the order exists (rules §1)
    page.wait_for_url(re.compile(r"/sites/\d+/verify/"))
    assert page.input_value("[name='domains']") == "demo-shop.cn"
    page.select_option("[name='province']", "11")
    page.select_option("[name='nature']", "4")
    page.select_option("[name='certificate_type']", "1")
    page.fill("[name='certificate_number']", VALID_ENTERPRISE["subject.certificate_number"])
    page.click("button[name=check]")
    page.wait_for_selector("#verify-result [data-type='FIRST_FILING']")
    page.click("#verify-confirm")
    page.wait_for_url(re.compile(r"/step/verify/"))
    assert page.locator("#filing-type").inner_text() == "首次备案"
    page.click("button[name=continue]")
    page.wait_for_url(re.compile(r"/step/checklist/"))
    fill_step(page, ["subject.nature", "subject.province"])
    page.click("button[name=save]")
    assert page.locator("text=营业执照").first.is_visible()  # checklist shows the materials for an enterprise
    shoot(page, "02-checklist")
    page.click("button[name=continue]")

    page.wait_for_url(re.compile(r"/step/context/"))
    assert page.input_value("[name='f-website__domain']") == "demo-shop.cn"
    page.click("button[name=continue]")

    page.wait_for_url(re.compile(r"/step/subject/"))
    page.select_option("[name='f-subject__certificate_type']", "1")
    page.fill("[name='f-subject__certificate_number']", "91110000600037341X")
    page.locator("[name='f-subject__name']").click()  # leave the field: the inline alert appears
    page.wait_for_selector("#findings-f-subject__certificate_number .finding.error")
    shoot(page, "03-inline-alert")
    fill_step(
        page,
        [p for p in VALID_ENTERPRISE if p.startswith("subject.") and p not in ("subject.nature", "subject.province")],
    )
    page.click("button[name=continue]")

    page.wait_for_url(re.compile(r"/step/website/"))
    fill_step(page, [p for p in VALID_ENTERPRISE if p.startswith("websites[0].") and p != "websites[0].domain"])
    shoot(page, "04-website")
    page.click("button[name=continue]")

    page.wait_for_url(re.compile(r"/step/materials/"))
    # a blurry licence of another company: explained within seconds, before any human looks
    from beian.demo import samples

    other = tmp_path / "other-licence.jpg"
    other.write_bytes(
        samples.jpeg_bytes(
            samples.blurred(samples.licence_image(name="上海另一家公司有限公司", uscc="91310000MA1FL0000N"), radius=3.0)
        )
    )
    page.set_input_files("input[data-slot='business_licence']", str(other))
    page.locator("#slot-business_licence button[type=submit]").click()
    findings = page.locator("#slot-business_licence .findings").inner_text(timeout=30_000)
    assert "91310000MA1FL0000N" in findings and "模糊" in findings
    shoot(page, "05a-blurry-other-licence")
    for slot, (name, data) in material_files().items():
        path = tmp_path / name
        path.write_bytes(data)
        page.set_input_files(f"input[data-slot='{slot}']", str(path))
        page.locator(f"#slot-{slot} button[type=submit]").click()
        page.wait_for_selector(f"#slot-{slot} img.thumb, #slot-{slot} a[href*='/files/']")
    shoot(page, "05-materials")
    page.goto(page.url.replace("/materials/", "/confirm/"))
    shoot(page, "06-confirm")
    for box in page.locator("input[name=acknowledge]").all():  # one box per warning code
        box.check()
    page.click("#submit-order")
    page.wait_for_selector("#order-status")
    shoot(page, "07-submitted")

    maintenance = page.goto(site_url)
    assert maintenance.status == 503 and maintenance.headers.get("retry-after")
    shoot(page, "08-site-maintenance")

    page.goto(f"{base}/")
    logout(page)
    login(page, base, "reviewer", "pw-reviewer")
    page.click("#queue a")
    page.wait_for_url(re.compile(r"/review/orders/\d+/$"))  # the order page, not the queue, is asked for its images
    # the annotated materials are drawn on request: let them finish (and show in the screenshot)
    # before the decision, so the approval does not queue behind seven image renderings
    wait_for_images(page)
    assert not page.evaluate("Array.from(document.images).filter(i => !i.naturalWidth).length")
    shoot(page, "09-review")
    page.click("#approve")
    page.wait_for_url(re.compile(r"/review/$"))
    logout(page)

    login(page, base, "operator", "pw-operator")
    page.wait_for_selector("#sms-outbox")
    shoot(page, "10-operator-sms")
    codes = re.findall(r"核验码：(\d{6})", page.inner_text("#sms-outbox"))
    assert len(codes) == 2
    logout(page)

    login(page, base, "applicant", "pw-applicant")
    page.click("text=打开备案")
    for code in codes:
        page.fill("#sms-verification [name=mobile]", VALID_ENTERPRISE["subject.principal.mobile"])
        page.fill("#sms-verification [name=code]", code)
        page.fill(
            "#sms-verification [name=certificate_tail]", VALID_ENTERPRISE["subject.principal.certificate_number"][-6:]
        )
        page.click("#sms-verification button[type=submit]")
        page.wait_for_selector("#order-status")
    assert "管局审核" in page.inner_text("#order-status")
    shoot(page, "11-regulator-review")
    logout(page)

    login(page, base, "operator", "pw-operator")
    page.fill("#advance-days", "30")
    page.click("#advance")
    page.wait_for_selector("#business-now")
    logout(page)

    login(page, base, "applicant", "pw-applicant")
    card = page.inner_text("[data-site='demo-shop']")  # My sites: filed, with its number; no "start filing"
    assert "已备案" in card and "开始备案" not in card
    page.click("#all-orders a >> nth=0")  # the filing, from the list of every order
    number = page.inner_text("#filing-number")
    assert number in card
    assert re.fullmatch(r"京ICP备\d{10}号-1", number)
    shoot(page, "12-approved")

    served = page.goto(site_url)
    assert served.status == 200
    link = page.locator("footer a#icp-number")
    assert link.inner_text() == number
    assert link.get_attribute("href") == "https://beian.miit.gov.cn/"
    assert link.get_attribute("target") == "_blank"
    shoot(page, "13-site-footer")
