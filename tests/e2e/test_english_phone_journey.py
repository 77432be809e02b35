"""A new applicant on a phone (390×844, touch) switches the pages to English in the header and files their
first website: every wizard step (verify, checklist, context, subject with its principal, website, materials
uploaded from the demo's sample files, confirm), the submit and the order page; then the reviewer returns a
field and the applicant's notification is in English. At each step nothing scrolls sideways and no Chinese
shows except what the applicant typed and names that are Chinese by nature (their company's, their address).
Screenshots: var/screenshots/en-phone-*."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.utils import translation

from beian.accounts.models import User
from beian.core.masking import mask_name
from beian.filings import services
from beian.notifications.models import SmsMessage
from tests.e2e.wizard import first_filing_in_english
from tests.factories import VALID_ENTERPRISE

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}

# Visible text of the page (text nodes of rendered elements, the options of a visible <select>, placeholders and
# the titles shown on hover), never what is typed into a field. Returns [[text, where], ...]. The language
# choices (the header's switcher, the profile's form) name each language in that language (简体中文) on purpose,
# so that a reader can find theirs: they are left out.
VISIBLE_TEXT = """
(() => {
  const out = [];
  const skip = el => el.closest('script, style, noscript, template, textarea, form.lang, #language-form select');
  const where = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || skip(el) || !node.textContent.trim()) continue;
    const shown = el.closest('select') || el;
    if (!shown.checkVisibility({visibilityProperty: true})) continue;
    out.push([node.textContent.trim(), where(el)]);
  }
  for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (skip(el) || !el.checkVisibility({visibilityProperty: true})) continue;
    for (const name of ['placeholder', 'title', 'aria-label']) {
      if (el.getAttribute(name)) out.push([el.getAttribute(name), where(el) + '@' + name]);
    }
  }
  out.push([document.title, 'title']);
  return out;
})()
"""
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
# what the applicant types, and the names that are Chinese by nature: the company's, its addresses, the
# people's, the website's name and remark; the city is typed too
# people's, the website's name and remark; the city is typed too. And one official name: the verification form
# the applicant downloads, prints and signs is a Chinese document titled 网站备案信息真实性核验单, which the English
# label names so it can be recognised on paper.
TYPED = sorted(
    {v for v in VALID_ENTERPRISE.values() if isinstance(v, str) and CJK.search(v)} | {"(核验单)"},
    key=len,
    reverse=True,
)


def chinese_left(text: str, allowed: list[str] = TYPED) -> bool:
    """Are there Chinese characters in `text` once the allowed values are cut out?"""
    for value in allowed:
        text = text.replace(value, "")
    return bool(CJK.search(text))


def chinese_outside_data(page, allowed: list[str] = TYPED) -> list[tuple[str, str]]:
    """(text, element) of every visible text with Chinese characters left once the allowed values are cut out."""
    return [(text[:160], where) for text, where in page.evaluate(VISIBLE_TEXT) if chinese_left(text, allowed)]


def overflow(page) -> int:
    return page.evaluate(f"document.scrollingElement.scrollWidth - {PHONE['width']}")


# tables of facts (a label and its value per row) whose values hide past the right edge of their box
CUT_TABLES = """Array.from(document.querySelectorAll('main table'))
  .filter(t => t.scrollWidth > t.clientWidth + 1 && t.querySelector('tr > th + td'))
  .map(t => t.querySelector('th').textContent.trim())"""


def test_a_new_applicant_files_in_english_on_a_phone(
    live_server, phone, shoot, tmp_path, applicant, reviewer, hosted_site
):
    base = live_server.url
    problems: dict[str, list] = {}

    def check(name: str, allowed: list[str] = TYPED) -> None:
        phone.wait_for_load_state("networkidle")
        shoot(phone, f"en-phone-{name}")
        if (px := overflow(phone)) > 0:
            problems.setdefault(name, []).append(f"scrolls {px} px sideways")
        if cut := phone.evaluate(CUT_TABLES):
            problems.setdefault(name, []).append(f"tables cut at the right edge: {cut}")
        if chinese := chinese_outside_data(phone, allowed):
            problems.setdefault(name, []).extend(chinese)

    phone.goto(f"{base}/accounts/login/")
    phone.fill("input[name=username]", "applicant")
    phone.fill("input[name=password]", "pw-applicant")
    phone.click("button[type=submit]")
    phone.wait_for_selector("header .who")
    assert phone.locator("html").get_attribute("lang") == "zh-hans"  # a Chinese phone starts in Chinese

    # the header's language switcher (submits on change), and the choice stays on the account
    with phone.expect_navigation():
        phone.select_option("header select[name=language]", "en")
    assert phone.locator("html").get_attribute("lang") == "en"
    applicant.refresh_from_db()
    assert applicant.language == "en"
    check("01-dashboard")

    order = first_filing_in_english(phone, tmp_path, check)

    # a reviewer reading Chinese returns the website's name: the applicant is told in their language
    order.refresh_from_db()
    with translation.override("zh-hans"):
        claimed = services.order_claim(order=order, reviewer=reviewer)
        services.order_return_fields(
            order=claimed,
            reviewer=reviewer,
            returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": ""}],
        )
    notice = applicant.notifications.get(kind="returned")
    assert not CJK.search(notice.title + notice.body), (notice.title, notice.body)
    assert "returned for changes" in notice.title
    # the email and the SMS too (the SMS names the principal masked: 张*)
    [email] = [m for m in mail.outbox if applicant.email in m.to]
    assert "returned for changes" in email.subject and not chinese_left(email.subject + email.body), email.body
    sms = SmsMessage.objects.get(purpose="notice:returned")
    masked = mask_name(VALID_ENTERPRISE["subject.principal.name"])
    assert sms.body.startswith("[Beian]") and not chinese_left(sms.body, [*TYPED, masked]), sms.body
    phone.goto(f"{base}/notifications/")
    check("14-notifications")
    phone.goto(f"{base}/apply/orders/{order.pk}/")
    check("15-order-returned")

    # the choice is the account's: a new session on a phone without the cookie opens in English, and the
    # profile page shows it chosen
    phone.context.clear_cookies()
    phone.goto(f"{base}/accounts/login/")
    assert phone.locator("html").get_attribute("lang") == "zh-hans"  # not logged in: the phone's language
    phone.fill("input[name=username]", "applicant")
    phone.fill("input[name=password]", "pw-applicant")
    phone.click("button[type=submit]")
    phone.wait_for_selector("header .who")
    assert phone.locator("html").get_attribute("lang") == "en"
    phone.goto(f"{base}/accounts/profile/")
    assert phone.input_value("#language-form select[name=language]") == "en"
    check("16-profile")

    assert User.objects.get(pk=applicant.pk).language == "en"
    assert problems == {}
