"""The wizard for orders against a filed record (rules file §1.5–§1.7, §8.4): a change walks "what you
change", the part it changes (locked fields read-only, a domain editor for a website), materials and
a confirmation with the diff against the record; a cancellation or a change of access is one step
and the confirmation. Through the Django test client, as a browser posts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings

from beian.applicant.flow import FLOW
from beian.core import clock
from beian.filings import changes, states
from beian.filings import fields as order_fields
from beian.filings.models import FiledDomain, Order, WebsiteFiling
from beian.hosting.models import HostedSite, SiteDomain
from tests.builders import upload_materials

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # assert on the English msgids
    return client


def url(order, key=""):
    return f"/apply/orders/{order.pk}/step/{key}/" if key else f"/apply/orders/{order.pk}/"


def as_posted(response, **changes_) -> dict:
    """What a browser posts for the step's form as shown (disabled fields are not posted), with
    `changes_` ({form name: value}) typed over it."""
    form = response.context["form"]
    data: dict[str, object] = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form.initial.get(name)
        key = form.add_prefix(name)
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, list):
            data[key] = [v["item"] if isinstance(v, dict) else v for v in value]
        elif isinstance(value, dt.date):
            data[key] = value.isoformat()
        elif value is not None:
            data[key] = str(value)
    return {**data, **changes_}


def fresh(order) -> Order:
    return Order.objects.get(pk=order.pk)


def test_each_type_walks_its_own_steps(orders):
    def keys(kind):
        return [s.key for s in FLOW.applicable(Order(filing_type=kind))]

    assert keys("FIRST_FILING") == ["verify", "checklist", "context", "subject", "website", "materials", "confirm"]
    assert keys("CHANGE_WEBSITE") == ["change", "website", "materials", "confirm"]
    assert keys("CHANGE_SUBJECT") == ["change", "subject", "materials", "confirm"]
    assert keys("CHANGE_FILING") == ["change", "subject", "website", "materials", "confirm"]
    assert keys("CANCEL_WEBSITE") == keys("CANCEL_SUBJECT") == keys("CANCEL_ACCESS") == ["cancellation", "confirm"]
    assert keys("CHANGE_ACCESS") == ["access", "confirm"]
    cancel, change = Order(filing_type="CANCEL_WEBSITE"), Order(filing_type="CHANGE_SUBJECT")
    assert FLOW.step_of_path("confirmation", cancel).key == "cancellation"
    assert FLOW.step_of_path("filing_type", cancel).key == "cancellation"  # the empty-shell warnings
    assert FLOW.step_of_path("filing_type", change).key == "subject"  # nothing changed: where data changes
    assert FLOW.step_of_path("subject.nature", change).key == "subject"  # no checklist step in a change


def test_a_website_name_change_through_the_wizard_to_submit(web, orders, django_capture_on_commit_callbacks):
    order = orders.against_record("CHANGE_WEBSITE").draft()
    record = WebsiteFiling.objects.get(pk=order.website.website_filing_id)
    filed_name = record.name

    # the order page's edit link, and a link to a new filing's step, lead to "what you change"
    page = web.get(url(order)).content.decode()
    assert f'href="{url(order, "change")}"' in page
    assert web.get(url(order, "checklist"))["Location"] == url(order, "change")

    change = web.get(url(order, "change"))
    html = change.content.decode()
    assert record.filing_number in html and "demo-shop.cn" in html
    assert "What no change can change" in html and "website migration" in html
    assert "keeps serving" in html
    assert "Website principal" in html and "138****8000" in html  # the SMS goes to the website principal
    assert "If you submit today, the change is expected to be approved" in html
    response = web.post(url(order, "change"), {"continue": "1"})
    assert response["Location"] == url(order, "website")

    website = web.get(url(order, "website"))
    html = website.content.decode()
    assert 'name="f-website__name"' in html and 'name="f-website__domain"' not in html  # the domain: fixed
    assert "main domain · fixed" in html and "Nothing in this change differs" not in html
    data = as_posted(website, **{"f-website__name": filed_name + "新版", "continue": "1"})
    response = web.post(url(order, "website"), data)
    assert response.status_code == 302 and response["Location"] == url(order, "materials")
    assert fresh(order).website.name == filed_name + "新版"

    with django_capture_on_commit_callbacks(execute=True):
        upload_materials(fresh(order), orders.user)
    confirm = web.get(url(order, "confirm")).content.decode()
    diff = re.search(r'<table class="diff record-diff" id="record-diff">(.*?)</table>', confirm, re.S).group(1)
    assert f"{filed_name}</td>" in diff and f"{filed_name}新版</td>" in diff  # as filed → applied for
    shown = re.findall(r'name="acknowledge" value="([^"]+)"', confirm)
    response = web.post(f"/apply/orders/{order.pk}/submit/", {"acknowledge": shown}, follow=True)
    assert fresh(order).status == states.PENDING_PROVIDER_REVIEW
    assert "keeps serving with its filing number while the change is reviewed" in response.content.decode()
    record.refresh_from_db()
    assert record.name == filed_name  # the record changes only when the regulator approves


def test_locked_fields_cannot_be_posted(web, orders):
    order = orders.against_record("CHANGE_WEBSITE").draft()
    website = web.get(url(order, "website"))
    data = as_posted(website, **{"f-website__domain": "another-domain.cn", "f-subject__name": "另一家公司"})
    assert web.post(url(order, "website"), data).status_code == 302
    order = fresh(order)
    assert order.website.domain == "demo-shop.cn" and order.subject.name != "另一家公司"
    assert web.post(url(order, "subject"), {"f-subject__name": "另一家公司"}).status_code == 404  # not its step
    order.refresh_from_db()
    assert order.subject.name != "另一家公司"


def test_a_subject_change_shows_the_fixed_fields_read_only_and_masked(web, orders):
    order = orders.against_record("CHANGE_SUBJECT").draft()
    filed = order.subject.certificate_number
    subject = web.get(url(order, "subject"))
    html = subject.content.decode()
    for name in ("province", "nature", "certificate_type", "certificate_number"):
        assert re.search(rf'name="f-subject__{name}"[^>]*disabled|disabled[^>]*name="f-subject__{name}"', html), name
    assert filed not in html and order.subject.certificate_number_masked in html  # read, not edited
    assert "Fixed by the filed record." in html
    data = as_posted(subject, **{"f-subject__certificate_number": "91110000600037341X", "f-subject__province": "31"})
    data["f-subject__mailing_address"] = "北京市海淀区新地址1号"
    assert web.post(url(order, "subject"), data).status_code == 302
    order = fresh(order)
    assert order.subject.certificate_number == filed and order.subject.province == "11"
    assert order.subject.mailing_address == "北京市海淀区新地址1号"
    assert [c.path for c in changes.record_diff(order)] == ["subject.mailing_address"]


def test_the_domain_editor_adds_removes_and_keeps_domains(web, orders):
    record = orders.filed_record().websites.get()
    FiledDomain.objects.create(website_filing=record, domain="demo-shop.com.cn", added_at=clock.now())
    order = orders.against_record("CHANGE_WEBSITE").draft()
    assert order.website.other_domains == ["demo-shop.com.cn"]
    page = web.get(url(order, "website"))

    removed = web.post(url(order, "website"), as_posted(page, domain_action="remove:0:demo-shop.com.cn"), follow=True)
    html = removed.content.decode()
    assert "keeps serving until the regulator approves, then stops being served" in html
    assert fresh(order).website.other_domains == []

    added = web.post(
        url(order, "website"), as_posted(page, domain_action="add:0", **{"new_domain-0": "demo-shop.net"}), follow=True
    )
    assert "added: served once the regulator approves" in added.content.decode()
    assert fresh(order).website.other_domains == ["demo-shop.net"]
    change = changes.domain_changes(fresh(order))[0]
    assert (change.added, change.removed) == (("demo-shop.net",), ("demo-shop.com.cn",))

    # a domain typed in the box is kept with "Save and continue" too; a bad one keeps the applicant here
    bad = web.post(url(order, "website"), as_posted(page, **{"new_domain-0": "not a domain", "continue": "1"}))
    assert fresh(order).website.other_domains == ["demo-shop.net", "not a domain"]
    html = bad.content.decode()
    assert bad.status_code == 200 and "Saved. Fix the errors marked below before continuing." in html
    assert "website.domain.syntax" in html and "not a domain" in html
    assert "website.domain.syntax" in web.get(url(order, "confirm")).content.decode()  # and it stops the submit

    kept = web.post(url(order, "website"), as_posted(page, domain_action="keep:0:demo-shop.com.cn"), follow=True)
    assert "The domain stays with the website." in kept.content.decode()
    assert "demo-shop.com.cn" in fresh(order).website.other_domains


def test_a_cancellation_with_the_wrong_confirmation_is_refused_and_keeps_what_was_typed(web, orders):
    order = orders.against_record("CANCEL_WEBSITE", reason_code="", confirmation="").draft()
    page = web.get(url(order, "cancellation")).content.decode()
    assert "the website&#x27;s domains are blocked here" in page or "the website's domains are blocked here" in page
    assert "never reused" in page and "Type <strong" in page and "demo-shop.cn" in page
    assert 'value="SITE_CLOSED"' in page and "The website is closed" in page  # reasons from reference data
    assert "empty shell" in page.lower() and "cancel.empty_shell.subject" in page
    assert "In Beijing a website can later be added to an empty-shell subject directly" in page

    data = {"reason_code": "SITE_CLOSED", "reason_note": "不再运营", "confirmation": "wrong.cn", "continue": "1"}
    refused = web.post(url(order, "cancellation"), data)
    html = refused.content.decode()
    assert refused.status_code == 200 and "cancel.confirmation.mismatch" in html
    assert "Cancellation cannot be undone: type “demo-shop.cn” to confirm." in html
    assert 'value="wrong.cn"' in html and ">不再运营</textarea>" in html
    assert re.search(r'value="SITE_CLOSED"\s+selected', html)

    submit = web.post(f"/apply/orders/{order.pk}/submit/", {"acknowledge": ["cancel.empty_shell.subject"]})
    assert submit["Location"] == url(order, "confirm")
    assert fresh(order).status == states.DRAFT


@pytest.mark.parametrize("kind", ["CANCEL_WEBSITE", "CANCEL_SUBJECT", "CANCEL_ACCESS"])
def test_a_cancellation_just_started_asks_for_its_reason_without_an_error_until_a_save(web, orders, kind):
    order = orders.against_record(kind, reason_code="", confirmation="").draft()
    first = web.get(url(order, "cancellation")).content.decode()
    assert "cancel.reason.required" not in first and "cancel.confirmation.mismatch" not in first
    assert 'aria-invalid="true"' not in first

    tried = web.post(url(order, "cancellation"), {"reason_code": "", "confirmation": "", "continue": "1"})
    html = tried.content.decode()
    assert tried.status_code == 200 and "Saved. Fix the errors marked below before continuing." in html
    assert "cancel.reason.required" in html
    assert ("cancel.confirmation.mismatch" in html) == changes.irreversible(kind)
    assert "cancel.reason.required" in web.get(url(order, "confirm")).content.decode()  # it stops the submit


def test_a_typed_confirmation_that_does_not_match_shows_after_a_draft_save(web, orders):
    order = orders.against_record("CANCEL_WEBSITE", reason_code="", confirmation="").draft()
    saved = web.post(url(order, "cancellation"), {"reason_code": "", "confirmation": "wrong.cn", "save": "1"})
    assert saved.status_code == 302
    html = web.get(url(order, "cancellation")).content.decode()
    assert "cancel.confirmation.mismatch" in html and 'aria-invalid="true"' in html
    assert "cancel.reason.required" not in html  # not yet asked to go on


def test_a_correct_cancellation_submits_once_the_empty_shell_warning_is_acknowledged(web, orders):
    order = orders.against_record("CANCEL_WEBSITE", reason_code="", confirmation="").draft()
    data = {"reason_code": "SITE_CLOSED", "reason_note": "", "confirmation": " DEMO-SHOP.CN ", "continue": "1"}
    response = web.post(url(order, "cancellation"), data)
    assert response.status_code == 302 and response["Location"] == url(order, "confirm")

    confirm = web.get(url(order, "confirm")).content.decode()
    assert "The website is closed" in confirm and 'value="cancel.empty_shell.subject"' in confirm
    assert "No SMS verification" in confirm  # cancel website: no MIIT SMS (§1.1)
    assert web.post(f"/apply/orders/{order.pk}/submit/")["Location"] == url(order, "confirm")  # not acknowledged
    assert fresh(order).status == states.DRAFT
    submitted = web.post(
        f"/apply/orders/{order.pk}/submit/", {"acknowledge": ["cancel.empty_shell.subject"]}, follow=True
    )
    assert fresh(order).status == states.PENDING_PROVIDER_REVIEW
    html = submitted.content.decode()
    assert "Everything keeps serving as it does now until the regulator approves the cancellation." in html
    assert "The website is closed" in html and "Regulator decision expected" in html


def test_change_access_chooses_another_hosted_site(web, orders, organisation):
    order = orders.against_record("CHANGE_ACCESS").draft()
    other = HostedSite.objects.create(organisation=organisation, slug="demo-new", title="新版官网")
    SiteDomain.objects.create(site=other, domain="demo-new.cn")
    foreign = HostedSite.objects.create(organisation=orders_other_org(), slug="foreign", title="别人的站点")

    page = web.get(url(order, "access")).content.decode()
    assert "新版官网" in page and "别人的站点" not in page and "serves it now" in page
    unchanged = web.post(url(order, "access"), {"hosted_site": str(order.website.hosted_site_id), "continue": "1"})
    assert unchanged.status_code == 200 and "change.access.nothing_changed" in unchanged.content.decode()
    refused = web.post(url(order, "access"), {"hosted_site": str(foreign.pk), "continue": "1"})
    assert (
        refused.status_code == 200 and "Choose the hosted site that will serve the website." in refused.content.decode()
    )
    moved = web.post(url(order, "access"), {"hosted_site": str(other.pk), "continue": "1"})
    assert moved["Location"] == url(order, "confirm")
    assert fresh(order).website.hosted_site_id == other.pk
    confirm = web.get(url(order, "confirm")).content.decode()
    assert "Serves it once approved" in confirm and "新版官网" in confirm


def orders_other_org():
    from beian.accounts.models import Organisation

    return Organisation.objects.create(name="另一家公司")


def test_the_order_page_of_a_subject_cancellation_in_sms_verification(web, orders):
    order = orders.against_record("CANCEL_SUBJECT").sms_verification(acknowledge_warnings=True)
    html = web.get(url(order)).content.decode()
    assert "Cancel subject" in html and 'id="sms-verification"' in html
    assert re.search(r'id="sms-sent-to">Texted to: <strong>Subject principal</strong></p>', html)  # not the website's
    assert "Regulator decision expected" in html and "Filing number expected" not in html
    assert "every website under it are cancelled" in html
    assert order_fields.websites_of(order)[0].website_filing.filing_number in html


def test_the_order_page_of_an_approved_website_change(web, orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).approved(
        acknowledge_warnings=True
    )
    html = web.get(url(order)).content.decode()
    assert "Change website info" in html and order.website.website_filing.filing_number in html
    assert "the filed record now holds what this order applied for" in html
    assert "Nothing differs from the filed record yet." not in html and "Edit the order" not in html


def test_the_order_page_of_an_approved_website_cancellation_says_what_it_did_to_the_site(web, orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CANCEL_WEBSITE").approved(acknowledge_warnings=True)
    html = web.get(url(order)).content.decode()
    done = html[html.index('id="record-order-done"') :][:1500]
    assert "Your website is cancelled" in done
    assert (
        f"Website {record.name} ({record.filing_number}) is cancelled; its domains no longer serve: demo-shop.cn"
        in done
    )
    assert "empty shell" in done  # the subject has no accessed website left
    assert 'href="/apply/#filings"' in done
    assert "Filing number" not in html and "site's footer" not in html  # nothing was filed
    assert '<del class="removed-domain" title="demo-shop.cn">demo-shop.cn</del>' in html  # the record's ended domain
    assert "The website is closed" in html  # the reason it was cancelled for


def test_the_order_page_of_an_approved_cancel_access_says_our_access_ended_not_that_the_filing_is_cancelled(
    web, orders
):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CANCEL_ACCESS").approved(acknowledge_warnings=True)
    html = web.get(url(order)).content.decode()
    done = html[html.index('id="record-order-done"') :][:1500]
    assert f"we no longer serve website {record.name} ({record.filing_number})" in done and "demo-shop.cn" in done
    assert "it is now an empty-shell website" in done  # no other provider accesses it
    assert "cancelled as applied for" not in html and "Filing number" not in html


def test_a_returned_reason_and_confirmation_link_to_the_cancellation_step_and_show_there(web, orders):
    order = orders.against_record("CANCEL_WEBSITE").returned(
        fields=("reason_code", "confirmation"), note="请选择真实原因", acknowledge_warnings=True
    )
    html = web.get(url(order)).content.decode()
    returned = html[html.index("Fields returned for changes") :][:600]
    assert f'<a href="{url(order, "cancellation")}">Cancellation reason</a>' in returned
    assert f'<a href="{url(order, "cancellation")}">Typed confirmation</a>' in returned
    step = web.get(url(order, "cancellation")).content.decode()
    assert step.count("Returned by the reviewer") == 2 and "请选择真实原因" in step
