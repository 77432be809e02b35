"""Service codes (备案服务码, rules file §8.6): generated per hosted site within the reference quota, granted to
another account where allowed, bound to the filing started with it, following that filing's outcome."""

import pytest

from beian.accounts.models import Organisation, Platform
from beian.core.exceptions import DomainError, NotFound, PermissionDenied, ValidationFailed
from beian.core.models import AuditEvent
from beian.filings import codes, service_codes, services, states
from beian.filings.models import ServiceCode
from beian.hosting.models import HostedSite, SiteDomain
from beian.reference.models import ReferenceSetting


def set_policy(**changes):
    row = ReferenceSetting.objects.get(key="provider_resources")
    row.value = {**row.value, **changes}
    row.save()


def require_codes(on=True):
    ReferenceSetting.objects.update_or_create(key="service_code_required", defaults={"value": on})


def reload(code):
    return ServiceCode.objects.get(pk=code.pk)


@pytest.fixture
def other_site(organisation):
    site = HostedSite.objects.create(organisation=organisation, slug="second-shop", title="第二个网站")
    SiteDomain.objects.create(site=site, domain="second-shop.cn")
    return site


@pytest.fixture
def sister(platform):
    """Another account of the same platform."""
    return Organisation.objects.create(name="上海姊妹公司有限公司", platform=platform, external_id="acct-2")


# --- generate --------------------------------------------------------------------------------------


def test_a_site_gets_codes_up_to_the_reference_quota_and_no_more(hosted_site, other_site, operator):
    made = service_codes.service_code_generate(site=hosted_site, count=5, actor=operator)
    assert len({c.code for c in made}) == 5 and all(codes.parse(c.code) == c.code for c in made)
    assert {c.state for c in made} == {codes.UNBOUND}
    with pytest.raises(ValidationFailed) as refused:
        service_codes.service_code_generate(site=hosted_site, count=1, actor=operator)
    assert refused.value.code == "service_code.quota_exceeded" and refused.value.field == "count"
    assert "5" in refused.value.message
    assert ServiceCode.objects.filter(site=hosted_site).count() == 5
    assert len(service_codes.service_code_generate(site=other_site, count=2)) == 2  # the quota is per site
    assert AuditEvent.objects.filter(action="service_code.generate").count() == 7


def test_a_request_over_the_quota_generates_none_of_them(hosted_site):
    service_codes.service_code_generate(site=hosted_site, count=3)
    with pytest.raises(ValidationFailed) as refused:
        service_codes.service_code_generate(site=hosted_site, count=3)
    assert "2" in refused.value.message  # how many can still be generated
    assert ServiceCode.objects.count() == 3
    with pytest.raises(ValidationFailed) as nothing:
        service_codes.service_code_generate(site=hosted_site, count=0)
    assert nothing.value.code == "service_code.count_invalid"


def test_the_quota_is_operator_data_and_applies_on_the_next_call(hosted_site):
    set_policy(service_codes_per_resource=1)
    service_codes.service_code_generate(site=hosted_site, count=1)
    with pytest.raises(ValidationFailed):
        service_codes.service_code_generate(site=hosted_site, count=1)
    set_policy(service_codes_per_resource=2)
    assert service_codes.service_code_generate(site=hosted_site, count=1)


def test_voiding_an_unused_code_gives_its_place_back(hosted_site, operator):
    set_policy(service_codes_per_resource=1)
    (code,) = service_codes.service_code_generate(site=hosted_site)
    voided = service_codes.service_code_void(code=code, actor=operator, reason="typo in the site")
    assert voided.state == codes.VOID and not voided.spent and voided.void_reason == "typo in the site"
    assert service_codes.service_code_generate(site=hosted_site)  # the place is free again
    with pytest.raises(DomainError) as again:
        service_codes.service_code_void(code=code, actor=operator)
    assert again.value.status == 409 and again.value.code == "service_code.void"


# --- grant -----------------------------------------------------------------------------------------


def test_a_code_is_granted_to_another_account_of_the_platform_and_taken_back(hosted_site, organisation, sister):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    granted = service_codes.service_code_grant(code=code, to_organisation=sister)
    assert reload(granted).granted_to == sister and granted.granted_at is not None
    back = service_codes.service_code_grant(code=code, to_organisation=organisation)
    assert back.granted_to is None and reload(code).granted_to is None
    assert AuditEvent.objects.filter(action="service_code.grant").count() == 2


def test_a_grant_is_refused_where_reference_data_does_not_allow_it(hosted_site, sister):
    set_policy(cross_account_grant=False)
    (code,) = service_codes.service_code_generate(site=hosted_site)
    with pytest.raises(PermissionDenied) as refused:
        service_codes.service_code_grant(code=code, to_organisation=sister)
    assert refused.value.code == "service_code.grant_not_allowed"
    assert reload(code).granted_to is None


def test_a_code_is_never_granted_outside_the_platform(hosted_site, platform):
    stranger = Organisation.objects.create(
        name="别家平台的公司", platform=Platform.objects.create(name="别家", slug="other"), external_id="acct-1"
    )
    (code,) = service_codes.service_code_generate(site=hosted_site)
    with pytest.raises(NotFound):
        service_codes.service_code_grant(code=code, to_organisation=stranger)
    with pytest.raises(NotFound):
        service_codes.service_code_grant(code=code, to_organisation=Organisation.objects.create(name="散户"))


# --- start a filing with a code --------------------------------------------------------------------


def test_a_filing_started_with_a_code_binds_it(organisation, applicant, hosted_site):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    started = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=code.code.lower()
    )
    bound = reload(code)
    assert bound.state == codes.IN_FILING and bound.order == started.order and bound.bound_at
    event = started.order.events.get(event="service_code")
    assert event.data["code"] == code.masked and event.label == "Service code entered"


def test_a_used_void_foreign_or_mistyped_code_starts_nothing(organisation, applicant, hosted_site, other_site):
    first, second = service_codes.service_code_generate(site=hosted_site, count=2)
    services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=first.code)
    service_codes.service_code_void(code=second, actor=None)
    (other,) = service_codes.service_code_generate(site=other_site)
    attempts = {
        first.code: "service_code.used",
        second.code: "service_code.void",
        "BA-0000-0000-0000": "service_code.unknown",  # a valid check character, no such code
        first.code[:-1] + ("2" if first.code[-1] != "2" else "3"): "service_code.invalid",
    }
    for typed, expected in attempts.items():
        with pytest.raises(ValidationFailed) as refused:
            services.order_start(organisation=organisation, user=applicant, hosted_site=other_site, service_code=typed)
        assert (refused.value.code, refused.value.field) == (expected, "service_code"), typed
    with pytest.raises(ValidationFailed) as elsewhere:
        # hosted_site's open filing is returned without a code; a new site with another site's code is not
        services.order_start(
            organisation=organisation,
            user=applicant,
            hosted_site=HostedSite.objects.create(organisation=organisation, slug="third", title="三"),
            service_code=other.code,
        )
    assert elsewhere.value.code == "service_code.other_site"
    assert reload(other).state == codes.UNBOUND


def test_starting_again_with_the_code_of_the_open_filing_returns_it(organisation, applicant, hosted_site):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    first = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=code.code
    )
    again = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=code.code
    )
    assert again.order == first.order and not again.created


def test_another_tenants_code_reads_as_no_code(organisation, hosted_site, other_tenant):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    stranger_org = other_tenant.memberships.get().organisation
    with pytest.raises(ValidationFailed) as refused:
        services.order_start(organisation=stranger_org, user=other_tenant, service_code=code.code)
    assert refused.value.code == "service_code.unknown"
    assert reload(code).state == codes.UNBOUND


def test_a_granted_code_files_the_grantee_with_the_owners_site(hosted_site, sister):
    from beian.accounts.models import Membership, User

    (code,) = service_codes.service_code_generate(site=hosted_site)
    service_codes.service_code_grant(code=code, to_organisation=sister)
    member = User.objects.create_user(username="sister", password="pw", role="applicant")
    Membership.objects.create(user=member, organisation=sister)
    started = services.order_start(organisation=sister, user=member, service_code=code.code)
    assert started.order.organisation == sister and started.order.website.hosted_site == hosted_site
    assert reload(code).order == started.order


def test_the_owner_cannot_use_a_code_it_granted_away(organisation, applicant, hosted_site, sister):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    service_codes.service_code_grant(code=code, to_organisation=sister)
    with pytest.raises(ValidationFailed) as refused:
        services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=code.code)
    assert refused.value.code == "service_code.granted_elsewhere"


def test_with_the_operator_setting_on_a_new_filing_needs_a_code(organisation, applicant, hosted_site):
    require_codes()
    with pytest.raises(ValidationFailed) as refused:
        services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site)
    assert (refused.value.code, refused.value.field) == ("service_code.required", "service_code")
    assert "备案服务码" in refused.value.message
    assert not organisation.orders.exists()
    (code,) = service_codes.service_code_generate(site=hosted_site)
    started = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=code.code
    )
    assert started.created
    again = services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site)
    assert again.order == started.order and not again.created  # the open filing continues without one
    require_codes(False)
    services.order_start(organisation=organisation, user=applicant, hosted_site=None, verify=None)


def test_a_code_in_a_filing_in_progress_is_not_voided(organisation, applicant, hosted_site):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=code.code)
    with pytest.raises(DomainError) as refused:
        service_codes.service_code_void(code=code)
    assert (refused.value.status, refused.value.code) == (409, "service_code.in_use")
    assert reload(code).state == codes.IN_FILING


# --- following the filing ----------------------------------------------------------------------------


def test_the_code_is_filed_when_its_filing_is_approved(orders, hosted_site, django_capture_on_commit_callbacks):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    with django_capture_on_commit_callbacks(execute=True):
        order = orders.with_service_code(code).approved(acknowledge_warnings=True)
    assert order.status == states.APPROVED
    filed = reload(code)
    assert filed.state == codes.FILED and filed.order == order and filed.filed_at
    assert service_codes.site_quota(hosted_site).in_use == 1


def test_an_abandoned_filing_spends_a_single_use_code(orders, hosted_site, django_capture_on_commit_callbacks):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    with django_capture_on_commit_callbacks(execute=True):
        order = orders.with_service_code(code).abandoned()
    spent = reload(code)
    assert spent.state == codes.VOID and spent.spent and spent.order == order  # Huawei: used once, no refund
    assert service_codes.site_quota(hosted_site).in_use == 1


def test_an_abandoned_filing_frees_a_reusable_code(orders, hosted_site, django_capture_on_commit_callbacks):
    set_policy(single_use=False)
    (code,) = service_codes.service_code_generate(site=hosted_site)
    with django_capture_on_commit_callbacks(execute=True):
        orders.with_service_code(code).abandoned()
    free = reload(code)
    assert free.state == codes.UNBOUND and free.order is None and not free.spent


def test_an_expired_filing_with_refunds_gives_the_place_back(orders, hosted_site, django_capture_on_commit_callbacks):
    set_policy(refund_on_cancel=True)
    (code,) = service_codes.service_code_generate(site=hosted_site)
    with django_capture_on_commit_callbacks(execute=True):
        orders.with_service_code(code).expired()
    void = reload(code)
    assert void.state == codes.VOID and not void.spent
    assert service_codes.site_quota(hosted_site).in_use == 0


def test_cancelling_the_filed_website_voids_its_code(orders, hosted_site, django_capture_on_commit_callbacks):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    with django_capture_on_commit_callbacks(execute=True):
        filed = orders.with_service_code(code).approved(acknowledge_warnings=True)
    assert reload(code).state == codes.FILED
    with django_capture_on_commit_callbacks(execute=True):
        cancel = orders.with_service_code(None).against_record("CANCEL_WEBSITE").approved(acknowledge_warnings=True)
    assert cancel.status == states.APPROVED
    void = reload(code)
    assert void.state == codes.VOID and void.spent and void.order == filed and void.void_reason == cancel.reference
