"""Issue 11's browser journey on the demo (`manage.py seed_demo`): the organisation files two websites in
one order (-1 and -2); the second domain bound to the filed site stays blocked; a new order on the filed
site leaves it serving; a new-access filing (yunfan, filed through another provider) is served once our
first review passed and goes through the sandbox with its numbers unchanged.

The hosted domains are real names (demo-shop.cn, yunfan-tech.cn): this file's Chromium resolves them to
the live server (--host-resolver-rules), so each domain is asked for itself, as the gate decides."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from beian.demo.orders import BEIJING, YUNFAN, enterprise_values, material_files
from tests.e2e.conftest import chromium
from tests.e2e.waiting import wait_for_images

pytestmark = pytest.mark.e2e

PASSWORD = "beian-demo-2026"  # seed_demo's accounts
HOSTED = ("demo-shop.cn", "demo-shop.com.cn", "yunfan-tech.cn")
# The order's second website: a new domain of the organisation, bound to no hosted site yet (binding
# a domain to a site is the platform's business, not the filing's). demo-shop.com.cn, the second
# domain the demo binds to the site, is kept for the later steps: blocked, then its own new website.
SECOND = {
    "websites[1].name": "示例科技产品中心",
    "websites[1].domain": "demo-shop-products.cn",
    "websites[1].service_contents": ["单位门户网站"],
    "websites[1].languages": ["中文简体"],
    "websites[1].pre_approvals": ["以上都不涉及"],
    "websites[1].remark": "北京示例科技有限公司的产品介绍网站。",
}


@pytest.fixture(scope="module")
def browser(playwright):
    """Chromium as tests/e2e/conftest.py launches it, resolving the demo's domains to this machine."""
    rules = ",".join(f"MAP {domain} 127.0.0.1" for domain in HOSTED)
    with chromium(playwright, f"--host-resolver-rules={rules}") as launched:
        yield launched


def login(page, base, username, password=PASSWORD):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def logout(page):
    page.click("text=退出登录")
    page.wait_for_selector("input[name=username]")


def form_name(path: str) -> str:
    """The wizard's input name of a field path: websites[0].x -> f-website__x, websites[1].x -> f-website_1__x."""
    match = re.match(r"websites\[(\d+)\]", path)
    if match:
        index = int(match.group(1))
        path = ("website" if index == 0 else f"website_{index}") + path[match.end() :]
    return "f-" + path.replace(".", "__")


def fill(page, values: dict, paths):
    """Type what a person types into the open fields; a field prefilled from the filed record (new access,
    a filed subject) must already hold what the person would type, and a locked field is left alone."""
    for path in paths:
        value, selector = values[path], f"[name='{form_name(path)}']"
        if isinstance(value, list):
            for item in value:
                page.check(f"{selector}[value='{item}']")
            continue
        if page.is_disabled(selector):
            continue
        if isinstance(value, bool):
            page.check(selector) if value else page.uncheck(selector)
        elif page.eval_on_selector(selector, "e => e.tagName") == "SELECT":
            page.select_option(selector, str(value))
        else:
            typed = page.input_value(selector)
            if typed:
                assert typed == str(value), f"{path}: prefilled {typed!r}, the record says {value!r}"
            else:
                page.fill(selector, str(value))


def verify(page, profile, domain, expected_type):
    """The first step: province, nature, certificate and domain decide the type; start the filing."""
    page.wait_for_url(re.compile(r"/verify/$"))
    page.fill("[name='domains']", domain)
    page.select_option("[name='province']", profile.province)
    page.select_option("[name='nature']", "4")
    page.select_option("[name='certificate_type']", "1")
    page.fill("[name='certificate_number']", profile.uscc)
    page.click("button[name=check]")
    page.wait_for_selector(f"#verify-result [data-type='{expected_type}']")


def start(page):
    page.click("#verify-confirm")
    page.wait_for_url(re.compile(r"/step/verify/"))


def continue_to(page, step):
    page.click("button[name=continue]")
    page.wait_for_url(re.compile(rf"/step/{step}/"))


def upload_materials(page, files: dict, tmp_path: Path):
    """Every slot of the materials step: the prepared photos by kind, and each website's own signed
    verification form fetched through the demo tool beside it (a download, then an upload)."""
    slots = page.locator("input[data-slot]").evaluate_all("inputs => inputs.map(i => i.dataset.slot)")
    for slot in slots:
        base, _sep, index = slot.partition("__")
        if base == "verification_form":
            query = f"?website={index}" if index else ""
            with page.expect_download() as download:
                page.click(f"a[href$='/signed-verification-form.jpg{query}']")
            path = tmp_path / f"form-{slot}.jpg"
            download.value.save_as(path)
        else:
            path = tmp_path / f"{slot}.jpg"
            path.write_bytes(files[base][1])
        page.set_input_files(f"input[data-slot='{slot}']", str(path))
        page.locator(f"#slot-{slot} button[type=submit]").click()
        page.wait_for_selector(f"#slot-{slot} img.thumb")
    return slots


def confirm_and_submit(page, shoot, name):
    page.goto(page.url.replace("/materials/", "/confirm/"))
    shoot(page, name)
    for box in page.locator("input[name=acknowledge]").all():  # one box per warning code
        box.check()
    page.click("#submit-order")
    page.wait_for_selector("#order-status")
    return page.inner_text("h1").split()[-1]  # the order's reference


def reviewer_approves(page, base):
    login(page, base, "reviewer")
    page.click("#queue a")
    page.wait_for_url(re.compile(r"/review/orders/\d+/$"))  # the order page, not the queue, is asked for its images
    wait_for_images(page)
    page.click("#approve")
    page.wait_for_url(re.compile(r"/review/$"))
    logout(page)


def sms_to(page, base, reference) -> list[tuple[str, str]]:
    """The sandbox outbox as the operator sees it: (to, code) of the verification SMS of one order."""
    login(page, base, "operator")
    page.wait_for_selector("#sms-outbox")
    rows = page.locator("#sms-outbox tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText))"
    )
    logout(page)
    return [
        (cells[1], code.group(1))
        for cells in rows
        if len(cells) == 5 and cells[2] == reference and (code := re.search(r"核验码：(\d{6})", cells[3]))
    ]


def enter_codes(page, codes, mobile, certificate_number):
    for _to, code in codes:
        page.fill("#sms-verification [name=mobile]", mobile)
        page.fill("#sms-verification [name=code]", code)
        page.fill("#sms-verification [name=certificate_tail]", certificate_number[-6:])
        page.click("#sms-verification button[type=submit]")
        page.wait_for_selector("#order-status")


def sandbox_decides(page, base, shoot, name):
    login(page, base, "operator")
    page.fill("#advance-days", "30")
    page.click("#advance")
    page.wait_for_selector("#business-now")
    shoot(page, name)
    logout(page)


def hosted(page, port, domain):
    return page.goto(f"http://{domain}:{port}/")


def test_two_websites_a_blocked_second_domain_a_new_order_and_new_access(live_server, page, shoot, tmp_path):
    call_command("seed_demo", "--no-filed-demo", stdout=StringIO())  # the `filed` company is not used here
    base = live_server.url
    port = urlparse(base).port
    values = {**enterprise_values(BEIJING), **SECOND}

    # 1. The organisation files two websites in one order.
    assert hosted(page, port, "demo-shop.cn").status == 451
    login(page, base, "applicant")
    page.click("#start-demo-shop")
    verify(page, BEIJING, "demo-shop.cn", "FIRST_FILING")
    start(page)
    assert page.inner_text("#filing-type") == "首次备案"
    continue_to(page, "checklist")
    fill(page, values, ["subject.nature", "subject.province"])
    continue_to(page, "context")
    assert page.input_value("[name='f-website__domain']") == "demo-shop.cn"
    continue_to(page, "subject")
    fill(
        page,
        values,
        [p for p in values if p.startswith("subject.") and p not in ("subject.nature", "subject.province")],
    )
    continue_to(page, "website")
    fill(page, values, [p for p in values if p.startswith("websites[0].") and p != "websites[0].domain"])
    page.click("button[name=website_action][value=add]")  # the typed first website is saved first
    page.wait_for_selector("#website-1")
    fill(page, values, list(SECOND))
    page.click("button[name=website_action][value='same_principal:1']")  # typed values saved, then filled in
    page.wait_for_selector("text=已按主体负责人填写网站负责人信息")
    assert page.input_value("[name='f-website_1__principal__name']") == BEIJING.person
    assert page.input_value("[name='f-website_1__domain']") == "demo-shop-products.cn"
    shoot(page, "rj-01-two-websites")
    continue_to(page, "materials")
    slots = upload_materials(page, material_files(BEIJING), tmp_path)
    assert {"owner_id_front__1", "owner_photo__1", "verification_form__1"} <= set(slots)
    assert "business_licence__1" not in slots  # the subject's documents once
    shoot(page, "rj-02-materials-two-websites")
    first = confirm_and_submit(page, shoot, "rj-03-confirm-two-websites")
    logout(page)

    reviewer_approves(page, base)
    codes = sms_to(page, base, first)
    assert codes, "the principals get their verification codes"
    login(page, base, "applicant")
    page.click("text=打开备案")
    enter_codes(page, codes, BEIJING.mobile, BEIJING.id_number)
    assert "管局审核" in page.inner_text("#order-status")
    logout(page)
    sandbox_decides(page, base, shoot, "rj-04-sandbox-advanced")

    login(page, base, "applicant")
    assert page.inner_text("[data-site='demo-shop'] .site-state") == "已备案"
    page.click("#all-orders a >> nth=0")  # a filed site's card offers no "open filing": the list of orders does
    assert "APPROVED" in page.get_attribute("#order-status", "class").split()
    number = page.inner_text("#filing-number")
    assert re.fullmatch(r"京ICP备\d{10}号-1", number)
    subject_number = number.removesuffix("-1")
    assert page.locator(".website-number").all_inner_texts() == [f"{subject_number}-2"]
    shoot(page, "rj-05-filed-two-numbers")
    served = hosted(page, port, "demo-shop.cn")
    assert served.status == 200
    link = page.locator("footer a#icp-number")
    assert link.inner_text() == number and link.get_attribute("href") == "https://beian.miit.gov.cn/"
    shoot(page, "rj-06-demo-shop-cn-footer")

    # 2. The second domain bound to the filed site is not filed: blocked, while demo-shop.cn serves.
    assert hosted(page, port, "demo-shop.com.cn").status == 451
    shoot(page, "rj-07-second-domain-blocked")

    # 3. A new order on the filed site: a new website for demo-shop.com.cn; the filed domain keeps serving.
    page.goto(f"{base}/apply/")
    page.click("#start-demo-shop")
    verify(page, BEIJING, "demo-shop.com.cn", "NEW_WEBSITE")
    assert subject_number in page.inner_text("#verify-result")
    start(page)
    assert page.inner_text("#filing-type") == "新增网站"
    shoot(page, "rj-08-new-website-draft")
    again = hosted(page, port, "demo-shop.cn")
    assert again.status == 200 and page.inner_text("footer a#icp-number") == number
    assert hosted(page, port, "demo-shop.com.cn").status == 451
    page.goto(f"{base}/apply/")
    record = page.locator(".filing-record")
    assert record.count() == 1
    assert record.locator(".subject-number").inner_text() == subject_number
    assert BEIJING.company in record.locator("h3").inner_text()
    rows = record.locator(".filed-website").evaluate_all("rows => rows.map(r => r.innerText)")
    assert len(rows) == 2
    assert f"{subject_number}-1" in rows[0] and "demo-shop.cn" in rows[0] and BEIJING.site_name in rows[0]
    assert (
        f"{subject_number}-2" in rows[1]
        and "demo-shop-products.cn" in rows[1]
        and SECOND["websites[1].name"] in rows[1]
    )
    shoot(page, "rj-09-dashboard-filings")
    logout(page)

    # 4. New access: yunfan's subject and website are filed through 阿里云; not accessed through us yet.
    recorded = "沪ICP备2021012345号-1"
    assert hosted(page, port, "yunfan-tech.cn").status == 451
    shoot(page, "rj-10-yunfan-blocked")
    login(page, base, "yunfan")
    page.click("#start-yunfan")
    verify(page, YUNFAN, "yunfan-tech.cn", "NEW_ACCESS")
    result = page.inner_text("#verify-result")
    assert "新增接入" in result and recorded in result
    shoot(page, "rj-11-verify-new-access")
    start(page)
    assert page.inner_text("#filing-type").startswith("新增接入")
    assert recorded in page.inner_text("main")
    yunfan = enterprise_values(YUNFAN)
    continue_to(page, "checklist")
    fill(page, yunfan, ["subject.nature", "subject.province"])
    continue_to(page, "context")
    continue_to(page, "subject")
    fill(
        page,
        yunfan,
        [p for p in yunfan if p.startswith("subject.") and p not in ("subject.nature", "subject.province")],
    )
    continue_to(page, "website")
    fill(page, yunfan, [p for p in yunfan if p.startswith("websites[0].") and p != "websites[0].domain"])
    shoot(page, "rj-12-new-access-website")
    continue_to(page, "materials")
    upload_materials(page, material_files(YUNFAN), tmp_path)
    shoot(page, "rj-13-new-access-materials")
    access = confirm_and_submit(page, shoot, "rj-14-new-access-confirm")
    logout(page)

    reviewer_approves(page, base)
    # the operator's default: a new-access domain is served once our first review passed
    assert hosted(page, port, "yunfan-tech.cn").status == 200
    assert page.inner_text("footer a#icp-number") == recorded
    shoot(page, "rj-15-yunfan-served-after-first-review")
    codes = sms_to(page, base, access)
    assert len(codes) == 1, codes  # the website principal only
    login(page, base, "yunfan")
    # served with the recorded number while the new access goes on: filed, with the order under way
    card = page.inner_text("[data-site='yunfan']")
    assert "已备案" in card and recorded in card and "新增接入" in card
    page.click("[data-site='yunfan'] a.open-order")
    enter_codes(page, codes, YUNFAN.mobile, YUNFAN.id_number)
    assert "管局审核" in page.inner_text("#order-status")
    logout(page)
    sandbox_decides(page, base, shoot, "rj-16-sandbox-advanced-again")

    login(page, base, "yunfan")
    page.click("#all-orders a >> nth=0")
    assert page.inner_text("#filing-number") == recorded
    assert "APPROVED" in page.get_attribute("#order-status", "class").split()
    shoot(page, "rj-17-new-access-approved")
    token = page.request.post(f"{base}/api/v1/auth/token", data={"username": "yunfan", "password": PASSWORD})
    assert token.ok
    filings = page.request.get(
        f"{base}/api/v1/filings", headers={"Authorization": f"Bearer {token.json()['token']}"}
    ).json()
    assert [s["filing_number"] for s in filings] == ["沪ICP备2021012345号"]
    website = next(w for w in filings[0]["websites"] if w["filing_number"] == recorded)
    assert "yunfan-tech.cn" in [d["domain"] for d in website["domains"]]
    ours = [a for a in website["access_records"] if a["is_ours"]]
    assert [a["status"] for a in ours] == ["active"]
    others = [a["provider_name"] for a in website["access_records"] if not a["is_ours"]]
    assert others == ["阿里云"]  # the other provider's access stays beside ours (§1.4)
    assert hosted(page, port, "yunfan-tech.cn").status == 200
    assert page.inner_text("footer a#icp-number") == recorded
    shoot(page, "rj-18-yunfan-footer")
