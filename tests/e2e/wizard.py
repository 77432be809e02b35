"""The first filing of the demo shop through the wizard, in English: the steps the applicant clicks, shared by the
journeys that file one (each passes its own `check(name)`, called once per step after it is reached)."""

from __future__ import annotations

import re
from collections.abc import Callable

from beian.filings.models import Order
from tests.e2e.test_browser_journey import fill_step
from tests.e2e.waiting import wait_until
from tests.factories import VALID_ENTERPRISE, material_files


def first_filing_in_english(phone, tmp_path, check: Callable[[str], None]) -> Order:
    """From My sites (in English) to the submitted order's page: every step of the wizard, the materials uploaded
    from the demo's sample files, the warnings acknowledged. Returns the order."""
    phone.click("#start-demo-shop")
    phone.wait_for_url(re.compile(r"/sites/\d+/verify/"))
    check("02-verify-type")
    phone.select_option("[name='province']", "11")
    assert phone.locator("[name='province'] option:checked").inner_text() == "Beijing"
    phone.select_option("[name='nature']", "4")
    phone.select_option("[name='certificate_type']", "1")
    phone.fill("[name='certificate_number']", VALID_ENTERPRISE["subject.certificate_number"])
    phone.click("button[name=check]")
    phone.wait_for_selector("#verify-result [data-type='FIRST_FILING']")
    check("03-verify-result")
    phone.click("#verify-confirm")
    phone.wait_for_url(re.compile(r"/step/verify/"))
    assert phone.locator("#filing-type").inner_text() == "First filing"
    check("04-verify")
    phone.click("button[name=continue]")

    phone.wait_for_url(re.compile(r"/step/checklist/"))
    fill_step(phone, ["subject.nature", "subject.province"])
    phone.click("button[name=save]")
    assert phone.locator("text=Business licence").first.is_visible()
    check("05-checklist")
    phone.click("button[name=continue]")

    phone.wait_for_url(re.compile(r"/step/context/"))
    check("06-context")
    phone.click("button[name=continue]")

    phone.wait_for_url(re.compile(r"/step/subject/"))
    check("07-subject-empty")
    fill_step(
        phone,
        [p for p in VALID_ENTERPRISE if p.startswith("subject.") and p not in ("subject.nature", "subject.province")],
    )
    phone.locator("[name='f-subject__name']").click()  # leave the last field: its inline checks run
    check("08-subject-principal")
    phone.click("button[name=continue]")

    phone.wait_for_url(re.compile(r"/step/website/"))
    fill_step(phone, [p for p in VALID_ENTERPRISE if p.startswith("websites[0].") and p != "websites[0].domain"])
    # "None of the above" and News together: the inline check names both options in English
    news = "[name='f-website__pre_approvals'][value='新闻']"
    phone.check(news)
    errors = phone.locator("#findings-f-website__pre_approvals .finding.error")
    errors.filter(has_text="'None of the above' cannot be combined").wait_for()
    assert any("Pre-approval 'News' has no approval number" in text for text in errors.all_inner_texts())
    check("09a-website-pre-approval-conflict")
    phone.uncheck(news)
    wait_until(phone, "!document.querySelector('#findings-f-website__pre_approvals .finding.error')", timeout=30)
    check("09-website")
    phone.click("button[name=continue]")

    phone.wait_for_url(re.compile(r"/step/materials/"))
    check("10-materials-empty")
    found = re.search(r"/orders/(\d+)/", phone.url)
    assert found, phone.url
    order = Order.objects.get(pk=int(found.group(1)))
    for slot, (name, data) in material_files(order=order).items():
        if not phone.locator(f"input[data-slot='{slot}']").count():
            continue
        path = tmp_path / name
        path.write_bytes(data)
        phone.set_input_files(f"input[data-slot='{slot}']", str(path))
        phone.locator(f"#slot-{slot} button[type=submit]").click()
        phone.wait_for_selector(f"#slot-{slot} img.thumb, #slot-{slot} a[href*='/files/']")
    wait_until(phone, "!document.querySelector('.slot[hx-trigger*=every]')", timeout=120)  # checks done
    check("11-materials")
    phone.click(".actions a.primary")  # Continue

    phone.wait_for_url(re.compile(r"/step/confirm/"))
    check("12-confirm")
    for box in phone.locator("input[name=acknowledge]").all():  # one box per warning code
        box.check()
    phone.click("#submit-order")
    phone.wait_for_selector("#order-status")
    check("13-order")
    return order
