"""The "?" of each wizard step, finding and return reason opens the right article; rule codes only
on demand; the rule catalogue in the reader's language; province pages from the reference data."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from beian.applicant.flow import FLOW, STEPS
from beian.materials.models import MaterialRequirement
from beian.reference.models import Province, RejectionReason
from beian.rules.registry import RULES
from beian.support import selectors

pytestmark = pytest.mark.django_db


def _follow(client, url):
    response = client.get(url)
    assert response.status_code == 302, url
    return response["Location"]


def test_why_was_my_site_name_returned_is_answered_from_the_return_itself(client, applicant, orders, articles):
    order = orders.returned(fields=("websites[0].name",), reason_code="SITE_NAME_INVALID")
    client.force_login(applicant)
    page = client.get(reverse("applicant:order", args=[order.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    link = reverse("support:for", args=["reason", "SITE_NAME_INVALID"])
    assert f'href="{link}"' in page
    article = client.get(_follow(client, link), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "网站名称规则" in article and "至少 3 个汉字" in article
    # the step that edits the returned field carries the same "?" beside the reviewer's reason
    step = client.get(reverse("applicant:step", args=[order.pk, "website"])).content.decode()
    assert f'href="{link}"' in step


def test_a_returned_material_links_to_its_reason(client, applicant, orders, articles):
    order = orders.returned(fields=(), slots=("owner_photo",), slot_reason_code="DOC_UNCLEAR")
    client.force_login(applicant)
    page = client.get(reverse("applicant:step", args=[order.pk, "materials"])).content.decode()
    assert reverse("support:for", args=["reason", "DOC_UNCLEAR"]) in page
    assert reverse("support:for", args=["material", "owner_photo"]) in page


def test_every_wizard_step_material_and_rejection_reason_opens_its_own_article(client, articles):
    keys = [("step", s.key) for s in STEPS]
    keys += [("material", slot) for slot in MaterialRequirement.objects.values_list("slot", flat=True)]
    keys += [("reason", code) for code in RejectionReason.objects.values_list("code", flat=True)]
    for kind, key in keys:
        target = _follow(client, reverse("support:for", args=[kind, key]))
        assert target.startswith("/help/a/"), (kind, key, target)
        assert client.get(target).status_code == 200


def test_a_rule_finding_opens_its_rejection_reasons_article_or_its_catalogue_entry(client, articles):
    with_reason = next(r for r in RULES.values() if r.prevents == "SITE_NAME_BANNED_WORD")
    assert _follow(client, reverse("support:for", args=["rule", with_reason.code])) == reverse(
        "support:article", args=["reason-site-name-banned-word"]
    )
    without = next(r for r in RULES.values() if not r.prevents)
    assert _follow(client, reverse("support:for", args=["rule", without.code])) == (
        reverse("support:rules") + "#" + without.code
    )
    # every rule's "?" lands somewhere that exists
    for rule in RULES.values():
        assert selectors.help_url("rule", rule.code).startswith(("/help/a/", "/help/rules/#"))


def test_a_finding_shows_its_code_only_inside_a_details_disclosure(articles):
    finding = next(r for r in RULES.values() if r.prevents == "SITE_NAME_INVALID").at("websites[0].name", min=3)
    html = render_to_string("applicant/_finding.html", {"f": finding, "lang": "zh-hans"})
    visible = re.sub(r"<[^>]+>", "", re.sub(r"<details.*?</details>", "", html, flags=re.S))
    assert finding.code not in visible and finding.message_zh in visible
    assert f"<code>{finding.code}</code>" in html and "<summary>" in html
    assert reverse("support:for", args=["rule", finding.code]) in html


def test_each_wizard_step_page_has_its_question_mark(client, applicant, orders, articles):
    order = orders.build("DRAFT")
    client.force_login(applicant)
    page = client.get(reverse("applicant:step", args=[order.pk, "subject"])).content.decode()
    assert reverse("support:for", args=["step", "subject"]) in page


def test_the_rule_catalogue_speaks_the_readers_language_with_readable_placeholders(client):
    zh = client.get(reverse("support:rules"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    headings = re.findall(r"<h2>(.*?)</h2>", zh)
    assert "input" not in headings and "order" not in headings and "任意字段" in headings
    cells = re.sub(r"<[^>]+>", "", re.sub(r"<details.*?</details>", "", zh, flags=re.S))
    for raw in ("{chars}", "{length}", "{expected_name}", "{limit}"):
        assert raw not in zh
    assert "website.domain.tld_not_approved" not in cells  # codes only in the disclosure
    assert "<var>找到的字符</var>" in zh
    en = client.get(reverse("support:rules"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h2>Any field</h2>" in en and "<var>the characters found</var>" in en


def test_a_province_page_shows_what_that_province_adds(client, articles):
    jiangsu = Province.objects.get(code="32")
    page = client.get(reverse("support:province", args=["32"]), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "江苏" in page and f"{jiangsu.icp_abbr}ICP备" in page
    assert "ICP备案信息真实性责任告知书" in page  # the province's extra material (reference data)
    assert reverse("support:for", args=["material", "domain_certificate"]) in page  # matrix row for 32
    assert str(jiangsu.expected_regulator_review_working_days) in page
    index = client.get(reverse("support:provinces")).content.decode()
    assert index.count('href="/help/provinces/') == Province.objects.count()
    assert client.get(reverse("support:province", args=["99"])).status_code == 404


def test_the_help_index_lists_courses_and_every_section(client, articles):
    page = client.get(reverse("support:index"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "首次备案：一步一步" in page
    for kind in ("step", "filing_type", "material", "rejection_reason", "faq"):
        assert f'id="kind-{kind}"' in page
    course = client.get(reverse("support:course", args=["first-filing"])).content.decode()
    assert course.count("/help/a/") >= 10


def test_every_step_of_a_first_filing_has_its_question_mark_and_the_checklist_links_the_province(
    client, applicant, orders, articles
):

    order = orders.build("DRAFT")
    client.force_login(applicant)
    keys = [s.key for s in FLOW.steps if s.applies(order.filing_type)]
    assert {"checklist", "subject", "website", "materials", "confirm"} <= set(keys)
    for key in keys:
        page = client.get(reverse("applicant:step", args=[order.pk, key])).content.decode()
        assert reverse("support:for", args=["step", key]) in page, key
    checklist = client.get(reverse("applicant:step", args=[order.pk, "checklist"])).content.decode()
    assert reverse("support:province", args=[order.subject.province]) in checklist
