"""A reviewer's return and the rules agree (rules file §5.3: the province and city are chosen above
the mailing address, and its free text must not repeat them). A mailing address returned as
MAIL_ADDRESS_INVALID used to come with the advice "give the full address: province, city,
district…", and the address written that way got the rules' warning to drop the province again."""

from __future__ import annotations

import pytest
from django.urls import reverse

from beian.applicant.tests.test_pages import step_url
from beian.reference.models import Province, RejectionReason
from beian.support.services import articles_load

pytestmark = pytest.mark.django_db

REPEATS = "subject.mailing_address.repeats_province"


@pytest.fixture
def returned(client, applicant, orders):
    articles_load()
    client.force_login(applicant)
    return orders.returned(fields=("subject.mailing_address",), reason_code="MAIL_ADDRESS_INVALID")


def _save_address(client, order, address: str) -> str:
    data = {"f-subject__mailing_address": address, "save": "1"}
    return client.post(step_url(order, "subject"), data, follow=True, HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.mark.parametrize(
    ("language", "leave_out", "full_list"),
    [
        ("zh-hans", "地址中不要再写", "省、市、区"),
        ("en", "leave them out of the address", "province, city, district"),
    ],
)
def test_the_return_advice_says_to_leave_the_province_out(client, returned, language, leave_out, full_list):
    step = client.get(step_url(returned, "subject"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    link = reverse("support:for", args=["reason", "MAIL_ADDRESS_INVALID"])
    assert f'href="{link}"' in step  # the "?" beside the reviewer's reason
    article = client.get(link, follow=True, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert leave_out in article and full_list not in article
    reason = RejectionReason.objects.get(code="MAIL_ADDRESS_INVALID")  # what the return notification says
    assert "不要重复" in reason.fix_hint_zh and "without repeating them" in reason.fix_hint_en


def test_an_address_written_as_advised_draws_no_warning_and_one_with_the_province_is_told_the_same(client, returned):
    html = _save_address(client, returned, "南山区科技园路1号A栋501室")
    assert REPEATS not in html
    province = Province.objects.get(code=returned.subject.province)
    html = _save_address(client, returned, f"{province.name}南山区科技园路1号A栋501室")
    assert REPEATS in html
    assert "leave them out and start at the district" in html  # the same advice as the return's
