"""The compliance monitor's pure checks (rules file §8.1, §8.3, §6.5, §1.7): what a filed website's
facts make of it — a risk (a finding), a pass, or "could not check"."""

from __future__ import annotations

from datetime import date, timedelta

import idna
import pytest

from beian.rules import RULES
from beian.rules import monitor as m
from beian.rules.model import DomainFacts

TODAY = date(2026, 12, 4)
POLICY = m.MonitorPolicy(expiry_warning_days=30)
NUMBER = "京ICP备2026000001号-1"
LINK = "https://beian.miit.gov.cn/"


def page(footer: str, body: str = "<h1>北京示例科技有限公司</h1>") -> str:
    return f"<!doctype html><html><body><main>{body}</main><footer>{footer}</footer></body></html>"


def footer(html: str | None, **options):
    return m.check_footer(html, filing_number=NUMBER, link=LINK, host="demo-shop.cn", **options)


def code(outcome: m.Outcome) -> str | None:
    return outcome.finding.code if outcome.finding else None


# --- footer -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page(f'<a href="{LINK}" target="_blank">{NUMBER}</a>'), None),
        (page(f'<a href="https://beian.miit.gov.cn">{NUMBER}</a>'), None),  # no trailing slash
        (page('<a href="https://beian.miit.gov.cn/#/Integrated/index">京ICP备 2026000001号-1</a>'), None),
        (page(f'<p>备案号：<a href="{LINK}"><span>{NUMBER}</span></a></p>'), None),  # nested markup
        (page(f'<a href="{LINK}">京ICP备<b>2026000001</b>号-1</a>'), None),  # tags inside the number
        (page(f'<a href="{LINK}">{NUMBER}</a><span>2024</span>'), None),  # a year right after it
        (page(f'<a href="{LINK}">{NUMBER} 2024</a>'), None),
        (page(f'<a href="{LINK}">京ICP备2026000001号</a> <a href="{LINK}">{NUMBER}</a>'), None),  # subject's too
        (page(""), "monitor.footer.missing"),
        (page(f"<script>var n = '{NUMBER}';</script>"), "monitor.footer.missing"),  # not visible
        (page(f'<a href="{LINK}">京ICP备2026000001号</a>'), "monitor.footer.missing"),  # no -n suffix
        (page(f"<span>{NUMBER}</span>"), "monitor.footer.link"),  # not a link
        (page(f'<a href="http://www.miitbeian.gov.cn/">{NUMBER}</a>'), "monitor.footer.link"),  # obsolete site
        (page(f'<a href="https://beian.miit.gov.cn.example.com/">{NUMBER}</a>'), "monitor.footer.link"),
        (page(f'<a href="{LINK}">沪ICP备2021012345号-1</a>'), "monitor.footer.wrong_number"),  # another's
        (page(f'<a href="{LINK}">京ICP备2026000001号-2</a>'), "monitor.footer.wrong_number"),  # another website
        (
            page(f'<a href="{LINK}">{NUMBER}</a>', body="<p>沪ICP备2021012345号-1</p>"),
            "monitor.footer.wrong_number",  # a custom footer or the content adds another subject's number
        ),
    ],
)
def test_footer(html, expected):
    assert code(footer(html)) == expected


def test_footer_finding_says_what_to_show_and_where_to_link():
    finding = footer(page("")).finding
    assert finding is not None
    assert NUMBER in finding.message_zh and "demo-shop.cn" in finding.message_en
    assert LINK in finding.fix_en and LINK in finding.fix_zh
    wrong = footer(page(f'<a href="{LINK}">沪ICP备2021012345号-1</a>')).finding
    assert wrong is not None and "沪ICP备2021012345号-1" in wrong.message_en


def test_footer_not_read_is_not_a_risk():
    assert footer(None, not_checked=m.NOT_HOSTED) == m.Outcome(m.FOOTER, "demo-shop.cn", not_checked=m.NOT_HOSTED)
    blocked = footer(page(f'<a href="{LINK}">{NUMBER}</a>'), status=451)
    assert blocked.finding is None and blocked.not_checked == m.NOT_SERVED


def test_footer_of_an_idn_host_is_shown_as_people_read_it():
    host = idna.encode("星河网络.中国").decode("ascii")
    outcome = m.check_footer(page(""), filing_number=NUMBER, link=LINK, host=host)
    assert outcome.target == host  # the risk is keyed by the A-label, as the records store domains
    assert outcome.finding is not None and "星河网络.中国" in outcome.finding.message_en


# --- domain -------------------------------------------------------------------------------------------


def facts(**values) -> DomainFacts:
    base = {
        "domain": "demo-shop.cn",
        "registrant": "北京示例科技有限公司",
        "real_name_verified": True,
        "expires_on": TODAY + timedelta(days=400),
    }
    return DomainFacts(**{**base, **values})


def domain(found: DomainFacts | None, **options) -> dict[str, m.Outcome]:
    values = {"subject_name": "北京示例科技有限公司", "principal_name": "张三", "is_organisation": True, **options}
    outcomes = m.check_domain(found, domain="demo-shop.cn", today=TODAY, policy=POLICY, **values)
    return {o.kind: o for o in outcomes}


def test_a_domain_in_order_passes_every_check():
    outcomes = domain(facts())
    assert set(outcomes) == {m.DOMAIN_EXPIRY, m.DOMAIN_HOLDER, m.DOMAIN_REAL_NAME}
    assert all(o.finding is None and not o.not_checked for o in outcomes.values())


@pytest.mark.parametrize(
    ("days", "expected", "due_by"),
    [
        (31, None, None),
        (30, "monitor.domain.expires_soon", TODAY + timedelta(days=30)),  # within the horizon: warned
        (0, "monitor.domain.expires_soon", TODAY),  # expires today: still valid today
        (-1, "monitor.domain.expired", None),
    ],
)
def test_domain_expiry(days, expected, due_by):
    outcome = domain(facts(expires_on=TODAY + timedelta(days=days)))[m.DOMAIN_EXPIRY]
    assert code(outcome) == expected
    assert outcome.due_by == due_by


def test_domain_about_to_expire_says_when_and_how_long():
    finding = domain(facts(expires_on=date(2026, 12, 20)))[m.DOMAIN_EXPIRY].finding
    assert finding is not None and finding.severity.value == "warning"
    assert finding.message_en == "The domain demo-shop.cn expires on 2026-12-20, in 16 days."
    assert finding.fix_zh == "请在到期前续费域名。"


def test_domain_holder_changed():
    assert (
        code(domain(facts(registrant="上海另一家公司有限公司"))[m.DOMAIN_HOLDER]) == "monitor.domain.registrant_changed"
    )
    assert code(domain(facts(registrant="北京示例科技有限公司 "))[m.DOMAIN_HOLDER]) is None
    assert code(domain(facts(registrant="北京示例科技有限公司（）"))[m.DOMAIN_HOLDER]) is not None
    # an organisation's domain held by its principal was accepted at filing where the province allows it
    assert code(domain(facts(registrant="张三"))[m.DOMAIN_HOLDER]) is None
    assert code(domain(facts(registrant="张三"), is_organisation=False, subject_name="李四")[m.DOMAIN_HOLDER]) == (
        "monitor.domain.registrant_changed"
    )
    # the finding names no person: the risk keeps no PII
    finding = domain(facts(registrant="王五"))[m.DOMAIN_HOLDER].finding
    assert finding is not None and "王五" not in finding.message_zh + finding.message_en


def test_domain_no_longer_real_name_verified():
    assert code(domain(facts(real_name_verified=False))[m.DOMAIN_REAL_NAME]) == "monitor.domain.not_verified"


def test_what_the_registry_does_not_say_is_not_checked():
    hidden = domain(facts(registrant="", real_name_verified=None, expires_on=None))
    assert {k: (o.finding, o.not_checked) for k, o in hidden.items()} == {
        m.DOMAIN_EXPIRY: (None, m.NO_DATE),
        m.DOMAIN_HOLDER: (None, m.NO_NAME),
        m.DOMAIN_REAL_NAME: (None, m.NOT_REPORTED),
    }


@pytest.mark.parametrize("reason", [m.REGISTRY_UNAVAILABLE, ""])
def test_a_registry_outage_or_an_unknown_domain_is_not_a_risk(reason):
    outcomes = domain(None, not_checked=reason)
    assert all(o.finding is None for o in outcomes.values())
    assert {o.not_checked for o in outcomes.values()} == {reason or m.REGISTRY_UNKNOWN}


# --- certificates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valid_until", "long_term", "expected"),
    [
        (TODAY + timedelta(days=31), False, None),
        (TODAY + timedelta(days=30), False, "monitor.certificate.expires_soon"),
        (TODAY - timedelta(days=1), False, "monitor.certificate.expired"),
        (TODAY - timedelta(days=1), True, None),  # long-term (长期): never expires
        (None, True, None),
    ],
)
def test_certificate(valid_until, long_term, expected):
    outcome = m.check_certificate(
        valid_until, long_term=long_term, role=m.SUBJECT_PRINCIPAL, today=TODAY, policy=POLICY
    )
    assert code(outcome) == expected
    assert (outcome.kind, outcome.target) == (m.CERTIFICATE, m.SUBJECT_PRINCIPAL)


def test_certificate_names_the_role_in_each_language():
    outcome = m.check_certificate(
        date(2026, 12, 10), long_term=False, role=m.WEBSITE_PRINCIPAL, today=TODAY, policy=POLICY
    )
    assert outcome.finding is not None
    assert outcome.finding.message_en == "The website principal's certificate expires on 2026-12-10, in 6 days."
    assert outcome.finding.message_zh.startswith("网站负责人的证件将于 2026-12-10 到期")
    assert outcome.due_by == date(2026, 12, 10)


def test_certificate_without_a_date_is_not_checked():
    outcome = m.check_certificate(None, long_term=False, role=m.WEBSITE_PRINCIPAL, today=TODAY, policy=POLICY)
    assert outcome.finding is None and outcome.not_checked == m.NO_DATE


# --- hosting -----------------------------------------------------------------------------------------


def test_hosting():
    assert code(m.check_hosting(True, domain="demo-shop.cn")) is None
    gone = m.check_hosting(False, domain="demo-shop.cn")
    assert code(gone) == "monitor.hosting.not_hosted"
    assert gone.finding is not None and "demo-shop.cn" in gone.finding.message_zh


def test_every_monitor_code_has_a_kind():
    monitor_codes = {c for c in RULES if c.startswith("monitor.")}
    assert monitor_codes == set(m.KIND_OF_CODE)
    assert set(m.KIND_OF_CODE.values()) == set(m.KINDS)
