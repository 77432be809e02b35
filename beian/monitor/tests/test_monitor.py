"""The compliance monitor over real filed records (orders approved through the sandbox): risks opened
with a deadline and a notice, kept once, escalated, resolved by a passing re-check, proposed for a
cancel access past their deadline (never cancelled), and "could not check" for a registry outage."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from beian.core import clock, jobs
from beian.core.models import AuditEvent
from beian.filings.models import AccessRecord, RecordStatus, WebsiteFiling
from beian.hosting.models import SiteDomain
from beian.integrations.domain_registry import DomainRegistryError, FixtureDomainRegistry
from beian.monitor import selectors, services
from beian.monitor.models import Risk, RiskStatus, WebsiteCheck
from beian.notifications.models import Notification
from beian.reference.models import ReferenceSetting
from beian.rules.model import DomainFacts

DEMO_SHOP_EXPIRES = dt.date(2028, 6, 30)  # demo-shop.cn in integrations/fixtures/domains.json


class Registry:
    """The fixture registry, with some domains answered otherwise (or failing)."""

    def __init__(self, **overrides):
        self.fixture = FixtureDomainRegistry()
        self.overrides = overrides
        self.asked = 0

    def lookup(self, domain: str):
        self.asked += 1
        answer = self.overrides.get(domain, "fixture")
        if answer == "fixture":
            return self.fixture.lookup(domain)
        if isinstance(answer, Exception):
            raise answer
        return answer


def run(registry=None, *, everything=True, **options):
    tools = services.Tools(registry=registry or Registry())
    return services.monitor_run_report(tools=tools, everything=everything, **options)


def move_to(day: dt.date) -> None:
    clock.advance(days=(day - clock.today()).days)


def audit_actions(risk: Risk) -> list[str]:
    return list(
        AuditEvent.objects.filter(target_type="monitor.risk", target_id=str(risk.pk))
        .order_by("at", "pk")
        .values_list("action", flat=True)
    )


@pytest.fixture
def filed(orders):
    orders.approved()
    return WebsiteFiling.objects.get()


def test_a_website_in_order_has_no_risk_and_its_check_is_kept(filed):
    report = run()
    assert (report.checked, report.opened, report.failed) == (1, 0, 0)
    assert not Risk.objects.exists()
    check = WebsiteCheck.objects.get(website_filing=filed)
    assert check.not_checked == [] and check.incomplete is False


def test_a_domain_about_to_expire_becomes_a_risk_once_with_a_deadline_and_a_notice(
    filed, applicant, django_capture_on_commit_callbacks
):
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=20))
    with django_capture_on_commit_callbacks(execute=True):
        assert run().opened == 1
    risk = Risk.objects.get()
    assert (risk.code, risk.kind, risk.target, risk.website_filing) == (
        "monitor.domain.expires_soon",
        "domain_expiry",
        "demo-shop.cn",
        filed,
    )
    assert risk.message_en == "The domain demo-shop.cn expires on 2028-06-30, in 20 days."
    assert risk.fix_zh == "请在到期前续费域名。"
    assert risk.evidence == {"domain": "demo-shop.cn", "expires_on": "2028-06-30", "days": 20}
    # 10 working days from today end before the expiry: the deadline is the expiry itself
    assert risk.deadline == DEMO_SHOP_EXPIRES
    notice = Notification.objects.get(user=applicant)
    assert filed.filing_number in notice.title and "2028-06-30" in notice.body
    assert notice.link.endswith("#monitor-risks")
    assert audit_actions(risk) == ["monitor.risk_opened"]

    with django_capture_on_commit_callbacks(execute=True):
        again = run()
    assert (again.checked, again.opened) == (1, 0)
    assert Risk.objects.count() == 1 and Notification.objects.filter(user=applicant).count() == 1


def test_expiring_then_expired_escalates_the_same_risk_and_keeps_its_deadline(
    filed, applicant, django_capture_on_commit_callbacks
):
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=5))
    run()
    risk = Risk.objects.get()
    deadline = risk.deadline
    assert deadline > DEMO_SHOP_EXPIRES  # 10 working days to act, even when the expiry comes sooner
    move_to(DEMO_SHOP_EXPIRES + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        report = run()
    assert report.escalated == 1
    risk.refresh_from_db()
    assert (risk.code, risk.severity, risk.deadline) == ("monitor.domain.expired", "error", deadline)
    assert audit_actions(risk)[:2] == ["monitor.risk_opened", "monitor.risk_escalated"]
    assert Notification.objects.filter(user=applicant, dedupe_key__endswith="monitor.domain.expired").count() == 1


def test_past_the_deadline_a_cancel_access_is_proposed_once_and_nothing_is_cancelled(
    filed, applicant, django_capture_on_commit_callbacks
):
    setting = ReferenceSetting.objects.get(key="monitor")
    setting.value = {**setting.value, "recheck_hours": 24 * 60}  # re-checked every 60 days only
    setting.save()
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=20))
    run()
    assert Risk.objects.get().deadline == DEMO_SHOP_EXPIRES
    move_to(DEMO_SHOP_EXPIRES + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        report = run(everything=False)  # a risk past its deadline makes its website due at once
    assert (report.checked, report.proposed) == (1, 1)
    risk = Risk.objects.get()
    assert risk.is_open and risk.proposed_cancel_at is not None
    assert "monitor.risk_cancel_access_proposed" in audit_actions(risk)
    assert AccessRecord.objects.get(website_filing=filed).status == RecordStatus.ACTIVE  # never automatic
    assert [r.pk for r in selectors.risks_for_operators(selectors.PROPOSED)] == [risk.pk]
    from beian.filings.models import AccessCancellationNotice

    notice = AccessCancellationNotice.objects.get(website_filing=filed)  # in the operators' notices, proposed
    assert (notice.status, notice.source) == ("proposed", f"monitor:risk:{risk.pk}")
    assert Notification.objects.filter(user=applicant, dedupe_key__contains="-proposed-").count() == 1
    assert run().proposed == 0


def test_no_proposal_before_a_check_confirms_the_risk_after_its_deadline(filed):
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=20))
    run()
    move_to(Risk.objects.get().deadline + dt.timedelta(days=1))
    outage = Registry(**{"demo-shop.cn": DomainRegistryError("RDAP down")})
    assert run(outage).proposed == 0  # the registry is down: not confirmed, not proposed
    assert Risk.objects.get().proposed_cancel_at is None


def test_a_renewed_domain_resolves_the_risk_at_the_next_check(filed):
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=10))
    run()
    renewed = DomainFacts(
        domain="demo-shop.cn",
        registrant="北京示例科技有限公司",
        real_name_verified=True,
        expires_on=DEMO_SHOP_EXPIRES + dt.timedelta(days=365),
    )
    assert run(Registry(**{"demo-shop.cn": renewed})).resolved == 1
    risk = Risk.objects.get()
    assert (risk.status, risk.resolution) == (RiskStatus.RESOLVED, "passed")
    assert audit_actions(risk)[-1] == "monitor.risk_resolved"
    assert selectors.risks_for_organisation(risk.organisation) == []


def test_a_registry_outage_is_could_not_check_never_a_risk_nor_a_pass(filed):
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=10))
    run()
    outage = Registry(**{"demo-shop.cn": DomainRegistryError("RDAP timed out")})
    report = run(outage)
    assert (report.opened, report.resolved) == (0, 0)
    assert Risk.objects.get().is_open  # not resolved by an outage
    check = WebsiteCheck.objects.get()
    assert check.incomplete is True
    assert {item["reason"] for item in check.not_checked} == {"registry_unavailable"}
    assert [c.filing_number for c in selectors.incomplete_checks()] == [filed.filing_number]


def test_a_registrant_no_longer_the_subject_is_a_risk(filed):
    sold = DomainFacts(
        domain="demo-shop.cn",
        registrant="上海另一家公司有限公司",
        real_name_verified=True,
        expires_on=DEMO_SHOP_EXPIRES,
    )
    run(Registry(**{"demo-shop.cn": sold}))
    risk = Risk.objects.get()
    assert risk.code == "monitor.domain.registrant_changed"
    assert "上海另一家公司有限公司" not in risk.message_zh + risk.message_en + str(risk.evidence)


def test_another_number_in_the_served_page_is_a_footer_risk(filed, hosted_site):
    hosted_site.body_html += '<footer><a href="https://beian.miit.gov.cn/">沪ICP备2021012345号-1</a></footer>'
    hosted_site.save()
    run()
    risk = Risk.objects.get()
    assert (risk.code, risk.kind, risk.target) == ("monitor.footer.wrong_number", "footer", "demo-shop.cn")
    assert risk.evidence["shown"] == "沪ICP备2021012345号-1"
    hosted_site.body_html = "<h1>北京示例科技有限公司</h1>"
    hosted_site.save()
    assert run().resolved == 1


def test_a_domain_no_longer_bound_to_our_site_is_a_hosting_risk(filed, hosted_site):
    SiteDomain.objects.filter(site=hosted_site).delete()
    run()
    risk = Risk.objects.get()
    assert (risk.code, risk.target) == ("monitor.hosting.not_hosted", "demo-shop.cn")
    footer = [item for item in WebsiteCheck.objects.get().not_checked if item["kind"] == "footer"]
    assert footer == [{"kind": "footer", "target": "demo-shop.cn", "reason": "not_hosted"}]


def test_a_subdomain_bound_to_our_site_keeps_the_domain_hosted(filed, hosted_site):
    SiteDomain.objects.filter(site=hosted_site).update(domain="www.demo-shop.cn")
    run()
    assert not Risk.objects.exists()


def test_a_principal_certificate_about_to_expire_is_a_risk_of_the_subject(filed):
    principal = filed.subject_filing.subject.principal
    principal.certificate_valid_until = clock.today() + dt.timedelta(days=15)
    principal.save()
    run()
    risk = Risk.objects.get()
    assert (risk.code, risk.target, risk.website_filing) == (
        "monitor.certificate.expires_soon",
        "subject_principal",
        None,
    )
    assert risk.subject_filing == filed.subject_filing
    assert principal.name not in risk.message_zh + risk.message_en  # no PII in a risk


def test_risks_of_a_website_whose_access_ended_no_longer_apply(filed):
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=10))
    run()
    AccessRecord.objects.filter(website_filing=filed).update(status=RecordStatus.CANCELLED)
    report = run()
    assert (report.checked, report.resolved) == (0, 1)
    assert Risk.objects.get().resolution == "not_applicable"


def test_websites_are_rechecked_once_the_interval_passed(filed):
    registry = Registry()
    assert run(registry, everything=False).checked == 1
    assert run(registry, everything=False).checked == 0  # the job runs every 30 s; the check daily
    clock.advance(hours=24)
    assert run(registry, everything=False).checked == 1
    assert registry.asked == 2


def test_risks_are_read_by_their_tenant_only(filed, other_tenant):
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=10))
    run()
    mine = selectors.risks_for_organisation(filed.subject_filing.organisation)
    assert [r.code for r in mine] == ["monitor.domain.expires_soon"]
    assert selectors.risks_for_organisation(other_tenant.memberships.get().organisation) == []


def test_the_monitor_is_a_periodic_job():
    assert "monitor" in {job.name for job in jobs.registered()}


def test_celery_beats_periodic_task_runs_the_monitor(filed):
    from beian.core.tasks import run_periodic_jobs
    from config.celery import app

    assert app.conf.beat_schedule["periodic-jobs"]["task"] == run_periodic_jobs.name
    assert run_periodic_jobs.apply().get()["monitor"] == 1  # the task beat sends: every job, the monitor's too
    assert WebsiteCheck.objects.filter(website_filing=filed).exists()


def test_the_command_checks_and_says_what_it_found(filed):
    out = io.StringIO()
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=20))
    call_command("monitor_run", "--all", stdout=out)
    assert out.getvalue().startswith("Checked 1 websites in ")
    assert "1 risks opened" in out.getvalue()
    out = io.StringIO()
    call_command("monitor_run", stdout=out)  # checked a moment ago: nothing due
    assert out.getvalue().startswith("Checked 0 websites")
