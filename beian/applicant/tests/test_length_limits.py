"""Inputs carry the rules' own length limits, and a longer value is kept and reported, never cut."""

import re

from django.test import Client

from beian.reference import snapshot
from tests.factories import valid_order


def _website_step(applicant, hosted_site):
    order = valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )
    client = Client()
    client.force_login(applicant)
    return order, client, f"/apply/orders/{order.pk}/step/website/"


def _tag(page: str, name: str) -> str:
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', page)
    assert match, f"no input {name}"
    return match.group(0)


def test_the_inputs_maxlength_are_the_rules_limits(applicant, hosted_site):
    _order, client, url = _website_step(applicant, hosted_site)
    page = client.get(url).content.decode()
    limits = snapshot.current().settings
    assert f'maxlength="{limits.max_text_length}"' in _tag(page, "f-website__name")
    assert f'maxlength="{limits.remark_max_chars}"' in _tag(page, "f-website__remark")


def test_a_too_long_remark_and_pre_approval_number_are_kept_and_reported(applicant, hosted_site):
    order, client, url = _website_step(applicant, hosted_site)
    remark = "本网站介绍公司的产品与服务。" * 80  # 1120 characters
    number = "京教网审" + "1" * 296
    page = client.get(url).content.decode()
    index = re.search(r'value="教育"[^>]*id="id_f-website__pre_approvals_(\d+)"', page).group(1)
    response = client.post(
        url,
        {
            "f-website__remark": remark,
            "f-website__pre_approvals": ["教育"],
            f"f-website__pre_approvals__number__{index}": number,
        },
    )
    order.website.refresh_from_db()
    assert order.website.remark == remark  # not cut at 1000 (nor at the rule's 200)
    assert order.website.pre_approvals == [{"item": "教育", "number": number}]  # not cut at 100
    page = client.get(url).content.decode() if response.status_code == 302 else response.content.decode()
    assert "website.remark.too_long" in page and "input.too_long" in page
