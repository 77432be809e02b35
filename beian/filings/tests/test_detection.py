"""Filing-type detection with the real lookups (our records across tenants, the external-filing
fixture), order creation against the detected target, and the concurrency rules of §1.8."""

from __future__ import annotations

import pytest
from django.test import override_settings

from beian.core.exceptions import ValidationFailed
from beian.filings import services
from beian.filings.detection import VerifyInput, existing_filings_for, filing_type_detect
from beian.filings.models import SubjectFiling
from beian.filings.precheck import order_precheck
from beian.filings.validation import order_findings
from beian.hosting.models import HostedSite, SiteDomain
from beian.regulator.adapters.sandbox import sms_roles_for
from tests.builders import BEIJING, VALID_ENTERPRISE, OrderBuilder

BEIJING_USCC = VALID_ENTERPRISE["subject.certificate_number"]
YUNFAN_USCC = "913101156000210167"  # 上海云帆信息技术有限公司, filed through 阿里云 (the fixture)


def verify(certificate=BEIJING_USCC, *domains, province="11") -> VerifyInput:
    return VerifyInput(
        province=province, nature=4, certificate_type=1, certificate_number=certificate, domains=domains or ("new.cn",)
    )


@pytest.fixture
def second_account(other_tenant):
    """The same company signed in under a second account (another organisation), with a site."""
    organisation = other_tenant.memberships.get().organisation
    site = HostedSite.objects.create(organisation=organisation, slug="second", title="第二个账号的站点")
    SiteDomain.objects.create(site=site, domain="demo-second.cn")
    return OrderBuilder(organisation=organisation, user=other_tenant, site=site, profile=BEIJING)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


# --- detection ----------------------------------------------------------------------------------


def test_nothing_filed_is_a_first_filing(organisation):
    assert filing_type_detect(organisation=organisation, verify=verify()).filing_type == "FIRST_FILING"


def test_a_subject_filed_with_us(orders, organisation):
    filed = orders.approved()
    record = SubjectFiling.objects.get()
    detected = filing_type_detect(organisation=organisation, verify=verify(BEIJING_USCC, "demo-blog.cn"))
    assert detected.filing_type == "NEW_WEBSITE" and detected.subject_filing == record
    # its filed domain, accessed through us: nothing to file (its subdomains included)
    again = filing_type_detect(organisation=organisation, verify=verify(BEIJING_USCC, f"www.{filed.website.domain}"))
    assert codes(again.findings) == ["website.domain.already_filed_with_us"]
    assert filed.website.filing_number in again.findings[0].message_en


def test_the_same_company_under_a_second_account_is_told_to_use_the_first(orders, second_account):
    orders.approved()
    organisation = second_account.organisation
    detected = filing_type_detect(organisation=organisation, verify=verify(BEIJING_USCC, "demo-second.cn"))
    assert codes(detected.findings) == ["order.filing_type.subject_other_account"]
    assert "京ICP" not in detected.findings[0].message_en  # nothing of the other account is shown


def test_a_second_accounts_order_is_not_told_its_own_domain_and_mobile_belong_to_another_subject(
    orders, second_account
):
    """Regression: subjects were keyed by account; the same certificate is the same subject."""
    filed = orders.approved()
    order = second_account.draft(overrides={"websites[0].domain": filed.website.domain})
    found = codes(order_findings(order))
    assert "website.domain.filed_by_other_subject" not in found
    assert "subject.principal.mobile.used_by_other_subject" not in found
    assert "order.filing_type.subject_other_account" in found
    existing = existing_filings_for(
        organisation=None, certificate_type=1, certificate_number=BEIJING_USCC, domains=[filed.website.domain]
    )
    assert existing.filed_domains == [filed.website.domain] and existing.domains_filed_elsewhere == []


def test_a_subject_and_domain_filed_through_another_provider_is_new_access(organisation):
    detected = filing_type_detect(
        organisation=organisation, verify=verify(YUNFAN_USCC, "www.yunfan-tech.cn", province="31")
    )
    assert detected.filing_type == "NEW_ACCESS" and detected.subject_filing is None
    assert detected.external_subject.number == "沪ICP备2021012345号"
    assert [d.number for d in detected.domain_states] == ["沪ICP备2021012345号-1"]


def test_a_subject_filed_elsewhere_with_a_new_domain_is_a_new_website(organisation):
    detected = filing_type_detect(organisation=organisation, verify=verify(YUNFAN_USCC, "yunfan-new.cn", province="31"))
    assert detected.filing_type == "NEW_WEBSITE" and detected.subject.number == "沪ICP备2021012345号"
    wrong_province = filing_type_detect(organisation=organisation, verify=verify(YUNFAN_USCC, "yunfan-new.cn"))
    assert codes(wrong_province.findings) == ["order.filing_type.province_mismatch"]


def test_a_domain_filed_under_another_subject_is_refused(organisation):
    detected = filing_type_detect(organisation=organisation, verify=verify(BEIJING_USCC, "xinghe-net.cn"))
    assert codes(detected.findings) == ["website.domain.filed_by_other_subject"]
    assert "migration" in detected.findings[0].fix_en


def test_a_requested_type_that_detection_contradicts(organisation):
    detected = filing_type_detect(
        organisation=organisation, verify=verify(YUNFAN_USCC, "yunfan-tech.cn", province="31"), requested="FIRST_FILING"
    )
    assert codes(detected.findings) == ["order.filing_type.requested_wrong"]
    assert "沪ICP备2021012345号-1" in detected.findings[0].message_en


def test_a_lookup_that_cannot_be_asked_says_try_again(orders, tmp_path, organisation):
    broken = tmp_path / "filings.json"
    broken.write_text("{not json", encoding="utf-8")
    draft = orders.draft()
    with override_settings(FILING_LOOKUP_FIXTURE=str(broken)):
        detected = filing_type_detect(organisation=organisation, verify=verify())
        assert codes(detected.findings) == ["order.filing_type.lookup_unavailable"]
        with pytest.raises(ValidationFailed) as refused:
            services.order_start(organisation=organisation, user=draft.created_by, verify=verify())
        assert refused.value.code == "order.filing_type.lookup_unavailable"
        # the rules do not guess either: the wizard and submit say so
        assert "order.filing_type.lookup_unavailable" in codes(order_findings(draft))


# --- creating the order against its target -------------------------------------------------------


def test_new_access_is_prefilled_from_the_record_and_keeps_its_numbers(applicant, organisation, hosted_site):
    started = services.order_start(
        organisation=organisation,
        user=applicant,
        hosted_site=hosted_site,
        verify=verify(YUNFAN_USCC, "yunfan-tech.cn", province="31"),
        requested_type="NEW_ACCESS",
    )
    order = started.order
    assert started.created and order.filing_type == "NEW_ACCESS" and order.subject_filing is None
    assert (order.subject.name, order.subject.filing_number) == ("上海云帆信息技术有限公司", "沪ICP备2021012345号")
    assert order.subject.province == "31" and order.subject.certificate_number == YUNFAN_USCC
    assert (order.website.name, order.website.filing_number) == ("云帆信息官网", "沪ICP备2021012345号-1")
    assert order.website.hosted_site == hosted_site and order.website.principal.name == "陈静"
    assert "order.recorded.mismatch" not in codes(order_findings(order))

    editable = order.actions_for(applicant).editable_paths
    assert "subject.name" in editable and "subject.principal.mobile" in editable  # entered by the applicant
    assert "subject.certificate_number" not in editable and "subject.province" not in editable  # verified

    services.order_update(order=order, user=applicant, values={"websites[0].name": "云帆官网"})
    mismatches = [f for f in order_findings(order) if f.code == "order.recorded.mismatch"]
    assert [f.field for f in mismatches] == ["websites[0].name"] and "云帆信息官网" in mismatches[0].message_zh


def test_new_access_sends_the_sms_to_the_website_principal_only(db):
    assert sms_roles_for("NEW_ACCESS") == ("website_principal",)
    assert set(sms_roles_for("NEW_WEBSITE")) == {"subject_principal", "website_principal"}


def test_a_new_website_for_a_subject_filed_with_us_targets_its_record(orders, applicant, organisation):
    orders.approved()
    record = SubjectFiling.objects.get()
    order = services.order_start(
        organisation=organisation, user=applicant, verify=verify(BEIJING_USCC, "demo-blog.cn")
    ).order
    assert order.filing_type == "NEW_WEBSITE" and order.subject_filing == record and order.subject == record.subject
    assert not any(p.startswith("subject.") for p in order.actions_for(applicant).editable_paths)  # as filed


# --- one open order per target, and §1.8 --------------------------------------------------------


def test_starting_again_returns_the_open_order_for_the_same_target(applicant, organisation, hosted_site):
    first = services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site)
    again = services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site)
    verified = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, verify=verify(BEIJING_USCC, "demo-shop.cn")
    )
    assert first.created and not again.created and not verified.created
    assert again.order == first.order == verified.order
    other_domain = services.order_start(organisation=organisation, user=applicant, verify=verify(BEIJING_USCC, "b.cn"))
    assert other_domain.created and other_domain.order != first.order  # another target


def test_a_filed_site_may_start_another_filing(orders, applicant, organisation, hosted_site):
    filed = orders.approved()
    started = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, verify=verify(BEIJING_USCC, "demo-blog.cn")
    )
    assert started.created and started.order != filed and started.order.filing_type == "NEW_WEBSITE"


def test_a_domain_in_another_tenants_filing_in_progress(orders, second_account):
    submitted = orders.submitted()
    with pytest.raises(ValidationFailed) as refused:
        services.order_start(
            organisation=second_account.organisation,
            user=second_account.user,
            verify=verify("91310115MA1K4LWX2E", submitted.website.domain, province="31"),
        )
    assert refused.value.code == "order.domain_in_pipeline"
    assert "possibly under another account" in refused.value.message
    assert submitted.reference not in refused.value.message  # nothing of the other tenant


def test_a_subject_with_an_order_at_the_regulator_cannot_start_or_send_another(orders, applicant, organisation):
    other_domain = orders.submitted(overrides={"websites[0].domain": "demo-blog.cn"}, acknowledge_warnings=True)
    at_regulator = orders.pending_submission()
    with pytest.raises(ValidationFailed) as refused:
        services.order_start(organisation=organisation, user=applicant, verify=verify(BEIJING_USCC, "demo-new.cn"))
    assert refused.value.code == "order.subject_in_pipeline" and at_regulator.reference in refused.value.message
    # the other order of the subject waits in provider review, but does not go on to the regulator
    with pytest.raises(ValidationFailed) as held:
        services.order_review_approve(order=other_domain, reviewer=orders.reviewer)
    assert held.value.code == "order.subject_in_pipeline"


def test_submit_is_refused_while_the_domain_is_in_another_filing(orders, second_account):
    orders.submitted()
    draft = second_account.complete_draft(overrides={"websites[0].domain": "demo-shop.cn"})
    with pytest.raises(ValidationFailed) as refused:
        services.order_submit(order=draft, user=second_account.user)
    assert refused.value.code == "order.domain_in_pipeline"


def test_every_website_of_a_verified_order_is_checked(applicant, organisation):
    order = services.order_start(
        organisation=organisation, user=applicant, verify=verify(BEIJING_USCC, "demo-a.cn", "demo-b.cn")
    ).order
    assert [w.domain for w in order.websites.all()] == ["demo-a.cn", "demo-b.cn"]
    fields = {f.field for f in order_precheck(order).errors}
    assert "websites[1].name" in fields  # the second website must be filled in before submit
