"""The applicant's pages: dashboard, starting a filing, each wizard step (GET, a happy POST, and an
error that keeps the applicant on the step with what they typed), submitting and the order page."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from beian.applicant.flow import FLOW
from beian.filings import fields as order_fields
from beian.filings import services, states
from beian.filings.models import Order
from beian.filings.precheck import order_precheck
from beian.hosting.models import SiteDomain
from tests.builders import VALID_ENTERPRISE, material_files


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # assert on the English msgids
    return client


def form_data(key: str, values: dict | None = None, **extra) -> dict:
    """The POST of one wizard step with the values of a complete enterprise filing."""
    values = {**VALID_ENTERPRISE, **(values or {})}
    data: dict[str, object] = {}
    for path in FLOW.by_key[key].paths:
        if path not in values:
            continue
        name = "f-" + order_fields.BY_PATH[path].form_name
        value = values[path]
        if value is True:
            data[name] = "on"
        elif value is False or value is None:
            continue
        else:
            data[name] = value if isinstance(value, list) else str(value)
    return {**data, **extra}


def step_url(order, key):
    return f"/apply/orders/{order.pk}/step/{key}/"


# --- dashboard and start --------------------------------------------------------------------------


def test_the_dashboard_lists_the_sites_with_their_state(web, hosted_site):
    page = web.get("/apply/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "示例科技官网" in html and "demo-shop.cn" in html
    assert "Unfiled: site is blocked" in html and f'id="start-{hosted_site.slug}"' in html


def test_the_dashboard_shows_an_open_filing_instead_of_start(web, orders):
    order = orders.submitted()
    html = web.get("/apply/").content.decode()
    assert "Filing in progress: site shows a maintenance page" in html
    assert f'href="/apply/orders/{order.pk}/"' in html and order.reference in html
    assert 'id="start-demo-shop"' not in html


def test_the_dashboard_shows_the_number_of_a_filed_site(web, orders):
    order = orders.approved()
    html = web.get("/apply/").content.decode()
    assert "Filed" in html and order.website.filing_number in html


def site_card(html: str, slug: str) -> str:
    """The dashboard's card of one hosted site (我的网站)."""
    match = re.search(rf'<section class="card site-card" data-site="{slug}".*?</section>', html, re.S)
    assert match, slug
    return match.group(0)


def test_a_filed_sites_card_shows_its_number_and_what_can_be_done_instead_of_start(web, orders, hosted_site):
    order = orders.approved()
    number = order.website.filing_number
    html = web.get("/apply/").content.decode()
    card = site_card(html, hosted_site.slug)
    assert 'data-state="filed"' in card and f'<strong class="site-number">{number}</strong>' in card
    assert "Start filing" not in card and order.reference not in card  # the filing is done, not to be opened
    anchor = f"#website-{quote(number)}"
    assert f'href="{anchor}"' in card and f"Change or cancel {number}" in card
    assert f'id="website-{number}"' in html  # the record in My filings it leads to
    assert f'id="start-{hosted_site.slug}">Add a website<' in card


def test_a_filed_site_with_a_cancellation_under_way_and_once_it_is_cancelled(web, orders, hosted_site, applicant):
    cancel = orders.against_record("CANCEL_WEBSITE")
    order = cancel.draft()
    card = site_card(web.get("/apply/").content.decode(), hosted_site.slug)
    assert 'data-state="filed"' in card and f'href="/apply/orders/{order.pk}/"' in card
    assert "Cancel website" in card and order.reference in card and "Draft" in card
    assert f'id="start-{hosted_site.slug}"' not in card  # starting again would only open the cancellation

    services.order_submit(order=order, user=applicant, acknowledged_warnings=order_precheck(order).warning_codes)
    services.order_review_approve(order=order, reviewer=cancel.reviewer)
    order = cancel.decide(cancel.answer_sms(cancel.push(Order.objects.get(pk=order.pk))), approve=True)
    assert order.status == states.APPROVED
    card = site_card(web.get("/apply/").content.decode(), hosted_site.slug)
    assert 'data-state="unfiled"' in card and "Not filed" in card and "Start filing" in card


def test_a_site_being_filed_says_so(web, orders, hosted_site):
    order = orders.submitted()
    card = site_card(web.get("/apply/").content.decode(), hosted_site.slug)
    assert 'data-state="in_progress"' in card and "Filing in progress<" in card
    assert f"Open filing {order.reference}" in card and f'id="start-{hosted_site.slug}"' not in card


def test_adding_a_website_to_a_filed_site_offers_its_unfiled_domain(web, orders, hosted_site):
    orders.approved()
    SiteDomain.objects.create(site=hosted_site, domain="demo-shop.com.cn")
    page = web.get(web.post(f"/apply/sites/{hosted_site.pk}/start/")["Location"]).content.decode()
    assert re.search(r"<textarea[^>]*>\s*demo-shop.com.cn</textarea>", page), page


def verify_data(**extra) -> dict:
    """The first step's POST for the complete enterprise filing (a first filing of demo-shop.cn)."""
    return {
        "province": VALID_ENTERPRISE["subject.province"],
        "nature": VALID_ENTERPRISE["subject.nature"],
        "certificate_type": VALID_ENTERPRISE["subject.certificate_type"],
        "certificate_number": VALID_ENTERPRISE["subject.certificate_number"],
        "domains": VALID_ENTERPRISE["websites[0].domain"],
        **extra,
    }


def test_start_opens_the_verify_step_and_verifying_creates_the_draft(web, hosted_site, organisation):
    response = web.post(f"/apply/sites/{hosted_site.pk}/start/")
    assert response.status_code == 302 and response["Location"] == f"/apply/sites/{hosted_site.pk}/verify/"
    assert not Order.objects.filter(organisation=organisation).exists()  # nothing before the type is known

    page = web.get(response["Location"])
    assert page.status_code == 200 and "demo-shop.cn" in page.content.decode()  # the site's domain, prefilled
    checked = web.post(response["Location"], verify_data(check="1"))
    html = checked.content.decode()
    assert checked.status_code == 200 and 'data-type="FIRST_FILING"' in html and 'id="verify-confirm"' in html
    assert not Order.objects.filter(organisation=organisation).exists()  # checking creates nothing

    created = web.post(response["Location"], verify_data(confirm="1"))
    order = Order.objects.get(organisation=organisation)
    assert order.status == states.DRAFT and order.website.hosted_site == hosted_site
    assert order.filing_type == "FIRST_FILING" and order.subject.province == "11"
    assert order.subject.certificate_number == VALID_ENTERPRISE["subject.certificate_number"]
    assert created.status_code == 302 and created["Location"] == step_url(order, "verify")
    shown = web.get(step_url(order, "verify")).content.decode()
    assert 'id="filing-type"' in shown and "locked" in shown
    assert '<td id="verified-province">北京</td>' in shown or '<td id="verified-province">Beijing</td>' in shown


def test_verify_refuses_a_domain_filed_under_another_subject_and_explains(web, hosted_site, organisation):
    url = f"/apply/sites/{hosted_site.pk}/verify/"
    response = web.post(url, verify_data(domains="xinghe-net.cn", confirm="1"))
    html = response.content.decode()
    assert response.status_code == 200 and 'id="verify-refused"' in html
    assert "website.domain.filed_by_other_subject" in html and "website migration" in html
    assert 'id="verify-confirm"' not in html and not Order.objects.filter(organisation=organisation).exists()


def test_verify_explains_a_wrongly_requested_type(web, hosted_site):
    data = verify_data(domains="yunfan-tech.cn", province="31", certificate_number="913101156000210167")
    html = web.post(f"/apply/sites/{hosted_site.pk}/verify/", {**data, "filing_type": "NEW_WEBSITE"}).content.decode()
    assert "order.filing_type.requested_wrong" in html and "New access" in html
    detected = web.post(f"/apply/sites/{hosted_site.pk}/verify/", {**data, "check": "1"}).content.decode()
    assert 'data-type="NEW_ACCESS"' in detected and "沪ICP备2021012345号-1" in detected


def test_new_access_through_the_wizard_keeps_the_numbers_and_shows_them_locked(web, hosted_site, organisation):
    data = verify_data(domains="yunfan-tech.cn", province="31", certificate_number="913101156000210167")
    created = web.post(f"/apply/sites/{hosted_site.pk}/verify/", {**data, "confirm": "1"})
    order = Order.objects.get(organisation=organisation)
    assert created.status_code == 302 and created["Location"] == step_url(order, "verify")
    assert order.filing_type == "NEW_ACCESS" and order.website.filing_number == "沪ICP备2021012345号-1"
    html = web.get(step_url(order, "verify")).content.decode()
    assert "沪ICP备2021012345号" in html and "沪ICP备2021012345号-1" in html and "locked" in html


def test_verify_opens_the_filing_in_progress_of_the_same_domain(web, hosted_site, orders, organisation):
    orders.submitted()
    response = web.post(
        f"/apply/sites/{hosted_site.pk}/verify/", verify_data(domains="demo-shop.cn", confirm="1"), follow=True
    )
    # the site's own filing in progress is opened instead (one open order per target)
    assert response.redirect_chain[-1][0].startswith("/apply/orders/")
    assert "A filing for this domain is already open" in response.content.decode()


def test_a_filed_site_can_start_another_filing(web, hosted_site, orders):
    orders.approved()
    html = web.get("/apply/").content.decode()
    assert f'id="start-{hosted_site.slug}"' in html
    response = web.post(f"/apply/sites/{hosted_site.pk}/start/")
    assert response["Location"] == f"/apply/sites/{hosted_site.pk}/verify/"
    blog = web.post(response["Location"], verify_data(domains="demo-blog.cn", check="1")).content.decode()
    assert 'data-type="NEW_WEBSITE"' in blog


def test_start_again_opens_the_filing_already_under_way(web, hosted_site, organisation):
    web.post(f"/apply/sites/{hosted_site.pk}/verify/", verify_data(confirm="1"))
    again = web.post(f"/apply/sites/{hosted_site.pk}/start/")
    order = Order.objects.get(organisation=organisation)  # still one
    assert again.status_code == 302 and again["Location"] == f"/apply/orders/{order.pk}/"
    # verifying the same domain again opens that order too: one open order per target
    twice = web.post(f"/apply/sites/{hosted_site.pk}/verify/", verify_data(confirm="1"))
    assert twice.status_code == 302 and twice["Location"] == f"/apply/orders/{order.pk}/"
    assert Order.objects.filter(organisation=organisation).count() == 1


def test_start_needs_a_post(web, hosted_site):
    assert web.get(f"/apply/sites/{hosted_site.pk}/start/").status_code == 405


# --- the wizard, step by step ---------------------------------------------------------------------


@pytest.fixture
def draft(web, hosted_site, organisation):
    web.post(f"/apply/sites/{hosted_site.pk}/verify/", verify_data(confirm="1"))
    return Order.objects.get(organisation=organisation)


def test_the_wizard_from_checklist_to_submitted(web, draft, django_capture_on_commit_callbacks):
    for key, following in (
        ("verify", "checklist"),
        ("checklist", "context"),
        ("context", "subject"),
        ("subject", "website"),
        ("website", "materials"),
    ):
        page = web.get(step_url(draft, key))
        assert page.status_code == 200, key
        response = web.post(step_url(draft, key), form_data(key, **{"continue": "1"}))
        assert response.status_code == 302, (key, response.content.decode()[:2000])
        assert response["Location"] == step_url(draft, following)

    draft.refresh_from_db()
    assert draft.subject.name == VALID_ENTERPRISE["subject.name"]
    assert draft.website.domain == VALID_ENTERPRISE["websites[0].domain"]
    assert draft.subject.principal.certificate_valid_until.isoformat() == "2036-01-01"

    materials = web.get(step_url(draft, "materials"))
    assert materials.status_code == 200
    for slot, (name, data) in material_files(order=draft).items():  # the order's own signed form
        if f'/materials/{slot}/"' not in materials.content.decode():
            continue
        with django_capture_on_commit_callbacks(execute=True):  # the checks run after the upload
            response = web.post(f"/apply/orders/{draft.pk}/materials/{slot}/", {"file": SimpleUploadedFile(name, data)})
        assert response.status_code == 302 and response["Location"] == step_url(draft, "materials")
    assert draft.materials.filter(is_current=True, check_status="done").count() == 7
    assert "Uploaded." in web.get(step_url(draft, "materials")).content.decode()

    confirm = web.get(step_url(draft, "confirm"))
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert VALID_ENTERPRISE["subject.name"] in html and VALID_ENTERPRISE["websites[0].domain"] in html

    # the applicant ticks each warning shown (nothing less is accepted)
    shown = re.findall(r'name="acknowledge" value="([^"]+)"', html)
    submitted = web.post(f"/apply/orders/{draft.pk}/submit/", {"acknowledge": shown})
    assert submitted.status_code == 302 and submitted["Location"] == f"/apply/orders/{draft.pk}/"
    draft.refresh_from_db()
    assert draft.status == states.PENDING_PROVIDER_REVIEW


def test_save_without_continue_stays_on_the_step(web, draft):
    response = web.post(step_url(draft, "checklist"), form_data("checklist"))
    assert response.status_code == 302 and response["Location"] == step_url(draft, "checklist")
    draft.subject.refresh_from_db()
    assert draft.subject.province == "11"


def _kept_on_step(response, typed: str):
    html = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name in {"applicant/step.html", "applicant/websites.html"}
    assert "Saved. Fix the errors marked below before continuing." in html
    assert f'value="{typed}"' in html or f">{typed}</textarea>" in html


def test_a_bad_domain_keeps_the_applicant_on_the_context_step(web, draft):
    web.post(step_url(draft, "checklist"), form_data("checklist"))
    response = web.post(step_url(draft, "context"), {"f-website__domain": "not a domain", "continue": "1"})
    _kept_on_step(response, "not a domain")
    draft.website.refresh_from_db()
    assert draft.website.domain == "not a domain"  # saved: nothing typed is lost


def test_a_bad_mobile_keeps_the_applicant_on_the_subject_step(web, draft):
    web.post(step_url(draft, "checklist"), form_data("checklist"))
    data = form_data("subject", {"subject.principal.mobile": "12345"}, **{"continue": "1"})
    response = web.post(step_url(draft, "subject"), data)
    _kept_on_step(response, "12345")
    assert 'value="' + VALID_ENTERPRISE["subject.name"] + '"' in response.content.decode()


def test_a_bad_site_name_keeps_the_applicant_on_the_website_step(web, draft):
    for key in ("checklist", "context", "subject"):
        web.post(step_url(draft, key), form_data(key))
    data = form_data("website", {"websites[0].name": "x"}, **{"continue": "1"})
    response = web.post(step_url(draft, "website"), data)
    _kept_on_step(response, "x")
    assert VALID_ENTERPRISE["websites[0].remark"] in response.content.decode()


def test_an_unknown_step_is_not_found(web, draft):
    assert web.get(step_url(draft, "nonsense")).status_code == 404


def test_another_tenants_order_is_not_found(client, other_tenant, draft):
    client.force_login(other_tenant)
    assert client.get(step_url(draft, "checklist")).status_code == 404
    assert client.get(f"/apply/orders/{draft.pk}/").status_code == 404


# --- the order page -------------------------------------------------------------------------------


def test_the_order_page_of_a_submitted_filing(web, orders):
    order = orders.submitted()
    page = web.get(f"/apply/orders/{order.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert order.reference in html and 'id="order-status"' in html
    assert "Withdraw to draft" in html and 'id="timeline"' in html
    assert "Edit the filing" not in html  # under review: nothing to edit


def test_the_order_page_lists_the_returned_fields_with_a_link_to_their_step(web, orders):
    order = orders.returned(fields=["websites[0].name"], note="请使用公司简称")
    html = web.get(f"/apply/orders/{order.pk}/").content.decode()
    assert "Fields returned for changes" in html and "请使用公司简称" in html
    assert f'href="{step_url(order, "website")}"' in html
    assert "Edit the filing" in html


def test_the_order_page_of_a_filed_order_shows_its_number(web, orders):
    order = orders.approved()
    html = web.get(f"/apply/orders/{order.pk}/").content.decode()
    assert f'<strong id="filing-number">{order.website.filing_number}</strong>' in html
    assert "Withdraw to draft" not in html


def test_withdraw_from_the_order_page(web, orders):
    order = orders.submitted()
    unconfirmed = web.post(f"/apply/orders/{order.pk}/withdraw/")
    order.refresh_from_db()
    assert unconfirmed.status_code == 302 and order.status == states.PENDING_PROVIDER_REVIEW
    response = web.post(f"/apply/orders/{order.pk}/withdraw/", {"confirm": "on"})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == states.DRAFT
