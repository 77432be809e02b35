"""A step with errors is saved but cannot be continued; without errors it moves on."""

from django.test import Client

from beian.filings import services
from beian.reference.models import PreApprovalItem, ServiceContent


def test_errors_keep_the_applicant_on_the_step_and_nothing_typed_is_lost(applicant, hosted_site):
    order = services.order_create_draft(
        organisation=applicant.memberships.get().organisation, user=applicant, hosted_site=hosted_site
    )
    services.order_update(order=order, user=applicant, values={"subject.nature": 4, "subject.province": "11"})
    client = Client()
    client.force_login(applicant)
    url = f"/apply/orders/{order.pk}/step/subject/"
    bad = client.post(
        url,
        {"f-subject__certificate_type": "1", "f-subject__certificate_number": "91110000600037341X", "continue": "1"},
    )
    assert bad.status_code == 200 and "subject.uscc.checksum" in bad.content.decode()
    order.subject.refresh_from_db()
    assert order.subject.certificate_number == "91110000600037341X"
    good = client.post(
        url,
        {"f-subject__certificate_type": "1", "f-subject__certificate_number": "91110000600037341L", "continue": "1"},
    )
    assert good.status_code == 302 and good["Location"].endswith("/step/website/")


def _website_step(applicant, hosted_site):
    from tests.factories import valid_order

    order = valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )
    client = Client()
    client.force_login(applicant)
    return order, client, f"/apply/orders/{order.pk}/step/website/"


def _checkbox_index(page: str, item: str) -> str:
    import re

    match = re.search(
        rf'value="{item}"[^>]*id="id_f-website__pre_approvals_(\d+)"|id="id_f-website__pre_approvals_(\d+)"[^>]*value="{item}"',
        page,
    )
    assert match, f"no checkbox for {item}"
    return match.group(1) or match.group(2)


def test_the_applicant_enters_a_pre_approval_with_its_number(applicant, hosted_site):
    order, client, url = _website_step(applicant, hosted_site)
    page = client.get(url).content.decode()
    index = _checkbox_index(page, "教育")
    assert f'name="f-website__pre_approvals__number__{index}"' in page

    # the item without its number: saved, and the rules name what is missing
    missing = client.post(url, {"f-website__pre_approvals": ["教育"], "continue": "1"})
    assert missing.status_code == 200 and "website.pre_approval.number_missing" in missing.content.decode()
    order.website.refresh_from_db()
    assert order.website.pre_approvals == [{"item": "教育", "number": ""}]

    done = client.post(
        url,
        {"f-website__pre_approvals": ["教育"], f"f-website__pre_approvals__number__{index}": " 京教网审〔2026〕12号 "},
    )
    order.website.refresh_from_db()
    assert order.website.pre_approvals == [{"item": "教育", "number": "京教网审〔2026〕12号"}]
    page = client.get(url).content.decode()
    assert 'value="京教网审〔2026〕12号"' in page  # shown again beside its ticked item
    assert "website.pre_approval.number_missing" not in page
    assert done.status_code in (200, 302)


def test_an_unknown_pre_approval_item_is_not_stored(applicant, hosted_site):
    order, client, url = _website_step(applicant, hosted_site)
    before = order.website.pre_approvals
    assert before == [{"item": "以上都不涉及", "number": ""}]
    client.post(
        url, {"f-website__pre_approvals": ["以上都不涉及", "<script>"], "f-website__pre_approvals__number__0": "x"}
    )
    order.website.refresh_from_db()
    assert order.website.pre_approvals == before  # the "none" option carries no number either


def test_the_dashboard_reads_filing_types_without_a_query_per_order(applicant, hosted_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    organisation = applicant.memberships.get().organisation
    client = Client()
    client.force_login(applicant)

    def queries_with(n):
        while organisation.orders.count() < n:
            services.order_create_draft(organisation=organisation, user=applicant, hosted_site=hosted_site)
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/apply/")
        assert page.content.decode().count("首次备案") >= n  # the label is shown for every order
        return len(captured)

    assert queries_with(2) == queries_with(6)


def _visible(page: str) -> str:
    import re

    return re.sub(r"<[^>]+>", " ", page)


def test_the_website_step_names_reference_options_in_the_readers_language(applicant, hosted_site):

    _order, client, url = _website_step(applicant, hosted_site)
    service, item = (
        ServiceContent.objects.exclude(name_en="").first(),
        PreApprovalItem.objects.exclude(name_en="").first(),
    )

    client.cookies["django_language"] = "en"
    english = _visible(client.get(url).content.decode())
    assert "None of the above" in english and "以上都不涉及" not in english
    assert service.name_en in english and service.name_zh not in english
    assert item.name_en in english and item.name_zh not in english

    client.cookies["django_language"] = "zh-hans"
    chinese = _visible(client.get(url).content.decode())
    assert "以上都不涉及" in chinese and "None of the above" not in chinese
    assert service.name_zh in chinese and item.name_zh in chinese
